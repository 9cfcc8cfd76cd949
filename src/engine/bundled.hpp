// The rate cards and presets bundled into this build (rates/*.json and
// rates/presets/*.json, embedded by cmake/embed.cmake).
#pragma once

#include <cstddef>

#include "catalog.hpp"

namespace labelcost {

struct BundledFile {
    const char* path;  // relative to rates/: "wring-2026-03.json", "presets/nlp-team.json"
    const char* text;
};

// Every embedded file, in path order.
const BundledFile* bundled_files(std::size_t& count);

// The catalog of bundled cards and presets, loaded once on first use.
const Catalog& bundled_catalog();

// Problems met while loading the bundled files (empty in a good build).
const Issues& bundled_load_errors();

}  // namespace labelcost
