// Results: the engine's numbers, formatted and laid out. Nothing here
// computes a price; every amount shown is one the engine returned.
import { h, fill, uid } from './dom.js';
import { money, count, percent, fractionPercent, date } from './numbers.js';
import { unavailableWarnings } from './availability.js';
import { section, table } from './panels.js';

/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').ItemResult} ItemResult */
/** @typedef {import('./types.js').Part} Part */
/** @typedef {import('./types.js').Effort} Effort */
/** @typedef {import('./types.js').ScheduleAnswer} ScheduleAnswer */
/** @typedef {import('./types.js').CardComparison} CardComparison */
/** @typedef {import('./item-model.js').Card} Card */
/** @typedef {ReturnType<typeof import('./sections.js').createSections>} Sections */

// "20,000 images"; a rework share as "10% of labeling".
/** @param {Part} p */
function quantityText(p) {
  if (p.unit === 'x labeling') return `${fractionPercent(p.quantity)} of labeling`;
  return `${count(p.quantity)} ${p.unit}${p.quantity === '1' || p.unit.endsWith('s') ? '' : 's'}`;
}

// What an item was priced with, in words, for the printout: "Bounding box ·
// Amazon Mechanical Turk · 20,000 objects · 3 workers · no active learning".
/**
 * @param {ItemResult} item
 * @param {Card} card
 */
function inputsText(item, card) {
  if (item.objects === undefined) return '';
  const batch = item.kind === 'auto-labeling';
  const wf = item.workforce && (card.workforces[item.workforce]?.title ?? item.workforce);
  const al = item.active_learning;
  const compute = (/** @type {string} */ perTenK) => `compute ${money(perTenK)} per 10,000`;
  /**
   * @param {number} n
   * @param {string} word
   */
  const counted = (n, word) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
  return [
    item.task && (card.tasks[item.task]?.title ?? item.task),
    batch ? null : wf,
    counted(item.objects, 'object') + (batch ? ' auto-labeled' : ''),
    item.workers === undefined ? null : counted(item.workers, 'worker'),
    al ? `active learning ${fractionPercent(al.auto_fraction)}, ${compute(al.compute_per_10k)}` : null,
    al === null ? 'no active learning' : null,
    item.compute_per_10k ? compute(item.compute_per_10k) : null,
    batch && wf ? `instead of ${wf}` : null,
  ].filter(Boolean).join(' · ');
}

/**
 * Makes `parent`'s children `rows`, moving only the nodes that differ.
 * @param {Node} parent
 * @param {Node[]} rows
 */
function patch(parent, rows) {
  let at = parent.firstChild;
  for (const row of rows) {
    if (row === at) at = at.nextSibling;
    else parent.insertBefore(row, at);
  }
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
}

/**
 * @param {HTMLElement} root
 * @param {import('./app.js').Context} app  state, card(), and setters for the result controls
 * @param {{compact?: boolean}} [options]  compact: results only
 */
