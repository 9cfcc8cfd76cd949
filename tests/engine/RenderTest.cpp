#include "catch.hpp"
#include "helpers.hpp"

#include "engine/render.hpp"

using labelcost::TextFormat;
using test::Json;

TEST_CASE("Render: CSV quotes what needs quoting and defuses formulas") {
    Json s = test::scenario({{"kind", "fixed"}, {"name", "=HYPERLINK(\"x\"), \"quoted\""}, {"amount", 5}});
    const std::string csv = labelcost::render_estimate(test::estimate(s), TextFormat::Csv);
    CHECK(csv.rfind("item,name,kind,part,quantity,unit,unit_price,cost,low,high\r\n", 0) == 0);
    CHECK(csv.find("1,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",fixed,,,,,5.00,5.00,5.00\r\n") != std::string::npos);
    CHECK(csv.find(",Total,total,,,,,5.00,5.00,5.00\r\n") != std::string::npos);
}

TEST_CASE("Render: Markdown escapes table syntax and markup in names") {
    Json s = test::scenario({{"kind", "fixed"}, {"name", "a | b <script>"}, {"amount", 1234.5}});
    const std::string md = labelcost::render_estimate(test::estimate(s), TextFormat::Markdown);
    CHECK(md.find("| 1 | a \\| b &lt;script> |") != std::string::npos);
    CHECK(md.find("$1,234.50") != std::string::npos);
}

TEST_CASE("Render: the text table says when private labor is excluded") {
    const auto* p = labelcost::bundled_catalog().preset("nlp-team");
    const std::string table = labelcost::render_estimate(test::estimate(p->scenario), TextFormat::Table);
    CHECK(table.find("Total (excl. private labor)") != std::string::npos);
    CHECK(table.find("$650.00") != std::string::npos);
}

TEST_CASE("Render: the savings table reads like the article's") {
    const Json t = Json::parse(labelcost::api::savings_table(labelcost::bundled_catalog(),
                                                             R"({"task": "image/classification", "sizes": [10000]})"));
    const std::string text = labelcost::render_savings_table(t, TextFormat::Table);
    CHECK(text.find("$36.00 + $4.00 compute = $40.00") != std::string::npos);
    CHECK(text.find("66.7%") != std::string::npos);
}
