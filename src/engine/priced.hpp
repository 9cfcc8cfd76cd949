// A scenario read and priced: the first step of every call that prices one
// (an estimate, a comparison's rows, a sweep's base).
#pragma once

#include <optional>

#include "catalog.hpp"
#include "estimate.hpp"

namespace labelcost {

struct Priced {
    std::optional<Scenario> scenario;
    std::optional<Estimate> estimate;  // its warnings include the scenario's
    Issues errors;
};

// Reads and prices a scenario given as JSON; `fixed_card` as parse_scenario's.
Priced price_scenario(const Catalog& catalog, const Json& scenario_json, const RateCard* fixed_card = nullptr);

// Reads {"scenario": {...}, ...}'s scenario and prices it into `base`; its
// errors join `errors` with "scenario." in front of their paths. The
// scenario's JSON, or null when it is missing or has errors.
const Json* read_scenario_request(Reader& r, const Catalog& catalog, Issues& errors, Priced& base);

}  // namespace labelcost
