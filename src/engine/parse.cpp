// JSON text to a DOM, without exceptions. Kept in its own file: it is on every
// call's path, and the WebAssembly build optimises it for speed (see
// cmake/wasm.cmake).
#include <algorithm>
#include <cctype>

#include "reader.hpp"

namespace labelcost {

namespace {

// Where JSON text stops being valid, for the message when nlohmann's parser
// refuses it (that parser reports no position without exceptions). A plain
// scanner of RFC 8259 syntax, including UTF-8 in strings; returns npos when
// the syntax is fine (a number out of range, then, is what was refused).
class SyntaxScanner {
public:
    explicit SyntaxScanner(std::string_view t) : t_(t) {}

    std::size_t error_offset() {
        skip_space();
        if (!value(0)) return i_;
        skip_space();
        return i_ == t_.size() ? std::string_view::npos : i_;
    }

private:
    bool value(int depth) {
        if (depth > limits::kMaxJsonDepth || i_ >= t_.size()) return false;
        switch (t_[i_]) {
            case '{': return container(depth, '}', true);
            case '[': return container(depth, ']', false);
            case '"': return string();
            case 't': return word("true");
            case 'f': return word("false");
            case 'n': return word("null");
            default: return number();
        }
    }
    bool container(int depth, char close, bool object) {
        ++i_;
        skip_space();
        if (peek() == close) return ++i_, true;
        for (;;) {
            if (object) {
                if (peek() != '"' || !string()) return false;
                skip_space();
                if (peek() != ':') return false;
                ++i_;
                skip_space();
            }
            if (!value(depth + 1)) return false;
            skip_space();
            if (peek() == close) return ++i_, true;
            if (peek() != ',') return false;
            ++i_;
            skip_space();
        }
    }
    bool string() {
        ++i_;
        while (i_ < t_.size()) {
            const unsigned char c = static_cast<unsigned char>(t_[i_]);
            if (c == '"') return ++i_, true;
            if (c < 0x20) return false;
            if (c == '\\') {
                ++i_;
                if (i_ >= t_.size()) return false;
                const char e = t_[i_];
                if (e == 'u') {
                    for (int k = 1; k <= 4; ++k)
                        if (i_ + k >= t_.size() || !std::isxdigit(static_cast<unsigned char>(t_[i_ + k]))) return false;
                    i_ += 4;
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return false;
                }
                ++i_;
                continue;
            }
            if (c >= 0x80) {
                const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
                if (n == 0 || c > 0xF4 || i_ + n > t_.size()) return false;
                for (std::size_t k = 1; k < n; ++k)
                    if ((static_cast<unsigned char>(t_[i_ + k]) & 0xC0) != 0x80) return false;
                i_ += n;
                continue;
            }
            ++i_;
        }
        return false;
    }
    bool number() {
        if (peek() == '-') ++i_;
        if (peek() == '0') ++i_;
        else if (!digits()) return false;
        if (peek() == '.') {
            ++i_;
            if (!digits()) return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++i_;
            if (peek() == '+' || peek() == '-') ++i_;
            if (!digits()) return false;
        }
        return true;
    }
    bool digits() {
        const std::size_t start = i_;
        while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
        return i_ > start;
    }
    bool word(std::string_view w) {
        if (t_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    void skip_space() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }
    char peek() const { return i_ < t_.size() ? t_[i_] : '\0'; }

    std::string_view t_;
    std::size_t i_ = 0;
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
        errors.push_back({"too_large", "", fmt("the JSON text is {} bytes; at most {} are read",
                                               {std::to_string(text.size()), std::to_string(limits::kMaxJsonBytes)})});
        return discarded;
    }
    if (max_depth(text) > limits::kMaxJsonDepth) {
        errors.push_back({"too_deep", "", fmt("the JSON text nests deeper than {} levels",
                                              {std::to_string(limits::kMaxJsonDepth)})});
        return discarded;
    }
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        const std::size_t at = SyntaxScanner(text).error_offset();
        errors.push_back({"invalid_json", "",
                          at == std::string_view::npos
                              ? std::string("not valid JSON: a number is out of range")
                              : fmt(at == text.size() ? "not valid JSON: the text ends at byte {} before the JSON does"
                                                      : "not valid JSON at byte {}",
                                    {std::to_string(at)})});
    }
    return j;
}

}  // namespace labelcost
