#include "scenario.hpp"

#include <algorithm>

namespace labelcost {

const char* kind_name(ItemKind kind) {
    switch (kind) {
        case ItemKind::Labeling: return "labeling";
        case ItemKind::AutoLabeling: return "auto-labeling";
        case ItemKind::Rework: return "rework";
        case ItemKind::Storage: return "storage";
        case ItemKind::Fixed: return "fixed";
        case ItemKind::Discount: return "discount";
        case ItemKind::Credit: return "credit";
    }
    return "fixed";
}

namespace {

std::string id_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

std::string task_ids(const RateCard& card) {
    std::vector<std::string> ids;
    for (const auto& t : card.tasks) ids.push_back(t.id);
    return id_list(ids);
}

std::string workforce_ids(const RateCard& card) {
    std::vector<std::string> ids;
    for (const auto& w : card.workforces) ids.push_back(w.id);
    return id_list(ids);
}

const TaskRates* read_task(Reader& r, const RateCard& card, Need need) {
    const auto id = r.text("task", need, 64);
    if (!id) return nullptr;
    const TaskRates* task = card.task(*id);
    if (!task)
        r.error(Code::unknown_task, r.path_of("task"),
                fmt("\"{}\" is not a task type of rate card {}; use one of: {}", {*id, card.id, task_ids(card)}));
    return task;
}

const WorkforceRates* find_workforce(Reader& r, const RateCard& card, const std::string& id) {
    const WorkforceRates* wf = card.workforce(id);
    if (!wf)
        r.error(Code::unknown_workforce, r.path_of("workforce"),
                fmt("\"{}\" is not a workforce of rate card {}; use one of: {}", {id, card.id, workforce_ids(card)}));
    return wf;
}

const WorkforceRates* read_workforce(Reader& r, const RateCard& card, Need need) {
    const auto id = r.text("workforce", need, 64);
    return id ? find_workforce(r, card, *id) : nullptr;
}

// What an item's workforce and prices must agree on, each a test and the
// words for when it fails: the workforce offers the task; a worker price on
// Mechanical Turk is one of its allowed prices; stated seconds agree with the
// labor's.
bool available(const Item& item) {
    return !item.task || !item.workforce || item.task->available_to(item.workforce->id);
}

std::string unavailable_message(const RateCard& card, const Item& item) {
    const TaskRates& task = *item.task;
    return fmt(task.note.empty() ? "{} is not available for {} on rate card {}"
                                 : "{} is not available for {} on rate card {}: {}",
               {item.workforce->title, task.title, card.id, task.note});
}

bool allowed_price(const Item& item) {
    if (!item.worker_price || !item.task || !item.workforce || item.workforce->id != "mturk") return true;
    const auto& allowed = item.task->mturk_prices;
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), *item.worker_price) != allowed.end();
}

std::string price_message(const Item& item) {
    std::string allowed;
    for (Money m : item.task->mturk_prices) allowed += (allowed.empty() ? "" : ", ") + money_string(m);
    return fmt("${} is not an allowed Mechanical Turk price for {}; allowed: {}",
               {money_string(*item.worker_price), item.task->title, allowed});
}

bool seconds_agree(const Item& item) {
    return !item.seconds || !item.labor || item.labor->seconds.nano == item.seconds->nano;
}

std::string seconds_message(const Item& item) {
    return fmt("says {} seconds but labor.seconds_per_object says {}; give one, or the same in both",
               {scaled_string(item.seconds->nano, kDecPlaces), scaled_string(item.labor->seconds.nano, kDecPlaces)});
}

// A stated multiple outside the workforce's range is used, and said.
std::optional<Issue> multiplier_warning(const RateCard& card, const Item& item, std::string path) {
    const Range<Dec>& range = item.workforce->multiplier;
    if (*item.multiplier >= range.min && *item.multiplier <= range.max) return std::nullopt;
    return Issue{Code::multiplier_outside_range, std::move(path),
                 fmt("x{} is outside rate card {}'s range for {} (x{} to x{}); the stated value is used",
                     {scaled_string(item.multiplier->nano, kDecPlaces), card.id, item.workforce->title,
                      scaled_string(range.min.nano, kDecPlaces), scaled_string(range.max.nano, kDecPlaces)})};
}

