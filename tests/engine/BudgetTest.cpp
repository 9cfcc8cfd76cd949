// The most a budget labels: worked by hand in each test's comment, and
// checked against brute force (every count near the answer priced in full).
#include <string>

#include "catch.hpp"
#include "engine/api.hpp"
#include "engine/bundled.hpp"
#include "helpers.hpp"

using labelcost::Json;

namespace {

Json budget(const Json& scenario, const std::string& amount, int item = -1) {
    Json request = {{"budget", amount}, {"scenario", scenario}};
    if (item >= 0) request["item"] = item;
    return Json::parse(labelcost::api::budget(labelcost::bundled_catalog(), request.dump()));
}

const Json* workforce(const Json& answer, const std::string& id) {
    for (const Json& w : answer.at("by_workforce"))
        if (w.at("workforce") == id) return &w;
    return nullptr;
}

// Image classification on the AWS card: 3 Mechanical Turk workers at $0.012
// plus the $0.08 fee, with active learning (from 1,250 objects a job).
Json photos(long long objects, int jobs = 1, const char* duplicates = nullptr, const char* auto_fraction = nullptr) {
    Json item = test::labeling("image/classification", objects);
    item["workers"] = 3;
    item["active_learning"] = Json::object();
    if (auto_fraction) item["active_learning"]["auto_fraction"] = auto_fraction;
    if (jobs > 1) item["jobs"] = jobs;
    if (duplicates) item["duplicates"] = duplicates;
    return test::scenario(item, "aws-documented-2026-12");
}

}  // namespace

TEST_CASE("Budget: the article's computer vision startup with $5,000", "[budget][article]") {
    // The other items cost $180.00 (review) + $120.00 (auto-labeled batch) +
    // $1.15 (storage) = $301.15, leaving $4,698.85 for boxes at $0.036:
    // 130,523 boxes ($4,698.828), total $4,999.978; one more is $5,000.014.
    const Json scenario = labelcost::bundled_catalog().preset("computer-vision-startup")->scenario;
    const Json a = budget(scenario, "5000");
    REQUIRE(a.value("ok", false));
    CHECK(a.at("item") == 0);
    CHECK(a.at("objects") == 130523);
    CHECK(a.at("total") == "4999.978");
    CHECK(a.at("next").at("objects") == 130524);
    CHECK(a.at("next").at("total") == "5000.014");
    // Mechanical Turk's multiple is 1 to 1, and the item has no active
    // learning: the range gives the same count.
    CHECK(a.at("low") == 130523);
    CHECK(a.at("high") == 130523);
    CHECK(a.at("without_active_learning").is_null());
    // A vendor at 3 x $0.036 = $0.108: $4,698.85 / $0.108 = 43,507 boxes.
    REQUIRE(workforce(a, "vendor"));
    CHECK(workforce(a, "vendor")->at("objects") == 43507);
    CHECK(workforce(a, "vendor")->at("total") == "4999.906");
    // A private workforce without its pay is not priced.
    REQUIRE(workforce(a, "private"));
    CHECK(workforce(a, "private")->at("available") == false);
    CHECK(workforce(a, "private")->at("note").get<std::string>().find("pay is not priced") != std::string::npos);
    CHECK(workforce(a, "vendor")->at("note") == "");
    CHECK(a.at("warnings").empty());
}

TEST_CASE("Budget: where a larger count costs less, the largest count within the budget, said so", "[budget][aws]") {
    // Below 1,250 objects: n x ($0.08 + 3 x $0.012) = n x $0.116; $130 buys
    // 1,120 ($129.92). From 1,250, active learning: 1,250 objects cost the
    // fee $100 + 375 by people x $0.036 = $13.50 + the $4 compute minimum =
    // $117.50, less than 1,249 objects ($144.884). 1,387 objects: fee
    // $110.96, 970 auto-labeled (70%), 417 by people x $0.036 = $15.012,
    // compute $4: $129.972. 1,388: fee $111.04, 971 auto-labeled, 417 by
    // people: $130.052.
    const Json a = budget(photos(1000), "130");
    REQUIRE(a.value("ok", false));
    CHECK(a.at("objects") == 1387);
    CHECK(a.at("total") == "129.972");
    CHECK(a.at("next").at("objects") == 1388);
    CHECK(a.at("next").at("total") == "130.052");
    CHECK(test::has_warning(a, "larger_is_cheaper", "items[0].objects"));
    CHECK(a.at("warnings").at(0).at("message").get<std::string>().find("1,250 objects cost $117.50") == 0);
    // Without active learning: 1,120 at $0.116.
    CHECK(a.at("without_active_learning").at("objects") == 1120);
    CHECK(a.at("without_active_learning").at("total") == "129.92");
    // At the range's costly end (40% auto-labeled), 1,250 objects cost
    // $100 + 750 x $0.036 + $4 = $131 > $130: the fewest is 1,120. At its
    // cheap end (70%, compute still the $4 minimum), the most is 1,387.
    CHECK(a.at("low") == 1120);
    CHECK(a.at("high") == 1387);
}

