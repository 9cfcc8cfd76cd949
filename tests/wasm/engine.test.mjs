// The engine through WebAssembly and web/engine.js, checked against the
// native CLI built from the same sources (node --test tests/wasm/).
//
// Needs build/site and build/site-test (cmake --build --preset wasm) and
// build/native (cmake --build --preset native); LABELCOST_SITE,
// LABELCOST_TEST_SITE and LABELCOST_NATIVE point elsewhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

/** @typedef {import('../../web/types.js').Scenario} Scenario */
/** @typedef {import('../../web/types.js').RateCard} RateCard */
/** @typedef {import('../../web/types.js').Task} Task */
/** @typedef {import('../../web/types.js').LabelingItem} LabelingItem */
/** @typedef {import('../../web/types.js').Preset} Preset */
/** @typedef {import('../../web/types.js').Plan} Plan */
/** @typedef {import('../../web/types.js').Sweep} Sweep */
/** @typedef {import('../../web/types.js').ScheduleAnswer} ScheduleAnswer */
/** @typedef {import('../../web/types.js').SweepRequest} SweepRequest */
/** @typedef {import('../../web/engine.js').EngineIssue} EngineIssue */
/** @typedef {typeof import('../../web/engine.js')} EngineModule  engine.js as the site ships it */
/** @typedef {{label: string, scenario_base64: string, utf8: boolean, code: string, path: string}} BadInput  one of the catalogue's */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = process.env.LABELCOST_SITE ?? path.join(root, 'build/site');
const native = process.env.LABELCOST_NATIVE ?? path.join(root, 'build/native');
const cli = path.join(native, 'labelcost');

for (const needed of [path.join(site, 'engine.js'), cli]) {
  if (!existsSync(needed)) throw new Error(`missing ${needed}: build the wasm and native presets first`);
}

const { loadEngine, Engine, LabelcostError, MAX_INPUT_BYTES } = /** @type {EngineModule} */ (await import(pathToFileURL(path.join(site, 'engine.js')).href));
const engine = await loadEngine();
// The test build of the module, with its test hooks, beside the site.
const testSite = process.env.LABELCOST_TEST_SITE ?? `${site}-test`;
const testing = /** @type {EngineModule} */ (await import(pathToFileURL(path.join(testSite, 'engine.js')).href));
const hooked = await testing.loadEngine();

/**
 * @param {string[]} args
 * @param {string} [input]
 * @returns {unknown}
 */
function runCli(args, input) {
  return JSON.parse(execFileSync(cli, [...args, '--format', 'json'].filter(Boolean), { input, encoding: 'utf8', maxBuffer: 1 << 26 }));
}

/**
 * @param {string[]} args
 * @param {string} [input]
 * @returns {unknown}
 */
function cliJson(args, input) {
  return JSON.parse(execFileSync(cli, args, { input, encoding: 'utf8', maxBuffer: 1 << 26 }));
}

const presets = engine.presets().presets;

