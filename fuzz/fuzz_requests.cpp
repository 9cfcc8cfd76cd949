// Fuzz target: any text as a request to the tables: the first byte picks the
// export (savings table, workforce or card comparison, sweep, budget, plans
// side by side: the last two share a remainder, told apart by the byte's tens).
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "engine/api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto& catalog = labelcost::bundled_catalog();
    std::string out;
    switch (data[0] % 5) {
        case 0: out = labelcost::api::savings_table(catalog, text); break;
        case 1: out = labelcost::api::compare_workforces(catalog, text); break;
        case 2: out = labelcost::api::compare_cards(catalog, text); break;
        case 3: out = labelcost::api::sweep(catalog, text); break;
        default:
            out = (data[0] / 5) % 2 ? labelcost::api::compare_scenarios(catalog, text)
                                    : labelcost::api::budget(catalog, text);
            break;
    }
    fuzzcheck::check_result(out);
    return 0;
}
