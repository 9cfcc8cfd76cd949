// The engine's errors and warnings as the page says them (web/messages.js),
// with the real engine through WebAssembly: each refusal a person can cause
// in the page, or by opening a link, a file or an embed, comes out in plain
// words, with no JSON path, field name or rate card id.
//
// Needs build/site (cmake --build --preset wasm); LABELCOST_SITE points
// elsewhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { FIELDS, fieldMessage, cardFieldMessage, warningMessage, scenarioProblems, hasJargon, itemPath, fieldFor } from '../../web/messages.js';
import { readPercent } from '../../web/numbers.js';

/** @typedef {import('../../web/types.js').Code} Code */
/** @typedef {import('../../web/types.js').Decimal} Decimal */
/** @typedef {import('../../web/types.js').Issue} Issue */
/** @typedef {import('../../web/types.js').Item} Item */
/** @typedef {import('../../web/types.js').LabelingItem} LabelingItem */
/** @typedef {import('../../web/types.js').RateCard} RateCard */
/** @typedef {import('../../web/types.js').Scenario} Scenario */
/** @typedef {import('../../web/types.js').BudgetRequest} BudgetRequest */
/** @typedef {import('../../web/messages.js').Field} Field */
/** @typedef {{min: Decimal, typical: Decimal, max: Decimal}} Range */
/**
 * The parts of a rate card these tests change.
 * @typedef {RateCard & {aliases?: string[], workforces: Record<string, {multiplier: Range}>,
 *   fee: {up_to?: number, price: Decimal}[], storage: {up_to?: number, price: Decimal}[],
 *   tasks: Record<string, {mturk_prices?: string}>}} Card
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = process.env.LABELCOST_SITE ?? path.join(root, 'build/site');
if (!existsSync(path.join(site, 'engine.js'))) throw new Error(`missing ${site}/engine.js: build the wasm preset first`);

const { loadEngine, LabelcostError } = /** @type {typeof import('../../web/engine.js')} */ (await import(pathToFileURL(path.join(site, 'engine.js')).href));
const engine = await loadEngine();
const titles = Object.fromEntries(engine.rates().cards.flatMap((c) => [c.id, ...(c.aliases ?? [])].map((id) => [id, c.title])));
const CARD_ID = /wring-20|aws-documented|\baws\b|\bwring\b(?! article)/;

// --- scenarios as the page writes them --------------------------------------

/**
 * A percentage as a person types it, stored as the page stores it ("150%" -> 1.5).
 * @param {string} text
 * @returns {Decimal}
 */
function percent(text) {
  const fraction = readPercent(text);
  assert.notEqual(fraction, null, text);
  return String(Number(fraction)) === fraction ? Number(fraction) : /** @type {string} */ (fraction);
}

/** @type {(item: Item, rates?: string) => Scenario} */
const one = (item, rates = 'wring-2026-03') => ({ labelcost: 1, rates, items: [item] });
/** @type {(extra: Partial<LabelingItem>, rates?: string) => Scenario} */
const labeling = (extra, rates) =>
  one({ kind: 'labeling', name: 'Street scenes', task: 'image/bounding-box', objects: 1000, workforce: 'mturk', ...extra }, rates);
/** @type {(extra: Partial<LabelingItem>, rates?: string) => Scenario} */
const privately = (extra, rates) => labeling({ task: 'image/polyline', workforce: 'private', ...extra }, rates);
/** @type {(amount: Decimal) => Item} */
const fixed = (amount) => ({ kind: 'fixed', amount });
/** @type {(n: number, item: Item) => Scenario} */
const many = (n, item) => ({ labelcost: 1, items: Array.from({ length: n }, () => item) });
/** An object's n extra settings: {k0: 0, k1: 0, ...}. @type {(n: number, prefix?: string) => Record<string, number>} */
const settings = (n, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 0]));
/** @type {LabelingItem} */
const huge = { kind: 'labeling', task: 'point-cloud/semantic-segmentation', objects: 10000000000, workforce: 'vendor-specialized', workers: 9 };

/**
 * Refused inputs: what the engine must refuse them with (code, path), and
 * words the page's sentence must hold (at the field, or for the scenario).
 */
