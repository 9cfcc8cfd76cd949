// JSON text to a DOM, without exceptions. Kept in its own file: it is on every
// call's path, and the WebAssembly build optimises it for speed (see
// cmake/wasm.cmake).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "reader.hpp"

namespace labelcost {

namespace {

// The double nearest a decimal of at most 15 significant digits whose
// power of ten is within 10^-22..10^22: both factors are exact doubles,
// so one IEEE multiplication or division rounds correctly, as strtod
// would (prices are written so). False for other numbers: strtod then,
// which is exact for all of them but slow in WebAssembly (long double in
// software: 1 to 16 microseconds a number) and large for the first call to
// compile.
bool exact_double(std::string_view text, double& out) {
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::size_t i = 0;
    const bool negative = text[0] == '-';
    if (negative) ++i;
    std::uint64_t mantissa = 0;
    int digits = 0;    // significant digits so far
    int exponent = 0;  // the power of ten the mantissa is scaled by
    bool fraction = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.') {
            fraction = true;
            continue;
        }
        if (mantissa == 0 && text[i] == '0') {
            if (fraction) --exponent;
            continue;
        }
        if (++digits > 15) return false;
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(text[i] - '0');
        if (fraction) --exponent;
    }
    if (i < text.size()) {
        ++i;
        const bool minus = text[i] == '-';
        if (text[i] == '-' || text[i] == '+') ++i;
        int e = 0;
        for (; i < text.size(); ++i) {
            if (e > 1000) return false;
            e = e * 10 + (text[i] - '0');
        }
        exponent += minus ? -e : e;
    }
    if (mantissa == 0) {
        out = negative ? -0.0 : 0.0;
        return true;
    }
    if (exponent < -22 || exponent > 22) return false;
    const double m = static_cast<double>(mantissa);
    out = exponent < 0 ? m / kPowers[-exponent] : m * kPowers[exponent];
    if (negative) out = -out;
    return true;
}

// Sorts places of members by their keys, equal keys kept in order: a
// bottom-up merge sort (n log n for the at most kMaxJsonMembers members).
void sort_by_key(const Members& members, std::uint16_t* places, std::size_t n) {
    std::array<std::uint16_t, limits::kMaxJsonMembers> merged;
    for (std::size_t width = 1; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            std::size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                merged[k++] = members[places[j]].first < members[places[i]].first ? places[j++] : places[i++];
            while (i < mid) merged[k++] = places[i++];
            while (j < hi) merged[k++] = places[j++];
        }
        std::copy(merged.begin(), merged.begin() + static_cast<std::ptrdiff_t>(n), places);
    }
}

// A repeated key keeps its first place and its last value, as nlohmann's
// parser has it. Repeats are found by sorting the members' places by key,
// not by a scan per key; an object without any, the usual case, is left as
// it is.
void merge_repeated(Members& members) {
    const std::size_t n = members.size();
    std::array<std::uint16_t, limits::kMaxJsonMembers> order;
    for (std::size_t k = 0; k < n; ++k) order[k] = static_cast<std::uint16_t>(k);
    sort_by_key(members, order.data(), n);
    const auto same = [&](std::size_t j, std::size_t k) { return members[order[j]].first == members[order[k]].first; };
    std::size_t k = 1;
    while (k < n && !same(k - 1, k)) ++k;
    if (k >= n) return;
    std::array<bool, limits::kMaxJsonMembers> dropped{};
    for (k = 0; k < n;) {
        std::size_t end = k + 1;
        while (end < n && same(k, end)) dropped[order[end++]] = true;
        if (end - k > 1) members[order[k]].second = std::move(members[order[end - 1]].second);
        k = end;
    }
    Members kept;
    kept.reserve(n);
    for (k = 0; k < n; ++k)
        if (!dropped[k]) kept.emplace_back(std::string(members[k].first), std::move(members[k].second));
    members.swap(kept);
}

// RFC 8259 text to a DOM in one pass, with what nlohmann's parser does at
// each point where the RFC leaves room (so the engine reads the same values
// the CLI's tools and the tests' reference parser do; a test compares the
// two): integers are signed or unsigned 64-bit values, or doubles when they
// do not fit; a number that overflows a double is refused; strings must be
// well-formed UTF-8 and escaped surrogates must pair; a repeated key keeps
// its first place and its last value. Where it differs from nlohmann's, by
// design: a leading UTF-8 byte-order mark is refused (nlohmann skips it; the
// RFC allows either, and text that is echoed must be JSON as it stands), and
// so are objects wider than kMaxJsonMembers and texts with more than
// kMaxLongNumbers long numbers. Smaller and faster than
// nlohmann's parser, which is generic over input adapters and callbacks; the
// WebAssembly module links only this.
class Parser {
public:
    explicit Parser(std::string_view t) : t_(t) {}

