// Exact numbers for labelcost.
//
// Money is an integer count of micro-dollars (1e-6 USD). Every other decimal
// input (fractions, multipliers, GB, seconds) is an integer count of nano-units
// (1e-9). Products are formed in 128-bit integers, every step checked for
// overflow, and divided once at the end with a single rounding rule:
//
//   round half up (away from zero; all amounts here are non-negative) to the
//   micro-dollar.
//
// That is the only place the engine rounds money. Sums of rounded amounts are
// exact. See docs/pricing.md ("Rounding").
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace labelcost {

__extension__ typedef __int128 i128;  // GCC and Clang (including wasm32)
__extension__ typedef unsigned __int128 u128;

constexpr std::int64_t kMicro = 1'000'000;     // micro-dollars per dollar
constexpr std::int64_t kNano = 1'000'000'000;  // nano-units per unit

// An amount of money in micro-dollars.
struct Money {
    std::int64_t micros = 0;
    friend bool operator==(Money a, Money b) { return a.micros == b.micros; }
    friend bool operator!=(Money a, Money b) { return a.micros != b.micros; }
    friend bool operator<(Money a, Money b) { return a.micros < b.micros; }
    friend bool operator<=(Money a, Money b) { return a.micros <= b.micros; }
    friend bool operator>(Money a, Money b) { return a.micros > b.micros; }
    friend bool operator>=(Money a, Money b) { return a.micros >= b.micros; }
};

// A non-money decimal in nano-units (value x 1e9): fractions, seconds,
// gigabytes, weeks, hours, as Money is for dollars.
struct Dec {
    std::int64_t nano = 0;
    static constexpr Dec units(std::int64_t whole) { return Dec{whole * kNano}; }
    friend bool operator==(Dec a, Dec b) { return a.nano == b.nano; }
    friend bool operator!=(Dec a, Dec b) { return a.nano != b.nano; }
    friend bool operator<(Dec a, Dec b) { return a.nano < b.nano; }
    friend bool operator<=(Dec a, Dec b) { return a.nano <= b.nano; }
    friend bool operator>(Dec a, Dec b) { return a.nano > b.nano; }
    friend bool operator>=(Dec a, Dec b) { return a.nano >= b.nano; }
};

// A decimal number read from text: value = digits / 10^scale, non-negative or
// negative. Used to turn JSON numbers (via their shortest round-trip form)
// into exact values.
struct ParsedDecimal {
    bool negative = false;
    i128 digits = 0;  // at most 38 significant digits are kept exactly
    int scale = 0;    // number of decimal places (may be negative: 12e3)
};

// Parses "12", "-0.5", "1e-07", "1.8446744073709552e+19". Returns nullopt on
// malformed text or more digits than fit.
std::optional<ParsedDecimal> parse_decimal(std::string_view text);

// Why a conversion to a fixed scale failed.
enum class ScaleError { None, TooPrecise, TooLarge, Negative };

// Converts to an integer count of 10^-places units, exactly. Fails when the
// value has more decimal places than `places`, is negative, or exceeds `max`.
ScaleError to_scaled(const ParsedDecimal& d, int places, std::int64_t max, std::int64_t& out);

// Checked 128-bit arithmetic. Each returns false on overflow.
bool mul_checked(i128 a, i128 b, i128& out);
bool add_checked(i128 a, i128 b, i128& out);

// round_half_up(numerator / denominator) for numerator >= 0, denominator > 0.
i128 div_round_half_up(i128 numerator, i128 denominator);
// floor and ceiling of numerator / denominator for numerator >= 0.
i128 div_floor(i128 numerator, i128 denominator);
i128 div_ceil(i128 numerator, i128 denominator);

// Formats micro-dollars as a decimal string with at least two decimals and at
// most six, trailing zeros beyond the cents dropped: 1021150000 -> "1021.15",
// 116000 -> "0.116", 0 -> "0.00".
std::string money_string(Money m);
// Inserts thousands separators into the whole part of a decimal string:
// "-16200.5" -> "-16,200.5".
std::string grouped(const std::string& decimal);
// "$16,200.00" for a decimal amount string, "-$5.00" for a negative one.
std::string dollars(const std::string& amount);
// dollars(money_string(m)), for messages and notes.
std::string dollars_text(Money m);
// Fills each "{}" of `pattern` with the next argument: one out-of-line
// function instead of a chain of string concatenations at every message.
std::string fmt(std::string_view pattern, std::initializer_list<std::string_view> args);
// A whole number with thousands separators: 10000 -> "10,000".
std::string count_text(std::int64_t n);

// Formats a count of 10^-places units with trailing zeros dropped:
// (700000000, 9) -> "0.7", (5, 0) -> "5".
std::string scaled_string(std::int64_t value, int places);
// Like scaled_string, for a 128-bit value.
std::string scaled_string128(i128 value, int places);

// part / whole as a percentage to one decimal, half up; a negative part keeps
// its sign, and a share of nothing is 0: (2, 3) -> "66.7". Tenths::Always
// writes the tenth even when it is 0 ("70.0": the JSON's percent fields);
// Tenths::IfAny drops it ("70": the English notes).
enum class Tenths { Always, IfAny };
std::string percent_text(i128 part, i128 whole, Tenths tenths);

}  // namespace labelcost
