// Effort and schedule: worker-hours and weeks worked by hand in each test's
// comment (objects x workers x seconds / 3,600).
#include <string>

#include "catch.hpp"
#include "helpers.hpp"

using labelcost::Json;

namespace {

Json private_item(const std::string& task, long long objects, const char* seconds, int workers = 1) {
    Json item = test::labeling(task, objects, "private");
    item["workers"] = workers;
    item["seconds_per_object"] = seconds;
    return item;
}

Json with_schedule(Json scenario, Json schedule) {
    scenario["schedule"] = std::move(schedule);
    return scenario;
}

// Two items of yours (10 h and 50 h) and one on Mechanical Turk (29.17 h).
Json three_items() {
    Json boxes_mturk = test::labeling("image/bounding-box", 1000);
    boxes_mturk["workers"] = 1;
    return {{"labelcost", 1},
            {"rates", "aws-documented-2026-12"},
            {"items", Json::array({private_item("image/classification", 1000, "36"),
                                   private_item("image/bounding-box", 2000, "90"), boxes_mturk})}};
}

}  // namespace

TEST_CASE("Effort: the article card's boxes on Mechanical Turk, from the card's seconds", "[effort][article]") {
    // 10,000 boxes x 3 workers: typical 105 s an image, 3,150,000 s = 875 h;
    // low 16 s, 480,000 s = 133.33 h; high 323 s, 9,690,000 s = 2,691.67 h.
    const Json r = test::estimate(test::scenario(test::labeling("image/bounding-box", 10000)));
    REQUIRE(r.value("ok", false));
    const Json& e = r.at("items").at(0).at("effort");
    CHECK(e.at("worker_hours") == "875.00");
    CHECK(e.at("low") == "133.33");
    CHECK(e.at("high") == "2691.67");
    CHECK(e.at("seconds") == Json({{"min", "16"}, {"typical", "105"}, {"max", "323"}}));
    CHECK(e.at("source") == "card");
    CHECK(e.at("assumption") == "effort-bounding-box");
    CHECK(e.at("staffed") == false);
    // Mechanical Turk is not yours to staff: in the total, not in "staffed".
    CHECK(r.at("effort").at("worker_hours") == "875.00");
    CHECK(r.at("effort").at("staffed").at("worker_hours") == "0.00");
    CHECK(r.at("effort").at("unstaffed") == Json::array({0}));
    CHECK(r.at("schedule").is_null());
}

TEST_CASE("Effort: active learning's range moves the people-labeled objects", "[effort][article]") {
    // Image classification, a vendor, 10,000 objects, 3 workers, active
    // learning: 70% auto-labeled (the low cost) leaves 3,000 to people, 40%
    // (the high cost) 6,000. Typical 3,000 x 3 x 3 s = 27,000 s = 7.50 h; low
    // 3,000 x 3 x 1 s = 2.50 h; high 6,000 x 3 x 10 s = 50.00 h.
    Json item = test::labeling("image/classification", 10000, "vendor");
    item["active_learning"] = Json::object();
    Json s = with_schedule(test::scenario(item), {{"annotators", 3}, {"hours_per_week", 10}});
    const Json r = test::estimate(s);
    REQUIRE(r.value("ok", false));
    CHECK(r.at("items").at(0).at("human") == 3000);
    const Json& e = r.at("items").at(0).at("effort");
    CHECK(e.at("worker_hours") == "7.50");
    CHECK(e.at("low") == "2.50");
    CHECK(e.at("high") == "50.00");
    // 3 annotators x 10 h = 30 h a week: 7.5 / 30 = 0.25 -> 0.3 weeks (tenths,
    // rounded up); 2.5 / 30 -> 0.1; 50 / 30 = 1.67 -> 1.7.
    const Json& sc = r.at("schedule");
    CHECK(sc.at("given") == "annotators");
    CHECK(sc.at("annotators") == 3);
    CHECK(sc.at("weeks") == "0.3");
    CHECK(sc.at("low") == Json({{"annotators", 3}, {"weeks", "0.1"}}));
    CHECK(sc.at("high") == Json({{"annotators", 3}, {"weeks", "1.7"}}));
    CHECK(sc.at("hours_per_week") == "10");
}

