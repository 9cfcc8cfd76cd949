// Derived tables: the savings table across dataset sizes, the same scenario
// under every workforce or every rate card, and sweeps for charts. Each takes
// a request (JSON) and gives a result (JSON); problems come back as
// {"ok": false, "errors": [...]} with paths into the request.
#pragma once

#include "catalog.hpp"
#include "estimate.hpp"

namespace labelcost {

namespace limits {
constexpr std::size_t kMaxTableSizes = 50;
constexpr std::int64_t kMaxSweepSteps = 1'000;
constexpr std::int64_t kMaxSweepCells = 100'000;
}  // namespace limits

// {"rates"?, "task", "workforce"?, "sizes"?: [..], "auto_fraction"?, "compute_per_10k"?,
//  "workers"?, "multiplier"?, "worker_price"?, "jobs"?}
Json savings_table(const Catalog& catalog, const Json& request);

// {"scenario": {...}, "labor"?: {"hourly", "seconds_per_object"}}: the
// scenario with every labeling item moved to each workforce of its card.
Json compare_workforces(const Catalog& catalog, const Json& request);

// {"scenario": {...}}: the scenario under each bundled rate card.
Json compare_cards(const Catalog& catalog, const Json& request);

// {"scenario": {...}, "item": 0, "x": {"field", "from", "to", "steps"} | {"field", "values"},
//  "y"?: same}: totals over a grid, rows along y, columns along x.
Json sweep(const Catalog& catalog, const Json& request);

// {"ok": false, "errors": [...]}.
Json errors_json(const Issues& errors);

// Estimates a scenario given as JSON: result format v1, or errors.
Json estimate_json(const Catalog& catalog, const Json& scenario, const RateCard* fixed_card = nullptr);

}  // namespace labelcost
