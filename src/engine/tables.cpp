#include "tables.hpp"

#include <algorithm>

#include "writer.hpp"

namespace labelcost {

namespace {

// The entry that stands for the errors after the first kMaxErrors.
Issue more_errors(std::size_t more) {
    return {Code::too_many_errors, "",
            fmt(more == 1 ? "{} more error is not listed" : "{} more errors are not listed",
                {count_text(static_cast<std::int64_t>(more))})};
}

}  // namespace

Issues listed_errors(const Issues& errors) {
    const std::size_t shown = std::min(errors.size(), limits::kMaxErrors);
    Issues listed(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(shown));
    if (errors.size() > shown) listed.push_back(more_errors(errors.size() - shown));
    return listed;
}

void write_errors(JsonWriter& w, const Issues& errors) {
    const std::size_t shown = std::min(errors.size(), limits::kMaxErrors);
    w.begin_array();
    for (std::size_t i = 0; i < shown; ++i) write_issue(w, errors[i]);
    if (errors.size() > shown) write_issue(w, more_errors(errors.size() - shown));
    w.end_array();
}

std::string errors_text(const Issues& errors) {
    JsonWriter w;
    w.begin_object().field("ok", false).key("errors");
    write_errors(w, errors);
    w.end_object();
    return w.take();
}

void write_card_ref(JsonWriter& w, const RateCard& card, bool custom) {
    w.begin_object()
        .field("id", card.id)
        .field("title", card.title)
        .field("effective", card.effective)
        .field("custom", custom)
        .end_object();
}

void prefix_paths(Issues& errors, std::size_t from, const std::string& prefix) {
    for (std::size_t i = from; i < errors.size(); ++i)
        errors[i].path = errors[i].path.empty() ? prefix : prefix + "." + errors[i].path;
}

namespace {

struct Priced {
    std::optional<Scenario> scenario;
    std::optional<Estimate> estimate;
    Issues errors;
};

Priced price(const Catalog& catalog, const Json& scenario_json, const RateCard* fixed_card = nullptr) {
    Priced p;
    Issues warnings;
    p.scenario = parse_scenario(scenario_json, catalog.lookup(), p.errors, warnings, fixed_card);
    if (!p.scenario) return p;
    p.estimate = estimate(*p.scenario, p.errors);
    if (p.estimate) p.estimate->warnings.insert(p.estimate->warnings.begin(), warnings.begin(), warnings.end());
    return p;
}

// Sum of the parts of an item whose name starts with `prefix`.
Money parts_cost(const ItemResult& r, std::string_view prefix) {
    Money sum;
    for (const Part& p : r.parts)
        if (p.name.compare(0, prefix.size(), prefix) == 0) sum.micros += p.cost.micros;
    return sum;
}

}  // namespace

std::string estimate_text(const Catalog& catalog, const Json& scenario, const RateCard* fixed_card) {
    Priced p = price(catalog, scenario, fixed_card);
    if (!p.estimate) return errors_text(p.errors);
    return result_text(*p.scenario, *p.estimate);
}

std::string savings_table(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a savings-table request");
    if (!r.ok()) return errors_text(errors);

    // The table is a one-item scenario priced at each size.
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
    Json scenario = Json::object();
    scenario["labelcost"] = kScenarioFormat;
    scenario["items"] = Json::array();
    scenario["items"].push_back(std::move(item));
    if (const Json* rates = r.get("rates")) scenario["rates"] = *rates;
    Json& the_item = scenario["items"][0];

    std::vector<std::int64_t> sizes = {10'000, 50'000, 100'000};
    if (const Json* list = r.array("sizes", Need::Optional, limits::kMaxTableSizes)) {
        sizes.clear();
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto n = read_scaled((*list)[i], index_path("sizes", i), 0, 0, limits::kMaxObjects, errors))
                sizes.push_back(*n);
    }
    r.finish();
    if (!errors.empty()) return errors_text(errors);

    JsonWriter rows;
    rows.begin_array();
    const RateCard* card = nullptr;
    std::shared_ptr<const RateCard> own;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        the_item["objects"] = sizes[i];
        Priced p = price(catalog, scenario);
        if (!p.estimate) {
            // Paths of the one-item scenario map back onto the request.
            for (Issue& e : p.errors) {
                std::string path = e.path;
                for (const char* prefix : {"items[0].active_learning.", "items[0]."})
                    if (path.rfind(prefix, 0) == 0) path = path.substr(std::char_traits<char>::length(prefix));
                if (path == "objects") path = index_path("sizes", i);
                if (path == "active_learning" || path == "items[0].active_learning") path = "task";
                e.path = path;
            }
            return errors_text(p.errors);
        }
        card = p.scenario->card;
        own = p.scenario->own_card;  // keeps a scenario's own card alive past its estimate
        const ItemResult& res = p.estimate->items[0];
        const Money compute = parts_cost(res, "Active-learning compute");
        const Savings& sv = *res.savings;
        const Money saved{sv.without.micros - sv.with.micros};
        rows.begin_object()
            .field("objects", sizes[i])
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
        write_issues(rows, p.estimate->warnings);
        rows.end_object();
    }
    rows.end_array();
    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat);
    if (card) write_card_ref(w.key("rates"), *card, own != nullptr);
    w.key("task").string(the_item["task"].is_string() ? the_item["task"].get_ref<const std::string&>() : "");
    w.key("workforce")
        .string(the_item["workforce"].is_string() ? the_item["workforce"].get_ref<const std::string&>() : "");
    w.key("rows").raw(rows.text()).end_object();
    return w.take();
}