TEST_CASE("Effort: stated seconds, and the labor's seconds count as stated", "[effort][aws]") {
    // 12,000 images x 3 workers x 4.5 s = 162,000 s = 45.00 h, no range.
    Json item = private_item("image/classification", 12000, "4.5", 3);
    const Json r = test::estimate(test::scenario(item, "aws-documented-2026-12"));
    REQUIRE(r.value("ok", false));
    const Json& e = r.at("items").at(0).at("effort");
    CHECK(e.at("worker_hours") == "45.00");
    CHECK(e.at("low") == "45.00");
    CHECK(e.at("high") == "45.00");
    CHECK(e.at("source") == "scenario");
    CHECK_FALSE(e.contains("assumption"));

    item.erase("seconds_per_object");
    item["labor"] = {{"hourly", 20}, {"seconds_per_object", 4.5}};
    const Json by_labor = test::estimate(test::scenario(item, "aws-documented-2026-12"));
    REQUIRE(by_labor.value("ok", false));
    CHECK(by_labor.at("items").at(0).at("effort").at("worker_hours") == "45.00");
    CHECK(by_labor.at("items").at(0).at("effort").at("source") == "scenario");
    // The same seconds in both places is no conflict; labor is $20 x 45 h.
    item["seconds_per_object"] = "4.50";
    const Json both = test::estimate(test::scenario(item, "aws-documented-2026-12"));
    REQUIRE(both.value("ok", false));
    CHECK(both.at("items").at(0).at("effort").at("worker_hours") == "45.00");
    bool labor_part = false;
    for (const Json& p : both.at("items").at(0).at("parts"))
        if (p.at("name") == "Private labor") labor_part = p.at("cost") == "900.00";
    CHECK(labor_part);
}

TEST_CASE("Effort: every task of both cards, from the card's typical seconds", "[effort][aws][article]") {
    // 100 objects x 1 worker x typical seconds / 3,600, to 0.01 h.
    const std::pair<const char*, const char*> tasks[] = {
        {"image/classification", "0.08"},                // 300 s
        {"image/multi-label-classification", "0.42"},    // 1,500 s
        {"image/bounding-box", "2.92"},                  // 10,500 s
        {"image/semantic-segmentation", "41.67"},        // 150,000 s
        {"image/instance-segmentation", "16.94"},        // 61,000 s
        {"image/polyline", "1.11"},                      // 4,000 s
        {"text/classification", "0.28"},                 // 1,000 s
        {"text/named-entity-recognition", "0.83"},       // 3,000 s
        {"text/multi-label-classification", "0.42"},     // 1,500 s
        {"video/object-detection", "0.83"},              // 3,000 s
        {"video/object-tracking", "0.28"},               // 1,000 s
        {"point-cloud/object-detection", "50.00"},       // 180,000 s
        {"point-cloud/semantic-segmentation", "50.00"},  // 180,000 s
    };
    for (const char* card : {"wring-2026-03", "aws-documented-2026-12"})
        for (const auto& [task, hours] : tasks) {
            Json item = test::labeling(task, 100, "vendor");
            item["workers"] = 1;
            const Json r = test::estimate(test::scenario(item, card));
            INFO(card << " " << task);
            REQUIRE(r.value("ok", false));
            CHECK(r.at("items").at(0).at("effort").at("worker_hours") == hours);
        }
}

TEST_CASE("Effort: a card without effort figures says so", "[effort]") {
    // The November card predates the effort figures.
    Json item = test::labeling("image/classification", 100, "vendor");
    const Json r = test::estimate(test::scenario(item, "aws-documented-2026-11"));
    REQUIRE(r.value("ok", false));
    CHECK(r.at("items").at(0).at("effort").is_null());
    CHECK(r.at("effort").at("unknown") == Json::array({0}));
    CHECK(r.at("effort").at("worker_hours") == "0.00");
    // Stated seconds still give hours: 100 x 3 workers x 2 s = 600 s.
    item["seconds_per_object"] = 2;
    const Json stated = test::estimate(test::scenario(item, "aws-documented-2026-11"));
    CHECK(stated.at("items").at(0).at("effort").at("worker_hours") == "0.17");
    CHECK(stated.at("effort").at("unknown") == Json::array());
}