const BAD = [
  // Typed into the page's fields.
  { label: 'auto-labeled 150%', scenario: labeling({ active_learning: { auto_fraction: percent('150%') } }), code: 'out_of_range', path: 'items[0].active_learning.auto_fraction', says: ['0%', '100%', '150%'] },
  { label: 'auto-labeled 110% (no float noise)', scenario: labeling({ active_learning: { auto_fraction: percent('110%') } }), code: 'out_of_range', path: 'items[0].active_learning.auto_fraction', says: ['you typed 110%.'] },
  { label: 'auto-labeled -10%', scenario: labeling({ active_learning: { auto_fraction: -0.1 } }), code: 'negative', path: 'items[0].active_learning.auto_fraction', says: ['negative'] },
  { label: 'auto-labeled with ten decimals', scenario: labeling({ active_learning: { auto_fraction: 0.1234567891 } }), code: 'too_precise', path: 'items[0].active_learning.auto_fraction', says: ['at most 7'] },
  { label: 'auto-labeled 0.00001234%', scenario: labeling({ active_learning: { auto_fraction: percent('0.00001234%') } }), code: 'too_precise', path: 'items[0].active_learning.auto_fraction', says: ['at most 7'] },
  { label: 'compute per 10,000 of a million and one', scenario: labeling({ active_learning: { compute_per_10k: 1000001 } }), code: 'out_of_range', path: 'items[0].active_learning.compute_per_10k', says: ['$0', '$1,000,000'] },
  { label: 'duplicates 101%', scenario: labeling({ duplicates: percent('101%') }), code: 'out_of_range', path: 'items[0].duplicates', says: ['101%', '100%'] },
  { label: 'zero workers', scenario: labeling({ workers: 0 }), code: 'out_of_range', path: 'items[0].workers', says: ['1', '9'] },
  { label: 'ten workers', scenario: labeling({ workers: 10 }), code: 'out_of_range', path: 'items[0].workers', says: ['from 1 to 9'] },
  { label: 'half a worker', scenario: labeling({ workers: 2.5 }), code: 'not_whole_number', path: 'items[0].workers', says: ['whole number'] },
  { label: 'minus five objects', scenario: labeling({ objects: -5 }), code: 'negative', path: 'items[0].objects', says: ['negative'] },
  { label: 'one and a half objects', scenario: labeling({ objects: 1.5 }), code: 'not_whole_number', path: 'items[0].objects', says: ['whole number'] },
  { label: 'a hundred billion objects', scenario: labeling({ objects: 1e11 }), code: 'out_of_range', path: 'items[0].objects', says: ['10,000,000,000'] },
  { label: 'objects as words', scenario: labeling({ objects: 'many' }), code: 'wrong_type', path: 'items[0].objects', says: ['whole number'] },
  { label: 'zero jobs', scenario: labeling({ jobs: 0 }), code: 'out_of_range', path: 'items[0].jobs', says: ['from 1 to'] },
  { label: 'more jobs than objects', scenario: labeling({ jobs: 1001 }), code: 'out_of_range', path: 'items[0].jobs', says: ['1,000 objects', '1,001 jobs'] },
  { label: 'multiplier of -2', scenario: labeling({ workforce: 'vendor', multiplier: -2 }), code: 'negative', path: 'items[0].multiplier', says: ['negative'] },
  { label: 'multiplier for a private workforce', scenario: privately({ multiplier: 2 }), code: 'not_applicable', path: 'items[0].multiplier', says: ['Private workforce', 'hourly pay'] },
  { label: 'worker price on a per-object card', scenario: labeling({ worker_price: 0.036 }), code: 'not_applicable', path: 'items[0].worker_price', says: ['whole objects', 'multiplier'] },
  { label: 'worker price Mechanical Turk does not allow', scenario: labeling({ worker_price: 0.05 }, 'aws-documented'), code: 'price_not_allowed', path: 'items[0].worker_price', says: ['$0.05', '$0.036', '$1.20', 'Bounding box'] },
  { label: 'worker price for a private workforce', scenario: privately({ worker_price: 0.05 }, 'aws-documented'), code: 'not_applicable', path: 'items[0].worker_price', says: ['by the hour'] },
  { label: 'Mechanical Turk for video tracking on the AWS card', scenario: labeling({ task: 'video/object-tracking' }, 'aws-documented'), code: 'workforce_unavailable', path: 'items[0].workforce', says: ['Amazon Mechanical Turk', 'Video object tracking', 'not available'] },
  { label: 'active learning for polylines', scenario: labeling({ task: 'image/polyline', active_learning: {} }), code: 'active_learning_unsupported', path: 'items[0].active_learning', says: ['Polyline'] },
  { label: 'pay for Mechanical Turk workers', scenario: labeling({ labor: { hourly: 20, seconds_per_object: 10 } }), code: 'not_applicable', path: 'items[0].labor', says: ['private workforce', 'Amazon Mechanical Turk'] },
  { label: 'private pay without the hourly rate', scenario: privately(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ labor: { seconds_per_object: 10 } }))), code: 'missing_field', path: 'items[0].labor.hourly', says: ['Required'] },
  { label: 'private pay of minus $20', scenario: privately({ labor: { hourly: -20, seconds_per_object: 10 } }), code: 'negative', path: 'items[0].labor.hourly', says: ['negative'] },
  { label: 'two days per object', scenario: privately({ labor: { hourly: 20, seconds_per_object: 172800 } }), code: 'out_of_range', path: 'items[0].labor.seconds_per_object', says: ['86,400'] },
  { label: 'storage size "x"', scenario: one({ kind: 'storage', gb: 'x' }), code: 'wrong_type', path: 'items[0].gb', says: ['number'] },
  { label: 'storage for 1.5 months', scenario: one({ kind: 'storage', gb: 5, months: 1.5 }), code: 'not_whole_number', path: 'items[0].months', says: ['whole number'] },
  { label: 'fixed amount of ten billion', scenario: one(fixed(1e10)), code: 'out_of_range', path: 'items[0].amount', says: ['$1,000,000,000'] },
  { label: 'fixed amount below a micro-dollar', scenario: one(fixed(0.0000001)), code: 'too_precise', path: 'items[0].amount', says: ['at most 6'] },
  { label: 'compute stated both ways', scenario: one({ kind: 'auto-labeling', objects: 100, compute: 5, compute_per_10k: 3 }), code: 'conflicting_fields', path: 'items[0].compute', says: ['not both'] },
  { label: 'auto-labeled batch: workforce without a task', scenario: one({ kind: 'auto-labeling', objects: 100, workforce: 'mturk' }), code: 'missing_field', path: 'items[0].task', says: ['workforce'] },
  { label: 'auto-labeled batch of video on the AWS card', scenario: one({ kind: 'auto-labeling', objects: 100, task: 'video/object-tracking' }, 'aws-documented'), code: 'missing_field', path: 'items[0].workforce', says: ['Video object tracking'] },
  { label: 'rework of 200%', scenario: one({ kind: 'rework', fraction: percent('200%') }), code: 'out_of_range', path: 'items[0].fraction', says: ['200%', '100%'] },
  { label: 'an item too large to price', scenario: one({ ...huge, multiplier: 1000 }), code: 'amount_too_large', path: 'items[0]', says: ['$9.2 trillion'] },
  { label: 'a total too large to price', scenario: { labelcost: 1, items: [...Array(10).fill(fixed(1e9)), ...Array(3).fill({ ...huge, multiplier: 300 })] }, code: 'amount_too_large', path: 'items', says: ['total', '$9.2 trillion'] },
  // Opened from a link, a file or an embed's attribute.
  { label: 'unknown task', scenario: labeling(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ task: 'audio/transcription' }))), code: 'unknown_task', path: 'items[0].task', says: ['task'] },
  { label: 'unknown workforce', scenario: labeling(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ workforce: 'elves' }))), code: 'unknown_workforce', path: 'items[0].workforce', says: ['workforce'] },
  { label: 'unknown kind', scenario: one(/** @type {Item} */ (/** @type {unknown} */ ({ kind: 'magic' }))), code: 'unknown_kind', path: 'items[0].kind', says: ['Labeling', 'Fixed cost'] },
  { label: 'item without a kind', scenario: one(/** @type {Item} */ (/** @type {unknown} */ ({ objects: 5 }))), code: 'missing_field', path: 'items[0].kind', says: ['Required'] },
  { label: 'item that is a number', scenario: one(/** @type {Item} */ (/** @type {unknown} */ (5))), code: 'wrong_type', path: 'items[0]', says: ['cannot be read'] },
  { label: 'misspelled item field', scenario: labeling(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ multipler: 2 }))), code: 'unknown_field', path: 'items[0].multipler', says: ['Item 1', 'setting'] },
  { label: 'misspelled pay field', scenario: privately(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ labor: { hourly: 20, seconds_per_object: 10, secnds: 5 } }))), code: 'unknown_field', path: 'items[0].labor.secnds', says: ['setting'] },
  { label: 'active learning as true', scenario: labeling(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ active_learning: true }))), code: 'wrong_type', path: 'items[0].active_learning', says: ['group of settings'] },
  { label: 'item name too long', scenario: labeling({ name: 'n'.repeat(201) }), code: 'too_long', path: 'items[0].name', says: ['200'] },
  // Refused as a whole.
  { label: 'invalid JSON', scenario: '{"labelcost": 1, "items": [', code: 'invalid_json', path: '', says: ['It is not valid JSON.'] },
  { label: 'not a scenario', scenario: '[]', code: 'wrong_type', path: '', says: ['not a scenario'] },
  { label: 'nested too deep', scenario: `{"labelcost": 1, "items": ${'['.repeat(40)}${']'.repeat(40)}}`, code: 'too_deep', path: '', says: ['32'] },
  { label: 'larger than 1 MiB', scenario: `{"labelcost": 1, "name": "${'a'.repeat(1 << 20)}", "items": []}`, code: 'too_large', path: '', says: ['too large'] },
  { label: 'unknown rate card', scenario: { labelcost: 1, rates: 'acme-2030', items: [] }, code: 'unknown_rates', path: 'rates', says: ['It uses a price list (rate card) this version of labelcost does not have.'] },
  { label: 'future version', scenario: { labelcost: 2, items: [] }, code: 'unsupported_version', path: 'labelcost', says: ['It was written by a newer labelcost.'] },
  { label: 'version as text', scenario: { labelcost: '1', items: [] }, code: 'unsupported_version', path: 'labelcost', says: ['format'] },
  { label: 'no version', scenario: { items: [] }, code: 'missing_field', path: 'labelcost', says: ['format'] },
  { label: 'no items', scenario: { labelcost: 1 }, code: 'missing_field', path: 'items', says: ['items'] },
  { label: 'too many items', scenario: many(201, fixed(1)), code: 'too_many', path: 'items', says: ['It has more than 200 items.'] },
  { label: 'misspelled top-level field', scenario: { labelcost: 1, itmes: [], items: [] }, code: 'unknown_field', path: 'itmes', says: ['It has a setting labelcost does not know.'] },
  { label: 'scenario name too long', scenario: { labelcost: 1, name: 'n'.repeat(201), items: [] }, code: 'too_long', path: 'name', says: ['name is too long', '200'] },
  { label: 'a byte-order mark first', scenario: '\uFEFF{"labelcost": 1, "items": []}', code: 'bom', path: '', says: ['byte-order mark', 'without one'] },
  { label: 'a scenario with 300 settings', scenario: { labelcost: 1, items: [], ...settings(298) }, code: 'too_many_members', path: '', says: ['more than 256 settings'] },
  { label: '300 numbers written out too long', scenario: { labelcost: 1, items: [], x: Array(300).fill(1e300) }, code: 'too_many_long_numbers', path: '', says: ['more than 256 numbers'] },
  { label: 'an item with 300 settings', scenario: one({ kind: 'fixed', amount: 1, ...settings(298) }), code: 'too_many_members', path: 'items[0]', says: ['Item 1', 'more than 256 settings'] },
  { label: 'more problems than are listed', scenario: one({ kind: 'fixed', amount: 1, ...settings(150, 'x') }), code: 'too_many_errors', path: '', says: ['It has 50 more problems besides these.'] },
];

