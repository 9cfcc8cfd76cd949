// The engine's errors and warnings in the page's words. The engine writes for
// command-line and JSON users: JSON paths, field names, rate card ids and
// fractions where people type percentages. The page names each field by its
// label, writes percentages as percentages and rate cards by their titles.
// The engine's messages are read only for the numbers and names in them; a
// code this module does not know still gets a plain sentence, never the raw
// message.

/** @typedef {'count'|'number'|'money'|'percent'|'choice'|'text'} FieldType */
/** @typedef {{label: string, type: FieldType}} Field */
/** @typedef {{code: string, path: string, message: string}} Issue  the engine's (a code this module does not know gets a plain sentence too) */
/** @typedef {{cardTitle?: string}} CardContext */
/** @typedef {{cardTitle?: string, itemName?: (index: number) => string|undefined}} ScenarioContext */

import { shiftDecimal, money } from './numbers.js';

/**
 * The fields of an item, by their key relative to the item, as the page
 * labels them. Percent fields are typed as percentages ("70%") and stored as
 * fractions from 0 to 1. The two groups (active learning, private workforce
 * pay) are 'choice': they are turned on or left out.
 * @type {Readonly<Record<string, Field>>}
 */
export const FIELDS = Object.freeze({
  kind: { label: 'Kind of item', type: 'choice' },
  name: { label: 'Name', type: 'text' },
  task: { label: 'Task', type: 'choice' },
  workforce: { label: 'Workforce', type: 'choice' },
  objects: { label: 'Objects', type: 'count' },
  workers: { label: 'Workers per object', type: 'count' },
  multiplier: { label: 'Price multiplier', type: 'number' },
  worker_price: { label: 'Price per worker per object', type: 'money' },
  unit_price: { label: 'Your price per object', type: 'money' },
  of: { label: 'Discount on', type: 'choice' },
  jobs: { label: 'Separate jobs', type: 'count' },
  month: { label: 'Month', type: 'count' },
  duplicates: { label: 'Duplicates removed first', type: 'percent' },
  active_learning: { label: 'Active learning', type: 'choice' },
  'active_learning.auto_fraction': { label: 'Auto-labeled', type: 'percent' },
  'active_learning.compute_per_10k': { label: 'Compute per 10,000 objects', type: 'money' },
  labor: { label: 'Private workforce pay', type: 'choice' },
  'labor.hourly': { label: 'Hourly pay', type: 'money' },
  'labor.seconds_per_object': { label: 'Seconds per object, per worker', type: 'number' },
  seconds_per_object: { label: 'Seconds per object, per worker', type: 'number' },
  compute: { label: 'Compute', type: 'money' },
  compute_per_10k: { label: 'Compute per 10,000 objects', type: 'money' },
  fraction: { label: 'Share of labeling cost re-done', type: 'percent' },
  gb: { label: 'Size', type: 'number' },
  months: { label: 'Months', type: 'count' },
  amount: { label: 'Amount', type: 'money' },
});

// The scenario's own top-level fields, for sentences about a whole scenario.
/** @type {Record<string, string>} */
const TOP = { name: 'name', description: 'description', source: 'source note', free_tier: 'free tier setting' };

// The scenario's schedule, by its keys.
/** @type {Readonly<Record<string, Field>>} */
export const SCHEDULE_FIELDS = Object.freeze({
  annotators: { label: 'Annotators', type: 'count' },
  weeks: { label: 'Weeks', type: 'number' },
  hours_per_week: { label: 'Hours a week, per annotator', type: 'number' },
  parallel: { label: 'All items at once', type: 'choice' },
});

const KINDS = 'Labeling, Auto-labeled batch, Rework, Storage, Fixed cost, Discount or Credit';

// --- exact decimals ---------------------------------------------------------
// The engine's numbers are read and rewritten as text, never as floating
// point: 1.5 as a percentage is "150", not 150.00000000000003.

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;
const MAX_SHIFT = 40;

