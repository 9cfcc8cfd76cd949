// The calculator page: state, the engine calls, and the toolbar. Rendering is
// in editor.js and results.js; the engine is reached only through engine.js.
import { loadEngine, LabelcostError } from './engine.js';
import { h, fill, uid } from './dom.js';
import { readNumber, money, count } from './numbers.js';
import { createEditor } from './editor.js';
import { createResults } from './results.js';

// Loaded when first needed: exporting and importing, share links, embedding.
const exporting = () => import('./exporting.js');
const linking = () => import('./link.js');
const snippets = () => import('./snippets.js');

/** Runs `fn` once after the next frame is painted (or soon, where frames are not drawn). */
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
 * Starts the calculator inside `root`.
 * @param {HTMLElement} root
 * @param {object} [options]
 * @param {object} [options.scenario]       the scenario to open (default: the first preset)
 * @param {string} [options.preset]         or the name of a preset to open
 * @param {string} [options.rates]          a rate card id that overrides the scenario's
 * @param {string} [options.notice]         a message to show on opening (a broken link, say)
 * @param {boolean} [options.compact]       results only, no editor or controls
 * @param {boolean} [options.persist]       keep the URL fragment and this browser's copy up to date
 * @param {(scenario: object) => void} [options.save]     called with each scenario when persisting
 * @param {() => void} [options.reset]      what Reset does besides loading the default
 * @param {string} [options.siteUrl]        the page share links and embeds point to
 * @param {object} [options.engineOptions]  passed to loadEngine()
 * @param {(result: object, scenario: object) => void} [options.onResult]  after each estimate
 */
