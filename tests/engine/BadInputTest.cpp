// The bad-input catalogue: each case must come back as {"ok": false} with the
// named error code at the named JSON path, never as a crash or a partial total.
#include "catch.hpp"
#include "helpers.hpp"

#include "bad_inputs.hpp"

using test::Json;

TEST_CASE("Bad input: every catalogue case gives its code and path") {
    REQUIRE(test::kBadInputs.size() >= 30);
    for (const auto& c : test::kBadInputs) {
        INFO(c.label << "\n" << c.scenario.substr(0, 300));
        const Json r = test::estimate_text(c.scenario);
        REQUIRE(r["ok"] == false);
        CHECK(test::has_error(r, c.code, c.path));
        CHECK_FALSE(r.contains("total"));
        for (const Json& e : r["errors"]) {
            CHECK(e["message"].is_string());
            CHECK_FALSE(e["message"].get<std::string>().empty());
        }
    }
}

TEST_CASE("Bad input: every problem in a scenario is reported at once") {
    const Json r = test::estimate_text(R"({"labelcost": 1, "items": [
        {"kind": "labeling", "task": "image/nope", "objects": -1, "workforce": "mturk"},
        {"kind": "storage", "gb": "lots"},
        {"kind": "fixed"}]})");
    CHECK(test::has_error(r, "unknown_task", "items[0].task"));
    CHECK(test::has_error(r, "negative", "items[0].objects"));
    CHECK(test::has_error(r, "wrong_type", "items[1].gb"));
    CHECK(test::has_error(r, "missing_field", "items[2].amount"));
}

TEST_CASE("Bad input: messages say what is allowed") {
    const Json r = test::estimate_text(R"({"labelcost": 1, "items": [
        {"kind": "labeling", "task": "image/bounding-box", "objects": 10, "workforce": "robots"}]})");
    const std::string message = r["errors"][0]["message"];
    CHECK(message.find("mturk") != std::string::npos);
    CHECK(message.find("vendor-specialized") != std::string::npos);
}

TEST_CASE("Bad input: invalid JSON says where it stops being JSON") {
    auto message = [](const std::string& text) {
        const Json r = test::estimate_text(text);
        REQUIRE(r["errors"][0]["code"] == "invalid_json");
        return r["errors"][0]["message"].get<std::string>();
    };
    CHECK(message(R"({"a":1,})") == "not valid JSON at byte 7");
    CHECK(message(R"({"a": tru})") == "not valid JSON at byte 6");
    CHECK(message(R"({"a":01})") == "not valid JSON at byte 6");
    CHECK(message("{\"a\":\"\x01\"}") == "not valid JSON at byte 6");
    CHECK(message(R"([1,2)") == "not valid JSON: the text ends at byte 4 before the JSON does");
    CHECK(message(R"({"a":1e999})") == "not valid JSON: a number is out of range");
    // Where a string stops being text: an unpaired surrogate, an overlong byte.
    CHECK(message(R"({"a":"\ud800"})") == "not valid JSON at byte 12");
    CHECK(message("{\"a\":\"\xC0\xAF\"}") == "not valid JSON at byte 6");
}