void check_available(Reader& r, const RateCard& card, const Item& item) {
    if (!available(item)) r.error(Code::workforce_unavailable, r.path_of("workforce"), unavailable_message(card, item));
}

void check_active_learning_task(Reader& r, std::string_view key, const RateCard& card, const TaskRates* task) {
    if (!task || task->active_learning) return;
    std::vector<std::string> supported;
    for (const auto& t : card.tasks)
        if (t.active_learning) supported.push_back(t.id);
    r.error(Code::active_learning_unsupported, r.path_of(key),
            fmt("active learning is not available for {} on rate card {}; it is for: {}",
                {task->title, card.id, id_list(supported)}));
}

// A quoted price per object replaces the card's price for the human labels,
// and with it the values that would change it.
void read_unit_price(Reader& r, Item& item) {
    const auto price = r.decimal("unit_price", Need::Optional, kMoneyPlaces, 0, limits::kMaxPrice);
    if (!price) return;
    for (const char* other : {"multiplier", "worker_price"})
        if (r.has(other))
            r.error(Code::conflicting_fields, r.path_of("unit_price"),
                    fmt("give either unit_price or {} ({}), not both: a quoted price per object includes it",
                        {other, r.path_of(other)}));
    if (item.workforce && item.workforce->labor)
        r.error(Code::not_applicable, r.path_of("unit_price"),
                fmt("{} workers are paid through labor, not a price per object", {item.workforce->title}));
    item.unit_price = Money{*price};
}

void parse_discount(Reader& r, Item& item) {
    item.fraction = Dec{r.decimal("fraction", Need::Required, kDecPlaces, 0, kNano).value_or(0)};
    if (const auto of = r.text("of", Need::Optional, 16)) {
        if (*of == "labeling")
            item.of = DiscountOf::Labeling;
        else if (*of != "all")
            r.error(Code::invalid_value, r.path_of("of"),
                    fmt("\"{}\" is not what a discount applies to; use all (every item above it) or labeling", {*of}));
    }
}

// seconds_per_object: one worker's time on one object, for the effort. When
// the labor states seconds too, they must agree (Item::stated_seconds()).
void read_seconds(Reader& r, Item& item) {
    const auto seconds = r.decimal("seconds_per_object", Need::Optional, kDecPlaces, 0, limits::kMaxSecondsPerObject);
    if (!seconds) return;
    item.seconds = Dec{*seconds};
    if (!seconds_agree(item)) r.error(Code::conflicting_fields, r.path_of("seconds_per_object"), seconds_message(item));
}

// A decimal that must be more than 0 (hours a week, weeks).
std::optional<std::int64_t> positive(Reader& r, std::string_view key, Need need, std::int64_t max) {
    const auto v = r.decimal(key, need, kDecPlaces, 0, max);
    if (v && *v == 0) {
        r.error(Code::out_of_range, r.path_of(key), "must be more than 0");
        return std::nullopt;
    }
    return v;
}

std::optional<Schedule> read_schedule(Reader& parent) {
    const Json* node = parent.object("schedule", Need::Optional);
    if (!node) return std::nullopt;
    Reader r = parent.child(*node, "schedule", "the schedule");
    if (!r.ok()) return std::nullopt;
    Schedule s;
    s.annotators = r.count("annotators", Need::Optional, 1, limits::kMaxAnnotators);
    if (auto weeks = positive(r, "weeks", Need::Optional, limits::kMaxWeeks)) s.weeks = Dec{*weeks};
    if (auto hours = positive(r, "hours_per_week", Need::Optional, limits::kMaxHoursPerWeek))
        s.hours_per_week = Dec{*hours};
    s.parallel = r.flag("parallel", Need::Optional).value_or(false);
    if (r.has("annotators") && r.has("weeks"))
        r.error(Code::conflicting_fields, r.path_of("weeks"),
                "give either annotators (to find the weeks) or weeks (to find the annotators), not both");
    else if (!r.has("annotators") && !r.has("weeks"))
        r.error(Code::missing_field, r.path_of("annotators"),
                "give annotators (to find the weeks) or weeks (to find the annotators)");
    r.finish();
    return s;
}

