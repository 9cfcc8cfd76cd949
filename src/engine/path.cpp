#include "path.hpp"

#include <algorithm>

#include "writer.hpp"

namespace labelcost {

std::string join_path(const std::string& base, std::string_view key) {
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (plain) return base.empty() ? std::string(key) : base + "." + std::string(key);
    std::string quoted;
    append_json_string(quoted, key);
    return base + "[" + quoted + "]";
}

std::string index_path(const std::string& base, std::size_t index) {
    return base + "[" + std::to_string(index) + "]";
}

}  // namespace labelcost
