// An answer of the engine to one call: the JSON text of its result, or the
// errors that kept it from one; and how errors are listed in JSON.
#pragma once

#include <cstddef>
#include <string>

#include "issue.hpp"
#include "result.hpp"

namespace labelcost {

class JsonWriter;

using Answer = Result<std::string>;

// The answer as text: its result, or {"ok": false, "errors": [...]}.
std::string answer_text(Answer answer);
// {"ok": false, "errors": [...]}, with at most kMaxErrors errors listed.
std::string errors_text(const Issues& errors);
// The errors as they are listed: the first kMaxErrors, then, when there are
// more, one too_many_errors entry (path "") saying how many are not listed.
Issues listed_errors(const Issues& errors);
// listed_errors as a JSON array.
void write_errors(JsonWriter& w, const Issues& errors);
// Errors found in a nested scenario get the request's path in front ("scenario.").
void prefix_paths(Issues& errors, std::size_t from, const std::string& prefix);

}  // namespace labelcost