// multiplier, workers and worker_price: what changes the card's price of a label.
void read_price_fields(Reader& r, const RateCard& card, Item& item, Issues& warnings) {
    if (auto m = r.decimal("multiplier", Need::Optional, kDecPlaces, 0, limits::kMaxMultiplier))
        item.multiplier = Dec{*m};
    if (item.multiplier && item.workforce) {
        const Range<Dec>& range = item.workforce->multiplier;
        if (range.max.nano == 0) {
            r.error(Code::not_applicable, r.path_of("multiplier"),
                    fmt("{} has no per-label price to multiply; state its labor instead", {item.workforce->title}));
        } else if (auto warning = multiplier_warning(card, item, r.path_of("multiplier"))) {
            warnings.push_back(std::move(*warning));
        }
    }
    if (auto w = r.count("workers", Need::Optional, card.workers_min, card.workers_max))
        item.workers = static_cast<int>(*w);

    if (auto price = r.decimal("worker_price", Need::Optional, kMoneyPlaces, 0, limits::kMaxPrice)) {
        if (card.basis != PriceBasis::WorkerTask) {
            r.error(Code::not_applicable, r.path_of("worker_price"),
                    fmt("rate card {} prices whole objects, not worker tasks; use multiplier instead", {card.id}));
        } else if (item.workforce && item.workforce->labor) {
            r.error(Code::not_applicable, r.path_of("worker_price"),
                    fmt("{} workers are paid through labor, not a worker price", {item.workforce->title}));
        } else {
            item.worker_price = Money{*price};
            if (!allowed_price(item)) r.error(Code::price_not_allowed, r.path_of("worker_price"), price_message(item));
        }
    }
}

// auto_fraction and compute_per_10k, from wherever `r` reads them.
ActiveLearning read_active_learning(Reader& r) {
    ActiveLearning settings;
    if (auto f = r.decimal("auto_fraction", Need::Optional, kDecPlaces, 0, kNano)) settings.auto_fraction = Dec{*f};
    if (auto c = r.decimal("compute_per_10k", Need::Optional, kMoneyPlaces, 0, limits::kMaxCompute))
        settings.compute_per_10k = Money{*c};
    return settings;
}

// jobs (checked against the objects) and duplicates.
void read_jobs(Reader& r, Item& item) {
    item.jobs = r.count("jobs", Need::Optional, 1, limits::kMaxJobs).value_or(1);
    if (auto problem = split_problem(item, r.path_of("jobs"))) r.error(problem->code, problem->path, problem->message);
    item.duplicates = Dec{r.decimal("duplicates", Need::Optional, kDecPlaces, 0, kNano).value_or(0)};
}

void parse_labeling(Reader& r, const RateCard& card, Item& item, Issues& warnings) {
    item.task = read_task(r, card, Need::Required);
    item.objects = r.count("objects", Need::Required, 0, limits::kMaxObjects).value_or(0);
    item.workforce = read_workforce(r, card, Need::Required);
    check_available(r, card, item);
    read_price_fields(r, card, item, warnings);
    read_unit_price(r, item);

    if (const Json* al = r.object("active_learning", Need::Optional)) {
        Reader a = r.child(*al, "active_learning", "the active-learning settings");
        item.active_learning = read_active_learning(a);
        a.finish();
        check_active_learning_task(r, "active_learning", card, item.task);
    }

    item.month = r.count("month", Need::Optional, 1, limits::kMaxMonth).value_or(1);
    read_jobs(r, item);

    if (const Json* labor = r.object("labor", Need::Optional)) {
        Reader l = r.child(*labor, "labor", "the labor settings");
        auto pay = read_labor(l);
        if (item.workforce && !item.workforce->labor)
            r.error(Code::not_applicable, r.path_of("labor"),
                    fmt("labor is paid directly only for a private workforce; {} is priced per label",
                        {item.workforce->title}));
        else
            item.labor = pay;
    }
    read_seconds(r, item);
}

