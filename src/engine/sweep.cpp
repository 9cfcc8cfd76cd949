// Sweeps: a scenario's total over a grid of one item's values, for charts.
#include "answer.hpp"
#include "priced.hpp"
#include "tables.hpp"
#include "writer.hpp"

namespace labelcost {

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
    const std::string_view name = f.name;  // a cell's work: no copy of the name
    const bool labeling = item.kind == ItemKind::Labeling;
    if (name == "objects" && (labeling || item.kind == ItemKind::AutoLabeling))
        item.objects = v;
    else if ((name == "auto_fraction" || name == "compute_per_10k") && labeling) {
        if (!item.task->active_learning) return "active learning is not available for " + item.task->title;
        if (!item.active_learning) item.active_learning = ActiveLearning{};
        if (name == "auto_fraction")
            item.active_learning->auto_fraction = Dec{v};
        else
            item.active_learning->compute_per_10k = Money{v};
    } else if (name == "compute_per_10k" && item.kind == ItemKind::AutoLabeling) {
        item.compute.reset();
        item.compute_per_10k = Money{v};
    } else if (name == "multiplier" && labeling) {
        if (item.workforce->multiplier.max.nano == 0)
            return item.workforce->title + " has no per-label price to multiply";
        item.multiplier = Dec{v};
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
        return std::string("a ") + kind_name(item.kind) + " item has no " + f.name;
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

Answer sweep(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a sweep request");
    if (!r.ok()) return Answer::failure(std::move(errors));
    Priced base;
    read_scenario_request(r, catalog, errors, base);
    const auto index = r.count("item", Need::Required, 0, static_cast<std::int64_t>(limits::kMaxItems) - 1);
    const auto x = read_axis(r, "x", Need::Required);
    const auto y = read_axis(r, "y", Need::Optional);
    const bool with_baseline = r.flag("without", Need::Optional).value_or(false);
    r.finish();
    if (!errors.empty() || !base.scenario || !index || !x || (r.has("y") && !y))
        return Answer::failure(std::move(errors));

    Scenario s = *base.scenario;
    const std::size_t i = static_cast<std::size_t>(*index);
    if (i >= s.items.size())
        return Answer::failure({{Code::out_of_range, "item",
                                 "the scenario has " + std::to_string(s.items.size()) + " items; item counts from 0"}});
    const Axis* y_axis = y ? &*y : nullptr;
    const std::size_t cells = x->values.size() * (y ? y->values.size() : 1);
    const std::size_t per_cell = ItemSweep(s, i, PriceOptions{}).prices_per_total();
    if (auto problem = sweep_too_large(cells, with_baseline ? 2 : 1, per_cell)) return Answer::failure({*problem});
    if (auto problem = not_applicable(s.items[i], *x, y_axis, *s.card)) return Answer::failure({*problem});

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
