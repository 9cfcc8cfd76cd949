#include "render.hpp"

#include <algorithm>

namespace labelcost {
namespace {

std::string str(const Json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_null()) return "";
    return it->dump();
}

// Display width of UTF-8 text, counting code points.
std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

struct Table {
    std::vector<std::string> headers;
    std::vector<bool> right;  // right-aligned columns
    std::vector<std::vector<std::string>> rows;
};

std::string csv_cell(const std::string& cell, bool text) {
    std::string v = cell;
    // A spreadsheet would run a text cell that starts like a formula.
    if (text && !v.empty() && std::string("=+-@\t\r").find(v[0]) != std::string::npos) v = "'" + v;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string quoted = "\"";
    for (char c : v) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string markdown_cell(const std::string& cell) {
    std::string out;
    for (char c : cell) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else if (c == '<')
            out += "&lt;";
        else
            out += c;
    }
    return out;
}

std::string render(const Table& t, TextFormat format) {
    std::string out;
    const std::size_t n = t.headers.size();
    if (format == TextFormat::Csv) {
        auto line = [&](const std::vector<std::string>& cells) {
            for (std::size_t i = 0; i < n; ++i)
                out += (i ? "," : "") + csv_cell(i < cells.size() ? cells[i] : "", !t.right[i]);
            out += "\r\n";
        };
        line(t.headers);
        for (const auto& r : t.rows) line(r);
        return out;
    }
    if (format == TextFormat::Markdown) {
        auto line = [&](const std::vector<std::string>& cells) {
            out += "|";
            for (std::size_t i = 0; i < n; ++i) out += " " + markdown_cell(i < cells.size() ? cells[i] : "") + " |";
            out += "\n";
        };
        line(t.headers);
        out += "|";
        for (std::size_t i = 0; i < n; ++i) out += t.right[i] ? "---:|" : "---|";
        out += "\n";
        for (const auto& r : t.rows) line(r);
        return out;
    }
    std::vector<std::size_t> widths(n, 0);
    auto measure = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < n && i < cells.size(); ++i) widths[i] = std::max(widths[i], width(cells[i]));
    };
    measure(t.headers);
    for (const auto& r : t.rows) measure(r);
    auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string c = i < cells.size() ? cells[i] : "";
            const std::string pad(widths[i] - width(c), ' ');
            l += (i ? "  " : "") + (t.right[i] ? pad + c : c + pad);
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + "\n";
    };
    line(t.headers);
    for (const auto& r : t.rows) line(r);
    return out;
}

std::string heading(const Json& result, TextFormat format) {
    const std::string name = str(result, "name");
    const Json& rates = result.contains("rates") ? result["rates"] : Json::object();
    const std::string card =
        "Rate card " + str(rates, "id") + " (" + str(rates, "title") + "), effective " + str(rates, "effective");
    if (format == TextFormat::Markdown)
        return (name.empty() ? "" : "### " + markdown_cell(name) + "\n\n") + markdown_cell(card) + "\n\n";
    return (name.empty() ? "" : name + "\n") + card + "\n\n";
}

std::string total_label(const Json& result) {
    return result.value("labor_excluded", false) ? "Total (excl. private labor)" : "Total";
}

// An item's inputs for the CSV: task, workforce, objects, workers, active
// learning ("on" or "off" on labeling items), auto-labeled fraction and
// compute per 10,000 objects; empty where the item has none.
std::vector<std::string> csv_inputs(const Json& item) {
    const auto al = item.find("active_learning");
    const bool labeling = al != item.end();
    const bool on = labeling && al->is_object();
    return {str(item, "task"),
            str(item, "workforce"),
            str(item, "objects"),
            str(item, "workers"),
            labeling ? (on ? "on" : "off") : "",
            on ? str(*al, "auto_fraction") : "",
            on ? str(*al, "compute_per_10k") : str(item, "compute_per_10k")};
}

