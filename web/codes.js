// The engine's error and warning codes, as JSDoc types for the page's
// modules: the same names as src/engine/codes.hpp, in its order
// (tests/js/codes.test.mjs compares the two). Types only: nothing here runs.

/**
 * A code the engine reports in an error or a warning.
 * @typedef {'invalid_json' | 'too_large' | 'bom' | 'too_deep' | 'too_many_members' |
 *   'too_many_long_numbers' | 'missing_field' | 'wrong_type' | 'unknown_field' | 'too_long' |
 *   'too_many' | 'out_of_range' | 'negative' | 'not_whole_number' | 'too_precise' |
 *   'invalid_value' | 'conflicting_fields' | 'not_applicable' | 'unsupported_version' |
 *   'unknown_rates' | 'invalid_card' | 'unknown_preset' | 'unknown_kind' | 'unknown_task' |
 *   'unknown_workforce' | 'workforce_unavailable' | 'active_learning_unsupported' |
 *   'price_not_allowed' | 'amount_too_large' | 'too_many_errors' | 'internal' |
 *   'multiplier_outside_range' | 'active_learning_below_minimum' | 'active_learning_no_savings' |
 *   'labor_excluded' | 'credit_unused' | 'discount_limited' | 'too_few_annotators' | 'over_budget' |
 *   'at_limit' | 'larger_is_cheaper'} Code
 */

export {};
