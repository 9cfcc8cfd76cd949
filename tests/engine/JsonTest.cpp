// The engine's JSON parser against nlohmann's, the reference: the same
// verdict on every text, and where both read it, the same values of the same
// types in the same order.
#include <random>
#include <string>
#include <vector>

#include "catch.hpp"
#include "engine/bundled.hpp"
#include "engine/reader.hpp"

#include "../../fuzz/check.hpp"

namespace {

void check_same(const std::string& text) {
    INFO("text: " << fuzzcheck::printable(text));
    const char* problem = fuzzcheck::parse_disagreement(text);
    CHECK(problem == nullptr);
    if (problem) FAIL(problem);
}

}  // namespace

TEST_CASE("JSON: the engine reads what the reference parser reads", "[json][parse]") {
    const std::vector<std::string> texts = {
        // values of every kind, and where JSON leaves room
        "{}", "[]", "0", "-0", "0.0", "-0.0", "1", "-1", "1.5", "1e5", "1E+5", "1e-7", "0.07", " \t\r\n[1 , 2]\n ",
        "true", "false", "null", R"("")", R"("a\"b\\c\/d\b\f\n\r\t")", R"("\u0000")", R"("\u00e9\u20AC")",
        "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "-123456789012345678901234567890", "1e308", "1e309", "-1e400", "1e-400",
        R"({"a":1,"b":2,"a":3})", R"({"b":[{"c":null}],"a":{}})", R"(["\ud83d\ude00"])", "[\"\xF0\x9F\x98\x80\"]",
        "\xEF\xBB\xBF{\"bom\":1}", "\xEF\xBB{}", "\xEF{}",
        // refused
        "", " ", "{", "}", "[1,]", "[,1]", R"({"a":1,})", R"({"a" 1})", R"({a:1})", "01", "-01", "1.", ".5", "1e", "1e+",
        "+1", "-", "--1", "0x10", "NaN", "Infinity", "tru", "nul", "[1]x", "[1] [2]", R"("\x")", R"("\u12")",
        R"("\ud83d")", R"("\ude00")", R"("\ud83d\u0041")", R"("\ud83dx")", "\"a\nb\"", "\"\x1f\"", "\"abc",
        "\"\x80\"", "\"\xC0\xAF\"", "\"\xC1\xBF\"", "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
        "\"\xF5\x80\x80\x80\"", "\"\xE2\x82\"", "\"\xF0\x9F\x98\"", "\"\xFF\"", std::string("[1,\0 2]", 7),
        std::string("\"a\0b\"", 5)};
    for (const auto& text : texts) check_same(text);
}

TEST_CASE("JSON: a NUL byte is refused, even where nlohmann stops reading at it", "[json][parse]") {
    const std::string text("{\"a\":1}\0{", 9);
    REQUIRE(!labelcost::Json::parse(text.begin(), text.end(), nullptr, false).is_discarded());
    labelcost::Issues errors;
    CHECK(labelcost::parse_json(text, errors).is_discarded());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == labelcost::Code::invalid_json);
}

TEST_CASE("JSON: the bundled cards and presets read the same, and so do their mutations", "[json][parse]") {
    std::size_t count = 0;
    const labelcost::BundledFile* files = labelcost::bundled_files(count);
    REQUIRE(count > 0);
    std::mt19937_64 rng(20261130);
    const std::string alphabet = "{}[]\",:0123456789.eE+-tfnul \\/u\x80\xC3\xE2\xF0\xBF";
    for (std::size_t f = 0; f < count; ++f) {
        const std::string text = files[f].text;
        check_same(text);
        // A byte changed, dropped or inserted, many times over.
        for (int n = 0; n < 2000; ++n) {
            std::string mutated = text;
            const std::size_t at = rng() % mutated.size();
            switch (rng() % 3) {
                case 0: mutated[at] = alphabet[rng() % alphabet.size()]; break;
                case 1: mutated.erase(at, 1 + rng() % 3); break;
                default: mutated.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            }
            check_same(mutated);
        }
    }
}

TEST_CASE("JSON: short random texts read the same", "[json][parse]") {
    std::mt19937_64 rng(7);
    const std::string alphabet = "{}[]\",:01-9.eE+ tn\\u\x80\xC2\xED\xF4";
    for (int n = 0; n < 50000; ++n) {
        std::string text;
        const std::size_t length = rng() % 12;
        for (std::size_t i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
        check_same(text);
    }
}

TEST_CASE("JSON: decimal numbers read as the same doubles", "[json][parse]") {
    // Up to 18 digits around a point, with exponents on both sides of the
    // range where the engine's parser computes the double itself.
    std::mt19937_64 rng(42);
    for (int n = 0; n < 100000; ++n) {
        std::string text = rng() % 4 == 0 ? "-" : "";
        const int whole = 1 + static_cast<int>(rng() % 9);
        const int fraction = static_cast<int>(rng() % 10);
        for (int i = 0; i < whole; ++i) text += static_cast<char>('0' + (i == 0 && whole > 1 ? 1 + rng() % 9 : rng() % 10));
        if (fraction) {
            text += '.';
            for (int i = 0; i < fraction; ++i) text += static_cast<char>('0' + rng() % 10);
        }
        if (rng() % 3 == 0) text += (rng() % 2 ? "e-" : "e") + std::to_string(rng() % 40);
        check_same(text);
    }
}

TEST_CASE("JSON: 32 levels of nesting are read, 33 are refused as too deep", "[json][parse]") {
    const auto nested = [](int levels, bool objects) {
        std::string text;
        for (int i = 0; i < levels; ++i) text += objects ? "{\"a\":" : "[";
        text += "1";
        for (int i = 0; i < levels; ++i) text += objects ? "}" : "]";
        return text;
    };
    for (bool objects : {false, true}) {
        labelcost::Issues errors;
        CHECK(!labelcost::parse_json(nested(labelcost::limits::kMaxJsonDepth, objects), errors).is_discarded());
        CHECK(errors.empty());
        CHECK(labelcost::parse_json(nested(labelcost::limits::kMaxJsonDepth + 1, objects), errors).is_discarded());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == labelcost::Code::too_deep);
    }
    // An empty container is a level too.
    labelcost::Issues errors;
    CHECK(labelcost::parse_json(std::string(33, '[') + std::string(33, ']'), errors).is_discarded());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == labelcost::Code::too_deep);
}

