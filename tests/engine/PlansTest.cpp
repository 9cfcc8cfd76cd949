// Plans side by side: each plan priced, and its differences against the
// first worked by hand in each test's comment.
#include <string>

#include "catch.hpp"
#include "engine/plans.hpp"
#include "helpers.hpp"

using labelcost::Json;

namespace {

Json compare(const Json& scenarios) {
    return Json::parse(labelcost::api::compare_scenarios(labelcost::bundled_catalog(), Json{{"scenarios", scenarios}}.dump()));
}

Json photos(const std::string& rates) {
    Json s = test::scenario(test::labeling("image/classification", 10000), rates);
    s["items"][0]["name"] = "Photos";
    return s;
}

}  // namespace

TEST_CASE("Plans: the article's startup on Mechanical Turk and with a vendor's boxes", "[plans][article]") {
    // The vendor's typical 3x on 20,000 boxes: 3 x $720 = $2,160, $1,440 more
    // (low 2x: $1,440 + $301.15 = $1,741.15; high 5x: $3,600 + $301.15).
    Json first = labelcost::bundled_catalog().preset("computer-vision-startup")->scenario;
    Json vendor = first;
    vendor["name"] = "Vendor boxes";
    vendor["items"][0]["workforce"] = "vendor";
    const Json r = compare(Json::array({first, vendor}));
    REQUIRE(r.value("ok", false));
    REQUIRE(r.at("plans").size() == 2);
    CHECK(r.at("plans").at(0).at("total") == "1021.15");
    CHECK(r.at("plans").at(0).at("delta").is_null());
    const Json& p = r.at("plans").at(1);
    CHECK(p.at("name") == "Vendor boxes");
    CHECK(p.at("total") == "2461.15");
    CHECK(p.at("low") == "1741.15");
    CHECK(p.at("high") == "3901.15");
    CHECK(p.at("delta").at("total") == "1440.00");
    CHECK(p.at("delta").at("low") == "720.00");
    CHECK(p.at("delta").at("high") == "2880.00");
    CHECK(p.at("delta").at("saved") == "0.00");
    CHECK(p.at("delta").at("worker_hours") == "0.00");
    CHECK(p.at("delta").at("items") == Json::array({"1440.00", "0.00", "0.00", "0.00"}));
}

TEST_CASE("Plans: the same photos on both cards, and with seconds of your own", "[plans][aws][article]") {
    // Article card: 10,000 x $0.012 (three workers included) = $120.00. AWS
    // card: 3 workers x $0.012 x 10,000 = $360 + the $0.08 fee x 10,000 =
    // $800: $1,160.00, $1,040.00 more. Both 10,000 x 3 x 3 s = 25.00 h; at
    // 1 s of your own, 8.33 h: 16.67 h fewer.
    Json own = photos("wring-2026-03");
    own["items"][0]["seconds_per_object"] = 1;
    const Json r = compare(Json::array({photos("wring-2026-03"), photos("aws-documented-2026-12"), own}));
    REQUIRE(r.value("ok", false));
    const Json& aws = r.at("plans").at(1);
    CHECK(aws.at("rates").at("id") == "aws-documented-2026-12");
    CHECK(aws.at("total") == "1160.00");
    CHECK(aws.at("delta").at("total") == "1040.00");
    CHECK(aws.at("delta").at("items") == Json::array({"1040.00"}));
    CHECK(aws.at("effort").at("worker_hours") == "25.00");
    CHECK(aws.at("delta").at("worker_hours") == "0.00");
    CHECK(r.at("plans").at(2).at("effort").at("worker_hours") == "8.33");
    CHECK(r.at("plans").at(2).at("delta").at("worker_hours") == "-16.67");
    CHECK(r.at("plans").at(2).at("delta").at("total") == "0.00");
}

TEST_CASE("Plans: an item is compared only with the first plan's item at its place", "[plans]") {
    // Plan 2 calls its item otherwise and adds a $50 fixed cost: nothing to
    // compare item by item, but the totals still differ by $50.
    Json renamed = photos("wring-2026-03");
    renamed["items"][0]["name"] = "Catalogue";
    renamed["items"].push_back({{"kind", "fixed"}, {"amount", 50}});
    const Json r = compare(Json::array({photos("wring-2026-03"), renamed}));
    REQUIRE(r.value("ok", false));
    CHECK(r.at("plans").at(1).at("delta").at("items") == Json::array({nullptr, nullptr}));
    CHECK(r.at("plans").at(1).at("delta").at("total") == "50.00");
    // A cheaper plan's differences are negative: 5,000 photos cost $60.
    Json fewer = photos("wring-2026-03");
    fewer["items"][0]["objects"] = 5000;
    const Json cheaper = compare(Json::array({photos("wring-2026-03"), fewer}));
    CHECK(cheaper.at("plans").at(1).at("delta").at("total") == "-60.00");
    CHECK(cheaper.at("plans").at(1).at("delta").at("worker_hours") == "-12.50");
}

TEST_CASE("Plans: 2 to 4 scenarios, each problem under its scenario", "[plans][errors]") {
    const Json one = compare(Json::array({photos("wring-2026-03")}));
    CHECK(test::has_error(one, "out_of_range", "scenarios"));
    Json five = Json::array();
    for (int i = 0; i < 5; ++i) five.push_back(photos("wring-2026-03"));
    CHECK(test::has_error(compare(five), "too_many", "scenarios"));
    Json bad = photos("wring-2026-03");
    bad["items"][0]["objects"] = -1;
    CHECK(test::has_error(compare(Json::array({photos("wring-2026-03"), bad})), "negative", "scenarios[1].items[0].objects"));
    const Json missing = Json::parse(labelcost::api::compare_scenarios(labelcost::bundled_catalog(), "{}"));
    CHECK(test::has_error(missing, "missing_field", "scenarios"));
    const Json unknown = Json::parse(
        labelcost::api::compare_scenarios(labelcost::bundled_catalog(), R"({"scenarios": [], "plans": 1})"));
    CHECK(test::has_error(unknown, "unknown_field", "plans"));
}