    // The value, or nullopt when the text is not valid JSON; then offset()
    // is where it stops being JSON, or overflow() says a number is too large,
    // or bom(), too_deep(), too_wide() or too_many_long() which limit it
    // meets.
    std::optional<Json> parse() {
        if (t_.substr(0, 3) == "\xEF\xBB\xBF") return bom_ = true, std::nullopt;
        skip_space();
        Json out;
        if (!value(out, 0)) return std::nullopt;
        skip_space();
        if (i_ != t_.size()) return std::nullopt;
        return out;
    }

    std::size_t offset() const { return i_; }
    bool overflow() const { return overflow_; }
    bool bom() const { return bom_; }
    bool too_deep() const { return too_deep_; }
    bool too_wide() const { return too_wide_; }
    bool too_many_long() const { return too_many_long_; }
    // The JSON path of the object that is too wide.
    const std::string& wide_path() const { return wide_path_; }

private:
    // On failure every step returns at once, leaving i_ where it failed.
    bool value(Json& out, int depth) {
        if (i_ >= t_.size()) return false;
        switch (t_[i_]) {
            case '{': return object(out, depth);
            case '[': return array(out, depth);
            case '"': {
                std::string text;
                if (!string(text)) return false;
                out = std::move(text);
                return true;
            }
            case 't': return word("true", out, true);
            case 'f': return word("false", out, false);
            case 'n': return word("null", out, nullptr);
            default: return number(out);
        }
    }
    // A container at `depth` (0 for the whole text) nests depth + 1 deep.
    bool nest(int depth) {
        if (depth + 1 <= limits::kMaxJsonDepth) return true;
        too_deep_ = true;
        return false;
    }
    // Members are appended as read, without looking their keys up (a lookup
    // scans the object: quadratic in its width); repeated keys are merged
    // once it is complete (merge_repeated).
    bool object(Json& out, int depth) {
        if (!nest(depth)) return false;
        ++i_;
        out = Json(Json::value_t::object);
        Members& members = out.get_ref<Json::object_t&>();
        skip_space();
        if (peek() == '}') return ++i_, true;
        for (;;) {
            if (members.size() == limits::kMaxJsonMembers) return too_wide_ = true, false;
            std::string key;
            if (peek() != '"' || !string(key)) return false;
            skip_space();
            if (peek() != ':') return false;
            ++i_;
            skip_space();
            Json member;
            if (!value(member, depth + 1)) return in_member(key);
            members.emplace_back(std::move(key), std::move(member));
            skip_space();
            if (peek() == '}') {
                ++i_;
                if (members.size() > 1) merge_repeated(members);
                return true;
            }
            if (peek() != ',') return false;
            ++i_;
            skip_space();
        }
    }
    bool array(Json& out, int depth) {
        if (!nest(depth)) return false;
        ++i_;
        out = Json(Json::value_t::array);
        skip_space();
        if (peek() == ']') return ++i_, true;
        for (;;) {
            Json element;
            if (!value(element, depth + 1)) return in_element(out.size());
            out.push_back(std::move(element));
            skip_space();
            if (peek() == ']') return ++i_, true;
            if (peek() != ',') return false;
            ++i_;
            skip_space();
        }
    }
    // A member or an element failed to parse: where it is goes in front of
    // the path of a too-wide object inside it (found innermost first, as
    // join_path and index_path would write it). Both return false.
    bool in_member(const std::string& key) {
        if (too_wide_) within(join_path("", key));
        return false;
    }
    bool in_element(std::size_t index) {
        if (too_wide_) within(index_path("", index));
        return false;
    }
    void within(std::string step) {
        if (!wide_path_.empty() && wide_path_[0] != '[') step += '.';
        wide_path_ = std::move(step.append(wide_path_));
    }
    bool string(std::string& out) {
        ++i_;
        for (;;) {
            // Plain bytes in runs, copied at once.
            const std::size_t run = i_;
            while (i_ < t_.size()) {
                const unsigned char c = static_cast<unsigned char>(t_[i_]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++i_;
            }
            out.append(t_.data() + run, i_ - run);
            if (i_ >= t_.size()) return false;
            const unsigned char c = static_cast<unsigned char>(t_[i_]);
            if (c == '"') return ++i_, true;
            if (c < 0x20) return false;
            if (c == '\\') {
                if (!escape(out)) return false;
            } else if (!utf8(out)) {
                return false;
            }
        }
    }
    bool escape(std::string& out) {
        ++i_;
        if (i_ >= t_.size()) return false;
        const char e = t_[i_++];
        switch (e) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (t_.substr(i_, 2) != "\\u") return false;
            i_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        return true;
    }
    bool hex4(std::uint32_t& out) {
        if (t_.size() - i_ < 4) return false;
        for (int k = 0; k < 4; ++k) {
            const char c = t_[i_++];
            const int d = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (d < 0) return false;
            out = out * 16 + static_cast<std::uint32_t>(d);
        }
        return true;
    }
    // One well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
    // surrogates, nothing above U+10FFFF).
    bool utf8(std::string& out) {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(t_[i_ + k]); };
        const unsigned char c = byte(0);
        std::size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
        if (c >= 0xC2 && c <= 0xDF)
            n = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else
            return false;
        if (t_.size() - i_ < n || byte(1) < lo || byte(1) > hi) return false;
        for (std::size_t k = 2; k < n; ++k)
            if ((byte(k) & 0xC0) != 0x80) return false;
        out.append(t_.data() + i_, n);
        i_ += n;
        return true;
    }
    bool number(Json& out) {
        const std::size_t start = i_;
        const bool negative = peek() == '-';
        if (negative) ++i_;
        if (peek() == '0')
            ++i_;
        else if (!digits())
            return false;
        bool integer = true;
        if (peek() == '.') {
            ++i_;
            integer = false;
            if (!digits()) return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++i_;
            integer = false;
            if (peek() == '+' || peek() == '-') ++i_;
            if (!digits()) return false;
        }
        const std::string_view text = t_.substr(start, i_ - start);
        if (integer) {
            // Exact in 64 bits, or else a double, as nlohmann reads it.
            std::uint64_t magnitude = 0;
            bool fits = true;
            for (char c : text.substr(negative ? 1 : 0)) {
                const auto d = static_cast<std::uint64_t>(c - '0');
                if (magnitude > (UINT64_MAX - d) / 10) {
                    fits = false;
                    break;
                }
                magnitude = magnitude * 10 + d;
            }
            if (fits && !negative) {
                out = magnitude;
                return true;
            }
            if (fits && magnitude <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
                out = magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN
                                                                             : -static_cast<std::int64_t>(magnitude);
                return true;
            }
        }
        double value = 0;
        if (!exact_double(text, value)) {
            if (++long_numbers_ > limits::kMaxLongNumbers) return too_many_long_ = true, false;
            const std::string copy(text);  // strtod wants a terminated string
            value = std::strtod(copy.c_str(), nullptr);
            if (!std::isfinite(value)) return overflow_ = true, false;  // overflows a double
        }
        out = value;
        return true;
    }
    bool digits() {
        const std::size_t start = i_;
        while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
        return i_ > start;
    }
    template <typename T>
    bool word(std::string_view w, Json& out, T literal) {
        if (t_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        out = literal;
        return true;
    }
    void skip_space() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }
    char peek() const { return i_ < t_.size() ? t_[i_] : '\0'; }

