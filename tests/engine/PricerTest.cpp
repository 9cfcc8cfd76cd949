// The pricer on typed scenarios, without JSON text: the article's and AWS's
// figures worked by hand, the totals of a sweep against a full estimate, and
// what each variant picks from the card's ranges.
#include <string>

#include "catch.hpp"
#include "engine/bundled.hpp"
#include "engine/estimate.hpp"
#include "engine/pricer.hpp"

using labelcost::Item;
using labelcost::ItemKind;
using labelcost::Money;
using labelcost::Scenario;

namespace {

const labelcost::RateCard& card(const char* id) {
    const auto* c = labelcost::bundled_catalog().card(id);
    REQUIRE(c);
    return *c;
}

Item labeling(const labelcost::RateCard& c, const char* task, std::int64_t objects, const char* workforce,
              std::size_t index = 0) {
    Item item;
    item.kind = ItemKind::Labeling;
    item.index = index;
    item.task = c.task(task);
    item.workforce = c.workforce(workforce);
    REQUIRE(item.task);
    REQUIRE(item.workforce);
    item.objects = objects;
    return item;
}

Scenario on(const labelcost::RateCard& c, std::vector<Item> items) {
    Scenario s;
    s.card = &c;
    s.items = std::move(items);
    return s;
}

Money dollars(std::int64_t cents) {
    return Money{cents * 10'000};
}

}  // namespace

TEST_CASE("Pricer: 20,000 boxes on the article card, $0.036 each for three workers", "[pricer][article]") {
    // 20,000 x $0.036 = $720.00; no range on Mechanical Turk (x1 to x1).
    const auto& c = card("wring-2026-03");
    const auto e = labelcost::estimate(on(c, {labeling(c, "image/bounding-box", 20000, "mturk")}));
    REQUIRE(e);
    CHECK(e.errors().empty());
    CHECK(e->total == dollars(72000));
    CHECK(e->low == dollars(72000));
    CHECK(e->high == dollars(72000));
    REQUIRE(e->items.size() == 1);
    CHECK(e->items[0].human == 20000);
    CHECK(e->items[0].workers == 3);
}

TEST_CASE("Pricer: a vendor's range is the card's multiples, x2 to x5 around x3", "[pricer][article]") {
    // 1,000 boxes: $36.00 x 3 = $108.00; low x2 = $72.00; high x5 = $180.00.
    const auto& c = card("wring-2026-03");
    const auto e = labelcost::estimate(on(c, {labeling(c, "image/bounding-box", 1000, "vendor")}));
    REQUIRE(e);
    CHECK(e->total == dollars(10800));
    CHECK(e->low == dollars(7200));
    CHECK(e->high == dollars(18000));
    // The variants on their own, as tables and comparisons price them.
    const Scenario s = on(c, {labeling(c, "image/bounding-box", 1000, "vendor")});
    CHECK(*labelcost::total_only(s, {labelcost::Variant::Low, true}) == dollars(7200));
    CHECK(*labelcost::total_only(s, {labelcost::Variant::High, true}) == dollars(18000));
}

TEST_CASE("Pricer: the AWS card's fee and worker price, and active learning's validation share", "[pricer][aws]") {
    // Image classification, 3 workers at $0.012 and the $0.08 fee:
    // 1,249 objects without active learning = 1,249 x $0.116 = $144.884.
    const auto& c = card("aws-documented-2026-12");
    Item item = labeling(c, "image/classification", 1249, "mturk");
    item.workers = 3;
    item.active_learning = labelcost::ActiveLearning{};
    const auto small = labelcost::estimate(on(c, {item}));
    REQUIRE(small);
    CHECK(small->total == Money{144'884'000});
    CHECK(small->items[0].automated == 0);
    // 1,250 objects: active learning starts; 875 auto-labeled (70%), 375 by
    // people x $0.036 = $13.50, the fee $100.00 and the $4.00 compute
    // minimum: $117.50.
    item.objects = 1250;
    const auto large = labelcost::estimate(on(c, {item}));
    REQUIRE(large);
    CHECK(large->total == dollars(11750));
    CHECK(large->items[0].automated == 875);
    CHECK(large->items[0].human == 375);
}

TEST_CASE("Pricer: a sweep's totals are the full estimate's, to the micro-dollar", "[pricer][tables]") {
    const auto& c = card("aws-documented-2026-12");
    Item item = labeling(c, "image/classification", 1000, "mturk");
    item.workers = 3;
    item.active_learning = labelcost::ActiveLearning{};
    Scenario s = on(c, {item});
    Item fixed;
    fixed.kind = ItemKind::Fixed;
    fixed.index = 1;
    fixed.amount = dollars(1000);
    s.items.push_back(fixed);
    const labelcost::ItemSweep sweep(s, 0, labelcost::PriceOptions{});
    for (std::int64_t n : {0, 1, 999, 1249, 1250, 4999, 5000, 123456}) {
        s.items[0].objects = n;
        const auto full = labelcost::total_only(s, labelcost::PriceOptions{});
        INFO(n << " objects");
        REQUIRE(full);
        CHECK(sweep.total() == *full);
    }
}

TEST_CASE("Pricer: a cost too large to state is a failed result naming the item", "[pricer][limits]") {
    // 1e12 objects x $0.036 x 3 workers x a x10,000 multiplier is $1.08e15,
    // over the largest amount of micro-dollars in 64 bits (about $9.2e12).
    const auto& c = card("wring-2026-03");
    Item item = labeling(c, "image/bounding-box", 1'000'000'000'000, "vendor", 1);
    item.multiplier = labelcost::Dec::units(10'000);
    Item fixed;
    fixed.kind = ItemKind::Fixed;
    fixed.index = 0;
    fixed.amount = dollars(100);
    const auto e = labelcost::estimate(on(c, {fixed, item}));
    REQUIRE_FALSE(e);
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].code == labelcost::Code::amount_too_large);
    CHECK(e.errors()[0].path == "items[1]");
    const auto t = labelcost::total_only(on(c, {fixed, item}), labelcost::PriceOptions{});
    REQUIRE_FALSE(t);
    CHECK(t.errors()[0].code == labelcost::Code::amount_too_large);
}

