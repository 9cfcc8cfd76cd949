// Export what is on screen (CSV and JSON of the estimate) and import JSON.

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').ItemResult} ItemResult */
/** @typedef {import('./types.js').WorkTime} WorkTime */
/** @typedef {import('./types.js').Plan} Plan */
/** @typedef {import('./types.js').PlansComparison} PlansComparison */
/** @typedef {import('./types.js').RateCard} RateCard */

/** A day where the reader is, as YYYY-MM-DD (today by default). */
export function localDate(when = new Date()) {
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())}`;
}

const CSV_COLUMNS = ['item', 'name', 'kind', 'part', 'quantity', 'unit', 'unit_price', 'cost', 'low', 'high',
  'task', 'workforce', 'objects', 'workers', 'active_learning', 'auto_fraction', 'compute_per_10k',
  'rate_card', 'card_effective', 'currency', 'estimate_date', 'worker_hours', 'worker_hours_low', 'worker_hours_high'];
const CSV_NUMBERS = new Set(['item', 'quantity', 'unit_price', 'cost', 'low', 'high', 'objects', 'workers', 'auto_fraction', 'compute_per_10k',
  'worker_hours', 'worker_hours_low', 'worker_hours_high']);

/**
 * A labeling item's or the total's worker-hours, as the engine wrote them; empty where there are none.
 * @param {WorkTime | null | undefined} effort
 */
const hours = (effort) => (effort ? [effort.worker_hours, effort.low, effort.high] : ['', '', '']);

// An item's inputs: task, workforce, objects, workers, active learning ("on"
// or "off" on labeling items), auto-labeled fraction, compute per 10,000.
/** @param {ItemResult} item */
function csvInputs(item) {
  const labeling = 'active_learning' in item;
  const al = item.active_learning;
  return [item.task, item.workforce, item.objects, item.workers, labeling ? (al ? 'on' : 'off') : '',
    al?.auto_fraction, al ? al.compute_per_10k : item.compute_per_10k];
}

/**
 * One CSV cell (RFC 4180); a text cell that starts like a formula is defused.
 * @param {unknown} v
 * @param {boolean} text
 */
function cell(v, text) {
  let s = v === undefined || v === null ? '' : String(v);
  // A spreadsheet would run a text cell that starts like a formula.
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The estimate as CSV, byte for byte `labelcost estimate --format csv --date DATE`:
 * a row per item and per part, each item row with its inputs, and on every
 * row the rate card, its effective date, the currency and the estimate's date.
 * @param {Result} result  an estimate (result format v1)
 * @param {string} [date]  the estimate's date, YYYY-MM-DD; today by default
 */
export function estimateCsv(result, date = localDate()) {
  const estimate = [result.rates.id, result.rates.effective, result.currency, date];
  const none = Array(7).fill('');
  /** @type {(cells: unknown[], inputs?: unknown[], effort?: WorkTime | null) => string} */
  const line = (cells, inputs = none, effort = null) => [...cells, ...inputs, ...estimate, ...hours(effort)]
    .map((c, i) => cell(c, !CSV_NUMBERS.has(CSV_COLUMNS[i]))).join(',');
  const lines = [CSV_COLUMNS.join(',')];
  result.items.forEach((item, i) => {
    lines.push(line([i + 1, item.name, item.kind, '', '', '', '', item.cost, item.low, item.high], csvInputs(item), item.effort));
    for (const p of item.parts) lines.push(line([i + 1, item.name, item.kind, p.name, p.quantity, p.unit, p.unit_price, p.cost, '', '']));
  });
  lines.push(line(['', result.labor_excluded ? 'Total (excl. private labor)' : 'Total', 'total', '', '', '', '', result.total, result.low, result.high],
    none, result.effort));
  return lines.join('\r\n') + '\r\n';
}

/**
 * Plans side by side as CSV, byte for byte `labelcost compare A B --format csv`:
 * a row per plan with its amounts, worker-hours and differences from the first.
 * @param {{plans: Plan[]}} comparison  the engine's compareScenarios answer
 */
export function plansCsv(comparison) {
  const header = ['Plan', 'Total', 'Low', 'High', 'Saved by active learning', 'Worker-hours', 'Total vs plan 1', 'Worker-hours vs plan 1'];
  const rows = comparison.plans.map((p) => [`${p.name || `Plan ${p.index + 1}`} (${p.rates.id})`, p.total, p.low, p.high, p.saved,
    p.effort.worker_hours, p.delta?.total ?? '', p.delta?.worker_hours ?? '']);
  return [header, ...rows].map((r) => r.map((c, i) => cell(c, i === 0)).join(',')).join('\r\n') + '\r\n';
}

/**
 * Plans side by side and the engine's comparison, as one JSON document.
 * @param {{name: string, scenario: Scenario}[]} plans
 * @param {PlansComparison} comparison
 */
export function plansJson(plans, comparison) {
  return JSON.stringify({ labelcost_compare: 1, exported: new Date().toISOString(), plans, comparison }, null, 2) + '\n';
}

/**
 * The scenario and its estimate, as one JSON document that imports back.
 * @param {Scenario} scenario
 * @param {Result} result
 */
export function estimateJson(scenario, result) {
  return JSON.stringify({ labelcost_export: 1, exported: new Date().toISOString(), scenario, result }, null, 2) + '\n';
}

/**
 * A scenario from imported JSON text: an export of this page, or a bare
 * scenario. Throws an Error saying what is wrong.
 * @param {string} text
 * @returns {{labelcost: 1, items: unknown[], [field: string]: unknown}}  for the engine to check in full
 */
export function importedScenario(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`This file is not JSON: ${/** @type {SyntaxError} */ (error).message}`);
  }
  const scenario = value && typeof value === 'object' && value.labelcost_export ? value.scenario : value;
  if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) throw new Error('This file holds no labelcost scenario.');
  if (scenario.labelcost !== 1) throw new Error(scenario.labelcost > 1 ? 'This scenario was written by a newer labelcost.' : 'This file holds no labelcost scenario (format 1).');
  if (!Array.isArray(scenario.items)) throw new Error('This scenario has no list of items.');
  return scenario;
}

/**
 * The rate card a JSON file holds (format 1), or null when it holds none.
 * @param {string} text
 * @returns {{labelcost_rates: unknown, [field: string]: unknown} | null}  for the engine to check in full
 */
export function importedCard(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return value && typeof value === 'object' && !Array.isArray(value) && 'labelcost_rates' in value ? value : null;
}

/** The id of your own copy of a bundled card (a scenario's own card may not use a bundled id). */
export const ownCardId = (/** @type {string} */ id) => `${id}-own`;

/**
 * A card as a starting point for your own prices: a bundled card gets an id
 * and title of its own (a scenario's own card may not be a bundled one).
 * @template {RateCard} C
 * @param {C} card
 * @param {boolean} bundled
 * @returns {C}
 */
export function ownCopy(card, bundled) {
  const own = structuredClone(card);
  if (bundled) {
    own.id = ownCardId(card.id);
    own.title = `Your copy of ${card.title}`;
    delete own.aliases;
    delete own.default;
  }
  return own;
}

/**
 * {@link ownCopy} as the text of a card file.
 * @param {RateCard} card
 * @param {boolean} bundled
 */
export const ownCardText = (card, bundled) => `${JSON.stringify(ownCopy(card, bundled), null, 2)}\n`;

/**
 * Offers text as a file download.
 * @param {string} filename
 * @param {string} text
 * @param {string} type  its MIME type
 */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A file name from a scenario name: "Computer vision startup" -> "computer-vision-startup".
 * @param {string | null} [name]
 */
export function fileStem(name) {
  const stem = String(name ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'labelcost-estimate';
}
