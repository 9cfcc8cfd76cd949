#include "estimate.hpp"

#include <algorithm>
#include <limits>

namespace labelcost {
namespace {

// Text for people (notes, labels, warnings) runs once an estimate, never in
// a sweep: compiled for size where the compiler can be told so.
#if defined(__clang__)
#define LABELCOST_TEXT __attribute__((minsize, noinline))
#else
#define LABELCOST_TEXT
#endif

constexpr i128 kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kPer10k = 10'000;
constexpr std::int64_t kSecondsPerHour = 3'600;

// Overflow-checked money arithmetic; the first overflow is remembered and the
// whole estimate fails with amount_too_large.
struct Calc {
    bool overflow = false;

    // round_half_up(product of factors / divisor), in micro-dollars.
    Money muldiv(std::initializer_list<i128> factors, i128 divisor) {
        i128 acc = 1;
        for (i128 f : factors)
            if (!mul_checked(acc, f, acc)) return fail();
        const i128 q = div_round_half_up(acc, divisor);
        if (q > kInt64Max) return fail();
        return Money{static_cast<std::int64_t>(q)};
    }
    Money add(Money a, Money b) {
        std::int64_t r = 0;
        if (__builtin_add_overflow(a.micros, b.micros, &r)) return fail();
        return Money{r};
    }
    Money fail() {
        overflow = true;
        return Money{};
    }
};

std::int64_t pick(const Range& r, Variant v, bool higher_value_costs_more) {
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

class Pricer {
public:
    Pricer(const Scenario& scenario, PriceOptions options)
        : card_(*scenario.card), o_(options), free_tier_(scenario.free_tier && scenario.card->free_tier),
          months_(scenario.months) {}

    // Prices one item. `labeling_sum` is the sum of the scenario's labeling
    // items (for rework). `out` receives parts and notes when not null.
    Money price(const Item& item, Money labeling_sum, ItemResult* out, Issues* warnings, std::int64_t* auto_override) {
        switch (item.kind) {
            case ItemKind::Labeling: return labeling(item, out, warnings, auto_override);
            case ItemKind::AutoLabeling: return auto_labeling(item, out);
            case ItemKind::Rework: return rework(item, labeling_sum, out);
            case ItemKind::Storage: return storage(item, out);
            case ItemKind::Fixed: return fixed(item, out);
            case ItemKind::Discount:
            case ItemKind::Credit: break;  // reduce(): they depend on the other items
        }
        return Money{};
    }

    // A discount or credit: takes `wanted` off, at most what is left of
    // `total`. `base` is what a discount is a share of.
    LABELCOST_TEXT Money reduction(const Item& item, Money base, Money wanted, Money total, ItemResult* out,
                                   Issues* warnings) {
        const Money left{std::max<std::int64_t>(total.micros, 0)};
        const Money used{std::min(wanted.micros, left.micros)};
        if (item.kind == ItemKind::Discount) {
            const std::string share = percent_text(item.fraction.nano, kNano, Tenths::IfAny);
            const bool labeling = item.of == DiscountOf::Labeling;
            part(out, "Discount", scaled_string(item.fraction.nano, kDecPlaces),
                 labeling ? "x labeling" : "x items above", money_string(base), Money{-used.micros});
            note(out, fmt(labeling ? "{}% off the labeling items' cost ({})." : "{}% off the items above it ({}).",
                          {share, dollars_text(base)}));
        } else {
            part(out, "Credit", "1", "credit", money_string(item.amount), Money{-used.micros});
        }
        if (used.micros < wanted.micros) {
            const Money unused{wanted.micros - used.micros};
            note(out, fmt("{} of it is not used: the total does not go below $0.00.", {dollars_text(unused)}));
            if (warnings)
                warnings->push_back(
                    item.kind == ItemKind::Credit
                        ? Issue{Code::credit_unused, item.path(),
                                fmt("{} of the {} credit is not used: it is more than the total it applies to",
                                    {dollars_text(unused), dollars_text(item.amount)})}
                        : Issue{Code::discount_limited, item.path() + ".fraction",
                                fmt("the discount would take the total below $0.00; {} of its {} is not used",
                                    {dollars_text(unused), dollars_text(wanted)})});
        }
        return Money{-used.micros};
    }

    Calc calc;
    std::int64_t last_human = 0;  // people-labeled objects of the last labeling item priced

private:
    void part(ItemResult* out, std::string name, std::string quantity, std::string unit, std::string unit_price,
              Money cost) {
        if (out)
            out->parts.push_back({std::move(name), std::move(quantity), std::move(unit), std::move(unit_price), cost});
    }
    static void note(ItemResult* out, std::string text) {
        if (out) out->notes.push_back(std::move(text));
    }

    // The fee on `objects` more objects in `month`: its tiers continue from
    // the objects the items above already paid for in that month, and the
    // card's free objects, when the scenario asks for them, come first.
    Money fee(std::int64_t objects, const std::string& unit, ItemResult* out, std::int64_t month) {
        if (card_.fee.empty()) return Money{};
        if (fee_used_.empty()) fee_used_.resize(limits::kMaxMonth + 1);
        std::int64_t& used = fee_used_[month];
        std::int64_t free = 0;
        if (free_tier_ && month <= card_.free_tier->months)
            free = std::clamp<std::int64_t>(card_.free_tier->objects - used, 0, objects);
        const std::string in_month = months_ ? fmt(", month {}", {std::to_string(month)}) : "";
        if (free > 0)
            part(out, "Ground Truth fee" + in_month + ", free tier", std::to_string(free), unit, "0.00", Money{});
        Money total;
        for (const Slice& sl : slice(card_.fee, objects - free, 1, used + free)) {
            const Money cost = calc.muldiv({sl.quantity, sl.price.micros}, 1);
            total = calc.add(total, cost);
            if (out)
                part(out, tier_label(("Ground Truth fee" + in_month).c_str(), sl, card_.fee.size(), "objects"),
                     scaled_string128(sl.quantity, 0), unit, money_string(sl.price), cost);
        }
        used += objects;
        return total;
    }

    Money compute_parts(std::int64_t min_jobs, std::int64_t prop_objects, std::int64_t rate, const std::string& unit,
                        const char* name, ItemResult* out) {
        const Money minimum = calc.muldiv({min_jobs, card_.active_learning.compute_minimum.micros}, 1);
        const Money proportional = calc.muldiv({prop_objects, rate}, kPer10k);
        if (out && prop_objects > 0)
            part(out, name, std::to_string(prop_objects), unit, scaled_string128(rate, 6 + 4), proportional);
        if (out && min_jobs > 0)
            part(out, fmt("{}, minimum per job", {name}), std::to_string(min_jobs), "job",
                 money_string(card_.active_learning.compute_minimum), minimum);
        return calc.add(minimum, proportional);
    }

    // Human labels (per-label price) and private labor for `human` objects.
    Money people(const Item& item, const TaskRates& task, const WorkforceRates& wf, std::int64_t human,
                 std::int64_t multiplier, int workers, Money price, ItemResult* out) {
        Money total;
        if (item.unit_price) {
            // A quoted price per object, every worker included.
            const Money cost = calc.muldiv({human, item.unit_price->micros}, 1);
            if (human > 0)
                part(out, "Human labels (quoted price)", std::to_string(human), task.unit,
                     money_string(*item.unit_price), cost);
            return cost;
        }
        if (multiplier > 0 && human > 0) {
            if (card_.basis == PriceBasis::Object) {
                const Money cost =
                    calc.muldiv({human, price.micros, workers, multiplier}, static_cast<i128>(card_.priced_at) * kNano);
                if (out) {
                    const i128 unit = div_round_half_up(static_cast<i128>(price.micros) * workers * multiplier,
                                                        static_cast<i128>(card_.priced_at) * kNano);
                    part(out, "Human labels", std::to_string(human), task.unit,
                         money_string(Money{static_cast<std::int64_t>(unit)}), cost);
                }
                total = calc.add(total, cost);
            } else {
                const Money cost = calc.muldiv({human, workers, price.micros, multiplier}, kNano);
                if (out) {
                    const i128 unit = div_round_half_up(static_cast<i128>(price.micros) * multiplier, kNano);
                    part(out, "Worker payments", std::to_string(human * workers), "worker task",
                         money_string(Money{static_cast<std::int64_t>(unit)}), cost);
                }
                total = calc.add(total, cost);
            }
        }
        if (wf.labor && item.labor) {
            const Labor& l = *item.labor;
            const Money cost = calc.muldiv({human, workers, l.seconds.nano, l.hourly.micros},
                                           static_cast<i128>(kSecondsPerHour) * kNano);
            if (out) {
                // hours to four decimals, for reading only; the cost above is exact.
                const i128 hours = div_round_half_up(static_cast<i128>(human) * workers * l.seconds.nano,
                                                     static_cast<i128>(kSecondsPerHour) * 100'000);
                part(out, "Private labor", scaled_string128(hours, 4), "hour", money_string(l.hourly), cost);
            }
            total = calc.add(total, cost);
        }
        return total;
    }

    // What a labeling item's numbers came from, in words.
    struct Facts {
        std::int64_t removed, labeled, base, extra, human, automated, raised, too_small, min_jobs, multiplier;
        int workers;
        Money price;
        bool al, labor_excluded;
    };
    LABELCOST_TEXT void labeling_notes(const Item& item, const TaskRates& task, const WorkforceRates& wf,
                                       ItemResult* out, const Facts& f) {
        const ActiveLearningRates& alr = card_.active_learning;
        if (f.removed > 0)
            note(out, fmt("{} duplicates removed before labeling ({}%); {} labeled.",
                          {count_text(f.removed), percent_text(f.removed, item.objects, Tenths::IfAny),
                           count_text(f.labeled)}));
        if (item.jobs > 1)
            note(out,
                 fmt("Split into {} jobs of {} {}s each.",
                     {count_text(item.jobs),
                      f.extra ? count_text(f.base) + "-" + count_text(f.base + 1) : count_text(f.base), task.unit}));
        if (item.unit_price)
            note(out,
                 fmt("Quoted price: {} per {}, every worker included.", {dollars_text(*item.unit_price), task.unit}));
        if (f.multiplier > 0 && !item.unit_price) {
            const std::string x = scaled_string(f.multiplier, kDecPlaces);
            if (card_.basis == PriceBasis::Object && f.workers != card_.priced_at)
                note(out, fmt("{} workers per object: the card's price for {} workers scaled by {}/{}.",
                              {std::to_string(f.workers), std::to_string(card_.priced_at), std::to_string(f.workers),
                               std::to_string(card_.priced_at)}));
            if (card_.basis == PriceBasis::WorkerTask)
                note(out, fmt(f.multiplier != kNano ? "{} workers per object at {} each, x{} for {}."
                                                    : "{} workers per object at {} each.",
                              {std::to_string(f.workers), dollars_text(f.price), x, wf.title}));
            if (card_.basis == PriceBasis::Object && f.multiplier != kNano)
                note(out, fmt(item.multiplier ? "{}: x{} the Mechanical Turk price."
                                              : "{}: x{} the Mechanical Turk price (the card's typical figure).",
                              {wf.title, x}));
        }
        if (f.al && f.automated > 0)
            note(out, fmt("{} of {} {}s auto-labeled ({}%), {} labeled by people.",
                          {count_text(f.automated), count_text(f.labeled), task.unit,
                           percent_text(f.automated, f.labeled, Tenths::IfAny), count_text(f.human)}));
        if (f.al && f.raised > 0 && f.too_small < item.jobs)
            note(out, alr.min_human_objects > 0
                          ? fmt("People label at least {} objects of each job (rate card {}).",
                                {count_text(alr.min_human_objects), card_.id})
                          : fmt("People label the validation share of each job (rate card {}).", {card_.id}));
        if (f.al && f.min_jobs > 0)
            note(out, fmt(f.min_jobs == 1 ? "Compute minimum of {} per job applied to {} job."
                                          : "Compute minimum of {} per job applied to {} jobs.",
                          {dollars_text(alr.compute_minimum), count_text(f.min_jobs)}));
        if (f.labor_excluded)
            note(out,
                 fmt("Labor not included: {} pay is yours to add (hourly pay and seconds per object).", {wf.title}));
    }

    Money labeling(const Item& item, ItemResult* out, Issues* warnings, const std::int64_t* auto_override) {
        const TaskRates& task = *item.task;
        const WorkforceRates& wf = *item.workforce;
        const ActiveLearningRates& alr = card_.active_learning;
        const Variant v = o_.variant;

        const std::int64_t removed =
            static_cast<std::int64_t>(div_floor(static_cast<i128>(item.objects) * item.duplicates.nano, kNano));
        const std::int64_t labeled = item.objects - removed;
        const std::int64_t multiplier = item.unit_price   ? 0
                                        : item.multiplier ? *item.multiplier
                                                          : pick(wf.multiplier, v, true);
        const int workers = item.workers ? *item.workers : card_.workers_for(task);
        const Money price = item.worker_price ? *item.worker_price : task.price;
        const bool al = o_.active_learning && item.active_learning;

        std::int64_t fraction = 0, rate = 0;
        if (al) {
            const ActiveLearning& set = *item.active_learning;
            fraction = auto_override       ? *auto_override
                       : set.auto_fraction ? *set.auto_fraction
                                           : pick(alr.auto_fraction, v, false);
            rate = set.compute_per_10k ? *set.compute_per_10k : pick(alr.compute_per_10k, v, true);
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
            total =
                calc.add(total, compute_parts(min_jobs, prop_objects, rate, task.unit, "Active-learning compute", out));

        const bool labor_excluded = wf.labor && !item.labor;
        last_human = human;
        if (out) {
            out->labeled = labeled;
            out->human = human;
            out->automated = automated;
            out->labor_excluded = labor_excluded;
            out->workers = workers;
            if (al) {
                out->auto_fraction = fraction;
                out->compute_per_10k = rate;
            }
            labeling_notes(item, task, wf, out,
                           {removed, labeled, base, extra, human, automated, raised, too_small, min_jobs, multiplier,
                            workers, price, al, labor_excluded});
        }
        if (warnings) labeling_warnings(item, wf, *warnings, al ? too_small : 0, labor_excluded);
        return total;
    }

    // What a labeling item's estimate should say besides its numbers.
    LABELCOST_TEXT void labeling_warnings(const Item& item, const WorkforceRates& wf, Issues& warnings,
                                          std::int64_t too_small, bool labor_excluded) {
        const ActiveLearningRates& alr = card_.active_learning;
        if (too_small > 0) {
            const bool all = too_small == item.jobs;
            warnings.push_back(
                {Code::active_learning_below_minimum, item.path() + ".active_learning",
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
            warnings.push_back({Code::labor_excluded, item.path() + ".labor",
                                fmt("{} labor is not included in the total; add labor.hourly and "
                                    "labor.seconds_per_object to count it",
                                    {wf.title})});
    }

    Money auto_labeling(const Item& item, ItemResult* out) {
        const std::string unit = item.task ? item.task->unit : "object";
        if (!o_.active_learning && item.task && item.workforce) {
            // What people would have charged to label the batch.
            Item as_labeling = item;
            as_labeling.kind = ItemKind::Labeling;
            as_labeling.active_learning.reset();
            return labeling(as_labeling, out, nullptr, nullptr);
        }
        Money total = fee(item.objects, unit, out, item.month);
        if (item.compute) {
            part(out, "Compute (stated)", "1", "batch", money_string(*item.compute), *item.compute);
            total = calc.add(total, *item.compute);
        } else {
            const ActiveLearningRates& alr = card_.active_learning;
            const std::int64_t rate =
                item.compute_per_10k ? *item.compute_per_10k : pick(alr.compute_per_10k, o_.variant, true);
            if (out) out->compute_per_10k = rate;
            const bool at_minimum =
                static_cast<i128>(item.objects) * rate < static_cast<i128>(alr.compute_minimum.micros) * kPer10k;
            if (item.objects > 0)
                total = calc.add(total, compute_parts(at_minimum ? 1 : 0, at_minimum ? 0 : item.objects, rate, unit,
                                                      "Compute", out));
        }
        if (out) {
            out->labeled = item.objects;
            out->automated = item.objects;
            note(out, fmt("{} {}s auto-labeled.", {count_text(item.objects), unit}));
        }
        return total;
    }

    Money rework(const Item& item, Money labeling_sum, ItemResult* out) {
        const Money cost = calc.muldiv({labeling_sum.micros, item.fraction.nano}, kNano);
        if (out) {
            part(out, "Rework of labeling", scaled_string(item.fraction.nano, kDecPlaces), "x labeling",
                 money_string(labeling_sum), cost);
            note(out, fmt("{}% of the labeling items' cost ({}).",
                          {percent_text(item.fraction.nano, kNano, Tenths::IfAny), dollars_text(labeling_sum)}));
        }
        return cost;
    }

    Money storage(const Item& item, ItemResult* out) {
        Money total;
        const auto slices = slice(card_.storage, item.gb.nano, kNano);
        for (const Slice& sl : slices) {
            const Money cost = calc.muldiv({sl.quantity, item.months, sl.price.micros}, kNano);
            total = calc.add(total, cost);
            if (out)
                part(out, tier_label("Storage", sl, slices.size(), "GB"),
                     scaled_string128(sl.quantity * item.months, kDecPlaces), "GB-month", money_string(sl.price), cost);
        }
        return total;
    }

    Money fixed(const Item& item, ItemResult* out) {
        if (out) part(out, "Amount", "1", "item", money_string(item.amount), item.amount);
        return item.amount;
    }

    const RateCard& card_;
    PriceOptions o_;
    bool free_tier_;                      // the card's free objects apply
    bool months_;                         // items lie in more than one month: parts say which
    std::vector<std::int64_t> fee_used_;  // objects that paid the fee, by month (sized with the first fee)
};

Issue too_large(const std::string& path) {
    return {Code::amount_too_large, path,
            "the cost is larger than labelcost can state exactly (about $9.2 trillion); reduce the objects, "
            "prices or multipliers"};
}

struct Totals {
    std::vector<Money> items;
    std::vector<std::int64_t> human;  // labeling items: objects labeled by people
    Money total;
};

// Discounts, then credits, in item order, each taking its amount off what is
// left of the total. Item costs above are never negative here.
LABELCOST_TEXT bool reduce(const Scenario& s, Pricer& pricer, Totals& t, Money labeling_sum,
                           std::vector<ItemResult>* details, Issues* warnings) {
    std::vector<Money> above(s.items.size() + 1);  // sum of the items above i that are not reductions
    for (std::size_t i = 0; i < s.items.size(); ++i)
        above[i + 1] = is_reduction(s.items[i].kind) ? above[i] : pricer.calc.add(above[i], t.items[i]);
    for (const ItemKind pass : {ItemKind::Discount, ItemKind::Credit}) {
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const Item& item = s.items[i];
            if (item.kind != pass) continue;
            const Money base = item.of == DiscountOf::Labeling ? labeling_sum : above[i];
            const Money wanted =
                pass == ItemKind::Credit ? item.amount : pricer.calc.muldiv({base.micros, item.fraction.nano}, kNano);
            t.items[i] = pricer.reduction(item, base, wanted, t.total, details ? &(*details)[i] : nullptr, warnings);
            t.total = pricer.calc.add(t.total, t.items[i]);
        }
    }
    return !pricer.calc.overflow;
}

// Prices every item: labeling items first, so that rework can use their sum,
// then discounts and credits.
std::optional<Totals> price_all(const Scenario& s, const PriceOptions& options, std::vector<ItemResult>* details,
                                Issues* warnings, Issues& errors) {
    Pricer pricer(s, options);
    Totals t;
    t.items.resize(s.items.size());
    t.human.resize(s.items.size());
    Money labeling_sum;
    auto run = [&](bool rework_pass) -> bool {
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const Item& item = s.items[i];
            if (is_reduction(item.kind) || (item.kind == ItemKind::Rework) != rework_pass) continue;
            ItemResult* out = details ? &(*details)[i] : nullptr;
            t.items[i] = pricer.price(item, labeling_sum, out, warnings, nullptr);
            if (pricer.calc.overflow) {
                errors.push_back(too_large(item.path()));
                return false;
            }
            if (item.kind == ItemKind::Labeling) {
                labeling_sum = pricer.calc.add(labeling_sum, t.items[i]);
                t.human[i] = pricer.last_human;
            }
            t.total = pricer.calc.add(t.total, t.items[i]);
            if (pricer.calc.overflow) {
                errors.push_back(too_large("items"));
                return false;
            }
        }
        return true;
    };
    if (!run(false) || !run(true)) return std::nullopt;
    if (!reduce(s, pricer, t, labeling_sum, details, warnings)) {
        errors.push_back(too_large("items"));
        return std::nullopt;
    }
    return t;
}

// Cost of one labeling item at a given auto-labeled fraction (for break-even).
std::optional<Money> labeling_at(const Scenario& s, const Item& item, std::int64_t fraction) {
    Pricer pricer(s, PriceOptions{});
    std::int64_t f = fraction;
    const Money m = pricer.price(item, Money{}, nullptr, nullptr, &f);
    if (pricer.calc.overflow) return std::nullopt;
    return m;
}

// The smallest fraction, in steps of 0.01%, at which active learning beats
// labeling everything by people. Cost never rises as the fraction grows. The
// item is priced on its own, both ways: its fee is the same either way.
std::optional<std::int64_t> break_even(const Scenario& s, const Item& item) {
    constexpr std::int64_t kStep = kNano / 10'000;
    Pricer alone(s, PriceOptions{Variant::Typical, false});
    const Money without = alone.price(item, Money{}, nullptr, nullptr, nullptr);
    if (alone.calc.overflow) return std::nullopt;
    const auto at_full = labeling_at(s, item, kNano);
    if (!at_full || *at_full >= without) return std::nullopt;
    std::int64_t lo = 0, hi = 10'000;  // cost(hi) < without
    while (lo < hi) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        const auto c = labeling_at(s, item, mid * kStep);
        if (c && *c < without)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo * kStep;
}

}  // namespace

Result<Money> total_only(const Scenario& scenario, const PriceOptions& options) {
    Issues errors;
    const auto t = price_all(scenario, options, nullptr, nullptr, errors);
    if (!t) return Result<Money>::failure(std::move(errors));
    return t->total;
}

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
        const Money cost = pricer.price(item, Money{}, nullptr, nullptr, nullptr);
        others_ = pricer.calc.add(others_, cost);
        if (item.kind == ItemKind::Labeling) labeling_others_ = pricer.calc.add(labeling_others_, cost);
    }
    const bool feeds_rework = s.items[index].kind == ItemKind::Labeling;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        if (i == index || s.items[i].kind != ItemKind::Rework) continue;
        if (feeds_rework)
            reworks_.push_back(i);
        else
            others_ = pricer.calc.add(others_, pricer.price(s.items[i], labeling_others_, nullptr, nullptr, nullptr));
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
    const Money own = pricer.price(item, labeling_others_, nullptr, nullptr, nullptr);
    Money total = pricer.calc.add(others_, own);
    const Money labeling = item.kind == ItemKind::Labeling ? pricer.calc.add(labeling_others_, own) : labeling_others_;
    for (std::size_t i : reworks_)
        total = pricer.calc.add(total, pricer.price(scenario_.items[i], labeling, nullptr, nullptr, nullptr));
    if (pricer.calc.overflow) return std::nullopt;
    return total;
}

namespace {

// Whether any value the scenario leaves to the card has a range (otherwise
// low and high are the point estimate), and whether anything uses active
// learning (otherwise "without" is the point estimate too).
struct Shape {
    bool ranges = false;
    bool active_learning = false;
};

Shape shape_of(const Scenario& s) {
    Shape shape;
    const ActiveLearningRates& alr = s.card->active_learning;
    const bool al_ranges =
        alr.auto_fraction.min != alr.auto_fraction.max || alr.compute_per_10k.min != alr.compute_per_10k.max;
    for (const Item& item : s.items) {
        if (item.kind == ItemKind::Labeling) {
            if (!item.multiplier && !item.unit_price &&
                item.workforce->multiplier.min != item.workforce->multiplier.max)
                shape.ranges = true;
            if (item.active_learning) {
                shape.active_learning = true;
                if (al_ranges && (!item.active_learning->auto_fraction || !item.active_learning->compute_per_10k))
                    shape.ranges = true;
            }
        } else if (item.kind == ItemKind::AutoLabeling) {
            if (!item.compute && !item.compute_per_10k && alr.compute_per_10k.min != alr.compute_per_10k.max)
                shape.ranges = true;
            if (item.task && item.workforce) shape.active_learning = true;
        }
    }
    return shape;
}

}  // namespace

Result<Estimate> estimate(const Scenario& s) {
    Issues errors;
    Estimate e;
    e.items.resize(s.items.size());
    const auto typical = price_all(s, PriceOptions{}, &e.items, &e.warnings, errors);
    if (!typical) return Result<Estimate>::failure(std::move(errors));
    const Shape shape = shape_of(s);
    const auto low = shape.ranges ? price_all(s, PriceOptions{Variant::Low, true}, nullptr, nullptr, errors) : typical;
    const auto high =
        shape.ranges ? price_all(s, PriceOptions{Variant::High, true}, nullptr, nullptr, errors) : typical;
    const auto without =
        shape.active_learning ? price_all(s, PriceOptions{Variant::Typical, false}, nullptr, nullptr, errors) : typical;
    if (!low || !high || !without) return Result<Estimate>::failure(std::move(errors));

    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const Item& item = s.items[i];
        ItemResult& r = e.items[i];
        r.cost = typical->items[i];
        r.low = low->items[i];
        r.high = high->items[i];
        // A reduction is larger (more negative) where the total is: its own
        // range is written low to high all the same.
        if (r.low.micros > r.high.micros) std::swap(r.low, r.high);
        r.human_fewest = std::min({low->human[i], typical->human[i], high->human[i]});
        r.human_most = std::max({low->human[i], typical->human[i], high->human[i]});
        if (item.kind == ItemKind::Labeling || item.kind == ItemKind::AutoLabeling) e.objects += item.objects;
        e.labor_excluded = e.labor_excluded || r.labor_excluded;
        const bool has_al = item.kind == ItemKind::Labeling && item.active_learning;
        const bool batch_with_task = item.kind == ItemKind::AutoLabeling && item.task && item.workforce;
        if (has_al || batch_with_task) {
            Savings sv{without->items[i], r.cost, std::nullopt};
            if (has_al)
                if (auto fraction = break_even(s, item)) sv.break_even = Dec{*fraction};
            if (has_al && r.automated > 0 && sv.with >= sv.without)
                e.warnings.push_back(
                    {Code::active_learning_no_savings, item.path() + ".active_learning",
                     fmt(r.labor_excluded ? "active learning costs {} more than labeling everything by people here "
                                            "(the labor it would save is not stated)"
                                          : "active learning costs {} more than labeling everything by people here",
                         {dollars_text(Money{sv.with.micros - sv.without.micros})})});
            r.savings = sv;
        }
    }
    e.total = typical->total;
    // Discounts of more than the whole of what they apply to can make a
    // cheaper end cost more: the range is the least and most of the three.
    e.low = std::min({low->total, typical->total, high->total}, [](Money a, Money b) { return a.micros < b.micros; });
    e.high = std::max({low->total, typical->total, high->total}, [](Money a, Money b) { return a.micros < b.micros; });
    e.savings = Savings{without->total, typical->total, std::nullopt};
    e.effort = effort_of(s, e.items);
    if (s.schedule) e.schedule = schedule_of(s, e.items, e.effort, e.warnings);
    return e;
}

}  // namespace labelcost
