// The aws-documented card against AWS's own documentation and example
// notebooks (see the card's sources). Expected values are worked by hand.
#include "catch.hpp"
#include "helpers.hpp"

#include "../../fuzz/check.hpp"

using test::cost;
using test::Json;

namespace {

Json aws(const Json& item) { return test::estimate(test::scenario(item, "aws-documented-2026-11")); }

Json part(const Json& result, std::size_t item, const std::string& name) {
    for (const Json& p : result["items"][item]["parts"])
        if (p["name"] == name) return p;
    FAIL("no part " << name);
    return Json();
}

}  // namespace

TEST_CASE("AWS card: bounding box is $0.08 + 5 x $0.036 = $0.26 per human label", "[aws][pricing]") {
    const Json r = aws(test::labeling("image/bounding-box", 1));
    REQUIRE(r["ok"] == true);
    CHECK(r["rates"]["id"] == "aws-documented-2026-11");
    CHECK(r["total"] == "0.26");
    CHECK(part(r, 0, "Ground Truth fee")["unit_price"] == "0.08");
    CHECK(part(r, 0, "Worker payments")["quantity"] == "5");
    CHECK(part(r, 0, "Worker payments")["unit_price"] == "0.036");
}

TEST_CASE("AWS card: image classification is $0.08 + 3 x $0.012 = $0.116", "[aws][pricing]") {
    const Json r = aws(test::labeling("image/classification", 1));
    CHECK(r["total"] == "0.116");
    CHECK(r["items"][0]["per_object"] == "0.116");
    // 1,000 images: $116.
    CHECK(aws(test::labeling("image/classification", 1'000))["total"] == "116.00");
}

TEST_CASE("AWS card: an auto-labeled object still pays the $0.08 fee", "[aws][pricing]") {
    // A batch of 10,000 auto-labeled boxes with $3/10K compute:
    // 10,000 x $0.08 + $3 -> $4 minimum = $804.
    const Json r = aws({{"kind", "auto-labeling"}, {"objects", 10'000}, {"compute_per_10k", 3}});
    CHECK(r["total"] == "804.00");
    CHECK(part(r, 0, "Ground Truth fee")["cost"] == "800.00");
    // Active learning on 10,000 boxes: 10% validation share is below the 30%
    // left by 70% auto, so 3,000 human: 10,000 x $0.08 + 3,000 x 5 x $0.036
    // + $4 compute = $800 + $540 + $4 = $1,344.
    Json item = test::labeling("image/bounding-box", 10'000);
    item["active_learning"] = Json::object();
    const Json al = aws(item);
    CHECK(al["total"] == "1344.00");
    CHECK(al["items"][0]["human"] == 3'000);
}

TEST_CASE("AWS card: people label at least the validation share", "[aws][pricing]") {
    // 4,000 boxes with 90% auto: the validation share below 5,000 is 20%, so
    // 800 human, 3,200 auto: 4,000 x $0.08 + 800 x 5 x $0.036 + $4 = $468.
    Json item = test::labeling("image/bounding-box", 4'000);
    item["active_learning"] = {{"auto_fraction", 0.9}};
    const Json r = aws(item);
    CHECK(r["items"][0]["human"] == 800);
    CHECK(r["items"][0]["automated"] == 3'200);
    CHECK(r["total"] == "468.00");
}

TEST_CASE("AWS card: automated labeling needs a dataset of 1,250 objects", "[aws][pricing]") {
    // 1,000 boxes: all human, no compute: 1,000 x $0.26 = $260, warned.
    Json item = test::labeling("image/bounding-box", 1'000);
    item["active_learning"] = Json::object();
    const Json r = aws(item);
    CHECK(r["total"] == "260.00");
    CHECK(r["items"][0]["automated"] == 0);
    CHECK(test::has_warning(r, "active_learning_below_minimum", "items[0].active_learning"));
    // 1,250 boxes do qualify: 20% share (250) < 30% left (375): 375 human.
    item["objects"] = 1'250;
    CHECK(aws(item)["items"][0]["human"] == 375);
}

TEST_CASE("AWS card: automated labeling only for its four task types", "[aws][pricing]") {
    for (const char* task : {"image/classification", "image/bounding-box", "image/semantic-segmentation",
                             "text/classification"}) {
        Json item = test::labeling(task, 10'000);
        item["active_learning"] = Json::object();
        INFO(task);
        CHECK(aws(item)["ok"] == true);
    }
    for (const char* task : {"image/multi-label-classification", "text/named-entity-recognition", "image/polyline"}) {
        Json item = test::labeling(task, 10'000);
        item["active_learning"] = Json::object();
        INFO(task);
        CHECK(test::has_error(aws(item), "active_learning_unsupported", "items[0].active_learning"));
    }
}

TEST_CASE("AWS card: Mechanical Turk is not available for video and 3D point clouds", "[aws][pricing]") {
    for (const char* task : {"video/object-detection", "video/object-tracking", "point-cloud/object-detection",
                             "point-cloud/semantic-segmentation"}) {
        INFO(task);
        const Json r = aws(test::labeling(task, 100));
        CHECK(test::has_error(r, "workforce_unavailable", "items[0].workforce"));
        // Private and vendor workforces are.
        CHECK(aws(test::labeling(task, 100, "private"))["ok"] == true);
        CHECK(aws(test::labeling(task, 100, "vendor"))["ok"] == true);
    }
    // The article's card has Mechanical Turk video prices.
    CHECK(test::estimate(test::scenario(test::labeling("video/object-detection", 100)))["ok"] == true);
}

TEST_CASE("AWS card: worker prices must be allowed Mechanical Turk prices", "[aws][pricing]") {
    Json item = test::labeling("image/bounding-box", 100);
    item["worker_price"] = 0.048;
    // 100 x ($0.08 + 5 x $0.048) = $32.
    CHECK(aws(item)["total"] == "32.00");
    item["worker_price"] = 0.05;
    CHECK(test::has_error(aws(item), "price_not_allowed", "items[0].worker_price"));
    // Semantic segmentation starts at $0.84 per worker (the article says $0.07).
    Json seg = test::labeling("image/semantic-segmentation", 1);
    CHECK(aws(seg)["total"] == "2.60");  // $0.08 + 3 x $0.84
    seg["worker_price"] = 0.07;
    CHECK(test::has_error(aws(seg), "price_not_allowed", "items[0].worker_price"));
}

TEST_CASE("AWS card: workers default per task and range 1-9", "[aws][pricing]") {
    // The card's 5 workers for bounding boxes and 3 for the rest, said in the result.
    CHECK(aws(test::labeling("image/bounding-box", 100))["items"][0]["workers"] == 5);
    CHECK(aws(test::labeling("image/classification", 100))["items"][0]["workers"] == 3);
    Json item = test::labeling("image/classification", 100);
    item["workers"] = 9;  // 100 x ($0.08 + 9 x $0.012) = $18.80
    CHECK(aws(item)["total"] == "18.80");
    item["workers"] = 10;
    CHECK(test::has_error(aws(item), "out_of_range", "items[0].workers"));
}

TEST_CASE("AWS card: a private workforce pays the fee but no worker price", "[aws][pricing]") {
    // 1,000 x $0.08 = $80, labor excluded and said so.
    const Json r = aws(test::labeling("text/named-entity-recognition", 1'000, "private"));
    CHECK(r["total"] == "80.00");
    CHECK(r["labor_excluded"] == true);
}

TEST_CASE("AWS card: S3 storage tiers", "[aws][pricing]") {
    // 60,000 GB for one month: 51,200 x $0.023 + 8,800 x $0.022
    // = $1,177.60 + $193.60 = $1,371.20.
    const Json r = aws({{"kind", "storage"}, {"gb", 60'000}});
    CHECK(r["total"] == "1371.20");
    CHECK(r["items"][0]["parts"].size() == 2);
}

// The December 2026 card: the fee's monthly tiers ($0.08 for the first 50,000
// objects of a month, $0.04 to 1,000,000, $0.02 above) and the free tier.
namespace {

Json monthly(const Json& items, bool free_tier = false) {
    Json s = {{"labelcost", 1}, {"rates", "aws-documented-2026-12"}, {"items", items}};
    if (free_tier) s["free_tier"] = true;
    return test::estimate(s);
}

Json boxes(long long objects, int month = 1) {
    Json item = test::labeling("image/bounding-box", objects);
    item["workers"] = 5;
    if (month != 1) item["month"] = month;
    return item;
}

// The sum of an estimate's Ground Truth fee parts, as the engine writes amounts.
std::string fee(const Json& result) {
    long long micros = 0;
    for (const Json& item : result["items"])
        for (const Json& p : item["parts"])
            if (p["name"].get<std::string>().rfind("Ground Truth fee", 0) == 0) micros += fuzzcheck::micros(p["cost"], "");
    return labelcost::money_string(labelcost::Money{micros});
}

}  // namespace

TEST_CASE("AWS monthly tiers: 100,000 boxes in one month", "[aws][tiers]") {
    // Fee 50,000 x $0.08 + 50,000 x $0.04 = $6,000; workers 100,000 x 5 x
    // $0.036 = $18,000; total $24,000.
    const Json r = monthly(Json::array({boxes(100'000)}));
    REQUIRE(r["ok"] == true);
    CHECK(fee(r) == "6000.00");
    CHECK(r["total"] == "24000.00");
    CHECK(r["rates"]["id"] == "aws-documented-2026-12");
}

TEST_CASE("AWS monthly tiers run over the items of a month, in item order, and start again each month", "[aws][tiers]") {
    // 60,000 in month 1 and 40,000 in month 2: $0.08 on 50,000 + 40,000 =
    // 90,000 objects ($7,200) and $0.04 on 10,000 ($400): $7,600.
    CHECK(fee(monthly(Json::array({boxes(60'000, 1), boxes(40'000, 2)}))) == "7600.00");
    // Two items in the same month share the tiers: 30,000 + 30,000 = 60,000
    // objects, the second item's last 10,000 at $0.04: 2,400 + 1,600 + 400.
    const Json same = monthly(Json::array({boxes(30'000), boxes(30'000)}));
    CHECK(test::cost(same, 0) == "7800.00");  // 30,000 x ($0.08 + 5 x $0.036)
    CHECK(fee(same) == "4400.00");
    // Above 1,000,000: 2,000,000 objects = 50,000 x 0.08 + 950,000 x 0.04
    // + 1,000,000 x 0.02 = 4,000 + 38,000 + 20,000 = $62,000.
    CHECK(fee(monthly(Json::array({{{"kind", "auto-labeling"}, {"objects", 2'000'000}, {"compute", 0}}}))) == "62000.00");
}

TEST_CASE("AWS free tier: 500 fee-free objects a month in months 1 and 2, fee only", "[aws][tiers]") {
    // 1,000 boxes in each of months 1, 2 and 3: the fee on 500 + 500 + 1,000
    // objects = $160; workers on all 3,000: 3,000 x 5 x $0.036 = $540.
    const Json items = Json::array({boxes(1000, 1), boxes(1000, 2), boxes(1000, 3)});
    const Json r = monthly(items, true);
    REQUIRE(r["ok"] == true);
    CHECK(fee(r) == "160.00");
    CHECK(r["total"] == "700.00");
    CHECK(fee(monthly(items)) == "240.00");
    // The article's card has no free tier to apply.
    Json on_article = {{"labelcost", 1}, {"free_tier", true}, {"items", Json::array({boxes(10)})}};
    CHECK(test::has_error(test::estimate(on_article), "not_applicable", "free_tier"));
}

TEST_CASE("AWS monthly tiers: a sweep prices each cell as the whole scenario", "[aws][tiers][tables]") {
    const Json scenario = {{"labelcost", 1}, {"rates", "aws-documented-2026-12"},
                           {"items", Json::array({boxes(40'000), boxes(10'000)})}};
    const Json sweep = Json::parse(labelcost::api::sweep(
        labelcost::bundled_catalog(),
        Json{{"scenario", scenario}, {"item", 1}, {"x", {{"field", "objects"}, {"from", 10000}, {"to", 30000}, {"steps", 3}}}}.dump()));
    REQUIRE(sweep["ok"] == true);
    for (int i = 0; i < 3; ++i) {
        Json s = scenario;
        s["items"][1]["objects"] = 10'000 * (i + 1);
        CHECK(sweep["totals"][0][i] == test::estimate(s)["total"]);
    }
    // 40,000 + 30,000: 50,000 x 0.08 + 20,000 x 0.04 = 4,800 fee, plus
    // 70,000 x 5 x 0.036 = 12,600 workers.
    CHECK(sweep["totals"][0][2] == "17400.00");
}

TEST_CASE("Comparing cards leaves out a free tier that a card has none of, and says so", "[aws][tiers][tables]") {
    const Json scenario = {{"labelcost", 1}, {"rates", "aws-documented-2026-12"}, {"free_tier", true},
                           {"items", Json::array({boxes(1000)})}};
    const Json r = Json::parse(labelcost::api::compare_cards(labelcost::bundled_catalog(), Json{{"scenario", scenario}}.dump()));
    REQUIRE(r["ok"] == true);
    for (const Json& row : r["rows"]) {
        INFO(row.dump());
        CHECK(row["ok"] == true);
        const bool has_free = row["rates"]["id"] == "aws-documented-2026-12";
        CHECK(row.contains("notes") != has_free);
    }
    // The article's card: 1,000 boxes x $0.036 = $36.00 (its prices include 3
    // workers; 5 workers scale it by 5/3: $60.00).
    CHECK(r["rows"][0]["total"] == "60.00");
}