export function createResults(root, app, { compact = false } = {}) {
  const totalEl = h('p', { class: 'total', dataset: { total: '' } });
  const totalLabel = h('p', { class: 'total-label', text: 'Total' });
  const rangeEl = h('p', { class: 'range' });
  const perEl = h('p', { class: 'per' });
  const savingsEl = h('p', { class: 'savings-line' });
  const excludedEl = h('p', { class: 'excluded', hidden: true });
  // On paper, the effort and the schedule in one line ("Effort and time" is on screen).
  const effortEl = h('p', { class: 'print-only effort-line' });
  const staleEl = h('p', { class: 'stale', role: 'alert', hidden: true });
  const warningsEl = h('ul', { class: 'warnings' });
  const cardLine = h('p', { class: 'card-line' });
  const otherCards = h('p', { class: 'other-cards' });
  const cardNotices = h('ul', { class: 'card-notices' });
  const pinnedEl = h('p', { class: 'pinned', hidden: true });

  const viewName = uid('view');
  const views = [['total', 'Total'], ['object', 'Per object'], ['1000', 'Per 1,000 objects']];
  const viewGroup = h('fieldset', { class: 'view-toggle' }, h('legend', { text: 'Show item costs' }),
    views.map(([value, label]) => {
      const id = uid('v');
      const input = h('input', { type: 'radio', id, name: viewName, value, checked: app.state.view === value });
      input.addEventListener('change', () => {
        app.state.view = value;
        app.redraw();
      });
      return h('span', { class: 'radio' }, input, h('label', { for: id, text: label }));
    }));
  const estimateBody = h('div');
  estimateBody.append(table('Items, their parts and costs', ['Item', 'Quantity', 'Cost', 'Range'], [], { numeric: [1, 2, 3] }));
  const estimateRows = /** @type {HTMLTableSectionElement} */ (estimateBody.querySelector('tbody'));


  const summary = section('summary', 'Estimate', cardNotices, totalLabel, totalEl, rangeEl, cardLine, otherCards, perEl, savingsEl, effortEl, excludedEl, staleEl, pinnedEl, warningsEl);
  const estimate = section('estimate', 'Items and their parts', viewGroup, estimateBody);
  fill(root, summary, estimate);
  // The sections after the estimate load after it is on screen.
  /** @type {Sections | null} */
  let sections = null;
  /** @type {Promise<Sections> | null} */
  let sectionsLoading = null;
  const loadSections = () => (sectionsLoading ??= import('./sections.js').then(({ createSections }) => {
    sections = createSections(root, app, { summary });
    root.append(...sections.elements);
    return sections;
  }));

  let firstPaint = true;

  // One item's rows; rebuilt only when the item's result or the view changes
  // (one keystroke changes one item, not two hundred).
  /** @type {Map<number, {key: string, rows: HTMLTableRowElement[]}>} */
  let rowCache = new Map();
  /**
   * @param {ItemResult} item
   * @param {string} view
   * @param {Card} card
   */
  function itemBlock(item, view, card) {
    const key = `${view}|${card.id}|${JSON.stringify(item)}`;
    const cached = rowCache.get(item.index);
    if (cached?.key === key) return cached;
    const per = view === 'object' ? item.per_object : view === '1000' ? item.per_1000 : null;
    const shown = view === 'total' ? money(item.cost) : per ? money(per, { unit: view === 'object' }) : '—';
    const rows = [h('tr', { class: 'item-row' },
      h('th', { scope: 'row' }, item.name, item.labor_excluded ? h('span', { class: 'badge', text: 'labor excluded' }) : null),
      h('td', { class: 'num', text: item.objects !== undefined ? count(item.objects) : '' }),
      h('td', { class: 'num', text: shown }),
      h('td', { class: 'num range-cell', text: item.low === item.high ? '' : `${money(item.low)} – ${money(item.high)}` }))];
    const inputs = inputsText(item, card);
    if (inputs) rows.push(h('tr', { class: 'print-only inputs-row' }, h('td', { colspan: 4, text: inputs })));
    for (const p of item.parts) {
      rows.push(h('tr', { class: 'part-row' },
        h('td', { class: 'part-name', text: p.name }),
        h('td', { class: 'num', text: quantityText(p) }),
        h('td', { class: 'num', text: view === 'total' ? `× ${money(p.unit_price, { unit: true })} = ${money(p.cost)}` : '' }),
        h('td')));
    }
    for (const note of item.notes) rows.push(h('tr', { class: 'note-row' }, h('td', { colspan: 4, text: note })));
    return { key, rows };
  }

  /** @param {Result} result */
  function itemRows(result) {
    const view = app.state.view;
    const card = app.card();
    const next = new Map();
    const rows = [];
    for (const item of result.items) {
      const block = itemBlock(item, view, card);
      next.set(item.index, block);
      rows.push(...block.rows);
    }
    rowCache = next;
    const totalPer = view === 'object' ? result.per_object : view === '1000' ? result.per_1000 : null;
    rows.push(h('tr', { class: 'total-row' },
      h('th', { scope: 'row', text: result.labor_excluded ? 'Total (excl. private labor)' : 'Total' }),
      h('td', { class: 'num', text: count(result.objects) }),
      h('td', { class: 'num', text: view === 'total' ? money(result.total) : totalPer ? money(totalPer, { unit: view === 'object' }) : '—' }),
      h('td', { class: 'num', text: result.low === result.high ? '' : `${money(result.low)} – ${money(result.high)}` })));
    return rows;
  }

  /**
   * "Effort: 500 worker-hours (104.44 to 1,468.89); 4 annotators at 30 hours a week: 2.8 weeks."
   * @param {{effort: Effort, schedule: ScheduleAnswer | null}} result
   */
  function effortLine({ effort, schedule }) {
    if (!effort || effort.worker_hours === '0.00') return '';
    const range = effort.low === effort.high ? '' : ` (${count(effort.low)} to ${count(effort.high)})`;
    let line = `Effort: ${count(effort.worker_hours)} worker-hours${range}`;
    if (schedule && !schedule.nothing_staffed) {
      line += schedule.given === 'weeks'
        ? `; to finish in ${count(schedule.weeks)} weeks at ${count(schedule.hours_per_week)} hours a week: ${count(schedule.annotators)} annotators`
        : `; ${count(schedule.annotators)} annotators at ${count(schedule.hours_per_week)} hours a week: ${count(schedule.weeks)} weeks`;
    }
    return `${line}.`;
  }

  /** @param {Result} result */
  function renderSummary(result) {
    totalLabel.textContent = result.labor_excluded ? 'Total, excluding private labor' : 'Total';
    totalEl.textContent = money(result.total);
    rangeEl.textContent = result.low === result.high ? 'One price: the rate card gives no range for these items.'
      : `From ${money(result.low)} to ${money(result.high)} across the rate card's low and high prices.`;
    perEl.textContent = result.objects > 0 ? `${money(result.per_object, { unit: true })} per object · ${money(result.per_1000)} per 1,000 objects (${count(result.objects)} objects)` : '';
    const sv = result.savings;
    savingsEl.textContent = sv.saved !== '0.00' && sv.saved !== '0'
      ? `Active learning ${sv.saved.startsWith('-') ? 'adds' : 'saves'} ${money(sv.saved.replace('-', ''))} of the ${money(sv.without)} this scenario would cost without it (${percent(sv.percent.replace('-', ''))}).`
      : '';
    effortEl.textContent = effortLine(result);
    excludedEl.hidden = !result.labor_excluded;
    excludedEl.textContent = result.labor_excluded ? 'Private labor is not included: add hourly pay and seconds per object to the private items to count it.' : '';
    renderCardLine();
    const own = unavailableWarnings(app.cards, app.scenario().items);
    // Said once: private labor left out has its own line above, a team too
    // small for the schedule is said with the schedule.
    const said = result.warnings.filter((w) => w.code !== 'labor_excluded' && w.code !== 'too_few_annotators').map((w) => app.warningText(w));
    fill(warningsEl, [...new Set([...own, ...said])].map((t) => h('li', { text: t })));
    if (firstPaint) {
      firstPaint = false;
      requestAnimationFrame(() => performance.mark('labelcost:first-estimate'));
    }
  }

  // Whose prices these are, with their source, and notices from any card
  // that change the picture.
  function renderCardLine() {
    const card = app.card();
    const own = !!app.ownCard();
    const source = own ? null : card.sources.find((x) => x.url);
    fill(cardLine, own ? 'Your own prices: ' : 'Prices: ', h('strong', { text: card.title }), `, effective ${date(card.effective)}`,
      h('span', { class: 'card-links' },
        own ? ' · source: your own' : null,
        source ? [' · ', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank', text: 'source' })] : null,
        compact ? null : [' · ', h('a', { href: '#card', text: 'what it assumes' })]));
    fill(cardNotices, [...new Set(app.cards.map((c) => c.notice).filter(Boolean))].map((text) => h('li', { text })));
  }

  // What the other bundled cards give for the same scenario.
  /** @param {CardComparison | null | undefined} cards */
  function renderOtherCards(cards) {
    const others = (cards?.rows ?? []).filter((r) => !r.current);
    fill(otherCards, others.map((r, i) => [i ? ' · ' : '', `${r.rates.title}: `,
      r.ok ? h('strong', { text: money(r.total) }) : 'cannot price this scenario']),
    // (Results only has no comparison to link to.)
    others.length && !compact ? h('span', { class: 'card-links' }, ' — ', h('a', { href: '#compare', text: 'why they differ' })) : null);
  }

  /** @type {Result | null} */
  let current = null;
  /**
   * Renders the total and the items for a new result.
   * @param {{result: Result, stale: string | null}} view  stale: why the result is out of date
   */
  function render({ result, stale }) {
    current = result;
    delete root.dataset.complete;
    staleEl.hidden = !stale;
    staleEl.textContent = stale ?? '';
    root.toggleAttribute('data-stale', !!stale);
    renderSummary(result);
    // A long estimate prints its items without their parts, to fit one page.
    estimateBody.classList.toggle('many', result.items.length > 8);
    patch(estimateRows, itemRows(result));
  }

  /**
   * Renders the charts, savings and comparisons once they are computed.
   * @param {import('./app.js').View} view
   */
  async function renderExtras(view) {
    pinnedEl.hidden = !view.pinned;
    pinnedEl.textContent = view.pinned ?? '';
    renderOtherCards(view.cards);
    if (!compact) {
      const parts = sections ?? await loadSections();
      if (current !== view.result) return; // a newer estimate is on its way
      parts.render(view);
    }
    root.dataset.complete = ''; // everything for this estimate is on screen
  }

  /**
   * Marks the shown result as out of date without replacing it.
   * @param {string} message
   */
  function markStale(message) {
    staleEl.hidden = !message;
    staleEl.textContent = message ?? '';
    root.toggleAttribute('data-stale', !!message);
  }

  return { render, renderExtras, markStale, total: () => totalEl.textContent };
}
