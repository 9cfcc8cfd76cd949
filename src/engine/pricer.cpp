#include "pricer.hpp"

#include <algorithm>

namespace labelcost {
namespace {

constexpr std::int64_t kPer10k = 10'000;
constexpr std::int64_t kSecondsPerHour = 3'600;

template <class T>
T pick(const Range<T>& r, Variant v, bool higher_value_costs_more) {
    switch (v) {
        case Variant::Typical: return r.typical;
        case Variant::Low: return higher_value_costs_more ? r.min : r.max;
        case Variant::High: return higher_value_costs_more ? r.max : r.min;
    }
    return r.typical;
}

// One graduated tier's share of a quantity (scaled by `scale`).
struct Slice {
    i128 quantity;  // scaled
    Money price;
    std::optional<std::int64_t> from, to;
};

// The tiers' shares of the quantities from `start` to `start + quantity`.
std::vector<Slice> slice(const std::vector<Tier>& tiers, i128 quantity, i128 scale, i128 start = 0) {
    std::vector<Slice> out;
    const i128 end = start + quantity;
    i128 lower = 0;
    for (const Tier& t : tiers) {
        if (end <= lower) break;
        const i128 upper = t.up_to ? static_cast<i128>(*t.up_to) * scale : end;
        const i128 in_tier = std::min(end, upper) - std::max(start, lower);
        if (in_tier > 0) out.push_back({in_tier, t.price, static_cast<std::int64_t>(lower / scale), t.up_to});
        lower = upper;
    }
    return out;
}

LABELCOST_TEXT std::string tier_label(const char* name, const Slice& s, std::size_t tiers, const char* unit) {
    if (tiers <= 1) return name;
    if (!s.to) return fmt("{} (above {} {})", {name, count_text(*s.from), unit});
    if (*s.from == 0) return fmt("{} (first {} {})", {name, count_text(*s.to), unit});
    return fmt("{} ({}-{} {})", {name, count_text(*s.from), count_text(*s.to), unit});
}

}  // namespace

Pricer::Pricer(const Scenario& scenario, PriceOptions options, std::optional<Dec> auto_fraction)
    : card_(*scenario.card), o_(options), auto_fraction_(auto_fraction),
      free_tier_(scenario.free_tier && scenario.card->free_tier), months_(scenario.months) {}

Money Pricer::price(const Item& item, Money labeling_sum, Detail out) {
    switch (item.kind) {
        case ItemKind::Labeling: return labeling(item, out);
        case ItemKind::AutoLabeling: return auto_labeling(item, out);
        case ItemKind::Rework: return rework(item, labeling_sum, out);
        case ItemKind::Storage: return storage(item, out);
        case ItemKind::Fixed: return fixed(item, out);
        case ItemKind::Discount:
        case ItemKind::Credit: break;  // reduce(): they depend on the other items
    }
    return Money{};
}

LABELCOST_TEXT Money Pricer::reduction(const Item& item, Money base, Money wanted, Money total, Detail out) {
    const Money left{std::max<std::int64_t>(total.micros, 0)};
    const Money used{std::min(wanted.micros, left.micros)};
    if (item.kind == ItemKind::Discount) {
        const std::string share = percent_text(item.fraction.nano, kNano, Tenths::IfAny);
        const bool labeling = item.of == DiscountOf::Labeling;
        out.part("Discount", scaled_string(item.fraction.nano, kDecPlaces), labeling ? "x labeling" : "x items above",
                 money_string(base), Money{-used.micros});
        out.note(fmt(labeling ? "{}% off the labeling items' cost ({})." : "{}% off the items above it ({}).",
                     {share, dollars_text(base)}));
    } else {
        out.part("Credit", "1", "credit", money_string(item.amount), Money{-used.micros});
    }
    if (used.micros < wanted.micros) {
        const Money unused{wanted.micros - used.micros};
        out.note(fmt("{} of it is not used: the total does not go below $0.00.", {dollars_text(unused)}));
        out.warn(item.kind == ItemKind::Credit
                     ? Issue{Code::credit_unused, item.path(),
                             fmt("{} of the {} credit is not used: it is more than the total it applies to",
                                 {dollars_text(unused), dollars_text(item.amount)})}
                     : Issue{Code::discount_limited, item.path() + ".fraction",
                             fmt("the discount would take the total below $0.00; {} of its {} is not used",
                                 {dollars_text(unused), dollars_text(wanted)})});
    }
    return Money{-used.micros};
}

Money Pricer::fee(std::int64_t objects, const std::string& unit, Detail out, std::int64_t month) {
    if (card_.fee.empty()) return Money{};
    if (fee_used_.empty()) fee_used_.resize(limits::kMaxMonth + 1);
    std::int64_t& used = fee_used_[month];
    std::int64_t free = 0;
    if (free_tier_ && month <= card_.free_tier->months)
        free = std::clamp<std::int64_t>(card_.free_tier->objects - used, 0, objects);
    const std::string in_month = months_ ? fmt(", month {}", {std::to_string(month)}) : "";
    if (free > 0) out.part("Ground Truth fee" + in_month + ", free tier", std::to_string(free), unit, "0.00", Money{});
    Money total;
    for (const Slice& sl : slice(card_.fee, objects - free, 1, used + free)) {
        const Money cost = calc.muldiv({sl.quantity, sl.price.micros}, 1);
        total = calc.add(total, cost);
        if (out)
            out.part(tier_label(("Ground Truth fee" + in_month).c_str(), sl, card_.fee.size(), "objects"),
                     scaled_string128(sl.quantity, 0), unit, money_string(sl.price), cost);
    }
    used += objects;
    return total;
}

Money Pricer::compute_parts(std::int64_t min_jobs, std::int64_t prop_objects, std::int64_t rate,
                            const std::string& unit, const char* name, Detail out) {
    const Money minimum = calc.muldiv({min_jobs, card_.active_learning.compute_minimum.micros}, 1);
    const Money proportional = calc.muldiv({prop_objects, rate}, kPer10k);
    if (out && prop_objects > 0)
        out.part(name, std::to_string(prop_objects), unit, scaled_string128(rate, 6 + 4), proportional);
    if (out && min_jobs > 0)
        out.part(fmt("{}, minimum per job", {name}), std::to_string(min_jobs), "job",
                 money_string(card_.active_learning.compute_minimum), minimum);
    return calc.add(minimum, proportional);
}

Money Pricer::people(const Item& item, const TaskRates& task, const WorkforceRates& wf, std::int64_t human,
                     std::int64_t multiplier, int workers, Money price, Detail out) {
    Money total;
    if (item.unit_price) {
        // A quoted price per object, every worker included.
        const Money cost = calc.muldiv({human, item.unit_price->micros}, 1);
        if (human > 0)
            out.part("Human labels (quoted price)", std::to_string(human), task.unit, money_string(*item.unit_price),
                     cost);
        return cost;
    }
    if (multiplier > 0 && human > 0) {
        if (card_.basis == PriceBasis::Object) {
            const Money cost =
                calc.muldiv({human, price.micros, workers, multiplier}, static_cast<i128>(card_.priced_at) * kNano);
            if (out) {
                const i128 unit = div_round_half_up(static_cast<i128>(price.micros) * workers * multiplier,
                                                    static_cast<i128>(card_.priced_at) * kNano);
                out.part("Human labels", std::to_string(human), task.unit,
                         money_string(Money{static_cast<std::int64_t>(unit)}), cost);
            }
            total = calc.add(total, cost);
        } else {
            const Money cost = calc.muldiv({human, workers, price.micros, multiplier}, kNano);
            if (out) {
                const i128 unit = div_round_half_up(static_cast<i128>(price.micros) * multiplier, kNano);
                out.part("Worker payments", std::to_string(human * workers), "worker task",
                         money_string(Money{static_cast<std::int64_t>(unit)}), cost);
            }
            total = calc.add(total, cost);
        }
    }
    if (wf.labor && item.labor) {
        const Labor& l = *item.labor;
        const Money cost =
            calc.muldiv({human, workers, l.seconds.nano, l.hourly.micros}, static_cast<i128>(kSecondsPerHour) * kNano);
        if (out) {
            // hours to four decimals, for reading only; the cost above is exact.
            const i128 hours = div_round_half_up(static_cast<i128>(human) * workers * l.seconds.nano,
                                                 static_cast<i128>(kSecondsPerHour) * 100'000);
            out.part("Private labor", scaled_string128(hours, 4), "hour", money_string(l.hourly), cost);
        }
        total = calc.add(total, cost);
    }
    return total;
}

LABELCOST_TEXT void Pricer::labeling_notes(const Item& item, const TaskRates& task, const WorkforceRates& wf,
                                           Detail out, const Facts& f) {
    const ActiveLearningRates& alr = card_.active_learning;
    if (f.removed > 0)
        out.note(
            fmt("{} duplicates removed before labeling ({}%); {} labeled.",
                {count_text(f.removed), percent_text(f.removed, item.objects, Tenths::IfAny), count_text(f.labeled)}));
    if (item.jobs > 1)
        out.note(fmt("Split into {} jobs of {} {}s each.",
                     {count_text(item.jobs),
                      f.extra ? count_text(f.base) + "-" + count_text(f.base + 1) : count_text(f.base), task.unit}));
    if (item.unit_price)
        out.note(fmt("Quoted price: {} per {}, every worker included.", {dollars_text(*item.unit_price), task.unit}));
    if (f.multiplier > 0 && !item.unit_price) {
        const std::string x = scaled_string(f.multiplier, kDecPlaces);
        if (card_.basis == PriceBasis::Object && f.workers != card_.priced_at)
            out.note(fmt("{} workers per object: the card's price for {} workers scaled by {}/{}.",
                         {std::to_string(f.workers), std::to_string(card_.priced_at), std::to_string(f.workers),
                          std::to_string(card_.priced_at)}));
        if (card_.basis == PriceBasis::WorkerTask)
            out.note(fmt(f.multiplier != kNano ? "{} workers per object at {} each, x{} for {}."
                                               : "{} workers per object at {} each.",
                         {std::to_string(f.workers), dollars_text(f.price), x, wf.title}));
        if (card_.basis == PriceBasis::Object && f.multiplier != kNano)
            out.note(fmt(item.multiplier ? "{}: x{} the Mechanical Turk price."
                                         : "{}: x{} the Mechanical Turk price (the card's typical figure).",
                         {wf.title, x}));
    }
    if (f.al && f.automated > 0)
        out.note(fmt("{} of {} {}s auto-labeled ({}%), {} labeled by people.",
                     {count_text(f.automated), count_text(f.labeled), task.unit,
                      percent_text(f.automated, f.labeled, Tenths::IfAny), count_text(f.human)}));
    if (f.al && f.raised > 0 && f.too_small < item.jobs)
        out.note(alr.min_human_objects > 0
                     ? fmt("People label at least {} objects of each job (rate card {}).",
                           {count_text(alr.min_human_objects), card_.id})
                     : fmt("People label the validation share of each job (rate card {}).", {card_.id}));
    if (f.al && f.min_jobs > 0)
        out.note(fmt(f.min_jobs == 1 ? "Compute minimum of {} per job applied to {} job."
                                     : "Compute minimum of {} per job applied to {} jobs.",
                     {dollars_text(alr.compute_minimum), count_text(f.min_jobs)}));
    if (f.labor_excluded)
        out.note(fmt("Labor not included: {} pay is yours to add (hourly pay and seconds per object).", {wf.title}));
}

Money Pricer::labeling(const Item& item, Detail out) {
    const TaskRates& task = *item.task;
    const WorkforceRates& wf = *item.workforce;
    const ActiveLearningRates& alr = card_.active_learning;
    const Variant v = o_.variant;

    const std::int64_t removed =
        static_cast<std::int64_t>(div_floor(static_cast<i128>(item.objects) * item.duplicates.nano, kNano));
    const std::int64_t labeled = item.objects - removed;
    const std::int64_t multiplier = item.unit_price   ? 0
                                    : item.multiplier ? item.multiplier->nano
                                                      : pick(wf.multiplier, v, true).nano;
    const int workers = item.workers ? *item.workers : card_.workers_for(task);
    const Money price = item.worker_price ? *item.worker_price : task.price;
    const bool al = o_.active_learning && item.active_learning;

    std::int64_t fraction = 0, rate = 0;
    if (al) {
        const ActiveLearning& set = *item.active_learning;
        fraction = auto_fraction_      ? auto_fraction_->nano
                   : set.auto_fraction ? set.auto_fraction->nano
                                       : pick(alr.auto_fraction, v, false).nano;
        rate = set.compute_per_10k ? set.compute_per_10k->micros : pick(alr.compute_per_10k, v, true).micros;
    }

    // Jobs differ in size by at most one object.
    const std::int64_t base = labeled / item.jobs;
    const std::int64_t extra = labeled % item.jobs;
    const std::pair<std::int64_t, std::int64_t> classes[] = {{base + 1, extra}, {base, item.jobs - extra}};

    std::int64_t human = 0, automated = 0, min_jobs = 0, prop_objects = 0, too_small = 0, raised = 0;
    for (const auto& [size, count] : classes) {
        if (size == 0 || count == 0) continue;
        if (!al || size < alr.min_dataset) {
            human += size * count;
            if (al) too_small += count;
            continue;
        }
        const std::int64_t auto_wanted =
            static_cast<std::int64_t>(div_floor(static_cast<i128>(size) * fraction, kNano));
        std::int64_t h = size - auto_wanted;
        const std::int64_t share =
            static_cast<std::int64_t>(div_ceil(static_cast<i128>(size) * alr.share_for(size), kNano));
        const std::int64_t floor_h = std::max(alr.min_human_objects, share);
        if (h < floor_h) {
            h = std::min(floor_h, size);
            raised += count;
        }
        if (h >= size) {
            human += size * count;
            too_small += count;
            continue;
        }
        human += h * count;
        automated += (size - h) * count;
        const i128 at_rate = static_cast<i128>(size) * rate;
        if (at_rate < static_cast<i128>(alr.compute_minimum.micros) * kPer10k)
            min_jobs += count;
        else
            prop_objects += size * count;
    }

    Money total = fee(labeled, task.unit, out, item.month);
    total = calc.add(total, people(item, task, wf, human, multiplier, workers, price, out));
    if (al)
        total = calc.add(total, compute_parts(min_jobs, prop_objects, rate, task.unit, "Active-learning compute", out));

    const bool labor_excluded = wf.labor && !item.labor;
    last_human = human;
    if (out) {
        out.item().labeled = labeled;
        out.item().human = human;
        out.item().automated = automated;
        out.item().labor_excluded = labor_excluded;
        out.item().workers = workers;
        if (al) {
            out.item().auto_fraction = Dec{fraction};
            out.item().compute_per_10k = Money{rate};
        }
        labeling_notes(item, task, wf, out,
                       {removed, labeled, base, extra, human, automated, raised, too_small, min_jobs, multiplier,
                        workers, price, al, labor_excluded});
    }
    if (out) labeling_warnings(item, wf, out, al ? too_small : 0, labor_excluded);
    return total;
}

LABELCOST_TEXT void Pricer::labeling_warnings(const Item& item, const WorkforceRates& wf, Detail out,
                                              std::int64_t too_small, bool labor_excluded) {
    const ActiveLearningRates& alr = card_.active_learning;
    if (too_small > 0) {
        const bool all = too_small == item.jobs;
        out.warn({Code::active_learning_below_minimum, item.path() + ".active_learning",
                  fmt(alr.min_dataset > 0
                          ? "{} too small for active learning (jobs need at least {} objects on rate card {}), so "
                            "people label all of {} and no compute is charged for {}"
                          : "{} too small for active learning (people label at least {} objects of a job on rate "
                            "card {}), so people label all of {} and no compute is charged for {}",
                      {all ? "every job is" : "some jobs are",
                       count_text(alr.min_dataset > 0 ? alr.min_dataset : alr.min_human_objects), card_.id,
                       all ? "it" : "those jobs", all ? "it" : "them"})});
    }
    if (labor_excluded)
        out.warn({Code::labor_excluded, item.path() + ".labor",
                  fmt("{} labor is not included in the total; add labor.hourly and "
                      "labor.seconds_per_object to count it",
                      {wf.title})});
}

Money Pricer::auto_labeling(const Item& item, Detail out) {
    const std::string unit = item.task ? item.task->unit : "object";
    if (!o_.active_learning && item.task && item.workforce) {
        // What people would have charged to label the batch.
        Item as_labeling = item;
        as_labeling.kind = ItemKind::Labeling;
        as_labeling.active_learning.reset();
        return labeling(as_labeling, out);
    }
    Money total = fee(item.objects, unit, out, item.month);
    if (item.compute) {
        out.part("Compute (stated)", "1", "batch", money_string(*item.compute), *item.compute);
        total = calc.add(total, *item.compute);
    } else {
        const ActiveLearningRates& alr = card_.active_learning;
        const std::int64_t rate =
            item.compute_per_10k ? item.compute_per_10k->micros : pick(alr.compute_per_10k, o_.variant, true).micros;
        if (out) out.item().compute_per_10k = Money{rate};
        const bool at_minimum =
            static_cast<i128>(item.objects) * rate < static_cast<i128>(alr.compute_minimum.micros) * kPer10k;
        if (item.objects > 0)
            total = calc.add(
                total, compute_parts(at_minimum ? 1 : 0, at_minimum ? 0 : item.objects, rate, unit, "Compute", out));
    }
    if (out) {
        out.item().labeled = item.objects;
        out.item().automated = item.objects;
        out.note(fmt("{} {}s auto-labeled.", {count_text(item.objects), unit}));
    }
    return total;
}

Money Pricer::rework(const Item& item, Money labeling_sum, Detail out) {
    const Money cost = calc.muldiv({labeling_sum.micros, item.fraction.nano}, kNano);
    if (out) {
        out.part("Rework of labeling", scaled_string(item.fraction.nano, kDecPlaces), "x labeling",
                 money_string(labeling_sum), cost);
        out.note(fmt("{}% of the labeling items' cost ({}).",
                     {percent_text(item.fraction.nano, kNano, Tenths::IfAny), dollars_text(labeling_sum)}));
    }
    return cost;
}

Money Pricer::storage(const Item& item, Detail out) {
    Money total;
    const auto slices = slice(card_.storage, item.gb.nano, kNano);
    for (const Slice& sl : slices) {
        const Money cost = calc.muldiv({sl.quantity, item.months, sl.price.micros}, kNano);
        total = calc.add(total, cost);
        if (out)
            out.part(tier_label("Storage", sl, slices.size(), "GB"),
                     scaled_string128(sl.quantity * item.months, kDecPlaces), "GB-month", money_string(sl.price), cost);
    }
    return total;
}

Money Pricer::fixed(const Item& item, Detail out) {
    if (out) out.part("Amount", "1", "item", money_string(item.amount), item.amount);
    return item.amount;
}

// A sweep prices its one changing item in the same file as the pricer, so
// that the compiler can inline the pricing into each cell's total.
// Item costs are never negative, so the sum of them all overflows exactly
// when price_all()'s running sums do, in whatever order they are added.
ItemSweep::ItemSweep(const Scenario& s, std::size_t index, const PriceOptions& options)
    : scenario_(s), index_(index), options_(options) {
    // Discounts and credits depend on every item: each total prices them all.
    // So do fee tiers that run over the items of a month.
    full_ = std::any_of(s.items.begin(), s.items.end(), [](const Item& item) { return is_reduction(item.kind); }) ||
            s.card->fee.size() > 1 || (s.free_tier && s.card->free_tier);
    if (full_) return;
    Pricer pricer(s, options);
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const Item& item = s.items[i];
        if (i == index || item.kind == ItemKind::Rework) continue;
        const Money cost = pricer.price(item, Money{}, Detail::none());
        others_ = pricer.calc.add(others_, cost);
        if (item.kind == ItemKind::Labeling) labeling_others_ = pricer.calc.add(labeling_others_, cost);
    }
    const bool feeds_rework = s.items[index].kind == ItemKind::Labeling;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        if (i == index || s.items[i].kind != ItemKind::Rework) continue;
        if (feeds_rework)
            reworks_.push_back(i);
        else
            others_ = pricer.calc.add(others_, pricer.price(s.items[i], labeling_others_, Detail::none()));
    }
    overflow_ = pricer.calc.overflow;
}

std::optional<Money> ItemSweep::total() const {
    if (full_) {
        const auto t = total_only(scenario_, options_);
        if (!t) return std::nullopt;
        return *t;
    }
    if (overflow_) return std::nullopt;
    Pricer pricer(scenario_, options_);
    const Item& item = scenario_.items[index_];
    // A swept rework item is priced on the other items' labeling sum.
    const Money own = pricer.price(item, labeling_others_, Detail::none());
    Money total = pricer.calc.add(others_, own);
    const Money labeling = item.kind == ItemKind::Labeling ? pricer.calc.add(labeling_others_, own) : labeling_others_;
    for (std::size_t i : reworks_)
        total = pricer.calc.add(total, pricer.price(scenario_.items[i], labeling, Detail::none()));
    if (pricer.calc.overflow) return std::nullopt;
    return total;
}

}  // namespace labelcost
