// A problem the engine reports: its code, the JSON path it is at, and a
// message for the CLI and the console. Expected failures are lists of these,
// never exceptions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "codes.hpp"

namespace labelcost {

struct Issue {
    Code code;
    std::string path;
    std::string message;
};
using Issues = std::vector<Issue>;

namespace limits {
// Errors listed in one answer; the rest are counted in one more entry
// (write_errors in answer.hpp).
constexpr std::size_t kMaxErrors = 100;
}  // namespace limits

}  // namespace labelcost
