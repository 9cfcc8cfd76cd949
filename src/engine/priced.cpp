#include "priced.hpp"

#include "answer.hpp"

namespace labelcost {

Priced price_scenario(const Catalog& catalog, const Json& scenario_json, const RateCard* fixed_card) {
    Priced p;
    auto read = parse_scenario(scenario_json, catalog.lookup(), fixed_card);
    if (!read) {
        p.errors = std::move(read.errors());
        return p;
    }
    p.scenario.emplace(std::move(*read));
    auto priced = estimate(*p.scenario);
    if (!priced) {
        p.errors = std::move(priced.errors());
        return p;
    }
    p.estimate.emplace(std::move(*priced));
    auto& warnings = p.estimate->warnings;
    warnings.insert(warnings.begin(), read.warnings().begin(), read.warnings().end());
    return p;
}

// Reads {"scenario": {...}, ...} and checks the scenario itself first, so that
// its own errors come back once, with "scenario." in front of their paths.
const Json* read_scenario_request(Reader& r, const Catalog& catalog, Issues& errors, Priced& base) {
    const Json* scenario = r.object("scenario", Need::Required);
    if (!scenario) return nullptr;
    base = price_scenario(catalog, *scenario);
    if (!base.estimate) {
        const std::size_t from = errors.size();
        errors.insert(errors.end(), base.errors.begin(), base.errors.end());
        prefix_paths(errors, from, "scenario");
        return nullptr;
    }
    return scenario;
}

}  // namespace labelcost