void parse_auto_labeling(Reader& r, const RateCard& card, Item& item) {
    item.objects = r.count("objects", Need::Required, 0, limits::kMaxObjects).value_or(0);
    item.month = r.count("month", Need::Optional, 1, limits::kMaxMonth).value_or(1);
    if (auto rate = r.decimal("compute_per_10k", Need::Optional, kMoneyPlaces, 0, limits::kMaxCompute))
        item.compute_per_10k = Money{*rate};
    if (auto compute = r.decimal("compute", Need::Optional, kMoneyPlaces, 0, limits::kMaxAmount))
        item.compute = Money{*compute};
    if (r.has("compute") && r.has("compute_per_10k"))
        r.error(Code::conflicting_fields, r.path_of("compute"), "give either compute or compute_per_10k, not both");
    // The task and workforce, when given, price what these objects would have
    // cost people to label: the batch's share of the scenario's savings.
    item.task = read_task(r, card, Need::Optional);
    item.workforce = read_workforce(r, card, Need::Optional);
    if (item.workforce && !item.task)
        r.error(Code::missing_field, r.path_of("task"), "is required when workforce is given");
    if (item.task && !item.workforce) {
        item.workforce = card.workforce("mturk");
        item.default_workforce = true;
        if (!item.workforce || !item.task->available_to("mturk")) {
            item.workforce = nullptr;
            r.error(Code::missing_field, r.path_of("workforce"),
                    fmt("is required for {} on rate card {}", {item.task->title, card.id}));
        }
    }
    check_available(r, card, item);
    check_active_learning_task(r, "task", card, item.task);
}

// A rate card the scenario carries itself, validated as a bundled one is,
// every problem under "rates". Its id and aliases may not be a bundled card's.
std::shared_ptr<const RateCard> read_own_card(const Json& json, const CardLookup& cards, Issues& errors) {
    const std::size_t before = errors.size();
    auto card = load_card(json, errors);
    for (std::size_t i = before; i < errors.size(); ++i) {
        std::string& path = errors[i].path;
        path.insert(0, path.empty() || path[0] == '[' ? "rates" : "rates.");
    }
    if (!card) return nullptr;
    bool clash = false;
    if (cards(card->id)) {
        errors.push_back({Code::invalid_card, "rates.id",
                          fmt("\"{}\" is a bundled rate card's id; give your own card an id of its own", {card->id})});
        clash = true;
    }
    for (std::size_t i = 0; i < card->aliases.size(); ++i)
        if (cards(card->aliases[i])) {
            errors.push_back({Code::invalid_card, index_path("rates.aliases", i),
                              fmt("\"{}\" names a bundled rate card", {card->aliases[i]})});
            clash = true;
        }
    if (clash) return nullptr;
    card->is_default = false;
    return std::make_shared<const RateCard>(std::move(*card));
}

