// The savings table: one labeling item, with and without active learning,
// at each of a list of dataset sizes.
#include <string>

#include "answer.hpp"
#include "priced.hpp"
#include "tables.hpp"
#include "writer.hpp"

namespace labelcost {

namespace {

// Sum of the parts of an item whose name starts with `prefix`.
Money parts_cost(const ItemResult& r, std::string_view prefix) {
    Money sum;
    for (const Part& p : r.parts)
        if (p.name.compare(0, prefix.size(), prefix) == 0) sum.micros += p.cost.micros;
    return sum;
}

// The request as a one-item scenario (objects 0, set per size), and its sizes.
struct TableRequest {
    Scenario scenario;
    Issues warnings;
    std::vector<std::int64_t> sizes = {10'000, 50'000, 100'000};
};

std::optional<TableRequest> read_table_request(const Json& request, const Catalog& catalog, Issues& errors) {
    Reader r(request, "", errors, "a savings-table request");
    if (!r.ok()) return std::nullopt;
    TableRequest t;
    auto scenario = read_table_scenario(r, catalog.lookup(), t.warnings);
    if (const Json* list = r.array("sizes", Need::Optional, limits::kMaxTableSizes)) {
        t.sizes.clear();
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto n = read_scaled((*list)[i], index_path("sizes", i), 0, 0, limits::kMaxObjects, errors))
                t.sizes.push_back(*n);
    }
    r.finish();
    if (!errors.empty() || !scenario) return std::nullopt;
    t.scenario = std::move(*scenario);
    return t;
}

void write_row(JsonWriter& rows, std::int64_t objects, const Estimate& estimate) {
    const ItemResult& res = estimate.items[0];
    const Money compute = parts_cost(res, "Active-learning compute");
    const Savings& sv = *res.savings;
    const Money saved{sv.without.micros - sv.with.micros};
    rows.begin_object()
        .field("objects", objects)
        .field("without", sv.without)
        .field("labels", Money{res.cost.micros - compute.micros})
        .field("compute", compute)
        .field("with", res.cost)
        .field("low", res.low)
        .field("high", res.high)
        .field("saved", saved)
        .field("percent", percent_text(saved.micros, sv.without.micros, Tenths::Always))
        .field("human", res.human)
        .field("automated", res.automated)
        .key("warnings");
    write_issues(rows, estimate.warnings);
    rows.end_object();
}

}  // namespace

// The scenario is read once and priced at each size, only its objects changed.
Answer savings_table(const Catalog& catalog, const Json& request) {
    Issues errors;
    auto t = read_table_request(request, catalog, errors);
    if (!t) return Answer::failure(std::move(errors));
    Scenario& s = t->scenario;
    Item& item = s.items[0];
    JsonWriter rows;
    rows.begin_array();
    for (std::size_t i = 0; i < t->sizes.size(); ++i) {
        item.objects = t->sizes[i];
        if (auto problem = split_problem(item, "jobs")) return Answer::failure({*problem});
        auto priced = estimate(s);
        if (!priced) {
            for (Issue& e : priced.errors()) e.path = index_path("sizes", i);
            return Answer::failure(std::move(priced.errors()));
        }
        // What pricing says of a row (too small for active learning, labor
        // left out) is said of its size: the request has no item to point at.
        auto& warnings = priced->warnings;
        for (Issue& warning : warnings) warning.path = index_path("sizes", i);
        warnings.insert(warnings.begin(), t->warnings.begin(), t->warnings.end());
        write_row(rows, t->sizes[i], *priced);
    }
    rows.end_array();
    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat);
    write_card_ref(w.key("rates"), *s.card, s.own_card != nullptr);
    w.field("task", item.task->id).field("workforce", item.workforce->id);
    w.key("rows").raw(rows.text()).end_object();
    return w.take();
}

}  // namespace labelcost
