// Text renderings of results (result format v1) and tables, for the CLI. The
// page writes its CSV export in web/exporting.js (keeping this out of the
// WebAssembly module); a test holds the two to the same bytes.
#pragma once

#include <string>

#include "reader.hpp"

namespace labelcost {

enum class TextFormat { Table, Csv, Markdown };

// An estimate result as an aligned text table, CSV (RFC 4180) or Markdown.
// The CSV carries each item's inputs and, on every row, the rate card, its
// effective date, the currency and `date`, the estimate's date (YYYY-MM-DD,
// given by the caller: the engine reads no clock).
std::string render_estimate(const Json& result, TextFormat format, const std::string& date = "");

// A savings-table result (see tables.hpp).
std::string render_savings_table(const Json& table, TextFormat format);

// A workforce or card comparison.
std::string render_comparison(const Json& comparison, TextFormat format);

// A budget's answer (budget.hpp).
std::string render_budget(const Json& answer, TextFormat format);

// Plans side by side (plans.hpp): a row per plan, then each item's cost.
std::string render_plans(const Json& comparison, TextFormat format);

}  // namespace labelcost
