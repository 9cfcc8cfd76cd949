// Effort and schedule: the worker-hours a scenario's labeling takes, and the
// weeks (or annotators) to do it. docs/pricing.md ("Effort and schedule")
// states the rules.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace labelcost {

struct ItemResult;

// Worker time in nano-seconds (objects x workers x seconds x 1e9), exact.
struct WorkTime {
    i128 typical = 0;
    i128 low = 0;
    i128 high = 0;
};

struct ItemEffort {
    bool known = false;      // a labeling item with seconds stated or on the card
    bool stated = false;     // the scenario states the seconds
    bool staffed = true;     // its workforce is one you staff
    Range<Dec> seconds;      // one worker, one object
    std::string assumption;  // the card's, when the seconds are the card's
    WorkTime time;
};

struct Effort {
    std::vector<ItemEffort> items;       // one per scenario item
    WorkTime total;                      // every item with known seconds
    WorkTime staffed;                    // of those, the ones you staff
    std::vector<std::size_t> unknown;    // labeling items without seconds
    std::vector<std::size_t> unstaffed;  // labeling items you do not staff (their hours are in total)
    int most_workers = 0;                // most workers per object among staffed items with work
    std::size_t most_workers_item = 0;
};

// One item's place in the schedule, in tenths of a week, rounded up.
struct ItemSpan {
    std::size_t index = 0;
    i128 start = 0;
    i128 end = 0;
};

struct ScheduleAnswer {
    Schedule asked;
    bool weeks_given = false;  // the answer is annotators; otherwise weeks
    // Weeks in tenths (rounded up) or annotators (rounded up), for the
    // typical effort and the range's ends.
    i128 typical = 0;
    i128 low = 0;
    i128 high = 0;
    i128 annotators = 0;  // the team the timeline uses
    std::vector<ItemSpan> items;
    bool nothing_staffed = false;  // no work with known seconds is yours to staff
};

// A work time as hours to two decimals, half up: "12.30".
std::string hours_string(i128 time_nano);
// A count of tenths with its one decimal: "3.0".
std::string tenths_string(i128 tenths);

Effort effort_of(const Scenario& scenario, const std::vector<ItemResult>& items);
ScheduleAnswer schedule_of(const Scenario& scenario, const std::vector<ItemResult>& items, const Effort& effort,
                           Issues& warnings);

}  // namespace labelcost
