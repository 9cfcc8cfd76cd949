#include "bundled.hpp"

#include <string>

namespace labelcost {
namespace bundled_data {
extern const BundledFile kFiles[];
extern const std::size_t kFileCount;
}  // namespace bundled_data

const BundledFile* bundled_files(std::size_t& count) {
    count = bundled_data::kFileCount;
    return bundled_data::kFiles;
}

namespace {

constexpr const char* kPresetIndex = "presets/index.json";

struct Loaded {
    Catalog catalog;
    Issues errors;
};

const Loaded& loaded() {
    static const Loaded instance = [] {
        Loaded l;
        const std::string presets = "presets/";
        // Cards first: presets name them.
        for (int pass = 0; pass < 2; ++pass) {
            for (std::size_t i = 0; i < bundled_data::kFileCount; ++i) {
                const std::string path = bundled_data::kFiles[i].path;
                const bool is_preset = path.rfind(presets, 0) == 0;
                if (is_preset != (pass == 1)) continue;
                Issues errors;
                if (path == kPresetIndex) continue;
                if (is_preset) {
                    const std::string name = path.substr(presets.size(), path.size() - presets.size() - 5);
                    errors = l.catalog.add_preset(name, bundled_data::kFiles[i].text);
                } else {
                    errors = l.catalog.add_card(bundled_data::kFiles[i].text);
                }
                for (auto& e : errors) {
                    e.path = path + (e.path.empty() ? "" : ": " + e.path);
                    l.errors.push_back(e);
                }
            }
        }
        for (std::size_t i = 0; i < bundled_data::kFileCount; ++i)
            if (bundled_data::kFiles[i].path == std::string(kPresetIndex)) {
                Issues errors;
                const Json index = parse_json(bundled_data::kFiles[i].text, errors);
                std::vector<std::string> order;
                if (errors.empty() && index.is_object() && index.contains("order") && index["order"].is_array())
                    for (const Json& name : index["order"])
                        if (name.is_string()) order.push_back(name.get<std::string>());
                for (const auto& e : l.catalog.order_presets(order))
                    l.errors.push_back({e.code, std::string(kPresetIndex) + ": " + e.path, e.message});
            }
        l.catalog.default_first();
        return l;
    }();
    return instance;
}

}  // namespace

const Catalog& bundled_catalog() {
    return loaded().catalog;
}
const Issues& bundled_load_errors() {
    return loaded().errors;
}

}  // namespace labelcost
