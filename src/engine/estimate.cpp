#include "estimate.hpp"

#include "pricer.hpp"

#include <algorithm>

namespace labelcost {
namespace {

// Item i's detail in an estimate being written, or none (a total only).
Detail detail(Estimate* into, std::size_t i) {
    return into ? Detail(into->items[i], into->warnings) : Detail::none();
}

Issue too_large(const std::string& path) {
    return {Code::amount_too_large, path,
            "the cost is larger than labelcost can state exactly (about $9.2 trillion); reduce the objects, "
            "prices or multipliers"};
}

struct Totals {
    std::vector<Money> items;
    std::vector<std::int64_t> human;  // labeling items: objects labeled by people
    Money total;
};

// Discounts, then credits, in item order, each taking its amount off what is
// left of the total. Item costs above are never negative here.
LABELCOST_TEXT bool reduce(const Scenario& s, Pricer& pricer, Totals& t, Money labeling_sum, Estimate* into) {
    std::vector<Money> above(s.items.size() + 1);  // sum of the items above i that are not reductions
    for (std::size_t i = 0; i < s.items.size(); ++i)
        above[i + 1] = is_reduction(s.items[i].kind) ? above[i] : pricer.calc.add(above[i], t.items[i]);
    for (const ItemKind pass : {ItemKind::Discount, ItemKind::Credit}) {
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const Item& item = s.items[i];
            if (item.kind != pass) continue;
            const Money base = item.of == DiscountOf::Labeling ? labeling_sum : above[i];
            const Money wanted =
                pass == ItemKind::Credit ? item.amount : pricer.calc.muldiv({base.micros, item.fraction.nano}, kNano);
            t.items[i] = pricer.reduction(item, base, wanted, t.total, detail(into, i));
            t.total = pricer.calc.add(t.total, t.items[i]);
        }
    }
    return !pricer.calc.overflow;
}

// Prices every item: labeling items first, so that rework can use their sum,
// then discounts and credits.
std::optional<Totals> price_all(const Scenario& s, const PriceOptions& options, Estimate* into, Issues& errors) {
    Pricer pricer(s, options);
    Totals t;
    t.items.resize(s.items.size());
    t.human.resize(s.items.size());
    Money labeling_sum;
    auto run = [&](bool rework_pass) -> bool {
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const Item& item = s.items[i];
            if (is_reduction(item.kind) || (item.kind == ItemKind::Rework) != rework_pass) continue;
            t.items[i] = pricer.price(item, labeling_sum, detail(into, i));
            if (pricer.calc.overflow) {
                errors.push_back(too_large(item.path()));
                return false;
            }
            if (item.kind == ItemKind::Labeling) {
                labeling_sum = pricer.calc.add(labeling_sum, t.items[i]);
                t.human[i] = pricer.last_human;
            }
            t.total = pricer.calc.add(t.total, t.items[i]);
            if (pricer.calc.overflow) {
                errors.push_back(too_large("items"));
                return false;
            }
        }
        return true;
    };
    if (!run(false) || !run(true)) return std::nullopt;
    if (!reduce(s, pricer, t, labeling_sum, into)) {
        errors.push_back(too_large("items"));
        return std::nullopt;
    }
    return t;
}

// Cost of one labeling item at a given auto-labeled fraction (for break-even).
std::optional<Money> labeling_at(const Scenario& s, const Item& item, std::int64_t fraction) {
    Pricer pricer(s, PriceOptions{}, Dec{fraction});
    const Money m = pricer.price(item, Money{}, Detail::none());
    if (pricer.calc.overflow) return std::nullopt;
    return m;
}

// The smallest fraction, in steps of 0.01%, at which active learning beats
// labeling everything by people. Cost never rises as the fraction grows. The
// item is priced on its own, both ways: its fee is the same either way.
std::optional<std::int64_t> break_even(const Scenario& s, const Item& item) {
    constexpr std::int64_t kStep = kNano / 10'000;
    Pricer alone(s, PriceOptions{Variant::Typical, false});
    const Money without = alone.price(item, Money{}, Detail::none());
    if (alone.calc.overflow) return std::nullopt;
    const auto at_full = labeling_at(s, item, kNano);
    if (!at_full || *at_full >= without) return std::nullopt;
    std::int64_t lo = 0, hi = 10'000;  // cost(hi) < without
    while (lo < hi) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        const auto c = labeling_at(s, item, mid * kStep);
        if (c && *c < without)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo * kStep;
}

}  // namespace

