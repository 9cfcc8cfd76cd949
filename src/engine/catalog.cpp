#include "catalog.hpp"

#include <algorithm>

#include "writer.hpp"

namespace labelcost {

namespace {

void write_json(JsonWriter& w, const Json& value) {
    switch (value.type()) {
        case Json::value_t::object:
            w.begin_object();
            for (const auto& [key, member] : members_of(value)) write_json(w.key(key), member);
            w.end_object();
            return;
        case Json::value_t::array:
            w.begin_array();
            for (const Json& element : value) write_json(w, element);
            w.end_array();
            return;
        case Json::value_t::string: w.string(value.get_ref<const std::string&>()); return;
        case Json::value_t::boolean: w.boolean(value.get<bool>()); return;
        case Json::value_t::number_integer: w.number(value.get<std::int64_t>()); return;
        case Json::value_t::number_unsigned: w.raw(std::to_string(value.get<std::uint64_t>())); return;
        case Json::value_t::number_float: w.raw(shortest_decimal(value.get<double>())); return;
        default: w.null(); return;
    }
}

}  // namespace

std::string json_text(const Json& value) {
    JsonWriter w;
    write_json(w, value);
    return w.take();
}

Issues Catalog::add_card(std::string_view text) {
    Issues errors;
    const Json j = parse_json(text, errors);
    if (!errors.empty()) return errors;
    auto card = load_card(j, errors);
    if (!card) return errors;
    card->text = json_text(j);
    for (const auto& existing : cards_) {
        auto clash = [&](const std::string& id) {
            return id == existing.id ||
                   std::find(existing.aliases.begin(), existing.aliases.end(), id) != existing.aliases.end();
        };
        if (clash(card->id)) errors.push_back({Code::invalid_card, "id", "card id \"" + card->id + "\" is taken"});
        for (const auto& a : card->aliases)
            if (clash(a)) errors.push_back({Code::invalid_card, "aliases", "alias \"" + a + "\" is taken"});
        if (card->is_default && existing.is_default)
            errors.push_back({Code::invalid_card, "default", "card " + existing.id + " is already the default"});
    }
    if (errors.empty()) cards_.push_back(std::move(*card));
    return errors;
}

Issues Catalog::add_preset(std::string name, std::string_view text) {
    Issues errors;
    Json j = parse_json(text, errors);
    if (!errors.empty()) return errors;
    Preset p;
    p.name = std::move(name);
    p.text = json_text(j);
    if (j.is_object()) {
        if (j.contains("name") && j["name"].is_string()) p.title = j["name"].get<std::string>();
        if (j.contains("description") && j["description"].is_string())
            p.description = j["description"].get<std::string>();
    }
    p.scenario = std::move(j);
    presets_.push_back(std::move(p));
    return errors;
}

Issues Catalog::order_presets(const std::vector<std::string>& names) {
    Issues errors;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!preset(names[i]))
            errors.push_back({Code::unknown_preset, index_path("order", i), "no preset \"" + names[i] + "\""});
    // Listed names first, in order; then the rest as they were added (the
    // bundled presets are added by file name).
    std::vector<Preset> ordered;
    std::vector<char> taken(presets_.size(), 0);
    for (const auto& name : names)
        for (std::size_t i = 0; i < presets_.size(); ++i)
            if (!taken[i] && presets_[i].name == name) {
                taken[i] = 1;
                ordered.push_back(std::move(presets_[i]));
            }
    for (std::size_t i = 0; i < presets_.size(); ++i)
        if (!taken[i]) ordered.push_back(std::move(presets_[i]));
    presets_ = std::move(ordered);
    return errors;
}

void Catalog::default_first() {
    for (std::size_t i = 1; i < cards_.size(); ++i)
        if (cards_[i].is_default)
            std::rotate(cards_.begin(), cards_.begin() + static_cast<long>(i),
                        cards_.begin() + static_cast<long>(i) + 1);
}

const RateCard* Catalog::default_card() const {
    for (const auto& c : cards_)
        if (c.is_default) return &c;
    return cards_.empty() ? nullptr : &cards_.front();
}

const RateCard* Catalog::card(std::string_view id) const {
    if (id.empty()) return default_card();
    for (const auto& c : cards_) {
        if (c.id == id) return &c;
        if (std::find(c.aliases.begin(), c.aliases.end(), id) != c.aliases.end()) return &c;
    }
    return nullptr;
}

const Preset* Catalog::preset(std::string_view name) const {
    for (const auto& p : presets_)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace labelcost
