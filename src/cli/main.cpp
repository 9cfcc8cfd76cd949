// labelcost: the command-line face of the cost engine.
//
// Exit status: 0 success, 1 invalid input (errors on stderr, each with its
// JSON path), 2 usage error.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/api.hpp"

namespace {

using labelcost::Json;

constexpr const char* kUsage = R"(usage: labelcost <command> [options]

commands:
  estimate FILE|-            price a scenario (scenario format v1, JSON)
  estimate --preset NAME     price a bundled preset
  table TASK                 active-learning savings across dataset sizes
  compare FILE|-             the scenario under every workforce (--by workforce)
                             or every rate card (--by rates); also --preset NAME
  compare FILE FILE [FILE..] 2 to 4 scenarios side by side, each against the first
  sweep FILE|-               totals over a grid, for charts (a sweep request, JSON)
  budget FILE|- --budget USD the most objects of an item the budget labels;
                             also --preset NAME, --item N
  rates [ID]                 list the bundled rate cards, or show one as JSON
  rates --check FILE         check a rate-card file: its problems, or a summary
  presets                    list the bundled presets
  version                    engine and format versions

options:
  --rates ID|FILE            price with this rate card: a bundled id or alias,
                             or a rate-card JSON file
  --format FORMAT            table (default), json, csv or markdown
  --preset NAME              a bundled scenario instead of FILE
  --date YYYY-MM-DD          estimate --format csv: the estimate's date (default today)
  --by workforce|rates       what compare varies (default: workforce)
  --workforce ID             table: the workforce (default mturk)
  --sizes N,N,...            table: dataset sizes (default 10000,50000,100000)
  --auto-fraction F          table: share auto-labeled, 0-1 (default: the card's)
  --compute-per-10k USD      table: compute per 10,000 objects (default: the card's)
  --labor HOURLY,SECONDS     compare: private workforce pay and seconds per object
  --budget USD               budget: the amount, e.g. 5000
  --item N                   budget: the item to count, from 1 (default: the first
                             labeling or auto-labeling item)
  -h, --help                 this help
  --version                  the labelcost version, e.g. "labelcost 0.1.0"

exit status: 0 success, 1 invalid input, 2 usage error
)";

struct UsageError {
    std::string message;
};

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
};

// Each command and the options it takes (each takes a value).
struct Command {
    const char* name;
    std::vector<std::string> options;
};
const std::vector<Command>& commands() {
    static const std::vector<Command> list = {
        {"estimate", {"--rates", "--format", "--preset", "--date"}},
        {"table", {"--rates", "--format", "--workforce", "--sizes", "--auto-fraction", "--compute-per-10k"}},
        {"compare", {"--format", "--preset", "--by", "--labor"}},
        {"sweep", {}},
        {"budget", {"--format", "--preset", "--budget", "--item", "--rates"}},
        {"rates", {"--format", "--check"}},
        {"presets", {"--format"}},
        {"version", {}},
        {"help", {}},
    };
    return list;
}

// The first argument the command line left over, as a usage error: an
// option of another command, an unknown option, or an unknown command.
UsageError leftover(const std::string& command, const std::string& arg) {
    if (arg.rfind('-', 0) != 0 || arg == "-") return UsageError{"unknown command \"" + arg + "\""};
    std::string key = arg.substr(0, arg.find('='));
    for (const Command& c : commands())
        if (!command.empty() && std::find(c.options.begin(), c.options.end(), key) != c.options.end())
            return UsageError{key.append(" does not apply to ").append(command)};
    return UsageError{"unknown option " + key};
}

// Reads the command line with CLI11: a command, its files and its options.
// Throws UsageError with the messages the README documents; -h/--help and
// --version come back as the commands "help" and "--version".
Args parse_args(int argc, char** argv) {
    CLI::App app{"labelcost", "labelcost"};
    app.allow_extras();
    app.fallthrough();
    bool version = false;
    app.add_flag("--version", version);
    Args a;
    std::map<std::string, std::pair<CLI::Option*, std::string>> values;
    for (const Command& c : commands()) {
        CLI::App* sub = app.add_subcommand(c.name);
        sub->add_option("files", a.positional);
        for (const std::string& name : c.options) {
            auto& [option, value] = values[std::string(c.name) + " " + name];
            // Given twice, the last one counts.
            option = sub->add_option(name, value)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        a.command = "help";
        return a;
    } catch (const CLI::ArgumentMismatch& e) {
        const std::string what = e.what();
        throw UsageError{what.substr(0, what.find(':')) + " needs a value"};
    } catch (const CLI::ParseError& e) {
        throw UsageError{e.what()};
    }
    if (version) {
        a.command = "--version";
        return a;
    }
    const auto chosen = app.get_subcommands();
    if (!chosen.empty()) a.command = chosen.front()->get_name();
    // What no command took (CLI11 hands a command's leftovers up to the app):
    // more files (the command checks how many it takes), or a usage error.
    bool files_only = false;
    for (const std::string& arg : app.remaining(true)) {
        if (arg == "--" && !files_only)
            files_only = true;
        else if (!a.command.empty() && (files_only || arg == "-" || arg.rfind('-', 0) != 0))
            a.positional.push_back(arg);
        else
            throw leftover(a.command, arg);
    }
    for (const auto& [key, given] : values)
        if (given.first->count() > 0 && key.rfind(a.command + " ", 0) == 0)
            a.options[key.substr(a.command.size() + 1)] = given.second;
    return a;
}

std::string read_input(const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError{"cannot read " + path};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Prints one problem: "labelcost: FILE: path: message [code]".
void print_problem(const std::string& source, const std::string& path, const std::string& message,
                   std::string_view code) {
    std::cerr << "labelcost: " << source << (path.empty() ? "" : path + ": ") << message << " [" << code << "]\n";
}

// Prints the engine's errors as they are listed in an answer; exit status 1.
int report(const labelcost::Issues& errors, const std::string& source = "") {
    for (const auto& e : labelcost::listed_errors(errors))
        print_problem(source, e.path, e.message, labelcost::code_name(e.code));
    return 1;
}

labelcost::TextFormat text_format(const std::string& f) {
    if (f == "csv") return labelcost::TextFormat::Csv;
    if (f == "markdown") return labelcost::TextFormat::Markdown;
    return labelcost::TextFormat::Table;
}

std::string output_format(const Args& a) {
    const auto it = a.options.find("--format");
    std::string f = it == a.options.end() ? "table" : it->second;
    if (f != "table" && f != "json" && f != "csv" && f != "markdown")
        throw UsageError{"--format takes table, json, csv or markdown, not \"" + f + "\""};
    return f;
}

std::string option(const Args& a, const std::string& key, const std::string& fallback = "") {
    const auto it = a.options.find(key);
    return it == a.options.end() ? fallback : it->second;
}

// The catalog to price with: the bundled one, or one holding only the card
// read from --rates FILE.
struct Cards {
    const labelcost::Catalog* catalog = &labelcost::bundled_catalog();
    labelcost::Catalog custom;
    std::string rates_id;  // forced card id, or empty
};

std::optional<int> load_cards(const Args& a, Cards& cards) {
    const std::string rates = option(a, "--rates");
    if (rates.empty()) return std::nullopt;
    if (const auto* card = cards.catalog->card(rates)) {
        cards.rates_id = card->id;
        return std::nullopt;
    }
    if (rates.find('/') == std::string::npos && rates.find(".json") == std::string::npos) {
        print_problem("", "--rates " + rates, "not a bundled rate card (see `labelcost rates`) and not a file",
                      labelcost::code_name(labelcost::Code::unknown_rates));
        return 1;
    }
    const auto errors = cards.custom.add_card(read_input(rates));
    if (!errors.empty()) return report(errors, rates + ": ");
    cards.catalog = &cards.custom;
    cards.rates_id = cards.custom.cards().front().id;
    return std::nullopt;
}

// The scenario JSON from FILE, - or --preset.
std::optional<Json> load_scenario(const Args& a, int& status) {
    const std::string preset = option(a, "--preset");
    if (!preset.empty()) {
        if (!a.positional.empty()) throw UsageError{"give either FILE or --preset, not both"};
        const auto* p = labelcost::bundled_catalog().preset(preset);
        if (!p) {
            std::string names;
            for (const auto& q : labelcost::bundled_catalog().presets()) names += (names.empty() ? "" : ", ") + q.name;
            print_problem("", "", "no preset \"" + preset + "\"; presets: " + names,
                          labelcost::code_name(labelcost::Code::unknown_preset));
            status = 1;
            return std::nullopt;
        }
        return p->scenario;
    }
    if (a.positional.size() != 1) throw UsageError{a.command + " needs one FILE (or - for standard input)"};
    auto j = labelcost::api::read_json(read_input(a.positional[0]));
    if (!j) {
        status = report(j.errors());
        return std::nullopt;
    }
    return std::move(*j);
}

// Prints an answer: its errors (exit status 1), or its result as indented
// JSON or rendered as `format`.
int print(const labelcost::Answer& answer, const std::string& format,
          const std::function<std::string(const Json&, labelcost::TextFormat)>& render) {
    if (!answer) return report(answer.errors());
    const Json result = Json::parse(*answer);
    if (format == "json")
        std::cout << result.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    else
        std::cout << render(result, text_format(format));
    return 0;
}

// Today's local date, YYYY-MM-DD.
std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

// --date YYYY-MM-DD (a real calendar day), or today; only CSV writes a date.
std::string estimate_date(const Args& a, const std::string& format) {
    if (!a.options.count("--date")) return today();
    if (format != "csv") throw UsageError{"--date applies only to --format csv"};
    std::string d = option(a, "--date");
    const auto digits = [&](std::size_t from, std::size_t n) {
        const std::string_view part = std::string_view(d).substr(from, n);
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const bool shaped = d.size() == 10 && d[4] == '-' && d[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2);
    const int year = shaped ? std::stoi(d.substr(0, 4)) : 0, month = shaped ? std::stoi(d.substr(5, 2)) : 0;
    const int day = shaped ? std::stoi(d.substr(8, 2)) : 0;
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!shaped || month < 1 || month > 12 || day < 1 || day > days[month - 1])
        throw UsageError{"--date takes a day as YYYY-MM-DD, e.g. 2026-12-01, not \"" + d + "\""};
    return d;
}

int cmd_estimate(const Args& a) {
    const std::string format = output_format(a);
    const std::string date = estimate_date(a, format);
    Cards cards;
    if (auto status = load_cards(a, cards)) return *status;
    int status = 0;
    auto scenario = load_scenario(a, status);
    if (!scenario) return status;
    const labelcost::RateCard* fixed = nullptr;
    if (!cards.rates_id.empty()) {
        fixed = cards.catalog->card(cards.rates_id);
        if (scenario->is_object()) (*scenario)["rates"] = cards.rates_id;
    }
    return print(
        labelcost::api::parsed::estimate(*cards.catalog, *scenario, fixed), format,
        [&](const Json& result, labelcost::TextFormat f) { return labelcost::render_estimate(result, f, date); });
}

// "10000,50000" -> [10000, 50000] (numbers kept as text for the engine to check).
Json number_list(const std::string& text) {
    Json list = Json::array();
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) list.push_back(part);
    return list;
}

int cmd_table(const Args& a) {
    const std::string format = output_format(a);
    if (a.positional.size() != 1) throw UsageError{"table needs one TASK, e.g. image/classification"};
    Cards cards;
    if (auto status = load_cards(a, cards)) return *status;
    Json request = {{"task", a.positional[0]}, {"workforce", option(a, "--workforce", "mturk")}};
    if (!cards.rates_id.empty()) request["rates"] = cards.rates_id;
    if (a.options.count("--sizes")) request["sizes"] = number_list(option(a, "--sizes"));
    if (a.options.count("--auto-fraction")) request["auto_fraction"] = option(a, "--auto-fraction");
    if (a.options.count("--compute-per-10k")) request["compute_per_10k"] = option(a, "--compute-per-10k");
    return print(labelcost::api::parsed::savings_table(*cards.catalog, request), format,
                 labelcost::render_savings_table);
}

// compare FILE FILE [FILE...]: plans side by side.
int cmd_compare_plans(const Args& a) {
    for (const auto& option : a.options)
        if (option.first != "--format")
            throw UsageError{"compare FILE FILE takes only --format (" + option.first + " is for one scenario)"};
    Json request = {{"scenarios", Json::array()}};
    for (const std::string& file : a.positional) {
        auto j = labelcost::api::read_json(read_input(file));
        if (!j) return report(j.errors());
        request["scenarios"].push_back(std::move(*j));
    }
    const auto& catalog = labelcost::bundled_catalog();
    return print(labelcost::api::parsed::compare_scenarios(catalog, request), output_format(a),
                 labelcost::render_plans);
}

int cmd_compare(const Args& a) {
    if (a.positional.size() >= 2) return cmd_compare_plans(a);
    const std::string format = output_format(a);
    const std::string by = option(a, "--by", "workforce");
    if (by != "workforce" && by != "rates") throw UsageError{"--by takes workforce or rates"};
    int status = 0;
    auto scenario = load_scenario(a, status);
    if (!scenario) return status;
    Json request = {{"scenario", *scenario}};
    if (a.options.count("--labor")) {
        const Json parts = number_list(option(a, "--labor"));
        if (parts.size() != 2) throw UsageError{"--labor takes HOURLY,SECONDS, e.g. 25,30"};
        request["labor"] = {{"hourly", parts[0]}, {"seconds_per_object", parts[1]}};
    }
    const auto& catalog = labelcost::bundled_catalog();
    namespace parsed = labelcost::api::parsed;
    return print(by == "rates" ? parsed::compare_cards(catalog, request) : parsed::compare_workforces(catalog, request),
                 format, labelcost::render_comparison);
}

int cmd_budget(const Args& a) {
    const std::string format = output_format(a);
    if (!a.options.count("--budget")) throw UsageError{"budget needs --budget USD, e.g. --budget 5000"};
    Cards cards;
    if (auto status = load_cards(a, cards)) return *status;
    int status = 0;
    auto scenario = load_scenario(a, status);
    if (!scenario) return status;
    if (!cards.rates_id.empty() && scenario->is_object()) (*scenario)["rates"] = cards.rates_id;
    Json request = {{"budget", option(a, "--budget")}, {"scenario", *scenario}};
    if (a.options.count("--item")) {
        const std::string n = option(a, "--item");
        if (n.empty() || n.size() > 4 ||
            !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }) || std::stoi(n) < 1)
            throw UsageError{"--item takes an item's number, from 1, not \"" + n + "\""};
        request["item"] = std::stoi(n) - 1;
    }
    return print(labelcost::api::parsed::budget(*cards.catalog, request), format, labelcost::render_budget);
}

