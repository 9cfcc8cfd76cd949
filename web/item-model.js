// What an item is, apart from how it is shown: the kinds, short option
// names, how typed text is read into a stored value, and fields by path.
import { readCount, readNumber, readPercent, toPercentText, count } from './numbers.js';

/** @typedef {import('./types.js').Decimal} Decimal */
/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').ItemKind} ItemKind */
/** @typedef {import('./types.js').LabelingItem} LabelingItem */
/** @typedef {import('./types.js').AutoLabelingItem} AutoLabelingItem */

/**
 * A scenario item as the editor holds it: its task and workforce are ids of its rate card,
 * which may be a card of your own with ids beyond Task and Workforce.
 * @typedef {Exclude<Item, LabelingItem | AutoLabelingItem>
 *   | (Omit<LabelingItem, 'task' | 'workforce'> & {task: string, workforce: string})
 *   | (Omit<AutoLabelingItem, 'task' | 'workforce'> & {task?: string, workforce?: string})} ItemData
 */
/** @typedef {{id: string, data: ItemData}} EditorItem  an item and the page's id for it */

/** @typedef {{min: Decimal, typical: Decimal, max: Decimal}} Range */
/**
 * @typedef {{title: string, modality: string, unit: string, price: Decimal, mturk_prices?: string,
 *   active_learning?: boolean, default_workers?: number, unavailable?: string[]}} CardTask
 */
/** @typedef {{title: string, multiplier: Range, labor?: boolean, staffed?: boolean}} CardWorkforce */
/**
 * A rate card the engine has checked (rates/schema/rate-card.schema.json): the parts the editor reads.
 * @typedef {import('./types.js').RateCard & {price_basis: 'object' | 'worker-task',
 *   workers: {min: number, default: number, max: number, priced_at: number},
 *   price_lists?: Record<string, Decimal[]>, tasks: Record<string, CardTask>,
 *   workforces: Record<string, CardWorkforce>, active_learning: {auto_fraction: Range, compute_per_10k: Range},
 *   fee: {up_to?: number, price: Decimal}[], free_tier?: {objects: number, months: number},
 *   effort?: Record<string, {seconds: Range}>}} Card
 */

/** @type {Record<ItemKind, string>} */
export const KINDS = {
  labeling: 'Labeling',
  'auto-labeling': 'Auto-labeled batch',
  rework: 'Rework',
  storage: 'Storage',
  fixed: 'Fixed cost',
  discount: 'Discount',
  credit: 'Credit',
};

/** @type {{[modality: string]: string | undefined}} */
export const MODALITIES = { image: 'Image', text: 'Text', video: 'Video', 'point-cloud': '3D point cloud' };

/**
 * A short name for a select's option, and the rest to show beside it:
 * "3D point cloud semantic segmentation (per frame)" is "Semantic
 * segmentation", with "3D point cloud" beside; "Vendor (AWS Marketplace)"
 * is "Vendor", with "AWS Marketplace" beside.
 * @param {string} title
 * @param {string} [prefix]  a word the option's group already says
 */
export function shortTitle(title, prefix = '') {
  let short = title;
  let detail = '';
  const paren = /^(.*\S)\s*\(([^)]*)\)$/.exec(short);
  if (paren) [, short, detail] = paren;
  if (short.startsWith('Amazon ')) short = short.slice(7);
  // "Multi-label image classification" under Image: "Multi-label classification".
  const word = prefix ? new RegExp(`(^|\\s)${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'i') : null;
  const without = word ? short.replace(word, (m, a, b) => (a && b ? ' ' : '')).trim() : short;
  if (without && without !== short) short = without[0].toUpperCase() + without.slice(1);
  return { short, detail };
}

// How each kind of field reads typed text and shows a stored value.
/**
 * @typedef {{read: (text: string) => string | null, show: (v: Decimal | undefined) => Decimal, hint: string}} FieldReader
 */
/** @type {{count: FieldReader, number: FieldReader, money: FieldReader, percent: FieldReader}} */
export const READ = {
  count: { read: readCount, show: (v) => (v === undefined ? '' : count(v)), hint: 'a whole number, like 20000, 20,000 or 20k' },
  number: { read: readNumber, show: (v) => v ?? '', hint: 'a number, like 2.5' },
  money: { read: readNumber, show: (v) => v ?? '', hint: 'an amount in dollars, like 25 or 0.036' },
  percent: { read: readPercent, show: (v) => toPercentText(v), hint: 'a percentage, like 70%' },
};

/**
 * Reads what was typed in a field of a kind: `{value}` (the stored value, or
 * undefined for an empty optional field) or `{message}` saying what is wrong.
 * @param {keyof typeof READ} type
 * @param {string} text
 * @param {{optional?: boolean}} [how]
 * @returns {{value?: string|number, message?: string}}
 */
export function readTyped(type, text, { optional = false } = {}) {
  const { read, hint } = READ[type];
  if (text.trim() === '') return optional ? { value: undefined } : { message: `Required: type ${hint}.` };
  const value = read(text);
  if (value !== null) return { value: stored(value) };
  const unsigned = text.replace(/^\s*[-\u2212]/, '');
  if (unsigned !== text && read(unsigned) !== null) return { message: 'Cannot be negative.' };
  return { message: `Cannot read "${text.trim()}": type ${hint}.` };
}

/**
 * A value as the scenario stores it: a number when that is exact, else the decimal string.
 * @param {string} decimal
 */
export function stored(decimal) {
  const n = Number(decimal);
  return Number.isFinite(n) && String(n) === decimal ? n : decimal;
}

/**
 * @param {object} obj
 * @param {string} path  keys joined by dots: "labor.hourly"
 * @returns {unknown}
 */
export function get(obj, path) {
  return path.split('.').reduce((/** @type {unknown} */ o, k) => (o == null ? undefined : /** @type {Record<string, unknown>} */ (o)[k]), obj);
}

/**
 * @param {Record<string, unknown>} obj
 * @param {string} path
 * @param {unknown} value  undefined removes the field
 */
export function set(obj, path, value) {
  const keys = path.split('.');
  const last = /** @type {string} */ (keys.pop());
  let o = obj;
  for (const k of keys) o = /** @type {Record<string, unknown>} */ (o[k] ??= {});
  if (value === undefined) delete o[last];
  else o[last] = value;
  // Drop emptied groups, except active_learning (its presence turns it on).
  if (keys.length === 1 && keys[0] !== 'active_learning' && o && !Object.keys(o).length) delete obj[keys[0]];
}

/**
 * A new item of a kind, with values that make sense on their own.
 * @param {ItemKind} kind
 * @param {{tasks?: object}} [card]  the card in use: a labeling item takes its first task
 * @returns {ItemData}
 */
export function newItem(kind, card) {
  switch (kind) {
    case 'labeling': return { kind, task: Object.keys(card?.tasks ?? {})[0] ?? 'image/classification', objects: 10000, workforce: 'mturk' };
    case 'auto-labeling': return { kind, objects: 10000 };
    case 'rework': return { kind, fraction: 0.1 };
    case 'storage': return { kind, gb: 10, months: 1 };
    case 'discount': return { kind, fraction: 0.1, of: 'all' };
    case 'credit': return { kind, amount: 0 };
    default: return { kind: 'fixed', amount: 0 };
  }
}
