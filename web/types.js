// The shapes of what the engine reads and writes (scenario format v1, result
// format v1, the requests of each call and their answers), as JSDoc types for
// editors and TypeScript. The package's .d.ts files are generated from them.
// tests/js/types.test.mjs holds them to rates/schema/scenario.schema.json.
// Types only: nothing here runs. Amounts are exact decimal strings.

/** @typedef {import('./codes.js').Code} Code */

/**
 * A task type of the bundled rate cards. (Your own card may define others,
 * and the engine takes them: cast such an id to Task. Typed this narrowly, a
 * misspelt task is an error in an editor.)
 * @typedef {'image/classification' | 'image/multi-label-classification' | 'image/bounding-box' |
 *   'image/semantic-segmentation' | 'image/instance-segmentation' | 'image/polyline' |
 *   'text/classification' | 'text/named-entity-recognition' | 'text/multi-label-classification' |
 *   'video/object-detection' | 'video/object-tracking' |
 *   'point-cloud/object-detection' | 'point-cloud/semantic-segmentation'} Task
 */

/** @typedef {'mturk' | 'private' | 'vendor' | 'vendor-specialized' | 'gt-plus'} Workforce */

/** @typedef {'labeling' | 'auto-labeling' | 'rework' | 'storage' | 'fixed' | 'discount' | 'credit'} ItemKind */

/**
 * A number, or the same as a decimal string ("0.035"): strings keep every digit.
 * @typedef {number | string} Decimal
 */

/**
 * An error or a warning.
 * @typedef {Object} Issue
 * @property {Code} code       e.g. "negative", "unknown_task", "amount_too_large"
 * @property {string} path     JSON path into the input, e.g. "items[2].objects"
 * @property {string} message  what is wrong and what is allowed
 */

/**
 * Objects labeled by people (or by a quote per object).
 * @typedef {Object} LabelingItem
 * @property {'labeling'} kind
 * @property {string} [name]
 * @property {Task} task
 * @property {number|string} objects
 * @property {Workforce} workforce
 * @property {Decimal} [multiplier]     the workforce's price multiplier
 * @property {number|string} [workers]  workers per object, 1-9
 * @property {Decimal} [worker_price]   USD per worker per object (Mechanical Turk)
 * @property {Decimal} [unit_price]     a quoted price per labeled object, every worker included
 * @property {{auto_fraction?: Decimal, compute_per_10k?: Decimal}} [active_learning]
 * @property {number|string} [jobs]
 * @property {number|string} [month]    the calendar month its fee is charged in
 * @property {Decimal} [duplicates]     the fraction of objects sent twice
 * @property {{hourly: Decimal, seconds_per_object: Decimal}} [labor]  your own people's pay
 * @property {Decimal} [seconds_per_object]  one worker's seconds on one object, for the effort
 */

/**
 * Objects labeled by a model, priced by compute.
 * @typedef {Object} AutoLabelingItem
 * @property {'auto-labeling'} kind
 * @property {string} [name]
 * @property {number|string} objects
 * @property {Decimal} [compute_per_10k]
 * @property {Decimal} [compute]
 * @property {Task} [task]
 * @property {Workforce} [workforce]
 * @property {number|string} [month]
 */

/**
 * @typedef {Object} ReworkItem  A fraction of the labeling done again.
 * @property {'rework'} kind
 * @property {string} [name]
 * @property {Decimal} fraction
 */

/**
 * @typedef {Object} StorageItem  S3 storage.
 * @property {'storage'} kind
 * @property {string} [name]
 * @property {Decimal} gb
 * @property {number|string} [months]
 */

/**
 * @typedef {Object} FixedItem  A fixed amount, USD.
 * @property {'fixed'} kind
 * @property {string} [name]
 * @property {Decimal} amount
 */

/**
 * @typedef {Object} DiscountItem  A fraction off the items above it, or off labeling.
 * @property {'discount'} kind
 * @property {string} [name]
 * @property {Decimal} fraction
 * @property {'all'|'labeling'} [of]
 */

/**
 * @typedef {Object} CreditItem  An amount taken off the total, USD.
 * @property {'credit'} kind
 * @property {string} [name]
 * @property {Decimal} amount
 */

/** @typedef {LabelingItem | AutoLabelingItem | ReworkItem | StorageItem | FixedItem | DiscountItem | CreditItem} Item */

/**
 * A rate card (the schema of rates/*.json): the engine checks it in full.
 * @typedef {{labelcost_rates: 1, id: string, title: string, aliases?: string[], [field: string]: unknown}} RateCard
 */

