// The sections after the estimate: where the money goes (charts), the
// effort and schedule, plans side by side, what active learning saves, other workforces and rate cards, and the rate card
// itself. Loaded after the first estimate is on screen; every amount shown
// is one the engine returned.
import { h, fill, uid } from './dom.js';
import { money, count, percent, fractionPercent, date, chartValue, compactMoney } from './numbers.js';
import { breakdownChart, savingsChart } from './chart.js';
import { unavailableText } from './availability.js';
import { section, table } from './panels.js';
import { createBudget } from './budget.js';
import { createEffort } from './effort.js';
import { createPlans } from './plans.js';

/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').ItemResult} ItemResult */
/** @typedef {import('./types.js').Savings} Savings */
/** @typedef {import('./app.js').View} View */
/** @typedef {import('./app.js').PageCard} PageCard */
/** @typedef {PageCard['assumptions'][number]} Assumption */
/** @typedef {PageCard['sources'][number]} Source */

/**
 * @param {HTMLElement} root  the results column (its width sizes the charts)
 * @param {import('./app.js').Context} app
 * @param {{summary: HTMLElement}} where  the estimate's panel, which the budget question joins
 * @returns {{elements: HTMLElement[], render: (view: View) => void}}
 */
export function createSections(root, app, { summary }) {
  const budget = createBudget(app);
  summary.append(budget.element);
  const effort = createEffort(app);
  const plans = createPlans(app);
  const breakdownEl = h('div');
  const chartItemId = uid('f');
  const chartItem = h('select', { id: chartItemId });
  chartItem.addEventListener('change', () => {
    app.state.chartItem = Number(chartItem.value);
    app.recompute();
  });
  const savingsChartEl = h('div', { class: 'chart-wrap' });
  const chartItemField = h('div', { class: 'field inline' }, h('label', { for: chartItemId, text: 'For item' }), chartItem);

  const itemSavingsEl = h('div');
  const tableTaskId = uid('f');
  const tableTask = h('select', { id: tableTaskId });
  tableTask.addEventListener('change', () => {
    app.state.tableTask = tableTask.value;
    app.recompute();
  });
  const sizesTableEl = h('div');

  const hourlyId = uid('f');
  const secondsId = uid('f');
  const hourly = h('input', { id: hourlyId, type: 'text', inputmode: 'decimal', placeholder: 'e.g. 25', value: app.state.compareLabor.hourly ?? '' });
  const seconds = h('input', { id: secondsId, type: 'text', inputmode: 'decimal', placeholder: 'e.g. 30', value: app.state.compareLabor.seconds ?? '' });
  for (const [el, key] of /** @type {[HTMLInputElement, 'hourly' | 'seconds'][]} */ ([[hourly, 'hourly'], [seconds, 'seconds']])) {
    el.addEventListener('input', () => {
      app.state.compareLabor[key] = el.value;
      app.recompute();
    });
  }
  const laborMsg = h('small', { class: 'msg', role: 'status' });
  const workforcesEl = h('div');
  const cardsEl = h('div');
  const cardInfoEl = h('div', { class: 'card-info' });

  const elements = [
    section('charts', 'Where the money goes',
      h('h3', { text: 'Cost by item' }), breakdownEl,
      h('h3', { text: 'Cost against the share auto-labeled' }), chartItemField, savingsChartEl),
    effort.element,
    plans.element,
    section('savings', 'What active learning saves', itemSavingsEl,
      h('h3', { text: 'Across dataset sizes' }),
      h('div', { class: 'field inline' }, h('label', { for: tableTaskId, text: 'Task' }), tableTask),
      sizesTableEl),
    section('compare', 'Other workforces and rate cards',
      h('fieldset', { class: 'row labor' }, h('legend', { text: 'Private workforce pay, for this comparison' }),
        h('div', { class: 'field' }, h('label', { for: hourlyId }, 'Hourly pay', h('span', { class: 'unit', text: ' ($)' })), hourly),
        h('div', { class: 'field' }, h('label', { for: secondsId, text: 'Seconds per object, per worker' }), seconds),
        laborMsg),
      workforcesEl, cardsEl),
    section('card', 'Rate card', cardInfoEl),
  ];

  // The width comes from an observer of the results column (reading it
  // would force a layout; the chart's own panel may be skipped off screen),
  // less the panel's padding and border.
  let width = 640;
  const chartWidth = () => width;
  /** @type {[Result, View['sweep']] | null} */
  let drawn = null;
  let drawnWidth = 0;
  new ResizeObserver(([entry]) => {
    if (!entry.contentRect.width) return;
    width = entry.contentRect.width - 2 * 17;
    if (drawn && Math.abs(width - drawnWidth) > 24) renderCharts(...drawn);
  }).observe(root);

  /**
   * @param {Result} result
   * @param {View['sweep']} sweep
   */
  function renderCharts(result, sweep) {
    drawn = [result, sweep];
    drawnWidth = chartWidth();
    fill(breakdownEl, breakdownChart(result.items.map((i) => ({ label: i.name, value: chartValue(i.cost), text: money(i.cost) })),
      `Cost by item: ${result.items.map((i) => `${i.name} ${money(i.cost)}`).join(', ')}`));
    const candidates = app.sweepCandidates(result);
    fill(chartItem, candidates.map((c) => h('option', { value: c.index, text: `${c.index + 1}. ${c.name}`, selected: c.index === app.state.chartItem })));
    chartItemField.hidden = candidates.length === 0;
    if (!sweep) {
      fill(savingsChartEl, h('p', { class: 'hint', text: candidates.length
        ? 'This chart needs the selected item to be priceable.'
        : 'Add a labeling item for image classification, bounding boxes, semantic segmentation or text classification to see how cost falls as more is auto-labeled.' }));
      return;
    }
    const xs = sweep.x.values.map(Number);
    const ys = sweep.totals[0].map(chartValue);
    const baselineText = sweep.totals[0][0];
    const baseline = chartValue(baselineText);
    const item = result.items[sweep.item];
    const breakEven = item.savings?.break_even ?? sweep.break_even ?? null;
    const current = item.automated !== undefined && /** @type {number} */ (item.labeled) > 0 && item.savings ? item.automated / /** @type {number} */ (item.labeled) : null;
    fill(savingsChartEl,
      savingsChart({ xs, ys, baseline, breakEven: breakEven === null ? null : Number(breakEven), current,
        formatY: compactMoney, formatX: (x) => `${Math.round(x * 100)}%`, formatMarker: fractionPercent, width: chartWidth(),
        title: `Total cost as ${item.name} is auto-labeled from 0% to ${Math.round(xs[xs.length - 1] * 100)}%: ${money(baselineText)} to ${money(sweep.totals[0][xs.length - 1])}.` }),
      h('p', { class: 'chart-caption' },
        `Dashed: the total with ${item.name} labeled entirely by people (${money(baselineText)}). `,
        breakEven !== null ? `Active learning pays from ${fractionPercent(breakEven)} auto-labeled. ` : 'Active learning does not pay for this item at any share. ',
        current !== null ? `The dot is this scenario (${fractionPercent(current)}).` : ''));
  }

  /**
   * @param {Result} result
   * @param {View['sizes']} sizes
   */
  function renderSavings(result, sizes) {
    const rows = /** @type {(ItemResult & {savings: Savings})[]} */ (result.items.filter((i) => i.savings)).map((i) => h('tr', null,
      h('th', { scope: 'row', text: i.name }),
      h('td', { class: 'num', text: money(i.savings.without) }),
      h('td', { class: 'num', text: money(i.savings.with) }),
      h('td', { class: 'num', text: money(i.savings.saved) }),
      h('td', { class: 'num', text: percent(i.savings.percent) }),
      h('td', { class: 'num', text: i.savings.break_even ? fractionPercent(i.savings.break_even) : i.kind === 'labeling' ? 'never' : '—' })));
    fill(itemSavingsEl, rows.length
      ? table('Savings by item', ['Item', 'Without', 'With', 'Saved', 'Saved %', 'Pays from'], rows, { numeric: [1, 2, 3, 4, 5] })
      : h('p', { class: 'hint', text: 'No item uses active learning yet: tick it on a labeling item, or give an auto-labeled batch its task.' }));

    const card = app.card();
    const tasks = Object.entries(card.tasks).filter(([, t]) => t.active_learning);
    fill(tableTask, tasks.map(([id, t]) => h('option', { value: id, text: t.title, selected: id === app.state.tableTask })));
    if (!sizes) {
      fill(sizesTableEl);
      return;
    }
    const unit = card.tasks[sizes.task]?.unit ?? 'object';
    fill(sizesTableEl, table(`Savings for ${card.tasks[sizes.task]?.title} across dataset sizes`,
      [`Dataset (${unit}s)`, 'Without active learning', 'With active learning', 'Saved'],
      sizes.rows.map((r) => h('tr', null,
        h('th', { scope: 'row', class: 'num', text: count(r.objects) }),
        h('td', { class: 'num', text: money(r.without) }),
        h('td', { class: 'num wrap', text: `${money(r.labels)} + ${money(r.compute)} compute = ${money(r.with)}` }),
        h('td', { class: 'num', text: percent(r.percent) }))),
      { numeric: [0, 1, 2, 3] }));
  }

  /**
   * @param {View['workforces']} workforces
   * @param {View['cards']} cards
   * @param {View['laborProblem']} laborProblem
   */
  function renderCompare(workforces, cards, laborProblem) {
    laborMsg.textContent = laborProblem ?? '';
    if (workforces) {
      fill(workforcesEl, table('The scenario with every labeling item on each workforce', ['Workforce', 'Total', 'Range', 'Notes'],
        workforces.rows.map((r) => h('tr', null,
          h('th', { scope: 'row', text: r.title }),
          h('td', { class: 'num', text: r.ok ? money(r.total) : '—' }),
          h('td', { class: 'num', text: r.ok && r.low !== r.high ? `${money(r.low)} – ${money(r.high)}` : '' }),
          h('td', null, r.unavailable.length ? h('span', { class: 'badge warn', text: 'not available' }) : null,
            r.unavailable.length ? ` ${unavailableText(r.unavailable)}` : '',
            r.ok ? (r.labor_excluded ? ' Excludes private labor.' : '') : ` ${app.describeRefusal(r.errors)}`))),
        { numeric: [1, 2] }));
    } else {
      fill(workforcesEl);
    }
    if (cards) {
      fill(cardsEl, table('The scenario on each rate card', ['Rate card', 'Total', 'Range', 'Notes'],
        cards.rows.map((r) => h('tr', { class: r.current ? 'current' : null },
          h('th', { scope: 'row' }, r.rates.title, r.current ? h('span', { class: 'badge', text: 'this one' }) : null),
          h('td', { class: 'num', text: r.ok ? money(r.total) : '—' }),
          h('td', { class: 'num', text: r.ok && r.low !== r.high ? `${money(r.low)} – ${money(r.high)}` : '' }),
          h('td', { text: r.ok ? (r.notes ?? []).join(' ') : app.describeRefusal(r.errors) }))),
        { numeric: [1, 2] }));
    } else {
      fill(cardsEl);
    }
  }

  /**
   * The sources an assumption names that the card lists: its source, then the others.
   * @param {Assumption} a
   * @param {Record<string, Source>} sources
   */
  const named = (a, sources) => /** @type {string[]} */ ([a.source, ...(a.also ?? [])].filter((id) => id && sources[id]));

  /**
   * @param {Assumption[]} list
   * @param {Record<string, Source>} sources
   * @param {string} cls
   */
  function assumptionList(list, sources, cls) {
    return h('ul', { class: cls }, list.map((a) => h('li', { class: a.confirmed ? 'confirmed' : 'unconfirmed' },
      h('span', { class: `badge ${a.confirmed ? 'ok' : 'warn'}`, text: a.confirmed ? 'confirmed' : 'unconfirmed' }),
      ` ${a.text}`,
      named(a, sources).length ? h('span', { class: 'source', text: ` (${named(a, sources).map((id) => sources[id].title).join('; ')})` }) : null)));
  }

  /**
   * @param {Source[]} list
   * @param {string} cls
   */
  function sourceList(list, cls) {
    return h('ul', { class: cls }, list.map((x) => h('li', null,
      x.url ? h('a', { href: x.url, rel: 'noopener noreferrer', target: '_blank', text: x.title }) : x.title)));
  }

  function renderCard() {
    const card = app.card();
    const sources = Object.fromEntries(card.sources.map((s) => [s.id, s]));
    // The effort's assumptions on their own: they change no price.
    const forEffort = new Set(Object.values(card.effort ?? {}).map((e) => e.assumption));
    const pricing = new Set([...Object.values(card.tasks), ...Object.values(card.workforces)].map((t) => t.assumption));
    const effortOnly = card.assumptions.filter((a) => forEffort.has(a.id) && !pricing.has(a.id));
    const priced = card.assumptions.filter((a) => !effortOnly.includes(a));
    // Sources that only the effort's assumptions name.
    const used = new Set(priced.flatMap((a) => named(a, sources)));
    const effortSources = new Set(effortOnly.flatMap((a) => named(a, sources)).filter((id) => !used.has(id)));
    fill(cardInfoEl,
      h('p', null, h('strong', { text: card.title }), ` · ${card.id} · effective ${date(card.effective)}`),
      card.summary ? h('p', { text: card.summary }) : null,
      h('h3', { text: 'Assumptions' }),
      assumptionList(priced, sources, 'assumptions'),
      effortOnly.length ? h('h3', { class: 'effort-assumptions-h', text: 'Where the effort figures come from' }) : null,
      effortOnly.length ? assumptionList(effortOnly, sources, 'assumptions effort-assumptions') : null,
      h('h3', { text: 'Sources' }),
      sourceList(card.sources.filter((x) => !effortSources.has(x.id)), 'sources'),
      effortSources.size ? h('h3', { class: 'effort-assumptions-h', text: 'Sources of the effort figures' }) : null,
      effortSources.size ? sourceList(card.sources.filter((x) => effortSources.has(x.id)), 'sources effort-assumptions') : null);
  }


  /**
   * Renders every section for a computed view.
   * @param {View} view
   */
  function render({ result, sweep, sizes, workforces, cards, laborProblem }) {
    budget.render({ result });
    renderCharts(result, sweep);
    effort.render({ result });
    plans.render();
    renderSavings(result, sizes);
    renderCompare(workforces, cards, laborProblem);
    renderCard();
  }
  return { elements, render };
}
