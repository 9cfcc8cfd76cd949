// The same scenario under every workforce of its card, or under every
// bundled rate card.
#include "answer.hpp"
#include "priced.hpp"
#include "tables.hpp"
#include "writer.hpp"

namespace labelcost {

namespace {

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

// The scenario is read once; each row moves its items to one workforce.
Answer compare_workforces(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a workforce-comparison request");
    if (!r.ok()) return Answer::failure(std::move(errors));
    Priced base;
    const Json* scenario = read_scenario_request(r, catalog, errors, base);
    std::optional<Labor> labor;
    if (const Json* node = r.object("labor", Need::Optional)) {
        Reader l = r.child(*node, "labor", "the labor settings");
        if (l.ok()) labor = read_labor(l);
    }
    r.finish();
    if (!errors.empty() || !scenario) return Answer::failure(std::move(errors));

    const RateCard& card = *base.scenario->card;
    JsonWriter w;
    w.begin_object().field("ok", true).field("format", kResultFormat);
    write_card_ref(w.key("rates"), card, base.scenario->own_card != nullptr);
    w.key("rows").begin_array();
    for (const WorkforceRates& wf : card.workforces) {
        Scenario s = *base.scenario;
        Priced row;
        for (Item& item : s.items) move_to_workforce(item, card, wf, labor, row.errors);
        if (row.errors.empty()) {
            auto priced = estimate(s);
            if (priced) {
                row.estimate.emplace(std::move(*priced));
                Issues read = moved_warnings(s);
                row.estimate->warnings.insert(row.estimate->warnings.begin(), read.begin(), read.end());
            } else {
                row.errors = std::move(priced.errors());
            }
        }
        w.begin_object().field("workforce", wf.id).field("title", wf.title);
        write_range(w, "multiplier", wf.multiplier);
        write_row(w, row);
        w.end_object();
    }
    w.end_array().end_object();
    return w.take();
}

// Each card reads the scenario afresh: its tasks and workforces are other
// values, found by id, with their own bounds, basis and allowed prices, so the
// scenario on another card is the scenario read against it (no paths change).
Answer compare_cards(const Catalog& catalog, const Json& request) {
    Issues errors;
    Reader r(request, "", errors, "a card-comparison request");
    if (!r.ok()) return Answer::failure(std::move(errors));
    Priced base;
    const Json* scenario = read_scenario_request(r, catalog, errors, base);
    r.finish();
    if (!errors.empty() || !scenario) return Answer::failure(std::move(errors));

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
        write_row(w, price_scenario(catalog, s));
        w.end_object();
    }
    w.end_array().end_object();
    return w.take();
}

}  // namespace labelcost
