// Results: the engine's numbers, formatted and laid out. Nothing here
// computes a price; every amount shown is one the engine returned.
import { h, fill, uid } from './dom.js';
import { money, count, percent, fractionPercent, date, chartValue, compactMoney } from './numbers.js';
import { breakdownChart, savingsChart } from './chart.js';
import { unavailableText, unavailableWarnings } from './extras.js';

function section(id, title, ...body) {
  return h('section', { id, class: 'panel', 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h`, text: title }), ...body);
}

// "20,000 images"; a rework share as "10% of labeling".
function quantityText(p) {
  if (p.unit === 'x labeling') return `${fractionPercent(p.quantity)} of labeling`;
  return `${count(p.quantity)} ${p.unit}${p.quantity === '1' || p.unit.endsWith('s') ? '' : 's'}`;
}

// What an item was priced with, in words, for the printout: "Bounding box ·
// Amazon Mechanical Turk · 20,000 objects · 3 workers · no active learning".
function inputsText(item, card) {
  if (item.objects === undefined) return '';
  const batch = item.kind === 'auto-labeling';
  const wf = card.workforces[item.workforce]?.title ?? item.workforce;
  const al = item.active_learning;
  const compute = (perTenK) => `compute ${money(perTenK)} per 10,000`;
  const counted = (n, word) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
  return [
    card.tasks[item.task]?.title ?? item.task,
    batch ? null : wf,
    counted(item.objects, 'object') + (batch ? ' auto-labeled' : ''),
    item.workers === undefined ? null : counted(item.workers, 'worker'),
    al ? `active learning ${fractionPercent(al.auto_fraction)}, ${compute(al.compute_per_10k)}` : null,
    al === null ? 'no active learning' : null,
    item.compute_per_10k ? compute(item.compute_per_10k) : null,
    batch && wf ? `instead of ${wf}` : null,
  ].filter(Boolean).join(' · ');
}

/** Makes `parent`'s children `rows`, moving only the nodes that differ. */
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

function table(caption, headers, rows, { numeric = [] } = {}) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', null,
      h('caption', { class: 'visually-hidden', text: caption }),
      h('thead', null, h('tr', null, headers.map((t, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null, text: t })))),
      h('tbody', null, rows)));
}

/**
 * @param {HTMLElement} root
 * @param {object} app  state, card(), and setters for the result controls
 */
export function createResults(root, app, { compact = false } = {}) {
  const totalEl = h('p', { class: 'total', dataset: { total: '' } });
  const totalLabel = h('p', { class: 'total-label', text: 'Total' });
  const rangeEl = h('p', { class: 'range' });
  const perEl = h('p', { class: 'per' });
  const savingsEl = h('p', { class: 'savings-line' });
  const excludedEl = h('p', { class: 'excluded', hidden: true });
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
  const estimateRows = estimateBody.querySelector('tbody');

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
  for (const [el, key] of [[hourly, 'hourly'], [seconds, 'seconds']]) {
    el.addEventListener('input', () => {
      app.state.compareLabor[key] = el.value;
      app.recompute();
    });
  }
  const laborMsg = h('small', { class: 'msg', role: 'status' });
  const workforcesEl = h('div');
  const cardsEl = h('div');
  const cardInfoEl = h('div', { class: 'card-info' });

  const summary = section('summary', 'Estimate', cardNotices, totalLabel, totalEl, rangeEl, cardLine, otherCards, perEl, savingsEl, excludedEl, staleEl, pinnedEl, warningsEl);
  const estimate = section('estimate', 'Items and their parts', viewGroup, estimateBody);
  if (compact) fill(root, summary, estimate);
  else fill(root, summary, estimate,
    section('charts', 'Where the money goes',
      h('h3', { text: 'Cost by item' }), breakdownEl,
      h('h3', { text: 'Cost against the share auto-labeled' }), chartItemField, savingsChartEl),
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
    section('card', 'Rate card', cardInfoEl));

  let firstPaint = true;

  // One item's rows; rebuilt only when the item's result or the view changes
  // (one keystroke changes one item, not two hundred).
  let rowCache = new Map();
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

  function renderSummary(result) {
    totalLabel.textContent = result.labor_excluded ? 'Total, excluding private labor' : 'Total';
    totalEl.textContent = money(result.total);
    rangeEl.textContent = result.low === result.high ? 'The rate card gives one price for these items, no low or high.'
      : `Likely ${money(result.low)} – ${money(result.high)}, from the rate card's low and high prices.`;
    perEl.textContent = result.objects > 0 ? `${money(result.per_object, { unit: true })} per object · ${money(result.per_1000)} per 1,000 objects (${count(result.objects)} objects)` : '';
    const sv = result.savings;
    savingsEl.textContent = sv.saved !== '0.00' && sv.saved !== '0'
      ? `Active learning ${sv.saved.startsWith('-') ? 'adds' : 'saves'} ${money(sv.saved.replace('-', ''))} against ${money(sv.without)} without it (${percent(sv.percent.replace('-', ''))}).`
      : '';
    excludedEl.hidden = !result.labor_excluded;
    excludedEl.textContent = result.labor_excluded ? 'Private labor is not included: add hourly pay and seconds per object to the private items to count it.' : '';
    renderCardLine();
    const own = unavailableWarnings(app.cards, app.scenario().items);
    // Said once: private labor left out has its own line above.
    const said = result.warnings.filter((w) => w.code !== 'labor_excluded').map((w) => app.warningText(w));
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
    const source = card.sources.find((x) => x.url);
    fill(cardLine, card.custom ? 'Your own prices: ' : 'Prices: ', h('strong', { text: card.title }), `, effective ${date(card.effective)}`,
      h('span', { class: 'card-links' },
        source ? [' · ', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank', text: 'source' })] : null,
        ' · ', h('a', { href: '#card', text: 'what it assumes' })));
    fill(cardNotices, app.cards.filter((c) => c.notice).map((c) => h('li', { text: c.notice })));
  }

  // What the other bundled cards give for the same scenario.
  function renderOtherCards(cards) {
    const others = (cards?.rows ?? []).filter((r) => !r.current);
    fill(otherCards, others.map((r, i) => [i ? ' · ' : '', `${r.rates.title}: `,
      r.ok ? h('strong', { text: money(r.total) }) : 'cannot price this scenario']),
    others.length ? h('span', { class: 'card-links' }, ' — ', h('a', { href: '#compare', text: 'why they differ' })) : null);
  }

  // The curve is drawn at the width it is shown at, and again when that changes.
  // The width comes from an observer of the results column (reading it
  // would force a layout; the chart's own panel may be skipped off screen),
  // less the panel's padding and border.
  let width = 640;
  const chartWidth = () => width;
  let drawn = null;
  let drawnWidth = 0;
  new ResizeObserver(([entry]) => {
    if (!entry.contentRect.width) return;
    width = entry.contentRect.width - 2 * 17;
    if (drawn && Math.abs(width - drawnWidth) > 24) renderCharts(...drawn);
  }).observe(root);

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
    const current = item.automated !== undefined && item.labeled > 0 && item.savings ? item.automated / item.labeled : null;
    fill(savingsChartEl,
      savingsChart({ xs, ys, baseline, breakEven: breakEven === null ? null : Number(breakEven), current,
        formatY: compactMoney, formatX: (x) => `${Math.round(x * 100)}%`, formatMarker: fractionPercent, width: chartWidth(),
        title: `Total cost as ${item.name} is auto-labeled from 0% to ${Math.round(xs[xs.length - 1] * 100)}%: ${money(baselineText)} to ${money(sweep.totals[0][xs.length - 1])}.` }),
      h('p', { class: 'chart-caption' },
        `Dashed: the total with ${item.name} labeled entirely by people (${money(baselineText)}). `,
        breakEven !== null ? `Active learning pays from ${fractionPercent(breakEven)} auto-labeled. ` : 'Active learning does not pay for this item at any share. ',
        current !== null ? `The dot is this scenario (${fractionPercent(current)}).` : ''));
  }

  function renderSavings(result, sizes) {
    const rows = result.items.filter((i) => i.savings).map((i) => h('tr', null,
      h('th', { scope: 'row', text: i.name }),
      h('td', { class: 'num', text: money(i.savings.without) }),
      h('td', { class: 'num', text: money(i.savings.with) }),
      h('td', { class: 'num', text: money(i.savings.saved) }),
      h('td', { class: 'num', text: percent(i.savings.percent) }),
      h('td', { class: 'num', text: i.savings.break_even ? fractionPercent(i.savings.break_even) : i.kind === 'labeling' ? 'never' : '' })));
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
        h('td', { class: 'num', text: `${money(r.labels)} + ${money(r.compute)} compute = ${money(r.with)}` }),
        h('td', { class: 'num', text: percent(r.percent) }))),
      { numeric: [0, 1, 2, 3] }));
  }

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

  function renderCard() {
    const card = app.card();
    const sources = Object.fromEntries(card.sources.map((s) => [s.id, s]));
    fill(cardInfoEl,
      h('p', null, h('strong', { text: card.title }), ` · ${card.id} · effective ${date(card.effective)}`),
      card.summary ? h('p', { text: card.summary }) : null,
      h('h3', { text: 'Assumptions' }),
      h('ul', { class: 'assumptions' }, card.assumptions.map((a) => h('li', { class: a.confirmed ? 'confirmed' : 'unconfirmed' },
        h('span', { class: `badge ${a.confirmed ? 'ok' : 'warn'}`, text: a.confirmed ? 'confirmed' : 'unconfirmed' }),
        ` ${a.text}`,
        a.source && sources[a.source] ? h('span', { class: 'source', text: ` (${sources[a.source].title})` }) : null))),
      h('h3', { text: 'Sources' }),
      h('ul', { class: 'sources' }, card.sources.map((s) => h('li', null,
        s.url ? h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', text: s.title }) : s.title))));
  }

  /** Renders the total and the items for a new result. */
  function render({ result, stale }) {
    delete root.dataset.complete;
    staleEl.hidden = !stale;
    staleEl.textContent = stale ?? '';
    renderSummary(result);
    // A long estimate prints its items without their parts, to fit one page.
    estimateBody.classList.toggle('many', result.items.length > 8);
    patch(estimateRows, itemRows(result));
  }

  /** Renders the charts, savings and comparisons once they are computed. */
  function renderExtras({ result, sweep, sizes, workforces, cards, laborProblem, pinned }) {
    pinnedEl.hidden = !pinned;
    pinnedEl.textContent = pinned ?? '';
    renderOtherCards(cards);
    if (!compact) {
      renderCharts(result, sweep);
      renderSavings(result, sizes);
      renderCompare(workforces, cards, laborProblem);
      renderCard();
    }
    root.dataset.complete = ''; // everything for this estimate is on screen
  }

  /** Marks the shown result as out of date without replacing it. */
  function markStale(message) {
    staleEl.hidden = !message;
    staleEl.textContent = message ?? '';
  }

  return { render, renderExtras, markStale, total: () => totalEl.textContent };
}
