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
#include <malloc.h>

#include <cstdlib>
#include <string>

#include "engine/api.hpp"
#include "engine/bundled.hpp"
#include "engine/tables.hpp"

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

emscripten::val estimate(const std::string& scenario) {
    return view(checked([&] { return labelcost::api::estimate(bundled_catalog(), scenario); }));
}
emscripten::val savings_table(const std::string& request) {
    return view(checked([&] { return labelcost::api::savings_table(bundled_catalog(), request); }));
}
emscripten::val compare_workforces(const std::string& request) {
    return view(checked([&] { return labelcost::api::compare_workforces(bundled_catalog(), request); }));
}
emscripten::val compare_cards(const std::string& request) {
    return view(checked([&] { return labelcost::api::compare_cards(bundled_catalog(), request); }));
}
emscripten::val sweep(const std::string& request) {
    return view(checked([&] { return labelcost::api::sweep(bundled_catalog(), request); }));
}
emscripten::val rates() {
    return view(checked([&] { return labelcost::api::rates(bundled_catalog()); }));
}
emscripten::val presets() {
    return view(checked([&] { return labelcost::api::presets(bundled_catalog()); }));
}
emscripten::val version() {
    return view(checked([&] { return labelcost::api::version(bundled_catalog()); }));
}

// Test hooks: bytes of the heap in use (the leak test), and an abort (the
// recovery test).
double heap_in_use() {
    return static_cast<double>(mallinfo().uordblks);
}
void abort_for_test() {
    std::abort();
}

}  // namespace

EMSCRIPTEN_BINDINGS(labelcost) {
    emscripten::function("estimate", &estimate);
    emscripten::function("savingsTable", &savings_table);
    emscripten::function("compareWorkforces", &compare_workforces);
    emscripten::function("compareCards", &compare_cards);
    emscripten::function("sweep", &sweep);
    emscripten::function("rates", &rates);
    emscripten::function("presets", &presets);
    emscripten::function("version", &version);
    emscripten::function("heapInUse", &heap_in_use);
    emscripten::function("abortForTest", &abort_for_test);
}
