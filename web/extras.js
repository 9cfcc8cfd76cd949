// What the page shows besides the estimate, each from engine calls: the
// savings curve, the table across dataset sizes, the same scenario on every
// workforce and on every rate card, and where the cards disagree. Nothing
// here computes a price.
// (It reaches the engine only through the context: a module loaded on
// demand that imported engine.js would move the adapter out of the page's
// script, away from the module files it finds beside itself.)
import { readNumber, money } from './numbers.js';
import { unavailableWorkforces } from './availability.js';

/** @typedef {import('./app.js').Context} Context */
/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').ItemResult} ItemResult */
/** @typedef {import('./types.js').LabelingItem} LabelingItem */
/** @typedef {import('./types.js').Sweep} Sweep */
/** @typedef {import('./types.js').WorkforceComparison} WorkforceComparison */
/** @typedef {import('./types.js').CardComparison} CardComparison */
/** @typedef {import('./item-model.js').Card} Card */
/** @typedef {import('./availability.js').Unavailable} Unavailable */
/** @typedef {WorkforceComparison['rows'][number] & {unavailable: Unavailable[]}} WorkforceRow  with where it cannot take an item (set once the engine answers) */
/** @typedef {Omit<WorkforceComparison, 'rows'> & {rows: WorkforceRow[]}} Workforces */
/** @typedef {ReturnType<typeof computeExtras>} Extras  what the sections after the estimate show */

// The curve of cost against the share auto-labeled, for one item.
/**
 * @param {Context} ctx
 * @param {Scenario} s
 * @param {Result} result
 * @param {number | null} index
 */
function savingsSweep({ engine, attempt }, s, result, index) {
  if (index === null) return null;
  // At 0% auto-labeled nothing is auto-labeled and no compute is due: the
  // curve starts at the item's cost without active learning.
  const sweep = /** @type {(Sweep & {break_even?: string | null}) | null} */ (attempt(() => engine.sweep({ scenario: s, item: index, x: { field: 'auto_fraction', from: 0, to: 0.95, steps: 96 } })));
  if (sweep && !result.items[index].savings) {
    // Where active learning would start to pay, if it were turned on.
    const on = structuredClone(s);
    /** @type {LabelingItem} */ (on.items[index]).active_learning = {};
    sweep.break_even = attempt(() => engine.estimate(on))?.items[index].savings?.break_even ?? null;
  }
  return sweep;
}

// Savings across dataset sizes for one task, the scenario's own size included.
/**
 * @param {Context} ctx
 * @param {Card} card
 * @param {Result} result
 * @param {string | null} task
 */
function sizesTable(ctx, card, result, task) {
  const { engine, attempt } = ctx;
  if (!task) return null;
  const own = /** @type {(ItemResult & {objects: number}) | undefined} */ (result.items.find((i) => i.kind === 'labeling' && i.task === task));
  const sizes = [10000, 50000, 100000];
  if (own && own.objects > 0 && !sizes.includes(own.objects)) sizes.push(own.objects);
  sizes.sort((a, b) => a - b);
  // A task of the card (your own card's may be none of Task's: see types.js).
  const id = /** @type {import('./types.js').Task} */ (task);
  return attempt(() => engine.savingsTable({ task: id, rates: ctx.ownCard() ?? card.id, workforce: own?.workforce ?? 'mturk', sizes }));
}

// Private pay typed for the workforce comparison, read or refused.
/** @param {{hourly: string, seconds: string}} typed */
function comparisonLabor({ hourly, seconds }) {
  if (!(hourly ?? '').trim() && !(seconds ?? '').trim()) return { labor: null, problem: null };
  const hv = readNumber(hourly);
  const sv = readNumber(seconds);
  if (hv === null || sv === null) return { labor: null, problem: 'Type both the hourly pay and the seconds per object as numbers, like 25 and 30.' };
  return { labor: { hourly: hv, seconds_per_object: sv }, problem: null };
}

/**
 * Everything for the sections after the estimate.
 * @param {Context} ctx
 * @param {Scenario} s       the scenario as priced
 * @param {Result} result  its estimate
 */
