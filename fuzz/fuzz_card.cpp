// Fuzz target: any text as a rate card, then the bundled presets priced on it
// when it loads.
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "engine/api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    labelcost::Catalog catalog;
    if (!catalog.add_card(text).empty()) return 0;
    // A card that loads must price anything without failing.
    const std::string& id = catalog.cards().front().id;
    for (const auto& preset : labelcost::bundled_catalog().presets()) {
        auto scenario = preset.scenario;
        scenario["rates"] = id;
        fuzzcheck::check_result(labelcost::api::estimate(catalog, scenario.dump()));
    }
    fuzzcheck::check_result(labelcost::api::rates(catalog));
    return 0;
}
