#include "catch.hpp"
#include "helpers.hpp"

#include "engine/card.hpp"
#include "engine/catalog.hpp"

using labelcost::Issues;
using test::Json;

namespace {

Json bundled_card_json(const std::string& id) {
    const auto* card = labelcost::bundled_catalog().card(id);
    REQUIRE(card);
    return Json::parse(card->text);
}

Issues load(const Json& card) {
    Issues errors;
    labelcost::load_card(card, errors);
    return errors;
}

bool has(const Issues& errors, const std::string& code, const std::string& path) {
    for (const auto& e : errors)
        if (labelcost::code_name(e.code) == code && e.path == path) return true;
    return false;
}

}  // namespace

TEST_CASE("Cards: the bundled cards and presets load without a problem", "[cards]") {
    CHECK(labelcost::bundled_load_errors().empty());
    for (const auto& e : labelcost::bundled_load_errors()) FAIL(e.path << ": " << e.message);
    const auto& catalog = labelcost::bundled_catalog();
    REQUIRE(catalog.cards().size() == 3);
    CHECK(catalog.default_card()->id == "wring-2026-03");
    // The alias moves to the newest AWS card; ids are never reused, so a
    // scenario on aws-documented-2026-11 keeps its numbers.
    CHECK(catalog.card("aws-documented")->id == "aws-documented-2026-12");
    CHECK(catalog.card("aws")->id == "aws-documented-2026-12");
    CHECK(catalog.card("aws-documented-2026-11")->id == "aws-documented-2026-11");
    CHECK(catalog.card("")->id == "wring-2026-03");
    CHECK(catalog.card("nope") == nullptr);
}

TEST_CASE("Cards: both cards price the thirteen task types of scenario format v1", "[cards]") {
    const char* tasks[] = {"image/classification", "image/multi-label-classification", "image/bounding-box",
                           "image/semantic-segmentation", "image/instance-segmentation", "image/polyline",
                           "text/classification", "text/named-entity-recognition",
                           "text/multi-label-classification", "video/object-detection", "video/object-tracking",
                           "point-cloud/object-detection", "point-cloud/semantic-segmentation"};
    for (const auto& card : labelcost::bundled_catalog().cards()) {
        CHECK(card.tasks.size() == std::size(tasks));
        for (const char* t : tasks) {
            INFO(card.id << " " << t);
            CHECK(card.task(t) != nullptr);
        }
        for (const char* w : {"mturk", "private", "vendor", "vendor-specialized", "gt-plus"}) CHECK(card.workforce(w));
    }
}

TEST_CASE("Cards: every card carries its sources and flags its assumptions", "[cards]") {
    for (const auto& card : labelcost::bundled_catalog().cards()) {
        INFO(card.id);
        const Json info = Json::parse(card.text);
        CHECK_FALSE(info["sources"].empty());
        CHECK_FALSE(info["assumptions"].empty());
        bool any_unconfirmed = false;
        for (const Json& a : info["assumptions"]) {
            CHECK(a["confirmed"].is_boolean());
            any_unconfirmed = any_unconfirmed || a["confirmed"] == false;
        }
        CHECK(any_unconfirmed);
        CHECK(card.currency == "USD");
        CHECK(card.effective.size() == 10);
    }
}

TEST_CASE("Cards: every preset estimates cleanly on its card", "[cards]") {
    for (const auto& p : labelcost::bundled_catalog().presets()) {
        INFO(p.name);
        const Json r = test::estimate(p.scenario);
        CHECK(r["ok"] == true);
        CHECK_FALSE(p.title.empty());
        CHECK_FALSE(p.description.empty());
    }
}

