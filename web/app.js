// The calculator page: state, the engine calls, and the toolbar. Rendering is
// in editor.js and results.js; the engine is reached only through engine.js.
import { loadEngine, LabelcostError } from './engine.js';
import { h, fill, uid } from './dom.js';
import { readNumber, money, count } from './numbers.js';
import { createEditor } from './editor.js';
import { createResults } from './results.js';
import { estimateCsv, estimateJson, importedScenario, download, fileStem } from './exporting.js';

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
 * @param {{scenario?: object, engineOptions?: object, onResult?: (result: object) => void}} [options]
 */
export async function startCalculator(root, options = {}) {
  const loading = loadEngine(options.engineOptions);
  // The module compiles off the main thread; meanwhile, load the locale data
  // that formatting numbers needs (slow the first time).
  money('0');
  count('0');
  const engine = await loading;
  performance.mark('labelcost:engine-ready');
  const cards = engine.rates().cards;
  const presets = engine.presets().presets;
  const defaultCard = engine.rates().default;

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
      load(importedScenario(await file.text()));
      say(`Imported ${file.name}.`);
    } catch (error) {
      say(error.message, true);
    }
  });
  const button = (text, onclick, attrs = {}) => h('button', { type: 'button', onclick, ...attrs, text });
  const toolbar = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Export and import' },
    button('Download CSV', () => last && download(`${fileStem(state.name)}.csv`, estimateCsv(last.result), 'text/csv'), { dataset: { export: 'csv' } }),
    button('Download JSON', () => last && download(`${fileStem(state.name)}.json`, estimateJson(scenario(), last.result), 'application/json'), { dataset: { export: 'json' } }),
    button('Open JSON…', () => importInput.click(), { dataset: { import: '' } }),
    button('Print', () => window.print()),
    importInput);
  const status = h('p', { class: 'status', role: 'status' });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const editorRoot = h('div', { class: 'editor' });
  const resultsRoot = h('div', { class: 'results' });
  const printHeader = h('div', { class: 'print-only print-header' });

  fill(root,
    h('div', { class: 'controls' },
      h('div', { class: 'field grow' }, h('label', { for: nameId, text: 'Scenario' }), nameInput),
      h('div', { class: 'field' }, h('label', { for: presetId, text: 'Start from a preset' }), presetSelect),
      h('div', { class: 'field' }, h('label', { for: cardId, text: 'Rate card' }), cardSelect),
      toolbar),
    status, announcer, printHeader,
    h('div', { class: 'layout' },
      h('section', { class: 'panel editor-panel', 'aria-labelledby': `${nameId}-items` },
        h('h2', { id: `${nameId}-items`, text: 'What will you label?' }), editorRoot),
      resultsRoot));

  const editor = createEditor(editorRoot, app);
  const results = createResults(resultsRoot, app);

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

  function load(s, { editorLater = false } = {}) {
    state.name = typeof s.name === 'string' ? s.name : '';
    state.rates = cardById(s.rates ?? '')?.id ?? (s.rates ? s.rates : defaultCard);
    state.items = (Array.isArray(s.items) ? s.items : []).map((data) => ({ id: app.nextId(), data: structuredClone(data) }));
    state.chartItem = null;
    state.tableTask = null;
    nameInput.value = state.name;
    cardSelect.value = app.card().id;
    editor.clearDrafts();
    if (!editorLater) {
      editor.render();
      schedule();
      return;
    }
    // On opening the page: the total first, then the editor.
    recompute();
    afterPaint(() => {
      editor.render();
      if (last) editor.annotate({ result: last.result, warnings: last.result.warnings, notes: last.notes });
    });
  }

  // --- computing -----------------------------------------------------------
  let last = null;
  let scheduled = false;
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
    printHeader.textContent = `${state.name || 'labelcost estimate'} · ${new Date().toLocaleDateString()} · ${app.card().title}`;
    announce(`${result.labor_excluded ? 'Total excluding private labor' : 'Total'} ${money(result.total)}`);
    options.onResult?.(result, s);
    // The rest (charts, tables, comparisons) follows in the next task, so that
    // the total shows first; a newer edit replaces it.
    const view = last;
    afterPaint(() => {
      if (last === view) extras(s, view);
    });
  }

  function extras(s, view) {
    const { result } = view;
    const card = app.card();
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
    Object.assign(view, { sweep, sizes: table, workforces, cards: cardsCompared, laborProblem, notes, complete: true });
    results.renderExtras(view);
    editor.annotate({ result, warnings: result.warnings, notes });
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

  load(options.scenario ?? presets.find((p) => p.name === 'computer-vision-startup')?.scenario ?? { labelcost: 1, items: [] }, { editorLater: true });
  return { engine, load, scenario, result: () => last?.result ?? null, state };
}
