// Every error and warning code the engine reports, in one list. The JSON
// names are the enumerators' names, exactly; web/codes.js lists the same
// names for JavaScript (a test compares the two lists).
#pragma once

#include <cstdint>
#include <string_view>

namespace labelcost {

// X(name): errors first, then warnings.
// clang-format off
#define LABELCOST_CODES(X)                                                                           \
    /* the text itself */                                                                            \
    X(invalid_json) X(too_large) X(bom) X(too_deep) X(too_many_members) X(too_many_long_numbers)     \
    /* fields */                                                                                     \
    X(missing_field) X(wrong_type) X(unknown_field) X(too_long) X(too_many) X(out_of_range)          \
    X(negative) X(not_whole_number) X(too_precise) X(invalid_value) X(conflicting_fields)            \
    X(not_applicable)                                                                                \
    /* what the fields name */                                                                       \
    X(unsupported_version) X(unknown_rates) X(invalid_card) X(unknown_preset) X(unknown_kind)        \
    X(unknown_task) X(unknown_workforce) X(workforce_unavailable) X(active_learning_unsupported)     \
    X(price_not_allowed) X(amount_too_large)                                                         \
    /* the answer */                                                                                 \
    X(too_many_errors) X(internal)                                                                   \
    /* warnings */                                                                                   \
    X(multiplier_outside_range) X(active_learning_below_minimum) X(active_learning_no_savings)       \
    X(labor_excluded) X(credit_unused) X(discount_limited) X(too_few_annotators)                      \
    /* warnings of a budget */                                                                       \
    X(over_budget) X(at_limit) X(larger_is_cheaper)
// clang-format on

enum class Code : std::uint8_t {
#define LABELCOST_CODE_ENUM(name) name,
    LABELCOST_CODES(LABELCOST_CODE_ENUM)
#undef LABELCOST_CODE_ENUM
};

// The code's name in JSON ("wrong_type").
std::string_view code_name(Code code);

}  // namespace labelcost
