// The JSON schemas in rates/schema/ hold: every bundled card and preset
// validates, and the schemas agree with the engine, which is the
// authoritative validator (editors show the schema's verdict):
//   - what the engine accepts, the schema accepts (presets, and presets
//     rewritten the ways the format allows: numbers as decimal strings,
//     optional fields left out, the card inlined);
//   - what the engine refuses in the bad-input catalogue, the schema refuses,
//     except the rules a schema cannot state (listed below, with why).
//
// Needs build/site (the module) and build/native (the catalogue dump).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

/** @typedef {import('../../web/types.js').Scenario} Scenario */
/** @typedef {import('../../web/types.js').RateCard} RateCard */
/** @typedef {Scenario & {rates: string}} Preset  a preset: its card named by id */
/** @typedef {import('ajv/dist/2020.js').ValidateFunction} ValidateFunction */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = process.env.LABELCOST_SITE ?? path.join(root, 'build/site');
const native = process.env.LABELCOST_NATIVE ?? path.join(root, 'build/native');
const read = (/** @type {string} */ file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

// (The module's exports are the class itself; its types say a namespace.)
const ajv = new /** @type {typeof import('ajv/dist/2020.js').Ajv2020} */ (/** @type {unknown} */ (Ajv2020))({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
ajv.addSchema(read('rates/schema/rate-card.schema.json'), 'rate-card.schema.json');
const validCard = /** @type {ValidateFunction} */ (ajv.getSchema('rate-card.schema.json'));
const validScenario = ajv.compile(read('rates/schema/scenario.schema.json'));
const why = (/** @type {ValidateFunction} */ validate) => JSON.stringify(validate.errors?.slice(0, 3));

const { loadEngine, LabelcostError } = /** @type {typeof import('../../web/engine.js')} */ (await import(pathToFileURL(path.join(site, 'engine.js')).href));
const engine = await loadEngine();
const accepts = (/** @type {unknown} */ scenario) => {
  try {
    engine.estimate(/** @type {Scenario} */ (scenario));
    return true;
  } catch (error) {
    if (error instanceof LabelcostError) return false;
    throw error;
  }
};

const cardFiles = readdirSync(path.join(root, 'rates')).filter((f) => f.endsWith('.json'));
const presetFiles = readdirSync(path.join(root, 'rates/presets')).filter((f) => f.endsWith('.json') && f !== 'index.json');
/** @type {[string, Preset][]} */
const presets = presetFiles.map((f) => [f, read(`rates/presets/${f}`)]);

// Catalogue cases whose rule depends on the rate card or on several fields
// at once in ways the schema does not state, or on exactness (decimal places,
// totals): the engine refuses them, the schema lets them through.
const ENGINE_ONLY = new Map([
  ['invalid UTF-8 in a name', 'JSON.parse replaces the bytes before a schema sees them'],
  ['unknown rate card', 'card ids are the bundled cards of each build'],
  ['unknown task', 'the card\'s tasks: your own card may name any'],
  ['unknown workforce', 'the card\'s workforces: your own card may name any'],
  ['multiplier for a private workforce', 'depends on the card: a private workforce pays labor'],
  ['labor for Mechanical Turk', 'depends on the card'],
  ['worker price on a per-object card', 'depends on the card\'s price basis'],
  ['worker price Mechanical Turk does not allow', 'the card\'s price lists'],
  ['Mechanical Turk for video on the AWS card', 'the card\'s availability'],
  ['active learning for polylines', 'the card\'s tasks with active learning'],
  ['auto fraction too precise', 'decimal places: JSON Schema has no exact decimals'],
  ['more jobs than objects', 'compares two fields\' values'],
  ['unit price for a private workforce', 'depends on the card: a private workforce pays labor'],
  ['free tier on a card without one', 'depends on the card'],
  ['fixed amount below a micro-dollar', 'decimal places'],
  ['one item too large to state', 'a total, computed'],
  ['a sum too large to state', 'a total, computed'],
  ["seconds that disagree with the labor's", 'two fields compared'],
]);

/**
 * The scenario with every number written as a decimal string, as the format allows.
 * @param {unknown} value
 * @returns {unknown}
 */
function numbersAsText(value) {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(numbersAsText);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'labelcost' ? v : numbersAsText(v)]));
  }
  return value;
}