/**
 * The engine's refusal of a scenario.
 * @param {unknown} scenario  often not a scenario at all
 * @returns {Issue[]}
 */
function refusal(scenario) {
  try {
    engine.estimate(/** @type {Scenario} */ (scenario));
  } catch (error) {
    assert.ok(error instanceof LabelcostError, String(error));
    return /** @type {Issue[]} */ (error.errors);
  }
  return assert.fail('the engine priced it');
}

/** @param {unknown} scenario  one of BAD's, its rates an id when given */
function cardOf(scenario) {
  const rates = typeof scenario === 'object' && !Array.isArray(scenario) ? /** @type {{rates?: string}} */ (scenario).rates : undefined;
  return titles[rates ?? 'wring-2026-03'];
}

/**
 * What the page shows at the field an error points to.
 * @param {Issue} issue
 * @param {string} [cardTitle]
 */
function atField(issue, cardTitle) {
  const at = itemPath(issue.path);
  return fieldMessage(issue, { ...(at ? fieldFor(at.key) : null), cardTitle });
}

/**
 * @param {string} text
 * @param {string} context
 */
function assertPlain(text, context) {
  assert.equal(typeof text, 'string', context);
  assert.ok(text.length > 0, `${context}: empty`);
  assert.match(text, /^[A-Z]/, `${context}: ${text}`);
  assert.ok(!hasJargon(text), `${context}: jargon in ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, CARD_ID, `${context}: a rate card id in ${JSON.stringify(text)}`);
}

// --- tests --------------------------------------------------------------------

describe('messages: the bad-input catalogue, through the engine', () => {
  test('the catalogue is large enough', () => {
    assert.ok(BAD.length >= 30);
  });

  for (const bad of BAD) {
    test(bad.label, () => {
      const errors = refusal(bad.scenario);
      assert.ok(errors.some((e) => e.code === bad.code && e.path === bad.path),
        `expected ${bad.code} at "${bad.path}", got ${JSON.stringify(errors)}`);
      const cardTitle = cardOf(bad.scenario);
      const sayings = [];
      for (const issue of errors) {
        // Every raw message that names a field or a path is caught by the check.
        if (/[a-z]_[a-z]|items\[|`/.test(issue.message)) assert.ok(hasJargon(issue.message), issue.message);
        if (itemPath(issue.path)) {
          const shown = atField(issue, cardTitle);
          assertPlain(shown, `${bad.label} at the field`);
          if (issue.code === bad.code && issue.path === bad.path) sayings.push(shown);
        }
      }
      const problems = scenarioProblems(errors, { cardTitle, itemName: () => 'Street scenes' });
      assert.ok(problems.length > 0);
      for (const p of problems) assertPlain(p, `${bad.label} for the scenario`);
      if (itemPath(bad.path)) assert.ok(problems.some((p) => p.startsWith('Item 1')), problems.join(' | '));
      sayings.push(problems.join(' '));
      for (const words of bad.says) {
        assert.ok(sayings.some((s) => s.includes(words)), `"${words}" not in ${JSON.stringify(sayings)}`);
      }
    });
  }
});

