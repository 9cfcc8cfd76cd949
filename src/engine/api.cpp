#include "api.hpp"

#include <exception>

#include "tables.hpp"
#include "version.hpp"

namespace labelcost::api {
namespace {

std::string internal_error(const char* what) {
    return errors_json({{"internal", "", std::string("labelcost failed unexpectedly: ") + what}}).dump();
}

// Runs `f` and turns anything it throws into an error value.
template <typename F>
std::string guarded(F&& f) {
    try {
        return f();
    } catch (const std::bad_alloc&) {
        return internal_error("out of memory");
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown failure");
    }
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Parses request text and hands the JSON to `f`.
template <typename F>
std::string with_json(std::string_view text, F&& f) {
    return guarded([&] {
        Issues errors;
        const Json j = parse_json(text, errors);
        if (!errors.empty()) return dump(errors_json(errors));
        return dump(f(j));
    });
}

}  // namespace

std::string estimate(const Catalog& catalog, std::string_view scenario_json) {
    return with_json(scenario_json, [&](const Json& j) { return estimate_json(catalog, j); });
}

std::string savings_table(const Catalog& catalog, std::string_view request_json) {
    return with_json(request_json, [&](const Json& j) { return labelcost::savings_table(catalog, j); });
}

std::string compare_workforces(const Catalog& catalog, std::string_view request_json) {
    return with_json(request_json, [&](const Json& j) { return labelcost::compare_workforces(catalog, j); });
}

std::string compare_cards(const Catalog& catalog, std::string_view request_json) {
    return with_json(request_json, [&](const Json& j) { return labelcost::compare_cards(catalog, j); });
}

std::string sweep(const Catalog& catalog, std::string_view request_json) {
    return with_json(request_json, [&](const Json& j) { return labelcost::sweep(catalog, j); });
}

Json rates_json(const Catalog& catalog) {
    Json cards = Json::array();
    for (const RateCard& card : catalog.cards()) {
        Json c = card.info;
        // Resolved values, so that readers need not apply the card's rules.
        Json defaults = Json::object();
        for (const TaskRates& t : card.tasks) defaults[t.id] = {{"workers", card.workers_for(t)}};
        c["resolved"] = {{"task_defaults", std::move(defaults)}};
        cards.push_back(std::move(c));
    }
    const RateCard* def = catalog.default_card();
    return {{"ok", true}, {"default", def ? Json(def->id) : Json(nullptr)}, {"cards", std::move(cards)}};
}

std::string rates(const Catalog& catalog) {
    return guarded([&] { return dump(rates_json(catalog)); });
}

std::string presets(const Catalog& catalog) {
    return guarded([&] {
        Json list = Json::array();
        for (const Preset& p : catalog.presets())
            list.push_back(
                {{"name", p.name}, {"title", p.title}, {"description", p.description}, {"scenario", p.scenario}});
        return dump({{"ok", true}, {"presets", std::move(list)}});
    });
}

std::string version(const Catalog& catalog) {
    return guarded([&] {
        Json ids = Json::array();
        for (const RateCard& c : catalog.cards()) ids.push_back(c.id);
        return dump({{"ok", true},
                     {"engine", kEngineVersion},
                     {"scenario_format", kScenarioFormat},
                     {"result_format", kResultFormat},
                     {"rates", std::move(ids)}});
    });
}

}  // namespace labelcost::api