namespace {

// Reads {"scenario": {...}, ...} and checks the scenario itself first, so that
// its own errors come back once, with "scenario." in front of their paths.
const Json* read_scenario_request(Reader& r, const Catalog& catalog, Issues& errors, Priced& base) {
    const Json* scenario = r.object("scenario", Need::Required);
    if (!scenario) return nullptr;
    base = price(catalog, *scenario);
    if (!base.estimate) {
        const std::size_t from = errors.size();
        errors.insert(errors.end(), base.errors.begin(), base.errors.end());
        prefix_paths(errors, from, "scenario");
        return nullptr;
    }
    return scenario;
}

// One row of a comparison: the totals, or why this option cannot be priced.
void write_row(JsonWriter& w, const Priced& p) {
    w.field("ok", p.estimate.has_value());
    if (!p.estimate) {
        w.key("errors");
        write_errors(w, p.errors);
        return;
    }
    const Estimate& e = *p.estimate;
    w.field("total", e.total).field("low", e.low).field("high", e.high).field("labor_excluded", e.labor_excluded);
    w.key("items").begin_array();
    for (std::size_t i = 0; i < e.items.size(); ++i)
        w.begin_object().field("index", i).field("cost", e.items[i].cost).end_object();
    w.end_array().key("warnings");
    write_issues(w, e.warnings);
}

}  // namespace

std::string compare_workforces(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a workforce-comparison request");
    if (!r.ok()) return errors_text(errors);
    Priced base;
    const Json* scenario = read_scenario_request(r, catalog, errors, base);
    const Json* labor = r.object("labor", Need::Optional);
    r.finish();
    if (!errors.empty() || !scenario) return errors_text(errors);

    const RateCard& card = *base.scenario->card;
    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat);
    write_card_ref(w.key("rates"), card, base.scenario->own_card != nullptr);
    w.key("rows").begin_array();
    for (const WorkforceRates& wf : card.workforces) {
        Json s = *scenario;
        // A bundled card by its id; a scenario's own card stays in it.
        if (!s.contains("rates") || !s["rates"].is_object()) s["rates"] = card.id;
        for (Json& item : s["items"]) {
            const bool labeling = item["kind"] == "labeling";
            if (!labeling && !(item["kind"] == "auto-labeling" && item.contains("workforce"))) continue;
            item["workforce"] = wf.id;
            if (!labeling) continue;
            item.erase("multiplier");
            if (wf.labor) {
                item.erase("worker_price");
                if (!item.contains("labor") && labor) item["labor"] = *labor;
            } else {
                item.erase("labor");
            }
        }
        w.begin_object().field("workforce", wf.id).field("title", wf.title);
        write_range(w, "multiplier", wf.multiplier);
        write_row(w, price(catalog, s));
        w.end_object();
    }
    w.end_array().end_object();
    return w.take();
}

