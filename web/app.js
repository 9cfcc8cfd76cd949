// The calculator: the state and its undo history, the engine calls, and the
// parts that show them (toolbar.js, editor.js, results.js, summary-bar.js).
// The engine is reached only through engine.js.
import { loadEngine, LabelcostError } from './engine.js';
import { h, fill } from './dom.js';
import { money, count } from './numbers.js';
import { createHistory } from './history.js';
import { createToolbar, OWN_CARD } from './toolbar.js';
import { createResults } from './results.js';
import { createSummaryBar } from './summary-bar.js';

// Loaded when first needed: share links (for the address), and the plain
// words for the engine's warnings and refusals.
const linking = () => import('./link.js');
// After the first estimate is on screen: the editor, then the comparisons,
// tables and charts.
const editorModule = () => import('./editor.js');
const extrasModule = () => import('./extras.js');

/** @typedef {import('./engine.js').Engine} Engine */
/** @typedef {import('./engine.js').EngineIssue} EngineIssue */
/** @typedef {import('./engine.js').EngineOptions} EngineOptions */
/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').RateCard} RateCard */
/** @typedef {import('./types.js').Schedule} Schedule */
/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').Issue} Issue */
/** @typedef {import('./types.js').Preset} Preset */
/** @typedef {import('./types.js').Sweep} Sweep */
/** @typedef {import('./types.js').SavingsTable} SavingsTable */
/** @typedef {import('./types.js').WorkforceComparison} WorkforceComparison */
/** @typedef {import('./types.js').CardComparison} CardComparison */
/** @typedef {import('./item-model.js').EditorItem} EditorItem */
/**
 * A scenario as a link, a file, an attribute or a saved plan holds it, not yet
 * checked: the engine checks it when it prices it, and the page shows what it
 * refuses.
 * @typedef {{[field: string]: unknown}} Unchecked
 */
/** @typedef {import('./availability.js').Unavailable} Unavailable */
/**
 * A rate card the engine has checked, with what the page shows besides its prices
 * (rates/schema/rate-card.schema.json).
 * @typedef {import('./item-model.js').Card & {aliases?: string[], summary?: string, notice?: string, effective: string,
 *   sources: {id: string, title: string, url?: string}[],
 *   assumptions: {id: string, confirmed: boolean, text: string, source?: string, also?: string[]}[],
 *   tasks: Record<string, {note?: string, assumption?: string}>, workforces: Record<string, {assumption?: string}>,
 *   effort?: Record<string, {assumption?: string}>, storage: {up_to?: number, price: import('./types.js').Decimal}[]}} PageCard
 */
/** @typedef {{name: string, scenario: object}} LinkedPlan  a plan of a comparison link (link.js) */
/**
 * What the sections after the estimate show (extras.js); each null where the engine refuses it.
 * @typedef {object} Extras
 * @property {(Sweep & {break_even?: string|null})|null} [sweep]  break_even: where active learning would start to pay
 * @property {SavingsTable|null} [sizes]
 * @property {(Omit<WorkforceComparison, 'rows'> & {rows: (WorkforceComparison['rows'][number] & {unavailable: Unavailable[]})[]})|null} [workforces]
 * @property {CardComparison|null} [cards]
 * @property {string|null} [laborProblem]
 * @property {Map<number, string[]>} [notes]  by item index
 * @property {string|null} [pinned]
 * @property {boolean} [complete]
 */
/** @typedef {{result: Result, stale: string|null} & Extras} View  an estimate on screen */
/** @typedef {ReturnType<typeof import('./editor.js').createEditor>} Editor */
/** @typedef {ReturnType<typeof import('./prices.js').createPriceEditor>} PriceEditor */
/** @typedef {ReturnType<typeof import('./actions.js').createActions>} Actions */
/** @typedef {typeof import('./messages.js')} Words */
/** @type {Words | null} */
let words = null;
/** @type {Promise<void> | null} */
let wordsLoading = null;
const loadWords = () => (wordsLoading ??= import('./messages.js').then((m) => { words = m; }));