// One row per item and per part as in the text table, each item row with its
// inputs, and on every row the rate card, its effective date, the currency and
// the estimate's date, so that each row says what it was priced with.
Table csv_table(const Json& result, const std::string& date) {
    Table t;
    t.headers = {"item",
                 "name",
                 "kind",
                 "part",
                 "quantity",
                 "unit",
                 "unit_price",
                 "cost",
                 "low",
                 "high",
                 "task",
                 "workforce",
                 "objects",
                 "workers",
                 "active_learning",
                 "auto_fraction",
                 "compute_per_10k",
                 "rate_card",
                 "card_effective",
                 "currency",
                 "estimate_date",
                 "worker_hours",
                 "worker_hours_low",
                 "worker_hours_high"};
    t.right = {true, false, false, false, true, false, true,  true,  true,  true, false, false,
               true, true,  false, true,  true, false, false, false, false, true, true,  true};
    const Json& rates = result.contains("rates") ? result["rates"] : Json::object();
    const std::vector<std::string> estimate = {str(rates, "id"), str(rates, "effective"), str(result, "currency"),
                                               date};
    const std::vector<std::string> none(7);
    auto row = [&](std::vector<std::string> cells, const std::vector<std::string>& inputs, const Json* effort) {
        cells.insert(cells.end(), inputs.begin(), inputs.end());
        cells.insert(cells.end(), estimate.begin(), estimate.end());
        if (effort && effort->is_object())
            cells.insert(cells.end(), {str(*effort, "worker_hours"), str(*effort, "low"), str(*effort, "high")});
        t.rows.push_back(std::move(cells));
    };
    std::size_t number = 0;
    for (const Json& item : result.value("items", Json::array())) {
        const std::string n = std::to_string(++number), name = str(item, "name"), kind = str(item, "kind");
        const auto effort = item.find("effort");
        row({n, name, kind, "", "", "", "", str(item, "cost"), str(item, "low"), str(item, "high")}, csv_inputs(item),
            effort == item.end() ? nullptr : &*effort);
        for (const Json& p : item.value("parts", Json::array()))
            row({n, name, kind, str(p, "name"), str(p, "quantity"), str(p, "unit"), str(p, "unit_price"),
                 str(p, "cost"), "", ""},
                none, nullptr);
    }
    const auto effort = result.find("effort");
    row({"", total_label(result), "total", "", "", "", "", str(result, "total"), str(result, "low"),
         str(result, "high")},
        none, effort == result.end() ? nullptr : &*effort);
    return t;
}

// "item 2" or "items 1, 3" for item indices.
std::string item_list(const Json& indices) {
    std::string out;
    for (const Json& i : indices)
        if (i.is_number()) out += (out.empty() ? "" : ", ") + std::to_string(i.get<std::int64_t>() + 1);
    return (indices.size() > 1 ? "items " : "item ") + out;
}

// "Effort: ..." and "Schedule: ..." lines, each ending in a newline.
std::string effort_lines(const Json& result) {
    const auto e = result.find("effort");
    if (e == result.end() || !e->is_object()) return "";
    std::string out = "Effort: " + grouped(str(*e, "worker_hours")) + " worker-hours (" + grouped(str(*e, "low")) +
                      " to " + grouped(str(*e, "high")) + ")";
    const Json& staffed = e->contains("staffed") ? (*e)["staffed"] : Json::object();
    if (!e->value("unstaffed", Json::array()).empty())
        out += ", of which " + grouped(str(staffed, "worker_hours")) + " by people you staff; " +
               item_list((*e)["unstaffed"]) + " on a workforce that chooses its own people";
    out += ".\n";
    if (!e->value("unknown", Json::array()).empty())
        out += "Effort not counted for " + item_list((*e)["unknown"]) +
               ": the rate card gives no seconds per object; set seconds_per_object.\n";
    const auto s = result.find("schedule");
    if (s == result.end() || !s->is_object()) return out;
    const std::string hours = str(*s, "hours_per_week") + " hours a week";
    if (s->value("nothing_staffed", false))
        return out + "Schedule: none of this labeling is done by people you staff, so no schedule is given.\n";
    const bool parallel = s->value("parallel", false);
    if (str(*s, "given") == "weeks")
        out += "Schedule: " + str(*s, "annotators") + " annotators at " + hours + " to finish in " + str(*s, "weeks") +
               " weeks (" + str((*s)["low"], "annotators") + " to " + str((*s)["high"], "annotators") + ")";
    else
        out += "Schedule: " + str(*s, "annotators") + " annotators at " + hours + " finish in " + str(*s, "weeks") +
               " weeks (" + str((*s)["low"], "weeks") + " to " + str((*s)["high"], "weeks") + ")";
    out += parallel ? ", the items at the same time.\n" : ", one item after the other.\n";
    if (!parallel)
        for (const Json& span : s->value("items", Json::array()))
            out += "Item " + std::to_string(span.value("index", 0) + 1) + ": weeks " + str(span, "start_week") +
                   " to " + str(span, "end_week") + ".\n";
    return out;
}

}  // namespace

