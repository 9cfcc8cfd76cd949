// Plans side by side: 2 to 4 scenarios priced, each with its differences
// against the first. docs/pricing.md ("Plans side by side") states the rules.
#pragma once

#include <cstddef>
#include <string>

#include "answer.hpp"
#include "catalog.hpp"

namespace labelcost {

namespace limits {
constexpr std::size_t kMinPlans = 2;
constexpr std::size_t kMaxPlans = 4;
}  // namespace limits

// {"labelcost"?: 1, "scenarios": [2-4 scenarios]} ->
// {"ok", "plans": [{... , "delta": null | {...}}], "warnings"}.
Answer compare_scenarios(const Catalog& catalog, const Json& request);

}  // namespace labelcost
