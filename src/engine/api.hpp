// The engine's boundary, the one header its front ends (the CLI, the
// WebAssembly bindings, the fuzzers, the benchmark) include. The text calls
// take JSON text and give JSON text; none of them throws: any failure,
// expected or not, comes back as
// {"ok": false, "errors": [{"code", "path", "message"}]}.
#pragma once

#include <string>
#include <string_view>

#include "answer.hpp"
#include "bundled.hpp"
#include "catalog.hpp"
#include "json.hpp"
#include "render.hpp"

namespace labelcost::api {

std::string estimate(const Catalog& catalog, std::string_view scenario_json);
std::string savings_table(const Catalog& catalog, std::string_view request_json);
std::string compare_workforces(const Catalog& catalog, std::string_view request_json);
std::string compare_cards(const Catalog& catalog, std::string_view request_json);
std::string sweep(const Catalog& catalog, std::string_view request_json);
// {"budget", "scenario", "item"?}: the most objects of an item the budget
// labels (budget.hpp).
std::string budget(const Catalog& catalog, std::string_view request_json);
// {"scenarios": [2-4]}: each priced, with its differences against the first
// (plans.hpp).
std::string compare_scenarios(const Catalog& catalog, std::string_view request_json);
// Every card, as the engine read it: {"ok", "default", "cards": [...]}. Cards
// and presets are written from their parsed values (RateCard::text), never
// echoed as the text they came in: only what the engine's writer writes is
// certain to be JSON.
std::string rates(const Catalog& catalog);
// {"ok", "presets": [{"name", "title", "description", "scenario"}]}.
std::string presets(const Catalog& catalog);
// {"ok", "engine", "scenario_format", "result_format", "rates": [ids]}.
std::string version(const Catalog& catalog);
// The labelcost version alone, e.g. "0.1.0" (package.json's).
const char* version_number();

// JSON text read as every call reads it (its size, depth and width limits
// included): the value, or why not.
Result<Json> read_json(std::string_view text);

// The same calls on requests already read, for a front end that writes
// answers and problems itself (the CLI): the result's JSON text, or the
// engine's errors as they are. `fixed_card`, when given, prices the scenario
// whatever its "rates" says (the CLI's --rates FILE).
namespace parsed {
Answer estimate(const Catalog& catalog, const Json& scenario, const RateCard* fixed_card = nullptr);
Answer savings_table(const Catalog& catalog, const Json& request);
Answer compare_workforces(const Catalog& catalog, const Json& request);
Answer compare_cards(const Catalog& catalog, const Json& request);
Answer sweep(const Catalog& catalog, const Json& request);
Answer budget(const Catalog& catalog, const Json& request);
Answer compare_scenarios(const Catalog& catalog, const Json& request);
}  // namespace parsed

}  // namespace labelcost::api