std::string render_estimate(const Json& result, TextFormat format, const std::string& date) {
    if (format == TextFormat::Csv) return render(csv_table(result, date), format);
    Table t;
    t.headers = {"#", "Item", "Quantity", "Unit price", "Cost", "Low", "High"};
    t.right = {true, false, true, true, true, true, true};
    std::size_t number = 0;
    for (const Json& item : result.value("items", Json::array())) {
        t.rows.push_back({std::to_string(++number), str(item, "name"), "", "", dollars(str(item, "cost")),
                          dollars(str(item, "low")), dollars(str(item, "high"))});
        for (const Json& p : item.value("parts", Json::array()))
            t.rows.push_back({"", "  " + str(p, "name"), grouped(str(p, "quantity")) + " " + str(p, "unit"),
                              dollars(str(p, "unit_price")), dollars(str(p, "cost")), "", ""});
    }
    t.rows.push_back({"", total_label(result), "", "", dollars(str(result, "total")), dollars(str(result, "low")),
                      dollars(str(result, "high"))});

    std::string out = heading(result, format) + render(t, format);
    std::string extra;
    const Json& sv = result.contains("savings") ? result["savings"] : Json::object();
    if (!str(sv, "saved").empty() && str(sv, "saved") != "0.00")
        extra += "Active learning saves " + dollars(str(sv, "saved")) + " of " + dollars(str(sv, "without")) + " (" +
                 str(sv, "percent") + "%).\n";
    extra += effort_lines(result);
    number = 0;
    for (const Json& item : result.value("items", Json::array())) {
        ++number;
        for (const Json& note : item.value("notes", Json::array()))
            extra += "Item " + std::to_string(number) + ": " + (note.is_string() ? note.get<std::string>() : "") + "\n";
    }
    for (const Json& w : result.value("warnings", Json::array()))
        extra += "Warning: " + str(w, "path") + ": " + str(w, "message") + " [" + str(w, "code") + "]\n";
    if (!extra.empty()) {
        if (format == TextFormat::Markdown) {
            std::string md;
            std::size_t start = 0;
            while (start < extra.size()) {
                const std::size_t end = extra.find('\n', start);
                md += "- " + markdown_cell(extra.substr(start, end - start)) + "\n";
                start = end + 1;
            }
            extra = md;
        }
        out += "\n" + extra;
    }
    return out;
}

std::string render_savings_table(const Json& table, TextFormat format) {
    Table t;
    const bool csv = format == TextFormat::Csv;
    if (csv) {
        t.headers = {"objects", "without", "labels", "compute", "with", "saved", "percent", "human", "automated"};
        t.right = {true, true, true, true, true, true, true, true, true};
    } else {
        t.headers = {"Dataset size", "Without active learning", "With active learning", "Savings"};
        t.right = {true, true, true, true};
    }
    for (const Json& row : table.value("rows", Json::array())) {
        if (csv) {
            t.rows.push_back({str(row, "objects"), str(row, "without"), str(row, "labels"), str(row, "compute"),
                              str(row, "with"), str(row, "saved"), str(row, "percent"), str(row, "human"),
                              str(row, "automated")});
            continue;
        }
        t.rows.push_back({grouped(str(row, "objects")), dollars(str(row, "without")),
                          dollars(str(row, "labels")) + " + " + dollars(str(row, "compute")) +
                              " compute = " + dollars(str(row, "with")),
                          str(row, "percent") + "%"});
    }
    if (csv) return render(t, format);
    const Json& rates = table.contains("rates") ? table["rates"] : Json::object();
    std::string head = str(table, "task") + " on " + str(table, "workforce") + ", rate card " + str(rates, "id");
    if (format == TextFormat::Markdown) head = "### " + markdown_cell(head);
    return head + "\n\n" + render(t, format);
}

std::string render_comparison(const Json& comparison, TextFormat format) {
    Table t;
    t.headers = {"Option", "Total", "Low", "High", "Notes"};
    t.right = {false, true, true, true, false};
    const bool csv = format == TextFormat::Csv;
    for (const Json& row : comparison.value("rows", Json::array())) {
        std::string label = row.contains("workforce")
                                ? str(row, "title") + " (" + str(row, "workforce") + ")"
                                : str(row["rates"], "title") + " (" + str(row["rates"], "id") + ")";
        if (row.value("current", false)) label += " *";
        if (!row.value("ok", false)) {
            std::string why;
            for (const Json& e : row.value("errors", Json::array()))
                why += (why.empty() ? "" : "; ") + str(e, "path") + ": " + str(e, "message");
            t.rows.push_back({label, "", "", "", "not possible: " + why});
            continue;
        }
        const std::string note = row.value("labor_excluded", false) ? "excl. private labor" : "";
        if (csv)
            t.rows.push_back({label, str(row, "total"), str(row, "low"), str(row, "high"), note});
        else
            t.rows.push_back(
                {label, dollars(str(row, "total")), dollars(str(row, "low")), dollars(str(row, "high")), note});
    }
    return render(t, format);
}

