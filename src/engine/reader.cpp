#include "reader.hpp"

#include "writer.hpp"

#include <algorithm>

namespace labelcost {

std::string shortest_decimal(double value) {
    // nlohmann's own Grisu2 formatting: the shortest text that reads back as
    // the same double (what dump() writes), without the serializer.
    char buf[64];
    const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, static_cast<std::size_t>(end - buf));
}

std::string describe(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::string: {
            const auto& s = value.get_ref<const std::string&>();
            std::size_t cut = s.size();
            if (cut > 40) {
                cut = 37;  // not inside a UTF-8 sequence
                while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
            }
            std::string out;
            append_json_string(out, std::string_view(s).substr(0, cut));
            if (cut < s.size()) out.insert(out.size() - 1, "...");
            return out;
        }
        case Json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
        case Json::value_t::number_unsigned: return std::to_string(value.get<std::uint64_t>());
        case Json::value_t::number_float: return shortest_decimal(value.get<double>());
        default: return "a value";
    }
}

std::string limit_string(std::int64_t value, int places) {
    return grouped(scaled_string(value, places));
}

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
    if (value.is_number_float()) return parse_decimal(shortest_decimal(value.get<double>()));
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        if (s.size() > 64) return std::nullopt;
        return parse_decimal(s);
    }
    return std::nullopt;
}

std::optional<std::int64_t> read_scaled(const Json& value, const std::string& path, int places, std::int64_t min,
                                        std::int64_t max, Issues& errors) {
    std::int64_t out = 0;
    std::optional<Code> code;
    const char* pattern = "must be {} from {} to {}, got {}";
    if (!(value.is_number() || value.is_string())) {
        code = Code::wrong_type;
    } else if (const auto parsed = read_decimal(value); !parsed) {
        code = Code::wrong_type;
        pattern = "must be {} from {} to {}; {} is not a number";
    } else {
        switch (to_scaled(*parsed, places, max, out)) {
            case ScaleError::None:
                if (out < min) code = Code::out_of_range;
                break;
            case ScaleError::Negative:
                code = Code::negative;
                pattern = "must not be negative: {} from {} to {}, got {}";
                break;
            case ScaleError::TooPrecise:
                code = places == 0 ? Code::not_whole_number : Code::too_precise;
                if (places > 0) pattern = "takes at most {} decimal places, got {}";
                break;
            case ScaleError::TooLarge: code = Code::out_of_range; break;
        }
    }
    if (!code) return out;
    const std::string got = describe(value);
    if (*code == Code::too_precise)
        errors.push_back({*code, path, fmt(pattern, {std::to_string(places), got})});
    else
        errors.push_back({*code, path,
                          fmt(pattern, {places == 0 ? "a whole number" : "a number", limit_string(min, places),
                                        limit_string(max, places), got})});
    return std::nullopt;
}

Reader::Reader(const Json& node, std::string path, Issues& errors, const char* what)
    : node_(node), path_(std::move(path)), errors_(errors), ok_(node.is_object()) {
    if (!ok_)
        errors_.push_back({Code::wrong_type, path_, fmt("must be {} (a JSON object), not {}", {what, describe(node)})});
    else
        read_.assign(node.size(), 0);
}

void Reader::error(Code code, std::string path, std::string message) {
    errors_.push_back({code, std::move(path), std::move(message)});
}

// A field is found by one scan of the object (at most kMaxJsonMembers
// members), and a reader asks for a fixed set of fields, so reading an object
// costs in proportion to its size; what was read is marked by place.
std::size_t Reader::find(std::string_view key) const {
    if (!ok_) return 0;
    const Members& members = members_of(node_);
    std::size_t i = 0;
    while (i < members.size() && members[i].first != key) ++i;
    return i;
}

bool Reader::has(std::string_view key) const {
    return ok_ && find(key) < read_.size();
}

const Json* Reader::get(std::string_view key) {
    const std::size_t i = find(key);
    if (i >= read_.size()) return nullptr;
    read_[i] = 1;
    return &members_of(node_)[i].second;
}

void Reader::missing(std::string_view key, Need need) {
    if (need == Need::Required && ok_) error(Code::missing_field, path_of(key), "is required");
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
        error(Code::wrong_type, path_of(key), fmt("must be a string, not {}", {describe(*v)}));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > max_bytes) {
        error(Code::too_long, path_of(key),
              fmt("must be at most {} bytes long, got {}", {std::to_string(max_bytes), std::to_string(s.size())}));
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
        error(Code::wrong_type, path_of(key), fmt("must be true or false, not {}", {describe(*v)}));
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
        error(Code::wrong_type, path_of(key), fmt("must be a JSON object, not {}", {describe(*v)}));
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
        error(Code::wrong_type, path_of(key), fmt("must be a JSON array, not {}", {describe(*v)}));
        return nullptr;
    }
    if (v->size() > max_size) {
        error(Code::too_many, path_of(key),
              fmt("takes at most {} entries, got {}", {std::to_string(max_size), std::to_string(v->size())}));
        return nullptr;
    }
    return v;
}

// Unknown fields are the one kind of error an input can hold by the
// hundred thousand: past the errors an answer lists (kMaxErrors), where an
// error only counts, each is kept without its path and message, which would
// never be written (an error's place in a list never moves forward).
void Reader::finish() {
    if (!ok_) return;
    const Members& members = members_of(node_);
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (read_[i]) continue;
        if (errors_.size() >= limits::kMaxErrors)
            errors_.push_back({Code::unknown_field, {}, {}});
        else
            error(Code::unknown_field, path_of(members[i].first), "is not a field here; check its spelling");
    }
}

}  // namespace labelcost
