// Derived tables: the savings table across dataset sizes (savings_table.cpp),
// the same scenario under every workforce or every rate card
// (comparisons.cpp), and sweeps for charts (sweep.cpp). Each takes a request
// (JSON) and answers with a result (JSON text) or errors with paths into the
// request.
#pragma once

#include "answer.hpp"
#include "catalog.hpp"
#include "estimate.hpp"

namespace labelcost {

namespace limits {
constexpr std::size_t kMaxTableSizes = 50;
constexpr std::int64_t kMaxSweepSteps = 1'000;
// A sweep's cells (x values times y values: a 100 x 100 chart), and the items
// it prices in all: cells x grids (2 with "without") x the items each cell
// prices (the swept one, and the rework items it feeds when it is a labeling
// item). Each bounds what one sweep costs: docs/performance.md.
constexpr std::int64_t kMaxSweepCells = 10'000;
constexpr std::int64_t kMaxSweepPrices = 200'000;
}  // namespace limits

// {"rates"?, "task", "workforce"?, "sizes"?: [..], "auto_fraction"?, "compute_per_10k"?,
//  "workers"?, "multiplier"?, "worker_price"?, "jobs"?}
Answer savings_table(const Catalog& catalog, const Json& request);

// {"scenario": {...}, "labor"?: {"hourly", "seconds_per_object"}}: the
// scenario with every labeling item moved to each workforce of its card.
Answer compare_workforces(const Catalog& catalog, const Json& request);

// {"scenario": {...}}: the scenario under each bundled rate card.
Answer compare_cards(const Catalog& catalog, const Json& request);

// {"scenario": {...}, "item": 0, "x": {"field", "from", "to", "steps"} | {"field", "values"},
//  "y"?: same}: totals over a grid, rows along y, columns along x.
// Written as text: a 100 x 100 sweep is 10,000 amounts.
Answer sweep(const Catalog& catalog, const Json& request);

}  // namespace labelcost
