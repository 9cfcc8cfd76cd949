#include "card.hpp"

#include <algorithm>
#include <type_traits>

namespace labelcost {
namespace {

bool valid_id(std::string_view id, bool task_id) {
    if (id.empty() || id.size() > 64) return false;
    int slashes = 0;
    for (char c : id) {
        if (c == '/') {
            ++slashes;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    if (!task_id) return slashes == 0;
    return slashes == 1 && id.front() != '/' && id.back() != '/';
}

bool valid_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (d[i] < '0' || d[i] > '9') return false;
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void invalid(Issues& errors, std::string path, std::string message) {
    errors.push_back({Code::invalid_card, std::move(path), std::move(message)});
}

// T is Dec (nano-units) or Money (micro-dollars); its places follow.
template <class T>
std::optional<Range<T>> read_range(Reader& parent, std::string_view key, std::int64_t max) {
    constexpr int places = std::is_same_v<T, Money> ? kMoneyPlaces : kDecPlaces;
    const Json* node = parent.object(key, Need::Required);
    if (!node) return std::nullopt;
    Reader r = parent.child(*node, key, "a range");
    const auto lo = r.decimal("min", Need::Required, places, 0, max);
    const auto typ = r.decimal("typical", Need::Required, places, 0, max);
    const auto hi = r.decimal("max", Need::Required, places, 0, max);
    r.finish();
    if (!lo || !typ || !hi) return std::nullopt;
    if (!(*lo <= *typ && *typ <= *hi)) {
        invalid(r.errors(), r.path(), "needs min <= typical <= max");
        return std::nullopt;
    }
    return Range<T>{T{*lo}, T{*typ}, T{*hi}};
}

// Graduated tiers: [{"up_to": N, "price": P}, ..., {"price": P}].
std::optional<std::vector<Tier>> read_tiers(Reader& parent, std::string_view key, bool allow_empty) {
    const Json* arr = parent.array(key, Need::Required, 20);
    if (!arr) return std::nullopt;
    const std::string base = parent.path_of(key);
    std::vector<Tier> tiers;
    bool ok = true;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader t((*arr)[i], index_path(base, i), parent.errors(), "a price tier");
        if (!t.ok()) {
            ok = false;
            continue;
        }
        const bool last = i + 1 == arr->size();
        const auto up_to = t.count("up_to", last ? Need::Optional : Need::Required, 1, limits::kMaxTierUpTo);
        const auto price = t.decimal("price", Need::Required, kMoneyPlaces, 0, limits::kMaxPrice);
        t.finish();
        if (last && t.has("up_to")) {
            invalid(parent.errors(), t.path_of("up_to"), "the last tier has no upper bound");
            ok = false;
        }
        if (!price || (!last && !up_to)) {
            ok = false;
            continue;
        }
        if (!tiers.empty() && up_to && tiers.back().up_to && *up_to <= *tiers.back().up_to) {
            invalid(parent.errors(), t.path_of("up_to"), "tier bounds must increase");
            ok = false;
        }
        tiers.push_back(Tier{last ? std::nullopt : up_to, Money{*price}});
    }
    if (!allow_empty && arr->empty()) {
        invalid(parent.errors(), base, "needs at least one tier");
        ok = false;
    }
    if (!ok) return std::nullopt;
    return tiers;
}

struct Refs {
    std::vector<std::string> sources;
    std::vector<std::string> assumptions;
};

void check_ref(Reader& r, std::string_view key, const std::vector<std::string>& known, const char* what,
               std::string& out) {
    const auto v = r.text(key, Need::Optional, 64);
    if (!v) return;
    if (std::find(known.begin(), known.end(), *v) == known.end()) {
        invalid(r.errors(), r.path_of(key), std::string("names no ") + what + " of this card: \"" + *v + "\"");
        return;
    }
    out = *v;
}

// A list of ids, each naming one of `known` (an assumption's further sources).
void check_refs(Reader& r, std::string_view key, const std::vector<std::string>& known, const char* what) {
    const Json* list = r.array(key, Need::Optional, 20);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& v = (*list)[i];
        if (!v.is_string() || std::find(known.begin(), known.end(), v.get<std::string>()) == known.end())
            invalid(r.errors(), index_path(r.path_of(key), i), std::string("names no ") + what + " of this card");
    }
}

// "effort": {"task/id": {"seconds": {min, typical, max}, "assumption": id}}:
// one worker's seconds on one object of a task, where the card gives them.
void read_effort(Reader& r, const Refs& refs, RateCard& card) {
    const Json* effort = r.object("effort", Need::Optional);
    if (!effort) return;
    for (const auto& [id, node] : effort->items()) {
        const std::string path = join_path("effort", id);
        const auto task =
            std::find_if(card.tasks.begin(), card.tasks.end(), [&id = id](const TaskRates& t) { return t.id == id; });
        if (task == card.tasks.end()) {
            invalid(r.errors(), path, "names no task of this card: \"" + id + "\"");
            continue;
        }
        Reader e(node, path, r.errors(), "a task's effort");
        if (!e.ok()) continue;
        EffortRates rates;
        const auto seconds = read_range<Dec>(e, "seconds", limits::kMaxSecondsPerObject);
        check_ref(e, "assumption", refs.assumptions, "assumption", rates.assumption);
        e.finish();
        if (!seconds) continue;
        rates.seconds = *seconds;
        task->effort = rates;
    }
}

}  // namespace

bool TaskRates::available_to(std::string_view workforce) const {
    return std::find(unavailable.begin(), unavailable.end(), workforce) == unavailable.end();
}

std::int64_t ActiveLearningRates::share_for(std::int64_t objects) const {
    for (const auto& tier : validation_share)
        if (!tier.below || objects < *tier.below) return tier.share.nano;
    return 0;
}

const TaskRates* RateCard::task(std::string_view task_id) const {
    for (const auto& t : tasks)
        if (t.id == task_id) return &t;
    return nullptr;
}

const WorkforceRates* RateCard::workforce(std::string_view workforce_id) const {
    for (const auto& w : workforces)
        if (w.id == workforce_id) return &w;
    return nullptr;
}

std::optional<RateCard> load_card(const Json& json, Issues& errors) {
    const std::size_t errors_before = errors.size();
    Reader r(json, "", errors, "a rate card");
    if (!r.ok()) return std::nullopt;
    RateCard card;

    if (const Json* schema = r.get("$schema"); schema && !schema->is_string())
        r.error(Code::wrong_type, "$schema", "must be a string");
    if (const auto version = r.get("labelcost_rates"); !version || *version != 1)
        r.error(Code::unsupported_version, "labelcost_rates", "this engine reads rate cards of format 1");

    if (auto id = r.text("id", Need::Required, 64)) {
        if (!valid_id(*id, false)) invalid(errors, "id", "must be 1-64 characters of a-z, 0-9 and '-'");
        card.id = *id;
    }
    if (const Json* aliases = r.array("aliases", Need::Optional, 10)) {
        for (std::size_t i = 0; i < aliases->size(); ++i) {
            const Json& a = (*aliases)[i];
            if (!a.is_string() || !valid_id(a.get_ref<const std::string&>(), false)) {
                invalid(errors, index_path("aliases", i), "must be an id (a-z, 0-9, '-')");
                continue;
            }
            card.aliases.push_back(a.get<std::string>());
        }
    }
    if (auto title = r.text("title", Need::Required)) card.title = *title;
    r.text("summary", Need::Optional, 2000);
    r.text("notice", Need::Optional, 500);  // a fact that changes the picture, shown with every estimate
    if (auto currency = r.text("currency", Need::Required, 8)) {
        if (*currency != "USD") invalid(errors, "currency", "only USD cards are supported");
        card.currency = *currency;
    }
    if (auto effective = r.text("effective", Need::Required, 10)) {
        if (!valid_date(*effective)) invalid(errors, "effective", "must be a date written YYYY-MM-DD");
        card.effective = *effective;
    }
    if (auto is_default = r.flag("default", Need::Optional)) card.is_default = *is_default;

    Refs refs;
    if (const Json* sources = r.array("sources", Need::Required, 50)) {
        for (std::size_t i = 0; i < sources->size(); ++i) {
            Reader s((*sources)[i], index_path("sources", i), errors, "a source");
            const auto id = s.text("id", Need::Required, 64);
            s.text("title", Need::Required, 300);
            if (const auto url = s.text("url", Need::Optional, 500); url && url->rfind("https://", 0) != 0)
                invalid(errors, s.path_of("url"), "must be an https:// address");
            s.finish();
            if (id) refs.sources.push_back(*id);
        }
    }
    if (const Json* assumptions = r.array("assumptions", Need::Required, 100)) {
        for (std::size_t i = 0; i < assumptions->size(); ++i) {
            Reader a((*assumptions)[i], index_path("assumptions", i), errors, "an assumption");
            const auto id = a.text("id", Need::Required, 64);
            a.flag("confirmed", Need::Required);
            a.text("text", Need::Required, 1000);
            std::string source;
            check_ref(a, "source", refs.sources, "source", source);
            check_refs(a, "also", refs.sources, "source");
            a.finish();
            if (id) refs.assumptions.push_back(*id);
        }
    }

    if (auto basis = r.text("price_basis", Need::Required, 32)) {
        if (*basis == "object")
            card.basis = PriceBasis::Object;
        else if (*basis == "worker-task")
            card.basis = PriceBasis::WorkerTask;
        else
            invalid(errors, "price_basis", "must be \"object\" or \"worker-task\"");
    }
    if (const Json* workers = r.object("workers", Need::Required)) {
        Reader w = r.child(*workers, "workers", "the workers settings");
        const auto lo = w.count("min", Need::Required, 1, limits::kMaxWorkers);
        const auto def = w.count("default", Need::Required, 1, limits::kMaxWorkers);
        const auto hi = w.count("max", Need::Required, 1, limits::kMaxWorkers);
        const auto priced = w.count("priced_at", Need::Required, 1, limits::kMaxWorkers);
        w.finish();
        if (lo && def && hi && priced) {
            if (!(*lo <= *def && *def <= *hi)) invalid(errors, "workers", "needs min <= default <= max");
            card.workers_min = static_cast<int>(*lo);
            card.workers_default = static_cast<int>(*def);
            card.workers_max = static_cast<int>(*hi);
            card.priced_at = static_cast<int>(*priced);
        }
    }

    std::vector<std::pair<std::string, std::vector<Money>>> price_lists;
    if (const Json* lists = r.object("price_lists", Need::Optional)) {
        for (const auto& [name, list] : lists->items()) {
            const std::string path = join_path("price_lists", name);
            if (!list.is_array() || list.empty() || list.size() > 100) {
                invalid(errors, path, "must be a list of 1-100 prices");
                continue;
            }
            std::vector<Money> prices;
            for (std::size_t i = 0; i < list.size(); ++i)
                if (auto p = read_scaled(list[i], index_path(path, i), kMoneyPlaces, 0, limits::kMaxPrice, errors))
                    prices.push_back(Money{*p});
            price_lists.emplace_back(name, std::move(prices));
        }
    }

    if (const Json* tasks = r.object("tasks", Need::Required)) {
        if (tasks->empty() || tasks->size() > 100) invalid(errors, "tasks", "must list 1-100 task types");
        for (const auto& [id, node] : tasks->items()) {
            const std::string path = join_path("tasks", id);
            if (!valid_id(id, true)) invalid(errors, path, "a task id is written modality/name (a-z, 0-9, '-')");
            Reader t(node, path, errors, "a task type");
            if (!t.ok()) continue;
            TaskRates task;
            task.id = id;
            task.title = t.text("title", Need::Required).value_or("");
            task.modality = t.text("modality", Need::Required, 32).value_or("");
            task.unit = t.text("unit", Need::Required, 32).value_or("");
            task.note = t.text("note", Need::Optional, 1000).value_or("");
            if (auto price = t.decimal("price", Need::Required, kMoneyPlaces, 0, limits::kMaxPrice))
                task.price = Money{*price};
            if (auto list = t.text("mturk_prices", Need::Optional, 64)) {
                const auto it = std::find_if(price_lists.begin(), price_lists.end(),
                                             [&](const auto& p) { return p.first == *list; });
                if (it == price_lists.end()) {
                    invalid(errors, t.path_of("mturk_prices"), "names no list in price_lists: \"" + *list + "\"");
                } else {
                    task.mturk_prices = it->second;
                    task.mturk_price_list = *list;
                    if (std::find(task.mturk_prices.begin(), task.mturk_prices.end(), task.price) ==
                        task.mturk_prices.end())
                        invalid(errors, t.path_of("price"), "must be one of the task's allowed worker prices");
                }
            }
            task.active_learning = t.flag("active_learning", Need::Optional).value_or(false);
            if (auto dw = t.count("default_workers", Need::Optional, 1, limits::kMaxWorkers))
                task.default_workers = static_cast<int>(*dw);
            if (const Json* un = t.array("unavailable", Need::Optional, 10)) {
                for (std::size_t i = 0; i < un->size(); ++i) {
                    if (!(*un)[i].is_string()) {
                        invalid(errors, index_path(t.path_of("unavailable"), i), "must be a workforce id");
                        continue;
                    }
                    task.unavailable.push_back((*un)[i].get<std::string>());
                }
            }
            check_ref(t, "assumption", refs.assumptions, "assumption", task.assumption);
            t.finish();
            card.tasks.push_back(std::move(task));
        }
    }

    if (const Json* workforces = r.object("workforces", Need::Required)) {
        if (workforces->empty() || workforces->size() > 20) invalid(errors, "workforces", "must list 1-20 workforces");
        for (const auto& [id, node] : workforces->items()) {
            const std::string path = join_path("workforces", id);
            if (!valid_id(id, false)) invalid(errors, path, "a workforce id is written with a-z, 0-9 and '-'");
            Reader w(node, path, errors, "a workforce");
            if (!w.ok()) continue;
            WorkforceRates wf;
            wf.id = id;
            wf.title = w.text("title", Need::Required).value_or("");
            if (auto m = read_range<Dec>(w, "multiplier", limits::kMaxMultiplier)) wf.multiplier = *m;
            wf.labor = w.flag("labor", Need::Optional).value_or(false);
            wf.staffed = w.flag("staffed", Need::Optional).value_or(true);
            check_ref(w, "assumption", refs.assumptions, "assumption", wf.assumption);
            w.finish();
            card.workforces.push_back(std::move(wf));
        }
    }
    for (const auto& task : card.tasks)
        for (const auto& wf : task.unavailable)
            if (!card.workforce(wf))
                invalid(errors, join_path(join_path("tasks", task.id), "unavailable"),
                        "names no workforce of this card: \"" + wf + "\"");
    for (const auto& task : card.tasks)
        if (task.default_workers &&
            (task.default_workers < card.workers_min || task.default_workers > card.workers_max))
            invalid(errors, join_path(join_path("tasks", task.id), "default_workers"),
                    "must lie within the card's workers min..max");

    if (const Json* al = r.object("active_learning", Need::Required)) {
        Reader a = r.child(*al, "active_learning", "the active-learning settings");
        auto& out = card.active_learning;
        if (auto f = read_range<Dec>(a, "auto_fraction", kNano)) out.auto_fraction = *f;
        if (auto c = read_range<Money>(a, "compute_per_10k", limits::kMaxCompute)) out.compute_per_10k = *c;
        if (auto m = a.decimal("compute_minimum_per_job", Need::Required, kMoneyPlaces, 0, limits::kMaxCompute))
            out.compute_minimum = Money{*m};
        out.min_dataset = a.count("min_dataset", Need::Required, 0, limits::kMaxObjects).value_or(0);
        out.min_human_objects = a.count("min_human_objects", Need::Required, 0, limits::kMaxObjects).value_or(0);
        if (const Json* shares = a.array("validation_share", Need::Required, 10)) {
            const std::string base = a.path_of("validation_share");
            for (std::size_t i = 0; i < shares->size(); ++i) {
                Reader s((*shares)[i], index_path(base, i), errors, "a validation share");
                const bool last = i + 1 == shares->size();
                ShareTier tier;
                tier.below = s.count("below", last ? Need::Optional : Need::Required, 1, limits::kMaxObjects);
                if (last) tier.below.reset();
                tier.share = Dec{s.decimal("share", Need::Required, kDecPlaces, 0, kNano).value_or(0)};
                s.finish();
                if (!out.validation_share.empty() && tier.below && out.validation_share.back().below &&
                    *tier.below <= *out.validation_share.back().below)
                    invalid(errors, s.path_of("below"), "bounds must increase");
                out.validation_share.push_back(tier);
            }
        }
        a.finish();
    }
    if (auto fee = read_tiers(r, "fee", true)) card.fee = std::move(*fee);
    if (const Json* free = r.object("free_tier", Need::Optional)) {
        Reader f = r.child(*free, "free_tier", "the free tier");
        FreeTier tier;
        tier.objects = f.count("objects", Need::Required, 1, limits::kMaxObjects).value_or(0);
        tier.months = f.count("months", Need::Required, 1, limits::kMaxMonth).value_or(0);
        f.text("source", Need::Optional, 64);
        f.finish();
        card.free_tier = tier;
    }
    if (auto storage = read_tiers(r, "storage", false)) card.storage = std::move(*storage);
    read_effort(r, refs, card);
    r.finish();

    if (errors.size() != errors_before) return std::nullopt;
    return card;
}

}  // namespace labelcost
