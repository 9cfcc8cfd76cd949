// The text boundary of the engine: JSON text in, JSON text out. The CLI, the
// WebAssembly bindings and the fuzzers all go through these. None of them
// throws: any failure, expected or not, comes back as
// {"ok": false, "errors": [{"code", "path", "message"}]}.
#pragma once

#include <string>
#include <string_view>

#include "catalog.hpp"

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

}  // namespace labelcost::api
