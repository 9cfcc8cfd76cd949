// The one module that touches the WebAssembly engine. Everything else calls
// these functions with plain objects and gets plain objects back.
//
//   import { loadEngine } from './engine.js';
//   const engine = await loadEngine();           // once; later calls reuse it
//   const result = engine.estimate(scenario);    // synchronous from here on
//
// A refused input throws a LabelcostError (an Error with `code` and `errors`).
// Works in browsers (served over http(s)) and in Node 20.

/**
 * @typedef {Object} Issue
 * @property {string} code     e.g. "negative", "unknown_task", "amount_too_large"
 * @property {string} path     JSON path into the input, e.g. "items[2].objects"
 * @property {string} message  what is wrong and what is allowed
 */

/**
 * @typedef {Object} Item  One item of a scenario (scenario format v1).
 * @property {"labeling"|"auto-labeling"|"rework"|"storage"|"fixed"} kind
 * @property {string} [name]
 * @property {string} [task]       e.g. "image/bounding-box"
 * @property {number|string} [objects]
 * @property {"mturk"|"private"|"vendor"|"vendor-specialized"|"gt-plus"} [workforce]
 * @property {number|string} [multiplier]
 * @property {number} [workers]
 * @property {number|string} [worker_price]
 * @property {{auto_fraction?: number|string, compute_per_10k?: number|string}} [active_learning]
 * @property {number} [jobs]
 * @property {number|string} [duplicates]
 * @property {{hourly: number|string, seconds_per_object: number|string}} [labor]
 * @property {number|string} [seconds_per_object]  one worker's seconds on one object, for the effort
 * @property {number|string} [compute]
 * @property {number|string} [compute_per_10k]
 * @property {number|string} [fraction]
 * @property {number|string} [gb]
 * @property {number} [months]
 * @property {number|string} [amount]
 */

/**
 * @typedef {Object} Scenario  Scenario format v1.
 * @property {1} labelcost
 * @property {string} [name]
 * @property {string} [rates]  a rate card id or alias; the default card when absent
 * @property {Schedule} [schedule]
 * @property {Item[]} items
 */

/**
 * @typedef {Object} Schedule  Annotators (the answer is weeks) or weeks (the answer is annotators), not both.
 * @property {number} [annotators]
 * @property {number|string} [weeks]
 * @property {number|string} [hours_per_week]  40 when absent
 * @property {boolean} [parallel]  all items at once, not one after the other
 */

/**
 * @typedef {Object} WorkTime  Worker-hours, exact decimals to 0.01.
 * @property {string} worker_hours
 * @property {string} low
 * @property {string} high
 */

/**
 * @typedef {WorkTime & {seconds: {min: string, typical: string, max: string}, source: "scenario"|"card",
 *   assumption?: string, staffed: boolean}} ItemEffort  A labeling item's worker-hours and the seconds they come from.
 */

/**
 * @typedef {WorkTime & {staffed: WorkTime, unknown: number[], unstaffed: number[]}} Effort
 *   Every labeling item's worker-hours; `staffed`: those of workforces you staff; item indices
 *   without seconds (`unknown`) and on workforces that choose their own people (`unstaffed`).
 */

/**
 * @typedef {Object} ScheduleAnswer
 * @property {"annotators"|"weeks"} given
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
 * @property {string} kind
 * @property {string} name
 * @property {string} [task]
 * @property {string} [workforce]
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
 * @typedef {Object} Result  Result format v1. Amounts are exact decimal strings.
 * @property {true} ok
 * @property {number} format
 * @property {string} engine
 * @property {string} name
 * @property {{id: string, title: string, effective: string}} rates
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
 * @typedef {Object} EngineOptions
 * @property {ArrayBuffer|Uint8Array} [wasmBinary]  the module's bytes, when already at hand
 * @property {WebAssembly.Module} [wasmModule]      or the module, compiled
 * @property {string|URL} [wasmUrl]                 where to fetch it (default: beside this file)
 * @property {(options: object) => Promise<object>} [factory]  the Emscripten factory, when bundled
 */