describe('messages: at a field', () => {
  const autoFraction = FIELDS['active_learning.auto_fraction'];

  test('a percentage out of range, in percent, with what was typed', () => {
    /** @type {Issue} */
    const issue = { code: 'out_of_range', path: 'items[0].active_learning.auto_fraction', message: 'must be a number from 0 to 1, got 1.5' };
    assert.equal(fieldMessage(issue, autoFraction), 'Must be from 0% to 100%; you typed 150%.');
  });

  test('percentages are shifted as text, never through floating point', () => {
    const say = (/** @type {string} */ got) => fieldMessage({ code: 'out_of_range', path: '', message: `must be a number from 0 to 1, got ${got}` }, FIELDS.duplicates);
    assert.equal(say('1.0000000000000002'), 'Must be from 0% to 100%; you typed 100.00000000000002%.');
    assert.equal(say('1.1'), 'Must be from 0% to 100%; you typed 110%.');
    assert.equal(say('1.234e+2'), 'Must be from 0% to 100%; you typed 12,340%.');
    assert.equal(say('"1.25"'), 'Must be from 0% to 100%; you typed 125%.');
    assert.equal(say('true'), 'Must be from 0% to 100%.');
  });

  test('counts, amounts and plain numbers keep their units', () => {
    const range = (/** @type {string} */ message, /** @type {Field} */ field) => fieldMessage({ code: 'out_of_range', path: '', message }, field);
    assert.equal(range('must be a whole number from 1 to 9, got 10', FIELDS.workers), 'Must be from 1 to 9.');
    assert.equal(range('must be a number from 0 to 10,000, got 20000', FIELDS['labor.hourly']), 'Must be from $0 to $10,000.');
    assert.equal(range('must be a number from 0 to 1,000, got 5000', FIELDS.multiplier), 'Must be from 0 to 1,000.');
  });

  test('decimal places are counted as people type them', () => {
    /** @type {Issue} */
    const issue = { code: 'too_precise', path: '', message: 'takes at most 9 decimal places, got 0.1234567891' };
    assert.equal(fieldMessage(issue, autoFraction), 'Has too many decimal places (at most 7).');
    assert.equal(fieldMessage(issue, FIELDS.gb), 'Has too many decimal places (at most 9).');
  });

  test('the short cases', () => {
    assert.equal(fieldMessage({ code: 'negative', path: '', message: 'must not be negative: a whole number from 0 to 10, got -1' }, FIELDS.objects), 'Cannot be negative.');
    assert.equal(fieldMessage({ code: 'not_whole_number', path: '', message: 'must be a whole number from 1 to 9, got 2.5' }, FIELDS.workers), 'Must be a whole number.');
    assert.equal(fieldMessage({ code: 'missing_field', path: '', message: 'is required' }, FIELDS['labor.hourly']), 'Required.');
    assert.equal(fieldMessage({ code: 'wrong_type', path: '', message: 'must be a number from 0 to 1,000,000,000; "x" is not a number' }, FIELDS.gb), 'Must be a number.');
  });

  test('rate cards are named by their titles, or as "this rate card"', () => {
    const issue = refusal(labeling({ task: 'image/polyline', active_learning: {} }))[0];
    assert.match(fieldMessage(issue, FIELDS.active_learning), /on this rate card\.$/);
    assert.match(fieldMessage(issue, { ...FIELDS.active_learning, cardTitle: 'Wring article rates (March 2026)' }), /on Wring article rates \(March 2026\)\.$/);
  });

  test('a code it does not know gets a plain sentence built from the message', () => {
    const issue = /** @type {Issue} */ (/** @type {unknown} */ ({ code: 'brand_new', path: 'items[0].labor', message: 'give labor.hourly with active_learning.compute_per_10k (see `labelcost rates`)' }));
    const shown = fieldMessage(issue, FIELDS.labor);
    assertPlain(shown, 'unknown code');
    assert.match(shown, /hourly pay/);
    assert.match(fieldMessage(/** @type {Issue} */ (/** @type {unknown} */ ({ code: 'brand_new', path: '', message: 'items[2].workers is wrong on rate card wring-2026-03' }))), /^Item 3 \(workers per object\) is wrong on this rate card\.$/);
    assertPlain(fieldMessage(/** @type {Issue} */ (/** @type {unknown} */ ({ code: 'x', path: '', message: '' }))), 'empty message');
    assertPlain(fieldMessage(/** @type {Issue} */ (/** @type {unknown} */ ({ code: 'x', path: '', message: 'see foo.bar_baz' }))), 'unreadable message');
  });

  test('every field has a label and a known type', () => {
    const types = new Set(['count', 'number', 'money', 'percent', 'choice', 'text']);
    for (const [key, f] of Object.entries(FIELDS)) {
      assert.ok(types.has(f.type), key);
      assertPlain(f.label, key);
    }
    for (const key of ['active_learning.auto_fraction', 'duplicates', 'fraction']) assert.equal(FIELDS[key].type, 'percent', key);
    assert.equal(/** @type {Field} */ (fieldFor('labor.hourly')).label, 'Hourly pay');
    assert.equal(/** @type {Field} */ (fieldFor('labor.secnds')).label, FIELDS.labor.label);
    assert.equal(fieldFor('toString'), null);
    assert.deepEqual(itemPath('items[12].active_learning.auto_fraction'), { index: 12, key: 'active_learning.auto_fraction' });
    assert.equal(itemPath('rates'), null);
  });
});