// One item of the scenario's "items", read against its card into `item`, a
// new one in the scenario's list (an item is large: building it in place
// saves two moves an item). False when it is not an item.
bool read_item(const Json& json, std::size_t i, const RateCard& card, Item& item, Issues& errors, Issues& warnings) {
    item.index = i;
    Reader ir(json, item.path(), errors, "an item");
    if (!ir.ok()) return false;
    const auto kind = ir.text("kind", Need::Required, 32);
    item.name = ir.text("name", Need::Optional, limits::kMaxNameBytes).value_or("");
    if (!kind) return false;
    if (*kind == "labeling") {
        item.kind = ItemKind::Labeling;
        parse_labeling(ir, card, item, warnings);
    } else if (*kind == "auto-labeling") {
        item.kind = ItemKind::AutoLabeling;
        parse_auto_labeling(ir, card, item);
    } else if (*kind == "rework") {
        item.kind = ItemKind::Rework;
        item.fraction = Dec{ir.decimal("fraction", Need::Required, kDecPlaces, 0, kNano).value_or(0)};
    } else if (*kind == "storage") {
        item.kind = ItemKind::Storage;
        item.gb = Dec{ir.decimal("gb", Need::Required, kDecPlaces, 0, limits::kMaxGb).value_or(0)};
        item.months = ir.count("months", Need::Optional, 0, limits::kMaxMonths).value_or(1);
    } else if (*kind == "fixed" || *kind == "credit") {
        item.kind = *kind == "fixed" ? ItemKind::Fixed : ItemKind::Credit;
        item.amount = Money{ir.decimal("amount", Need::Required, kMoneyPlaces, 0, limits::kMaxAmount).value_or(0)};
    } else if (*kind == "discount") {
        item.kind = ItemKind::Discount;
        parse_discount(ir, item);
    } else {
        ir.error(Code::unknown_kind, ir.path_of("kind"),
                 fmt("\"{}\" is not an item kind; use labeling, auto-labeling, rework, storage, fixed, discount "
                     "or credit",
                     {*kind}));
        return false;
    }
    ir.finish();
    return true;
}

}  // namespace

std::optional<Issue> split_problem(const Item& item, const std::string& path) {
    if (item.jobs > 1 && item.jobs > item.objects && item.objects > 0)
        return Issue{Code::out_of_range, path,
                     fmt("cannot split {} objects into {} jobs", {count_text(item.objects), count_text(item.jobs)})};
    return std::nullopt;
}

namespace {

// The card of "rates", a bundled card's id (the default card when absent) or
// a whole card of the scenario's own, into `scenario`; `fixed_card` instead
// when given. Without a card, the error says why.
void read_rates(Reader& r, const CardLookup& cards, const RateCard* fixed_card, Scenario& scenario) {
    const Json* own = r.has("rates") && r.get("rates")->is_object() ? r.get("rates") : nullptr;
    const auto rates = own ? std::nullopt : r.text("rates", Need::Optional, 64);
    if (fixed_card) {
        scenario.card = fixed_card;
    } else if (own) {
        scenario.own_card = read_own_card(*own, cards, r.errors());
        scenario.card = scenario.own_card.get();
    } else {
        scenario.card = cards(rates.value_or(""));
        if (!scenario.card && rates)
            r.error(Code::unknown_rates, "rates",
                    fmt("\"{}\" is not a bundled rate card (see `labelcost rates`)", {*rates}));
        if (!scenario.card && !rates) r.error(Code::unknown_rates, "rates", "no default rate card is available");
    }
}

// parse_scenario's reading, into `errors` and `warnings`.
std::optional<Scenario> read_scenario(const Json& json, const CardLookup& cards, Issues& errors, Issues& warnings,
                                      const RateCard* fixed_card) {
    const std::size_t errors_before = errors.size();
    Reader r(json, "", errors, "a scenario");
    if (!r.ok()) return std::nullopt;
    Scenario scenario;

    if (const Json* version = r.get("labelcost")) {
        if (!version->is_number_integer() || *version != kScenarioFormat)
            r.error(Code::unsupported_version, "labelcost",
                    "this engine reads scenario format 1, not " + describe(*version) +
                        (version->is_number() && *version > kScenarioFormat ? "; open it with a newer labelcost" : ""));
    } else {
        r.error(Code::missing_field, "labelcost", "is required: the scenario format version, 1");
    }
    scenario.name = r.text("name", Need::Optional, limits::kMaxNameBytes).value_or("");
    r.text("description", Need::Optional, 2000);
    r.text("source", Need::Optional, 500);

    read_rates(r, cards, fixed_card, scenario);
    scenario.free_tier = r.flag("free_tier", Need::Optional).value_or(false);
    scenario.schedule = read_schedule(r);
    const Json* items = r.array("items", Need::Required, limits::kMaxItems);
    r.finish();
    if (!items || !scenario.card) return std::nullopt;
    const RateCard& card = *scenario.card;
    if (scenario.free_tier && !card.free_tier)
        r.error(Code::not_applicable, "free_tier", fmt("rate card {} has no free tier", {card.id}));

    scenario.items.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        Item& item = scenario.items.emplace_back();
        if (!read_item((*items)[i], i, card, item, errors, warnings)) {
            scenario.items.pop_back();
            continue;
        }
        scenario.months = scenario.months || item.month != 1;
    }
    if (errors.size() != errors_before) return std::nullopt;
    return scenario;
}

}  // namespace

