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
#if defined(__cpp_exceptions)
    return answer_text(guarded([&] { return Answer(f()); }));
#else
    return f();
#endif
}

// Reads request text and answers with `call` on it, as text. One function
// for every call (not a template): the module holds it once.
using Handler = Answer (*)(const Catalog&, const Json&);
std::string with_json(const Catalog& catalog, std::string_view text, Handler call) {
    Answer answer = guarded([&] {
        auto request = read_json(text);
        if (!request) return Answer::failure(std::move(request.errors()));
        return call(catalog, *request);
    });
    return answer_text(std::move(answer));
}

Answer estimate_request(const Catalog& catalog, const Json& scenario) {
    return parsed::estimate(catalog, scenario);
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
    return with_json(catalog, scenario_json, &estimate_request);
}

std::string savings_table(const Catalog& catalog, std::string_view request_json) {
    return with_json(catalog, request_json, &labelcost::savings_table);
}

std::string compare_workforces(const Catalog& catalog, std::string_view request_json) {
    return with_json(catalog, request_json, &labelcost::compare_workforces);
}

std::string compare_cards(const Catalog& catalog, std::string_view request_json) {
    return with_json(catalog, request_json, &labelcost::compare_cards);
}

std::string sweep(const Catalog& catalog, std::string_view request_json) {
    return with_json(catalog, request_json, &labelcost::sweep);
}

std::string budget(const Catalog& catalog, std::string_view request_json) {
    return with_json(catalog, request_json, &labelcost::budget);
}

std::string compare_scenarios(const Catalog& catalog, std::string_view request_json) {
    return with_json(catalog, request_json, &labelcost::compare_scenarios);
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
