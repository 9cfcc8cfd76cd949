// The reader on its own, without a scenario around it: each kind of field
// read exactly or refused with its code at its path, and what was never
// read reported once.
#include <string>

#include "catch.hpp"
#include "engine/reader.hpp"

using labelcost::Code;
using labelcost::Issues;
using labelcost::Json;
using labelcost::Need;
using labelcost::Reader;

namespace {

// The one error a read left, as "code at path".
std::string only_error(const Issues& errors) {
    REQUIRE(errors.size() == 1);
    return std::string(labelcost::code_name(errors[0].code)) + " at " + errors[0].path;
}

}  // namespace

TEST_CASE("Reader: decimals are read exactly at their scale, or refused with a code", "[reader][parse]") {
    const Json item = {{"price", 0.036}, {"text", "1.5"}, {"minus", -1}, {"fine", "0.0000001"}, {"big", 2},
                       {"word", "abc"}, {"flag", true}};
    Issues errors;
    Reader r(item, "items[0]", errors, "an item");
    CHECK(r.decimal("price", Need::Required, 6, 0, 1000000) == 36000);  // $0.036 in micro-dollars
    CHECK(r.decimal("text", Need::Required, 6, 0, 10000000) == 1500000);
    CHECK(errors.empty());
    const auto refused = [&](const char* key, std::int64_t max) {
        Issues e;
        Reader one(item, "items[0]", e, "an item");
        CHECK_FALSE(one.decimal(key, Need::Required, 6, 0, max).has_value());
        return only_error(e);
    };
    CHECK(refused("minus", 1000000) == "negative at items[0].minus");
    CHECK(refused("fine", 1000000) == "too_precise at items[0].fine");
    CHECK(refused("big", 1000000) == "out_of_range at items[0].big");  // 2 > $1.00
    CHECK(refused("word", 1000000) == "wrong_type at items[0].word");
    CHECK(refused("flag", 1000000) == "wrong_type at items[0].flag");
}

TEST_CASE("Reader: counts, text and flags; required and optional fields", "[reader][parse]") {
    const Json item = {{"workers", 2.5}, {"name", std::string(201, 'x')}, {"on", "yes"}, {"objects", 20000}};
    const auto read = [&](auto&& f) {
        Issues e;
        Reader r(item, "items[1]", e, "an item");
        f(r);
        return e.empty() ? std::string("no error") : only_error(e);
    };
    CHECK(read([](Reader& r) { CHECK(r.count("objects", Need::Required, 0, 1000000) == 20000); }) == "no error");
    CHECK(read([](Reader& r) { r.count("workers", Need::Required, 1, 9); }) == "not_whole_number at items[1].workers");
    CHECK(read([](Reader& r) { r.count("objects", Need::Required, 0, 100); }) == "out_of_range at items[1].objects");
    CHECK(read([](Reader& r) { r.text("name", Need::Optional); }) == "too_long at items[1].name");
    CHECK(read([](Reader& r) { r.flag("on", Need::Optional); }) == "wrong_type at items[1].on");
    CHECK(read([](Reader& r) { r.count("jobs", Need::Required, 1, 9); }) == "missing_field at items[1].jobs");
    CHECK(read([](Reader& r) { CHECK_FALSE(r.count("jobs", Need::Optional, 1, 9).has_value()); }) == "no error");
}

TEST_CASE("Reader: fields never read are unknown, each once, at its own path", "[reader][parse]") {
    const Json item = {{"kind", "fixed"}, {"amount", 5}, {"amuont", 5}, {"a/b", 1}};
    Issues errors;
    Reader r(item, "items[2]", errors, "an item");
    r.text("kind", Need::Required);
    r.decimal("amount", Need::Required, 6, 0, 1000000000);
    r.finish();
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].code == Code::unknown_field);
    CHECK(errors[0].path == "items[2].amuont");
    // A key that is not a plain name is quoted in the path.
    CHECK(errors[1].path == "items[2][\"a/b\"]");
}

TEST_CASE("Reader: a value that is not an object is refused as what it should be", "[reader][parse]") {
    Issues errors;
    Reader r(Json::array(), "items[3]", errors, "an item");
    CHECK_FALSE(r.ok());
    CHECK(only_error(errors) == "wrong_type at items[3]");
    CHECK(errors[0].message.find("an item") != std::string::npos);
    CHECK(labelcost::join_path("", "rates") == "rates");
    CHECK(labelcost::index_path("items", 4) == "items[4]");
}