describe('messages: the price tables (your own card), through the engine', () => {
  const bundled = /** @type {Card} */ (engine.rates().cards.find((c) => c.id === 'aws-documented-2026-12'));
  /**
   * The first error for a copy of the AWS card changed by `change`.
   * @param {(card: Card) => void} change
   */
  function cardError(change) {
    const card = structuredClone(bundled);
    card.id = 'aws-own';
    delete card.aliases;
    change(card);
    return refusal({ labelcost: 1, rates: card, items: [] })[0];
  }

  test('values out of order, tiers that do not increase, a card with no storage tier', () => {
    const order = cardError((c) => { c.workforces.vendor.multiplier.min = 9; });
    assert.equal(cardFieldMessage(order, { type: 'number' }), 'Low, typical and high must be in that order: low at most typical, typical at most high.');
    const tiers = cardError((c) => { c.fee[1].up_to = 40000; });
    assert.equal(cardFieldMessage(tiers, { type: 'count' }), 'Each tier must end above the one before it.');
    const none = cardError((c) => { c.storage = []; });
    assert.equal(cardFieldMessage(none, {}), 'Keep at least one tier.');
  });

  test('every value the tables edit, set out of range, is said in plain words', () => {
    const paths = [['tasks', 'image/bounding-box', 'price'], ['workforces', 'vendor', 'multiplier', 'typical'],
      ['fee', 0, 'price'], ['fee', 0, 'up_to'], ['storage', 1, 'price'], ['active_learning', 'auto_fraction', 'max'],
      ['active_learning', 'compute_per_10k', 'min'], ['active_learning', 'compute_minimum_per_job']];
    for (const keys of paths) {
      for (const bad of [-1, 1e15, 0.1234567891234, 'x']) {
        const issue = cardError((c) => {
          const last = keys[keys.length - 1];
          keys.slice(0, -1).reduce((o, k) => /** @type {Record<string, unknown>} */ (o[k]), /** @type {Record<string, unknown>} */ (c))[last] = bad;
          if (keys[0] === 'tasks') delete c.tasks['image/bounding-box'].mturk_prices;
        });
        assertPlain(cardFieldMessage(issue, { type: 'money' }), `${keys.join('.')} = ${bad}`);
      }
    }
  });
});

