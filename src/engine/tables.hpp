// Derived tables: the savings table across dataset sizes, the same scenario
// under every workforce or every rate card, and sweeps for charts. Each takes
// a request (JSON) and gives a result (JSON); problems come back as
// {"ok": false, "errors": [...]} with paths into the request.
#pragma once

#include "catalog.hpp"
#include "estimate.hpp"
#include "writer.hpp"

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
std::string savings_table(const Catalog& catalog, const Json& request);

// {"scenario": {...}, "labor"?: {"hourly", "seconds_per_object"}}: the
// scenario with every labeling item moved to each workforce of its card.
std::string compare_workforces(const Catalog& catalog, const Json& request);

// {"scenario": {...}}: the scenario under each bundled rate card.
std::string compare_cards(const Catalog& catalog, const Json& request);

// {"scenario": {...}, "item": 0, "x": {"field", "from", "to", "steps"} | {"field", "values"},
//  "y"?: same}: totals over a grid, rows along y, columns along x.
// Written as text: a 100 x 100 sweep is 10,000 amounts.
std::string sweep(const Catalog& catalog, const Json& request);

// {"ok": false, "errors": [...]}, with at most kMaxErrors errors listed.
std::string errors_text(const Issues& errors);
// The errors as they are listed: the first kMaxErrors, then, when there are
// more, one too_many_errors entry (path "") saying how many are not listed.
Issues listed_errors(const Issues& errors);
// listed_errors as a JSON array.
void write_errors(JsonWriter& w, const Issues& errors);
// Errors found in a nested scenario get the request's path in front ("scenario.").
void prefix_paths(Issues& errors, std::size_t from, const std::string& prefix);
// {"id", "title", "effective", "custom"}: custom when the card came with the scenario.
void write_card_ref(JsonWriter& w, const RateCard& card, bool custom = false);

// Estimates a scenario given as JSON: result format v1 as text, or errors.
std::string estimate_text(const Catalog& catalog, const Json& scenario, const RateCard* fixed_card = nullptr);

}  // namespace labelcost
