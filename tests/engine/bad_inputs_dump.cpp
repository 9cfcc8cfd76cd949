// Writes the bad-input catalogue as JSON, for the WebAssembly tests and the
// fuzzers' seed corpus: [{"label", "scenario_base64", "utf8", "code", "path"}].
//   labelcost_bad_inputs            JSON on standard output
//   labelcost_bad_inputs --dir D    one file per case in D (fuzz seeds)
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "bad_inputs.hpp"

namespace {

std::string base64(const std::string& in) {
    static const char* const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += {abc[v >> 18], abc[(v >> 12) & 63], abc[(v >> 6) & 63], abc[v & 63]};
    }
    if (i + 1 == in.size()) {
        const unsigned v = static_cast<unsigned char>(in[i]) << 16;
        out += {abc[v >> 18], abc[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == in.size()) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        out += {abc[v >> 18], abc[(v >> 12) & 63], abc[(v >> 6) & 63], '='};
    }
    return out;
}

bool valid_utf8(const std::string& s) {
    // Invalid bytes are dropped by one error handler and replaced by the other.
    const nlohmann::json j = s;
    using H = nlohmann::json::error_handler_t;
    return j.dump(-1, ' ', false, H::ignore) == j.dump(-1, ' ', false, H::replace);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--dir") {
        int n = 0;
        for (const auto& c : test::kBadInputs) {
            std::ofstream out(std::string(argv[2]) + "/bad-" + std::to_string(++n) + ".json", std::ios::binary);
            out << c.scenario;
        }
        return 0;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : test::kBadInputs)
        list.push_back({{"label", c.label},
                        {"scenario_base64", base64(c.scenario)},
                        {"utf8", valid_utf8(c.scenario)},
                        {"code", c.code},
                        {"path", c.path}});
    std::cout << list.dump() << "\n";
    return 0;
}