int cmd_sweep(const Args& a) {
    if (a.positional.size() != 1) throw UsageError{"sweep needs one FILE (or - for standard input)"};
    const auto request = labelcost::api::read_json(read_input(a.positional[0]));
    if (!request) return report(request.errors());
    const auto answer = labelcost::api::parsed::sweep(labelcost::bundled_catalog(), *request);
    if (!answer) return report(answer.errors());
    std::cout << Json::parse(*answer).dump(2) << "\n";
    return 0;
}

// rates --check FILE: the card's problems (exit 1), or what it holds.
int check_card(const std::string& file) {
    labelcost::Catalog own;
    const auto errors = own.add_card(read_input(file));
    if (!errors.empty()) return report(errors, file + ": ");
    const auto& card = own.cards().front();
    std::cout << file << ": rate card " << card.id << " (" << card.title << "), effective " << card.effective << ", "
              << card.tasks.size() << " task types, " << card.workforces.size() << " workforces\n";
    if (labelcost::bundled_catalog().card(card.id))
        std::cout << "  note: " << card.id << " is a bundled card's id; a scenario that carries this card "
                  << "as its own \"rates\" needs an id of its own\n";
    return 0;
}

int cmd_rates(const Args& a) {
    if (a.options.count("--check")) {
        if (!a.positional.empty()) throw UsageError{"give either ID or --check FILE, not both"};
        return check_card(option(a, "--check"));
    }
    const std::string format = output_format(a);
    const auto& catalog = labelcost::bundled_catalog();
    if (a.positional.size() > 1) throw UsageError{"rates takes at most one ID"};
    if (a.positional.size() == 1) {
        const auto* card = catalog.card(a.positional[0]);
        if (!card) {
            print_problem("", "", "no rate card \"" + a.positional[0] + "\" (see `labelcost rates`)",
                          labelcost::code_name(labelcost::Code::unknown_rates));
            return 1;
        }
        std::cout << Json::parse(card->text).dump(2) << "\n";
        return 0;
    }
    if (format == "json") {
        std::cout << Json::parse(labelcost::api::rates(catalog)).dump(2) << "\n";
        return 0;
    }
    for (const auto& card : catalog.cards()) {
        std::cout << card.id << (card.is_default ? " (default)" : "") << "\n  " << card.title << ", effective "
                  << card.effective << "\n";
        if (!card.aliases.empty()) {
            std::cout << "  aliases:";
            for (const auto& alias : card.aliases) std::cout << " " << alias;
            std::cout << "\n";
        }
    }
    return 0;
}