/**
 * Annotators (the answer is weeks) or weeks (the answer is annotators), not both.
 * @typedef {{annotators: number, weeks?: undefined, hours_per_week?: Decimal, parallel?: boolean}
 *   | {weeks: Decimal, annotators?: undefined, hours_per_week?: Decimal, parallel?: boolean}} Schedule
 */

/**
 * Scenario format v1.
 * @typedef {Object} Scenario
 * @property {1} labelcost
 * @property {string} [name]
 * @property {string} [description]
 * @property {string} [source]
 * @property {string|RateCard} [rates]  a rate card id or alias (the default card when absent), or your own card
 * @property {boolean} [free_tier]      apply the card's free fee objects
 * @property {Schedule} [schedule]
 * @property {Item[]} items
 */

/**
 * @typedef {Object} CardRef  The rate card an answer was priced with.
 * @property {string} id
 * @property {string} title
 * @property {string} effective  YYYY-MM-DD
 * @property {boolean} custom    a card of the scenario's own
 */

/**
 * @typedef {Object} WorkTime  Worker-hours, exact decimals to 0.01.
 * @property {string} worker_hours
 * @property {string} low
 * @property {string} high
 */

/**
 * A labeling item's worker-hours and the seconds they come from.
 * @typedef {WorkTime & {seconds: {min: string, typical: string, max: string}, source: 'scenario'|'card',
 *   assumption?: string, staffed: boolean}} ItemEffort
 */

/**
 * Every labeling item's worker-hours; `staffed`: those of workforces you staff; item indices
 * without seconds (`unknown`) and on workforces that choose their own people (`unstaffed`).
 * @typedef {WorkTime & {staffed: WorkTime, unknown: number[], unstaffed: number[]}} Effort
 */

/**
 * @typedef {Object} ScheduleAnswer
 * @property {'annotators'|'weeks'} given
 * @property {number|null} annotators  given, or the answer (null when nothing is yours to staff)
 * @property {string|null} weeks       given, or the answer in tenths rounded up
 * @property {string} hours_per_week
 * @property {boolean} parallel
 * @property {{annotators: number|null, weeks: string|null}} low   the answer at the effort's low end
 * @property {{annotators: number|null, weeks: string|null}} high
 * @property {string|null} finish_week
 * @property {{index: number, start_week: string, end_week: string}[]} items
 * @property {boolean} nothing_staffed
 */

/**
 * @typedef {Object} Part
 * @property {string} name
 * @property {string} quantity    exact decimal
 * @property {string} unit
 * @property {string} unit_price  exact decimal, USD
 * @property {string} cost        exact decimal, USD
 */

/**
 * @typedef {Object} Savings
 * @property {string} without
 * @property {string} with
 * @property {string} saved
 * @property {string} percent
 * @property {string|null} [break_even]  smallest auto-labeled fraction that pays
 */

/**
 * @typedef {Object} ItemResult
 * @property {number} index
 * @property {ItemKind} kind
 * @property {string} name
 * @property {Task} [task]
 * @property {Workforce} [workforce]
 * @property {number} [objects]
 * @property {number} [labeled]
 * @property {number} [human]
 * @property {number} [automated]
 * @property {number} [workers]  labeling: workers per object, stated or the card's
 * @property {{auto_fraction: string, compute_per_10k: string}|null} [active_learning]  labeling: the settings used, null when off
 * @property {string} [compute_per_10k]  auto-labeling without a stated compute: USD per 10,000 objects
 * @property {string} cost
 * @property {string} low
 * @property {string} high
 * @property {string|null} [per_object]
 * @property {string|null} [per_1000]
 * @property {Part[]} parts
 * @property {string[]} notes
 * @property {boolean} labor_excluded
 * @property {ItemEffort|null} [effort]  labeling items; null when no seconds are known
 * @property {Savings} [savings]
 */

/**
 * Result format v1: the answer of estimate().
 * @typedef {Object} Result
 * @property {true} ok
 * @property {number} format
 * @property {string} engine
 * @property {string} name
 * @property {CardRef} rates
 * @property {string} currency
 * @property {ItemResult[]} items
 * @property {string} total
 * @property {string} low
 * @property {string} high
 * @property {number} objects
 * @property {string|null} per_object
 * @property {string|null} per_1000
 * @property {Savings} savings
 * @property {boolean} labor_excluded
 * @property {string[]} excluded
 * @property {Effort} effort
 * @property {ScheduleAnswer|null} schedule
 * @property {Issue[]} warnings
 */

/**
 * @typedef {Object} SavingsRequest  Active-learning savings across dataset sizes for one task.
 * @property {Task} task
 * @property {Workforce} [workforce]
 * @property {string|RateCard} [rates]  a rate card id or alias, or your own card
 * @property {(number|string)[]} [sizes]
 * @property {Decimal} [auto_fraction]
 * @property {Decimal} [compute_per_10k]
 * @property {number} [workers]
 * @property {Decimal} [multiplier]
 * @property {Decimal} [worker_price]
 * @property {number} [jobs]
 * @property {Decimal} [duplicates]
 */

