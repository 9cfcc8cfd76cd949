// Shared helpers for the engine tests: run the engine through its text API
// exactly as the CLI and WebAssembly do.
#pragma once

#include <string>

#include "engine/api.hpp"
#include "engine/bundled.hpp"

namespace test {

using labelcost::Json;

inline Json estimate_text(const std::string& scenario_text) {
    return Json::parse(labelcost::api::estimate(labelcost::bundled_catalog(), scenario_text));
}

inline Json estimate(const Json& scenario) { return estimate_text(scenario.dump()); }

inline Json preset(const std::string& name) {
    const auto* p = labelcost::bundled_catalog().preset(name);
    if (!p) throw std::runtime_error("no preset " + name);
    return estimate(p->scenario);
}

// A one-item scenario on a card.
inline Json scenario(const Json& item, const std::string& rates = "wring-2026-03") {
    return {{"labelcost", 1}, {"rates", rates}, {"items", Json::array({item})}};
}

inline Json labeling(const std::string& task, long long objects, const std::string& workforce = "mturk") {
    return {{"kind", "labeling"}, {"task", task}, {"objects", objects}, {"workforce", workforce}};
}

inline std::string cost(const Json& result, std::size_t item) {
    return result.at("items").at(item).at("cost").get<std::string>();
}

inline bool has_error(const Json& result, const std::string& code, const std::string& path) {
    if (result.value("ok", true)) return false;
    for (const auto& e : result.at("errors"))
        if (e.at("code") == code && e.at("path") == path) return true;
    return false;
}

inline bool has_warning(const Json& result, const std::string& code, const std::string& path) {
    for (const auto& w : result.value("warnings", Json::array()))
        if (w.at("code") == code && w.at("path") == path) return true;
    return false;
}

}  // namespace test