TEST_CASE("Schedule: annotators give weeks, one item after the other or all at once", "[effort][schedule]") {
    // Yours: 1,000 x 36 s = 10 h, then 2,000 x 90 s = 50 h; Mechanical Turk:
    // 1,000 x 105 s = 29.17 h, in the total but not in the schedule.
    // 2 annotators x 10 h a week = 20 h a week: 0.0-0.5, then 0.5-3.0.
    const Json r = test::estimate(with_schedule(three_items(), {{"annotators", 2}, {"hours_per_week", 10}}));
    REQUIRE(r.value("ok", false));
    CHECK(r.at("effort").at("worker_hours") == "89.17");
    CHECK(r.at("effort").at("staffed").at("worker_hours") == "60.00");
    CHECK(r.at("effort").at("unstaffed") == Json::array({2}));
    const Json& sc = r.at("schedule");
    CHECK(sc.at("weeks") == "3.0");
    CHECK(sc.at("finish_week") == "3.0");
    CHECK(sc.at("parallel") == false);
    CHECK(sc.at("items") == Json::array({{{"index", 0}, {"start_week", "0.0"}, {"end_week", "0.5"}},
                                         {{"index", 1}, {"start_week", "0.5"}, {"end_week", "3.0"}}}));
    CHECK(sc.at("nothing_staffed") == false);

    const Json together =
        test::estimate(with_schedule(three_items(), {{"annotators", 2}, {"hours_per_week", 10}, {"parallel", true}}));
    REQUIRE(together.value("ok", false));
    CHECK(together.at("schedule").at("weeks") == "3.0");
    CHECK(together.at("schedule").at("items") ==
          Json::array({{{"index", 0}, {"start_week", "0.0"}, {"end_week", "3.0"}},
                       {{"index", 1}, {"start_week", "0.0"}, {"end_week", "3.0"}}}));
}

TEST_CASE("Schedule: weeks give annotators, rounded up", "[effort][schedule]") {
    // 60 h in 2 weeks at 10 h: exactly 3; in 2.5 weeks: 2.4 -> 3; at the
    // default 40 h a week in 1 week: 1.5 -> 2.
    const Json three = test::estimate(with_schedule(three_items(), {{"weeks", 2}, {"hours_per_week", 10}}));
    REQUIRE(three.value("ok", false));
    CHECK(three.at("schedule").at("given") == "weeks");
    CHECK(three.at("schedule").at("annotators") == 3);
    CHECK(three.at("schedule").at("weeks") == "2");
    CHECK(three.at("schedule").at("finish_week") == "2.0");
    const Json more = test::estimate(with_schedule(three_items(), {{"weeks", 2.5}, {"hours_per_week", 10}}));
    CHECK(more.at("schedule").at("annotators") == 3);
    // 3 annotators do 30 h a week: 10 h ends at 0.4 (0.33 rounded up), 60 h at 2.0.
    CHECK(more.at("schedule").at("items").at(0).at("end_week") == "0.4");
    CHECK(more.at("schedule").at("finish_week") == "2.0");
    const Json fulltime = test::estimate(with_schedule(three_items(), {{"weeks", 1}}));
    CHECK(fulltime.at("schedule").at("hours_per_week") == "40");
    CHECK(fulltime.at("schedule").at("annotators") == 2);
}

TEST_CASE("Schedule: each object's workers are different people", "[effort][schedule]") {
    // 100 boxes x 5 workers x 36 s = 5 h: one annotator could do it in a week,
    // but each box needs 5 different workers.
    Json s = test::scenario(private_item("image/bounding-box", 100, "36", 5), "aws-documented-2026-12");
    const Json needed = test::estimate(with_schedule(s, {{"weeks", 10}}));
    REQUIRE(needed.value("ok", false));
    CHECK(needed.at("schedule").at("annotators") == 5);
    // Given 2 annotators, the weeks are said (5 h / 80 h = 0.0625 -> 0.1) with a warning.
    const Json few = test::estimate(with_schedule(s, {{"annotators", 2}}));
    REQUIRE(few.value("ok", false));
    CHECK(few.at("schedule").at("weeks") == "0.1");
    CHECK(test::has_warning(few, "too_few_annotators", "schedule.annotators"));
    const Json enough = test::estimate(with_schedule(s, {{"annotators", 5}}));
    CHECK_FALSE(test::has_warning(enough, "too_few_annotators", "schedule.annotators"));
}

TEST_CASE("Schedule: nothing of yours to staff", "[effort][schedule]") {
    // Mechanical Turk only: its hours are said, its schedule is not.
    const Json r =
        test::estimate(with_schedule(test::scenario(test::labeling("image/bounding-box", 1000)), {{"annotators", 4}}));
    REQUIRE(r.value("ok", false));
    CHECK(r.at("schedule").at("nothing_staffed") == true);
    CHECK(r.at("schedule").at("weeks").is_null());
    CHECK(r.at("schedule").at("finish_week").is_null());
    CHECK(r.at("schedule").at("items") == Json::array());
    const Json by_weeks =
        test::estimate(with_schedule(test::scenario(test::labeling("image/bounding-box", 1000)), {{"weeks", 4}}));
    CHECK(by_weeks.at("schedule").at("annotators").is_null());
    CHECK(by_weeks.at("schedule").at("high").at("annotators").is_null());
    CHECK(r.at("effort").at("worker_hours") == "87.50");  // 1,000 x 3 x 105 s
}