TEST_CASE("Pricer: one item, with its parts and notes or as a total only, costs the same", "[pricer][aws]") {
    // The AWS card's 1,250 images with active learning: $117.50 (above).
    const auto& c = card("aws-documented-2026-12");
    Item item = labeling(c, "image/classification", 1250, "mturk");
    item.workers = 3;
    item.active_learning = labelcost::ActiveLearning{};
    const Scenario s = on(c, {item});
    labelcost::ItemResult detail;
    labelcost::Issues warnings;
    labelcost::Pricer described(s, labelcost::PriceOptions{});
    CHECK(described.price(item, Money{}, labelcost::Detail(detail, warnings)) == dollars(11750));
    labelcost::Pricer bare(s, labelcost::PriceOptions{});
    CHECK(bare.price(item, Money{}, labelcost::Detail::none()) == dollars(11750));
    // The parts: the fee ($100.00), people's 375 x 3 x $0.012 ($13.50), the
    // compute minimum ($4.00); they add up to the cost.
    std::int64_t sum = 0;
    for (const auto& part : detail.parts) sum += part.cost.micros;
    CHECK(sum == dollars(11750).micros);
    CHECK(detail.parts.size() == 3);
    CHECK_FALSE(detail.notes.empty());
    CHECK(warnings.empty());
    // At a fraction of 0 nothing is auto-labeled: people label all 1,250 at
    // $0.036 and the fee, $0.116 each, $145.00, and no compute is charged.
    labelcost::Pricer at_zero(s, labelcost::PriceOptions{}, labelcost::Dec{0});
    CHECK(at_zero.price(item, Money{}, labelcost::Detail::none()) == dollars(14500));
}
