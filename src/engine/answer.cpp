#include "answer.hpp"

#include <algorithm>

#include "estimate.hpp"
#include "writer.hpp"

namespace labelcost {

namespace {

// The entry that stands for the errors after the first kMaxErrors.
Issue more_errors(std::size_t more) {
    return {Code::too_many_errors, "",
            fmt(more == 1 ? "{} more error is not listed" : "{} more errors are not listed",
                {count_text(static_cast<std::int64_t>(more))})};
}

}  // namespace

Issues listed_errors(const Issues& errors) {
    const std::size_t shown = std::min(errors.size(), limits::kMaxErrors);
    Issues listed(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(shown));
    if (errors.size() > shown) listed.push_back(more_errors(errors.size() - shown));
    return listed;
}

void write_errors(JsonWriter& w, const Issues& errors) {
    const std::size_t shown = std::min(errors.size(), limits::kMaxErrors);
    w.begin_array();
    for (std::size_t i = 0; i < shown; ++i) write_issue(w, errors[i]);
    if (errors.size() > shown) write_issue(w, more_errors(errors.size() - shown));
    w.end_array();
}

std::string errors_text(const Issues& errors) {
    JsonWriter w;
    w.begin_object().field("ok", false).key("errors");
    write_errors(w, errors);
    w.end_object();
    return w.take();
}

std::string answer_text(Answer answer) {
    return answer ? std::move(answer).value() : errors_text(answer.errors());
}

void prefix_paths(Issues& errors, std::size_t from, const std::string& prefix) {
    for (std::size_t i = from; i < errors.size(); ++i)
        errors[i].path = errors[i].path.empty() ? prefix : prefix + "." + errors[i].path;
}

}  // namespace labelcost
