// Pricing a parsed scenario. docs/pricing.md states every rule implemented here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "effort.hpp"
#include "result.hpp"
#include "scenario.hpp"

namespace labelcost {

constexpr int kResultFormat = 1;

// Which values stand in for the ones a scenario leaves unset: the card's
// typical value, or the end of its range that gives the lowest or highest cost.
enum class Variant { Typical, Low, High };

struct Part {
    std::string name;
    std::string quantity;
    std::string unit;
    std::string unit_price;
    Money cost;
};

struct Savings {
    Money without;  // active learning off
    Money with;
    // The smallest auto-labeled fraction at which active learning costs
    // less than labeling everything by people; unset when it never does.
    std::optional<Dec> break_even;
};

struct ItemResult {
    Money cost;
    Money low;
    Money high;
    std::vector<Part> parts;
    std::vector<std::string> notes;
    bool labor_excluded = false;
    std::int64_t labeled = 0;  // objects after removing duplicates
    std::int64_t human = 0;    // of those, labeled by people
    // The fewest and most labeled by people across the cost range (the
    // auto-labeled fraction's range), for the effort's range.
    std::int64_t human_fewest = 0;
    std::int64_t human_most = 0;
    std::int64_t automated = 0;  // of those, auto-labeled
    std::optional<Savings> savings;
    // The inputs the point estimate used, stated or the card's typical value:
    // workers (labeling), the auto-labeled fraction (labeling with active
    // learning) and compute per 10,000 objects (labeling with active
    // learning, and auto-labeling without a stated compute).
    int workers = 0;
    std::optional<Dec> auto_fraction;
    std::optional<Money> compute_per_10k;
};

struct Estimate {
    std::vector<ItemResult> items;
    Money total;
    Money low;
    Money high;
    Savings savings;
    bool labor_excluded = false;
    std::int64_t objects = 0;  // objects of labeling and auto-labeling items
    Effort effort;
    std::optional<ScheduleAnswer> schedule;  // when the scenario has a schedule
    Issues warnings;
};

// Options that change how a scenario is priced without changing it.
struct PriceOptions {
    Variant variant = Variant::Typical;
    bool active_learning = true;  // false: price every job without active learning
};

// Prices a scenario in full (parts, notes, ranges, savings; its warnings are
// part of the estimate). On overflow it fails with an amount_too_large error
// naming the item.
Result<Estimate> estimate(const Scenario& scenario);

// Only the total, without parts or notes: for tables, comparisons and sweeps.
Result<Money> total_only(const Scenario& scenario, const PriceOptions& options);

// Totals of a scenario in which one item changes from call to call (a
// sweep): the other items are priced once, and each total() prices the
// changed item, and the rework items when it is a labeling item (their
// labeling sum then changes with it). The same totals as total_only(), to
// the micro-dollar; the item may change its values, not its kind.
class ItemSweep {
public:
    ItemSweep(const Scenario& scenario, std::size_t index, const PriceOptions& options);
    // The total with scenario.items[index] as it is now; nullopt when too large.
    std::optional<Money> total() const;
    // Items priced by each total().
    std::size_t prices_per_total() const { return full_ ? scenario_.items.size() : 1 + reworks_.size(); }

private:
    const Scenario& scenario_;
    std::size_t index_;
    PriceOptions options_;
    bool full_ = false;                 // discounts, credits or monthly fee tiers: price all of it
    bool overflow_ = false;             // the other items alone are too large
    Money others_;                      // the other items, but reworks_
    Money labeling_others_;             // the other labeling items
    std::vector<std::size_t> reworks_;  // rework items priced by each total()
};

class JsonWriter;
// {"code", "path", "message"}.
void write_issue(JsonWriter& w, const Issue& issue);
// [{"code", "path", "message"}, ...].
void write_issues(JsonWriter& w, const Issues& issues);
// {"id", "title", "effective", "custom"}: custom when the card came with the scenario.
void write_card_ref(JsonWriter& w, const RateCard& card, bool custom = false);
// "rates": {"id", "title", "effective", "custom"}: the card a scenario was priced with.
void write_card_ref(JsonWriter& w, const Scenario& scenario);
// "per_object" and "per_1000" of `cost` over `objects` (null without objects).
void write_per_object(JsonWriter& w, Money cost, std::int64_t objects);
// `key`: {"min", "typical", "max"} of a range.
void write_range(JsonWriter& w, std::string_view key, const Range<Dec>& range);

// Result format v1, as JSON text.
std::string result_text(const Scenario& scenario, const Estimate& estimate);

// The default display name of an item.
std::string item_title(const Item& item);

}  // namespace labelcost