/**
 * Refused input, or a failure inside the engine. One with code "load_failed"
 * (a file of the engine could not be fetched) also has `url`, and `status`
 * when the server answered.
 */
export class LabelcostError extends Error {
  /** @param {Issue[]} errors */
  constructor(errors) {
    const list = Array.isArray(errors) && errors.length ? errors : [{ code: 'internal', path: '', message: 'unknown failure' }];
    super(list.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
    this.name = 'LabelcostError';
    /** @type {string} the first error's code */
    this.code = list[0].code;
    /** @type {Issue[]} */
    this.errors = list;
  }
}

/** Inputs larger than this are refused before they reach the engine (it reads at most 1 MiB). */
export const MAX_INPUT_BYTES = 1 << 20;

let loading = null;
const decoder = new TextDecoder();

function loadFailed(url, reason, status) {
  const error = new LabelcostError([{ code: 'load_failed', path: '', message: `could not load ${url}: ${reason?.message ?? reason}` }]);
  error.url = String(url);
  if (status) error.status = status;
  if (reason instanceof Error) error.cause = reason;
  return error;
}

// Newer Emscripten releases may put the module's memory in a resizable
// ArrayBuffer (GROWABLE_ARRAYBUFFERS), and browsers' TextDecoder refuses views
// of resizable or shared buffers: such a view is copied first.
function decode(view) {
  const { buffer } = view;
  return decoder.decode(buffer instanceof ArrayBuffer && !buffer.resizable ? view : view.slice());
}

/**
 * Loads the engine once; later calls return the same promise.
 * @param {EngineOptions} [options]
 * @returns {Promise<Engine>}
 */
export function loadEngine(options = {}) {
  if (!loading) {
    loading = Engine.create(options).catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

async function compile(options) {
  if (options.wasmModule) return options.wasmModule;
  if (options.wasmBinary) return WebAssembly.compile(options.wasmBinary);
  const url = new URL(options.wasmUrl ?? 'labelcost-engine.wasm', import.meta.url);
  if (isNode && url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(url));
  }
  const response = fetch(url, { credentials: 'same-origin' });
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (error) {
      // A server that sends the wrong MIME type: compile from bytes instead.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  // Refused (by the network, a CORS check or the page's policy) or missing.
  const res = await response.catch((error) => { throw loadFailed(url, error); });
  if (!res.ok) throw loadFailed(url, `HTTP ${res.status}`, res.status);
  return WebAssembly.compile(await res.arrayBuffer());
}

async function instantiate(factory, wasmModule) {
  // Emscripten has no way to hear that instantiateWasm failed: without this,
  // a failed instantiation would leave the factory's promise pending forever.
  let failed;
  const failure = new Promise((resolve, reject) => { failed = reject; });
  return Promise.race([failure, factory({
    // The module is compiled once and instantiated here, so that a fresh
    // instance after a failure costs no download and no compile.
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule)).catch(failed);
      return {};
    },
    print() {},
    printErr() {},
  })]);
}

/** The loaded engine. Every method is synchronous. */
export class Engine {
  /** @param {EngineOptions} options */
  static async create(options) {
    // The download and compile of the module need not wait for the glue.
    const [factory, wasmModule] = await Promise.all([
      options.factory ?? import('./labelcost-engine.js').then((glue) => glue.default,
        (error) => { throw loadFailed(new URL('labelcost-engine.js', import.meta.url), error); }),
      compile(options),
    ]);
    const engine = new Engine(factory, wasmModule, await instantiate(factory, wasmModule));
    return engine;
  }

  constructor(factory, wasmModule, module) {
    this._factory = factory;
    this._wasmModule = wasmModule;
    this._module = module;
    this._restarting = null;
  }