    std::string_view t_;
    std::size_t i_ = 0;
    bool overflow_ = false;
    bool bom_ = false;
    bool too_deep_ = false;
    bool too_wide_ = false;
    bool too_many_long_ = false;
    std::size_t long_numbers_ = 0;  // numbers read with strtod
    std::string wide_path_;         // where the too-wide object is
};

}  // namespace

bool short_decimal(std::string_view number) {
    double ignored = 0;
    return exact_double(number, ignored);
}

namespace {

// Why the parser refused a text: {code, path, message}.
Issue refusal(const Parser& parser, std::string_view text) {
    const auto most = [](std::size_t n) { return std::to_string(n); };
    if (parser.bom())
        return {Code::bom, "", "the text starts with a byte-order mark (U+FEFF); save it as UTF-8 without one"};
    if (parser.too_wide())
        return {Code::too_many_members, parser.wide_path(),
                fmt("the object has more than {} members; at most {} are read",
                    {most(limits::kMaxJsonMembers), most(limits::kMaxJsonMembers)})};
    if (parser.too_many_long())
        return {Code::too_many_long_numbers, "",
                fmt("the text has more than {} long numbers (over 15 significant digits, or a power of ten beyond "
                    "22); at most {} are read",
                    {most(limits::kMaxLongNumbers), most(limits::kMaxLongNumbers)})};
    if (parser.too_deep())
        return {Code::too_deep, "", fmt("the JSON text nests deeper than {} levels", {most(limits::kMaxJsonDepth)})};
    if (parser.overflow()) return {Code::invalid_json, "", "not valid JSON: a number is out of range"};
    const std::size_t at = parser.offset();
    return {Code::invalid_json, "",
            fmt(at == text.size() ? "not valid JSON: the text ends at byte {} before the JSON does"
                                  : "not valid JSON at byte {}",
                {std::to_string(at)})};
}

}  // namespace

Json parse_json(std::string_view text, Issues& errors) {
    if (text.size() > limits::kMaxJsonBytes) {
        errors.push_back({Code::too_large, "",
                          fmt("the JSON text is {} bytes; at most {} are read",
                              {std::to_string(text.size()), std::to_string(limits::kMaxJsonBytes)})});
        return Json(Json::value_t::discarded);
    }
    Parser parser(text);
    std::optional<Json> parsed = parser.parse();
    if (parsed) return std::move(*parsed);
    errors.push_back(refusal(parser, text));
    return Json(Json::value_t::discarded);
}

}  // namespace labelcost
