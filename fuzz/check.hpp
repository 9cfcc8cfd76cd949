// What every fuzz target asserts of an answer: it is JSON; it says ok or
// lists errors, each with code, path and message; and an estimate adds up
// (items sum to the total, parts to their item, low <= total <= high, nothing
// negative). A failure aborts, which the fuzzer reports.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/numeric.hpp"

namespace fuzzcheck {

[[noreturn]] inline void fail(const char* what, const std::string& out) {
    std::fprintf(stderr, "fuzz check failed: %s\n%.2000s\n", what, out.c_str());
    std::abort();
}

// Micro-dollars of an amount the engine wrote ("1021.15").
inline long long micros(const nlohmann::json& amount, const std::string& out) {
    if (!amount.is_string()) fail("an amount is not a string", out);
    const auto d = labelcost::parse_decimal(amount.get<std::string>());
    std::int64_t v = 0;
    if (!d || d->negative || labelcost::to_scaled(*d, 6, INT64_MAX, v) != labelcost::ScaleError::None)
        fail("an amount is not a non-negative decimal with at most 6 places", out);
    return v;
}

inline void check_result(const std::string& out) {
    const auto j = nlohmann::json::parse(out, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) fail("not a result", out);
    if (!j["ok"].get<bool>()) {
        if (!j.contains("errors") || !j["errors"].is_array() || j["errors"].empty()) fail("no errors listed", out);
        for (const auto& e : j["errors"])
            if (!e.is_object() || !e["code"].is_string() || !e["path"].is_string() || !e["message"].is_string() ||
                e["code"].get<std::string>().empty() || e["code"] == "internal")
                fail("a malformed or internal error", out);
        return;
    }
    if (!j.contains("items") || !j.contains("total")) return;  // a table, a listing
    long long sum = 0;
    for (const auto& item : j["items"]) {
        const long long cost = micros(item["cost"], out);
        long long parts = 0;
        for (const auto& p : item["parts"]) parts += micros(p["cost"], out);
        if (parts != cost) fail("an item's parts do not add up to its cost", out);
        if (micros(item["low"], out) > cost || cost > micros(item["high"], out)) fail("an item's range excludes it", out);
        sum += cost;
    }
    const long long total = micros(j["total"], out);
    if (sum != total) fail("the items do not add up to the total", out);
    if (micros(j["low"], out) > total || total > micros(j["high"], out)) fail("the range excludes the total", out);
}

}  // namespace fuzzcheck
