#include "reader.hpp"

#include <algorithm>

namespace labelcost {

std::string join_path(const std::string& base, std::string_view key) {
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (plain) return base.empty() ? std::string(key) : base + "." + std::string(key);
    std::string quoted = Json(std::string(key)).dump(-1, ' ', true, Json::error_handler_t::replace);
    return base + "[" + quoted + "]";
}

std::string index_path(const std::string& base, std::size_t index) {
    return base + "[" + std::to_string(index) + "]";
}

std::string describe(const Json& value) {
    std::string s = value.dump(-1, ' ', true, Json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

std::string limit_string(std::int64_t value, int places) { return grouped(scaled_string(value, places)); }

std::optional<ParsedDecimal> read_decimal(const Json& value) {
    if (value.is_number_unsigned()) {
        ParsedDecimal d;
        d.digits = static_cast<i128>(value.get<std::uint64_t>());
        return d;
    }
    if (value.is_number_integer()) {
        const std::int64_t v = value.get<std::int64_t>();
        ParsedDecimal d;
        d.negative = v < 0;
        d.digits = v < 0 ? -static_cast<i128>(v) : static_cast<i128>(v);
        return d;
    }
    if (value.is_number_float()) return parse_decimal(value.dump());
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        if (s.size() > 64) return std::nullopt;
        return parse_decimal(s);
    }
    return std::nullopt;
}

namespace {

std::string range_text(std::int64_t min, std::int64_t max, int places) {
    return "from " + limit_string(min, places) + " to " + limit_string(max, places);
}

}  // namespace

std::optional<std::int64_t> read_scaled(const Json& value, const std::string& path, int places, std::int64_t min,
                                        std::int64_t max, Issues& errors) {
    const bool whole = places == 0;
    const char* kind = whole ? "a whole number" : "a number";
    if (!(value.is_number() || value.is_string())) {
        errors.push_back({"wrong_type", path, "must be " + std::string(kind) + " " + range_text(min, max, places) +
                                                  ", not " + describe(value)});
        return std::nullopt;
    }
    const auto parsed = read_decimal(value);
    if (!parsed) {
        errors.push_back({"wrong_type", path, "must be " + std::string(kind) + " " + range_text(min, max, places) +
                                                  "; " + describe(value) + " is not a number"});
        return std::nullopt;
    }
    std::int64_t out = 0;
    switch (to_scaled(*parsed, places, max, out)) {
        case ScaleError::None:
            break;
        case ScaleError::Negative:
            errors.push_back({"negative", path, "must not be negative (" + range_text(min, max, places) + "), got " +
                                                    describe(value)});
            return std::nullopt;
        case ScaleError::TooPrecise:
            if (whole)
                errors.push_back({"not_whole_number", path, "must be a whole number " + range_text(min, max, places) +
                                                                ", got " + describe(value)});
            else
                errors.push_back({"too_precise", path, "takes at most " + std::to_string(places) +
                                                           " decimal places, got " + describe(value)});
            return std::nullopt;
        case ScaleError::TooLarge:
            errors.push_back({"out_of_range", path, "must be " + std::string(kind) + " " +
                                                        range_text(min, max, places) + ", got " + describe(value)});
            return std::nullopt;
    }
    if (out < min) {
        errors.push_back({"out_of_range", path, "must be " + std::string(kind) + " " + range_text(min, max, places) +
                                                    ", got " + describe(value)});
        return std::nullopt;
    }
    return out;
}

Reader::Reader(const Json& node, std::string path, Issues& errors, const char* what)
    : node_(node), path_(std::move(path)), errors_(errors), ok_(node.is_object()) {
    if (!ok_) errors_.push_back({"wrong_type", path_, std::string("must be ") + what + " (a JSON object), not " +
                                                          describe(node)});
}

void Reader::error(std::string code, std::string path, std::string message) {
    errors_.push_back({std::move(code), std::move(path), std::move(message)});
}

bool Reader::has(std::string_view key) const {
    return ok_ && node_.find(std::string(key)) != node_.end();
}

const Json* Reader::get(std::string_view key) {
    if (!ok_) return nullptr;
    const std::string k(key);
    const auto it = node_.find(k);
    if (it == node_.end()) return nullptr;
    if (std::find(read_.begin(), read_.end(), k) == read_.end()) read_.push_back(k);
    return &*it;
}

void Reader::missing(std::string_view key, Need need) {
    if (need == Need::Required && ok_) error("missing_field", path_of(key), "is required");
}

std::optional<std::int64_t> Reader::count(std::string_view key, Need need, std::int64_t min, std::int64_t max) {
    return decimal(key, need, 0, min, max);
}

std::optional<std::int64_t> Reader::decimal(std::string_view key, Need need, int places, std::int64_t min,
                                            std::int64_t max) {
    const Json* v = get(key);
    if (!v) {
        missing(key, need);
        return std::nullopt;
    }
    return read_scaled(*v, path_of(key), places, min, max, errors_);
}

std::optional<std::string> Reader::text(std::string_view key, Need need, std::size_t max_bytes) {
    const Json* v = get(key);
    if (!v) {
        missing(key, need);
        return std::nullopt;
    }
    if (!v->is_string()) {
        error("wrong_type", path_of(key), "must be a string, not " + describe(*v));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > max_bytes) {
        error("too_long", path_of(key), "must be at most " + std::to_string(max_bytes) + " bytes long, got " +
                                            std::to_string(s.size()));
        return std::nullopt;
    }
    return s;
}

std::optional<bool> Reader::flag(std::string_view key, Need need) {
    const Json* v = get(key);
    if (!v) {
        missing(key, need);
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        error("wrong_type", path_of(key), "must be true or false, not " + describe(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

const Json* Reader::object(std::string_view key, Need need) {
    const Json* v = get(key);
    if (!v) {
        missing(key, need);
        return nullptr;
    }
    if (!v->is_object()) {
        error("wrong_type", path_of(key), "must be a JSON object, not " + describe(*v));
        return nullptr;
    }
    return v;
}

const Json* Reader::array(std::string_view key, Need need, std::size_t max_size) {
    const Json* v = get(key);
    if (!v) {
        missing(key, need);
        return nullptr;
    }
    if (!v->is_array()) {
        error("wrong_type", path_of(key), "must be a JSON array, not " + describe(*v));
        return nullptr;
    }
    if (v->size() > max_size) {
        error("too_many", path_of(key), "takes at most " + std::to_string(max_size) + " entries, got " +
                                            std::to_string(v->size()));
        return nullptr;
    }
    return v;
}

void Reader::finish() {
    if (!ok_) return;
    for (const auto& [key, value] : node_.items()) {
        (void)value;
        if (std::find(read_.begin(), read_.end(), key) == read_.end())
            error("unknown_field", path_of(key), "is not a field here; check its spelling");
    }
}

}  // namespace labelcost
