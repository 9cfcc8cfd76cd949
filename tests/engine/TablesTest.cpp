#include "catch.hpp"
#include "helpers.hpp"

using test::Json;

namespace {

Json call(std::string (*f)(const labelcost::Catalog&, std::string_view), const Json& request) {
    return Json::parse(f(labelcost::bundled_catalog(), request.dump()));
}

Json row_for(const Json& result, const char* key, const std::string& value) {
    for (const Json& row : result["rows"])
        if ((row.contains(key) && row[key] == value) || (row.contains("rates") && row["rates"]["id"] == value))
            return row;
    FAIL("no row " << value);
    return Json();
}

}  // namespace

TEST_CASE("Tables: the savings table reproduces the article's active-learning rows", "[tables]") {
    const Json t = call(labelcost::api::savings_table, {{"task", "image/classification"}});
    REQUIRE(t["ok"] == true);
    REQUIRE(t["rows"].size() == 3);
    const char* without[] = {"120.00", "600.00", "1200.00"};
    const char* labels[] = {"36.00", "180.00", "360.00"};
    const char* compute[] = {"4.00", "15.00", "30.00"};
    const char* with[] = {"40.00", "195.00", "390.00"};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(t["rows"][i]["without"] == without[i]);
        CHECK(t["rows"][i]["labels"] == labels[i]);
        CHECK(t["rows"][i]["compute"] == compute[i]);
        CHECK(t["rows"][i]["with"] == with[i]);
    }
    const Json boxes = call(labelcost::api::savings_table, {{"task", "image/bounding-box"}, {"sizes", {100000}}});
    CHECK(boxes["rows"][0]["with"] == "1110.00");
    CHECK(boxes["rows"][0]["percent"] == "69.2");
}