describe('messages: a whole scenario', () => {
  test('item problems name the item by number and name, and the field by its label', () => {
    const scenario = { labelcost: 1, items: [fixed(1), { kind: 'labeling', name: 'Quality review', task: 'image/bounding-box', objects: 10, workforce: 'mturk', workers: 10 }] };
    const names = ['', 'Quality review'];
    assert.deepEqual(scenarioProblems(refusal(scenario), { itemName: (i) => names[i] }),
      ['Item 2 (Quality review), Workers per object: must be from 1 to 9.']);
    assert.deepEqual(scenarioProblems(refusal({ labelcost: 1, items: [{ kind: 'fixed', amount: -1 }] })),
      ['Item 1, Amount: cannot be negative.']);
    assert.deepEqual(scenarioProblems(refusal(privately(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ labor: { seconds_per_object: 10 } }))))),
      ['Item 1, Hourly pay: required.']);
  });

  test('a name stays capitalized after the colon', () => {
    const [p] = scenarioProblems(refusal(labeling({ task: 'video/object-tracking' }, 'aws-documented')), { cardTitle: titles.aws });
    assert.match(p, /^Item 1, Workforce: Amazon Mechanical Turk is not available for Video object tracking on AWS documented/);
  });

  test('the same sentence is said once', () => {
    const errors = refusal(labeling(/** @type {Partial<LabelingItem>} */ (/** @type {unknown} */ ({ multipler: 2, wokers: 3 }))));
    assert.equal(errors.length, 2);
    assert.deepEqual(scenarioProblems(errors), ['Item 1 has a setting labelcost does not know.']);
  });

  test('sentences for a refused scenario do not print the unknown key', () => {
    for (const p of scenarioProblems(refusal({ labelcost: 1, mystery_key: 1, items: [] }))) assert.doesNotMatch(p, /mystery/);
  });

  test('without errors, nothing to say', () => {
    assert.deepEqual(scenarioProblems([]), []);
  });
});

