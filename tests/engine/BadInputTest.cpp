// The bad-input catalogue: each case must come back as {"ok": false} with the
// named error code at the named JSON path, never as a crash or a partial total.
#include "catch.hpp"
#include "helpers.hpp"

#include "bad_inputs.hpp"

using test::Json;

TEST_CASE("Bad input: every catalogue case gives its code and path", "[errors]") {
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

TEST_CASE("Bad input: every problem in a scenario is reported at once", "[errors]") {
    const Json r = test::estimate_text(R"({"labelcost": 1, "items": [
        {"kind": "labeling", "task": "image/nope", "objects": -1, "workforce": "mturk"},
        {"kind": "storage", "gb": "lots"},
        {"kind": "fixed"}]})");
    CHECK(test::has_error(r, "unknown_task", "items[0].task"));
    CHECK(test::has_error(r, "negative", "items[0].objects"));
    CHECK(test::has_error(r, "wrong_type", "items[1].gb"));
    CHECK(test::has_error(r, "missing_field", "items[2].amount"));
}

TEST_CASE("Bad input: messages say what is allowed", "[errors]") {
    const Json r = test::estimate_text(R"({"labelcost": 1, "items": [
        {"kind": "labeling", "task": "image/bounding-box", "objects": 10, "workforce": "robots"}]})");
    const std::string message = r["errors"][0]["message"];
    CHECK(message.find("mturk") != std::string::npos);
    CHECK(message.find("vendor-specialized") != std::string::npos);
}

TEST_CASE("Bad input: invalid JSON says where it stops being JSON", "[errors]") {
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

namespace {

// A scenario whose one item has `n` unknown fields: n unknown_field errors.
std::string with_unknown_fields(int n) {
    std::string item = R"({"kind": "fixed", "amount": 1)";
    for (int i = 0; i < n; ++i) item += ",\"x" + std::to_string(i) + "\": 0";
    return R"({"labelcost": 1, "items": [)" + item + "}]}";
}

}  // namespace

TEST_CASE("Bad input: at most 100 errors are listed, then how many more there are", "[errors]") {
    for (int n : {99, 100}) {
        const Json r = test::estimate_text(with_unknown_fields(n));
        CHECK(r["errors"].size() == static_cast<std::size_t>(n));
        CHECK_FALSE(test::has_error(r, "too_many_errors", ""));
    }
    const Json one_more = test::estimate_text(with_unknown_fields(101));
    REQUIRE(one_more["errors"].size() == 101);
    CHECK(one_more["errors"][99]["path"] == "items[0].x99");
    CHECK(one_more["errors"][100] == Json({{"code", "too_many_errors"}, {"path", ""}, {"message", "1 more error is not listed"}}));
    // 20,000 errors across 100 items (each item within the member limit).
    std::string items;
    for (int i = 0; i < 100; ++i) {
        items += std::string(i ? "," : "") + R"({"kind": "fixed", "amount": 1)";
        for (int k = 0; k < 200; ++k) items += ",\"u" + std::to_string(k) + "\": 0";
        items += "}";
    }
    const std::string text = labelcost::api::estimate(labelcost::bundled_catalog(), R"({"labelcost": 1, "items": [)" + items + "]}");
    CHECK(text.size() < 20'000);
    const Json r = Json::parse(text);
    REQUIRE(r["errors"].size() == 101);
    CHECK(r["errors"][0]["path"] == "items[0].u0");
    CHECK(r["errors"][100]["message"] == "19,900 more errors are not listed");
}

TEST_CASE("Bad input: a comparison row lists at most 100 errors too", "[errors]") {
    // Video tracking on a private workforce, moved to Mechanical Turk (not
    // available for video on AWS's card): one error per item in that row.
    test::Json scenario = {{"labelcost", 1}, {"rates", "aws-documented"}, {"items", Json::array()}};
    for (int i = 0; i < 150; ++i)
        scenario["items"].push_back(test::labeling("video/object-tracking", 10, "private"));
    const Json r = Json::parse(labelcost::api::compare_workforces(labelcost::bundled_catalog(), Json({{"scenario", scenario}}).dump()));
    REQUIRE(r["ok"] == true);
    bool capped = false;
    for (const Json& row : r["rows"]) {
        if (row["ok"] == true) continue;
        CHECK(row["errors"].size() <= 101);
        capped = capped || row["errors"].back()["message"] == "50 more errors are not listed";
    }
    CHECK(capped);
}
