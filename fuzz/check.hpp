// What every fuzz target asserts of an answer: it is JSON; it says ok or
// lists errors, each with code, path and message; and an estimate adds up
// (items sum to the total, parts to their item, low <= total <= high, nothing
// negative). Also: the engine's JSON parser reads what nlohmann's does. A
// failure aborts, which the fuzzer reports.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/numeric.hpp"
#include "engine/reader.hpp"

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

// Same values of the same types in the same order (nlohmann's == takes 1 and
// 1.0 for equal, and an object's keys in any order).
inline bool same_json(const labelcost::Json& a, const labelcost::Json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        auto i = a.items().begin();
        auto j = b.items().begin();
        for (; i != a.items().end(); ++i, ++j)
            if (i.key() != j.key() || !same_json(i.value(), j.value())) return false;
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t k = 0; k < a.size(); ++k)
            if (!same_json(a[k], b[k])) return false;
        return true;
    }
    if (a.is_number_float()) {
        const double x = a.get<double>(), y = b.get<double>();
        return std::memcmp(&x, &y, sizeof x) == 0;  // tells -0.0 from 0.0
    }
    return a == b;
}

inline int depth(const labelcost::Json& j) {
    int deepest = 0;
    if (j.is_structured())
        for (const auto& v : j) deepest = std::max(deepest, depth(v));
    return j.is_structured() ? deepest + 1 : 0;
}

// Where the engine's JSON parser and nlohmann's (the reference) disagree on
// a text: nullptr when they agree. Texts nested deeper or longer than the
// engine reads are refused by it before parsing, by design.
inline const char* parse_disagreement(std::string_view text) {
    labelcost::Issues errors;
    const labelcost::Json ours = labelcost::parse_json(text, errors);
    const labelcost::Json reference = labelcost::Json::parse(text.begin(), text.end(), nullptr, false);
    // nlohmann takes a NUL byte for the end of the text (for C strings); a raw
    // NUL is never valid JSON, and the engine refuses any text with one.
    if (text.find('\0') != std::string_view::npos)
        return ours.is_discarded() ? nullptr : "the engine reads text with a NUL byte";
    if (ours.is_discarded() && !reference.is_discarded() &&
        (text.size() > labelcost::limits::kMaxJsonBytes || depth(reference) > labelcost::limits::kMaxJsonDepth))
        return nullptr;
    if (ours.is_discarded() != reference.is_discarded())
        return ours.is_discarded() ? "the engine refuses JSON the reference reads" : "the engine reads JSON the reference refuses";
    if (ours.is_discarded() == errors.empty()) return "a refusal without an error, or an error with a value";
    if (!ours.is_discarded() && !same_json(ours, reference)) return "the engine reads other values than the reference";
    return nullptr;
}

// Bytes as C escapes, for a failure message.
inline std::string printable(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace fuzzcheck
