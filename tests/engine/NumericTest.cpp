#include "catch.hpp"

#include "engine/estimate.hpp"
#include "engine/numeric.hpp"
#include "engine/reader.hpp"

using namespace labelcost;

namespace {

std::int64_t scaled(const std::string& text, int places, std::int64_t max = INT64_MAX) {
    const auto d = parse_decimal(text);
    REQUIRE(d);
    std::int64_t out = -1;
    REQUIRE(to_scaled(*d, places, max, out) == ScaleError::None);
    return out;
}

}  // namespace

TEST_CASE("Numeric: decimals are read exactly, including exponent forms", "[numeric]") {
    CHECK(scaled("0.7", 9) == 700'000'000);
    CHECK(scaled("0.07", 6) == 70'000);
    CHECK(scaled("1e-07", 9) == 100);
    CHECK(scaled("12e3", 0) == 12'000);
    CHECK(scaled("1000.0", 0) == 1'000);
    CHECK(scaled("0.468", 6) == 468'000);
    CHECK(scaled("-0", 0) == 0);
    CHECK_FALSE(parse_decimal(""));
    CHECK_FALSE(parse_decimal("."));
    CHECK_FALSE(parse_decimal("1.2.3"));
    CHECK_FALSE(parse_decimal("1e"));
    CHECK_FALSE(parse_decimal("0x10"));
    CHECK_FALSE(parse_decimal(" 1"));
}

TEST_CASE("Numeric: scaling refuses what it cannot hold exactly", "[numeric]") {
    std::int64_t out = 0;
    CHECK(to_scaled(*parse_decimal("0.0000001"), 6, INT64_MAX, out) == ScaleError::TooPrecise);
    CHECK(to_scaled(*parse_decimal("1.5"), 0, INT64_MAX, out) == ScaleError::TooPrecise);
    CHECK(to_scaled(*parse_decimal("-1"), 0, INT64_MAX, out) == ScaleError::Negative);
    CHECK(to_scaled(*parse_decimal("11"), 0, 10, out) == ScaleError::TooLarge);
    CHECK(to_scaled(*parse_decimal("1e30"), 9, INT64_MAX, out) == ScaleError::TooLarge);
}

TEST_CASE("Numeric: JSON numbers become their shortest decimal", "[numeric]") {
    // 0.1 + 0.2 as a double is 0.30000000000000004: exactly what was written
    // is what is read, so a JSON 0.3 is 0.3.
    CHECK(read_decimal(Json::parse("0.3"))->digits == 3);
    CHECK(read_decimal(Json::parse("0.3"))->scale == 1);
    CHECK(read_decimal(Json::parse("\"0.035\""))->digits == 35);
    CHECK(read_decimal(Json::parse("18446744073709551615"))->digits ==
          static_cast<i128>(18446744073709551615ULL));
    CHECK_FALSE(read_decimal(Json::parse("true")));
    CHECK_FALSE(read_decimal(Json::parse("\"12 apples\"")));
}

TEST_CASE("Numeric: rounding is half up, once, to the micro-dollar", "[numeric]") {
    CHECK(div_round_half_up(5, 10) == 1);   // 0.5 -> 1
    CHECK(div_round_half_up(4, 10) == 0);   // 0.4 -> 0
    CHECK(div_round_half_up(15, 10) == 2);  // 1.5 -> 2
    CHECK(div_round_half_up(25, 10) == 3);  // 2.5 -> 3 (not banker's rounding)
    CHECK(div_round_half_up(2, 3) == 1);
    CHECK(div_floor(7, 2) == 3);
    CHECK(div_ceil(7, 2) == 4);
    CHECK(div_ceil(8, 2) == 4);
}

TEST_CASE("Numeric: money prints with at least cents and at most micro-dollars", "[numeric]") {
    CHECK(money_string(Money{1'021'150'000}) == "1021.15");
    CHECK(money_string(Money{116'000}) == "0.116");
    CHECK(money_string(Money{0}) == "0.00");
    CHECK(money_string(Money{1}) == "0.000001");
    CHECK(money_string(Money{5'000'000}) == "5.00");
    CHECK(money_string(Money{-5'000'000}) == "-5.00");
    CHECK(money_string(Money{INT64_MAX}) == "9223372036854.775807");
    CHECK(dollars_text(Money{17'820'000'000}) == "$17,820.00");
    CHECK(dollars("-1234.5") == "-$1,234.5");
    CHECK(grouped("1000000") == "1,000,000");
    CHECK(grouped("999") == "999");
}

TEST_CASE("Numeric: percentages are one decimal, half up, written two ways", "[numeric]") {
    // The JSON's percent fields always show the tenth.
    CHECK(percent_text(80, 120, Tenths::Always) == "66.7");
    CHECK(percent_text(405, 600, Tenths::Always) == "67.5");
    CHECK(percent_text(0, 100, Tenths::Always) == "0.0");
    CHECK(percent_text(1, 0, Tenths::Always) == "0.0");
    CHECK(percent_text(-1, 3, Tenths::Always) == "-33.3");
    CHECK(percent_text(-1, 3000, Tenths::Always) == "0.0");  // -0.033% rounds to 0, without a sign
    CHECK(percent_text(100, 100, Tenths::Always) == "100.0");
    // The English notes drop a tenth of 0: "70% auto-labeled", "12.5%".
    CHECK(percent_text(700'000'000, 1'000'000'000, Tenths::IfAny) == "70");
    CHECK(percent_text(125, 1000, Tenths::IfAny) == "12.5");
    CHECK(percent_text(1, 3, Tenths::IfAny) == "33.3");
    CHECK(percent_text(2, 3, Tenths::IfAny) == "66.7");
    CHECK(percent_text(5, 0, Tenths::IfAny) == "0");
}

TEST_CASE("Numeric: checked 128-bit arithmetic reports overflow", "[numeric]") {
    i128 out = 0;
    const i128 big = static_cast<i128>(1) << 100;
    CHECK(mul_checked(3, 4, out));
    CHECK(out == 12);
    CHECK_FALSE(mul_checked(big, big, out));
    const i128 half = static_cast<i128>(1) << 126;
    CHECK_FALSE(add_checked(half, half, out));
}