Result<Money> total_only(const Scenario& scenario, const PriceOptions& options) {
    Issues errors;
    const auto t = price_all(scenario, options, nullptr, errors);
    if (!t) return Result<Money>::failure(std::move(errors));
    return t->total;
}

namespace {

// Whether any value the scenario leaves to the card has a range (otherwise
// low and high are the point estimate), and whether anything uses active
// learning (otherwise "without" is the point estimate too).
struct Shape {
    bool ranges = false;
    bool active_learning = false;
};

Shape shape_of(const Scenario& s) {
    Shape shape;
    const ActiveLearningRates& alr = s.card->active_learning;
    const bool al_ranges =
        alr.auto_fraction.min != alr.auto_fraction.max || alr.compute_per_10k.min != alr.compute_per_10k.max;
    for (const Item& item : s.items) {
        if (item.kind == ItemKind::Labeling) {
            if (!item.multiplier && !item.unit_price &&
                item.workforce->multiplier.min != item.workforce->multiplier.max)
                shape.ranges = true;
            if (item.active_learning) {
                shape.active_learning = true;
                if (al_ranges && (!item.active_learning->auto_fraction || !item.active_learning->compute_per_10k))
                    shape.ranges = true;
            }
        } else if (item.kind == ItemKind::AutoLabeling) {
            if (!item.compute && !item.compute_per_10k && alr.compute_per_10k.min != alr.compute_per_10k.max)
                shape.ranges = true;
            if (item.task && item.workforce) shape.active_learning = true;
        }
    }
    return shape;
}

}  // namespace

Result<Estimate> estimate(const Scenario& s) {
    Issues errors;
    Estimate e;
    e.items.resize(s.items.size());
    const auto typical = price_all(s, PriceOptions{}, &e, errors);
    if (!typical) return Result<Estimate>::failure(std::move(errors));
    const Shape shape = shape_of(s);
    const auto low = shape.ranges ? price_all(s, PriceOptions{Variant::Low, true}, nullptr, errors) : typical;
    const auto high = shape.ranges ? price_all(s, PriceOptions{Variant::High, true}, nullptr, errors) : typical;
    const auto without =
        shape.active_learning ? price_all(s, PriceOptions{Variant::Typical, false}, nullptr, errors) : typical;
    if (!low || !high || !without) return Result<Estimate>::failure(std::move(errors));

    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const Item& item = s.items[i];
        ItemResult& r = e.items[i];
        r.cost = typical->items[i];
        r.low = low->items[i];
        r.high = high->items[i];
        // A reduction is larger (more negative) where the total is: its own
        // range is written low to high all the same.
        if (r.low.micros > r.high.micros) std::swap(r.low, r.high);
        r.human_fewest = std::min({low->human[i], typical->human[i], high->human[i]});
        r.human_most = std::max({low->human[i], typical->human[i], high->human[i]});
        if (item.kind == ItemKind::Labeling || item.kind == ItemKind::AutoLabeling) e.objects += item.objects;
        e.labor_excluded = e.labor_excluded || r.labor_excluded;
        const bool has_al = item.kind == ItemKind::Labeling && item.active_learning;
        const bool batch_with_task = item.kind == ItemKind::AutoLabeling && item.task && item.workforce;
        if (has_al || batch_with_task) {
            Savings sv{without->items[i], r.cost, std::nullopt};
            if (has_al)
                if (auto fraction = break_even(s, item)) sv.break_even = Dec{*fraction};
            if (has_al && r.automated > 0 && sv.with >= sv.without)
                e.warnings.push_back(
                    {Code::active_learning_no_savings, item.path() + ".active_learning",
                     fmt(r.labor_excluded ? "active learning costs {} more than labeling everything by people here "
                                            "(the labor it would save is not stated)"
                                          : "active learning costs {} more than labeling everything by people here",
                         {dollars_text(Money{sv.with.micros - sv.without.micros})})});
            r.savings = sv;
        }
    }
    e.total = typical->total;
    // Discounts of more than the whole of what they apply to can make a
    // cheaper end cost more: the range is the least and most of the three.
    e.low = std::min({low->total, typical->total, high->total}, [](Money a, Money b) { return a.micros < b.micros; });
    e.high = std::max({low->total, typical->total, high->total}, [](Money a, Money b) { return a.micros < b.micros; });
    e.savings = Savings{without->total, typical->total, std::nullopt};
    e.effort = effort_of(s, e.items);
    if (s.schedule) e.schedule = schedule_of(s, e.items, e.effort, e.warnings);
    return e;
}

}  // namespace labelcost