TEST_CASE("Cards: a broken card is refused with paths into the card", "[cards]") {
    Json card = bundled_card_json("wring-2026-03");
    REQUIRE(load(card).empty());

    Json no_price = card;
    no_price["tasks"]["image/polyline"].erase("price");
    CHECK(has(load(no_price), "missing_field", "tasks[\"image/polyline\"].price"));

    Json bad_range = card;
    bad_range["workforces"]["vendor"]["multiplier"] = {{"min", 5}, {"typical", 3}, {"max", 2}};
    CHECK(has(load(bad_range), "invalid_card", "workforces.vendor.multiplier"));

    Json tiers = card;
    tiers["storage"] = Json::array({{{"up_to", 100}, {"price", 0.02}}, {{"up_to", 50}, {"price", 0.01}}, {{"price", 0.005}}});
    CHECK(has(load(tiers), "invalid_card", "storage[1].up_to"));

    Json unbounded = card;
    unbounded["storage"] = Json::array({{{"up_to", 100}, {"price", 0.02}}});
    CHECK(has(load(unbounded), "invalid_card", "storage[0].up_to"));

    Json version = card;
    version["labelcost_rates"] = 2;
    CHECK(has(load(version), "unsupported_version", "labelcost_rates"));

    Json currency = card;
    currency["currency"] = "EUR";
    CHECK(has(load(currency), "invalid_card", "currency"));

    Json dangling = card;
    dangling["workforces"]["vendor"]["assumption"] = "no-such-assumption";
    CHECK(has(load(dangling), "invalid_card", "workforces.vendor.assumption"));

    Json extra = card;
    extra["tasks"]["image/polyline"]["prise"] = 1;
    CHECK(has(load(extra), "unknown_field", "tasks[\"image/polyline\"].prise"));

    Json date = card;
    date["effective"] = "15/03/2026";
    CHECK(has(load(date), "invalid_card", "effective"));

    Json url = card;
    url["sources"][0]["url"] = "javascript:alert(1)";
    CHECK(has(load(url), "invalid_card", "sources[0].url"));

    CHECK(has(load(Json::array()), "wrong_type", ""));
}

TEST_CASE("Cards: a card may state graduated fee tiers", "[cards]") {
    // A card whose fee is $0.08 for the first 50,000 objects and $0.04 above:
    // 60,000 objects pay 50,000 x $0.08 + 10,000 x $0.04 = $4,400 in fees,
    // plus 3 x $0.012 x 60,000 = $2,160 to workers.
    Json card = bundled_card_json("aws-documented");
    card["id"] = "tiered-test";
    card.erase("aliases");
    card["fee"] = Json::array({{{"up_to", 50000}, {"price", 0.08}}, {{"price", 0.04}}});
    labelcost::Catalog catalog;
    REQUIRE(catalog.add_card(card.dump()).empty());
    const std::string scenario =
        R"({"labelcost": 1, "rates": "tiered-test", "items": [{"kind": "labeling", "task": "image/classification", "objects": 60000, "workforce": "mturk"}]})";
    const Json r = Json::parse(labelcost::api::estimate(catalog, scenario));
    CHECK(r["total"] == "6560.00");
    CHECK(r["items"][0]["parts"][0]["name"] == "Ground Truth fee (first 50,000 objects)");
    CHECK(r["items"][0]["parts"][1]["name"] == "Ground Truth fee (above 50,000 objects)");
}

TEST_CASE("Cards: ids and aliases may not clash", "[cards]") {
    labelcost::Catalog catalog;
    Json card = bundled_card_json("wring-2026-03");
    REQUIRE(catalog.add_card(card.dump()).empty());
    card["default"] = false;
    CHECK(has(catalog.add_card(card.dump()), "invalid_card", "id"));
}

TEST_CASE("Cards: a card saved with a byte-order mark is refused, and the listing stays JSON", "[cards]") {
    // A fuzz finding: such a card loaded, and rates() echoed its text, mark
    // and all, inside its own answer, which was then no longer JSON.
    const std::string text = bundled_card_json("wring-2026-03").dump(2);
    labelcost::Catalog catalog;
    const Issues errors = catalog.add_card("\xEF\xBB\xBF" + text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == labelcost::Code::bom);
    CHECK(catalog.cards().empty());
    CHECK(Json::parse(labelcost::api::rates(catalog))["cards"] == Json::array());
}

