// Fuzz target: any text through the engine's JSON parser and through
// nlohmann's (the reference): the same verdict, and where both read the text,
// the same values of the same types in the same order.
#include <cstdint>
#include <string_view>

#include "check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const char* problem = fuzzcheck::parse_disagreement(text)) fuzzcheck::fail(problem, fuzzcheck::printable(text));
    return 0;
}
