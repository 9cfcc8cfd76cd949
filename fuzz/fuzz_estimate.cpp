// Fuzz target: any text as a scenario, through the same text API the CLI and
// the WebAssembly module use. Every answer must be JSON with "ok", and an
// estimate must add up.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "check.hpp"
#include "engine/api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string out = labelcost::api::estimate(labelcost::bundled_catalog(), text);
    fuzzcheck::check_result(out);
    return 0;
}