std::string compare_cards(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a card-comparison request");
    if (!r.ok()) return errors_text(errors);
    Priced base;
    const Json* scenario = read_scenario_request(r, catalog, errors, base);
    r.finish();
    if (!errors.empty() || !scenario) return errors_text(errors);

    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat).key("rows").begin_array();
    for (const RateCard& card : catalog.cards()) {
        Json s = *scenario;
        s["rates"] = card.id;
        bool dropped_price = false;
        if (card.basis != PriceBasis::WorkerTask)
            for (Json& item : s["items"]) dropped_price = item.erase("worker_price") > 0 || dropped_price;
        // A free tier asked for where the card has none is left out too.
        const bool dropped_free = !card.free_tier && s.contains("free_tier") && s["free_tier"] == true;
        if (!card.free_tier) s.erase("free_tier");
        w.begin_object();
        write_card_ref(w.key("rates"), card);
        w.field("current", &card == base.scenario->card);
        if (dropped_price || dropped_free) {
            w.key("notes").begin_array();
            if (dropped_price) w.string("Worker prices were left out: this card prices whole objects.");
            if (dropped_free) w.string("The free tier was left out: this card has none.");
            w.end_array();
        }
        write_row(w, price(catalog, s));
        w.end_object();
    }
    w.end_array().end_object();
    return w.take();
}

