// Result format v1: an estimate written as JSON, and the texts it is made
// of (item titles, percentages). Runs once a call: compiled for size.
#include <string>

#include "estimate.hpp"
#include "version.hpp"
#include "writer.hpp"

namespace labelcost {

std::string item_title(const Item& item) {
    if (!item.name.empty()) return item.name;
    switch (item.kind) {
        case ItemKind::Labeling: return item.task ? item.task->title : "Labeling";
        case ItemKind::AutoLabeling: return "Auto-labeled batch";
        case ItemKind::Rework: return "Rework";
        case ItemKind::Storage: return "Storage";
        case ItemKind::Fixed: return "Fixed cost";
        case ItemKind::Discount: return "Discount";
        case ItemKind::Credit: return "Credit";
    }
    return "Item";
}

namespace {

void write_savings(JsonWriter& w, const Savings& sv) {
    const Money saved{sv.without.micros - sv.with.micros};
    w.field("without", sv.without)
        .field("with", sv.with)
        .field("saved", saved)
        .field("percent", percent_text(saved.micros, sv.without.micros, Tenths::Always));
}

// What an item was priced with, beyond its task, workforce and objects:
// workers and active learning (null when off) on labeling items, compute per
// 10,000 objects on auto-labeling items that do not state their compute.
void write_inputs(JsonWriter& w, const Item& item, const ItemResult& r) {
    if (item.kind == ItemKind::Labeling) {
        w.field("workers", r.workers).key("active_learning");
        if (r.auto_fraction && r.compute_per_10k)
            w.begin_object()
                .field("auto_fraction", scaled_string(r.auto_fraction->nano, kDecPlaces))
                .field("compute_per_10k", *r.compute_per_10k)
                .end_object();
        else
            w.null();
    } else if (item.kind == ItemKind::AutoLabeling && r.compute_per_10k) {
        w.field("compute_per_10k", *r.compute_per_10k);
    }
}

void write_work(JsonWriter& w, const WorkTime& t) {
    w.field("worker_hours", hours_string(t.typical))
        .field("low", hours_string(t.low))
        .field("high", hours_string(t.high));
}

void write_indices(JsonWriter& w, std::string_view key, const std::vector<std::size_t>& indices) {
    w.key(key).begin_array();
    for (std::size_t i : indices) w.number(static_cast<std::int64_t>(i));
    w.end_array();
}

// A labeling item's worker-hours: null when neither the scenario nor the card
// gives its seconds per object.
void write_item_effort(JsonWriter& w, const ItemEffort& e) {
    w.key("effort");
    if (!e.known) {
        w.null();
        return;
    }
    w.begin_object();
    write_work(w, e.time);
    write_range(w, "seconds", e.seconds);
    w.field("source", e.stated ? "scenario" : "card");
    if (!e.stated && !e.assumption.empty()) w.field("assumption", e.assumption);
    w.field("staffed", e.staffed).end_object();
}

void write_effort(JsonWriter& w, const Effort& e) {
    w.key("effort").begin_object();
    write_work(w, e.total);
    w.key("staffed").begin_object();
    write_work(w, e.staffed);
    w.end_object();
    write_indices(w, "unknown", e.unknown);
    write_indices(w, "unstaffed", e.unstaffed);
    w.end_object();
}

// {"annotators", "weeks"}: the one given and the answer for `answer`; the
// answer is null when nothing is yours to staff (no schedule is invented).
void write_team(JsonWriter& w, const ScheduleAnswer& a, i128 answer) {
    w.key("annotators");
    if (!a.weeks_given)
        w.raw(scaled_string128(a.annotators, 0));
    else if (a.nothing_staffed)
        w.null();
    else
        w.raw(scaled_string128(answer, 0));
    w.key("weeks");
    if (a.weeks_given)
        w.string(scaled_string(a.asked.weeks->nano, kDecPlaces));
    else if (a.nothing_staffed)
        w.null();
    else
        w.string(tenths_string(answer));
}

void write_schedule(JsonWriter& w, const std::optional<ScheduleAnswer>& a) {
    w.key("schedule");
    if (!a) {
        w.null();
        return;
    }
    w.begin_object().field("given", a->weeks_given ? "weeks" : "annotators");
    write_team(w, *a, a->typical);
    w.field("hours_per_week", scaled_string(a->asked.hours_per_week.nano, kDecPlaces))
        .field("parallel", a->asked.parallel);
    w.key("low").begin_object();
    write_team(w, *a, a->low);
    w.end_object().key("high").begin_object();
    write_team(w, *a, a->high);
    w.end_object().key("finish_week");
    if (a->items.empty())
        w.null();
    else
        w.string(tenths_string(a->items.back().end));
    w.key("items").begin_array();
    for (const ItemSpan& span : a->items)
        w.begin_object()
            .field("index", span.index)
            .field("start_week", tenths_string(span.start))
            .field("end_week", tenths_string(span.end))
            .end_object();
    w.end_array();
    w.field("nothing_staffed", a->nothing_staffed).end_object();
}

}  // namespace

void write_per_object(JsonWriter& w, Money cost, std::int64_t objects) {
    if (objects <= 0) {
        w.key("per_object").null().key("per_1000").null();
        return;
    }
    w.field("per_object", Money{static_cast<std::int64_t>(div_round_half_up(cost.micros, objects))});
    w.field("per_1000",
            Money{static_cast<std::int64_t>(div_round_half_up(static_cast<i128>(cost.micros) * 1000, objects))});
}

void write_card_ref(JsonWriter& w, const RateCard& card, bool custom) {
    w.begin_object()
        .field("id", card.id)
        .field("title", card.title)
        .field("effective", card.effective)
        .field("custom", custom)
        .end_object();
}

void write_card_ref(JsonWriter& w, const Scenario& s) {
    w.key("rates")
        .begin_object()
        .field("id", s.card->id)
        .field("title", s.card->title)
        .field("effective", s.card->effective)
        .field("custom", s.own_card != nullptr)
        .end_object();
}

void write_range(JsonWriter& w, std::string_view key, const Range<Dec>& range) {
    w.key(key)
        .begin_object()
        .field("min", scaled_string(range.min.nano, kDecPlaces))
        .field("typical", scaled_string(range.typical.nano, kDecPlaces))
        .field("max", scaled_string(range.max.nano, kDecPlaces))
        .end_object();
}

void write_issue(JsonWriter& w, const Issue& i) {
    w.begin_object().field("code", code_name(i.code)).field("path", i.path).field("message", i.message).end_object();
}

void write_issues(JsonWriter& w, const Issues& issues) {
    w.begin_array();
    for (const Issue& i : issues) write_issue(w, i);
    w.end_array();
}

std::string result_text(const Scenario& s, const Estimate& e) {
    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat).field("engine", kEngineVersion);
    w.field("name", s.name);
    write_card_ref(w, s);
    w.field("currency", s.card->currency);
    w.key("items").begin_array();
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const Item& item = s.items[i];
        const ItemResult& r = e.items[i];
        const bool counted = item.kind == ItemKind::Labeling || item.kind == ItemKind::AutoLabeling;
        w.begin_object().field("index", i).field("kind", kind_name(item.kind)).field("name", item_title(item));
        if (item.task) w.field("task", item.task->id);
        if (item.workforce) w.field("workforce", item.workforce->id);
        if (counted)
            w.field("objects", item.objects)
                .field("labeled", r.labeled)
                .field("human", r.human)
                .field("automated", r.automated);
        write_inputs(w, item, r);
        w.field("cost", r.cost).field("low", r.low).field("high", r.high);
        if (counted) write_per_object(w, r.cost, item.objects);
        w.key("parts").begin_array();
        for (const Part& p : r.parts)
            w.begin_object()
                .field("name", p.name)
                .field("quantity", p.quantity)
                .field("unit", p.unit)
                .field("unit_price", p.unit_price)
                .field("cost", p.cost)
                .end_object();
        w.end_array();
        w.key("notes").begin_array();
        for (const std::string& n : r.notes) w.string(n);
        w.end_array();
        w.field("labor_excluded", r.labor_excluded);
        if (item.kind == ItemKind::Labeling) write_item_effort(w, e.effort.items[i]);
        if (r.savings) {
            w.key("savings").begin_object();
            write_savings(w, *r.savings);
            if (item.kind == ItemKind::Labeling) {
                w.key("break_even");
                if (r.savings->break_even)
                    w.string(scaled_string(r.savings->break_even->nano, kDecPlaces));
                else
                    w.null();
            }
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();
    w.field("total", e.total).field("low", e.low).field("high", e.high);
    w.field("objects", e.objects);
    write_per_object(w, e.total, e.objects);
    w.key("savings").begin_object();
    write_savings(w, e.savings);
    w.end_object();
    w.field("labor_excluded", e.labor_excluded);
    w.key("excluded").begin_array();
    if (e.labor_excluded) w.string("private labor");
    w.end_array();
    write_effort(w, e.effort);
    write_schedule(w, e.schedule);
    w.key("warnings");
    write_issues(w, e.warnings);
    w.end_object();
    return w.take();
}

}  // namespace labelcost