export function computeExtras(ctx, s, result) {
  const { engine, state, attempt } = ctx;
  const card = ctx.card();
  const candidates = ctx.sweepCandidates(result);
  if (!candidates.some((c) => c.index === state.chartItem)) {
    state.chartItem = (candidates.find((c) => result.items[c.index].savings) ?? candidates[0])?.index ?? null;
  }
  /** @type {(string | null | undefined)[]} */
  const alTasks = Object.keys(card.tasks).filter((t) => card.tasks[t].active_learning);
  if (!alTasks.includes(state.tableTask)) {
    state.tableTask = result.items.find((i) => i.kind === 'labeling' && alTasks.includes(i.task))?.task ?? alTasks[0] ?? null;
  }
  const { labor, problem } = comparisonLabor(state.compareLabor);
  const workforces = /** @type {Workforces | null} */ (attempt(() => engine.compareWorkforces(labor ? { scenario: s, labor } : { scenario: s })));
  const unavailable = unavailableWorkforces(ctx.cards, s.items);
  for (const row of workforces?.rows ?? []) row.unavailable = unavailable.get(row.workforce) ?? [];
  const cards = attempt(() => engine.compareCards({ scenario: s }));
  return {
    sweep: savingsSweep(ctx, s, result, state.chartItem),
    sizes: sizesTable(ctx, card, result, state.tableTask),
    workforces,
    cards,
    laborProblem: problem,
    notes: cardNotes(ctx, result, cards),
    pinned: pinnedNote(ctx, cards),
    complete: true,
  };
}

/**
 * For results only: the other cards' totals.
 * @param {Context} ctx
 * @param {Scenario} s
 */
export function compactExtras(ctx, s) {
  const cards = ctx.attempt(() => ctx.engine.compareCards({ scenario: s }));
  return { cards, pinned: pinnedNote(ctx, cards) };
}

// A scenario on another card than today's default says what the default gives.
/**
 * @param {Context} ctx
 * @param {CardComparison | null} compared
 */
function pinnedNote(ctx, compared) {
  const card = ctx.card();
  if (card.id === ctx.defaultCard) return null;
  const today = compared?.rows.find((r) => r.rates.id === ctx.defaultCard);
  if (!today) return null;
  return `Priced with ${card.title}. Today's default, ${today.rates.title}, `
    + (today.ok ? `gives ${money(today.total)}${today.labor_excluded ? ' (excluding private labor)' : ''}.`
      : 'cannot price it.');
}

// What the other rate cards say at each item.
/**
 * @param {Context} ctx
 * @param {Result} result
 * @param {CardComparison | null} compared
 */
function cardNotes(ctx, result, compared) {
  const card = ctx.card();
  /** @type {Map<number, string[]>} */
  const notes = new Map();
  /**
   * @param {number} i
   * @param {string} text
   */
  const add = (i, text) => {
    if (!notes.has(i)) notes.set(i, []);
    if (!/** @type {string[]} */ (notes.get(i)).includes(text)) /** @type {string[]} */ (notes.get(i)).push(text);
  };
  result.items.forEach((item, i) => {
    if (item.task && card.tasks[item.task]?.note) add(i, /** @type {string} */ (card.tasks[item.task].note));
  });
  for (const row of compared?.rows ?? []) {
    if (row.current) continue;
    const other = ctx.cardById(row.rates.id);
    result.items.forEach((item, i) => {
      if (item.kind !== 'labeling' && item.kind !== 'auto-labeling') return;
      const refused = !row.ok && row.errors.some((e) => e.path === `items[${i}]` || e.path.startsWith(`items[${i}].`));
      if (refused) add(i, `${row.rates.title} cannot price this item as it is.`);
      else if (row.ok) add(i, `${row.rates.title}: ${money(row.items[i].cost)} for this item.`);
      if (item.task && other?.tasks[item.task]?.note) add(i, /** @type {string} */ (other.tasks[item.task].note));
    });
  }
  return notes;
}