namespace {

struct AxisField {
    const char* name;
    int places;
    std::int64_t min;
    std::int64_t max;
};

constexpr AxisField kAxisFields[] = {
    {"objects", 0, 0, limits::kMaxObjects},
    {"auto_fraction", kDecPlaces, 0, kNano},
    {"compute_per_10k", kMoneyPlaces, 0, limits::kMaxCompute},
    {"multiplier", kDecPlaces, 0, limits::kMaxMultiplier},
    {"workers", 0, 1, limits::kMaxWorkers},
    {"duplicates", kDecPlaces, 0, kNano},
    {"jobs", 0, 1, limits::kMaxJobs},
    {"fraction", kDecPlaces, 0, kNano},
    {"gb", kDecPlaces, 0, limits::kMaxGb},
    {"months", 0, 0, limits::kMaxMonths},
};

struct Axis {
    const AxisField* field = nullptr;
    std::vector<std::int64_t> values;
};

std::optional<Axis> read_axis(Reader& parent, std::string_view key, Need need) {
    const Json* node = parent.object(key, need);
    if (!node) return std::nullopt;
    Reader a = parent.child(*node, key, "a sweep axis");
    Axis axis;
    if (auto name = a.text("field", Need::Required, 32)) {
        for (const AxisField& f : kAxisFields)
            if (*name == f.name) axis.field = &f;
        if (!axis.field)
            a.error(Code::unknown_field, a.path_of("field"),
                    "cannot sweep \"" + *name +
                        "\"; use objects, auto_fraction, compute_per_10k, multiplier, workers, duplicates, jobs, "
                        "fraction, gb or months");
    }
    if (!axis.field) {
        a.get("values"), a.get("from"), a.get("to"), a.get("steps");
        return std::nullopt;
    }
    const AxisField& f = *axis.field;
    if (const Json* values = a.array("values", Need::Optional, limits::kMaxSweepSteps)) {
        for (std::size_t i = 0; i < values->size(); ++i)
            if (auto v =
                    read_scaled((*values)[i], index_path(a.path_of("values"), i), f.places, f.min, f.max, a.errors()))
                axis.values.push_back(*v);
        if (values->empty()) a.error(Code::out_of_range, a.path_of("values"), "needs at least one value");
    } else {
        const auto from = a.decimal("from", Need::Required, f.places, f.min, f.max);
        const auto to = a.decimal("to", Need::Required, f.places, f.min, f.max);
        const auto steps = a.count("steps", Need::Required, 1, limits::kMaxSweepSteps);
        if (from && to && steps) {
            const i128 n = *steps - 1;
            for (std::int64_t k = 0; k < *steps; ++k) {
                if (n == 0) {
                    axis.values.push_back(*from);
                    break;
                }
                const i128 span = *to >= *from ? static_cast<i128>(*to) - *from : static_cast<i128>(*from) - *to;
                const i128 offset = div_round_half_up(span * k, n);
                axis.values.push_back(static_cast<std::int64_t>(*to >= *from ? *from + offset : *from - offset));
            }
        }
    }
    a.finish();
    if (axis.values.empty()) return std::nullopt;
    return axis;
}

// Sets one swept field on an item; returns an error message when the item
// cannot take it.
std::optional<std::string> apply(Item& item, const AxisField& f, std::int64_t v, const RateCard& card) {
    const std::string name = f.name;
    const bool labeling = item.kind == ItemKind::Labeling;
    if (name == "objects" && (labeling || item.kind == ItemKind::AutoLabeling))
        item.objects = v;
    else if ((name == "auto_fraction" || name == "compute_per_10k") && labeling) {
        if (!item.task->active_learning) return "active learning is not available for " + item.task->title;
        if (!item.active_learning) item.active_learning = ActiveLearning{};
        (name == "auto_fraction" ? item.active_learning->auto_fraction : item.active_learning->compute_per_10k) = v;
    } else if (name == "compute_per_10k" && item.kind == ItemKind::AutoLabeling) {
        item.compute.reset();
        item.compute_per_10k = v;
    } else if (name == "multiplier" && labeling) {
        if (item.workforce->multiplier.max == 0) return item.workforce->title + " has no per-label price to multiply";
        item.multiplier = v;
    } else if (name == "workers" && labeling) {
        if (v < card.workers_min || v > card.workers_max)
            return "rate card " + card.id + " takes " + std::to_string(card.workers_min) + "-" +
                   std::to_string(card.workers_max) + " workers";
        item.workers = static_cast<int>(v);
    } else if (name == "duplicates" && labeling)
        item.duplicates = Dec{v};
    else if (name == "jobs" && labeling)
        item.jobs = v;
    else if (name == "fraction" && item.kind == ItemKind::Rework)
        item.fraction = Dec{v};
    else if (name == "gb" && item.kind == ItemKind::Storage)
        item.gb = Dec{v};
    else if (name == "months" && item.kind == ItemKind::Storage)
        item.months = v;
    else
        return std::string("a ") + kind_name(item.kind) + " item has no " + name;
    return std::nullopt;
}

void write_axis(JsonWriter& w, const Axis& axis) {
    w.begin_object().field("field", axis.field->name).key("values").begin_array();
    for (std::int64_t v : axis.values) w.string(scaled_string(v, axis.field->places));
    w.end_array().end_object();
}

// Refuses a sweep that would do more than a sweep may: more cells than
// kMaxSweepCells, or more item prices than kMaxSweepPrices (each cell of each
// grid prices the swept item, and the rework items it feeds).
std::optional<Issue> sweep_too_large(std::size_t cells, std::size_t grids, std::size_t per_cell) {
    if (cells > static_cast<std::size_t>(limits::kMaxSweepCells))
        return Issue{Code::too_large, "x",
                     "a sweep takes at most " + limit_string(limits::kMaxSweepCells, 0) + " cells; this one has " +
                         std::to_string(cells)};
    const std::size_t prices = cells * grids * per_cell;
    if (prices > static_cast<std::size_t>(limits::kMaxSweepPrices))
        return Issue{Code::too_large, "x",
                     fmt("a sweep prices at most {} items (cells x grids x the swept item and the rework items it "
                         "feeds); this one would price {}",
                         {limit_string(limits::kMaxSweepPrices, 0), count_text(static_cast<std::int64_t>(prices))})};
    return std::nullopt;
}

// Every value must apply (a worker count can be outside the card's range), so
// that no cell is silently priced without its value.
std::optional<Issue> not_applicable(const Item& item, const Axis& x, const Axis* y, const RateCard& card) {
    for (const Axis* axis : {&x, y}) {
        if (!axis) continue;
        for (std::int64_t v : axis->values) {
            Item probe = item;
            if (auto problem = apply(probe, *axis->field, v, card))
                return Issue{Code::not_applicable, axis == &x ? "x.field" : "y.field", *problem};
        }
    }
    return std::nullopt;
}

// One grid of totals, rows along y and columns along x; true when a cell is
// too large to state (null).
bool write_grid(JsonWriter& w, Scenario& s, std::size_t index, const Axis& x, const Axis* y,
                const PriceOptions& options) {
    Item& item = s.items[index];
    const Item original = item;
    const ItemSweep pricer(s, index, options);
    bool overflowed = false;
    w.begin_array();
    for (std::size_t row = 0; row < (y ? y->values.size() : 1); ++row) {
        w.begin_array();
        for (std::int64_t xv : x.values) {
            item = original;
            if (y) apply(item, *y->field, y->values[row], *s.card);
            apply(item, *x.field, xv, *s.card);
            const auto t = pricer.total();
            overflowed = overflowed || !t;
            if (t)
                w.money(*t);
            else
                w.null();
        }
        w.end_array();
    }
    item = original;
    return w.end_array(), overflowed;
}

}  // namespace