describe('wasm', () => {
  test('the engine loads once and reports its versions', async () => {
    assert.equal(await loadEngine(), engine);
    const v = engine.version();
    assert.equal(v.scenario_format, 1);
    assert.equal(v.result_format, 1);
    assert.deepEqual(v, cliJson(['version']));
  });

  test('every preset estimates exactly as the native CLI does', () => {
    assert.ok(presets.length >= 7);
    for (const p of presets) {
      const fromWasm = engine.estimate(p.scenario);
      const fromCli = runCli(['estimate', '--preset', p.name]);
      assert.deepEqual(fromWasm, fromCli, p.name);
    }
  });

  test("the page's CSV export is byte for byte the CLI's, inputs, date and hostile names included", async () => {
    const { estimateCsv, localDate } = /** @type {typeof import('../../web/exporting.js')} */ (await import(pathToFileURL(path.join(root, 'web/exporting.js')).href));
    /** @type {Scenario} */
    const hostile = {
      labelcost: 1, name: '=HYPERLINK("x")',
      items: [
        { kind: 'fixed', name: '=1+1', amount: 5 },
        { kind: 'fixed', name: 'a, "quoted"\nline', amount: 1 },
        { kind: 'fixed', name: '-2', amount: 0.5 },
      ],
    };
    // Every kind of input column: stated and card-typical active learning,
    // stated workers, batches with and without a stated compute, another card.
    /** @type {(rates: string) => Scenario} */
    const inputs = (rates) => ({
      labelcost: 1, name: 'Inputs', rates,
      items: [
        { kind: 'labeling', task: 'image/classification', objects: 100000, workforce: 'mturk', active_learning: {} },
        { kind: 'labeling', task: 'image/bounding-box', objects: 20000, workforce: 'vendor', workers: 5, active_learning: { auto_fraction: 0.55, compute_per_10k: 2.5 } },
        { kind: 'labeling', task: 'text/named-entity-recognition', objects: 3000, workforce: 'private' },
        { kind: 'auto-labeling', objects: 80000, compute_per_10k: 15, task: 'image/bounding-box', workforce: 'mturk' },
        { kind: 'auto-labeling', objects: 5000, compute: 50 },
        { kind: 'rework', fraction: 0.1 },
        { kind: 'storage', gb: 50, months: 2 },
      ],
    });
    const date = '2025-06-30';
    for (const scenario of [...presets.map((p) => p.scenario), hostile, inputs('wring-2026-03'), inputs('aws-documented-2026-11'), inputs('aws-documented-2026-12')]) {
      const text = JSON.stringify(scenario);
      const fromCli = execFileSync(cli, ['estimate', '-', '--format', 'csv', '--date', date], { input: text, encoding: 'utf8' });
      const fromPage = estimateCsv(engine.estimate(scenario), date);
      assert.equal(fromPage, fromCli, scenario.name);
      const [header, ...rows] = fromPage.trimEnd().split('\r\n');
      assert.ok(header.endsWith(',task,workforce,objects,workers,active_learning,auto_fraction,compute_per_10k,rate_card,card_effective,currency,estimate_date,worker_hours,worker_hours_low,worker_hours_high'), scenario.name);
      assert.ok(rows.every((r) => /,USD,\d{4}-\d\d-\d\d,([\d.]+,[\d.]+,[\d.]+|,,)$/.test(r) && r.includes(`,USD,${date},`)), scenario.name);
    }
    // The card-typical settings of the first item, as the engine used them
    // (the card's 3 workers, 70% auto-labeled, $3 per 10,000 objects), and the
    // stated ones of the second.
    const csv = estimateCsv(engine.estimate(inputs('wring-2026-03')), date);
    assert.match(csv, /\r\n1,Image classification,labeling,,,,,390\.00,380\.00,770\.00,image\/classification,mturk,100000,3,on,0\.7,3\.00,wring-2026-03,2026-03-15,USD,2025-06-30,75\.00,25\.00,500\.00\r\n/);
    // Bounding boxes: 9,000 of 20,000 left to people (55% auto-labeled) x 5 workers x 105 s = 1,312.50 h (16 s: 200, 323 s: 4,037.50).
    assert.match(csv, /\r\n2,Bounding box,labeling,[^\r]*,USD,2025-06-30,1312\.50,200\.00,4037\.50\r\n/);
    assert.match(csv, /\r\n2,Bounding box,labeling(,[^,]*){7},image\/bounding-box,vendor,20000,5,on,0\.55,2\.50,/);
    assert.match(csv, /\r\n3,Named entity recognition,labeling(,[^,]*){7},text\/named-entity-recognition,private,3000,3,off,,,/);
    assert.match(csv, /\r\n4,Auto-labeled batch,auto-labeling(,[^,]*){7},image\/bounding-box,mturk,80000,,,,15\.00,/);
    // Without a date, the page's own day where the reader is.
    assert.equal(localDate(new Date(2024, 1, 9, 23, 59)), '2024-02-09');
    const before = localDate();
    const undated = estimateCsv(engine.estimate(hostile));
    assert.ok([before, localDate()].some((d) => undated.endsWith(`,USD,${d},0.00,0.00,0.00\r\n`)), undated);
    assert.match(csv, /\r\n5,Auto-labeled batch,auto-labeling(,[^,]*){7},,,5000,,,,,/);
  });

  test('the article totals come through', () => {
    const totals = Object.fromEntries(presets.map((p) => [p.name, engine.estimate(p.scenario).total]));
    assert.equal(totals['computer-vision-startup'], '1021.15');
    assert.equal(totals['nlp-team'], '650.00');
    assert.equal(totals['autonomous-driving'], '17820.00');
  });

  test('savings tables, comparisons and listings match the CLI', () => {
    for (const task of /** @type {Task[]} */ (['image/classification', 'image/bounding-box', 'text/classification'])) {
      assert.deepEqual(engine.savingsTable({ task }), runCli(['table', task]), task);
    }
    assert.deepEqual(
      engine.savingsTable({ task: 'image/bounding-box', rates: 'aws-documented', sizes: [1000, 5000, 250000] }),
      runCli(['table', 'image/bounding-box', '--rates', 'aws-documented', '--sizes', '1000,5000,250000']),
    );
    for (const p of presets) {
      assert.deepEqual(engine.compareWorkforces({ scenario: p.scenario }), runCli(['compare', '--preset', p.name]), p.name);
      assert.deepEqual(engine.compareCards({ scenario: p.scenario }), runCli(['compare', '--preset', p.name, '--by', 'rates']), p.name);
    }
    assert.deepEqual(engine.rates(), runCli(['rates']));
    assert.deepEqual(engine.presets(), runCli(['presets']));
  });

  test('effort and schedule match the CLI and a hand calculation', () => {
    // 1,000 images x 1 worker x 36 s = 10 h, then 2,000 boxes x 90 s = 50 h,
    // by 2 annotators at 10 h a week: weeks 0.0-0.5 and 0.5-3.0.
    /** @type {Scenario} */
    const scenario = {
      labelcost: 1, rates: 'aws-documented-2026-12', schedule: { annotators: 2, hours_per_week: 10 },
      items: [
        { kind: 'labeling', task: 'image/classification', objects: 1000, workforce: 'private', workers: 1, seconds_per_object: 36 },
        { kind: 'labeling', task: 'image/bounding-box', objects: 2000, workforce: 'private', workers: 1, seconds_per_object: 90 },
      ],
    };
    const r = engine.estimate(scenario);
    assert.deepEqual(r, runCli(['estimate', '-'], JSON.stringify(scenario)));
    assert.equal(r.effort.worker_hours, '60.00');
    assert.deepEqual(/** @type {ScheduleAnswer} */ (r.schedule).items.map((i) => [i.start_week, i.end_week]), [['0.0', '0.5'], ['0.5', '3.0']]);
    const needed = engine.estimate({ ...scenario, schedule: { weeks: 2, hours_per_week: 10 } });
    assert.equal(/** @type {ScheduleAnswer} */ (needed.schedule).annotators, 3);
    assert.throws(() => engine.estimate(/** @type {Scenario} */ (/** @type {unknown} */ ({ ...scenario, schedule: { annotators: 2, weeks: 2 } }))),
      (e) => e instanceof LabelcostError && e.errors[0].code === 'conflicting_fields' && e.errors[0].path === 'schedule.weeks');
  });

  test('plans side by side match the CLI and a hand calculation', async () => {
    // The startup, then with a vendor's boxes: 3 x $720 = $2,160, $1,440 more.
    const first = /** @type {Preset} */ (presets.find((p) => p.name === 'computer-vision-startup')).scenario;
    const vendor = structuredClone(first);
    /** @type {LabelingItem} */ (vendor.items[0]).workforce = 'vendor';
    const r = engine.compareScenarios({ scenarios: [first, vendor] });
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-plans-'));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(first));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(vendor));
    assert.deepEqual(r, runCli(['compare', path.join(dir, 'a.json'), path.join(dir, 'b.json')]));
    assert.equal(/** @type {NonNullable<Plan['delta']>} */ (r.plans[1].delta).total, '1440.00');
    assert.equal(r.plans[0].delta, null);
    // The page's CSV of the comparison is the CLI's, byte for byte.
    const { plansCsv } = /** @type {typeof import('../../web/exporting.js')} */ (await import(pathToFileURL(path.join(root, 'web/exporting.js')).href));
    const csv = execFileSync(cli, ['compare', path.join(dir, 'a.json'), path.join(dir, 'b.json'), '--format', 'csv'], { encoding: 'utf8' });
    assert.equal(plansCsv(r), csv);
    assert.match(csv, /\r\nComputer vision startup \(object detection\) \(wring-2026-03\),2461\.15,1741\.15,3901\.15,2760\.00,2187\.50,1440\.00,0\.00\r\n$/);
    assert.throws(() => engine.compareScenarios({ scenarios: [first] }),
      (e) => e instanceof LabelcostError && e.errors[0].code === 'out_of_range' && e.errors[0].path === 'scenarios');
    assert.throws(() => engine.compareScenarios({ scenarios: [first, first, first, first, first] }),
      (e) => e instanceof LabelcostError && e.errors[0].code === 'too_many');
  });

  test('a budget matches the CLI and a hand calculation', () => {
    // $5,000 for the startup's boxes at $0.036 once its other items ($301.15)
    // are paid: 130,523 boxes, $4,999.978 in all.
    const scenario = /** @type {Preset} */ (presets.find((p) => p.name === 'computer-vision-startup')).scenario;
    const r = engine.budget({ budget: 5000, scenario });
    assert.deepEqual(r, cliJson(['budget', '-', '--budget', '5000', '--format', 'json'], JSON.stringify(scenario)));
    assert.equal(r.objects, 130523);
    assert.equal(r.total, '4999.978');
    assert.throws(() => engine.budget({ budget: 5000, scenario, item: 3 }), (e) => e instanceof LabelcostError && e.errors[0].path === 'item');
  });

  test('a sweep matches the CLI and the article', () => {
    const scenario = /** @type {Preset} */ (presets.find((p) => p.name === 'faq-100k')).scenario;
    /** @type {SweepRequest} */
    const request = {
      scenario,
      item: 0,
      x: { field: 'auto_fraction', from: 0, to: 0.9, steps: 100 },
      y: { field: 'objects', from: 1000, to: 100000, steps: 100 },
      without: true,
    };
    const r = engine.sweep(request);
    assert.deepEqual(r, cliJson(['sweep', '-'], JSON.stringify(request)));
    assert.equal(r.totals.length, 100);
    assert.equal(r.totals[0].length, 100);
    // 100,000 images at 70% auto-labeled: $390 for the classification item
    // plus the FAQ's other two items at their own 70% ($1,110 + $2,130).
    const x = r.x.values.indexOf('0.7');
    const y = /** @type {NonNullable<Sweep['y']>} */ (r.y).values.indexOf('100000');
    assert.equal(r.totals[y][x], '3630.00');
  });
});