/**
 * A number as the engine writes it ("1,000", "1.5", "1.234e-07", "\"2\"") as
 * a plain decimal string, or null when it is not a number.
 * @param {string} text
 * @returns {string|null}
 */
function plainDecimal(text) {
  const m = NUMBER.exec(String(text).trim().replace(/^"(.*)"$/, '$1').replace(/,/g, ''));
  if (!m) return null;
  const exponent = Number(m[4] ?? 0);
  if (Math.abs(exponent) > MAX_SHIFT) return null;
  const digits = shiftDecimal(m[3] ? `${m[2]}.${m[3]}` : m[2], exponent);
  return m[1] && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/**
 * "1000000.5" -> "1,000,000.5"
 * @param {string} decimal
 */
function grouped(decimal) {
  const [whole, frac] = decimal.split('.');
  const g = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}

/**
 * A number from the engine in a field's units: "1.5" in a percent field is
 * "150%", "10000" in a money field "$10,000". Null when it is not a number.
 * @param {string} text
 * @param {FieldType} [type]
 * @returns {string|null}
 */
function inUnits(text, type) {
  const d = plainDecimal(text);
  if (d === null) return null;
  const sign = d.startsWith('-') ? '-' : '';
  const magnitude = d.replace('-', '');
  if (type === 'percent') return `${sign}${grouped(shiftDecimal(magnitude, 2))}%`;
  if (type === 'money') return `${sign}$${grouped(magnitude)}`;
  return sign + grouped(magnitude);
}

// --- words ------------------------------------------------------------------

/** @param {string} s */
function capitalize(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** @param {string} s */
function sentence(s) {
  const t = capitalize(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

// Words this module starts its own sentences with: lowercased after a colon.
// A sentence that starts with a name (a workforce, a task) keeps its capital.
const OWN_STARTS = new Set(['Must', 'Cannot', 'Has', 'Required', 'Too', 'Is', 'Give', 'Hourly', 'This', 'Active', 'Does']);

/** @param {string} s */
function continued(s) {
  return OWN_STARTS.has(/** @type {RegExpExecArray} */ (/^[A-Za-z]*/.exec(s))[0]) ? s[0].toLowerCase() + s.slice(1) : s;
}

/**
 * "on this rate card", or "on <title>" when the title is known.
 * @param {string} [cardTitle]
 */
function onCard(cardTitle) {
  return cardTitle ? `on ${cardTitle}` : 'on this rate card';
}

/**
 * ["$1", "$2", "$3"] -> "$1, $2 or $3"
 * @param {string[]} words
 */
function orList(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

// --- jargon -----------------------------------------------------------------

const JARGON = [/items\[/, /\blabor\.(?=\w)/, /auto_fraction/, /seconds_per_object/, /worker_price/, /compute_per_10k/, /`/,
  /labelcost rates/, /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/];
const DOTTED = /\b[a-z]+\.[a-z_]+\b/g;
const NOT_PATHS = new Set(['e.g', 'i.e']);

/**
 * Whether text shows something only the engine's users should see: a JSON
 * path, a field name, backticks, a snake_case word, a command-line hint.
 * @param {string} text
 * @returns {boolean}
 */
export function hasJargon(text) {
  const s = String(text);
  if (JARGON.some((re) => re.test(s))) return true;
  return [...s.matchAll(DOTTED)].some((m) => !NOT_PATHS.has(m[0]));
}

/**
 * A plain sentence from an engine message this module has no wording for:
 * paths, field names, card ids and command-line hints are taken out or
 * named as the page names them.
 * @param {string} message
 * @param {string} [fallback]  said instead when the message stays unreadable
 * @returns {string}
 */
function plainText(message, fallback = 'This value cannot be used.') {
  let s = String(message ?? '')
    .replace(/\s*\([^()]*`[^()]*\)/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/\brate card [a-z0-9]+(?:-[a-z0-9]+)+('s)?/g, (_, s_) => `this rate card${s_ ?? ''}`)
    .replace(/items\[(\d+)\]((?:\.[a-z0-9_]+)*)/g, (_, i, key) => itemWords(Number(i), key.slice(1)));
  for (const key of Object.keys(FIELDS).filter((k) => /[._]/.test(k)).sort((a, b) => b.length - a.length)) {
    s = s.split(key).join(FIELDS[key].label.toLowerCase());
  }
  s = s.replace(/\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b/g, (w) => w.replace(/_/g, ' '));
  return s.trim() && !hasJargon(s) ? sentence(s) : fallback;
}

/**
 * "item 2 (workers per object)" for a path inside a message.
 * @param {number} index
 * @param {string} key
 */
function itemWords(index, key) {
  const field = key && fieldFor(key);
  return `item ${index + 1}${field ? ` (${field.label.toLowerCase()})` : ''}`;
}

// --- paths ------------------------------------------------------------------

const ITEM_PATH = /^items\[(\d+)\](.*)$/;

/**
 * The item an issue's path points into, and the key inside it.
 * "items[2].labor.hourly" -> {index: 2, key: "labor.hourly"}; null for a
 * path outside the items.
 * @param {string} path
 * @returns {{index: number, key: string}|null}
 */
export function itemPath(path) {
  const m = ITEM_PATH.exec(String(path ?? ''));
  return m ? { index: Number(m[1]), key: m[2].replace(/^\./, '') } : null;
}

/**
 * The FIELDS entry for an item-relative key, or for the nearest group that
 * holds it ("labor.hourlyy" -> the pay group); null when none does.
 * @param {string} key
 * @returns {Field|null}
 */
export function fieldFor(key) {
  let k = String(key ?? '');
  while (k && !Object.hasOwn(FIELDS, k)) k = k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : '';
  return k ? FIELDS[k] : null;
}

// --- errors at a field ------------------------------------------------------

const RANGE = /from (-?[\d,.]+) to (-?[\d,.]+)(?:, got (.*)|; (.*) is not a number)$/;

/**
 * "Must be a whole number." and the like, for a value of the wrong kind.
 * @param {{message: string}} issue
 * @param {Partial<Field>} field
 */
function wrongType({ message }, { type, label }) {
  if (/^must be (a|a whole) number from/.test(message)) {
    if (type === 'count') return 'Must be a whole number.';
    if (type === 'money') return 'Must be an amount in dollars.';
    if (type === 'percent') return 'Must be a percentage.';
    return 'Must be a number.';
  }
  if (/^must be an item\b/.test(message)) return 'Cannot be read as an item.';
  if (/a JSON object/.test(message)) return 'Must be a group of settings, not a single value.';
  if (/a JSON array/.test(message)) return 'Must be a list.';
  if (/true or false/.test(message)) return 'Must be on or off.';
  if (/a string/.test(message)) return type === 'choice' ? 'Must be one of the choices.' : 'Must be text.';
  return label ? 'Cannot be read.' : plainText(message);
}

/**
 * "Must be from 1 to 9." in the field's units; percentages also say what was typed.
 * @param {{message: string}} issue
 * @param {Partial<Field>} field
 */
function outOfRange({ message }, { type }) {
  const split = /^cannot split ([\d,]+) objects into ([\d,]+) jobs$/.exec(message);
  if (split) return `Cannot split ${split[1]} objects into ${split[2]} jobs.`;
  const m = RANGE.exec(message);
  const [low, high] = m ? [inUnits(m[1], type), inUnits(m[2], type)] : [];
  if (!low || !high) return plainText(message);
  const got = type === 'percent' && /** @type {RegExpExecArray} */ (m)[3] !== undefined ? inUnits(/** @type {RegExpExecArray} */ (m)[3], type) : null;
  return got ? `Must be from ${low} to ${high}; you typed ${got}.` : `Must be from ${low} to ${high}.`;
}

/**
 * "Has too many decimal places (at most 7)." counting the places people type.
 * @param {{message: string}} issue
 * @param {Partial<Field>} field
 */
function tooPrecise({ message }, { type }) {
  const m = /at most (\d+) decimal places/.exec(message);
  if (!m) return 'Has too many decimal places.';
  const places = Math.max(0, Number(m[1]) - (type === 'percent' ? 2 : 0));
  return `Has too many decimal places (at most ${places}).`;
}

/** @param {{message: string}} issue */
function tooLong({ message }) {
  const m = /at most (\d+) bytes long, got (\d+)/.exec(message);
  return m ? `Too long (at most ${grouped(m[1])} bytes of text; this is ${grouped(m[2])}).` : 'Too long.';
}

/** @param {{message: string}} issue */
function tooMany({ message }) {
  const m = /at most (\d+) entries/.exec(message);
  return m ? `Has too many entries (at most ${grouped(m[1])}).` : 'Has too many entries.';
}

/**
 * @param {{message: string}} issue
 * @param {Partial<Field>} field
 * @param {CardContext} context
 */
function missingField({ message }, field, { cardTitle }) {
  if (/^is required when workforce is given/.test(message)) return 'Required when a workforce is chosen.';
  if (/^give annotators \(to find the weeks\) or weeks/.test(message)) return 'Give the annotators (to find the weeks) or the weeks (to find the annotators).';
  const m = /^is required for (.+) on rate card \S+$/.exec(message);
  return m ? `Required for ${m[1]} ${onCard(cardTitle)}.` : 'Required.';
}

/**
 * @param {{message: string}} issue
 * @param {Partial<Field>} field
 * @param {CardContext} context
 */
function workforceUnavailable({ message }, field, { cardTitle }) {
  const m = /^(.+?) is not available for (.+) on rate card (\S+?)(?:: (.*))?$/.exec(message);
  if (!m) return plainText(message, 'This workforce is not available for this task on this rate card.');
  const why = m[4] && !hasJargon(m[4]) ? ` ${sentence(m[4])}` : '';
  return `${m[1]} is not available for ${m[2]} ${onCard(cardTitle)}.${why}`;
}

/**
 * @param {{message: string}} issue
 * @param {Partial<Field>} field
 * @param {CardContext} context
 */
function activeLearningUnsupported({ message }, field, { cardTitle }) {
  const m = /^active learning is not available for (.+) on rate card \S+;/.exec(message);
  return m ? `Active learning is not offered for ${m[1]} ${onCard(cardTitle)}.`
    : `Active learning is not offered for this task ${onCard(cardTitle)}.`;
}

/** @param {{message: string}} issue */
function priceNotAllowed({ message }) {
  const m = /^\$([\d,.]+) is not an allowed Mechanical Turk price for (.+); allowed: (.+)$/.exec(message);
  if (!m) return 'Mechanical Turk does not allow this price for this task.';
  const allowed = m[3].split(/,\s*/).map((p) => `$${p}`);
  return `Mechanical Turk does not allow $${m[1]} for ${m[2]}; it allows ${orList(allowed)}.`;
}

/**
 * @param {{message: string}} issue
 * @param {Partial<Field>} field
 * @param {CardContext} context
 */
function notApplicable({ message }, field, { cardTitle }) {
  let m;
  if ((m = /^(.+) has no per-label price to multiply/.exec(message))) {
    return `${m[1]} has no per-label price to multiply; give its hourly pay and seconds per object instead.`;
  }
  if (/has no free tier$/.test(message)) {
    return `${cardTitle ? capitalize(cardTitle) : 'This rate card'} has no free tier; leave the free tier off.`;
  }
  if (/prices whole objects, not worker tasks/.test(message)) {
    return `${cardTitle ? capitalize(cardTitle) : 'This rate card'} prices whole objects, not each worker's task; change the price multiplier instead.`;
  }
  if ((m = /^(.+) workers are paid through labor, not a price per object/.exec(message))) {
    return `${m[1]} workers are paid by the hour, not a price per object; give the hourly pay and seconds per object instead.`;
  }
  if ((m = /^(.+) workers are paid through labor/.exec(message))) {
    return `${m[1]} workers are paid by the hour, not per object; give the hourly pay and seconds per object instead.`;
  }
  if ((m = /^labor is paid directly only for a private workforce; (.+) is priced per label$/.exec(message))) {
    return `Hourly pay is only for a private workforce; ${m[1]} is paid per label.`;
  }
  return plainText(message, 'Does not apply here.');
}

/** @param {{path: string}} issue */
function conflictingFields({ path }) {
  const p = path ?? '';
  if (/unit_price$/.test(p)) return 'Your price per object already includes every worker: leave the price multiple and the worker price empty.';
  if (/seconds_per_object$/.test(p)) return 'Differs from the seconds per object given with the hourly pay: give one, or the same in both.';
  if (/^schedule\./.test(p)) return 'Give either the annotators (to find the weeks) or the weeks (to find the annotators), not both.';
  return 'Give either a compute amount or a compute price per 10,000 objects, not both.';
}

/**
 * The most the engine states exactly, from its message: "$9.2 trillion".
 * @param {string} message
 */
function largestAmount(message) {
  return /\(about (\$[^)]+)\)/.exec(message)?.[1] ?? null;
}

/**
 * "Has more than 256 settings; labelcost reads at most 256."
 * @param {{message: string}} issue
 */
function tooManyMembers({ message }) {
  const most = /at most (\d+)/.exec(message)?.[1];
  return most ? `Has more than ${grouped(most)} settings; labelcost reads at most ${grouped(most)}.` : 'Has too many settings to read.';
}

/** @param {{message: string}} issue */
function amountTooLarge({ message }) {
  const most = largestAmount(message);
  return most
    ? `Too large to price: the total would exceed about ${most}, the most labelcost can state exactly. Use fewer objects, lower prices or smaller multipliers.`
    : 'Too large to price: use fewer objects, lower prices or smaller multipliers.';
}

/** @type {Record<string, (issue: Issue, field: Partial<Field>, context: CardContext) => string>} */
const AT_FIELD = {
  missing_field: missingField,
  wrong_type: wrongType,
  negative: () => 'Cannot be negative.',
  not_whole_number: () => 'Must be a whole number.',
  too_precise: tooPrecise,
  out_of_range: outOfRange,
  too_long: tooLong,
  too_many: tooMany,
  unknown_field: () => 'Has a setting labelcost does not know.',
  unknown_task: (issue, field, { cardTitle }) => `Is not a task ${onCard(cardTitle)}.`,
  unknown_workforce: (issue, field, { cardTitle }) => `Is not a workforce ${onCard(cardTitle)}.`,
  unknown_kind: () => `Is not a kind of item labelcost knows; use ${KINDS}.`,
  workforce_unavailable: workforceUnavailable,
  active_learning_unsupported: activeLearningUnsupported,
  price_not_allowed: priceNotAllowed,
  not_applicable: notApplicable,
  conflicting_fields: conflictingFields,
  invalid_value: () => 'Choose what the discount is on: every item above it, or the labeling items.',
  amount_too_large: amountTooLarge,
  too_many_members: tooManyMembers,
};

/**
 * The sentence shown at a field for one of the engine's errors, in the
 * field's units ("Must be from 0% to 100%; you typed 150%.").
 * @param {Issue} issue
 * @param {Partial<Field> & CardContext} [field]  the field's FIELDS entry; cardTitle names the rate card
 * @returns {string}
 */
export function fieldMessage(issue, field = {}) {
  const { cardTitle, ...entry } = field ?? {};
  const say = AT_FIELD[issue?.code];
  return say ? say(issue, entry, { cardTitle }) : plainText(issue?.message);
}

// --- warnings ---------------------------------------------------------------

/** @param {{message: string}} issue */
function laborExcluded({ message }) {
  const who = /^(.+?) labor is not included/.exec(message)?.[1] ?? 'Private workforce';
  return `${who} pay is not counted: add the hourly pay and the seconds per object to count it.`;
}

const BELOW_MINIMUM = /^(every job is|some jobs are) too small for active learning \((?:jobs need at least ([\d,]+) objects|people label at least ([\d,]+) objects of a job) on rate card \S+\)/;

/**
 * @param {{message: string}} issue
 * @param {CardContext} context
 */
function belowMinimum({ message }, { cardTitle }) {
  const m = BELOW_MINIMUM.exec(message);
  if (!m) return plainText(message, 'Some jobs are too small for active learning, so people label all of them.');
  const all = m[1] === 'every job is';
  const rule = m[2] ? `a job needs at least ${m[2]} objects` : `people label at least ${m[3]} objects of each job`;
  const rest = all ? 'People label all of this item, and no compute is charged for it.'
    : 'People label all of those jobs, and no compute is charged for them.';
  return `${all ? 'Every job is' : 'Some jobs are'} too small for active learning: ${rule} ${onCard(cardTitle)}. ${rest}`;
}

/** @param {{message: string}} issue */
function noSavings({ message }) {
  const more = /costs (-?\$[\d,.]+) more/.exec(message)?.[1];
  const first = more ? `Active learning costs ${more} more here than having people label everything.`
    : 'Active learning costs more here than having people label everything.';
  return /labor it would save is not stated/.test(message)
    ? `${first} The pay it would save is not counted: the hourly pay and seconds per object are not given.`
    : first;
}

/**
 * @param {{message: string}} issue
 * @param {CardContext} context
 */
function multiplierOutside({ message }, { cardTitle }) {
  const m = /^x([\d.]+) is outside rate card \S+'s range for (.+) \(x([\d.]+) to x([\d.]+)\)/.exec(message);
  if (!m) return plainText(message, 'The price multiplier is outside the range this rate card gives; it is used as given.');
  const card = cardTitle ? `${cardTitle} gives` : 'this rate card gives';
  return `The price multiplier ×${m[1]} is outside the range ${card} for ${m[2]}, ×${m[3]} to ×${m[4]}; the price uses ×${m[1]} as given.`;
}

/** @param {{message: string}} issue */
function creditUnused({ message }) {
  const m = /^(\$[\d,.]+) of the (\$[\d,.]+) credit is not used/.exec(message);
  return m ? `This credit is ${m[2]}; ${m[1]} of it is not used: it is more than what it can take off (the total does not go below $0.00).`
    : 'Part of this credit is not used: the total does not go below $0.00.';
}

/** @param {{message: string}} issue */
function discountLimited({ message }) {
  const m = /; (\$[\d,.]+) of its (\$[\d,.]+) is not used/.exec(message);
  return m ? `The discounts together would take the total below $0.00: ${m[1]} of this one's ${m[2]} is not used.`
    : 'The discounts together would take the total below $0.00: part of this one is not used.';
}

/**
 * "$144.884" as the page shows amounts, to the cent: "$144.88".
 * @param {string} amount
 */
const cents = (amount) => money(amount.replace(/[$,]/g, ''));

// A budget's answer: the other items cost more than the budget; the count
// is the most an item may have; a larger count costs less than a smaller one.
/** @param {{message: string}} issue */
function overBudget({ message }) {
  const m = /already cost (\$[\d,.]+), more than the budget of (\$[\d,.]+)/.exec(message);
  return m ? `The other items already cost ${cents(m[1])}, more than ${cents(m[2])}: nothing more can be labeled within it.`
    : 'The other items already cost more than this budget: nothing more can be labeled within it.';
}

/** @param {{message: string}} issue */
function atLimit({ message }) {
  const most = /more than ([\d,]+) objects/.exec(message)?.[1];
  return `The budget covers more than ${most ?? 'the'} objects${most ? ',' : ''} the most one item may have; this is the largest count labelcost prices.`;
}

/** @param {{message: string}} issue */
function largerIsCheaper({ message }) {
  const m = /^([\d,]+) objects cost (\$[\d,.]+), less than ([\d,]+) objects \((\$[\d,.]+)\)/.exec(message);
  return m ? `Labeling more can cost less here: ${m[1]} objects cost ${cents(m[2])}, less than ${m[3]} (${cents(m[4])}), because active learning's rules change at that size.`
    : 'Labeling more can cost less here, because active learning\'s rules change with the size of a job.';
}

/** @param {{message: string}} issue */
function tooFewAnnotators({ message }) {
  const m = /^each object of (.+) is labeled by (\d+) different workers, more than the (\d+) annotators/.exec(message);
  return m ? `Each object of ${m[1]} is labeled by ${m[2]} different workers, more than your ${m[3]} annotators: the weeks assume at least ${m[2]} people.`
    : 'Each object needs more different workers than the annotators you have: the weeks assume enough people.';
}

/** @type {Record<string, (issue: Issue, context: CardContext) => string>} */
const WARNINGS = {
  too_few_annotators: tooFewAnnotators,
  over_budget: overBudget,
  at_limit: atLimit,
  larger_is_cheaper: largerIsCheaper,
  credit_unused: creditUnused,
  discount_limited: discountLimited,
  labor_excluded: laborExcluded,
  active_learning_below_minimum: belowMinimum,
  active_learning_no_savings: noSavings,
  multiplier_outside_range: multiplierOutside,
};

/**
 * A warning of the engine's in plain words, the rate card named by its title.
 * @param {Issue} issue
 * @param {CardContext} [context]
 * @returns {string}
 */
export function warningMessage(issue, context = {}) {
  const say = WARNINGS[issue?.code];
  return say ? say(issue, context ?? {}) : plainText(issue?.message, 'Check this item: the estimate may not be what you expect.');
}

/**
 * The sentence shown at a field of the price tables (your own rate card) for
 * one of the engine's errors about the card.
 * @param {Issue} issue
 * @param {Partial<Field>} [field]  the field's label and type
 * @returns {string}
 */
export function cardFieldMessage(issue, field = {}) {
  if (issue?.code !== 'invalid_card') return fieldMessage(issue, field);
  const message = String(issue.message ?? '');
  if (/min <= typical <= max/.test(message)) return 'Low, typical and high must be in that order: low at most typical, typical at most high.';
  if (/bounds must increase/.test(message)) return 'Each tier must end above the one before it.';
  if (/at least one tier/.test(message)) return 'Keep at least one tier.';
  return plainText(message, 'This price cannot be used.');
}

// --- a whole scenario -------------------------------------------------------

/**
 * A sentence about the scenario as a whole ("It is not valid JSON.").
 * @param {Issue} issue
 */
function wholeProblem({ code, path, message }) {
  if (code === 'invalid_json') return 'It is not valid JSON.';
  if (code === 'too_large') {
    const m = /at most (\d+)/.exec(message);
    const unit = /characters/.test(message) ? 'characters' : 'bytes';
    return m ? `It is too large: labelcost reads at most ${grouped(m[1])} ${unit}.` : 'It is too large to read.';
  }
  if (code === 'too_deep') {
    const m = /deeper than (\d+) levels/.exec(message);
    return m ? `It is nested more than ${m[1]} levels deep.` : 'It is nested too deeply to read.';
  }
  if (code === 'bom') return 'It starts with an invisible byte-order mark; save it as UTF-8 without one.';
  if (code === 'too_many_members') {
    const most = /at most (\d+)/.exec(message)?.[1];
    return most ? `It has more than ${grouped(most)} settings in one place; labelcost reads at most ${grouped(most)}.`
      : 'It has too many settings in one place to read.';
  }
  if (code === 'too_many_long_numbers') {
    const most = /at most (\d+)/.exec(message)?.[1];
    return most ? `It has more than ${grouped(most)} numbers written with more than 15 digits or a very large or small power of ten.`
      : 'It has too many numbers written with more than 15 digits.';
  }
  if (code === 'too_many_errors') {
    const more = /^([\d,]+) more/.exec(message)?.[1];
    return more ? `It has ${more} more ${more === '1' ? 'problem' : 'problems'} besides these.` : 'It has more problems besides these.';
  }
  if (code === 'unknown_field') return 'It has a setting labelcost does not know.';
  if (code === 'amount_too_large') {
    const most = largestAmount(message);
    return most ? `Its total is too large to price: it would exceed about ${most}.` : 'Its total is too large to price.';
  }
  if (path === '' && code === 'wrong_type') return 'It is not a scenario.';
  return topProblem({ code, path, message });
}

/**
 * A sentence about one of the scenario's own fields.
 * @param {Issue} issue
 */
function topProblem({ code, path, message }) {
  if (path === 'labelcost') {
    if (code === 'missing_field') return 'It does not say which scenario format it uses.';
    return /newer labelcost/.test(message) ? 'It was written by a newer labelcost.'
      : 'It uses a scenario format this labelcost does not read.';
  }
  if (path === 'rates') {
    if (code === 'unknown_rates' && /no default/.test(message)) return 'No rate card is available to price it.';
    return code === 'unknown_rates' ? 'It uses a price list (rate card) this version of labelcost does not have.'
      : 'It names its rate card in a form labelcost cannot read.';
  }
  if (path === 'items') {
    if (code === 'missing_field') return 'It has no list of items.';
    if (code === 'too_many') {
      const m = /at most (\d+) entries/.exec(message);
      return m ? `It has more than ${grouped(m[1])} items.` : 'It has too many items.';
    }
    return 'Its items are not a list.';
  }
  const schedule = /^schedule(?:\.(\w+))?$/.exec(path ?? '');
  if (schedule) {
    const field = SCHEDULE_FIELDS[schedule[1] ?? ''];
    if (code === 'unknown_field' || !field) return code === 'unknown_field' ? 'Its schedule has a setting labelcost does not know.' : 'Its schedule cannot be read.';
    return `Its schedule, ${field.label}: ${continued(fieldMessage({ code, path, message }, field))}`;
  }
  if (Object.hasOwn(TOP, path)) {
    return code === 'too_long' ? `Its ${TOP[path]} is ${continued(tooLong({ message }))}` : `Its ${TOP[path]} is not text.`;
  }
  return plainText(message, 'It cannot be read.');
}

/**
 * A sentence about one item, or one of its fields.
 * @param {Issue} issue
 * @param {{index: number, key: string}} at
 * @param {ScenarioContext} context
 */
function itemProblem(issue, { index, key }, { cardTitle, itemName }) {
  const name = itemName?.(index);
  const item = `Item ${index + 1}${name ? ` (${name})` : ''}`;
  if (issue.code === 'unknown_field') return `${item} has a setting labelcost does not know.`;
  if (issue.code === 'wrong_type' && !key) return `${item} cannot be read as an item.`;
  if (issue.code === 'amount_too_large' && !key) {
    const most = largestAmount(issue.message);
    return most ? `${item} is too large to price: its cost would exceed about ${most}.` : `${item} is too large to price.`;
  }
  const field = key ? fieldFor(key) : null;
  const said = continued(fieldMessage(issue, { ...field, cardTitle }));
  return field ? `${item}, ${field.label}: ${said}` : `${item}: ${said}`;
}

/**
 * Why a whole scenario was refused, one plain sentence per problem, each
 * said once (for a refused link, an import, an embed's attribute).
 * @param {Issue[]} errors
 * @param {ScenarioContext} [context]  the rate card's title; an item's name by its index
 * @returns {string[]}
 */
export function scenarioProblems(errors, context = {}) {
  const sentences = (errors ?? []).map((issue) => {
    const at = itemPath(issue.path);
    return at ? itemProblem(issue, at, context ?? {}) : wholeProblem(issue);
  });
  return [...new Set(sentences)];
}
