// Random valid scenarios (a fixed seed, so a failure repeats), up to the
// largest values each field accepts: every estimate adds up exactly, stays
// within its range and is never negative, or it is refused with
// amount_too_large; never any other error, never a wrapped number.
#include <random>

#include "catch.hpp"
#include "helpers.hpp"

#include "../../fuzz/check.hpp"

using test::Json;

namespace {

class Generator {
public:
    explicit Generator(std::uint64_t seed) : rng_(seed) {}

    Json scenario() {
        const auto& cards = labelcost::bundled_catalog().cards();
        const auto& card = cards[pick(cards.size())];
        Json items = Json::array();
        const int n = 1 + static_cast<int>(pick(8));
        for (int i = 0; i < n; ++i) items.push_back(item(card));
        return {{"labelcost", 1}, {"rates", card.id}, {"items", std::move(items)}};
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    bool coin(int percent = 50) { return pick(100) < static_cast<std::size_t>(percent); }

    // A count: small, typical or near the limit.
    long long count(long long max) {
        switch (pick(4)) {
            case 0: return std::min<long long>(max, static_cast<long long>(pick(3)));
            case 1: return std::min<long long>(max, static_cast<long long>(pick(20'000)));
            case 2: return std::uniform_int_distribution<long long>(0, max)(rng_);
            default: return max - static_cast<long long>(pick(3));
        }
    }
    // A decimal string with up to `places` decimals in [0, max].
    std::string decimal(long long max, int places) {
        const long long whole = coin(30) ? max : std::uniform_int_distribution<long long>(0, max)(rng_);
        std::string s = std::to_string(whole);
        if (whole < max && places > 0 && coin()) {
            s += ".";
            for (int i = 0; i < 1 + static_cast<int>(pick(static_cast<std::size_t>(places))); ++i)
                s += static_cast<char>('0' + pick(10));
        }
        return s;
    }
    std::string fraction() {
        if (coin(20)) return coin() ? "0" : "1";
        return "0." + std::to_string(pick(1'000'000'000));
    }

    Json item(const labelcost::RateCard& card) {
        switch (pick(7)) {
            case 0: return {{"kind", "rework"}, {"fraction", fraction()}};
            case 4: return {{"kind", "discount"}, {"fraction", fraction()}, {"of", coin() ? "all" : "labeling"}};
            case 5: return {{"kind", "credit"}, {"amount", decimal(1'000'000'000, 6)}};
            case 1: return {{"kind", "storage"}, {"gb", decimal(1'000'000'000, 9)}, {"months", count(1'200)}};
            case 2: return {{"kind", "fixed"}, {"amount", decimal(1'000'000'000, 6)}};
            case 3: {
                Json j = {{"kind", "auto-labeling"}, {"objects", count(10'000'000'000)}};
                if (coin()) j["compute_per_10k"] = decimal(1'000'000, 6);
                else if (coin()) j["compute"] = decimal(1'000'000'000, 6);
                return j;
            }
            default: break;
        }
        const auto& task = card.tasks[pick(card.tasks.size())];
        std::vector<const labelcost::WorkforceRates*> usable;
        for (const auto& w : card.workforces)
            if (task.available_to(w.id)) usable.push_back(&w);
        const auto& wf = *usable[pick(usable.size())];
        const long long objects = count(10'000'000'000);
        Json j = {{"kind", "labeling"}, {"task", task.id}, {"objects", objects}, {"workforce", wf.id}};
        if (wf.multiplier.max.nano > 0 && coin(30)) j["multiplier"] = decimal(1'000, 9);
        if (coin(30)) j["workers"] = card.workers_min + static_cast<int>(pick(static_cast<std::size_t>(card.workers_max - card.workers_min + 1)));
        if (card.basis == labelcost::PriceBasis::WorkerTask && !wf.labor && coin(30)) {
            if (wf.id == "mturk" && !task.mturk_prices.empty())
                j["worker_price"] = labelcost::money_string(task.mturk_prices[pick(task.mturk_prices.size())]);
            else if (wf.id != "mturk")
                j["worker_price"] = decimal(10'000, 6);
        }
        if (task.active_learning && coin()) {
            Json al = Json::object();
            if (coin()) al["auto_fraction"] = fraction();
            if (coin()) al["compute_per_10k"] = decimal(1'000'000, 6);
            j["active_learning"] = al;
        }
        if (coin(30)) j["jobs"] = std::max<long long>(1, std::min<long long>(objects, 1 + static_cast<long long>(pick(1'000'000))));
        if (coin(20)) j["duplicates"] = fraction();
        if (!wf.labor && !j.contains("multiplier") && !j.contains("worker_price") && coin(20)) j["unit_price"] = decimal(10'000, 6);
        if (wf.labor && coin()) j["labor"] = {{"hourly", decimal(10'000, 6)}, {"seconds_per_object", decimal(86'400, 9)}};
        return j;
    }

    std::mt19937_64 rng_;
};

}  // namespace

TEST_CASE("Random: valid scenarios add up exactly or say amount_too_large", "[property][random]") {
    Generator gen(20261130);
    int priced = 0, too_large = 0;
    for (int i = 0; i < 3000; ++i) {
        const Json s = gen.scenario();
        INFO(s.dump());
        const std::string out = labelcost::api::estimate(labelcost::bundled_catalog(), s.dump());
        fuzzcheck::check_result(out);  // aborts, with the answer, if it does not add up
        const Json r = Json::parse(out);
        if (r["ok"] == true) {
            ++priced;
        } else {
            for (const Json& e : r["errors"]) CHECK(e["code"] == "amount_too_large");
            ++too_large;
        }
    }
    // Both outcomes are exercised.
    CHECK(priced > 1000);
    CHECK(too_large > 50);
}

TEST_CASE("Random: a sweep prices each cell as the whole scenario would, to the micro-dollar", "[property][random]") {
    // ItemSweep prices the other items once; total_only prices them all.
    // Item values are changed as a sweep changes them, up to the limits.
    Generator gen(7);
    std::mt19937_64 rng(11);
    const auto& catalog = labelcost::bundled_catalog();
    int cells = 0, too_large = 0;
    for (int n = 0; n < 500; ++n) {
        const Json json = gen.scenario();
        INFO(json.dump());
        auto s = labelcost::parse_scenario(json, catalog.lookup());
        REQUIRE(s);
        for (std::size_t index = 0; index < s->items.size(); ++index) {
            for (const bool active_learning : {true, false}) {
                const labelcost::PriceOptions options{labelcost::Variant::Typical, active_learning};
                labelcost::Item& item = s->items[index];
                const labelcost::Item original = item;
                const labelcost::ItemSweep sweep(*s, index, options);
                for (int k = 0; k < 4; ++k) {
                    const auto any = [&](std::int64_t max) { return std::uniform_int_distribution<std::int64_t>(0, max)(rng); };
                    item.objects = k == 0 ? labelcost::limits::kMaxObjects : any(k == 1 ? 100'000 : labelcost::limits::kMaxObjects);
                    item.fraction = labelcost::Dec{any(labelcost::kNano)};
                    item.gb = labelcost::Dec{any(labelcost::limits::kMaxGb)};
                    item.amount = labelcost::Money{any(labelcost::limits::kMaxAmount)};
                    if (item.active_learning) item.active_learning->auto_fraction = labelcost::Dec{any(labelcost::kNano)};
                    if (item.jobs > item.objects && item.objects > 0) item.jobs = item.objects;
                    const auto whole = labelcost::total_only(*s, options);
                    const auto swept = sweep.total();
                    REQUIRE(whole.ok() == swept.has_value());
                    if (whole) CHECK(whole->micros == swept->micros);
                    ++cells;
                    too_large += whole ? 0 : 1;
                }
                item = original;
            }
        }
    }
    CHECK(cells > 5000);
    CHECK(too_large > 100);
}

TEST_CASE("Random: discounts and credits never take a total below $0.00 nor above the total without them",
          "[own-prices][property][random]") {
    Generator gen(20261201);
    int reduced = 0;
    for (int i = 0; i < 2000; ++i) {
        const Json s = gen.scenario();
        Json without = s;
        without["items"] = Json::array();
        for (const Json& item : s["items"])
            if (item["kind"] != "discount" && item["kind"] != "credit") without["items"].push_back(item);
        if (without["items"].size() == s["items"].size()) continue;
        const Json r = test::estimate(s);
        const Json w = test::estimate(without);
        INFO(s.dump());
        if (r["ok"] != true || w["ok"] != true) continue;
        ++reduced;
        for (const char* key : {"total", "low", "high"}) {
            CHECK(labelcost::parse_decimal(r[key].get<std::string>())->negative == false);
            CHECK(fuzzcheck::micros(r[key], "") <= fuzzcheck::micros(w[key], ""));
        }
    }
    CHECK(reduced > 500);
}