std::string render_budget(const Json& answer, TextFormat format) {
    Table t;
    t.headers = {"Answer", "Objects", "Total", "Notes"};
    t.right = {false, true, true, false};
    const bool csv = format == TextFormat::Csv;
    const auto row = [&](const std::string& label, const Json& objects, const Json& total) {
        const std::string n = objects.is_number() ? std::to_string(objects.get<std::int64_t>()) : "";
        const std::string cost = total.is_string() ? total.get<std::string>() : "";
        t.rows.push_back({label, csv ? n : grouped(n), csv || cost.empty() ? cost : dollars(cost), ""});
    };
    const Json none;
    row("Within the budget", answer["objects"], answer["total"]);
    if (answer["next"].is_object()) row("One more object", answer["next"]["objects"], answer["next"]["total"]);
    row("Fewest (range's high end)", answer["low"], none);
    row("Most (range's low end)", answer["high"], none);
    if (answer["without_active_learning"].is_object())
        row("Without active learning", answer["without_active_learning"]["objects"],
            answer["without_active_learning"]["total"]);
    for (const Json& w : answer.value("by_workforce", Json::array())) {
        const std::string label = str(w, "title") + " (" + str(w, "workforce") + ")";
        if (w.value("available", false))
            row(label, w["objects"], w["total"]);
        else
            t.rows.push_back({label, "", "", "not possible: " + str(w, "note")});
    }
    if (csv) return render(t, format);
    const Json& rates = answer.contains("rates") ? answer["rates"] : Json::object();
    std::string head = "Budget " + dollars(str(answer, "budget")) + " for item " +
                       std::to_string(answer.value("item", 0) + 1) + ", rate card " + str(rates, "id");
    if (format == TextFormat::Markdown) head = "### " + markdown_cell(head);
    std::string out = head + "\n\n" + render(t, format);
    for (const Json& w : answer.value("warnings", Json::array())) out += "\nnote: " + str(w, "message") + "\n";
    return out;
}

namespace {

// "+$1,200.00", "-$35.00", "$0.00": a difference from the first plan.
std::string signed_dollars(const std::string& amount, bool csv) {
    if (csv || amount.empty()) return amount;
    if (amount[0] == '-') return "-" + dollars(amount.substr(1));
    return (amount == "0.00" ? "" : "+") + dollars(amount);
}

std::string plan_label(const Json& plan) {
    const std::string name = str(plan, "name");
    return (name.empty() ? "Plan " + std::to_string(plan.value("index", 0) + 1) : name) + " (" +
           str(plan["rates"], "id") + ")";
}

}  // namespace

std::string render_plans(const Json& comparison, TextFormat format) {
    const bool csv = format == TextFormat::Csv;
    const auto money = [&](const std::string& v) { return csv || v.empty() ? v : dollars(v); };
    Table t;
    t.headers = {"Plan",
                 "Total",
                 "Low",
                 "High",
                 "Saved by active learning",
                 "Worker-hours",
                 "Total vs plan 1",
                 "Worker-hours vs plan 1"};
    t.right = {false, true, true, true, true, true, true, true};
    const Json& plans = comparison.contains("plans") ? comparison["plans"] : Json::array();
    for (const Json& p : plans) {
        const Json& d = p.contains("delta") && p["delta"].is_object() ? p["delta"] : Json::object();
        const std::string hours = str(p["effort"], "worker_hours");
        t.rows.push_back({plan_label(p), money(str(p, "total")), money(str(p, "low")), money(str(p, "high")),
                          money(str(p, "saved")), csv ? hours : grouped(hours), signed_dollars(str(d, "total"), csv),
                          str(d, "worker_hours")});
    }
    std::string out = render(t, format);
    if (csv) return out;
    Table items;
    items.headers = {"Item"};
    items.right = {false};
    std::size_t most = 0;
    for (const Json& p : plans) {
        items.headers.push_back("Plan " + std::to_string(p.value("index", 0) + 1));
        items.right.push_back(true);
        most = std::max(most, p.value("items", Json::array()).size());
    }
    for (std::size_t i = 0; i < most; ++i) {
        std::vector<std::string> row = {""};
        for (const Json& p : plans) {
            const Json list = p.value("items", Json::array());
            if (i >= list.size()) {
                row.push_back("");
                continue;
            }
            if (row[0].empty()) row[0] = std::to_string(i + 1) + ". " + str(list[i], "name");
            const Json& d = p["delta"].is_object() ? p["delta"]["items"] : Json::array();
            const std::string diff = i < d.size() && d[i].is_string() ? " (" + signed_dollars(d[i], false) + ")" : "";
            row.push_back(dollars(str(list[i], "cost")) + (diff == " ()" ? "" : diff));
        }
        items.rows.push_back(std::move(row));
    }
    out += "\n" + render(items, format);
    for (const Json& w : comparison.value("warnings", Json::array()))
        out += "\nnote: " + str(w, "path") + ": " + str(w, "message") + "\n";
    return out;
}

}  // namespace labelcost
