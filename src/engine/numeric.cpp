#include "numeric.hpp"

#include <cstdint>
#include <limits>

namespace labelcost {
namespace {

constexpr i128 kI128Max = static_cast<i128>((~static_cast<u128>(0)) >> 1);

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

i128 pow10(int n) {
    i128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

}  // namespace

bool mul_checked(i128 a, i128 b, i128& out) {
    return !__builtin_mul_overflow(a, b, &out);
}
bool add_checked(i128 a, i128 b, i128& out) {
    return !__builtin_add_overflow(a, b, &out);
}

i128 div_round_half_up(i128 numerator, i128 denominator) {
    if (numerator <= INT64_MAX && denominator <= INT64_MAX) {  // the common, fast case
        const auto n = static_cast<std::uint64_t>(numerator), d = static_cast<std::uint64_t>(denominator);
        const std::uint64_t q = n / d, r = n % d;
        return (r >= d - r) ? q + 1 : q;
    }
    const i128 q = numerator / denominator;
    const i128 r = numerator % denominator;
    // r >= denominator - r  <=>  2r >= d, written so that it cannot overflow.
    return (r >= denominator - r) ? q + 1 : q;
}

i128 div_floor(i128 numerator, i128 denominator) {
    return numerator / denominator;
}

i128 div_ceil(i128 numerator, i128 denominator) {
    const i128 q = numerator / denominator;
    return (numerator % denominator != 0) ? q + 1 : q;
}

std::optional<ParsedDecimal> parse_decimal(std::string_view s) {
    ParsedDecimal d;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
        d.negative = s[i] == '-';
        ++i;
    }
    bool any_digit = false;
    int significant = 0;
    auto take = [&](char c) -> bool {
        if (d.digits == 0 && c == '0') return true;  // leading zeros carry no digits
        if (++significant > 36) return false;
        d.digits = d.digits * 10 + (c - '0');
        return true;
    };
    for (; i < s.size() && is_digit(s[i]); ++i) {
        any_digit = true;
        if (!take(s[i])) return std::nullopt;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        for (; i < s.size() && is_digit(s[i]); ++i) {
            any_digit = true;
            if (!take(s[i])) return std::nullopt;
            ++d.scale;
        }
    }
    if (!any_digit) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
            exp_negative = s[i] == '-';
            ++i;
        }
        if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
        int exponent = 0;
        for (; i < s.size() && is_digit(s[i]); ++i) {
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > 400) return std::nullopt;
        }
        d.scale += exp_negative ? exponent : -exponent;
    }
    if (i != s.size()) return std::nullopt;
    // Drop trailing zeros of the fraction so that scale counts real decimals.
    while (d.scale > 0 && d.digits != 0 && d.digits % 10 == 0) {
        d.digits /= 10;
        --d.scale;
    }
    if (d.digits == 0) {
        d.scale = 0;
        d.negative = false;
    }
    return d;
}

ScaleError to_scaled(const ParsedDecimal& d, int places, std::int64_t max, std::int64_t& out) {
    if (d.negative && d.digits != 0) return ScaleError::Negative;
    if (d.scale > places) return ScaleError::TooPrecise;
    const int shift = places - d.scale;  // >= 0
    if (shift > 38) return d.digits == 0 ? (out = 0, ScaleError::None) : ScaleError::TooLarge;
    i128 v = 0;
    if (!mul_checked(d.digits, pow10(shift), v)) return ScaleError::TooLarge;
    if (v > static_cast<i128>(max)) return ScaleError::TooLarge;
    out = static_cast<std::int64_t>(v);
    return ScaleError::None;
}

namespace {

// Writes `v` (a count of 10^-places units) backwards ending at `end`, trailing
// fraction zeros dropped; returns the first character. Unsigned is either
// std::uint64_t or u128: 128-bit division is slow in WebAssembly, so values
// that fit in 64 bits take the 64-bit path.
template <typename Unsigned>
char* write_scaled(char* end, Unsigned v, int places, bool negative) {
    char* p = end;
    bool any_fraction = false;
    for (int written = 0; written < places; ++written) {
        const char d = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
        if (d != '0' || any_fraction) {
            *--p = d;
            any_fraction = true;
        }
    }
    if (any_fraction) *--p = '.';
    do {
        *--p = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
    } while (v != 0);
    if (negative) *--p = '-';
    return p;
}

}  // namespace

std::string scaled_string128(i128 value, int places) {
    char buf[48];  // 39 digits, a sign and a point
    char* end = buf + sizeof buf;
    const bool negative = value < 0;
    const u128 magnitude = negative ? static_cast<u128>(-(value + 1)) + 1 : static_cast<u128>(value);
    const char* p = magnitude <= UINT64_MAX ? write_scaled(end, static_cast<std::uint64_t>(magnitude), places, negative)
                                            : write_scaled(end, magnitude, places, negative);
    return std::string(p, static_cast<std::size_t>(end - p));
}

std::string percent_text(i128 part, i128 whole, Tenths tenths) {
    const bool negative = part < 0;
    const i128 magnitude = negative ? -part : part;
    const i128 tenth_count = whole > 0 ? div_round_half_up(magnitude * 1000, whole) : 0;
    std::string s = scaled_string128(tenth_count, 1);
    if (tenths == Tenths::Always && s.find('.') == std::string::npos) s += ".0";
    return (negative && tenth_count != 0 ? "-" : "") + s;
}

std::string scaled_string(std::int64_t value, int places) {
    return scaled_string128(value, places);
}

std::string money_string(Money m) {
    std::string s = scaled_string(m.micros, 6);
    const auto dot = s.find('.');
    if (dot == std::string::npos) return s.append(".00");
    if (s.size() - dot - 1 == 1) s += '0';
    return s;
}

std::string grouped(const std::string& decimal) {
    const std::size_t start = !decimal.empty() && decimal[0] == '-' ? 1 : 0;
    std::size_t end = decimal.find('.');
    if (end == std::string::npos) end = decimal.size();
    std::string out = decimal;
    for (std::size_t i = end; i > start + 3; i -= 3) out.insert(i - 3, ",");
    return out;
}

std::string dollars(const std::string& amount) {
    if (amount.empty()) return "";
    if (amount[0] == '-') return "-$" + grouped(amount.substr(1));
    return "$" + grouped(amount);
}

std::string dollars_text(Money m) {
    return dollars(money_string(m));
}

std::string count_text(std::int64_t n) {
    return grouped(scaled_string(n, 0));
}

std::string fmt(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 48);
    auto arg = args.begin();
    std::size_t from = 0;
    for (std::size_t at = pattern.find("{}"); at != std::string_view::npos && arg != args.end();
         at = pattern.find("{}", from)) {
        out.append(pattern.data() + from, at - from).append(arg->data(), arg->size());
        ++arg;
        from = at + 2;
    }
    return out.append(pattern.data() + from, pattern.size() - from);
}

static_assert(std::numeric_limits<std::int64_t>::max() < kI128Max, "i128 must be wider than int64");

}  // namespace labelcost
