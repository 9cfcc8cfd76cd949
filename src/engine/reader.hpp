// Typed, path-aware reading of JSON objects. Every problem becomes an Issue
// (code, JSON path, message) in a caller-owned list; nothing throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "codes.hpp"
#include "numeric.hpp"

namespace labelcost {

using Json = nlohmann::ordered_json;
// An object's members in order, as the vector ordered_json keeps them in
// (whose own operator[] looks a key up by a scan).
using Members = Json::object_t::Container;
inline const Members& members_of(const Json& object) {
    return object.get_ref<const Json::object_t&>();
}

struct Issue {
    Code code;
    std::string path;
    std::string message;
};
using Issues = std::vector<Issue>;

// Limits on text the engine reads.
namespace limits {
constexpr std::size_t kMaxJsonBytes = 1 << 20;  // 1 MiB
constexpr int kMaxJsonDepth = 32;
// Members of one object, as written (a repeated key counts each time). The
// largest real object, a rate card's top level or its tasks, has 19; a card
// may list at most 100 tasks.
constexpr std::size_t kMaxJsonMembers = 256;
// Long numbers in one text: over 15 significant digits, or a power of ten
// beyond 22 (not a short_decimal, and not an integer of 64 bits). Each takes
// strtod, up to 16 microseconds in WebAssembly; no number the engine reads
// needs that form (it reads at most 15 significant digits exactly, and no
// limit reaches 10^22).
constexpr std::size_t kMaxLongNumbers = 256;
// Errors listed in one answer; the rest are counted in one more entry
// (write_errors in tables.hpp).
constexpr std::size_t kMaxErrors = 100;
}  // namespace limits

// Parses JSON text without exceptions. Rejects text over kMaxJsonBytes
// before parsing, and where the parser meets them: a leading byte-order mark,
// containers nested deeper than kMaxJsonDepth, and objects with more than
// kMaxJsonMembers members (so that no object costs more to build than that),
// and more than kMaxLongNumbers long numbers. On failure returns a discarded
// value and appends invalid_json / too_large / bom / too_deep /
// too_many_members (with the object's path) / too_many_long_numbers.
Json parse_json(std::string_view text, Issues& errors);

// Whether the text of a JSON number is a short decimal: at most 15
// significant digits and a power of ten within 10^-22..10^22, turned into a
// double by the parser itself, exactly.
bool short_decimal(std::string_view number);

// Appends ".key" or "[\"a/b\"]" to a JSON path, whichever reads unambiguously.
std::string join_path(const std::string& base, std::string_view key);
std::string index_path(const std::string& base, std::size_t index);

// How many decimal places a kind of number keeps.
constexpr int kMoneyPlaces = 6;  // micro-dollars
constexpr int kDecPlaces = 9;    // nano-units

// The shortest decimal text that reads back as `value` ("0.07", "1e-07").
std::string shortest_decimal(double value);

// A short, printable rendering of a JSON value for messages.
std::string describe(const Json& value);

// Reads a number (JSON number, or a string holding a decimal number) exactly.
// JSON floats are read as the shortest decimal that round-trips the double,
// so any number written with up to 15 significant digits is read exactly.
std::optional<ParsedDecimal> read_decimal(const Json& value);

enum class Need { Optional, Required };

class Reader {
public:
    // `what` names the object in a wrong_type message ("an item", "the scenario").
    Reader(const Json& node, std::string path, Issues& errors, const char* what = "an object");

    bool ok() const { return ok_; }
    const std::string& path() const { return path_; }
    Issues& errors() { return errors_; }
    // A reader for a nested object field (nullopt-like: check ok()).
    Reader child(const Json& node, std::string_view key, const char* what) {
        return Reader(node, path_of(key), errors_, what);
    }
    std::string path_of(std::string_view key) const { return join_path(path_, key); }

    // The raw value of a field (nullptr when absent), marking it as read.
    const Json* get(std::string_view key);
    bool has(std::string_view key) const;

    // A whole number within [min, max].
    std::optional<std::int64_t> count(std::string_view key, Need need, std::int64_t min, std::int64_t max);
    // A decimal scaled to `places` within [min, max] (both in scaled units).
    std::optional<std::int64_t> decimal(std::string_view key, Need need, int places, std::int64_t min,
                                        std::int64_t max);
    std::optional<std::string> text(std::string_view key, Need need, std::size_t max_bytes = 200);
    std::optional<bool> flag(std::string_view key, Need need);
    // An object or array member, for nested readers.
    const Json* object(std::string_view key, Need need);
    const Json* array(std::string_view key, Need need, std::size_t max_size);

    // Reports every field that was never read as unknown_field.
    void finish();

    void error(Code code, std::string path, std::string message);

private:
    void missing(std::string_view key, Need need);
    // The place of a field among the object's members; read_.size() when absent.
    std::size_t find(std::string_view key) const;
    const Json& node_;
    std::string path_;
    Issues& errors_;
    bool ok_;
    std::string read_;  // per member, in order: 1 once read by get()
};

// Reads a standalone number value (an array element) like Reader::decimal.
std::optional<std::int64_t> read_scaled(const Json& value, const std::string& path, int places, std::int64_t min,
                                        std::int64_t max, Issues& errors);

// Formats a scaled limit for messages: (10000000000, 0) -> "10,000,000,000".
std::string limit_string(std::int64_t value, int places);

}  // namespace labelcost
