#include "catch.hpp"
#include "helpers.hpp"

#include "engine/render.hpp"

using labelcost::TextFormat;
using test::Json;

TEST_CASE("Render: CSV quotes what needs quoting and defuses formulas", "[render]") {
    Json s = test::scenario({{"kind", "fixed"}, {"name", "=HYPERLINK(\"x\"), \"quoted\""}, {"amount", 5}});
    const std::string csv = labelcost::render_estimate(test::estimate(s), TextFormat::Csv, "2026-12-01");
    CHECK(csv.rfind("item,name,kind,part,quantity,unit,unit_price,cost,low,high,", 0) == 0);
    CHECK(csv.find("1,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",fixed,,,,,5.00,5.00,5.00,,,,,,,,"
                   "wring-2026-03,2026-03-15,USD,2026-12-01,,,\r\n") != std::string::npos);
    CHECK(csv.find(",Total,total,,,,,5.00,5.00,5.00,") != std::string::npos);
}

TEST_CASE("Render: CSV rows say what each item was priced with, on which card and when", "[render]") {
    // 20,000 boxes x $0.036 = $720. 100,000 images at the card's typical 70%
    // auto-labeled: 30,000 x $0.012 = $360 + $3 per 10,000 = $30, $390 (low:
    // 70% and $2 = $380; high: 40% and $5 = 60,000 x $0.012 + $50 = $770).
    // 80,000 auto-labeled at $15 per 10,000 = $120.
    // Worker-hours at 3 workers: boxes 20,000 x 105 s = 1,750.00 h (16 s:
    // 266.67, 323 s: 5,383.33); images 30,000 x 3 s = 75.00 h (30,000 x 1 s =
    // 25.00; 60,000 x 10 s = 500.00); in all 1,825.00 (291.67 to 5,883.33).
    Json al = test::labeling("image/classification", 100'000);
    al["name"] = "With active learning";
    al["active_learning"] = Json::object();
    Json boxes = test::labeling("image/bounding-box", 20'000);
    boxes["name"] = "Boxes";
    const Json batch = {{"kind", "auto-labeling"}, {"name", "Batch"}, {"objects", 80'000}, {"compute_per_10k", 15}};
    const Json s = {{"labelcost", 1}, {"rates", "wring-2026-03"}, {"items", {boxes, al, batch}}};
    const std::string card = "wring-2026-03,2026-03-15,USD,2026-12-01";
    const std::string part = card + ",,,\r\n";
    CHECK(labelcost::render_estimate(test::estimate(s), TextFormat::Csv, "2026-12-01") ==
          "item,name,kind,part,quantity,unit,unit_price,cost,low,high,task,workforce,objects,workers,active_learning,"
          "auto_fraction,compute_per_10k,rate_card,card_effective,currency,estimate_date,worker_hours,"
          "worker_hours_low,worker_hours_high\r\n"
          "1,Boxes,labeling,,,,,720.00,720.00,720.00,image/bounding-box,mturk,20000,3,off,,," + card +
          ",1750.00,266.67,5383.33\r\n"
          "1,Boxes,labeling,Human labels,20000,object,0.036,720.00,,,,,,,,,," + part +
          "2,With active learning,labeling,,,,,390.00,380.00,770.00,image/classification,mturk,100000,3,on,0.7,3.00," +
          card + ",75.00,25.00,500.00\r\n" +
          "2,With active learning,labeling,Human labels,30000,image,0.012,360.00,,,,,,,,,," + part +
          "2,With active learning,labeling,Active-learning compute,100000,image,0.0003,30.00,,,,,,,,,," + part +
          "3,Batch,auto-labeling,,,,,120.00,120.00,120.00,,,80000,,,,15.00," + part +
          "3,Batch,auto-labeling,Compute,80000,object,0.0015,120.00,,,,,,,,,," + part +
          ",Total,total,,,,,1230.00,1220.00,1610.00,,,,,,,," + card + ",1825.00,291.67,5883.33\r\n");
}

TEST_CASE("Render: the effort and the schedule in words", "[render][effort]") {
    // 1,000 images x 1 worker x 36 s = 10 h; 2 annotators at 10 h a week =
    // 20 h a week: 0.5 weeks.
    Json item = test::labeling("image/classification", 1000, "private");
    item["workers"] = 1;
    item["seconds_per_object"] = 36;
    Json s = test::scenario(item, "aws-documented-2026-12");
    s["schedule"] = {{"annotators", 2}, {"hours_per_week", 10}};
    const std::string text = labelcost::render_estimate(test::estimate(s), TextFormat::Table);
    CHECK(text.find("Effort: 10.00 worker-hours (10.00 to 10.00).\n") != std::string::npos);
    CHECK(text.find("Schedule: 2 annotators at 10 hours a week finish in 0.5 weeks (0.5 to 0.5), one item after the "
                    "other.\nItem 1: weeks 0.0 to 0.5.\n") != std::string::npos);
    s["schedule"] = {{"weeks", 0.25}, {"hours_per_week", 10}};  // 10 h / 2.5 h = 4 annotators
    CHECK(labelcost::render_estimate(test::estimate(s), TextFormat::Table)
              .find("Schedule: 4 annotators at 10 hours a week to finish in 0.25 weeks (4 to 4)") != std::string::npos);
}

TEST_CASE("Render: Markdown escapes table syntax and markup in names", "[render]") {
    Json s = test::scenario({{"kind", "fixed"}, {"name", "a | b <script>"}, {"amount", 1234.5}});
    const std::string md = labelcost::render_estimate(test::estimate(s), TextFormat::Markdown);
    CHECK(md.find("| 1 | a \\| b &lt;script> |") != std::string::npos);
    CHECK(md.find("$1,234.50") != std::string::npos);
}

TEST_CASE("Render: the text table says when private labor is excluded", "[render]") {
    const auto* p = labelcost::bundled_catalog().preset("nlp-team");
    const std::string table = labelcost::render_estimate(test::estimate(p->scenario), TextFormat::Table);
    CHECK(table.find("Total (excl. private labor)") != std::string::npos);
    CHECK(table.find("$650.00") != std::string::npos);
}

TEST_CASE("Render: the savings table reads like the article's", "[render]") {
    const Json t = Json::parse(labelcost::api::savings_table(labelcost::bundled_catalog(),
                                                             R"({"task": "image/classification", "sizes": [10000]})"));
    const std::string text = labelcost::render_savings_table(t, TextFormat::Table);
    CHECK(text.find("$36.00 + $4.00 compute = $40.00") != std::string::npos);
    CHECK(text.find("66.7%") != std::string::npos);
}