TEST_CASE("Cards: cards and presets are listed as the engine read them, never as their text", "[cards]") {
    // Spacing, an escape, a number written long and a repeated key: listed
    // as the values read (the repeated key in its first place, with its last
    // value), in compact JSON the engine wrote.
    Json card = bundled_card_json("aws-documented");
    card["id"] = "odd-text";
    card.erase("aliases");
    card["summary"] = "SUMMARY";
    card["fee"][0]["price"] = "FEE";
    std::string text = card.dump(4);
    text.replace(text.find("\"SUMMARY\""), 9, "\"A \\u0073ummary\\/\"");
    text.replace(text.find("\"FEE\""), 5, "8.000e-2");
    text.insert(1, "\n\t\"title\" :  \"First title\" ,\r\n");
    card["summary"] = "A summary/";
    card["fee"][0]["price"] = 0.08;
    labelcost::Catalog catalog;
    REQUIRE(catalog.add_card(text).empty());
    REQUIRE(catalog.add_preset("odd", "  {\"labelcost\" : 1,\n\"items\":[ ], \"name\": \"x\", \"name\": \"y\"}  ").empty());
    const Json listed = Json::parse(labelcost::api::rates(catalog))["cards"][0];
    CHECK(listed.begin().key() == "title");
    CHECK(listed["title"] == card["title"]);
    CHECK(nlohmann::json::parse(listed.dump()) == nlohmann::json::parse(card.dump()));
    CHECK(catalog.cards()[0].text == labelcost::json_text(listed));
    CHECK(catalog.cards()[0].text.find_first_of("\n\t") == std::string::npos);
    const Json presets = Json::parse(labelcost::api::presets(catalog));
    CHECK(presets["presets"][0]["scenario"] == Json::parse(R"({"labelcost": 1, "items": [], "name": "y"})"));
    CHECK(catalog.presets()[0].text == R"({"labelcost":1,"items":[],"name":"y"})");
}

TEST_CASE("Cards: the bundled listing holds each card's values exactly", "[cards]") {
    std::size_t count = 0;
    const labelcost::BundledFile* files = labelcost::bundled_files(count);
    const Json listing = Json::parse(labelcost::api::rates(labelcost::bundled_catalog()));
    std::size_t cards = 0;
    for (std::size_t f = 0; f < count; ++f) {
        const std::string path = files[f].path;
        if (path.find('/') != std::string::npos) continue;
        const Json file = Json::parse(files[f].text);
        bool found = false;
        for (const Json& listed : listing["cards"]) found = found || listed == file;
        CHECK(found);
        ++cards;
    }
    CHECK(listing["cards"].size() == cards);
}

TEST_CASE("Cards: effort figures name a task and an assumption of the card, and sources it has", "[cards][effort]") {
    Json card = bundled_card_json("wring-2026-03");
    CHECK(load(card).empty());
    card["effort"]["image/teleportation"] = {{"seconds", {{"min", 1}, {"typical", 2}, {"max", 3}}}};
    card["effort"]["image/polyline"]["assumption"] = "no-such-assumption";
    card["effort"]["image/bounding-box"]["seconds"]["min"] = 500;  // above its typical 105
    for (Json& a : card["assumptions"])
        if (a["id"] == "effort-bounding-box") a["also"] = Json::array({"coco", "no-such-source"});
    const Issues errors = load(card);
    CHECK(has(errors, "invalid_card", "effort[\"image/teleportation\"]"));
    CHECK(has(errors, "invalid_card", "effort[\"image/polyline\"].assumption"));
    CHECK(has(errors, "invalid_card", "effort[\"image/bounding-box\"].seconds"));
    bool also = false;
    for (const auto& e : errors) also = also || e.path.find("].also[1]") != std::string::npos;
    CHECK(also);
}
