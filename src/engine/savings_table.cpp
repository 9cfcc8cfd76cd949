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
    Json scenario;
    std::vector<std::int64_t> sizes = {10'000, 50'000, 100'000};
};

std::optional<TableRequest> read_table_request(const Json& request, Issues& errors) {
    Reader r(request, "", errors, "a savings-table request");
    if (!r.ok()) return std::nullopt;
    Json item = Json::object();
    item["kind"] = "labeling";
    item["objects"] = 0;
    Json al = Json::object();
    if (const Json* task = r.get("task"))
        item["task"] = *task;
    else
        r.error(Code::missing_field, "task", "is required");
    const Json* wf = r.get("workforce");
    item["workforce"] = wf ? *wf : Json("mturk");
    for (const char* key : {"workers", "multiplier", "worker_price", "jobs", "duplicates"})
        if (const Json* v = r.get(key)) item[key] = *v;
    for (const char* key : {"auto_fraction", "compute_per_10k"})
        if (const Json* v = r.get(key)) al[key] = *v;
    item["active_learning"] = std::move(al);
    TableRequest t;
    t.scenario = Json::object();
    t.scenario["labelcost"] = kScenarioFormat;
    t.scenario["items"] = Json::array();
    t.scenario["items"].push_back(std::move(item));
    if (const Json* rates = r.get("rates")) t.scenario["rates"] = *rates;
    if (const Json* list = r.array("sizes", Need::Optional, limits::kMaxTableSizes)) {
        t.sizes.clear();
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto n = read_scaled((*list)[i], index_path("sizes", i), 0, 0, limits::kMaxObjects, errors))
                t.sizes.push_back(*n);
    }
    r.finish();
    if (!errors.empty()) return std::nullopt;
    return t;
}

// Paths into the one-item scenario, mapped back onto the request.
void request_paths(Issues& errors) {
    for (Issue& e : errors) {
        std::string path = e.path;
        for (const char* prefix : {"items[0].active_learning.", "items[0]."})
            if (path.rfind(prefix, 0) == 0) path = path.substr(std::char_traits<char>::length(prefix));
        if (path == "active_learning" || path == "items[0].active_learning") path = "task";
        e.path = path;
    }
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

const std::string& text_or_empty(const Json& j) {
    static const std::string empty;
    return j.is_string() ? j.get_ref<const std::string&>() : empty;
}

}  // namespace

// The scenario is read once and priced at each size, only its objects changed.
Answer savings_table(const Catalog& catalog, const Json& request) {
    Issues errors;
    const auto t = read_table_request(request, errors);
    if (!t) return Answer::failure(std::move(errors));
    auto read = parse_scenario(t->scenario, catalog.lookup());
    if (!read) {
        request_paths(read.errors());
        return Answer::failure(std::move(read.errors()));
    }
    Scenario& s = *read;
    JsonWriter rows;
    rows.begin_array();
    for (std::size_t i = 0; i < t->sizes.size(); ++i) {
        s.items[0].objects = t->sizes[i];
        if (auto problem = split_problem(s.items[0], "jobs")) return Answer::failure({*problem});
        auto priced = estimate(s);
        if (!priced) {
            for (Issue& e : priced.errors()) e.path = index_path("sizes", i);
            return Answer::failure(std::move(priced.errors()));
        }
        auto& warnings = priced->warnings;
        warnings.insert(warnings.begin(), read.warnings().begin(), read.warnings().end());
        write_row(rows, t->sizes[i], *priced);
    }
    rows.end_array();
    const Json& item = t->scenario["items"][0];
    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat);
    write_card_ref(w.key("rates"), *s.card, s.own_card != nullptr);
    w.key("task").string(text_or_empty(item["task"]));
    w.key("workforce").string(text_or_empty(item["workforce"]));
    w.key("rows").raw(rows.text()).end_object();
    return w.take();
}

}  // namespace labelcost
