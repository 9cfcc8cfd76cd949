#include "catalog.hpp"

#include <algorithm>

namespace labelcost {
namespace {

// Records where a parse failed, without exceptions.
struct ErrorSax : nlohmann::json_sax<Json> {
    std::size_t position = 0;
    std::string last_token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string& token, const nlohmann::detail::exception&) override {
        position = pos;
        last_token = token;
        return false;
    }
};

// Nesting depth of JSON text, ignoring brackets inside strings.
int max_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}') --depth;
    }
    return deepest;
}

}  // namespace

Json parse_json(std::string_view text, Issues& errors) {
    const Json discarded = Json(Json::value_t::discarded);
    if (text.size() > limits::kMaxJsonBytes) {
        errors.push_back({"too_large", "", "the JSON text is " + std::to_string(text.size()) +
                                               " bytes; at most " + std::to_string(limits::kMaxJsonBytes) +
                                               " are read"});
        return discarded;
    }
    if (max_depth(text) > limits::kMaxJsonDepth) {
        errors.push_back({"too_deep", "", "the JSON text nests deeper than " +
                                              std::to_string(limits::kMaxJsonDepth) + " levels"});
        return discarded;
    }
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        ErrorSax sax;
        Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
        std::string near = sax.last_token.substr(0, 20);
        std::string message = "not valid JSON (at byte " + std::to_string(sax.position) + ")";
        // Only quote what is printable ASCII.
        if (!near.empty() && std::all_of(near.begin(), near.end(), [](char c) { return c >= 0x20 && c < 0x7f; }))
            message += " near '" + near + "'";
        errors.push_back({"invalid_json", "", message});
    }
    return j;
}

Issues Catalog::add_card(std::string_view json_text) {
    Issues errors;
    const Json j = parse_json(json_text, errors);
    if (!errors.empty()) return errors;
    auto card = load_card(j, errors);
    if (!card) return errors;
    for (const auto& existing : cards_) {
        auto clash = [&](const std::string& id) {
            return id == existing.id ||
                   std::find(existing.aliases.begin(), existing.aliases.end(), id) != existing.aliases.end();
        };
        if (clash(card->id)) errors.push_back({"invalid_card", "id", "card id \"" + card->id + "\" is taken"});
        for (const auto& a : card->aliases)
            if (clash(a)) errors.push_back({"invalid_card", "aliases", "alias \"" + a + "\" is taken"});
        if (card->is_default && existing.is_default)
            errors.push_back({"invalid_card", "default", "card " + existing.id + " is already the default"});
    }
    if (errors.empty()) cards_.push_back(std::move(*card));
    return errors;
}

Issues Catalog::add_preset(std::string name, std::string_view json_text) {
    Issues errors;
    Json j = parse_json(json_text, errors);
    if (!errors.empty()) return errors;
    Preset p;
    p.name = std::move(name);
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
            errors.push_back({"unknown_preset", index_path("order", i), "no preset \"" + names[i] + "\""});
    auto rank = [&](const Preset& p) {
        const auto it = std::find(names.begin(), names.end(), p.name);
        return static_cast<std::size_t>(it - names.begin());
    };
    std::stable_sort(presets_.begin(), presets_.end(), [&](const Preset& a, const Preset& b) {
        const auto ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : a.name < b.name;
    });
    return errors;
}

void Catalog::default_first() {
    std::stable_partition(cards_.begin(), cards_.end(), [](const RateCard& c) { return c.is_default; });
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