/**
 * @typedef {Object} SavingsTable
 * @property {true} ok
 * @property {number} format
 * @property {CardRef} rates
 * @property {Task} task
 * @property {Workforce} workforce
 * @property {{objects: number, without: string, labels: string, compute: string, with: string, low: string,
 *   high: string, saved: string, percent: string, human: number, automated: number, warnings: Issue[]}[]} rows
 */

/**
 * One scenario priced another way (a workforce, a rate card): its totals and item costs, or why it
 * cannot be priced that way.
 * @typedef {{ok: true, total: string, low: string, high: string, labor_excluded: boolean,
 *   items: {index: number, cost: string}[], warnings: Issue[]} | {ok: false, errors: Issue[]}} ComparisonRow
 */

/**
 * @typedef {Object} WorkforceComparison
 * @property {true} ok
 * @property {number} format
 * @property {CardRef} rates
 * @property {(ComparisonRow & {workforce: Workforce, title: string, multiplier: {min: string, typical: string, max: string}})[]} rows
 */

/**
 * @typedef {Object} CardComparison
 * @property {true} ok
 * @property {number} format
 * @property {(ComparisonRow & {rates: CardRef, current: boolean, notes?: string[]})[]} rows
 *   (notes: what of the scenario this card could not take, in words)
 */

/**
 * An axis of a sweep: from/to/steps, or the values themselves.
 * @typedef {{field: string, from?: Decimal, to?: Decimal, steps?: number, values?: Decimal[]}} Axis
 */

/**
 * @typedef {Object} SweepRequest  Totals over a grid (rows along y, columns along x), for charts.
 * @property {Scenario} scenario
 * @property {number} item  the item whose fields the axes change
 * @property {Axis} x
 * @property {Axis} [y]
 * @property {boolean} [without]  also the totals without active learning
 */

/**
 * @typedef {Object} Sweep
 * @property {true} ok
 * @property {number} format
 * @property {CardRef} rates
 * @property {number} item
 * @property {{field: string, values: string[]}} x
 * @property {{field: string, values: string[]}|null} y
 * @property {string[][]} totals  one row per y value (one row without y), one column per x value
 * @property {string[][]} [without]
 * @property {Issue[]} warnings
 */

/**
 * @typedef {Object} BudgetRequest  What a budget labels: the most objects of one item.
 * @property {Decimal} budget  USD
 * @property {Scenario} scenario
 * @property {number} [item]   the labeling item whose objects change (the first when absent)
 */

/**
 * @typedef {Object} BudgetAnswer
 * @property {true} ok
 * @property {number} format
 * @property {CardRef} rates
 * @property {string} budget
 * @property {number} item
 * @property {number} objects   the most objects the budget labels
 * @property {string} total     the scenario's total with them
 * @property {{objects: number, total: string}|null} next  one more object, over the budget
 * @property {number} low       the objects at the cost range's high end
 * @property {number} high      the objects at the cost range's low end
 * @property {{objects: number, total: string}|null} without_active_learning
 * @property {{workforce: Workforce, title: string, available: boolean, objects?: number, total?: string,
 *   note: string, problem?: Issue}[]} by_workforce
 * @property {Issue[]} warnings
 */

/**
 * @typedef {Object} Plan  One plan of a comparison; every plan after the first has its `delta` against it.
 * @property {number} index
 * @property {string} name
 * @property {CardRef} rates
 * @property {string} total
 * @property {string} low
 * @property {string} high
 * @property {number} objects
 * @property {string|null} per_object
 * @property {string|null} per_1000
 * @property {string} saved
 * @property {WorkTime} effort
 * @property {{name: string, kind: ItemKind, cost: string}[]} items
 * @property {{total: string, low: string, high: string, saved: string, worker_hours: string,
 *   items: (string|null)[]}|null} delta
 */

/**
 * @typedef {Object} PlansComparison
 * @property {true} ok
 * @property {Plan[]} plans
 * @property {Issue[]} warnings
 */

/**
 * @typedef {Object} Preset
 * @property {string} name
 * @property {string} title
 * @property {string} description
 * @property {Scenario} scenario
 */

/**
 * @typedef {Object} Version
 * @property {true} ok
 * @property {string} engine        the labelcost version, e.g. "0.1.0"
 * @property {number} scenario_format
 * @property {number} result_format
 * @property {string[]} rates       the bundled rate cards' ids
 */

export {};
