#include "budget.hpp"

#include <algorithm>

#include "answer.hpp"
#include "reader.hpp"
#include "writer.hpp"

namespace labelcost {
namespace {

// Objects left once duplicates are removed, as the pricer counts them.
std::int64_t labeled_of(std::int64_t objects, Dec duplicates) {
    return objects - static_cast<std::int64_t>(div_floor(static_cast<i128>(objects) * duplicates.nano, kNano));
}

// The smallest count whose labeled objects reach `labeled`; nullopt past the limit.
std::optional<std::int64_t> count_for(std::int64_t labeled, Dec duplicates) {
    std::int64_t lo = labeled, hi = limits::kMaxObjects;
    if (lo > hi || labeled_of(hi, duplicates) < labeled) return std::nullopt;
    while (lo < hi) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (labeled_of(mid, duplicates) >= labeled)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

// Job sizes at which a job's cost falls, ascending: active learning starts,
// or a smaller share is left to people.
std::vector<std::int64_t> falling_sizes(const ActiveLearningRates& al) {
    std::vector<std::int64_t> sizes;
    if (al.min_dataset > 1) sizes.push_back(al.min_dataset);
    for (const ShareTier& tier : al.validation_share)
        if (tier.below && *tier.below > 1) sizes.push_back(*tier.below);
    // At most 11 sizes: sorted in place, each kept once.
    for (std::size_t i = 1; i < sizes.size(); ++i)
        for (std::size_t j = i; j > 0 && sizes[j - 1] > sizes[j]; --j) std::swap(sizes[j - 1], sizes[j]);
    sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
    return sizes;
}

}  // namespace

std::optional<std::vector<std::int64_t>> falling_points(const Item& item, const RateCard& card) {
    std::vector<std::int64_t> points;
    if (item.kind != ItemKind::Labeling || !item.active_learning || !item.task->active_learning) return points;
    const std::vector<std::int64_t> sizes = falling_sizes(card.active_learning);
    if (sizes.size() * static_cast<std::size_t>(item.jobs) > limits::kMaxBudgetPoints) return std::nullopt;
    // Jobs differ by at most one object: the k-th job reaches size t when
    // (t - 1) x jobs + k objects are labeled. Sizes ascend, and so do these
    // counts (count_for grows with what it is given).
    for (std::int64_t t : sizes)
        for (std::int64_t k = 1; k <= item.jobs; ++k)
            if (auto n = count_for((t - 1) * item.jobs + k, item.duplicates)) points.push_back(*n);
    return points;
}

Fit largest_within(Scenario& scenario, std::size_t index, const PriceOptions& options,
                   const std::vector<std::int64_t>& falls, Money budget) {
    Item& item = scenario.items[index];
    const std::int64_t original = item.objects;
    const ItemSweep pricer(scenario, index, options);
    const auto cost = [&](std::int64_t n) {
        item.objects = n;
        return pricer.total();
    };
    const auto within = [&](std::int64_t n) {
        const auto t = cost(n);
        return t && *t <= budget;
    };
    // Between 0 and the count of jobs, no count can be split into the jobs.
    const std::int64_t least = std::max<std::int64_t>(1, item.jobs);
    // Runs of counts over which the cost never falls, from `starts[i]`.
    std::vector<std::int64_t> starts{least};
    for (std::int64_t n : falls)
        if (n > least) starts.push_back(n);

    Fit fit;
    bool found = false;
    for (std::size_t i = starts.size(); i-- > 0 && !found;) {
        std::int64_t lo = starts[i];
        std::int64_t hi = i + 1 < starts.size() ? starts[i + 1] - 1 : limits::kMaxObjects;
        if (!within(lo)) continue;
        while (lo < hi) {
            const std::int64_t mid = lo + (hi - lo + 1) / 2;
            if (within(mid))
                lo = mid;
            else
                hi = mid - 1;
        }
        fit.objects = lo;
        found = true;
    }
    if (!found) fit.none = !within(0);
    fit.total = cost(fit.objects).value_or(Money{});
    fit.at_limit = fit.objects == limits::kMaxObjects;
    if (!fit.none && !fit.at_limit) {
        const std::int64_t next = fit.objects == 0 ? least : fit.objects + 1;
        if (const auto t = cost(next)) fit.next_objects = next, fit.next_total = *t;
    }
    for (std::size_t i = starts.size(); i-- > 1;) {
        const std::int64_t n = starts[i];
        if (n > fit.objects) continue;
        const auto here = cost(n), before = cost(n - 1);
        if (here && before && *here < *before) {
            fit.cheaper_at = n, fit.cheaper_total = *here, fit.before_total = *before;
            break;
        }
    }
    item.objects = original;
    return fit;
}

}  // namespace labelcost

namespace labelcost {
namespace {

void write_fit(JsonWriter& w, const Fit& fit) {
    w.begin_object().field("objects", fit.objects).field("total", fit.total).end_object();
}

// Moves the item to `wf` as compare_workforces does (move_to_workforce).
// Returns why the item cannot use `wf`, if it cannot: a budget also needs a
// labor workforce's pay, which it cannot count without.
std::optional<Issue> move_to(Item& item, const RateCard& card, const WorkforceRates& wf) {
    if (item.workforce == &wf) return std::nullopt;
    Issues errors;
    move_to_workforce(item, card, wf, std::nullopt, errors);
    if (!errors.empty()) return errors.front();
    if (wf.labor && !item.labor)
        return Issue{Code::missing_field, item.path() + ".labor",
                     "a private workforce's pay is not priced without labor (hourly, seconds_per_object)"};
    return std::nullopt;
}

// One row of by_workforce: the most the budget labels with that workforce, or
// why the item cannot use it. Where the cost falls does not depend on the
// workforce (only on the card, the jobs and duplicates): `falls` is the item's.
void write_workforce(JsonWriter& w, const Scenario& scenario, std::size_t index, const WorkforceRates& wf,
                     const std::vector<std::int64_t>& falls, Money budget) {
    w.begin_object().field("workforce", wf.id).field("title", wf.title);
    Scenario s = scenario;
    const auto problem = move_to(s.items[index], *s.card, wf);
    w.field("available", !problem);
    if (!problem) {
        const Fit fit = largest_within(s, index, PriceOptions{}, falls, budget);
        w.field("objects", fit.objects).field("total", fit.total).field("note", "");
    } else {
        w.field("note", problem->message);
        write_issue(w.key("problem"), *problem);
    }
    w.end_object();
}

// The item the budget counts: `item`, or the first labeling or auto-labeling
// item; nullopt (and an error) when there is none to count.
std::optional<std::size_t> counted_item(const Scenario& s, std::optional<std::int64_t> requested, Issues& errors) {
    const auto counts = [&](std::size_t i) {
        return s.items[i].kind == ItemKind::Labeling || s.items[i].kind == ItemKind::AutoLabeling;
    };
    if (!requested) {
        for (std::size_t i = 0; i < s.items.size(); ++i)
            if (counts(i)) return i;
        errors.push_back({Code::missing_field, "item", "the scenario has no labeling or auto-labeling item to count"});
        return std::nullopt;
    }
    const auto i = static_cast<std::size_t>(*requested);
    if (i >= s.items.size())
        errors.push_back({Code::out_of_range, "item",
                          "the scenario has " + std::to_string(s.items.size()) + " items; item counts from 0"});
    else if (!counts(i))
        errors.push_back({Code::not_applicable, "item",
                          "item " + std::to_string(i) +
                              " has no objects to count: a budget counts a labeling or "
                              "auto-labeling item"});
    if (!errors.empty()) return std::nullopt;
    return i;
}

// Refuses a budget that would price more items than kMaxBudgetPrices.
std::optional<Issue> too_many_prices(const Scenario& s, std::size_t index, std::size_t falls, bool al) {
    const std::size_t per_total = ItemSweep(s, index, PriceOptions{}).prices_per_total();
    const bool labeling = s.items[index].kind == ItemKind::Labeling;
    const std::size_t searches = 3 + (al ? 1 : 0) + (labeling ? s.card->workforces.size() : 0);
    // Each search: every run's first count, a binary search (at most 34
    // counts), the next count, and two counts at each fall for the warning.
    const std::size_t per_search = 3 * (falls + 1) + std::size_t{72};
    const std::size_t prices = searches * per_search * per_total;
    if (prices <= limits::kMaxBudgetPrices) return std::nullopt;
    return Issue{Code::too_large, index_path("scenario.items", index),
                 fmt("a budget prices at most {} items (each count prices this item and the items its total "
                     "depends on); this one would price {}",
                     {count_text(static_cast<std::int64_t>(limits::kMaxBudgetPrices)),
                      count_text(static_cast<std::int64_t>(prices))})};
}

// What the answer says besides its numbers.
Issues budget_warnings(const Fit& fit, std::size_t index, Money budget) {
    Issues w;
    const std::string objects = index_path("items", index) + ".objects";
    if (fit.none)
        w.push_back({Code::over_budget, "budget",
                     fmt("the other items already cost {}, more than the budget of {}",
                         {dollars_text(fit.total), dollars_text(budget)})});
    if (fit.at_limit)
        w.push_back({Code::at_limit, objects,
                     fmt("the budget covers more than {} objects, the most an item may have",
                         {count_text(limits::kMaxObjects)})});
    if (fit.cheaper_at)
        w.push_back({Code::larger_is_cheaper, objects,
                     fmt("{} objects cost {}, less than {} objects ({}): active learning's rules change at that size",
                         {count_text(*fit.cheaper_at), dollars_text(fit.cheaper_total), count_text(*fit.cheaper_at - 1),
                          dollars_text(fit.before_total)})});
    return w;
}

void write_answer(JsonWriter& w, const Scenario& s, std::size_t index, Money budget, const Fit& typical,
                  const Fit& fewest, const Fit& most, const std::optional<Fit>& without) {
    w.begin_object().field("ok", true).field("format", kResultFormat);
    write_card_ref(w.key("rates"), *s.card, s.own_card != nullptr);
    w.field("budget", budget).field("item", static_cast<std::int64_t>(index));
    w.field("objects", typical.objects).field("total", typical.total).key("next");
    if (typical.next_objects)
        w.begin_object().field("objects", *typical.next_objects).field("total", typical.next_total).end_object();
    else
        w.null();
    w.field("low", fewest.objects).field("high", most.objects).key("without_active_learning");
    if (without)
        write_fit(w, *without);
    else
        w.null();
}

}  // namespace

Answer budget(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a budget request");
    if (!r.ok()) return Answer::failure(std::move(errors));
    if (r.has("labelcost")) r.count("labelcost", Need::Required, 1, 1);
    const auto amount = r.decimal("budget", Need::Required, kMoneyPlaces, 0, limits::kMaxBudget);
    const Json* scenario_json = r.object("scenario", Need::Required);
    const auto requested = r.count("item", Need::Optional, 0, static_cast<std::int64_t>(limits::kMaxItems) - 1);
    r.finish();
    if (!errors.empty() || !scenario_json || !amount) return Answer::failure(std::move(errors));

    auto s = parse_scenario(*scenario_json, catalog.lookup());
    if (!s) {
        prefix_paths(s.errors(), 0, "scenario");
        return Answer::failure(std::move(s.errors()));
    }
    const auto index = counted_item(*s, requested, errors);
    if (!index) return Answer::failure(std::move(errors));
    const Item& item = s->items[*index];
    const auto falls = falling_points(item, *s->card);
    if (!falls)
        return Answer::failure({{Code::too_large, index_path("scenario.items", *index) + ".jobs",
                                 fmt("a budget prices each count where active learning's rules change, at most {}; "
                                     "this item's jobs have too many",
                                     {count_text(static_cast<std::int64_t>(limits::kMaxBudgetPoints))})}});

    const bool al = item.kind == ItemKind::Labeling && item.active_learning && item.task->active_learning;
    if (auto problem = too_many_prices(*s, *index, falls->size(), al)) return Answer::failure({*problem});

    const Money budget{*amount};
    const Fit typical = largest_within(*s, *index, PriceOptions{}, *falls, budget);
    const Fit fewest = largest_within(*s, *index, PriceOptions{Variant::High, true}, *falls, budget);
    const Fit most = largest_within(*s, *index, PriceOptions{Variant::Low, true}, *falls, budget);
    std::optional<Fit> without;
    if (al) without = largest_within(*s, *index, PriceOptions{Variant::Typical, false}, {}, budget);

    JsonWriter w;
    write_answer(w, *s, *index, budget, typical, fewest, most, without);
    w.key("by_workforce").begin_array();
    if (item.kind == ItemKind::Labeling)
        for (const WorkforceRates& wf : s->card->workforces) write_workforce(w, *s, *index, wf, *falls, budget);
    w.end_array().key("warnings");
    write_issues(w, budget_warnings(typical, *index, budget));
    w.end_object();
    return w.take();
}

}  // namespace labelcost
