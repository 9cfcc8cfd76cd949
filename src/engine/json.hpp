// JSON as the engine reads it: the value type, and the parser that reads
// text into it within limits, without exceptions.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "issue.hpp"

namespace labelcost {

using Json = nlohmann::ordered_json;
// An object's members in order, as the vector ordered_json keeps them in
// (whose own operator[] looks a key up by a scan).
using Members = Json::object_t::Container;
inline const Members& members_of(const Json& object) {
    return object.get_ref<const Json::object_t&>();
}

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

}  // namespace labelcost
