// What every fuzz target asserts of an answer: it is JSON; it says ok or
// lists errors, each with code, path and message; and an estimate adds up
// (items sum to the total, parts to their item, low <= total <= high, nothing
// negative but the lines of discounts and credits). Also: the engine's JSON parser reads what nlohmann's does. A
// failure aborts, which the fuzzer reports.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/numeric.hpp"
#include "engine/reader.hpp"
#include "engine/tables.hpp"

namespace fuzzcheck {

[[noreturn]] inline void fail(const char* what, const std::string& out) {
    std::fprintf(stderr, "fuzz check failed: %s\n%.2000s\n", what, out.c_str());
    std::abort();
}

// Micro-dollars of an amount the engine wrote ("1021.15"; "-72.00" only
// where `negative` allows it: the lines of a discount or credit).
inline long long micros(const nlohmann::json& amount, const std::string& out, bool negative = false) {
    if (!amount.is_string()) fail("an amount is not a string", out);
    const auto d = labelcost::parse_decimal(amount.get<std::string>());
    std::int64_t v = 0;
    if (!d || (d->negative && !negative)) fail("an amount is not a non-negative decimal with at most 6 places", out);
    auto magnitude = *d;
    magnitude.negative = false;
    if (labelcost::to_scaled(magnitude, 6, INT64_MAX, v) != labelcost::ScaleError::None)
        fail("an amount is not a decimal with at most 6 places", out);
    return d->negative ? -v : v;
}

inline void check_result(const std::string& out) {
    const auto j = nlohmann::json::parse(out, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) fail("not a result", out);
    if (!j["ok"].get<bool>()) {
        if (!j.contains("errors") || !j["errors"].is_array() || j["errors"].empty()) fail("no errors listed", out);
        if (j["errors"].size() > labelcost::limits::kMaxErrors + 1) fail("more errors listed than the limit", out);
        for (const auto& e : j["errors"])
            if (!e.is_object() || !e["code"].is_string() || !e["path"].is_string() || !e["message"].is_string() ||
                e["code"].get<std::string>().empty() || e["code"] == "internal")
                fail("a malformed or internal error", out);
        return;
    }
    if (!j.contains("items") || !j.contains("total")) return;  // a table, a listing
    long long sum = 0;
    for (const auto& item : j["items"]) {
        const bool reduction = item["kind"] == "discount" || item["kind"] == "credit";
        const long long cost = micros(item["cost"], out, reduction);
        if (cost > 0 && reduction) fail("a discount or credit adds to the total", out);
        long long parts = 0;
        for (const auto& p : item["parts"]) parts += micros(p["cost"], out, reduction);
        if (parts != cost) fail("an item's parts do not add up to its cost", out);
        if (micros(item["low"], out, reduction) > cost || cost > micros(item["high"], out, reduction))
            fail("an item's range excludes it", out);
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

// The shape of a text as the reference reads it, from one pass of its SAX
// parser (linear in the text, where building its ordered DOM is quadratic in
// an object's width): whether it is JSON, how deep it nests, the most
// members an object has as written (a repeated key counts each time), and
// how many of its numbers are long (neither 64-bit integers, which the
// reference reports as integers, nor short decimals).
struct Shape : nlohmann::json_sax<labelcost::Json> {
    bool valid = true;
    int deepest = 0;
    std::size_t widest = 0;
    std::size_t long_numbers = 0;
    std::vector<std::size_t> open;  // members so far, per open container

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t& text) override {
        if (!labelcost::short_decimal(text)) ++long_numbers;
        return true;
    }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return start(); }
    bool key(string_t&) override {
        widest = std::max(widest, ++open.back());
        return true;
    }
    bool end_object() override { return open.pop_back(), true; }
    bool start_array(std::size_t) override { return start(); }
    bool end_array() override { return open.pop_back(), true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        valid = false;
        return false;
    }
    bool start() {
        open.push_back(0);
        deepest = std::max(deepest, static_cast<int>(open.size()));
        return true;
    }
};

inline Shape shape_of(std::string_view text) {
    Shape shape;
    labelcost::Json::sax_parse(text.begin(), text.end(), &shape);
    return shape;
}

// Where the engine's JSON parser and nlohmann's (the reference) disagree on
// a text: nullptr when they agree. By design the engine refuses JSON the
// reference reads when it is over its limits (longer than kMaxJsonBytes,
// nested deeper than kMaxJsonDepth, an object wider than kMaxJsonMembers,
// more than kMaxLongNumbers long numbers) or starts with a byte-order mark
// (which the reference skips), and it says which, never invalid_json.
inline const char* parse_disagreement(std::string_view text) {
    labelcost::Issues errors;
    const labelcost::Json ours = labelcost::parse_json(text, errors);
    // nlohmann takes a NUL byte for the end of the text (for C strings); a raw
    // NUL is never valid JSON, and the engine refuses any text with one.
    if (text.find('\0') != std::string_view::npos)
        return ours.is_discarded() ? nullptr : "the engine reads text with a NUL byte";
    if (ours.is_discarded() == errors.empty()) return "a refusal without an error, or an error with a value";
    const Shape shape = shape_of(text);
    const bool beyond = text.size() > labelcost::limits::kMaxJsonBytes || text.substr(0, 3) == "\xEF\xBB\xBF" ||
                        shape.deepest > labelcost::limits::kMaxJsonDepth ||
                        shape.widest > labelcost::limits::kMaxJsonMembers ||
                        shape.long_numbers > labelcost::limits::kMaxLongNumbers;
    if (shape.valid && beyond) {
        if (!ours.is_discarded()) return "the engine reads JSON beyond its limits";
        return errors[0].code == labelcost::Code::invalid_json ? "the engine calls JSON beyond its limits invalid" : nullptr;
    }
    if (ours.is_discarded() != !shape.valid)
        return ours.is_discarded() ? "the engine refuses JSON the reference reads" : "the engine reads JSON the reference refuses";
    if (ours.is_discarded()) return nullptr;
    // Within the limits: the reference's DOM costs no more than the engine's.
    const labelcost::Json reference = labelcost::Json::parse(text.begin(), text.end(), nullptr, false);
    if (!same_json(ours, reference)) return "the engine reads other values than the reference";
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