/** @type {BadInput[]} */
const badInputs = JSON.parse(execFileSync(path.join(native, 'tests/labelcost_bad_inputs'), { encoding: 'utf8', maxBuffer: 1 << 26 }));

describe('wasm', () => {
  test('every bad input gives the same code and path as natively', () => {
    assert.ok(badInputs.length >= 30);
    let checked = 0;
    for (const c of badInputs) {
      // A JavaScript string cannot hold bytes that are not UTF-8; that case is
      // the next test's.
      if (!c.utf8) continue;
      const text = Buffer.from(c.scenario_base64, 'base64').toString('utf8');
      if (text.length > MAX_INPUT_BYTES) {
        assert.throws(() => engine.estimate(text), (e) => e instanceof LabelcostError && e.code === 'too_large', c.label);
        checked++;
        continue;
      }
      assert.throws(
        () => engine.estimate(text),
        (e) => e instanceof LabelcostError && e.errors.some((x) => x.code === c.code && x.path === c.path),
        c.label,
      );
      checked++;
    }
    assert.equal(checked, badInputs.filter((c) => c.utf8).length);
  });

  test('at most 100 errors come back, then how many more there are', () => {
    // 20,000 unknown fields across 100 items, each item within the member limit.
    const extra = Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`u${k}`, 0]));
    const text = JSON.stringify({ labelcost: 1, items: Array.from({ length: 100 }, () => ({ kind: 'fixed', amount: 1, ...extra })) });
    /** @type {EngineIssue[] | undefined} */
    let errors;
    assert.throws(() => engine.estimate(text), (e) => {
      errors = /** @type {InstanceType<typeof LabelcostError>} */ (e).errors;
      return e instanceof LabelcostError;
    });
    // (Set by assert.throws, which calls the check.)
    assert.equal(/** @type {EngineIssue[]} */ (errors).length, 101);
    assert.deepEqual(/** @type {EngineIssue[]} */ (errors)[0], { code: 'unknown_field', path: 'items[0].u0', message: 'is not a field here; check its spelling' });
    assert.deepEqual(/** @type {EngineIssue[]} */ (errors)[100], { code: 'too_many_errors', path: '', message: '19,900 more errors are not listed' });
    assert.ok(JSON.stringify(errors).length < 20000);
  });

  test('a wide object is refused where the parser meets it, at once', () => {
    const keys = Array.from({ length: 60000 }, (_, k) => `,"k${k}":0`).join('');
    const text = `{"labelcost":1,"items":[{"kind":"fixed","amount":1}]${keys}}`;
    const started = performance.now();
    assert.throws(() => engine.estimate(text),
      (e) => e instanceof LabelcostError && e.code === 'too_many_members' && e.errors.length === 1 && e.errors[0].path === '');
    // Seconds before objects were built without a lookup per key.
    assert.ok(performance.now() - started < 500, `${performance.now() - started} ms`);
  });

  test("the rate-card listing holds each bundled card's values", () => {
    const files = ['wring-2026-03', 'aws-documented-2026-11', 'aws-documented-2026-12'];
    const listed = engine.rates().cards;
    for (const id of files) {
      const file = JSON.parse(readFileSync(path.join(root, 'rates', `${id}.json`), 'utf8'));
      assert.deepEqual(listed.find((c) => c.id === id), file, id);
    }
  });

  test('text that is not valid Unicode is refused, not crashed on', () => {
    const scenario = `{"labelcost": 1, "name": "\uD800", "items": []}`;
    assert.throws(() => engine.estimate(scenario), (e) => e instanceof LabelcostError && e.code === 'invalid_json');
    assert.equal(engine.estimate({ labelcost: 1, name: 'ok', items: [] }).total, '0.00');
  });

  test('nothing crosses as a bare number', () => {
    /** @type {unknown[]} */
    const hostile = [
      undefined, null, 0, 42, -1, NaN, true, 'x', '', '{', '[]', '"s"', [], {}, { labelcost: 1 },
      { labelcost: 1, items: [null] }, { labelcost: 1, items: 'no' }, Symbol('s'), () => 1, 10n,
      { toJSON() { throw new Error('boom'); } }, 'a'.repeat(MAX_INPUT_BYTES + 1),
    ];
    /** @type {Record<string, unknown>} */
    const cyclic = { labelcost: 1, items: [] };
    cyclic.self = cyclic;
    hostile.push(cyclic);
    /** @type {('estimate' | 'savingsTable' | 'compareWorkforces' | 'compareCards' | 'sweep' | 'budget')[]} */
    const exports = ['estimate', 'savingsTable', 'compareWorkforces', 'compareCards', 'sweep', 'budget'];
    for (const name of exports) {
      for (const input of hostile) {
        try {
          /** @type {(input: unknown) => unknown} */ (engine[name])(input);
          assert.fail(`${name} accepted ${String(input)}`);
        } catch (e) {
          assert.ok(e instanceof LabelcostError, `${name}(${typeof input}) threw ${typeof e}: ${e}`);
          assert.equal(typeof e.code, 'string');
          assert.ok(e.errors.every((x) => typeof x.code === 'string' && typeof x.path === 'string' && typeof x.message === 'string'));
        }
      }
    }
  });

  test('a failure inside the module becomes an error value and a fresh instance', async () => {
    const before = hooked.estimate(presets[0].scenario);
    assert.deepEqual(before, engine.estimate(presets[0].scenario));
    assert.throws(() => hooked.debug.abort(), (e) => e instanceof testing.LabelcostError && e.code === 'internal');
    assert.throws(() => hooked.estimate(presets[0].scenario), (e) => e instanceof testing.LabelcostError && e.code === 'internal');
    await hooked.ready();
    assert.deepEqual(hooked.estimate(presets[0].scenario), before);
  });

  test('the module the site ships has no test hooks', () => {
    assert.equal(engine.debug.heapInUse(), undefined);
    assert.equal(typeof hooked.debug.heapInUse(), 'number');
  });

  test('a module that cannot be instantiated fails the load instead of hanging', { timeout: 10000 }, async () => {
    // A module importing a function the glue does not provide (env.y, () -> ()).
    const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, 9, 1, 3, 0x65, 0x6e, 0x76, 1, 0x79, 0, 0]);
    await assert.rejects(Engine.create({ wasmModule: new WebAssembly.Module(bytes) }), /WebAssembly\.instantiate/);
  });

  test('100,000 estimate calls leave the heap where it started', () => {
    const scenario = /** @type {Preset} */ (presets.find((p) => p.name === 'computer-vision-startup')).scenario;
    const bad = /** @type {Scenario} */ (/** @type {unknown} */ ({ labelcost: 1, items: [{ kind: 'labeling', task: 'image/nope', objects: -1, workforce: 'mturk' }] }));
    // The warm-up is the loop's own mix: the allocator settles its free lists
    // within the first few thousand calls (12 bytes once, after a recovery, were
    // seen without it); a leak would grow with every call after that.
    for (let i = 0; i < 10000; i++) {
      hooked.estimate(scenario);
      if (i % 10 === 0) assert.throws(() => hooked.estimate(bad), testing.LabelcostError);
    }
    const start = hooked.debug.heapInUse();
    for (let i = 0; i < 100000; i++) {
      hooked.estimate(scenario);
      if (i % 10 === 0) assert.throws(() => hooked.estimate(bad), testing.LabelcostError);
    }
    assert.equal(hooked.debug.heapInUse(), start);
  });

  test('a scenario carrying its own rate card, and your own prices, as the CLI prices them', async () => {
    const { encodeScenario, decodeScenario, MAX_LINK_CHARS } = /** @type {typeof import('../../web/link.js')} */ (await import(pathToFileURL(path.join(root, 'web/link.js')).href));
    const { cards } = engine.rates();
    for (const card of cards) {
      // Every task priced: the card as it is, under an id of its own.
      /** @type {RateCard} */
      const own = { ...structuredClone(card), id: `acme-${card.id}` };
      delete own.aliases;
      delete own.default;
      /** @type {Scenario} */
      const scenario = {
        labelcost: 1, rates: own,
        items: [
          { kind: 'labeling', task: 'image/bounding-box', objects: 20000, workforce: 'vendor', unit_price: '0.05' },
          { kind: 'labeling', task: 'image/classification', objects: 5000, workforce: 'mturk' },
          { kind: 'discount', fraction: 0.1, of: 'labeling' },
          { kind: 'credit', amount: 100 },
        ],
      };
      const mine = engine.estimate(scenario);
      assert.deepEqual(mine.rates, { id: own.id, title: card.title, effective: card.effective, custom: true });
      assert.deepEqual(mine, runCli(['estimate', '-'], JSON.stringify(scenario)));
      const byId = engine.estimate({ ...scenario, rates: card.id });
      assert.equal(byId.rates.custom, false);
      assert.equal(mine.total, byId.total);
      // It travels in a share link, well under the link limit.
      const fragment = await encodeScenario(scenario);
      assert.ok(fragment.length < MAX_LINK_CHARS / 8, `${fragment.length} characters`);
      assert.deepEqual(engine.estimate(/** @type {Scenario} */ (/** @type {unknown} */ (await decodeScenario(`#${fragment}`)))), mine);
    }
    // A card that reuses a bundled card's id is refused, with its path.
    /** @type {Scenario & {rates: RateCard}} */
    const reused = { labelcost: 1, rates: structuredClone(cards[0]), items: [] };
    delete reused.rates.aliases;
    delete reused.rates.default;
    assert.throws(() => engine.estimate(reused), (e) => e instanceof LabelcostError && e.errors.some((x) => x.code === 'invalid_card' && x.path === 'rates.id'));
  });
});
