// The WebAssembly boundary: the only EMSCRIPTEN_BINDINGS in labelcost.
//
// Every function takes JSON text and returns JSON text as a Uint8Array view
// of the module's memory, valid until the next call: web/engine.js decodes it
// at once with TextDecoder (embind's own std::string return walks every byte
// in JavaScript, which is slow for the larger results: tables, sweeps, the
// rate-card listing).
// Expected failures come back as {"ok": false, "errors": [...]}. The module is
// built without C++ exceptions, so none can reach JavaScript (where one would
// arrive as a bare number); an unexpected failure aborts, which JavaScript
// sees as a RuntimeError, and web/engine.js answers with an error value and a
// fresh instance.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#ifdef LABELCOST_TEST_HOOKS
#include <malloc.h>
#endif

#include <cstdlib>
#include <string>

#include "engine/api.hpp"

namespace {

using labelcost::bundled_catalog;

// A bundled card that fails to load is a broken build: say so on every call.
template <typename F>
std::string checked(F&& f) {
    if (!labelcost::bundled_load_errors().empty()) {
        labelcost::Issues errors = labelcost::bundled_load_errors();
        for (auto& e : errors) e.code = labelcost::Code::internal;
        return labelcost::errors_text(errors);
    }
    return f();
}

std::string last_result;

emscripten::val view(std::string text) {
    last_result = std::move(text);
    return emscripten::val(
        emscripten::typed_memory_view(last_result.size(), reinterpret_cast<const unsigned char*>(last_result.data())));
}

// Each export is one of the engine's text functions, its answer as a view:
// those that take a request (JSON text), and the listings that take none.
template <auto Call>
emscripten::val answer(const std::string& request) {
    return view(checked([&] { return Call(bundled_catalog(), request); }));
}
template <auto Call>
emscripten::val listing() {
    return view(checked([&] { return Call(bundled_catalog()); }));
}

#ifdef LABELCOST_TEST_HOOKS
// Test hooks, in the test build of the module only: bytes of the heap in use
// (the leak test), and an abort (the recovery test).
double heap_in_use() {
    return static_cast<double>(mallinfo().uordblks);
}
void abort_for_test() {
    std::abort();
}
#endif

}  // namespace

EMSCRIPTEN_BINDINGS(labelcost) {
    namespace api = labelcost::api;
    emscripten::function("estimate", &answer<&api::estimate>);
    emscripten::function("savingsTable", &answer<&api::savings_table>);
    emscripten::function("compareWorkforces", &answer<&api::compare_workforces>);
    emscripten::function("compareCards", &answer<&api::compare_cards>);
    emscripten::function("sweep", &answer<&api::sweep>);
    emscripten::function("budget", &answer<&api::budget>);
    emscripten::function("compareScenarios", &answer<&api::compare_scenarios>);
    emscripten::function("rates", &listing<&api::rates>);
    emscripten::function("presets", &listing<&api::presets>);
    emscripten::function("version", &listing<&api::version>);
#ifdef LABELCOST_TEST_HOOKS
    emscripten::function("heapInUse", &heap_in_use);
    emscripten::function("abortForTest", &abort_for_test);
#endif
}