/**
 * Runs `fn` once after the next frame is painted (or soon, where frames are not drawn).
 * @param {() => void} fn
 */
function afterPaint(fn) {
  let done = false;
  const run = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}

/**
 * What the calculator's parts share. The state is changed only through
 * `changed` (a change to the scenario, recorded for undo) or the view
 * fields (chart item, table task, cost view), which `recompute` redraws.
 * @typedef {object} Context
 * @property {Engine} engine          the loaded engine (engine.js)
 * @property {{name: string, rates: string|PageCard, items: EditorItem[], view: string,
 *   chartItem: number|null, tableTask: string|null, compareLabor: {hourly: string, seconds: string},
 *   freeTier: boolean, schedule: Schedule|null, budget: string}} state
 *   (schedule: the scenario's schedule; budget: what was typed in "What can I label for")
 * @property {PageCard[]} cards       the bundled rate cards
 * @property {Preset[]} presets       the bundled scenarios
 * @property {string} defaultCard     today's default card id
 * @property {() => PageCard} card    the card in use
 * @property {() => PageCard|null} ownCard  the scenario's own card (its "rates" as a whole card), or null
 * @property {() => PageCard|null} lastOwnCard  the own card last used, to switch back to
 * @property {(id: string) => PageCard|undefined} cardById
 * @property {() => Scenario} scenario  the scenario as priced (format v1)
 * @property {<T>(f: () => T) => T|null} attempt  the engine's answer, or null where it refuses the request
 * @property {ReturnType<typeof createHistory>} history
 * @property {LinkedPlan[]|null} linkedPlans  plans side by side from a comparison link
 * @property {EventTarget} events  'linked-plans' when a comparison link is opened
 * @property {string} siteUrl  the page share links point to
 * @property {(plans: LinkedPlan[]) => void} showLinkedPlans
 * @property {() => string} nextId    a new item id
 * @property {(label: string, how?: {field?: string, structural?: boolean}) => void} changed
 *   the scenario changed: record it for undo, re-render the editor when structural, re-estimate
 * @property {() => void} recompute   re-estimate and redraw (a view setting changed)
 * @property {() => void} redraw      redraw the last estimate (the cost view changed)
 * @property {() => void} inputProblem  a typed field cannot be read
 * @property {(text: string, opts?: {error?: boolean, undo?: boolean}) => void} say
 * @property {(name: string) => void} loadPreset
 * @property {(id: string) => void} switchCard
 * @property {() => void} undo
 * @property {() => void} redo
 * @property {(result: Result) => {index: number, name: string}[]} sweepCandidates
 * @property {(s: Unchecked, how?: {label?: string}) => boolean} load
 *   shows a scenario as a step that can be undone; false (and a notice) when its card is not bundled
 * @property {() => Scenario} defaultScenario
 * @property {(s: Unchecked) => string|null} refusal  why the engine refuses a scenario, in words; null when it prices it
 * @property {(s: Unchecked) => EngineIssue[]} errorsOf  the engine's errors for a scenario; none when it prices it
 * @property {(card: PageCard, how?: {label?: string, field?: string}) => void} useOwnCard
 *   prices the scenario with a card of its own, as a step that can be undone (typing in one
 *   field of the card, `field`, is one step)
 * @property {() => Promise<void>} wordsLoaded  resolves once the plain words (messages.js) are loaded
 * @property {(warning: EngineIssue) => string} warningText  a warning in plain words
 * @property {(error: EngineIssue, key: string) => string} fieldText
 *   an error in plain words about the item field `key` (a path inside the item)
 * @property {(errors: EngineIssue[], s?: Unchecked) => string} describeRefusal
 *   why the engine refuses a scenario, in plain words (at most three problems)
 *
 * The three functions above read messages.js, which is loaded with the first
 * warning or refusal: before it is there they answer "" and a redraw follows.
 */