  // Calls one export (with JSON text when `takesInput`) and returns the parsed
  // answer, turning every failure into a LabelcostError.
  _call(name, takesInput, input) {
    if (!this._module) {
      throw new LabelcostError([{ code: 'internal', path: '', message: 'the engine is restarting after a failure; try again' }]);
    }
    let text;
    if (takesInput) {
      try {
        text = typeof input === 'string' ? input : JSON.stringify(input);
      } catch (error) {
        throw new LabelcostError([{ code: 'invalid_json', path: '', message: `cannot be written as JSON: ${error.message}` }]);
      }
      if (typeof text !== 'string') {
        throw new LabelcostError([{ code: 'wrong_type', path: '', message: `must be a JSON object, not ${typeof input}` }]);
      }
      if (text.length > MAX_INPUT_BYTES) {
        throw new LabelcostError([{ code: 'too_large', path: '', message: `the JSON text is ${text.length} characters; at most ${MAX_INPUT_BYTES} are read` }]);
      }
    }
    let out;
    try {
      out = takesInput ? this._module[name](text) : this._module[name]();
    } catch (error) {
      // An abort inside the module: its memory can no longer be trusted.
      this._restart();
      throw new LabelcostError([{ code: 'internal', path: '', message: `the engine failed: ${error?.message ?? String(error)}` }]);
    }
    // The answer is a view of the module's memory: decode it before anything
    // else calls the module.
    const value = JSON.parse(decode(out));
    if (!value.ok) throw new LabelcostError(value.errors);
    return value;
  }

  _restart() {
    this._module = null;
    this._restarting ??= instantiate(this._factory, this._wasmModule).then(
      (module) => {
        this._module = module;
        this._restarting = null;
      },
      () => {
        this._restarting = null;
      },
    );
  }

  /** Resolves when the engine is usable again after a failure. */
  ready() {
    return this._restarting ?? Promise.resolve();
  }

  /**
   * Prices a scenario.
   * @param {Scenario|string} scenario
   * @returns {Result}
   */
  estimate(scenario) {
    return this._call('estimate', true, scenario);
  }

  /**
   * Active-learning savings across dataset sizes for one task.
   * @param {{task: string, workforce?: string, rates?: string, sizes?: (number|string)[], auto_fraction?: number|string, compute_per_10k?: number|string, workers?: number, multiplier?: number|string, worker_price?: number|string, jobs?: number, duplicates?: number|string}} request
   */
  savingsTable(request) {
    return this._call('savingsTable', true, request);
  }

  /**
   * The scenario with its labeling items moved to each workforce of its card.
   * @param {{scenario: Scenario, labor?: {hourly: number|string, seconds_per_object: number|string}}} request
   */
  compareWorkforces(request) {
    return this._call('compareWorkforces', true, request);
  }

  /**
   * The scenario under every bundled rate card.
   * @param {{scenario: Scenario}} request
   */
  compareCards(request) {
    return this._call('compareCards', true, request);
  }

  /**
   * Totals over a grid (rows along y, columns along x), for charts.
   * @param {{scenario: Scenario, item: number, x: {field: string, from?: number|string, to?: number|string, steps?: number, values?: (number|string)[]}, y?: object, without?: boolean}} request
   */
  sweep(request) {
    return this._call('sweep', true, request);
  }

  /**
   * The most objects of one item a budget labels, the scenario's other items
   * unchanged: the count, per workforce, across the cost range and without
   * active learning.
   * @param {{budget: number|string, scenario: Scenario, item?: number}} request
   */
  budget(request) {
    return this._call('budget', true, request);
  }

  /**
   * Plans side by side: 2 to 4 scenarios, each priced, with its amounts, its
   * worker-hours and each of its items less the first plan's.
   * @param {{scenarios: Scenario[]}} request
   * @returns {{ok: true, plans: object[], warnings: Issue[]}}
   * @throws {LabelcostError}
   */
  compareScenarios(request) {
    return this._call('compareScenarios', true, request);
  }

  /** The bundled rate cards, as written, with sources and assumptions. */
  rates() {
    return this._call('rates', false);
  }

  /** The bundled preset scenarios. */
  presets() {
    return this._call('presets', false);
  }

  /** Engine version and the scenario and result format versions. */
  version() {
    return this._call('version', false);
  }

  /** Test hooks: only the test build of the module has them (tests/wasm). */
  get debug() {
    return {
      heapInUse: () => this._module?.heapInUse?.(),
      abort: () => this._call('abortForTest', false),
    };
  }
}
