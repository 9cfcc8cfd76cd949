// A streaming JSON writer: results are written straight to text, without
// building a DOM (which costs most of an estimate's time otherwise).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "numeric.hpp"

namespace labelcost {

class JsonWriter {
public:
    JsonWriter() { out_.reserve(4096); }
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // A key from data: escaped as any string is.
    JsonWriter& key(std::string_view k);
    // A key the engine writes: a literal plain name (nothing to escape), its
    // length known where it is written. A char array that is not a literal
    // would be written whole: pass such text as a std::string_view.
    template <std::size_t N>
    JsonWriter& key(const char (&k)[N]) {
        return plain_key(k, N - 1);
    }
    JsonWriter& string(std::string_view s);
    JsonWriter& number(std::int64_t n);
    JsonWriter& boolean(bool b);
    JsonWriter& null();
    // An amount as a quoted decimal string (money_string), without a temporary.
    JsonWriter& money(Money m);
    // A value that is already JSON text, written by the engine (never text it
    // was given, which need not be JSON as it stands: see api::rates).
    JsonWriter& raw(std::string_view json);

    // key(k).string(v) and friends, for the engine's literal keys.
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], std::string_view v) {
        return key(k).string(v);
    }
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], const char* v) {
        return key(k).string(v);
    }
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], const std::string& v) {
        return key(k).string(v);
    }
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], std::int64_t n) {
        return key(k).number(n);
    }
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], int n) {
        return key(k).number(n);
    }
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], std::size_t n) {
        return key(k).number(static_cast<std::int64_t>(n));
    }
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], bool b) {
        return key(k).boolean(b);
    }
    template <std::size_t N>
    JsonWriter& field(const char (&k)[N], Money m) {
        return key(k).money(m);
    }

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    JsonWriter& plain_key(const char* k, std::size_t n);
    void separate();
    std::string out_;
    std::string has_items_;  // per open container: '1' once something is written in it
    bool after_key_ = false;
};

// Appends `s` as a quoted JSON string. Control characters are escaped; bytes
// that are not valid UTF-8 become U+FFFD.
void append_json_string(std::string& out, std::string_view s);

}  // namespace labelcost
