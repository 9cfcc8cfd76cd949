// JSON paths in messages: "items[2].labor.hourly", "tasks[\"image/box\"]".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace labelcost {

// Appends ".key" or "[\"a/b\"]" to a JSON path, whichever reads unambiguously.
std::string join_path(const std::string& base, std::string_view key);
std::string index_path(const std::string& base, std::size_t index);

}  // namespace labelcost