TEST_CASE("Tables: savings-table errors point into the request", "[tables]") {
    CHECK(test::has_error(call(labelcost::api::savings_table, {{"task", "image/polyline"}}),
                          "active_learning_unsupported", "task"));
    CHECK(test::has_error(call(labelcost::api::savings_table, {{"task", "image/classification"}, {"sizes", {10, -5}}}),
                          "negative", "sizes[1]"));
    CHECK(test::has_error(call(labelcost::api::savings_table, {{"task", "image/classification"}, {"auto_fraction", 3}}),
                          "out_of_range", "auto_fraction"));
    CHECK(test::has_error(call(labelcost::api::savings_table, Json::object()), "missing_field", "task"));
    // 1e10 objects x 9 workers x $10,000 a worker task is $9e14, more than
    // 64 bits of micro-dollars hold (about $9.2e12): the size that cannot be
    // priced is named.
    const Json huge = call(labelcost::api::savings_table,
                           {{"rates", "aws-documented-2026-12"}, {"task", "image/classification"}, {"workforce", "vendor"},
                            {"worker_price", 10000}, {"workers", 9}, {"sizes", {10, 10'000'000'000}}});
    CHECK(test::has_error(huge, "amount_too_large", "sizes[1]"));
    // Each size is split into the request's jobs: 1,000 objects cannot make 5,000.
    CHECK(test::has_error(call(labelcost::api::savings_table,
                               {{"task", "image/classification"}, {"jobs", 5000}, {"sizes", {100000, 1000}}}),
                          "out_of_range", "jobs"));
}

TEST_CASE("Tables: a savings-table request is read once, every problem at its own field", "[tables]") {
    // All of them at once, whichever part of the request each is in.
    const Json many = call(labelcost::api::savings_table,
                           {{"task", "image/classification"}, {"multiplier", "x"}, {"sizes", {10, -5}}, {"zzz", 1}});
    CHECK(many["errors"].size() == 3);
    CHECK(test::has_error(many, "wrong_type", "multiplier"));
    CHECK(test::has_error(many, "negative", "sizes[1]"));
    CHECK(test::has_error(many, "unknown_field", "zzz"));
    // Without a card nothing else can be checked, but a missing task is said.
    const Json no_card = call(labelcost::api::savings_table, {{"rates", "bogus"}, {"multiplier", 1}});
    CHECK(no_card["errors"].size() == 2);
    CHECK(test::has_error(no_card, "unknown_rates", "rates"));
    CHECK(test::has_error(no_card, "missing_field", "task"));
    // Warnings too: reading's at the field, pricing's at the size. Mechanical
    // Turk's multiplier is x1 to x1; 500 objects is one job under the
    // article card's 1,000-object minimum for active learning.
    const Json w = call(labelcost::api::savings_table,
                        {{"task", "image/classification"}, {"multiplier", 1.2}, {"sizes", {500, 10000}}});
    REQUIRE(w["ok"] == true);
    CHECK(test::has_warning(w["rows"][0], "multiplier_outside_range", "multiplier"));
    CHECK(test::has_warning(w["rows"][0], "active_learning_below_minimum", "sizes[0]"));
    CHECK(w["rows"][1]["warnings"].size() == 1);
}

TEST_CASE("Tables: the same scenario under every workforce", "[tables]") {
    // Computer vision startup: the two labeling items ($720 + $180 on
    // Mechanical Turk) move; the $120 batch and $1.15 storage stay.
    const auto* p = labelcost::bundled_catalog().preset("computer-vision-startup");
    const Json r = call(labelcost::api::compare_workforces, {{"scenario", p->scenario}});
    REQUIRE(r["ok"] == true);
    CHECK(row_for(r, "workforce", "mturk")["total"] == "1021.15");
    CHECK(row_for(r, "workforce", "vendor")["total"] == "2821.15");              // 900 x 3 + 121.15
    CHECK(row_for(r, "workforce", "vendor")["low"] == "1921.15");                // 900 x 2 + 121.15
    CHECK(row_for(r, "workforce", "vendor")["high"] == "4621.15");               // 900 x 5 + 121.15
    CHECK(row_for(r, "workforce", "vendor-specialized")["total"] == "9121.15");  // 900 x 10 + 121.15
    CHECK(row_for(r, "workforce", "gt-plus")["total"] == "3721.15");             // 900 x 4 + 121.15
    const Json priv = row_for(r, "workforce", "private");
    CHECK(priv["total"] == "121.15");
    CHECK(priv["labor_excluded"] == true);
    // With pay stated: 25,000 boxes x 3 workers x 10 s = 208.33.. h at $30:
    // 25,000 x 3 x 10 x 30 / 3,600 = $6,250; + 121.15.
    const Json paid = call(labelcost::api::compare_workforces,
                           {{"scenario", p->scenario}, {"labor", {{"hourly", 30}, {"seconds_per_object", 10}}}});
    CHECK(row_for(paid, "workforce", "private")["total"] == "6371.15");
    CHECK(row_for(paid, "workforce", "private")["labor_excluded"] == false);
}

TEST_CASE("Tables: a workforce a task cannot use is a row with its error", "[tables]") {
    const Json scenario = test::scenario(test::labeling("video/object-detection", 1000, "vendor"), "aws-documented");
    const Json r = call(labelcost::api::compare_workforces, {{"scenario", scenario}});
    const Json mturk = row_for(r, "workforce", "mturk");
    CHECK(mturk["ok"] == false);
    CHECK(mturk["errors"][0]["code"] == "workforce_unavailable");
    CHECK(mturk["errors"][0]["path"] == "items[0].workforce");
    CHECK(row_for(r, "workforce", "vendor")["ok"] == true);
}

TEST_CASE("Tables: a price stated for one workforce stays with it", "[tables][own-prices]") {
    // 1,000 boxes on the article card: $0.036 each on Mechanical Turk,
    // $36.00; a vendor at x2 to x5 (typical x3) or as stated.
    Json boxes = test::labeling("image/bounding-box", 1000, "vendor");
    boxes["multiplier"] = 4;
    const Json stated = call(labelcost::api::compare_workforces, {{"scenario", test::scenario(boxes)}});
    REQUIRE(stated["ok"] == true);
    // The item's own workforce is the scenario as written: x4, $144.00, no range.
    const Json own = row_for(stated, "workforce", "vendor");
    CHECK(own["total"] == "144.00");
    CHECK(own["low"] == "144.00");
    CHECK(own["high"] == "144.00");
    CHECK(row_for(stated, "workforce", "mturk")["total"] == "36.00");
    CHECK(row_for(stated, "workforce", "gt-plus")["total"] == "144.00");  // the card's x4
    // As written, a multiple outside the range is used and said, in its row only.
    boxes["multiplier"] = 6;
    const Json outside = call(labelcost::api::compare_workforces, {{"scenario", test::scenario(boxes)}});
    CHECK(row_for(outside, "workforce", "vendor")["total"] == "216.00");
    CHECK(test::has_warning(row_for(outside, "workforce", "vendor"), "multiplier_outside_range", "items[0].multiplier"));
    CHECK(row_for(outside, "workforce", "mturk")["warnings"].empty());

    // A vendor's quote of $0.05 an object is the vendor's: $50.00 there, the
    // card's prices elsewhere, and no error for a workforce paid through labor.
    boxes.erase("multiplier");
    boxes["unit_price"] = 0.05;
    const Json quoted = call(labelcost::api::compare_workforces, {{"scenario", test::scenario(boxes)}});
    REQUIRE(quoted["ok"] == true);
    CHECK(row_for(quoted, "workforce", "vendor")["total"] == "50.00");
    CHECK(row_for(quoted, "workforce", "mturk")["total"] == "36.00");
    CHECK(row_for(quoted, "workforce", "vendor-specialized")["total"] == "360.00");  // x10
    const Json priv = row_for(quoted, "workforce", "private");
    CHECK(priv["ok"] == true);
    CHECK(priv["labor_excluded"] == true);
}

TEST_CASE("Tables: a workforce comparison's labor is read once, at its own path", "[tables]") {
    const auto* p = labelcost::bundled_catalog().preset("computer-vision-startup");
    const Json r = call(labelcost::api::compare_workforces, {{"scenario", p->scenario}, {"labor", {{"hourly", "x"}}}});
    CHECK(test::has_error(r, "wrong_type", "labor.hourly"));
    CHECK(test::has_error(r, "missing_field", "labor.seconds_per_object"));
    CHECK(test::has_error(call(labelcost::api::compare_workforces, {{"scenario", p->scenario}, {"labor", 5}}),
                          "wrong_type", "labor"));
}

TEST_CASE("Tables: the same scenario under every rate card", "[tables]") {
    // Computer vision startup on the AWS card: 25,000 human boxes at
    // $0.08 + 5 x $0.036 = $6,500; 80,000 auto-labeled at $0.08 = $6,400 plus
    // $120 compute; storage $1.15: $13,021.15.
    const auto* p = labelcost::bundled_catalog().preset("computer-vision-startup");
    const Json r = call(labelcost::api::compare_cards, {{"scenario", p->scenario}});
    REQUIRE(r["ok"] == true);
    CHECK(row_for(r, "rates", "wring-2026-03")["total"] == "1021.15");
    CHECK(row_for(r, "rates", "wring-2026-03")["current"] == true);
    CHECK(row_for(r, "rates", "aws-documented-2026-11")["total"] == "13021.15");
    CHECK(row_for(r, "rates", "aws-documented-2026-11")["current"] == false);
    // The autonomous-driving scenario runs video on a vendor: fine on both.
    // Video on Mechanical Turk fails on the AWS card, at the item.
    const Json video = test::scenario(test::labeling("video/object-detection", 1000));
    const Json v = call(labelcost::api::compare_cards, {{"scenario", video}});
    CHECK(row_for(v, "rates", "wring-2026-03")["total"] == "36.00");
    CHECK(row_for(v, "rates", "aws-documented-2026-11")["errors"][0]["path"] == "items[0].workforce");
}

TEST_CASE("Tables: a sweep of auto-labeled share by dataset size", "[tables]") {
    Json item = test::labeling("image/classification", 10'000);
    item["active_learning"] = Json::object();
    const Json request = {{"scenario", test::scenario(item)},
                          {"item", 0},
                          {"x", {{"field", "auto_fraction"}, {"from", 0}, {"to", 0.9}, {"steps", 10}}},
                          {"y", {{"field", "objects"}, {"values", {10000, 100000}}}},
                          {"without", true}};
    const Json r = call(labelcost::api::sweep, request);
    REQUIRE(r["ok"] == true);
    REQUIRE(r["x"]["values"].size() == 10);
    CHECK(r["x"]["values"][1] == "0.1");
    CHECK(r["x"]["values"][9] == "0.9");
    // 10,000 images: at 0% nothing is auto-labeled and no compute is due
    // ($120); at 10% 9,000 x $0.012 + $4 = $112; at 90% 1,000 x $0.012 + $4.
    CHECK(r["totals"][0][0] == "120.00");
    CHECK(r["totals"][0][1] == "112.00");
    CHECK(r["totals"][0][9] == "16.00");
    // 100,000 images: 90,000 x $0.012 + $30 = $1,110 at 10%; $150 at 90%.
    CHECK(r["totals"][1][1] == "1110.00");
    CHECK(r["totals"][1][9] == "150.00");
    CHECK(r["without"][0][5] == "120.00");
    CHECK(r["without"][1][5] == "1200.00");
}

TEST_CASE("Tables: the break-even auto-labeled share", "[tables]") {
    // 10,000 images: people's share must fall below $116 of labels, so at
    // least 334 auto-labeled: 9,666 x $0.012 + $4 = $119.992 < $120.
    Json item = test::labeling("image/classification", 10'000);
    item["active_learning"] = Json::object();
    const Json r = test::estimate(test::scenario(item));
    CHECK(r["items"][0]["savings"]["break_even"] == "0.0334");
}

TEST_CASE("Tables: sweep requests are checked like scenarios", "[tables]") {
    Json item = test::labeling("image/polyline", 10'000);
    const Json base = {{"scenario", test::scenario(item)}, {"item", 0}};
    Json bad_field = base;
    bad_field["x"] = {{"field", "auto_fraction"}, {"values", {0.5}}};
    CHECK(test::has_error(call(labelcost::api::sweep, bad_field), "not_applicable", "x.field"));
    // Every value is checked, not only the first: the article's card takes 1-9
    // workers, so 12 cannot be priced (and no cell may quietly use 3 instead).
    Json bad_value = base;
    bad_value["x"] = {{"field", "workers"}, {"values", {3, 12}}};
    CHECK(test::has_error(call(labelcost::api::sweep, bad_value), "not_applicable", "x.field"));
    Json too_many = base;
    too_many["x"] = {{"field", "objects"}, {"from", 0}, {"to", 1000}, {"steps", 1000}};
    too_many["y"] = {{"field", "workers"}, {"from", 1}, {"to", 9}, {"steps", 101}};
    CHECK(test::has_error(call(labelcost::api::sweep, too_many), "too_large", "x"));
    // A 100 x 100 grid is the most; so are 200,000 item prices (here 10,000
    // cells, with and without active learning, of an item feeding 9 rework
    // items: 10 prices a cell).
    Json grid = {{"scenario", test::scenario(test::labeling("image/classification", 10'000))}, {"item", 0},
                 {"x", {{"field", "objects"}, {"from", 0}, {"to", 1000}, {"steps", 100}}},
                 {"y", {{"field", "workers"}, {"from", 1}, {"to", 9}, {"steps", 100}}}, {"without", true}};
    for (int i = 0; i < 9; ++i) grid["scenario"]["items"].push_back({{"kind", "rework"}, {"fraction", 0.01 * (i + 1)}});
    CHECK(call(labelcost::api::sweep, grid)["ok"] == true);
    grid["y"]["steps"] = 101;
    CHECK(call(labelcost::api::sweep, grid)["errors"][0]["message"] == "a sweep takes at most 10,000 cells; this one has 10100");
    grid["y"]["steps"] = 100;
    grid["scenario"]["items"].push_back({{"kind", "rework"}, {"fraction", 0.5}});
    const Json too_dear = call(labelcost::api::sweep, grid);
    CHECK(test::has_error(too_dear, "too_large", "x"));
    CHECK(too_dear["errors"][0]["message"] ==
          "a sweep prices at most 200,000 items (cells x grids x the swept item and the rework items it feeds); this "
          "one would price 220,000");
    grid["without"] = false;
    CHECK(call(labelcost::api::sweep, grid)["ok"] == true);
    // A swept item that feeds no rework item prices only itself.
    grid["without"] = true;
    grid["scenario"]["items"][0] = {{"kind", "fixed"}, {"amount", 5}};
    grid["x"] = {{"field", "fraction"}, {"from", 0}, {"to", 1}, {"steps", 100}};
    grid["y"] = {{"field", "fraction"}, {"from", 0}, {"to", 1}, {"steps", 100}};
    grid["item"] = 10;
    CHECK(call(labelcost::api::sweep, grid)["ok"] == true);
    Json bad_scenario = base;
    bad_scenario["scenario"]["items"][0]["objects"] = -1;
    bad_scenario["x"] = {{"field", "objects"}, {"values", {1}}};
    CHECK(test::has_error(call(labelcost::api::sweep, bad_scenario), "negative", "scenario.items[0].objects"));
    Json out_of_range = base;
    out_of_range["x"] = {{"field", "objects"}, {"values", {1}}};
    out_of_range["item"] = 3;
    CHECK(test::has_error(call(labelcost::api::sweep, out_of_range), "out_of_range", "item"));
}