int cmd_presets(const Args& a) {
    const std::string format = output_format(a);
    const auto& catalog = labelcost::bundled_catalog();
    if (format == "json") {
        std::cout << Json::parse(labelcost::api::presets(catalog)).dump(2) << "\n";
        return 0;
    }
    for (const auto& p : catalog.presets()) std::cout << p.name << "\n  " << p.title << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Args a = parse_args(argc, argv);
        if (!labelcost::bundled_load_errors().empty()) {
            for (const auto& e : labelcost::bundled_load_errors())
                std::cerr << "labelcost: bundled " << e.path << ": " << e.message << "\n";
            return 1;
        }
        if (a.command.empty() || a.command == "help") {
            (a.command.empty() ? std::cerr : std::cout) << kUsage;
            return a.command.empty() ? 2 : 0;
        }
        if (a.command == "--version") {
            std::cout << "labelcost " << labelcost::api::version_number() << "\n";
            return 0;
        }
        if (a.command == "estimate") return cmd_estimate(a);
        if (a.command == "table") return cmd_table(a);
        if (a.command == "compare") return cmd_compare(a);
        if (a.command == "sweep") return cmd_sweep(a);
        if (a.command == "budget") return cmd_budget(a);
        if (a.command == "rates") return cmd_rates(a);
        if (a.command == "presets") return cmd_presets(a);
        if (a.command == "version") {
            std::cout << Json::parse(labelcost::api::version(labelcost::bundled_catalog())).dump(2) << "\n";
            return 0;
        }
        throw UsageError{"unknown command \"" + a.command + "\""};
    } catch (const UsageError& e) {
        std::cerr << "labelcost: " << e.message << "\n\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "labelcost: " << e.what() << "\n";
        return 1;
    }
}
