// Scenario format v1: what a user asks labelcost to price. Parsed from JSON
// against one rate card; every problem is reported with its JSON path.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "card.hpp"
#include "reader.hpp"
#include "result.hpp"

namespace labelcost {

constexpr int kScenarioFormat = 1;

namespace limits {
constexpr std::size_t kMaxItems = 200;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::int64_t kMaxJobs = 1'000'000;
constexpr std::int64_t kMaxAmount = 1'000'000'000 * kMicro;  // a stated $ amount
constexpr std::int64_t kMaxHourly = 10'000 * kMicro;
constexpr std::int64_t kMaxGb = 1'000'000'000 * kNano;
constexpr std::int64_t kMaxMonths = 1'200;
constexpr std::int64_t kMaxAnnotators = 100'000;
constexpr std::int64_t kMaxHoursPerWeek = 168 * kNano;
constexpr std::int64_t kMaxWeeks = 1'040 * kNano;  // 20 years
}  // namespace limits

enum class ItemKind { Labeling, AutoLabeling, Rework, Storage, Fixed, Discount, Credit };
// Discounts and credits take an amount off the items they apply to.
inline bool is_reduction(ItemKind kind) {
    return kind == ItemKind::Discount || kind == ItemKind::Credit;
}

// What a discount is a share of.
enum class DiscountOf { All, Labeling };
const char* kind_name(ItemKind kind);

struct ActiveLearning {
    std::optional<Dec> auto_fraction;      // unset: the card's range
    std::optional<Money> compute_per_10k;  // unset: the card's range
};

struct Labor {
    Money hourly;
    Dec seconds;  // one worker's time on one object
};

struct Item {
    ItemKind kind = ItemKind::Fixed;
    std::size_t index = 0;
    std::string name;
    // labeling (task and workforce also on auto-labeling, for its savings)
    const TaskRates* task = nullptr;
    const WorkforceRates* workforce = nullptr;
    std::int64_t objects = 0;
    std::optional<Dec> multiplier;
    std::optional<int> workers;
    std::optional<Money> worker_price;
    std::optional<Money> unit_price;  // a quoted price per object, every worker included
    std::optional<ActiveLearning> active_learning;
    std::int64_t jobs = 1;
    std::int64_t month = 1;  // labeling, auto-labeling: the calendar month its fee is charged in
    Dec duplicates;
    std::optional<Labor> labor;
    // One worker's seconds on one object as seconds_per_object states it
    // (labor.seconds_per_object counts too: stated_seconds()).
    std::optional<Dec> seconds;
    // auto-labeling: no workforce was given, and Mechanical Turk stands in
    bool default_workforce = false;
    // auto-labeling
    std::optional<Money> compute;
    std::optional<Money> compute_per_10k;
    // rework, discount
    Dec fraction;
    DiscountOf of = DiscountOf::All;
    // storage
    Dec gb;
    std::int64_t months = 1;
    // fixed, credit
    Money amount;

    std::string path() const { return index_path("items", index); }
    // One worker's seconds on one object, as stated (seconds_per_object or
    // labor.seconds_per_object); unset: the card's effort.
    std::optional<Dec> stated_seconds() const {
        if (seconds) return seconds;
        if (labor) return labor->seconds;
        return std::nullopt;
    }
};

// "schedule": who works on the labeling, and for how long. Either the
// annotators are given (the answer is weeks) or the weeks are (the answer is
// annotators).
struct Schedule {
    std::optional<std::int64_t> annotators;
    std::optional<Dec> weeks;
    Dec hours_per_week = Dec::units(40);
    bool parallel = false;  // the items at the same time, not one after the other
};

struct Scenario {
    std::string name;
    bool free_tier = false;  // the card's free fee objects apply
    bool months = false;     // some item lies in a month other than the first
    const RateCard* card = nullptr;
    // A card the scenario carries itself ("rates" as a whole rate card):
    // `card` points to it, and copies of the scenario share it.
    std::shared_ptr<const RateCard> own_card;
    std::vector<Item> items;
    std::optional<Schedule> schedule;
};

// Finds a rate card by id or alias; an empty id asks for the default card.
using CardLookup = std::function<const RateCard*(std::string_view id)>;

// The error for a labeling item split into more jobs than it has objects
// (at `path`, its "jobs"), or none.
std::optional<Issue> split_problem(const Item& item, const std::string& path);

// Parses a scenario. `fixed_card`, when given, is used whatever the scenario's
// "rates" says (the CLI's --rates FILE). Fails with every problem found;
// warnings are things allowed but worth saying.
Result<Scenario> parse_scenario(const Json& json, const CardLookup& cards, const RateCard* fixed_card = nullptr);

// labor: {hourly, seconds_per_object}, both required, read from `r`.
std::optional<Labor> read_labor(Reader& r);

// The item on another workforce of its card, as if it had been written so (a
// labeling item, or an auto-labeling item whose workforce was given): a price
// stated for one workforce (a multiple, a quote, a worker price where labor is
// paid) does not carry over, and a labor workforce's pay is the item's own
// labor, else `labor`. An item already on `wf` keeps all of its own; only a
// missing labor is filled in. Appends what the card does not allow, at the
// item's paths, as reading the item so would; moved_warnings() gives the
// warnings it would.
void move_to_workforce(Item& item, const RateCard& card, const WorkforceRates& wf, const std::optional<Labor>& labor,
                       Issues& errors);

// What reading a scenario whose items were moved would warn of: a stated
// multiple outside its workforce's range (only items left on their own
// workforce keep one).
Issues moved_warnings(const Scenario& s);

// A savings table's scenario: one labeling item with active learning,
// `objects` 0, read from a request's own fields: "rates" (as a scenario's),
// task, workforce (Mechanical Turk unless given), workers, multiplier,
// worker_price, jobs, duplicates, and active learning's auto_fraction and
// compute_per_10k beside them. Every problem at its path in the request;
// nullopt when there is no card to read them against.
std::optional<Scenario> read_table_scenario(Reader& r, const CardLookup& cards, Issues& warnings);

}  // namespace labelcost
