// What the page shows besides the estimate, each from engine calls: the
// savings curve, the table across dataset sizes, the same scenario on every
// workforce and on every rate card, and where the cards disagree. Nothing
// here computes a price.
// (It reaches the engine only through the context: a module loaded on
// demand that imported engine.js would move the adapter out of the page's
// script, away from the module files it finds beside itself.)
import { readNumber, money } from './numbers.js';
import { unavailableWorkforces } from './availability.js';

// The curve of cost against the share auto-labeled, for one item.
function savingsSweep({ engine, attempt }, s, result, index) {
  if (index === null) return null;
  // At 0% auto-labeled nothing is auto-labeled and no compute is due: the
  // curve starts at the item's cost without active learning.
  const sweep = attempt(() => engine.sweep({ scenario: s, item: index, x: { field: 'auto_fraction', from: 0, to: 0.95, steps: 96 } }));
  if (sweep && !result.items[index].savings) {
    // Where active learning would start to pay, if it were turned on.
    const on = structuredClone(s);
    on.items[index].active_learning = {};
    sweep.break_even = attempt(() => engine.estimate(on))?.items[index].savings?.break_even ?? null;
  }
  return sweep;
}

// Savings across dataset sizes for one task, the scenario's own size included.
function sizesTable(ctx, card, result, task) {
  const { engine, attempt } = ctx;
  if (!task) return null;
  const own = result.items.find((i) => i.kind === 'labeling' && i.task === task);
  const sizes = [10000, 50000, 100000];
  if (own && own.objects > 0 && !sizes.includes(own.objects)) sizes.push(own.objects);
  sizes.sort((a, b) => a - b);
  return attempt(() => engine.savingsTable({ task, rates: ctx.ownCard() ?? card.id, workforce: own?.workforce ?? 'mturk', sizes }));
}

// Private pay typed for the workforce comparison, read or refused.
function comparisonLabor({ hourly, seconds }) {
  if (!(hourly ?? '').trim() && !(seconds ?? '').trim()) return { labor: null, problem: null };
  const hv = readNumber(hourly);
  const sv = readNumber(seconds);
  if (hv === null || sv === null) return { labor: null, problem: 'Type both the hourly pay and the seconds per object as numbers, like 25 and 30.' };
  return { labor: { hourly: hv, seconds_per_object: sv }, problem: null };
}

/**
 * Everything for the sections after the estimate.
 * @param {import('./app.js').Context} ctx
 * @param {object} s       the scenario as priced
 * @param {object} result  its estimate
 */
export function computeExtras(ctx, s, result) {
  const { engine, state, attempt } = ctx;
  const card = ctx.card();
  const candidates = ctx.sweepCandidates(result);
  if (!candidates.some((c) => c.index === state.chartItem)) {
    state.chartItem = (candidates.find((c) => result.items[c.index].savings) ?? candidates[0])?.index ?? null;
  }
  const alTasks = Object.keys(card.tasks).filter((t) => card.tasks[t].active_learning);
  if (!alTasks.includes(state.tableTask)) {
    state.tableTask = result.items.find((i) => i.kind === 'labeling' && alTasks.includes(i.task))?.task ?? alTasks[0] ?? null;
  }
  const { labor, problem } = comparisonLabor(state.compareLabor);
  const workforces = attempt(() => engine.compareWorkforces(labor ? { scenario: s, labor } : { scenario: s }));
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

/** For results only: the other cards' totals. */
export function compactExtras(ctx, s) {
  const cards = ctx.attempt(() => ctx.engine.compareCards({ scenario: s }));
  return { cards, pinned: pinnedNote(ctx, cards) };
}

// A scenario on another card than today's default says what the default gives.
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
function cardNotes(ctx, result, compared) {
  const card = ctx.card();
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
    const other = ctx.cardById(row.rates.id);
    result.items.forEach((item, i) => {
      if (item.kind !== 'labeling' && item.kind !== 'auto-labeling') return;
      const refused = !row.ok && row.errors.some((e) => e.path === `items[${i}]` || e.path.startsWith(`items[${i}].`));
      if (refused) add(i, `${row.rates.title} cannot price this item as it is.`);
      else if (row.ok) add(i, `${row.rates.title}: ${money(row.items[i].cost)} for this item.`);
      if (item.task && other?.tasks[item.task]?.note) add(i, other.tasks[item.task].note);
    });
  }
  return notes;
}
