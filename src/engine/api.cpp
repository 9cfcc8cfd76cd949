#include "api.hpp"

#include <exception>

#include "budget.hpp"
#include "plans.hpp"
#include "priced.hpp"
#include "tables.hpp"
#include "version.hpp"
#include "writer.hpp"

namespace labelcost::api {
namespace {

// Runs `f` and turns anything it throws into an error value. (Built without
// exceptions, nothing can throw: a failure aborts instead, and the caller of
// the WebAssembly module turns the trap into an error value.)
#if defined(__cpp_exceptions)
Answer internal_error(const char* what) {
    return Answer::failure({{Code::internal, "", std::string("labelcost failed unexpectedly: ") + what}});
}
#endif

template <typename F>
Answer guarded(F&& f) {
#if defined(__cpp_exceptions)
    try {
        return f();
    } catch (const std::bad_alloc&) {
        return internal_error("out of memory");
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown failure");
    }
#else
    return f();
#endif
}

// A listing: the text `f` writes, guarded.
template <typename F>
std::string listing(F&& f) {
    return answer_text(guarded([&] { return Answer(f()); }));
}

// Reads request text and answers with `call` on it, as text.
template <typename Call>
std::string with_json(std::string_view text, Call&& call) {
    Answer answer = guarded([&] {
        auto request = read_json(text);
        if (!request) return Answer::failure(std::move(request.errors()));
        return call(*request);
    });
    return answer_text(std::move(answer));
}

}  // namespace

Result<Json> read_json(std::string_view text) {
    Issues errors;
    Json j = parse_json(text, errors);
    if (!errors.empty()) return Result<Json>::failure(std::move(errors));
    return j;
}

namespace parsed {

Answer estimate(const Catalog& catalog, const Json& scenario, const RateCard* fixed_card) {
    return guarded([&] {
        Priced p = price_scenario(catalog, scenario, fixed_card);
        if (!p.estimate) return Answer::failure(std::move(p.errors));
        return Answer(result_text(*p.scenario, *p.estimate));
    });
}

Answer savings_table(const Catalog& catalog, const Json& request) {
    return guarded([&] { return labelcost::savings_table(catalog, request); });
}

Answer compare_workforces(const Catalog& catalog, const Json& request) {
    return guarded([&] { return labelcost::compare_workforces(catalog, request); });
}

Answer compare_cards(const Catalog& catalog, const Json& request) {
    return guarded([&] { return labelcost::compare_cards(catalog, request); });
}

Answer sweep(const Catalog& catalog, const Json& request) {
    return guarded([&] { return labelcost::sweep(catalog, request); });
}

Answer budget(const Catalog& catalog, const Json& request) {
    return guarded([&] { return labelcost::budget(catalog, request); });
}

Answer compare_scenarios(const Catalog& catalog, const Json& request) {
    return guarded([&] { return labelcost::compare_scenarios(catalog, request); });
}

}  // namespace parsed

std::string estimate(const Catalog& catalog, std::string_view scenario_json) {
    return with_json(scenario_json, [&](const Json& j) { return parsed::estimate(catalog, j); });
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

std::string budget(const Catalog& catalog, std::string_view request_json) {
    return with_json(request_json, [&](const Json& j) { return labelcost::budget(catalog, j); });
}

std::string compare_scenarios(const Catalog& catalog, std::string_view request_json) {
    return with_json(request_json, [&](const Json& j) { return labelcost::compare_scenarios(catalog, j); });
}

std::string rates(const Catalog& catalog) {
    return listing([&] {
        JsonWriter w;
        const RateCard* def = catalog.default_card();
        w.begin_object().field("ok", true).key("default");
        if (def)
            w.string(def->id);
        else
            w.null();
        w.key("cards").begin_array();
        for (const RateCard& card : catalog.cards()) w.raw(card.text);
        w.end_array().end_object();
        return w.take();
    });
}

std::string presets(const Catalog& catalog) {
    return listing([&] {
        JsonWriter w;
        w.begin_object().field("ok", true).key("presets").begin_array();
        for (const Preset& p : catalog.presets())
            w.begin_object()
                .field("name", p.name)
                .field("title", p.title)
                .field("description", p.description)
                .key("scenario")
                .raw(p.text)
                .end_object();
        w.end_array().end_object();
        return w.take();
    });
}

const char* version_number() {
    return kEngineVersion;
}

std::string version(const Catalog& catalog) {
    return listing([&] {
        JsonWriter w;
        w.begin_object()
            .field("ok", true)
            .field("engine", kEngineVersion)
            .field("scenario_format", kScenarioFormat)
            .field("result_format", kResultFormat)
            .key("rates")
            .begin_array();
        for (const RateCard& c : catalog.cards()) w.string(c.id);
        w.end_array().end_object();
        return w.take();
    });
}

}  // namespace labelcost::api
