// The rate cards and presets an engine knows, loaded from JSON text.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "card.hpp"
#include "scenario.hpp"

namespace labelcost {

// A value as compact JSON text, written by the engine's own writer: what the
// engine read, never the text it was given (see api::rates).
std::string json_text(const Json& value);

struct Preset {
    std::string name;
    std::string title;
    std::string description;
    Json scenario;
    std::string text;  // the scenario as read, written back as JSON (json_text)
};

class Catalog {
public:
    // Adds a rate card; returns its errors (empty on success).
    Issues add_card(std::string_view text);
    // Adds a preset scenario (validated later by the tests, not here: a preset
    // is data like any scenario).
    Issues add_preset(std::string name, std::string_view text);

    // Lists presets in this order (the rest after them, as they were added); returns
    // errors for names that are not presets.
    Issues order_presets(const std::vector<std::string>& names);
    // Moves the default card to the front of cards(). Call before handing out
    // card pointers.
    void default_first();

    // By id or alias; "" gives the default card.
    const RateCard* card(std::string_view id) const;
    const RateCard* default_card() const;
    const std::deque<RateCard>& cards() const { return cards_; }
    const Preset* preset(std::string_view name) const;
    const std::vector<Preset>& presets() const { return presets_; }
    CardLookup lookup() const {
        return [this](std::string_view id) { return card(id); };
    }

private:
    std::deque<RateCard> cards_;  // stable addresses: scenarios point into cards
    std::vector<Preset> presets_;
};

}  // namespace labelcost
