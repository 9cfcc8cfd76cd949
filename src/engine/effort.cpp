#include "effort.hpp"

#include <algorithm>

#include "estimate.hpp"

namespace labelcost {
namespace {

constexpr i128 kSecondsPerHour = 3'600;

// Products stay far inside 128 bits: at most 1e10 objects x 100 workers x
// 86,400e9 nano-seconds an item (8.6e25), times 200 items, times 1e9.
i128 work(std::int64_t objects, int workers, Dec seconds) {
    return static_cast<i128>(objects) * workers * seconds.nano;
}

void add(WorkTime& sum, const WorkTime& t) {
    sum.typical += t.typical;
    sum.low += t.low;
    sum.high += t.high;
}

// Weeks in tenths, rounded up, for `time` with `annotators` at `hours_per_week`.
i128 weeks_tenths(i128 time, i128 annotators, std::int64_t hours_per_week_nano) {
    if (time == 0) return 0;
    return div_ceil(time * 10, kSecondsPerHour * annotators * hours_per_week_nano);
}

// Annotators, rounded up, to do `time` within `weeks` at `hours_per_week`;
// never fewer than the most workers one object needs.
i128 annotators_for(i128 time, std::int64_t weeks_nano, std::int64_t hours_per_week_nano, int most_workers) {
    if (time == 0) return 0;
    const i128 needed = div_ceil(time * kNano, kSecondsPerHour * weeks_nano * hours_per_week_nano);
    return std::max<i128>(needed, most_workers);
}

// Each staffed item's weeks, one after the other or all at once.
std::vector<ItemSpan> timeline(const Scenario& s, const Effort& effort, i128 annotators) {
    std::vector<ItemSpan> spans;
    if (annotators <= 0) return spans;
    const std::int64_t hpw = s.schedule->hours_per_week.nano;
    const i128 all = weeks_tenths(effort.staffed.typical, annotators, hpw);
    i128 done = 0;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const ItemEffort& ie = effort.items[i];
        if (!ie.known || !ie.staffed) continue;
        if (s.schedule->parallel) {
            spans.push_back({i, 0, all});
            continue;
        }
        const i128 start = weeks_tenths(done, annotators, hpw);
        done += ie.time.typical;
        spans.push_back({i, start, weeks_tenths(done, annotators, hpw)});
    }
    return spans;
}

}  // namespace

std::string hours_string(i128 time_nano) {
    const i128 hundredths = div_round_half_up(time_nano, kSecondsPerHour * kNano / 100);
    std::string s = scaled_string128(hundredths, 2);
    const auto dot = s.find('.');
    if (dot == std::string::npos) return s + ".00";
    return s.size() - dot == 2 ? s + "0" : s;
}

std::string tenths_string(i128 tenths) {
    std::string s = scaled_string128(tenths, 1);
    return s.find('.') == std::string::npos ? s + ".0" : s;
}

Effort effort_of(const Scenario& s, const std::vector<ItemResult>& results) {
    Effort e;
    e.items.resize(s.items.size());
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const Item& item = s.items[i];
        if (item.kind != ItemKind::Labeling) continue;
        ItemEffort& ie = e.items[i];
        const ItemResult& r = results[i];
        ie.staffed = item.workforce->staffed;
        if (const auto seconds = item.stated_seconds()) {
            ie.stated = true;
            ie.seconds = Range<Dec>{*seconds, *seconds, *seconds};
        } else if (item.task->effort) {
            ie.seconds = item.task->effort->seconds;
            ie.assumption = item.task->effort->assumption;
        } else {
            e.unknown.push_back(i);
            continue;
        }
        ie.known = true;
        ie.time = {work(r.human, r.workers, ie.seconds.typical), work(r.human_fewest, r.workers, ie.seconds.min),
                   work(r.human_most, r.workers, ie.seconds.max)};
        add(e.total, ie.time);
        if (!ie.staffed) {
            e.unstaffed.push_back(i);
            continue;
        }
        add(e.staffed, ie.time);
        if (r.human_most > 0 && r.workers > e.most_workers) {
            e.most_workers = r.workers;
            e.most_workers_item = i;
        }
    }
    return e;
}

ScheduleAnswer schedule_of(const Scenario& s, const std::vector<ItemResult>& results, const Effort& effort,
                           Issues& warnings) {
    ScheduleAnswer a;
    a.asked = *s.schedule;
    a.weeks_given = a.asked.weeks.has_value();
    a.nothing_staffed = std::none_of(effort.items.begin(), effort.items.end(),
                                     [](const ItemEffort& ie) { return ie.known && ie.staffed; });
    const std::int64_t hpw = a.asked.hours_per_week.nano;
    const WorkTime& w = effort.staffed;
    if (a.weeks_given) {
        const std::int64_t weeks = a.asked.weeks->nano;
        a.typical = annotators_for(w.typical, weeks, hpw, effort.most_workers);
        a.low = annotators_for(w.low, weeks, hpw, effort.most_workers);
        a.high = annotators_for(w.high, weeks, hpw, effort.most_workers);
        a.annotators = a.typical;
    } else {
        a.annotators = *a.asked.annotators;
        a.typical = weeks_tenths(w.typical, a.annotators, hpw);
        a.low = weeks_tenths(w.low, a.annotators, hpw);
        a.high = weeks_tenths(w.high, a.annotators, hpw);
        if (a.annotators < effort.most_workers) {
            const Item& item = s.items[effort.most_workers_item];
            warnings.push_back(
                {Code::too_few_annotators, "schedule.annotators",
                 fmt("each object of {} is labeled by {} different workers, more than the {} annotators; the weeks "
                     "assume enough people",
                     {item_title(item), std::to_string(results[effort.most_workers_item].workers),
                      std::to_string(*a.asked.annotators)})});
        }
    }
    a.items = timeline(s, effort, a.annotators);
    return a;
}

}  // namespace labelcost
