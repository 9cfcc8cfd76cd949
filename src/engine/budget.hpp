// The most a budget labels: the largest whole object count of one item such
// that the scenario's total, every other item unchanged, is at most the
// budget. docs/pricing.md ("Budget") states the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "answer.hpp"
#include "catalog.hpp"
#include "estimate.hpp"

namespace labelcost {

namespace limits {
// Points where a labeling item's cost can fall as it grows (a job reaching
// active learning's minimum dataset or a validation-share step), which a
// budget prices one by one: rules x jobs. Bounds what one budget costs.
constexpr std::size_t kMaxBudgetPoints = 1'024;
// Item prices one budget may take (each total prices the counted item and
// the rework items it feeds, or every item where discounts, credits or
// monthly tiers make the total depend on all of them), as a sweep's
// kMaxSweepPrices bounds a sweep.
constexpr std::size_t kMaxBudgetPrices = 200'000;
// The largest budget, in micro-dollars: $1 trillion.
constexpr std::int64_t kMaxBudget = 1'000'000'000'000 * kMicro;
}  // namespace limits

struct Fit {
    std::int64_t objects = 0;                  // the largest count within the budget (0 when none is)
    Money total;                               // the scenario's total with it
    bool none = false;                         // not even 0 objects: the other items cost more
    bool at_limit = false;                     // the most objects an item may have is within the budget
    std::optional<std::int64_t> next_objects;  // the next count, which costs more than the budget
    Money next_total;
    // The highest count at or below `objects` that costs less than the count
    // before it (where a rule lowers the cost), with both totals.
    std::optional<std::int64_t> cheaper_at;
    Money cheaper_total, before_total;
};

// The counts at which the item's cost can fall as it grows, ascending; empty
// when it never does. More than kMaxBudgetPoints: nullopt.
std::optional<std::vector<std::int64_t>> falling_points(const Item& item, const RateCard& card);

// The largest count for scenario.items[index] within `budget` (the item's
// objects are changed while it searches, and put back).
Fit largest_within(Scenario& scenario, std::size_t index, const PriceOptions& options,
                   const std::vector<std::int64_t>& falls, Money budget);

// {"budget": "5000", "scenario": {...}, "item": 0}: the answer, or errors
// with paths into the request. The answer: {"ok", "format", "rates",
// "budget", "item", "objects", "total", "next": {"objects", "total"} | null,
// "low", "high", "without_active_learning": {"objects", "total"} | null,
// "by_workforce": [{"workforce", "title", "available", "objects"?, "total"?,
// "note", "problem"?: {code, path, message}}], "warnings"}.
Answer budget(const Catalog& catalog, const Json& request);

}  // namespace labelcost
