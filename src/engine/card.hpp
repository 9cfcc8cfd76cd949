// Rate cards: every price the engine uses comes from one of these, read from
// JSON (rates/*.json) and validated field by field.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "numeric.hpp"
#include "reader.hpp"

namespace labelcost {

// Limits on what a card may say (and, where shared, on what a scenario may say).
namespace limits {
constexpr std::int64_t kMaxPrice = 10'000 * kMicro;       // $ per object / worker task
constexpr std::int64_t kMaxMultiplier = 1'000 * kNano;    // x Mechanical Turk
constexpr std::int64_t kMaxCompute = 1'000'000 * kMicro;  // $ per 10,000 objects, $ per job
constexpr std::int64_t kMaxObjects = 10'000'000'000;      // 1e10 objects in one item
constexpr std::int64_t kMaxTierUpTo = 1'000'000'000'000;  // objects or GB
constexpr std::int64_t kMaxWorkers = 100;
constexpr std::int64_t kMaxSecondsPerObject = 86'400 * kNano;  // one worker, one object
constexpr std::int64_t kMaxMonth = 120;                        // a calendar month, counted from 1 (10 years)
}  // namespace limits

// A range of a value, in its unit (Dec or Money): min <= typical <= max.
template <class T>
struct Range {
    T min;
    T typical;
    T max;
};

// A graduated tier: the price applies to the quantity between the previous
// tier's bound and `up_to` (a whole number of objects or GB); the last tier has
// no bound.
struct Tier {
    std::optional<std::int64_t> up_to;
    Money price;
};

struct ShareTier {
    std::optional<std::int64_t> below;  // applies to jobs with fewer objects than this
    Dec share;                          // fraction of the job labeled by people
};

enum class PriceBasis {
    Object,      // price is per object and includes `priced_at` workers
    WorkerTask,  // price is per worker per object
};

// How long one worker takes over one object, in nano-seconds, and the card's
// assumption that says where the figures come from.
struct EffortRates {
    Range<Dec> seconds;
    std::string assumption;
};

struct TaskRates {
    std::string id;
    std::string title;
    std::string modality;
    std::string unit;
    std::string note;
    std::string assumption;
    Money price;                      // default price on the card's basis
    std::vector<Money> mturk_prices;  // allowed Mechanical Turk prices; empty = any
    std::string mturk_price_list;     // name of that list on the card
    bool active_learning = false;
    int default_workers = 0;
    std::vector<std::string> unavailable;  // workforce ids this task cannot use
    std::optional<EffortRates> effort;     // unset: the card does not say

    bool available_to(std::string_view workforce) const;
};

struct WorkforceRates {
    std::string id;
    std::string title;
    std::string assumption;
    Range<Dec> multiplier;
    bool labor = false;
    bool staffed = true;  // false: you do not choose its people (a public crowd), so no schedule
};

struct ActiveLearningRates {
    Range<Dec> auto_fraction;
    Range<Money> compute_per_10k;
    Money compute_minimum;  // per job
    std::int64_t min_dataset = 0;
    std::int64_t min_human_objects = 0;
    std::vector<ShareTier> validation_share;

    // The share of a job of `objects` objects that people must label (nano).
    std::int64_t share_for(std::int64_t objects) const;
};

// The fee's free objects: the first `objects` of each of the first `months`
// calendar months (a scenario asks for it with "free_tier": true).
struct FreeTier {
    std::int64_t objects = 0;
    std::int64_t months = 0;
};

struct RateCard {
    std::string id;
    std::vector<std::string> aliases;
    std::string title;
    std::string currency;
    std::string effective;
    bool is_default = false;
    PriceBasis basis = PriceBasis::Object;
    int workers_min = 1;
    int workers_default = 3;
    int workers_max = 9;
    int priced_at = 1;
    std::vector<TaskRates> tasks;
    std::vector<WorkforceRates> workforces;
    ActiveLearningRates active_learning;
    // Per object, on every object; empty: no fee. The tiers run over every
    // fee-paying object of a scenario in the same month, in item order.
    std::vector<Tier> fee;
    std::optional<FreeTier> free_tier;
    std::vector<Tier> storage;  // per GB-month
    std::string text;           // the card as read, written back as JSON (json_text), for listing

    const TaskRates* task(std::string_view id) const;
    const WorkforceRates* workforce(std::string_view id) const;
    int workers_for(const TaskRates& task) const {
        return task.default_workers > 0 ? task.default_workers : workers_default;
    }
};

// Validates and loads a card. On any problem returns nullopt and appends
// errors (code "invalid_card" or a reader code) with JSON paths into the card.
std::optional<RateCard> load_card(const Json& card, Issues& errors);

}  // namespace labelcost
