// Native timing of the same calls bench/bench.mjs makes through WebAssembly,
// so that the wasm/native ratio shows. Prints JSON: {"estimate_us", "sweep_ms"}.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <vector>

#include "engine/api.hpp"

namespace {

template <typename F>
double median_us(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main() {
    const auto& catalog = labelcost::bundled_catalog();
    const std::string scenario = catalog.preset("computer-vision-startup")->text;
    const std::string sweep = R"({"scenario": {"labelcost": 1, "items": [{"kind": "labeling", "task": "image/classification",
        "objects": 100000, "workforce": "mturk", "active_learning": {}}]}, "item": 0,
        "x": {"field": "auto_fraction", "from": 0, "to": 0.9, "steps": 100},
        "y": {"field": "objects", "from": 1000, "to": 1000000, "steps": 100}})";
    std::size_t sink = 0;
    for (int i = 0; i < 2000; ++i) sink += labelcost::api::estimate(catalog, scenario).size();
    const double estimate = median_us(20000, [&] { sink += labelcost::api::estimate(catalog, scenario).size(); });
    const double sweep_ms = median_us(21, [&] { sink += labelcost::api::sweep(catalog, sweep).size(); }) / 1000;
    std::cout << "{\"estimate_us\": " << estimate << ", \"sweep_ms\": " << sweep_ms << ", \"bytes\": " << sink % 10
              << "}\n";
}
