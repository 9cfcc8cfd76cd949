// Pricing one item of a scenario by its card's rules, with the parts, notes
// and warnings that say how (docs/pricing.md states the rules); pricer.cpp
// also holds ItemSweep (estimate.hpp), which prices one changing item. The
// estimate (estimate.cpp) combines the items; the result's JSON is written in
// result.cpp.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "estimate.hpp"

// Text for people (notes, labels, warnings) runs once an estimate, never in
// a sweep: compiled for size where the compiler can be told so (estimate.cpp
// and pricer.cpp).
#if defined(__clang__)
#define LABELCOST_TEXT __attribute__((minsize, noinline))
#else
#define LABELCOST_TEXT
#endif

namespace labelcost {

// Overflow-checked money arithmetic; the first overflow is remembered and the
// whole estimate fails with amount_too_large.
struct Calc {
    static constexpr i128 kInt64Max = std::numeric_limits<std::int64_t>::max();

    bool overflow = false;

    // round_half_up(product of factors / divisor), in micro-dollars.
    Money muldiv(std::initializer_list<i128> factors, i128 divisor) {
        i128 acc = 1;
        for (i128 f : factors)
            if (!mul_checked(acc, f, acc)) return fail();
        const i128 q = div_round_half_up(acc, divisor);
        if (q > kInt64Max) return fail();
        return Money{static_cast<std::int64_t>(q)};
    }
    Money add(Money a, Money b) {
        std::int64_t r = 0;
        if (__builtin_add_overflow(a.micros, b.micros, &r)) return fail();
        return Money{r};
    }
    Money fail() {
        overflow = true;
        return Money{};
    }
};

// Where a priced item's parts, notes and warnings go: an estimate's item
// and warnings, or nowhere (a total only: tables, sweeps, budgets), so that
// pricing has one path and the words cost nothing where no one reads them.
class Detail {
public:
    static Detail none() { return Detail(); }
    Detail(ItemResult& item, Issues& warnings) : item_(&item), warnings_(&warnings) {}

    // Whether anything is written: test before work done only for the words.
    explicit operator bool() const { return item_ != nullptr; }
    // The item's result; only when written.
    ItemResult& item() { return *item_; }
    void part(std::string name, std::string quantity, std::string unit, std::string unit_price, Money cost) {
        if (item_)
            item_->parts.push_back(
                {std::move(name), std::move(quantity), std::move(unit), std::move(unit_price), cost});
    }
    void note(std::string text) {
        if (item_) item_->notes.push_back(std::move(text));
    }
    void warn(Issue issue) {
        if (warnings_) warnings_->push_back(std::move(issue));
    }

private:
    Detail() = default;
    ItemResult* item_ = nullptr;
    Issues* warnings_ = nullptr;
};

class Pricer {
public:
    // `auto_fraction`, when given, is every labeling item's auto-labeled
    // fraction, whatever it states: the break-even search.
    Pricer(const Scenario& scenario, PriceOptions options, std::optional<Dec> auto_fraction = std::nullopt);

    // Prices one item. `labeling_sum` is the sum of the scenario's labeling
    // items (for rework).
    Money price(const Item& item, Money labeling_sum, Detail out);

    // A discount or credit: takes `wanted` off, at most what is left of
    // `total`. `base` is what a discount is a share of.
    Money reduction(const Item& item, Money base, Money wanted, Money total, Detail out);

    Calc calc;
    std::int64_t last_human = 0;  // people-labeled objects of the last labeling item priced

private:
    // The fee on `objects` more objects in `month`: its tiers continue from
    // the objects the items above already paid for in that month, and the
    // card's free objects, when the scenario asks for them, come first.
    Money fee(std::int64_t objects, const std::string& unit, Detail out, std::int64_t month);

    Money compute_parts(std::int64_t min_jobs, std::int64_t prop_objects, std::int64_t rate, const std::string& unit,
                        const char* name, Detail out);

    // Human labels (per-label price) and private labor for `human` objects.
    Money people(const Item& item, const TaskRates& task, const WorkforceRates& wf, std::int64_t human,
                 std::int64_t multiplier, int workers, Money price, Detail out);

    // What a labeling item's numbers came from, in words.
    struct Facts {
        std::int64_t removed, labeled, base, extra, human, automated, raised, too_small, min_jobs, multiplier;
        int workers;
        Money price;
        bool al, labor_excluded;
    };
    void labeling_notes(const Item& item, const TaskRates& task, const WorkforceRates& wf, Detail out, const Facts& f);

    Money labeling(const Item& item, Detail out);

    // What a labeling item's estimate should say besides its numbers.
    void labeling_warnings(const Item& item, const WorkforceRates& wf, Detail out, std::int64_t too_small,
                           bool labor_excluded);

    Money auto_labeling(const Item& item, Detail out);

    Money rework(const Item& item, Money labeling_sum, Detail out);

    Money storage(const Item& item, Detail out);

    Money fixed(const Item& item, Detail out);

    const RateCard& card_;
    PriceOptions o_;
    std::optional<Dec> auto_fraction_;
    bool free_tier_;                      // the card's free objects apply
    bool months_;                         // items lie in more than one month: parts say which
    std::vector<std::int64_t> fee_used_;  // objects that paid the fee, by month (sized with the first fee)
};

}  // namespace labelcost