describe('messages: warnings, through the engine', () => {
  /** @type {{label: string, scenario: Scenario, code: Code, says: string | string[]}[]} */
  const WARNED = [
    { label: 'private workforce without its pay', scenario: privately({}), code: 'labor_excluded',
      says: 'Private workforce pay is not counted: add the hourly pay and the seconds per object to count it.' },
    { label: 'a vendor multiplier of 7', scenario: labeling({ workforce: 'vendor', multiplier: 7 }), code: 'multiplier_outside_range', says: ['×7', '×2 to ×5', 'Vendor (AWS Marketplace)'] },
    { label: 'a small job on the article card', scenario: labeling({ objects: 500, active_learning: {} }), code: 'active_learning_below_minimum', says: ['Every job', '1,000 objects'] },
    { label: 'a small job on the AWS card', scenario: labeling({ active_learning: {} }, 'aws-documented'), code: 'active_learning_below_minimum', says: ['Every job', '1,250 objects'] },
    { label: 'one small job of two', scenario: labeling({ objects: 2001, jobs: 2, active_learning: {} }), code: 'active_learning_below_minimum', says: ['Some jobs', 'those jobs'] },
    { label: 'active learning with no pay to save', scenario: labeling({ task: 'image/classification', objects: 10000, workforce: 'private', active_learning: {} }), code: 'active_learning_no_savings', says: ['$4.00 more', 'not counted'] },
    { label: 'active learning where pay is free', scenario: labeling({ task: 'image/classification', objects: 10000, workforce: 'private', labor: { hourly: 0, seconds_per_object: 0 }, active_learning: {} }), code: 'active_learning_no_savings', says: ['Active learning costs $4.00 more here than having people label everything.'] },
    { label: 'a credit larger than the total', scenario: { labelcost: 1, items: [{ kind: 'fixed', amount: 100 }, { kind: 'credit', amount: 500 }] }, code: 'credit_unused',
      says: ['This credit is $500.00; $400.00 of it is not used', 'does not go below $0.00'] },
    { label: 'two whole discounts', scenario: { labelcost: 1, items: [{ kind: 'fixed', amount: 200 }, { kind: 'discount', fraction: 1 }, { kind: 'discount', fraction: 1 }] }, code: 'discount_limited',
      says: ['below $0.00', '$200.00 of this one'] },
  ];
  // Messages the engine already writes in plain words.
  const PLAIN = new Set(['active_learning_no_savings', 'credit_unused', 'discount_limited']);

  for (const w of WARNED) {
    test(w.label, () => {
      const result = engine.estimate(w.scenario);
      const warning = result.warnings.find((x) => x.code === w.code);
      assert.ok(warning, JSON.stringify(result.warnings));
      assert.ok(hasJargon(warning.message) || CARD_ID.test(warning.message) || PLAIN.has(w.code), warning.message);
      for (const context of [{ cardTitle: result.rates.title }, {}]) {
        for (const x of result.warnings) assertPlain(warningMessage(x, context), `${w.label}: ${x.code}`);
        const shown = warningMessage(warning, context);
        for (const words of [w.says].flat()) assert.ok(shown.includes(words), `"${words}" not in ${JSON.stringify(shown)}`);
      }
      if (/rate card/.test(warning.message)) assert.ok(warningMessage(warning, { cardTitle: result.rates.title }).includes(result.rates.title));
    });
  }

  test("a budget's warnings, in words and amounts to the cent", () => {
    /** @type {Scenario} */
    const photos = { labelcost: 1, rates: 'aws-documented-2026-12', items: [
      { kind: 'labeling', task: 'image/classification', objects: 1000, workforce: 'mturk', workers: 3, active_learning: {} }] };
    const said = (/** @type {BudgetRequest} */ request) => engine.budget(request).warnings.map((w) => warningMessage(w));
    // 1,250 objects cost $117.50, 1,249 cost $144.884 (see BudgetTest.cpp).
    assert.deepEqual(said({ budget: 130, scenario: photos }), ["Labeling more can cost less here: 1,250 objects cost $117.50, less than 1,249 ($144.88), because active learning's rules change at that size."]);
    /** @type {Scenario} */
    const other = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/classification', objects: 10, workforce: 'mturk' }, { kind: 'fixed', amount: 100 }] };
    assert.deepEqual(said({ budget: 50, scenario: other }), ['The other items already cost $100.00, more than $50.00: nothing more can be labeled within it.']);
    const big = said({ budget: 1e9, scenario: other })[0];
    assertPlain(big, 'at the limit');
    assert.match(big, /more than 10,000,000,000 objects, the most one item may have/);
  });

  test('a warning it does not know is still plain', () => {
    assertPlain(warningMessage(/** @type {Issue} */ (/** @type {unknown} */ ({ code: 'brand_new', path: 'items[0]', message: 'set labor.hourly for rate card wring-2026-03' }))), 'unknown warning');
    assertPlain(warningMessage(/** @type {Issue} */ (/** @type {unknown} */ ({ code: 'brand_new', path: 'items[0]', message: '`x`' }))), 'unreadable warning');
  });
});

describe('messages: hasJargon', () => {
  test('finds paths, field names, backticks and command-line hints', () => {
    for (const text of ['items[0].objects: must…', 'add labor.hourly', '`labelcost rates`', 'auto_fraction', 'see labelcost rates',
      'compute_per_10k', 'set worker_price', 'a seconds_per_object value', 'the kind_of thing', 'set active_learning.auto_fraction', 'check multiplier.max']) {
      assert.equal(hasJargon(text), true, text);
    }
  });

  test('leaves plain sentences, amounts, decimals and abbreviations alone', () => {
    for (const text of ['Must be from 0% to 100%; you typed 150%.', '$1,021.15', 'e.g. 20k', '0.036', 'i.e. the job', 'Auto-labeled batch',
      'Private workforce pay is not counted: add the hourly pay and the seconds per object to count it.', 'It is not valid JSON.',
      'The estimate leaves out private labor.']) {
      assert.equal(hasJargon(text), false, text);
    }
  });
});
