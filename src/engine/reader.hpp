// Typed, path-aware reading of JSON objects. Every problem becomes an Issue
// (code, JSON path, message) in a caller-owned list; nothing throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "issue.hpp"
#include "json.hpp"
#include "numeric.hpp"
#include "path.hpp"

namespace labelcost {

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
