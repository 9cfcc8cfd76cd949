// The worst-case input of each export within the engine's limits, as
// docs/performance.md describes them: what bench/bench.mjs times through
// engine.js (and tests may reuse). Each is [label, method, input]; input is
// JSON text, or undefined for exports that take none.
const MiB = 1 << 20;

/**
 * An export of the engine that reads JSON text, or one that takes nothing.
 * @typedef {'estimate' | 'savingsTable' | 'compareWorkforces' | 'compareCards' | 'sweep' | 'budget' | 'compareScenarios'
 *   | 'rates' | 'presets'} Method
 * @typedef {[label: string, method: Method, input: string | undefined]} WorstCase
 */

/**
 * A JSON list of `unit` repeated to fill 1 MiB after `head` and before `tail`.
 * @param {string} head
 * @param {string} unit
 * @param {string} tail
 */
function filled(head, unit, tail) {
  const n = Math.floor((MiB - head.length - tail.length + 1) / (unit.length + 1));
  return head + Array(n).fill(unit).join(',') + tail;
}

/** Distinct short keys: "a0", "a1", ... in base 36. @type {(n: number, prefix?: string) => string[]} */
const keys = (n, prefix = '') => Array.from({ length: n }, (_, k) => `${prefix}${k.toString(36)}`);
/** @type {(n: number, prefix: string) => string} */
const wide = (n, prefix) => `{${keys(n, prefix).map((k) => `"${k}":0`).join(',')}}`;

/** 200 items of every kind, each using every rule that costs time. */
function everyRule() {
  const kinds = [
    { kind: 'labeling', task: 'image/bounding-box', objects: 10000000000, workforce: 'vendor', jobs: 1000000, duplicates: 0.1, workers: 9, active_learning: {} },
    { kind: 'labeling', task: 'image/semantic-segmentation', objects: 9999999999, workforce: 'private', jobs: 999999, labor: { hourly: 25, seconds_per_object: 30 }, active_learning: { compute_per_10k: 3 } },
    { kind: 'auto-labeling', task: 'image/classification', workforce: 'vendor-specialized', objects: 10000000000 },
    { kind: 'storage', gb: 1000000000, months: 1200 },
    { kind: 'rework', fraction: 0.123456789 },
  ];
  const items = Array.from({ length: 200 }, (_, i) => ({ name: `Item ${i} ${'n'.repeat(180)}`, ...kinds[i % kinds.length] }));
  return { labelcost: 1, name: 's'.repeat(200), description: 'd'.repeat(2000), items };
}

/** 200 items of every rule, one of them a discount: each count a budget prices prices all of them. */
function budgetAll() {
  const items = everyRule().items.slice(0, 199);
  return { labelcost: 1, items: [...items, { kind: 'discount', fraction: 0.1 }] };
}

/** Items with as many unknown fields as 1 MiB holds: one error each. */
function mostErrors() {
  const item = `{"kind":"labeling",${wide(253, 'x').slice(1, -1)},"labor":${wide(256, 'y')},"active_learning":${wide(256, 'z')}}`;
  const n = Math.min(200, Math.floor((MiB - 40) / (item.length + 1)));
  return `{"labelcost":1,"items":[${Array(n).fill(item).join(',')}]}`;
}

// The slowest number to read: 769 significant digits (the most that can
// decide a double's rounding), as many as a text may hold.
const LONG_NUMBER = `2.${'4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618'.repeat(8).slice(0, 767)}e-324`;

/** @returns {WorstCase[]} */
export function worstCases() {
  const scenario = everyRule();
  // The same 200 items with fixed costs for rework: each cell prices one item.
  const noRework = { ...scenario, items: scenario.items.map((i) => (i.kind === 'rework' ? { kind: 'fixed', amount: 1 } : i)) };
  const reworkFed = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/classification', objects: 100000, workforce: 'vendor', active_learning: {} }, ...Array.from({ length: 9 }, (_, i) => ({ kind: 'rework', fraction: (i + 1) / 100 }))] };
  const grid = (/** @type {object} */ s) => ({ scenario: s, item: 0, x: { field: 'objects', from: 1, to: 10000000000, steps: 100 }, y: { field: 'auto_fraction', from: 0, to: 1, steps: 100 }, without: true });
  const text = (/** @type {unknown} */ value) => JSON.stringify(value);
  return [
    ['estimate: 1 MiB of objects with 256 members', 'estimate', filled('{"labelcost":1,"items":[],"x":[', wide(256, 'k'), ']}')],
    ['estimate: 1 MiB of empty lists', 'estimate', filled('{"labelcost":1,"items":[],"x":[', '[]', ']}')],
    ['estimate: 1 MiB of one-digit numbers', 'estimate', filled('{"labelcost":1,"items":[],"x":[', '1', ']}')],
    ['estimate: 256 long numbers of 769 digits', 'estimate', `{"labelcost":1,"items":[],"x":[${Array(256).fill(LONG_NUMBER).join(',')}]}`],
    ['estimate: 1 MiB of escaped characters', 'estimate', `{"labelcost":1,"items":[],"x":"${'\\u00e9'.repeat(Math.floor((MiB - 40) / 6))}"}`],
    ['estimate: the most unknown fields 1 MiB holds', 'estimate', mostErrors()],
    ['estimate: 200 items, every rule', 'estimate', text(scenario)],
    ['savings table: 50 sizes', 'savingsTable', text({ task: 'image/bounding-box', workforce: 'vendor', workers: 9, jobs: 1000000, duplicates: 0.1, sizes: Array.from({ length: 50 }, (_, k) => 10000000000 - k) })],
    ['compare workforces: 200 items', 'compareWorkforces', text({ scenario, labor: { hourly: 25, seconds_per_object: 30 } })],
    ['compare cards: 200 items', 'compareCards', text({ scenario })],
    ['sweep: 100 x 100, with and without, 200 items', 'sweep', text(grid(noRework))],
    ['sweep: 200,000 item prices (9 rework items fed)', 'sweep', text(grid(reworkFed))],
    ['budget: 1,024 counts where the cost falls (512 jobs)', 'budget', text({ budget: 1000000, scenario: { labelcost: 1, rates: 'aws-documented-2026-12', items: [{ kind: 'labeling', task: 'image/classification', objects: 10000000, workforce: 'mturk', jobs: 512, active_learning: {} }] } })],
    ['budget: 200 items of every rule and a discount (each count prices all of them)', 'budget', text({ budget: 1e12, scenario: budgetAll(), item: 0 })],
    ['compare plans: 4 scenarios of 200 items, every rule, with a schedule', 'compareScenarios', text({ scenarios: Array(4).fill({ ...scenario, schedule: { annotators: 3 } }) })],
    ['rates', 'rates', undefined],
    ['presets', 'presets', undefined],
  ];
}