export async function startCalculator(root, options = {}) {
  const loading = loadEngine(options.engineOptions);
  // The module compiles off the main thread; meanwhile, load the locale data
  // that formatting numbers needs (slow the first time; en-US needs none).
  money('0');
  count('0');
  const engine = await loading;
  performance.mark('labelcost:engine-ready');
  const { cards, default: defaultCard } = engine.rates();
  const presets = engine.presets().presets;

  let ids = 0;
  const state = {
    name: '',
    rates: defaultCard,
    items: [],
    view: 'total',
    chartItem: null,
    tableTask: null,
    compareLabor: { hourly: '', seconds: '' },
  };

  const cardById = (id) => cards.find((c) => c.id === id || (c.aliases ?? []).includes(id));
  const app = {
    state,
    nextId: () => `i${++ids}`,
    card: () => cardById(state.rates) ?? cardById(defaultCard),
    changed: schedule,
    recompute: schedule,
    redraw: () => {
      if (!last) return;
      results.render(last);
      if (last.complete) results.renderExtras(last);
    },
    inputProblem: () => results.markStale('A field cannot be read: see its message. Showing the last estimate.'),
    sweepCandidates: (result) => result.items
      .filter((i) => i.kind === 'labeling' && app.card().tasks[i.task]?.active_learning)
      .map((i) => ({ index: i.index, name: i.name })),
  };

  // --- the page ------------------------------------------------------------
  const nameId = uid('f');
  const nameInput = h('input', { id: nameId, type: 'text', maxlength: 200, placeholder: 'Untitled scenario', dataset: { field: 'scenario-name' } });
  nameInput.addEventListener('input', () => {
    state.name = nameInput.value;
    schedule();
  });
  const presetId = uid('f');
  const presetSelect = h('select', { id: presetId },
    h('option', { value: '', text: 'Choose…' }),
    h('option', { value: '-empty', text: 'Empty scenario' }),
    presets.map((p) => h('option', { value: p.name, text: p.title || p.name })));
  presetSelect.addEventListener('change', () => {
    const value = presetSelect.value;
    presetSelect.value = '';
    if (!value) return;
    load(value === '-empty' ? { labelcost: 1, rates: state.rates, items: [] } : presets.find((p) => p.name === value).scenario);
    say(value === '-empty' ? 'Empty scenario loaded.' : `Preset loaded: ${presets.find((p) => p.name === value).title}.`);
  });
  const cardId = uid('f');
  const cardSelect = h('select', { id: cardId }, cards.map((c) => h('option', { value: c.id, text: `${c.title}${c.default ? ' (default)' : ''}` })));
  cardSelect.addEventListener('change', () => {
    state.rates = cardSelect.value;
    editor.render();
    schedule();
  });
  const importInput = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    try {
      const { importedScenario } = await exporting();
      if (load(importedScenario(await file.text()))) say(`Imported ${file.name}.`);
    } catch (error) {
      say(error.message, true);
    }
  });
  const button = (text, onclick, attrs = {}) => h('button', { type: 'button', onclick, ...attrs, text });
  const toolbar = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Export and import' },
    button('Download CSV', async () => {
      const { estimateCsv, download, fileStem } = await exporting();
      if (last) download(`${fileStem(state.name)}.csv`, estimateCsv(last.result), 'text/csv');
    }, { dataset: { export: 'csv' } }),
    button('Download JSON', async () => {
      const { estimateJson, download, fileStem } = await exporting();
      if (last) download(`${fileStem(state.name)}.json`, estimateJson(scenario(), last.result), 'application/json');
    }, { dataset: { export: 'json' } }),
    button('Open JSON…', () => importInput.click(), { dataset: { import: '' } }),
    button('Print', () => window.print()),
    importInput);
  const siteUrl = options.siteUrl ?? location.href.replace(/#.*$/, '');
  const linkFor = async () => new URL(`#${await (await linking()).encodeScenario(scenario())}`, siteUrl).href;
  const share = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Share' },
    button('Copy link', async () => {
      const url = await linkFor();
      try {
        await navigator.clipboard.writeText(url);
        say('Link copied: it opens this scenario, with these numbers, for anyone.');
      } catch {
        showDialog('Link to this scenario', [{ label: 'Link', text: url }]);
      }
    }, { dataset: { share: 'copy' } }),
    typeof navigator.share === 'function' ? button('Share…', async () => {
      try {
        await navigator.share({ title: state.name || 'labelcost estimate', url: await linkFor() });
      } catch {
        // dismissed
      }
    }) : null,
    button('Embed…', async () => {
      const [{ embedSnippets }, { encodeScenario }] = await Promise.all([snippets(), linking()]);
      showDialog('Embed this calculator', embedSnippets({ scenario: scenario(), siteUrl, fragment: await encodeScenario(scenario()), title: state.name }));
    }, { dataset: { share: 'embed' } }),
    button('Reset', () => {
      options.reset?.();
      load(defaultScenario());
      say('Reset to the default scenario.');
    }, { dataset: { share: 'reset' } }));
  async function showDialog(title, blocks) {
    (await snippets()).openDialog(root, title, blocks, (label) => say(`${label} copied.`));
  }
  const status = h('p', { class: 'status', role: 'status' });
  const notice = h('p', { class: 'notice', role: 'alert', hidden: !options.notice, text: options.notice ?? '' });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const editorRoot = h('div', { class: 'editor' });
  const resultsRoot = h('div', { class: 'results' });
  const printHeader = h('div', { class: 'print-only print-header' });

  if (options.compact) {
    fill(root, notice, announcer, h('div', { class: 'layout compact' }, resultsRoot));
  } else {
    fill(root,
      h('div', { class: 'controls' },
        h('div', { class: 'field grow' }, h('label', { for: nameId, text: 'Scenario' }), nameInput),
        h('div', { class: 'field' }, h('label', { for: presetId, text: 'Start from a preset' }), presetSelect),
        h('div', { class: 'field' }, h('label', { for: cardId, text: 'Rate card' }), cardSelect),
        toolbar, share),
      notice, status, announcer, printHeader,
      h('div', { class: 'layout' },
        h('section', { class: 'panel editor-panel', 'aria-labelledby': `${nameId}-items` },
          h('h2', { id: `${nameId}-items`, text: 'What will you label?' }), editorRoot),
        resultsRoot));
  }

  const editor = createEditor(editorRoot, app);
  const results = createResults(resultsRoot, app, { compact: !!options.compact });

  function say(text, error = false) {
    status.textContent = text;
    status.classList.toggle('error', error);
  }

  let announceTimer;
  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { announcer.textContent = text; }, 600);
  }

  /** The scenario as priced: format v1, without the page's own item ids. */
  function scenario() {
    const s = { labelcost: 1 };
    if (state.name.trim()) s.name = state.name;
    s.rates = app.card().id;
    s.items = state.items.map((i) => i.data);
    return s;
  }

  function defaultScenario() {
    return presets.find((p) => p.name === 'computer-vision-startup')?.scenario ?? { labelcost: 1, items: [] };
  }

  /**
   * Shows a scenario. One that pins a rate card this build does not have is
   * refused (pricing it on another card would change its numbers silently):
   * returns false and says so.
   */
  function load(s, { editorLater = false } = {}) {
    if (s.rates && !cardById(s.rates)) {
      notify(`This scenario is pinned to rate card "${s.rates}", which this version of labelcost does not have. The scenario on screen is unchanged.`);
      return false;
    }
    state.name = typeof s.name === 'string' ? s.name : '';
    state.rates = cardById(s.rates ?? '')?.id ?? defaultCard;
    state.items = (Array.isArray(s.items) ? s.items : []).map((data) => ({ id: app.nextId(), data: structuredClone(data) }));
    state.chartItem = null;
    state.tableTask = null;
    nameInput.value = state.name;
    cardSelect.value = app.card().id;
    editor.clearDrafts();
    if (!editorLater) {
      editor.render();
      schedule();
      return true;
    }
    // On opening the page: the total first, then the editor.
    recompute();
    afterPaint(() => {
      editor.render();
      if (last) editor.annotate({ result: last.result, warnings: last.result.warnings, notes: last.notes });
    });
    return true;
  }

  function notify(text) {
    notice.textContent = text ?? '';
    notice.hidden = !text;
  }

  // --- computing -----------------------------------------------------------
  let last = null;
  let scheduled = false;
  let opened = false; // the first estimate is of what was opened: nothing to save yet
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(recompute);
  }

  const attempt = (f) => {
    try {
      return f();
    } catch (error) {
      if (error instanceof LabelcostError) return null;
      throw error;
    }
  };

  function recompute() {
    scheduled = false;
    const s = scenario();
    let result;
    try {
      result = engine.estimate(s);
    } catch (error) {
      if (!(error instanceof LabelcostError)) throw error;
      const unplaced = editor.annotate({ result: last?.result, errors: error.errors });
      const where = unplaced.length ? `: ${unplaced.map((e) => e.message).join('; ')}` : '; see the highlighted fields';
      results.markStale(last ? `This change cannot be priced${where}. Showing the last estimate.` : `This scenario cannot be priced${where}.`);
      announce('This change cannot be priced yet.');
      return;
    }

    last = { result, stale: editor.hasDrafts() ? 'A field cannot be read: see its message. The estimate leaves that change out.' : null };
    results.render(last);
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
  let persistTimer;
  function persist(s) {
    clearTimeout(persistTimer);
    persistTimer = setTimeout(async () => {
      const fragment = await (await linking()).encodeScenario(s);
      if (location.hash !== `#${fragment}`) history.replaceState(history.state, '', `#${fragment}`);
      options.save?.(s);
    }, 250);
  }

  function extras(s, view) {
    const { result } = view;
    const card = app.card();
    if (options.compact) {
      // Results only: what today's card gives is all that is shown besides.
      view.cards = attempt(() => engine.compareCards({ scenario: s }));
      view.pinned = pinnedNote(card, view.cards);
      results.renderExtras(view);
      return;
    }
    // After the first frame: a page's first local date costs 2-5 ms.
    printHeader.textContent = `${state.name || 'labelcost estimate'} · ${new Date().toLocaleDateString()} · ${card.title}`;
    const candidates = app.sweepCandidates(result);
    if (!candidates.some((c) => c.index === state.chartItem)) {
      state.chartItem = (candidates.find((c) => result.items[c.index].savings) ?? candidates[0])?.index ?? null;
    }
    let sweep = null;
    if (state.chartItem !== null) {
      // At 0% auto-labeled nothing is auto-labeled and no compute is due: the
      // curve starts at the item's cost without active learning.
      sweep = attempt(() => engine.sweep({ scenario: s, item: state.chartItem, x: { field: 'auto_fraction', from: 0, to: 0.95, steps: 96 } }));
      const item = result.items[state.chartItem];
      if (sweep && !item.savings) {
        // Where active learning would start to pay, if it were turned on.
        const on = structuredClone(s);
        on.items[state.chartItem].active_learning = {};
        sweep.break_even = attempt(() => engine.estimate(on))?.items[state.chartItem].savings?.break_even ?? null;
      }
    }

    const alTasks = Object.keys(card.tasks).filter((t) => card.tasks[t].active_learning);
    if (!alTasks.includes(state.tableTask)) {
      state.tableTask = result.items.find((i) => i.kind === 'labeling' && alTasks.includes(i.task))?.task ?? alTasks[0];
    }
    const own = result.items.find((i) => i.kind === 'labeling' && i.task === state.tableTask);
    const sizes = [10000, 50000, 100000];
    if (own && own.objects > 0 && !sizes.includes(own.objects)) sizes.push(own.objects);
    sizes.sort((a, b) => a - b);
    const table = state.tableTask ? attempt(() => engine.savingsTable({ task: state.tableTask, rates: card.id, workforce: own?.workforce ?? 'mturk', sizes })) : null;

    let labor;
    let laborProblem = null;
    const { hourly, seconds } = state.compareLabor;
    if ((hourly ?? '').trim() || (seconds ?? '').trim()) {
      const hv = readNumber(hourly);
      const sv = readNumber(seconds);
      if (hv === null || sv === null) laborProblem = 'Type both the hourly pay and the seconds per object as numbers, like 25 and 30.';
      else labor = { hourly: hv, seconds_per_object: sv };
    }
    const workforces = attempt(() => engine.compareWorkforces(labor ? { scenario: s, labor } : { scenario: s }));
    const cardsCompared = attempt(() => engine.compareCards({ scenario: s }));

    const notes = cardNotes(result, cardsCompared, card);
    view.pinned = pinnedNote(card, cardsCompared);
    Object.assign(view, { sweep, sizes: table, workforces, cards: cardsCompared, laborProblem, notes, complete: true });
    results.renderExtras(view);
    editor.annotate({ result, warnings: result.warnings, notes });
  }

  // A scenario on another card than today's default says what the default gives.
  function pinnedNote(card, compared) {
    if (card.id === defaultCard) return null;
    const today = compared?.rows.find((r) => r.rates.id === defaultCard);
    if (!today) return null;
    return `Priced with ${card.title}, as this scenario pins it. Today's default rate card, ${today.rates.title}, `
      + (today.ok ? `gives ${money(today.total)}${today.labor_excluded ? ' (excluding private labor)' : ''}.`
        : `cannot price it: ${today.errors.map((e) => e.message).join('; ')}.`);
  }

  // What the other rate cards say at each item.
  function cardNotes(result, compared, card) {
    const notes = new Map();
    const add = (i, text) => {
      if (!notes.has(i)) notes.set(i, []);
      if (!notes.get(i).includes(text)) notes.get(i).push(text);
    };
    result.items.forEach((item, i) => {
      if (item.task && card.tasks[item.task]?.note) add(i, card.tasks[item.task].note);
    });
    for (const row of compared?.rows ?? []) {
      if (row.current) continue;
      const other = cardById(row.rates.id);
      result.items.forEach((item, i) => {
        if (item.kind !== 'labeling' && item.kind !== 'auto-labeling') return;
        const errors = row.ok ? [] : row.errors.filter((e) => e.path === `items[${i}]` || e.path.startsWith(`items[${i}].`));
        if (errors.length) add(i, `${row.rates.title}: ${errors.map((e) => e.message).join('; ')}`);
        else if (row.ok) add(i, `${row.rates.title}: ${money(row.items[i].cost)} for this item.`);
        if (item.task && other?.tasks[item.task]?.note) add(i, other.tasks[item.task].note);
      });
    }
    return notes;
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
    try {
      engine.estimate(initial);
    } catch (error) {
      if (!(error instanceof LabelcostError)) throw error;
      const why = error.errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
      notice.textContent = `${notice.textContent ? `${notice.textContent} ` : ''}This scenario cannot be opened (${why}). The default scenario is shown instead.`;
      notice.hidden = false;
      initial = null;
    }
  }
  load(initial ?? defaultScenario(), { editorLater: true });
  return {
    engine,
    /** Shows a scenario; false (and a notice) when its rate card is not bundled. */
    load: (s) => load(s),
    scenario,
    preset: (name) => presets.find((p) => p.name === name)?.scenario ?? null,
    result: () => last?.result ?? null,
    state,
    notify,
    updateAccepted: false,
    /** Offers a newly deployed version; `accept` activates it (the page then reloads). */
    offerUpdate(accept) {
      const api = this;
      fill(notice, 'A new version of labelcost is ready. ', button('Reload to use it', () => {
        api.updateAccepted = true;
        accept();
      }));
      notice.hidden = false;
    },
  };
}