std::string sweep(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a sweep request");
    if (!r.ok()) return errors_text(errors);
    Priced base;
    read_scenario_request(r, catalog, errors, base);
    const auto index = r.count("item", Need::Required, 0, static_cast<std::int64_t>(limits::kMaxItems) - 1);
    const auto x = read_axis(r, "x", Need::Required);
    const auto y = read_axis(r, "y", Need::Optional);
    const bool with_baseline = r.flag("without", Need::Optional).value_or(false);
    r.finish();
    if (!errors.empty() || !base.scenario || !index || !x || (r.has("y") && !y)) return errors_text(errors);

    Scenario s = *base.scenario;
    const std::size_t i = static_cast<std::size_t>(*index);
    if (i >= s.items.size())
        return errors_text({{Code::out_of_range, "item",
                             "the scenario has " + std::to_string(s.items.size()) + " items; item counts from 0"}});
    const Axis* y_axis = y ? &*y : nullptr;
    const std::size_t cells = x->values.size() * (y ? y->values.size() : 1);
    const std::size_t per_cell = ItemSweep(s, i, PriceOptions{}).prices_per_total();
    if (auto problem = sweep_too_large(cells, with_baseline ? 2 : 1, per_cell)) return errors_text({*problem});
    if (auto problem = not_applicable(s.items[i], *x, y_axis, *s.card)) return errors_text({*problem});

    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat);
    write_card_ref(w.key("rates"), *s.card, s.own_card != nullptr);
    w.field("item", *index);
    write_axis(w.key("x"), *x);
    w.key("y");
    if (y)
        write_axis(w, *y);
    else
        w.null();
    bool overflowed = write_grid(w.key("totals"), s, i, *x, y_axis, PriceOptions{Variant::Typical, true});
    if (with_baseline)
        overflowed =
            write_grid(w.key("without"), s, i, *x, y_axis, PriceOptions{Variant::Typical, false}) || overflowed;
    w.key("warnings").begin_array();
    if (overflowed)
        w.begin_object()
            .field("code", "amount_too_large")
            .field("path", "x")
            .field("message", "some cells are too large to state exactly; they are null")
            .end_object();
    w.end_array().end_object();
    return w.take();
}

}  // namespace labelcost
