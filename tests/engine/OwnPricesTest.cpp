// Your own prices: a quoted price per object, discounts and credits. Every
// expected value is worked by hand in the comment beside it.
#include "catch.hpp"
#include "helpers.hpp"

using test::cost;
using test::Json;

namespace {

Json items(const std::vector<Json>& list, const std::string& rates = "wring-2026-03") {
    return test::estimate({{"labelcost", 1}, {"rates", rates}, {"items", list}});
}

Json quoted(const std::string& task, long long objects, const std::string& workforce, double price) {
    Json item = test::labeling(task, objects, workforce);
    item["unit_price"] = price;
    return item;
}

Json fixed(double amount) {
    return {{"kind", "fixed"}, {"amount", amount}};
}
Json discount(double fraction, const std::string& of = "all") {
    return {{"kind", "discount"}, {"fraction", fraction}, {"of", of}};
}
Json credit(double amount) {
    return {{"kind", "credit"}, {"amount", amount}};
}

}  // namespace

TEST_CASE("A quoted price per object replaces the article card's price, workers and multiplier",
          "[own-prices][pricing]") {
    // 20,000 boxes from a vendor at $0.05 a box: $1,000, whatever the
    // vendor multiplier (x1.5-x3 on this card) or the workers would give.
    const Json r = items({quoted("image/bounding-box", 20'000, "vendor", 0.05)});
    REQUIRE(r["ok"] == true);
    CHECK(r["total"] == "1000.00");
    CHECK(r["low"] == "1000.00");  // a stated price: no range
    CHECK(r["high"] == "1000.00");
    CHECK(r["items"][0]["parts"][0]["unit_price"] == "0.05");
    // Workers stay allowed and do not change the price.
    Json nine = quoted("image/bounding-box", 20'000, "vendor", 0.05);
    nine["workers"] = 9;
    CHECK(cost(items({nine}), 0) == "1000.00");
}

TEST_CASE("On the AWS card a quoted price still pays the per-object Ground Truth fee", "[own-prices][aws]") {
    // 100,000 boxes at a quoted $0.20: fee 100,000 x $0.08 = $8,000, plus
    // 100,000 x $0.20 = $20,000 for the labels: $28,000.
    const Json r = items({quoted("image/bounding-box", 100'000, "mturk", 0.20)}, "aws-documented-2026-11");
    CHECK(r["total"] == "28000.00");
    // With active learning at 70% auto-labeled (10,000-object job above the
    // 1,250 minimum): 30,000 human x $0.20 = $6,000, fee on all 100,000 =
    // $8,000, compute at $3 per 10,000 on 100,000 = $30: $14,030.
    Json al = quoted("image/bounding-box", 100'000, "mturk", 0.20);
    al["active_learning"] = {{"auto_fraction", 0.7}, {"compute_per_10k", 3}};
    const Json a = items({al}, "aws-documented-2026-11");
    CHECK(a["items"][0]["human"] == 30'000);
    CHECK(a["total"] == "14030.00");
}

TEST_CASE("A discount takes a share of the labeling items, or of every item above it", "[own-prices][pricing]") {
    // Labeling $720 (20,000 boxes x $0.036 on Mechanical Turk), fixed $280.
    // 10% of labeling = $72; then 50% of the items above (720 + 280 = 1,000;
    // the first discount is not counted) = $500. Total 1,000 - 72 - 500 = $428.
    const Json r =
        items({test::labeling("image/bounding-box", 20'000), fixed(280), discount(0.1, "labeling"), discount(0.5)});
    REQUIRE(r["ok"] == true);
    CHECK(cost(r, 0) == "720.00");
    CHECK(cost(r, 2) == "-72.00");
    CHECK(cost(r, 3) == "-500.00");
    CHECK(r["total"] == "428.00");
    // "all" counts only the items above it: a fixed cost below is not discounted.
    const Json below = items({fixed(100), discount(0.25), fixed(100)});
    CHECK(cost(below, 1) == "-25.00");
    CHECK(below["total"] == "175.00");
}

TEST_CASE("A discount's amount is rounded half up to the micro-dollar", "[own-prices][pricing]") {
    // 1/3 of $0.000001... : 33.3333333% of $0.000003 = $0.000000999999999 -> $0.000001.
    const Json r = items({fixed(0.000003), discount(0.333333333)});
    CHECK(cost(r, 1) == "-0.000001");
}

TEST_CASE("A credit is used up to the total, never below $0.00, and says what is left", "[own-prices][pricing]") {
    // $1,000 of costs, a $300 credit, then a $5,000 one: -300, then -700 of 5,000.
    const Json r = items({fixed(1000), credit(300), credit(5000)});
    REQUIRE(r["ok"] == true);
    CHECK(cost(r, 1) == "-300.00");
    CHECK(cost(r, 2) == "-700.00");
    CHECK(r["total"] == "0.00");
    CHECK(test::has_warning(r, "credit_unused", "items[2]"));
    // Credits apply after discounts, wherever they stand: a credit above a
    // discount does not shrink the discount's base. $1,000 - 10% = $900 - $100.
    const Json order = items({fixed(1000), credit(100), discount(0.1)});
    CHECK(cost(order, 2) == "-100.00");
    CHECK(order["total"] == "800.00");
    CHECK_FALSE(test::has_warning(order, "credit_unused", "items[1]"));
}

TEST_CASE("Discounts together never take the total below $0.00", "[own-prices][pricing]") {
    // Two 100% discounts of $200: the first takes $200, the second nothing.
    const Json r = items({fixed(200), discount(1), discount(1)});
    CHECK(cost(r, 1) == "-200.00");
    CHECK(cost(r, 2) == "0.00");
    CHECK(r["total"] == "0.00");
    CHECK(test::has_warning(r, "discount_limited", "items[2].fraction"));
}

TEST_CASE("Ranges and savings apply discounts the same way", "[own-prices][pricing]") {
    // 20,000 boxes from a vendor (x2 to x5, typical x3, of $0.036): $2,160
    // typical, $1,440 low, $3,600 high; 10% off each.
    const Json r = items({test::labeling("image/bounding-box", 20'000, "vendor"), discount(0.1)});
    CHECK(r["total"] == "1944.00");
    CHECK(r["low"] == "1296.00");
    CHECK(r["high"] == "3240.00");
    // Without active learning: 100,000 boxes x $0.036 = $3,600, 10% off: $3,240.
    Json al = test::labeling("image/bounding-box", 100'000);
    al["active_learning"] = {{"auto_fraction", 0.7}, {"compute_per_10k", 3}};
    const Json s = items({al, discount(0.1, "labeling")});
    CHECK(s["savings"]["without"] == "3240.00");
}

TEST_CASE("A sweep over a scenario with a discount gives the totals of the estimate", "[own-prices][tables]") {
    const Json scenario = {
        {"labelcost", 1},
        {"items", Json::array({test::labeling("image/bounding-box", 1000), discount(0.2), credit(10)})}};
    const Json sweep = Json::parse(labelcost::api::sweep(
        labelcost::bundled_catalog(), Json{{"scenario", scenario},
                                           {"item", 0},
                                           {"x", {{"field", "objects"}, {"from", 1000}, {"to", 3000}, {"steps", 3}}}}
                                          .dump()));
    REQUIRE(sweep["ok"] == true);
    // 1,000 / 2,000 / 3,000 boxes x $0.036 = $36 / $72 / $108; -20%; -$10.
    const Json& totals = sweep["totals"].at(0);
    REQUIRE(totals.size() == 3);
    CHECK(totals[0] == "18.80");
    CHECK(totals[1] == "47.60");
    CHECK(totals[2] == "76.40");
}

namespace {

// A bundled card as a scenario's own: the same values under an id of its own.
Json own_copy(const labelcost::RateCard& card) {
    Json j = Json::parse(card.text);
    j["id"] = "my-" + card.id;
    j.erase("aliases");
    j.erase("default");
    return j;
}

}  // namespace

TEST_CASE("A bundled card carried in the scenario prices every preset to the micro-dollar", "[own-prices][cards]") {
    for (const auto& card : labelcost::bundled_catalog().cards()) {
        for (const auto& preset : labelcost::bundled_catalog().presets()) {
            Json by_id = preset.scenario;
            by_id["rates"] = card.id;
            Json inline_card = preset.scenario;
            inline_card["rates"] = own_copy(card);
            const Json a = test::estimate(by_id);
            const Json b = test::estimate(inline_card);
            INFO(preset.name << " on " << card.id);
            REQUIRE(a["ok"] == b["ok"]);
            if (a["ok"] != true) continue;  // a preset that this card cannot price, either way
            CHECK(b["rates"]["id"] == "my-" + card.id);
            CHECK(b["rates"]["custom"] == true);
            CHECK(a["rates"]["custom"] == false);
            for (const char* key : {"total", "low", "high", "items", "savings"}) CHECK(a[key] == b[key]);
            // Warnings and notes name the card by its id.
            std::string said = b["warnings"].dump();
            for (std::size_t at; (at = said.find("my-" + card.id)) != std::string::npos;) said.erase(at, 3);
            CHECK(said == a["warnings"].dump());
        }
    }
}

TEST_CASE("A scenario's own card is validated as a bundled one, every problem under rates", "[own-prices][cards]") {
    const auto& card = labelcost::bundled_catalog().cards().front();
    Json s = {{"labelcost", 1}, {"items", Json::array({test::labeling("image/bounding-box", 10)})}};

    s["rates"] = own_copy(card);
    s["rates"]["id"] = card.id;  // a bundled card's id
    CHECK(test::has_error(test::estimate(s), "invalid_card", "rates.id"));

    s["rates"] = own_copy(card);
    s["rates"]["currency"] = 5;
    CHECK(test::has_error(test::estimate(s), "wrong_type", "rates.currency"));

    s["rates"] = own_copy(card);
    s["rates"].erase("tasks");
    CHECK(test::has_error(test::estimate(s), "missing_field", "rates.tasks"));

    s["rates"] = own_copy(card);
    s["rates"]["aliases"] = Json::array({"aws"});
    CHECK(test::has_error(test::estimate(s), "invalid_card", "rates.aliases[0]"));

    s["rates"] = 5;
    CHECK(test::has_error(test::estimate(s), "wrong_type", "rates"));
}

TEST_CASE("A scenario's own prices are its own: a vendor's price sheet", "[own-prices][cards]") {
    // The article card with bounding boxes at $0.05 for three workers:
    // 1,000 boxes on Mechanical Turk = $50.00.
    const auto& card = *labelcost::bundled_catalog().card("wring-2026-03");
    Json mine = own_copy(card);
    mine["tasks"]["image/bounding-box"]["price"] = 0.05;
    const Json r = test::estimate(
        {{"labelcost", 1}, {"rates", mine}, {"items", Json::array({test::labeling("image/bounding-box", 1000)})}});
    REQUIRE(r["ok"] == true);
    CHECK(r["total"] == "50.00");
    CHECK(r["rates"]["custom"] == true);
}

TEST_CASE("A scenario's own prices carry into the workforce comparison, the savings table and a budget",
          "[own-prices][tables]") {
    // Bounding boxes at $0.05 for three workers: 1,000 boxes cost $50.00 on
    // Mechanical Turk (x1) and $150.00 with a vendor (x3, typical).
    const auto& card = *labelcost::bundled_catalog().card("wring-2026-03");
    Json mine = own_copy(card);
    mine["tasks"]["image/bounding-box"]["price"] = 0.05;
    const Json scenario = {
        {"labelcost", 1}, {"rates", mine}, {"items", Json::array({test::labeling("image/bounding-box", 1000)})}};
    const auto& catalog = labelcost::bundled_catalog();
    const Json rows = Json::parse(labelcost::api::compare_workforces(catalog, Json{{"scenario", scenario}}.dump()));
    REQUIRE(rows["ok"] == true);
    CHECK(rows["rates"]["custom"] == true);
    for (const Json& row : rows["rows"]) {
        if (row["workforce"] == "mturk") CHECK(row["total"] == "50.00");
        if (row["workforce"] == "vendor") CHECK(row["total"] == "150.00");
    }
    // 10,000 boxes at $0.05 without active learning: $500.00.
    const Json table = Json::parse(labelcost::api::savings_table(
        catalog, Json{{"task", "image/bounding-box"}, {"rates", mine}, {"sizes", {10000}}}.dump()));
    REQUIRE(table["ok"] == true);
    CHECK(table["rates"]["custom"] == true);
    CHECK(table["rows"][0]["without"] == "500.00");
    // $100 labels 2,000 boxes at $0.05.
    const Json budget =
        Json::parse(labelcost::api::budget(catalog, Json{{"budget", 100}, {"scenario", scenario}}.dump()));
    REQUIRE(budget["ok"] == true);
    CHECK(budget["objects"] == 2000);
}