/**
 * Ways of writing a preset that the format allows.
 * @param {Preset} scenario
 * @returns {[string, unknown][]}
 */
function rewritten(scenario) {
  const card = /** @type {RateCard} */ (engine.rates().cards.find((c) => c.id === scenario.rates || (c.aliases ?? []).includes(scenario.rates)));
  /** @type {RateCard} */
  const own = { ...structuredClone(card), id: `${card.id}-own` };
  delete own.aliases;
  delete own.default;
  const bare = structuredClone(scenario);
  for (const key of /** @type {const} */ (['name', 'description', 'source', 'rates'])) delete bare[key];
  for (const item of bare.items) delete item.name;
  return [['numbers as text', numbersAsText(scenario)], ['optional fields left out', bare], ['its card inlined', { ...scenario, rates: own }],
    ['its card inlined, with tasks and workforces of its own', ownIds({ ...scenario, rates: own }, own)]];
}

/**
 * The scenario with each of its card's task and workforce ids renamed (an own
 * card's ids need not be a bundled card's), wherever the text names them.
 * @param {object} scenario
 * @param {RateCard} card
 * @returns {unknown}
 */
function ownIds(scenario, card) {
  const ids = [.../** @type {string[]} */ (Object.keys(/** @type {object} */ (card.tasks))),
    .../** @type {string[]} */ (Object.keys(/** @type {object} */ (card.workforces)))];
  let text = JSON.stringify(scenario);
  for (const id of ids) text = text.replaceAll(JSON.stringify(id), JSON.stringify(`${id}-own`));
  return JSON.parse(text);
}

describe('schemas', () => {
  test('every bundled card validates against rate-card.schema.json', () => {
    assert.ok(cardFiles.length >= 3);
    for (const f of cardFiles) assert.ok(validCard(read(`rates/${f}`)), `${f}: ${why(validCard)}`);
  });

  test('every preset validates against scenario.schema.json, and the engine prices it', () => {
    assert.ok(presets.length >= 7);
    for (const [f, scenario] of presets) {
      assert.ok(validScenario(scenario), `${f}: ${why(validScenario)}`);
      assert.ok(accepts(scenario), f);
    }
  });

  test('what the engine accepts, the schema accepts: presets rewritten the ways the format allows', () => {
    let checked = 0;
    for (const [f, scenario] of presets) {
      for (const [how, s] of rewritten(scenario)) {
        if (!accepts(s)) continue;
        checked += 1;
        assert.ok(validScenario(s), `${f}, ${how}: ${why(validScenario)}`);
      }
    }
    assert.ok(checked >= presets.length * 4 - 2, `${checked} rewritten presets the engine accepts`);
  });

  test('what the engine refuses in the bad-input catalogue, the schema refuses, but for the rules it cannot state', () => {
    /** @type {{label: string, scenario_base64: string}[]} */
    const catalogue = JSON.parse(execFileSync(path.join(native, 'tests/labelcost_bad_inputs'), { encoding: 'utf8', maxBuffer: 1 << 26 }));
    /** @type {string[]} */
    const let_through = [];
    for (const bad of catalogue) {
      let scenario;
      try {
        scenario = JSON.parse(Buffer.from(bad.scenario_base64, 'base64').toString('utf8'));
      } catch {
        continue; // not JSON: nothing for a schema to judge
      }
      if (validScenario(scenario)) let_through.push(bad.label);
      else assert.ok(!ENGINE_ONLY.has(bad.label), `the schema now refuses "${bad.label}": take it off ENGINE_ONLY`);
    }
    assert.deepEqual(let_through.filter((label) => !ENGINE_ONLY.has(label)), []);
    assert.deepEqual([...ENGINE_ONLY.keys()].filter((label) => !let_through.includes(label)), []);
  });
});