Result<Scenario> parse_scenario(const Json& json, const CardLookup& cards, const RateCard* fixed_card) {
    Issues errors, warnings;
    auto scenario = read_scenario(json, cards, errors, warnings, fixed_card);
    if (!scenario) return Result<Scenario>::failure(std::move(errors), std::move(warnings));
    return Result<Scenario>(std::move(*scenario), std::move(warnings));
}

std::optional<Labor> read_labor(Reader& r) {
    const auto hourly = r.decimal("hourly", Need::Required, kMoneyPlaces, 0, limits::kMaxHourly);
    const auto seconds = r.decimal("seconds_per_object", Need::Required, kDecPlaces, 0, limits::kMaxSecondsPerObject);
    r.finish();
    if (!hourly || !seconds) return std::nullopt;
    return Labor{Money{*hourly}, Dec{*seconds}};
}

Issues moved_warnings(const Scenario& s) {
    Issues warnings;
    for (const Item& item : s.items)
        if (item.kind == ItemKind::Labeling && item.multiplier)  // kept only where it was read
            if (auto warning = multiplier_warning(*s.card, item, item.path() + ".multiplier"))
                warnings.push_back(std::move(*warning));
    return warnings;
}

void move_to_workforce(Item& item, const RateCard& card, const WorkforceRates& wf, const std::optional<Labor>& labor,
                       Issues& errors) {
    const bool labeling = item.kind == ItemKind::Labeling;
    if (!labeling && !(item.kind == ItemKind::AutoLabeling && item.workforce && !item.default_workforce)) return;
    if (item.workforce != &wf && labeling) {
        item.multiplier.reset();
        item.unit_price.reset();
        if (wf.labor)
            item.worker_price.reset();
        else
            item.labor.reset();
    }
    item.workforce = &wf;
    if (labeling && wf.labor && !item.labor) item.labor = labor;
    if (!available(item))
        errors.push_back({Code::workforce_unavailable, item.path() + ".workforce", unavailable_message(card, item)});
    if (!allowed_price(item))
        errors.push_back({Code::price_not_allowed, item.path() + ".worker_price", price_message(item)});
    if (!seconds_agree(item))
        errors.push_back({Code::conflicting_fields, item.path() + ".seconds_per_object", seconds_message(item)});
}

std::optional<Scenario> read_table_scenario(Reader& r, const CardLookup& cards, Issues& warnings) {
    Scenario scenario;
    read_rates(r, cards, nullptr, scenario);
    if (!scenario.card) {
        // Without a card only the task's presence can be checked; the rest
        // is read so that finish() does not call it unknown.
        r.text("task", Need::Required, 64);
        for (const char* key : {"workforce", "workers", "multiplier", "worker_price", "jobs", "duplicates",
                                "auto_fraction", "compute_per_10k"})
            r.get(key);
        return std::nullopt;
    }
    const RateCard& card = *scenario.card;
    Item& item = scenario.items.emplace_back();
    item.kind = ItemKind::Labeling;
    item.task = read_task(r, card, Need::Required);
    const auto workforce = r.text("workforce", Need::Optional, 64);
    if (workforce || !r.has("workforce")) item.workforce = find_workforce(r, card, workforce.value_or("mturk"));
    check_available(r, card, item);
    read_price_fields(r, card, item, warnings);
    item.active_learning = read_active_learning(r);
    check_active_learning_task(r, "task", card, item.task);
    read_jobs(r, item);
    return scenario;
}

}  // namespace labelcost