TEST_CASE("JSON: a leading byte-order mark is refused, and said so", "[json][parse]") {
    for (const std::string text : {"\xEF\xBB\xBF{\"labelcost\":1}", "\xEF\xBB\xBF[]", "\xEF\xBB\xBF"}) {
        labelcost::Issues errors;
        CHECK(labelcost::parse_json(text, errors).is_discarded());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == labelcost::Code::bom);
        CHECK(errors[0].path.empty());
        check_same(text);
    }
    // Anywhere else it is a character like any other: in a string it is
    // read, between values it is not JSON.
    labelcost::Issues errors;
    CHECK(labelcost::parse_json("[\"\xEF\xBB\xBF\"]", errors)[0] == "\xEF\xBB\xBF");
    CHECK(labelcost::parse_json("[1,\xEF\xBB\xBF 2]", errors).is_discarded());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == labelcost::Code::invalid_json);
}

namespace {

// {"k0":0,"k1":0,...}: `members` members, `distinct` distinct keys.
std::string wide_object(std::size_t members, std::size_t distinct) {
    std::string text = "{";
    for (std::size_t i = 0; i < members; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i % distinct) + "\":" + std::to_string(i);
    return text + "}";
}

}  // namespace

TEST_CASE("JSON: 256 members are read, 257 are refused at the object's path", "[json][parse]") {
    const std::size_t most = labelcost::limits::kMaxJsonMembers;
    labelcost::Issues errors;
    CHECK(labelcost::parse_json(wide_object(most, most), errors).size() == most);
    CHECK(errors.empty());
    check_same(wide_object(most, most));
    const std::string wide = wide_object(most + 1, most + 1);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {wide, ""},
        {"[1,{\"a\":" + wide + "}]", "[1].a"},
        {"{\"items\":[{},{},{\"odd key\":[" + wide + "]}]}", "items[2][\"odd key\"][0]"},
    };
    for (const auto& [text, path] : cases) {
        errors.clear();
        CHECK(labelcost::parse_json(text, errors).is_discarded());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == labelcost::Code::too_many_members);
        CHECK(errors[0].path == path);
        CHECK(errors[0].message == "the object has more than 256 members; at most 256 are read");
        check_same(text);
    }
    // Members count as written: a repeated key counts each time.
    errors.clear();
    CHECK(labelcost::parse_json(wide_object(most + 1, 3), errors).is_discarded());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == labelcost::Code::too_many_members);
}

TEST_CASE("JSON: repeated keys keep their first place and their last value, in wide objects too", "[json][parse]") {
    for (std::size_t distinct : {1u, 2u, 7u, 100u, 255u}) {
        const std::string text = wide_object(labelcost::limits::kMaxJsonMembers, distinct);
        INFO(distinct);
        check_same(text);
        labelcost::Issues errors;
        const labelcost::Json j = labelcost::parse_json(text, errors);
        REQUIRE(j.size() == distinct);
        std::size_t k = 0;
        for (const auto& [key, value] : j.items()) {
            CHECK(key == "k" + std::to_string(k));
            // The last of k, k + distinct, k + 2 distinct, ... below 256.
            CHECK(value == k + (labelcost::limits::kMaxJsonMembers - 1 - k) / distinct * distinct);
            ++k;
        }
    }
    check_same(R"({"b":1,"a":2,"b":3,"c":4,"a":5,"b":6})");
}

TEST_CASE("JSON: 256 long numbers are read, 257 are refused", "[json][parse]") {
    // Long: over 15 significant digits, or a power of ten beyond 22, each a
    // strtod call (up to 16 microseconds in WebAssembly). 64-bit integers
    // and short decimals are not long, however many.
    const auto list = [](const std::string& number, std::size_t n) {
        std::string text = "[";
        for (std::size_t i = 0; i < n; ++i) text += (i ? "," : "") + number;
        return text + "]";
    };
    const std::size_t most = labelcost::limits::kMaxLongNumbers;
    for (const std::string number : {"1e300", "1e-23", "0.30000000000000004", "18446744073709551616", "-9223372036854775809",
                                     "1e-400"}) {
        INFO(number);
        CHECK_FALSE(labelcost::short_decimal(number));
        labelcost::Issues errors;
        CHECK(labelcost::parse_json(list(number, most), errors).size() == most);
        CHECK(errors.empty());
        CHECK(labelcost::parse_json(list(number, most + 1), errors).is_discarded());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == labelcost::Code::too_many_long_numbers);
        CHECK(errors[0].path.empty());
        check_same(list(number, most));
        check_same(list(number, most + 1));
    }
    for (const std::string number : {"1", "0.07", "1e22", "1e-22", "123456789012345", "18446744073709551615",
                                     "-9223372036854775808", "0e-400", "0.000"}) {
        INFO(number);
        labelcost::Issues errors;
        CHECK(labelcost::parse_json(list(number, 1000), errors).size() == 1000);
        CHECK(errors.empty());
        check_same(list(number, 1000));
    }
}