/**
 * Starts the calculator inside `root`.
 * @param {HTMLElement} root
 * @param {object} [options]
 * @param {Unchecked|null} [options.scenario]  the scenario to open (default: the first preset)
 * @param {string} [options.preset]         or the name of a preset to open
 * @param {string|RateCard} [options.rates] a rate card id, or a whole card, that overrides the scenario's
 * @param {string} [options.notice]         a message to show on opening (a broken link, say)
 * @param {boolean} [options.compact]       results only, no editor or controls
 * @param {boolean} [options.persist]       keep the URL fragment and this browser's copy up to date
 * @param {(scenario: Scenario) => void} [options.save]   called with each scenario when persisting
 * @param {() => void} [options.reset]      what Reset does besides loading the default
 * @param {string} [options.siteUrl]        the page share links and embeds point to
 * @param {EngineOptions} [options.engineOptions]  passed to loadEngine()
 * @param {(result: Result, scenario: Scenario) => void} [options.onResult]  after each estimate
 * @param {LinkedPlan[]} [options.comparison]  plans side by side from a comparison link
 */
export async function startCalculator(root, options = {}) {
  const loading = loadEngine(options.engineOptions);
  // The module compiles off the main thread; meanwhile, load the locale data
  // that formatting numbers needs (slow the first time; en-US needs none).
  money('0');
  count('0');
  const engine = await loading;
  performance.mark('labelcost:engine-ready');
  const { cards, default: defaultCard } = /** @type {{ok: true, default: string, cards: PageCard[]}} */ (engine.rates());
  const presets = engine.presets().presets;

  let ids = 0;
  /** @type {PageCard|null} */
  let lastOwn = null; // the scenario's own card last used
  /** @type {Context['state']} */
  const state = {
    name: '',
    rates: defaultCard,
    items: [],
    view: 'total',
    chartItem: null,
    tableTask: null,
    compareLabor: { hourly: '', seconds: '' },
    freeTier: false,
    schedule: null,
    budget: '',
  };
  const cardById = (/** @type {string} */ id) => cards.find((c) => c.id === id || (c.aliases ?? []).includes(id));

  // (siteUrl is set below, before any part reads it.)
  const ctx = /** @type {Context} */ ({
    engine,
    state,
    cards,
    presets,
    defaultCard,
    card: () => ctx.ownCard() ?? cardById(/** @type {string} */ (state.rates)) ?? /** @type {PageCard} */ (cardById(defaultCard)),
    ownCard: () => (typeof state.rates === 'object' ? state.rates : null),
    lastOwnCard: () => lastOwn,
    cardById,
    scenario,
    attempt(f) {
      try {
        return f();
      } catch (error) {
        if (error instanceof LabelcostError) return null;
        throw error;
      }
    },
    history: createHistory({ labelcost: 1, items: [] }),
    linkedPlans: options.comparison ?? null,
    events: new EventTarget(),
    showLinkedPlans(plans) {
      ctx.linkedPlans = plans;
      ctx.events.dispatchEvent(new Event('linked-plans'));
    },
    nextId: () => `i${++ids}`,
    changed(label, { field, structural = false } = {}) {
      if (structural) editor.render();
      ctx.history.record(scenario(), label, { field });
      toolbar.sync();
      prices?.sync();
      schedule();
    },
    recompute: schedule,
    redraw: () => {
      if (!last) return;
      results.render(last);
      if (last.complete) results.renderExtras(last);
    },
    inputProblem: () => results.markStale('A field cannot be read: see its message. Showing the last estimate.'),
    say,
    loadPreset(name) {
      const p = name === '-empty' ? { title: 'Empty scenario', scenario: /** @type {Scenario} */ ({ labelcost: 1, rates: state.rates, items: [] }) } : presets.find((x) => x.name === name);
      if (p && load(p.scenario, { label: `Load ${p.title}` })) say(`Loaded ${p.title}.`, { undo: true });
    },
    switchCard(id) {
      if (id === OWN_CARD) {
        if (!lastOwn || ctx.ownCard()) return;
        state.rates = lastOwn;
      } else {
        state.rates = id;
      }
      ctx.changed(`Switch to ${ctx.card().title}`, { structural: true });
    },
    undo: () => step(ctx.history.undo(), 'Undone'),
    redo: () => step(ctx.history.redo(), 'Redone'),
    sweepCandidates: (result) => result.items
      .filter((i) => i.kind === 'labeling' && ctx.card().tasks[/** @type {string} */ (i.task)]?.active_learning)
      .map((i) => ({ index: i.index, name: i.name })),
    load: (s, how) => load(s, how),
    defaultScenario: () => defaultScenario(),
    refusal: (s) => refusal(s),
    errorsOf(s) {
      try {
        // The engine is the check: it answers any value with an estimate or its errors.
        engine.estimate(/** @type {Scenario} */ (s));
        return [];
      } catch (error) {
        if (!(error instanceof LabelcostError)) throw error;
        return error.errors;
      }
    },
    useOwnCard(card, { label = `Use your prices (${card.title})`, field } = {}) {
      state.rates = card;
      lastOwn = card;
      ctx.changed(label, { field, structural: !field });
    },
    wordsLoaded: loadWords,
    // People read plain words; the engine's codes and paths go to the console.
    warningText: (w) => (wordsHere() ? /** @type {Words} */ (words).warningMessage(w, { cardTitle: ctx.card().title }) : ''),
    fieldText: (e, key) => (wordsHere() ? /** @type {Words} */ (words).fieldMessage(e, { .../** @type {Words} */ (words).fieldFor(key), cardTitle: ctx.card().title }) : ''),
    describeRefusal(errors, s = scenario()) {
      if (!wordsHere()) return '';
      const said = /** @type {Words} */ (words).scenarioProblems(errors, { cardTitle: cardTitleOf(s), itemName: (i) => itemNameOf(s, i) });
      return said.length > 3 ? `${said.slice(0, 3).join(' ')} (and ${said.length - 3} more)` : said.join(' ');
    },
  });
  // True when messages.js is loaded; else loads it and re-estimates after.
  function wordsHere() {
    if (!words) loadWords().then(schedule);
    return !!words;
  }

  // --- the page ------------------------------------------------------------
  const siteUrl = options.siteUrl ?? location.href.replace(/#.*$/, '');
  ctx.siteUrl = siteUrl;
  // The toolbar's actions load with the first one used (actions.js).
  const importInput = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  /** @type {Promise<Actions> | null} */
  let actionsLoading = null;
  const action = (/** @type {keyof Actions} */ name) => async () => {
    actionsLoading ??= import('./actions.js').then(({ createActions }) => createActions(ctx, {
      root, siteUrl, importInput, lastResult: () => last?.result ?? null, reset: options.reset,
    }));
    (await actionsLoading)[name]();
  };
  importInput.addEventListener('change', action('importFile'));
  const toolbar = createToolbar(ctx, {
    copyLink: action('copyLink'),
    share: typeof navigator.share === 'function' ? action('share') : null,
    embed: action('embed'),
    exportCsv: action('exportCsv'),
    exportJson: action('exportJson'),
    exportCard: action('exportCard'),
    editPrices,
    // The file picker opens only within the click itself.
    importJson: () => importInput.click(),
    print: () => window.print(),
    reset: action('reset'),
  });
  // Your own prices, as tables: loaded when first opened.
  const pricesRoot = h('div', { class: 'prices-root' });
  /** @type {PriceEditor | null} */
  let prices = null;
  async function editPrices() {
    prices ??= (await import('./prices.js')).createPriceEditor(ctx, { onClose: () => toolbar.focusPrices(), download: action('exportCard') });
    pricesRoot.replaceChildren(prices.element);
    prices.open();
  }
  const status = h('p', { class: 'status', role: 'status' });
  const notice = h('div', { class: 'notice', role: 'alert', hidden: !options.notice, text: options.notice ?? '' });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const editorRoot = h('div', { class: 'editor' });
  const resultsRoot = h('div', { class: 'results' });
  const printHeader = h('div', { class: 'print-only print-header' });
  const bar = createSummaryBar();

  root.classList.add('lc-app');
  if (options.compact) {
    fill(root, notice, announcer, h('div', { class: 'layout compact' }, resultsRoot));
  } else {
    fill(root, ...bar.elements, toolbar.element, importInput, notice, status, announcer, printHeader, pricesRoot,
      h('div', { class: 'layout' },
        h('section', { class: 'panel editor-panel', 'aria-label': 'What will you label?' },
          h('h2', { text: 'What will you label?' }), editorRoot),
        resultsRoot));
    root.addEventListener('keydown', shortcut);
  }

  // Links to a section scroll to it: the address keeps its share link (and
  // a host page's address is not the calculator's to change).
  root.addEventListener('click', (e) => {
    const link = /** @type {Element} */ (e.target).closest?.('a[href^="#"]');
    if (!link || !root.contains(link)) return;
    e.preventDefault();
    const target = root.querySelector(`[id="${CSS.escape(/** @type {string} */ (link.getAttribute('href')).slice(1))}"]`);
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector('h2')?.setAttribute('tabindex', '-1');
    target?.querySelector('h2')?.focus({ preventScroll: true });
  });
  // Until its code is loaded, the editor shows nothing and places no message.
  /** @type {Editor} */
  let editor = { render() {}, annotate: ({ errors = [] }) => errors, clearDrafts() {}, hasDrafts: () => false };
  const results = createResults(resultsRoot, ctx, { compact: !!options.compact });
  bar.watch(/** @type {Element} */ (resultsRoot.querySelector('[data-total]')), toolbar.element);

  // Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo: the scenario's
  // history, also while typing in a field.
  /** @param {KeyboardEvent} e */
  function shortcut(e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    if (e.target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    if (key === 'z' && !e.shiftKey) ctx.undo();
    else ctx.redo();
  }

  /**
   * @param {{scenario: Scenario, label: string} | null} done
   * @param {string} verb
   */
  function step(done, verb) {
    if (!done) return;
    apply(done.scenario);
    say(`${verb}: ${done.label}.`);
    // Focus in a part that the step took away goes back to the toolbar, so
    // that the next Ctrl+Z still reaches the calculator.
    const active = /** @type {Partial<DocumentOrShadowRoot>} */ (root.getRootNode()).activeElement;
    if (!active || active === document.body || !root.contains(active)) toolbar.focusHistory();
  }

  /**
   * @param {string} text
   * @param {{error?: boolean, undo?: boolean}} [how]
   */
  function say(text, { error = false, undo = false } = {}) {
    fill(status, text, undo ? h('button', { type: 'button', class: 'link', dataset: { action: 'undo-last' }, text: 'Undo', onclick: () => ctx.undo() }) : null);
    status.classList.toggle('error', error);
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let announceTimer;
  /** @param {string} text */
  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { announcer.textContent = text; }, 600);
  }

  /**
   * The title of the card a scenario names or holds (else the card in use).
   * @param {Unchecked} s
   */
  function cardTitleOf(s) {
    const { rates } = s;
    if (typeof rates === 'string') return (cardById(rates) ?? ctx.card()).title;
    const own = rates && typeof rates === 'object' && 'title' in rates ? rates.title : undefined;
    return typeof own === 'string' ? own : ctx.card().title;
  }

  /**
   * The name a scenario gives its item `i`, if it gives one.
   * @param {Unchecked} s
   * @param {number} i
   */
  function itemNameOf(s, i) {
    /** @type {unknown} */
    const item = Array.isArray(s.items) ? s.items[i] : undefined;
    const name = item && typeof item === 'object' && 'name' in item ? item.name : undefined;
    return typeof name === 'string' ? name : undefined;
  }

  /**
   * Why the engine refuses a scenario, in words; null when it prices it.
   * @param {Unchecked} s
   */
  function refusal(s) {
    if (typeof s.rates === 'string' && !cardById(s.rates)) return `It uses prices (rate card "${s.rates}") that this version of labelcost does not have.`;
    const errors = ctx.errorsOf(s);
    if (!errors.length) return null;
    console.warn('labelcost: refused scenario', JSON.stringify(errors));
    return ctx.describeRefusal(errors, s);
  }

  /** The scenario as priced: format v1, without the page's own item ids. */
  /** @returns {Scenario} */
  function scenario() {
    /** @type {Omit<Scenario, 'items'> & {items?: Item[]}} */
    const s = { labelcost: 1 };
    if (state.name.trim()) s.name = state.name;
    s.rates = ctx.ownCard() ?? ctx.card().id;
    if (state.freeTier && ctx.card().free_tier) s.free_tier = true;
    if (state.schedule) s.schedule = state.schedule;
    s.items = /** @type {Item[]} */ (state.items.map((i) => i.data));
    return /** @type {Scenario} */ (s);
  }

  /** @returns {Scenario} */
  function defaultScenario() {
    return presets.find((p) => p.name === 'computer-vision-startup')?.scenario ?? { labelcost: 1, items: [] };
  }

  /**
   * Shows a scenario, as a step that can be undone. One on a rate card this
   * build does not have is refused (pricing it on another card would change
   * its numbers silently): returns false and says so.
   * @param {Unchecked} s
   * @param {{label?: string, editorLater?: boolean}} [how]
   */
  function load(s, { label = 'Open a scenario', editorLater = false } = {}) {
    if (typeof s.rates === 'string' && !cardById(s.rates)) {
      notify(`This scenario uses prices (rate card "${s.rates}") that this version of labelcost does not have. The scenario on screen is unchanged.`);
      return false;
    }
    apply(s, { editorLater });
    ctx.history.seal();
    if (!editorLater) ctx.history.record(scenario(), label);
    toolbar.sync();
    return true;
  }

  // Puts a scenario on screen without recording it.
  /**
   * @param {Unchecked} s
   * @param {{editorLater?: boolean}} [how]
   */
  function apply(s, { editorLater = false } = {}) {
    state.name = typeof s.name === 'string' ? s.name : '';
    state.freeTier = s.free_tier === true;
    // As the scenario states it: the engine checks it with the rest.
    state.schedule = s.schedule && typeof s.schedule === 'object' && !Array.isArray(s.schedule) ? /** @type {Schedule} */ (structuredClone(s.schedule)) : null;
    if (s.rates && typeof s.rates === 'object') {
      state.rates = /** @type {PageCard} */ (structuredClone(s.rates));
      lastOwn = state.rates;
    } else {
      state.rates = cardById(typeof s.rates === 'string' ? s.rates : '')?.id ?? defaultCard;
    }
    state.items = (Array.isArray(s.items) ? s.items : []).map((data) => ({ id: ctx.nextId(), data: structuredClone(data) }));
    state.chartItem = null;
    state.tableTask = null;
    editor.clearDrafts();
    toolbar.sync();
    prices?.sync();
    if (!editorLater) {
      editor.render();
      schedule();
      return;
    }
    // On opening the page: the total first, then the editor.
    recompute();
    afterPaint(showEditor);
  }

  async function showEditor() {
    if (options.compact) return;
    const { createEditor } = await editorModule();
    editor = createEditor(editorRoot, ctx);
    editor.render();
    if (last) editor.annotate({ result: last.result, warnings: last.result.warnings, notes: last.notes });
  }

  /** @param {string} [text] */
  function notify(text) {
    notice.textContent = text ?? '';
    notice.hidden = !text;
  }

  // --- computing -----------------------------------------------------------
  /** @type {View | null} */
  let last = null;
  let scheduled = false;
  let opened = false; // the first estimate is of what was opened: nothing to save yet
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(recompute);
  }

  // Past this many items, what is off screen is laid out only when shown.
  const MANY_ITEMS = 30;

  function recompute() {
    scheduled = false;
    root.classList.toggle('lc-many', state.items.length > MANY_ITEMS);
    const s = scenario();
    let result;
    try {
      result = engine.estimate(s);
    } catch (error) {
      if (!(error instanceof LabelcostError)) throw error;
      if (!wordsHere()) return;
      const unplaced = editor.annotate({ result: last?.result, errors: error.errors });
      const where = unplaced.length ? ctx.describeRefusal(unplaced) : 'See the highlighted fields.';
      results.markStale(last ? `This change cannot be priced. ${where} Showing the last estimate.` : `This scenario cannot be priced. ${where}`);
      announce('This change cannot be priced yet.');
      return;
    }

    // Warnings are shown in words: with the first one, those are loaded first.
    if (result.warnings.length && !wordsHere()) return;
    last = { result, stale: editor.hasDrafts() ? 'A field cannot be read: see its message. The estimate leaves that change out.' : null };
    results.render(last);
    bar.render(result);
    editor.annotate({ result, warnings: result.warnings });
    announce(`${result.labor_excluded ? 'Total excluding private labor' : 'Total'} ${money(result.total)}`);
    options.onResult?.(result, s);
    if (options.persist && opened) persist(s);
    opened = true;
    // The rest (charts, tables, comparisons) follows in the next task, so that
    // the total shows first; a newer edit replaces it.
    const view = last;
    afterPaint(() => {
      if (last === view) extras(s, view);
    });
  }

  // The fragment (share link) and this browser's copy follow each change; the
  // history gets no new entry for them.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let persistTimer;
  /** @param {Scenario} s */
  function persist(s) {
    clearTimeout(persistTimer);
    persistTimer = setTimeout(async () => {
      const fragment = await (await linking()).encodeScenario(s);
      if (location.hash !== `#${fragment}`) history.replaceState(history.state, '', `#${fragment}`);
      options.save?.(s);
    }, 250);
  }

  /**
   * @param {Scenario} s
   * @param {View} view
   */
  async function extras(s, view) {
    const { computeExtras, compactExtras } = await extrasModule();
    if (last !== view) return; // a newer estimate replaced this one
    if (options.compact) {
      Object.assign(view, compactExtras(ctx, s));
    } else {
      // After the first frame: a page's first local date costs 2-5 ms.
      printHeader.textContent = `${state.name || 'labelcost estimate'} · ${new Date().toLocaleDateString()} · ${ctx.card().title}`;
      Object.assign(view, computeExtras(ctx, s, view.result));
      editor.annotate({ result: view.result, warnings: view.result.warnings, notes: view.notes });
    }
    results.renderExtras(view);
  }

  // A scenario from a link or this browser's storage opens only if the engine
  // can price it; otherwise the default does, and the page says why.
  let initial = options.scenario ?? null;
  if (!initial && options.preset) {
    initial = presets.find((p) => p.name === options.preset)?.scenario ?? null;
    if (!initial) {
      notice.textContent = `There is no preset "${options.preset}"; the default scenario is shown instead.`;
      notice.hidden = false;
    }
  }
  if (options.rates) initial = { ...(initial ?? defaultScenario()), rates: options.rates };
  if (initial) {
    if (refusal(initial) !== null) await loadWords();
    const problems = refusal(initial);
    if (problems) {
      notice.textContent = `${notice.textContent ? `${notice.textContent} ` : ''}This scenario cannot be opened. ${problems} The default scenario is shown instead.`;
      notice.hidden = false;
      initial = null;
    }
  }
  const opening = initial ?? defaultScenario();
  load(opening, { editorLater: true });
  ctx.history = createHistory(scenario());
  toolbar.sync();
  return {
    engine,
    /** Shows a scenario; false (and a notice) when its rate card is not bundled. */
    load: (/** @type {Unchecked} */ s) => load(s),
    /** Shows plans side by side from a comparison link. */
    showLinkedPlans: (/** @type {LinkedPlan[]} */ plans) => ctx.showLinkedPlans(plans),
    scenario,
    preset: (/** @type {string} */ name) => presets.find((p) => p.name === name)?.scenario ?? null,
    result: () => last?.result ?? null,
    state,
    notify,
    updateAccepted: false,
    /**
     * Offers a newly deployed version; `accept` activates it (the page then reloads).
     * @param {() => void} accept
     */
    offerUpdate(accept) {
      const api = this;
      fill(notice, 'A new version of labelcost is ready. ', h('button', { type: 'button', text: 'Reload to use it', onclick: () => {
        api.updateAccepted = true;
        accept();
      } }));
      notice.hidden = false;
    },
  };
}
