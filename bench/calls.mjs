// The two calls the benchmarks time through engine.js (bench/bench.mjs, and
// bench/compare.mjs builds side by side): the article's computer-vision
// scenario as the page sends it, and a 100 x 100 sweep with active learning.

/** @typedef {import('../web/engine.js').Engine} Engine */
/** @typedef {import('../web/types.js').Scenario} Scenario */
/** @typedef {import('../web/types.js').SweepRequest} SweepRequest */
/** @typedef {import('../web/types.js').Preset} Preset */

/**
 * The computer-vision-startup preset (4 items), from the engine's presets.
 * @param {Engine} engine
 * @returns {Scenario}
 */
export function articleScenario(engine) {
  const preset = /** @type {Preset} */ (engine.presets().presets.find((p) => p.name === 'computer-vision-startup')).scenario;
  return { labelcost: 1, name: preset.name, rates: preset.rates, items: preset.items };
}

/** 100,000 images on Mechanical Turk: auto-labeled share by objects. @type {SweepRequest} */
export const SWEEP_100 = {
  scenario: { labelcost: 1, items: [{ kind: 'labeling', task: 'image/classification', objects: 100000, workforce: 'mturk', active_learning: {} }] },
  item: 0,
  x: { field: 'auto_fraction', from: 0, to: 0.9, steps: 100 },
  y: { field: 'objects', from: 1000, to: 1000000, steps: 100 },
};
