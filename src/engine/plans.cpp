#include "plans.hpp"

#include <optional>
#include <vector>

#include "answer.hpp"
#include "effort.hpp"
#include "estimate.hpp"
#include "writer.hpp"

namespace labelcost {
namespace {

struct Plan {
    Scenario scenario;
    Estimate estimate;
};

// A difference of two amounts, or nullopt where it cannot be stated exactly.
std::optional<Money> minus(Money a, Money b) {
    std::int64_t d = 0;
    if (__builtin_sub_overflow(a.micros, b.micros, &d)) return std::nullopt;
    return Money{d};
}

std::string signed_hours(i128 time_nano) {
    return time_nano < 0 ? "-" + hours_string(-time_nano) : hours_string(time_nano);
}

// Whether item i of two plans is the same item: the same kind and name.
bool same_item(const Plan& a, const Plan& b, std::size_t i) {
    if (i >= a.scenario.items.size() || i >= b.scenario.items.size()) return false;
    const Item& x = a.scenario.items[i];
    const Item& y = b.scenario.items[i];
    return x.kind == y.kind && item_title(x) == item_title(y);
}

void write_plan(JsonWriter& w, std::size_t index, const Plan& p) {
    const Scenario& s = p.scenario;
    const Estimate& e = p.estimate;
    w.begin_object().field("index", index).field("name", s.name);
    write_card_ref(w, s);
    w.field("total", e.total).field("low", e.low).field("high", e.high).field("objects", e.objects);
    write_per_object(w, e.total, e.objects);
    w.field("saved", Money{e.savings.without.micros - e.savings.with.micros});
    w.key("effort")
        .begin_object()
        .field("worker_hours", hours_string(e.effort.total.typical))
        .field("low", hours_string(e.effort.total.low))
        .field("high", hours_string(e.effort.total.high))
        .end_object();
    w.key("items").begin_array();
    for (std::size_t i = 0; i < s.items.size(); ++i)
        w.begin_object()
            .field("name", item_title(s.items[i]))
            .field("kind", kind_name(s.items[i].kind))
            .field("cost", e.items[i].cost)
            .end_object();
    w.end_array();
}

// The plan's differences against the first: its amounts less the first's
// (negative: this plan costs less), and each item that is the first plan's
// item at the same place (same kind and name); null where it is not.
bool write_delta(JsonWriter& w, const Plan& p, const Plan& first) {
    const Estimate& e = p.estimate;
    const Estimate& f = first.estimate;
    const Money saved{e.savings.without.micros - e.savings.with.micros};
    const Money first_saved{f.savings.without.micros - f.savings.with.micros};
    const auto total = minus(e.total, f.total), low = minus(e.low, f.low), high = minus(e.high, f.high),
               more_saved = minus(saved, first_saved);
    if (!total || !low || !high || !more_saved) return false;
    w.key("delta").begin_object().field("total", *total).field("low", *low).field("high", *high);
    w.field("saved", *more_saved).field("worker_hours", signed_hours(e.effort.total.typical - f.effort.total.typical));
    w.key("items").begin_array();
    for (std::size_t i = 0; i < p.scenario.items.size(); ++i) {
        const auto d = same_item(p, first, i) ? minus(e.items[i].cost, f.items[i].cost) : std::nullopt;
        if (d)
            w.money(*d);
        else
            w.null();
    }
    w.end_array().end_object();
    return true;
}

// Each scenario of the request priced, or its problems under "scenarios[i]".
std::vector<Plan> price_plans(const Catalog& catalog, const Json& list, Issues& errors, Issues& warnings) {
    std::vector<Plan> plans;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = index_path("scenarios", i);
        const std::size_t errors_before = errors.size(), warnings_before = warnings.size();
        auto s = parse_scenario(list[i], catalog.lookup());
        warnings.insert(warnings.end(), s.warnings().begin(), s.warnings().end());
        if (!s) {
            errors.insert(errors.end(), s.errors().begin(), s.errors().end());
        } else if (auto e = estimate(*s)) {
            warnings.insert(warnings.end(), e->warnings.begin(), e->warnings.end());
            plans.push_back({std::move(*s), std::move(*e)});
        } else {
            errors.insert(errors.end(), e.errors().begin(), e.errors().end());
        }
        prefix_paths(errors, errors_before, at);
        prefix_paths(warnings, warnings_before, at);
    }
    return plans;
}

}  // namespace

Answer compare_scenarios(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a comparison request");
    if (!r.ok()) return Answer::failure(std::move(errors));
    if (r.has("labelcost")) r.count("labelcost", Need::Required, 1, 1);
    const Json* list = r.array("scenarios", Need::Required, limits::kMaxPlans);
    r.finish();
    if (list && list->size() < limits::kMinPlans)
        errors.push_back({Code::out_of_range, "scenarios", "compare 2 to 4 scenarios"});
    if (!errors.empty() || !list) return Answer::failure(std::move(errors));

    Issues warnings;
    const std::vector<Plan> plans = price_plans(catalog, *list, errors, warnings);
    if (!errors.empty()) return Answer::failure(std::move(errors));
    JsonWriter w;
    w.begin_object().field("ok", true).key("plans").begin_array();
    for (std::size_t i = 0; i < plans.size(); ++i) {
        write_plan(w, i, plans[i]);
        if (i == 0)
            w.key("delta").null();
        else if (!write_delta(w, plans[i], plans[0]))
            return Answer::failure({{Code::amount_too_large, index_path("scenarios", i),
                                     "the difference from the first plan is larger than labelcost can state exactly"}});
        w.end_object();
    }
    w.end_array().key("warnings");
    write_issues(w, warnings);
    w.end_object();
    return w.take();
}

}  // namespace labelcost