TEST_CASE("Budget: below what the other items cost, zero objects and a warning", "[budget]") {
    const Json scenario = labelcost::bundled_catalog().preset("computer-vision-startup")->scenario;
    const Json a = budget(scenario, "300");  // the other items cost $301.15
    REQUIRE(a.value("ok", false));
    CHECK(a.at("objects") == 0);
    CHECK(a.at("total") == "301.15");
    CHECK(test::has_warning(a, "over_budget", "budget"));
    CHECK(a.at("next").is_null());
}

TEST_CASE("Budget: past the largest item, the largest count the limits allow, said so", "[budget][bounds]") {
    // 10,000,000,000 image labels at $0.012 x 3 / 3 = $120,000,000.
    const Json a = budget(test::scenario(test::labeling("image/classification", 10)), "200000000");
    REQUIRE(a.value("ok", false));
    CHECK(a.at("objects") == 10000000000LL);
    CHECK(a.at("total") == "120000000.00");
    CHECK(test::has_warning(a, "at_limit", "items[0].objects"));
}

TEST_CASE("Budget: requests that cannot be answered say why, at their paths", "[budget][errors]") {
    const Json scenario = labelcost::bundled_catalog().preset("computer-vision-startup")->scenario;
    CHECK(test::has_error(budget(scenario, "5000", 3), "not_applicable", "item"));  // storage
    CHECK(test::has_error(budget(scenario, "5000", 9), "out_of_range", "item"));
    CHECK(test::has_error(budget(scenario, "-1"), "negative", "budget"));
    Json broken = scenario;
    broken["items"][0]["workers"] = 0;
    CHECK(test::has_error(budget(broken, "5000"), "out_of_range", "scenario.items[0].workers"));
    // 3,000 jobs, each with two sizes where the cost can fall: 6,000 > 1,024 points.
    CHECK(test::has_error(budget(photos(3000000, 3000), "5000"), "too_large", "scenario.items[0].jobs"));
    const Json storage_only = test::scenario({{"kind", "storage"}, {"gb", 10}});
    CHECK(test::has_error(budget(storage_only, "5000"), "missing_field", "item"));
}

TEST_CASE("Budget: the answer is the largest count within the budget, against brute force", "[budget][property]") {
    // Jobs (sizes differ by one), duplicates and a validation-share step on
    // the AWS card (from jobs of 5,000 people label 10%, not 20%, which
    // lowers the cost where 90% would be auto-labeled): every count from 0 to
    // 12,000 priced in full.
    for (const Json& scenario : {photos(1000), photos(1000, 3), photos(1000, 2, "0.1"), photos(1000, 1, nullptr, "0.9"),
                                 photos(1000, 2, nullptr, "0.9")}) {
        std::vector<std::string> totals;
        Json s = scenario;
        const int jobs = s["items"][0].value("jobs", 1);
        for (int n = 0; n <= 12000; ++n) {
            s["items"][0]["objects"] = n;
            const Json r = test::estimate(s);
            totals.push_back(n > 0 && n < jobs ? "" : r.at("total").get<std::string>());
        }
        for (const char* amount : {"60", "130", "145", "150", "400", "420.30", "433", "900"}) {
            INFO("jobs " << jobs << ", budget " << amount);
            const labelcost::Money limit{static_cast<std::int64_t>(std::stod(amount) * 1e6 + 0.5)};
            int best = -1;
            for (int n = 0; n <= 12000; ++n) {
                if (totals[n].empty()) continue;
                const auto micros = static_cast<std::int64_t>(std::stod(totals[n]) * 1e6 + 0.5);
                if (micros <= limit.micros) best = n;
            }
            REQUIRE(best >= 0);
            REQUIRE(best < 12000);  // the answer lies inside the priced range
            const Json a = budget(scenario, amount);
            CHECK(a.at("objects") == best);
            CHECK(a.at("total") == totals[static_cast<std::size_t>(best)]);
        }
    }
}
