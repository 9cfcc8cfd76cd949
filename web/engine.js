// The one module that touches the WebAssembly engine. Everything else calls
// these functions with plain objects and gets plain objects back.
//
//   import { loadEngine } from './engine.js';
//   const engine = await loadEngine();           // once; later calls reuse it
//   const result = engine.estimate(scenario);    // synchronous from here on
//
// A refused input throws a LabelcostError (an Error with `code` and `errors`).
// Works in browsers (served over http(s)) and in Node 20.

// The shapes of scenarios, results, requests and answers are in types.js.
/** @typedef {import('./types.js').Code} Code */
/** @typedef {import('./types.js').Task} Task */
/** @typedef {import('./types.js').Workforce} Workforce */
/** @typedef {import('./types.js').ItemKind} ItemKind */
/** @typedef {import('./types.js').Decimal} Decimal */
/** @typedef {import('./types.js').Issue} Issue */
/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').LabelingItem} LabelingItem */
/** @typedef {import('./types.js').AutoLabelingItem} AutoLabelingItem */
/** @typedef {import('./types.js').ReworkItem} ReworkItem */
/** @typedef {import('./types.js').StorageItem} StorageItem */
/** @typedef {import('./types.js').FixedItem} FixedItem */
/** @typedef {import('./types.js').DiscountItem} DiscountItem */
/** @typedef {import('./types.js').CreditItem} CreditItem */
/** @typedef {import('./types.js').RateCard} RateCard */
/** @typedef {import('./types.js').Schedule} Schedule */
/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').CardRef} CardRef */
/** @typedef {import('./types.js').WorkTime} WorkTime */
/** @typedef {import('./types.js').ItemEffort} ItemEffort */
/** @typedef {import('./types.js').Effort} Effort */
/** @typedef {import('./types.js').ScheduleAnswer} ScheduleAnswer */
/** @typedef {import('./types.js').Part} Part */
/** @typedef {import('./types.js').Savings} Savings */
/** @typedef {import('./types.js').ItemResult} ItemResult */
/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').SavingsRequest} SavingsRequest */
/** @typedef {import('./types.js').SavingsTable} SavingsTable */
/** @typedef {import('./types.js').ComparisonRow} ComparisonRow */
/** @typedef {import('./types.js').WorkforceComparison} WorkforceComparison */
/** @typedef {import('./types.js').CardComparison} CardComparison */
/** @typedef {import('./types.js').Axis} Axis */
/** @typedef {import('./types.js').SweepRequest} SweepRequest */
/** @typedef {import('./types.js').Sweep} Sweep */
/** @typedef {import('./types.js').BudgetRequest} BudgetRequest */
/** @typedef {import('./types.js').BudgetAnswer} BudgetAnswer */
/** @typedef {import('./types.js').Plan} Plan */
/** @typedef {import('./types.js').PlansComparison} PlansComparison */
/** @typedef {import('./types.js').Preset} Preset */
/** @typedef {import('./types.js').Version} Version */
/** @typedef {Omit<Issue, 'code'> & {code: Code | 'load_failed'}} EngineIssue  an error a LabelcostError holds */

/**
 * @typedef {Object} EngineOptions
 * @property {ArrayBuffer|Uint8Array} [wasmBinary]  the module's bytes, when already at hand
 * @property {object} [wasmModule]                  or the module, compiled (a WebAssembly.Module; typed
 *   `object` so that projects without the DOM's types can use these)
 * @property {string|URL} [wasmUrl]                 where to fetch it, relative to the page (default: beside this file)
 * @property {Factory} [factory]  the Emscripten factory (the default export of labelcost-engine.js), when bundled
 */

/**
 * The Emscripten factory and the module it makes: each export takes JSON text
 * (or nothing) and answers a view of UTF-8 JSON in the module's memory.
 * @typedef {(options: object) => Promise<EmModule>} Factory
 * @typedef {{[name: string]: ((text?: string) => any) | undefined}} EmModule
 */

/**
 * Refused input, or a failure inside the engine. One with code "load_failed"
 * (a file of the engine could not be fetched) also has `url`, and `status`
 * when the server answered.
 */
export class LabelcostError extends Error {
  /** @param {EngineIssue[]} errors */
  constructor(errors) {
    /** @type {EngineIssue[]} */
    const list = Array.isArray(errors) && errors.length ? errors : [{ code: 'internal', path: '', message: 'unknown failure' }];
    super(list.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
    this.name = 'LabelcostError';
    /** @type {Code | 'load_failed'} the first error's code */
    this.code = list[0].code;
    /** @type {EngineIssue[]} */
    this.errors = list;
    /** @type {string | undefined} load_failed: the address that could not be fetched */
    this.url = undefined;
    /** @type {number | undefined} load_failed: the HTTP status, when the server answered */
    this.status = undefined;
  }
}

/** Inputs larger than this are refused before they reach the engine (it reads at most 1 MiB). */
export const MAX_INPUT_BYTES = 1 << 20;

/** @type {Promise<Engine> | null} */
let loading = null;
const decoder = new TextDecoder();

/**
 * @param {string|URL} url
 * @param {unknown} reason
 * @param {number} [status]
 */
function loadFailed(url, reason, status) {
  const error = new LabelcostError([{ code: 'load_failed', path: '', message: `could not load ${url}: ${reason instanceof Error ? reason.message : String(reason)}` }]);
  error.url = String(url);
  if (status) error.status = status;
  if (reason instanceof Error) error.cause = reason;
  return error;
}

// The module's file beside this one, written so that bundlers (webpack 5,
// Vite) see it and publish the file with the bundle. It is the only
// URL made from import.meta.url here: bundlers take every such call for a
// file to publish, and webpack's bundle fails when the address is computed.
const DEFAULT_WASM = new URL('./labelcost-engine.wasm', import.meta.url);
// This file's own address (a bundler may put the bundle's or a file: URL here).
const MODULE_URL = import.meta.url;
// Node's file reading, named where bundlers for the browser do not look for it.
const NODE_FS = 'node:fs/promises';

// Newer Emscripten releases may put the module's memory in a resizable
// ArrayBuffer (GROWABLE_ARRAYBUFFERS), and browsers' TextDecoder refuses views
// of resizable or shared buffers: such a view is copied first.
/** @param {Uint8Array} view */
function decode(view) {
  const { buffer } = view;
  // (`resizable` is ES2024: undefined, so falsy, where it does not exist.)
  return decoder.decode(buffer instanceof ArrayBuffer && !(/** @type {{resizable?: boolean}} */ (buffer)).resizable ? view : view.slice());
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

/**
 * @param {EngineOptions} options
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(options) {
  if (options.wasmModule) return /** @type {WebAssembly.Module} */ (options.wasmModule);
  if (options.wasmBinary) return WebAssembly.compile(/** @type {BufferSource} */ (options.wasmBinary));
  // A relative wasmUrl is read as fetch() reads it: against the page's address
  // (this file's, in Node).
  const url = options.wasmUrl ? new URL(options.wasmUrl, globalThis.document?.baseURI ?? MODULE_URL) : DEFAULT_WASM;
  if (isNode && url.protocol === 'file:') {
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS);
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

/**
 * @param {Factory} factory
 * @param {WebAssembly.Module} wasmModule
 * @returns {Promise<EmModule>}
 */
async function instantiate(factory, wasmModule) {
  // Emscripten has no way to hear that instantiateWasm failed: without this,
  // a failed instantiation would leave the factory's promise pending forever.
  /** @type {(reason: unknown) => void} */
  let failed = () => {};
  /** @type {Promise<never>} */
  const failure = new Promise((resolve, reject) => { failed = reject; });
  return Promise.race([failure, factory({
    // The module is compiled once and instantiated here, so that a fresh
    // instance after a failure costs no download and no compile.
    /**
     * @param {WebAssembly.Imports} imports
     * @param {(instance: WebAssembly.Instance, module: WebAssembly.Module) => void} receive
     */
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
  /** @type {Factory} */
  #factory;
  /** @type {WebAssembly.Module} */
  #wasmModule;
  /** @type {EmModule | null} */
  #module;
  /** @type {Promise<void> | null} */
  #restarting = null;

  /**
   * Use loadEngine().
   * @param {EngineOptions} options
   * @returns {Promise<Engine>}
   */
  static async create(options) {
    // The download and compile of the module need not wait for the glue.
    const [factory, wasmModule] = await Promise.all([
      // @ts-ignore: the Emscripten glue is built beside this file and has no types.
      options.factory ?? import('./labelcost-engine.js').then((glue) => glue.default,
        (error) => { throw loadFailed(new URL('labelcost-engine.js', MODULE_URL), error); }),
      compile(options),
    ]);
    const engine = new Engine(factory, wasmModule, await instantiate(factory, wasmModule));
    return engine;
  }

  /**
   * Use loadEngine().
   * @param {Factory} factory
   * @param {object} wasmModule  a WebAssembly.Module
   * @param {EmModule} module
   */
  constructor(factory, wasmModule, module) {
    this.#factory = factory;
    this.#wasmModule = /** @type {WebAssembly.Module} */ (wasmModule);
    this.#module = module;
  }

  /**
   * Calls one export (with JSON text when `takesInput`) and returns the parsed
   * answer, turning every failure into a LabelcostError.
   * @param {string} name
   * @param {boolean} takesInput
   * @param {unknown} [input]
   * @returns {any}
   */
  #call(name, takesInput, input) {
    if (!this.#module) {
      throw new LabelcostError([{ code: 'internal', path: '', message: 'the engine is restarting after a failure; try again' }]);
    }
    let text;
    if (takesInput) {
      try {
        text = typeof input === 'string' ? input : JSON.stringify(input);
      } catch (error) {
        throw new LabelcostError([{ code: 'invalid_json', path: '', message: `cannot be written as JSON: ${error instanceof Error ? error.message : String(error)}` }]);
      }
      if (typeof text !== 'string') {
        throw new LabelcostError([{ code: 'wrong_type', path: '', message: `must be a JSON object, not ${typeof input}` }]);
      }
      if (text.length > MAX_INPUT_BYTES) {
        throw new LabelcostError([{ code: 'too_large', path: '', message: `the JSON text is ${text.length} characters; at most ${MAX_INPUT_BYTES} are read` }]);
      }
    }
    const call = this.#module[name];
    if (!call) throw new LabelcostError([{ code: 'internal', path: '', message: `this build of the module has no ${name}` }]);
    let out;
    try {
      out = takesInput ? call(text) : call();
    } catch (error) {
      // An abort inside the module: its memory can no longer be trusted.
      this.#restart();
      throw new LabelcostError([{ code: 'internal', path: '', message: `the engine failed: ${error instanceof Error ? error.message : String(error)}` }]);
    }
    // The answer is a view of the module's memory: decode it before anything
    // else calls the module.
    const value = JSON.parse(decode(out));
    if (!value.ok) throw new LabelcostError(value.errors);
    return value;
  }

  #restart() {
    this.#module = null;
    this.#restarting ??= instantiate(this.#factory, this.#wasmModule).then(
      (module) => {
        this.#module = module;
        this.#restarting = null;
      },
      () => {
        this.#restarting = null;
      },
    );
  }

  /**
   * Resolves when the engine is usable again after a failure.
   * @returns {Promise<void>}
   */
  ready() {
    return this.#restarting ?? Promise.resolve();
  }

  /**
   * Prices a scenario.
   * @param {Scenario|string} scenario
   * @returns {Result}
   */
  estimate(scenario) {
    return this.#call('estimate', true, scenario);
  }

  /**
   * Active-learning savings across dataset sizes for one task.
   * @param {SavingsRequest|string} request
   * @returns {SavingsTable}
   */
  savingsTable(request) {
    return this.#call('savingsTable', true, request);
  }

  /**
   * The scenario with its labeling items moved to each workforce of its card.
   * @param {{scenario: Scenario, labor?: {hourly: Decimal, seconds_per_object: Decimal}}|string} request
   * @returns {WorkforceComparison}
   */
  compareWorkforces(request) {
    return this.#call('compareWorkforces', true, request);
  }

  /**
   * The scenario under every bundled rate card.
   * @param {{scenario: Scenario}|string} request
   * @returns {CardComparison}
   */
  compareCards(request) {
    return this.#call('compareCards', true, request);
  }

  /**
   * Totals over a grid (rows along y, columns along x), for charts.
   * @param {SweepRequest|string} request
   * @returns {Sweep}
   */
  sweep(request) {
    return this.#call('sweep', true, request);
  }

  /**
   * The most objects of one item a budget labels, the scenario's other items
   * unchanged: the count, per workforce, across the cost range and without
   * active learning.
   * @param {BudgetRequest|string} request
   * @returns {BudgetAnswer}
   */
  budget(request) {
    return this.#call('budget', true, request);
  }

  /**
   * Plans side by side: 2 to 4 scenarios, each priced, with its amounts, its
   * worker-hours and each of its items less the first plan's.
   * @param {{scenarios: Scenario[]}|string} request
   * @returns {PlansComparison}
   * @throws {LabelcostError}
   */
  compareScenarios(request) {
    return this.#call('compareScenarios', true, request);
  }

  /**
   * The bundled rate cards, as written, with sources and assumptions.
   * @returns {{ok: true, default: string, cards: RateCard[]}}
   */
  rates() {
    return this.#call('rates', false);
  }

  /**
   * The bundled preset scenarios.
   * @returns {{ok: true, presets: Preset[]}}
   */
  presets() {
    return this.#call('presets', false);
  }

  /**
   * The labelcost version, the scenario and result format versions and the bundled cards.
   * @returns {Version}
   */
  version() {
    return this.#call('version', false);
  }

  /**
   * Test hooks: only the test build of the module has them (tests/wasm).
   */
  get debug() {
    return {
      heapInUse: () => this.#module?.heapInUse?.(),
      abort: () => this.#call('abortForTest', false),
    };
  }
}
