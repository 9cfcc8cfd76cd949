// Your own prices: the rate card in use as tables to edit (the name, task
// prices, workforce multiples, the per-object fee and storage tiers, active
// learning). Every change is checked by the engine and, when it can be used,
// prices the scenario as its own card, as a step that can be undone. A
// bundled card is never changed: the first edit makes your copy of it.
import { h, fill, uid } from './dom.js';
import { READ, get, set, readTyped } from './item-model.js';
import { count } from './numbers.js';
import { ownCopy } from './exporting.js';
import { cardFieldMessage } from './messages.js';

/** @typedef {import('./app.js').PageCard} PageCard */
/** @typedef {import('./types.js').Decimal} Decimal */
/** @typedef {keyof typeof READ | 'text'} ValueType */
/** @typedef {{name: string, path: string, type: keyof typeof READ}} RangeRow  a row of low / typical / high values */
/** @typedef {PageCard['fee']} Tiers */

// The tables' styles come with them, not with the page's first load; they are
// added to the document or the element's shadow root the calculator is in.
const STYLES = `
.prices-panel { margin-bottom: var(--lc-space-4); }
.prices-panel h2:focus { outline: none; }
.prices-panel h3 { font-size: 1rem; margin: var(--lc-space-4) 0 .25rem; }
.price-tables { display: grid; gap: 0 var(--lc-space-4); }
.price-tables > .field { max-width: 40rem; }
.price-group > .field { max-width: 18rem; }
.price-table th, .price-table td { vertical-align: middle; }
.price-table td { padding: .25rem; }
.price-table input, .price-group > .field input { min-width: 4rem; max-width: 9rem; text-align: right; font-variant-numeric: tabular-nums; }
.prices-panel > .toolbar { margin-top: var(--lc-space-3); }
/* Wide: the task prices beside the rest. */
@container lc (min-width: 60rem) {
  .price-tables { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .price-tables > .field { grid-column: 1 / -1; }
  .price-tables > .price-group:nth-child(2) { grid-row: span 4; }
}
/* A narrow calculator: each row's name on a line of its own, its values below. */
@container lc (max-width: 30rem) {
  .price-table.ranges tr, .price-table.tiers tr { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); align-items: center; }
  .price-table.tiers.cols-2 tr { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .price-table.tiers.cols-1 tr { grid-template-columns: minmax(0, 1fr); }
  .price-table.ranges tbody th, .price-table.tiers tbody th { grid-column: 1 / -1; border: 0; padding-bottom: 0; }
  .price-table.ranges thead th:first-child, .price-table.tiers thead th:first-child { display: none; }
}
@media print { .prices-panel { display: none; } }
`;
/** @type {CSSStyleSheet | null} */
let sheet = null;
/** @param {Node} node */
function adoptStyles(node) {
  const root = /** @type {Document|ShadowRoot} */ (node.getRootNode());
  if (!root.adoptedStyleSheets) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * @param {import('./app.js').Context} ctx
 * @param {{onClose: () => void, download: () => void}} how
 *   what closing the tables does besides (focus goes back to where they were opened),
 *   and how the prices are downloaded as a card file
 */
export function createPriceEditor(ctx, { onClose, download }) {
  const headingId = uid('h');
  const heading = h('h2', { id: headingId, tabindex: -1, text: 'Your own prices' });
  const intro = h('p', { class: 'hint' });
  const body = h('div', { class: 'price-tables' });
  const done = h('button', { type: 'button', class: 'primary', dataset: { action: 'prices-done' }, text: 'Close', onclick: close });
  const element = h('section', { class: 'panel prices-panel', 'aria-labelledby': headingId, hidden: true },
    heading, intro, body,
    h('div', { class: 'toolbar' }, done,
      h('button', { type: 'button', dataset: { export: 'card' }, text: 'Download these prices (JSON)', onclick: download })));
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
  });
  /**
   * The card the tables show: the scenario's own, or a copy of the bundled card not used yet
   * (set by render(), before there are tables).
   * @type {PageCard | null}
   */
  let card = null;
  /**
   * The card in use when they were drawn.
   * @type {PageCard | null}
   */
  let shownFor = null;
  /**
   * What was typed that cannot be used, by the card path it is for.
   * @type {Map<string, {text: string, message: string}>}
   */
  const drafts = new Map();
  /** A price was used that the editor's hints do not show yet. */
  let unshown = false;

  function open() {
    adoptStyles(element);
    element.hidden = false;
    drafts.clear();
    render();
    element.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }

  function close() {
    element.hidden = true;
    drafts.clear();
    onClose();
  }

  /** Shows the card in use again (after undo, redo or another scenario), keeping focus where it was. */
  function sync() {
    if (element.hidden || shownFor === ctx.card()) return;
    drafts.clear();
    render();
  }

  function render() {
    const own = ctx.ownCard();
    shownFor = ctx.card();
    card = own ?? ownCopy(shownFor, true);
    say(own);
    const focused = /** @type {HTMLElement|null} */ (/** @type {Partial<DocumentOrShadowRoot>} */ (element.getRootNode()).activeElement);
    const path = body.contains(focused) ? /** @type {HTMLElement} */ (focused).dataset.path : null;
    fill(body, nameField(), taskTable(), workforceTable(), tierTable('fee'), learningTable(), tierTable('storage'));
    if (path) /** @type {HTMLElement | null} */ (body.querySelector(`[data-path="${CSS.escape(path)}"]`))?.focus();
  }

  /** @param {PageCard | boolean | null} own */
  function say(own) {
    intro.textContent = own
      ? 'These prices are yours: kept with the scenario, in its share link and in this browser, and listed under Prices as "Your own prices". Changes apply as you type; Undo takes them back.'
      : `These are the prices of the rate card "${/** @type {PageCard} */ (shownFor).title}". Change any of them and the scenario is priced with your copy, listed under Prices as "Your own prices"; the original stays as it is.`;
  }

  // --- one value --------------------------------------------------------

  /**
   * An input for the card's value at `path` ("tasks.image/bounding-box.price").
   * @param {string} path
   * @param {ValueType} type
   * @param {string} label  what it is, for its accessible name and the undo step
   * @returns {[HTMLInputElement, HTMLElement]}
   */
  function input(path, type, label) {
    const id = uid('p');
    const draft = drafts.get(path);
    const value = get(/** @type {PageCard} */ (card), path);
    const el = h('input', {
      id, type: 'text', inputmode: type === 'text' ? null : 'decimal', autocomplete: 'off', 'aria-label': label,
      value: draft ? draft.text : type === 'text' ? value ?? '' : READ[type].show(/** @type {Decimal | undefined} */ (value)),
      'aria-invalid': draft ? 'true' : null, 'aria-describedby': `${id}-msg`, dataset: { path, type },
    });
    el.addEventListener('input', () => edit(path, type, el, label));
    // On leaving a field whose price was used: the editor's hints follow it.
    el.addEventListener('change', () => {
      if (!unshown) return;
      unshown = false;
      ctx.changed(label, { structural: true });
    });
    return [el, h('small', { id: `${id}-msg`, class: 'msg', role: 'status', text: draft?.message ?? '' })];
  }

  /**
   * @param {string} path
   * @param {ValueType} type
   * @param {HTMLInputElement} el
   * @param {string} label
   */
  function edit(path, type, el, label) {
    const text = el.value;
    /** @type {{value?: string|number, message?: string}} */
    const read = type === 'text'
      ? (text.trim() ? { value: text } : { message: 'Required: give your prices a name.' })
      : readTyped(type, text);
    if (read.message) return problem(path, el, text, read.message);
    const next = structuredClone(/** @type {PageCard} */ (card));
    set(next, path, read.value);
    // Your price for a task is not bound by Mechanical Turk's list of prices.
    if (/^tasks\.[^.]+\.price$/.test(path)) delete /** @type {import('./item-model.js').CardTask} */ (get(next, path.replace(/\.price$/, ''))).mturk_prices;
    const refused = cardProblem(next, { label, type });
    if (refused) return problem(path, el, text, refused);
    drafts.delete(path);
    el.removeAttribute('aria-invalid');
    message(el, '');
    use(next, `Edit ${label}`, `prices:${path}`);
  }

  /**
   * @param {string} path
   * @param {HTMLInputElement} el
   * @param {string} text
   * @param {string} said
   */
  function problem(path, el, text, said) {
    drafts.set(path, { text, message: said });
    el.setAttribute('aria-invalid', 'true');
    message(el, said);
  }

  /**
   * @param {HTMLElement} el
   * @param {string} text
   */
  function message(el, text) {
    const msg = /** @type {HTMLElement} */ (el.parentElement).querySelector('.msg');
    if (msg) msg.textContent = text;
  }

  /**
   * Why the engine refuses a card, in words at the field; null when it can be used.
   * @param {PageCard} next
   * @param {{label?: string, type?: ValueType}} field
   */
  function cardProblem(next, field) {
    const errors = ctx.errorsOf({ labelcost: 1, rates: next, items: [] });
    if (!errors.length) return null;
    console.warn('labelcost: refused prices', JSON.stringify(errors));
    return cardFieldMessage(errors[0], field);
  }

  /**
   * Prices the scenario with `next`, as one step ("Edit the price of Bounding box").
   * @param {PageCard} next
   * @param {string} label
   * @param {string} [field]
   */
  function use(next, label, field) {
    card = next;
    shownFor = next;
    unshown = !!field;
    ctx.useOwnCard(next, { label, field });
    say(true);
  }

  // --- the tables -------------------------------------------------------

  function nameField() {
    const [el, msg] = input('title', 'text', 'the name of your prices');
    return h('div', { class: 'field' }, h('label', { for: el.id, text: 'Name of these prices' }), el, msg);
  }

  /**
   * @param {string} title
   * @param {string | null} hint
   * @param {...import('./dom.js').Child} content
   */
  function section(title, hint, ...content) {
    return h('div', { class: 'price-group' }, h('h3', { text: title }), hint ? h('p', { class: 'hint', text: hint }) : null, ...content);
  }

  function taskTable() {
    const workers = /** @type {PageCard} */ (card).workers?.priced_at ?? 1;
    const each = /** @type {PageCard} */ (card).price_basis === 'worker-task'
      ? 'What one worker is paid to label one object, in dollars; an item pays it for each of its workers.'
      : `What one object costs with ${workers} ${workers === 1 ? 'worker' : "workers' labels"}, in dollars; an item with more or fewer workers pays in proportion.`;
    const rows = Object.entries(/** @type {PageCard} */ (card).tasks).map(([id, task]) => h('tr', null,
      h('th', { scope: 'row', text: task.title }),
      h('td', null, ...input(`tasks.${id}.price`, 'money', `the price of ${task.title}`))));
    return section('Task prices', each, h('table', { class: 'price-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Task' }), h('th', { scope: 'col', text: 'Price ($)' }))),
      h('tbody', null, rows)));
  }

  /**
   * Rows of low / typical / high values, as a table with a row per thing.
   * @param {string} title
   * @param {string} hint
   * @param {RangeRow[]} rows
   * @param {string} [unit]
   */
  function rangeTable(title, hint, rows, unit = '') {
    const ends = [['min', 'Low'], ['typical', 'Typical'], ['max', 'High']];
    return section(title, hint, h('table', { class: 'price-table ranges' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', text: '' }), ends.map(([, word]) => h('th', { scope: 'col', text: `${word}${unit}` })))),
      h('tbody', null, rows.map(({ name, path, type }) => h('tr', null, h('th', { scope: 'row', text: name }),
        ends.map(([end, word]) => h('td', null, ...input(`${path}.${end}`, type, `${name}, ${word.toLowerCase()}`))))))));
  }

  function workforceTable() {
    /** @type {RangeRow[]} */
    const rows = Object.entries(/** @type {PageCard} */ (card).workforces).filter(([, w]) => !w.labor)
      .map(([id, w]) => ({ name: w.title, path: `workforces.${id}.multiplier`, type: 'number' }));
    const paid = Object.values(/** @type {PageCard} */ (card).workforces).filter((w) => w.labor).map((w) => w.title);
    const fee = /** @type {PageCard} */ (card).fee?.length ? ' (the Ground Truth fee is not multiplied)' : '';
    const hourly = paid.length ? ` ${paid.join(', ')}: your own people, paid by the hour; their pay is set on each labeling item.` : '';
    return rangeTable('Workforces', `Each workforce's price as a multiple (×) of the task price${fee}; the estimate's range runs from low to high.${hourly}`, rows, ' ×');
  }

  function learningTable() {
    const table = rangeTable('Active learning', 'The share of objects labeled automatically, and what its compute costs.', [
      { name: 'Auto-labeled (%)', path: 'active_learning.auto_fraction', type: 'percent' },
      { name: 'Compute per 10,000 objects ($)', path: 'active_learning.compute_per_10k', type: 'money' }]);
    const [el, msg] = input('active_learning.compute_minimum_per_job', 'money', 'the minimum compute charge per job');
    table.append(h('div', { class: 'field' }, h('label', { for: el.id, text: 'Minimum compute charge per job ($)' }), el, msg));
    return table;
  }

  // --- tiers ------------------------------------------------------------

  const TIERS = {
    fee: { title: 'Ground Truth fee per object', unit: 'objects',
      hint: 'Dollars per object. Each tier\'s price applies only to the objects that fall in it, counted over the items labeled in the same month.',
      none: 'This rate card charges no Ground Truth fee per object apart from the task prices.' },
    storage: { title: 'Storage', unit: 'GB', hint: 'Dollars per GB-month. Each tier\'s price applies only to the gigabytes that fall in it.', none: '' },
  };

  /** @param {keyof typeof TIERS} key */
  function tierTable(key) {
    const { title, unit, hint, none } = TIERS[key];
    const tiers = /** @type {PageCard} */ (card)[key] ?? [];
    // With one tier, there is no bound to type; storage keeps at least one.
    const bounds = tiers.length > 1;
    const removable = key !== 'storage' || tiers.length > 1;
    const heads = ['Tier', bounds ? `Up to (${unit})` : null, 'Price ($)', removable ? '' : null].filter((t) => t !== null);
    return section(title, tiers.length ? hint : none,
      tiers.length ? h('table', { class: `price-table tiers cols-${heads.length - 1}` },
        h('thead', null, h('tr', null, heads.map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', null, tiers.map((tier, i) => tierRow(key, tiers, i, { bounds, removable })))) : null,
      h('button', { type: 'button', dataset: { addTier: key }, text: tiers.length ? 'Add a tier' : 'Add a fee', onclick: () => addTier(key) }));
  }

  /**
   * @param {keyof typeof TIERS} key
   * @param {Tiers} tiers
   * @param {number} i
   * @param {{bounds: boolean, removable: boolean}} how
   */
  function tierRow(key, tiers, i, { bounds, removable }) {
    const { title, unit } = TIERS[key];
    const last = i + 1 === tiers.length;
    return h('tr', null,
      h('th', { scope: 'row', text: tierName(tiers, i, unit) }),
      bounds ? h('td', null, last ? h('span', { class: 'hint', text: 'and above' }) : input(`${key}.${i}.up_to`, 'count', `${title}, tier ${i + 1}, up to`)) : null,
      h('td', null, ...input(`${key}.${i}.price`, 'money', `${title}, tier ${i + 1}, price`)),
      removable ? h('td', null, h('button', { type: 'button', class: 'link', dataset: { removeTier: `${key}.${i}` }, text: 'Remove',
        'aria-label': `Remove tier ${i + 1} of the ${title.toLowerCase()}`, onclick: () => removeTier(key, i) })) : null);
  }

  /**
   * "First 50,000 objects", "50,001 to 1,000,000", "Above 1,000,000", or "Every object".
   * @param {Tiers} tiers
   * @param {number} i
   * @param {string} unit
   */
  function tierName(tiers, i, unit) {
    const from = i ? Number(tiers[i - 1].up_to) : 0;
    if (tiers.length === 1) return unit === 'GB' ? 'Every GB' : 'Every object';
    if (i + 1 === tiers.length) return `Above ${count(from)}`;
    return i ? `${count(from + 1)} to ${count(Number(tiers[i].up_to))}` : `First ${count(Number(tiers[i].up_to))}`;
  }

  // A new tier goes before the last, open-ended one, at twice the bound before it.
  /** @param {keyof typeof TIERS} key */
  function addTier(key) {
    const next = structuredClone(/** @type {PageCard} */ (card));
    const tiers = (next[key] ??= []);
    const last = tiers[tiers.length - 1];
    const before = tiers.length > 1 ? Number(tiers[tiers.length - 2].up_to) : 0;
    if (!last) tiers.push({ price: 0 });
    else tiers.splice(tiers.length - 1, 0, { up_to: before ? before * 2 : 1000, price: last.price });
    structural(next, key === 'fee' && !last ? 'Add a fee per object' : `Add a tier to the ${TIERS[key].title.toLowerCase()}`,
      `[data-path="${key}.${Math.max(0, tiers.length - 2)}.${last ? 'up_to' : 'price'}"]`);
  }

  // Without its last tier, the one before it is open-ended.
  /**
   * @param {keyof typeof TIERS} key
   * @param {number} i
   */
  function removeTier(key, i) {
    const next = structuredClone(/** @type {PageCard} */ (card));
    const tiers = next[key];
    tiers.splice(i, 1);
    if (tiers.length) delete tiers[tiers.length - 1].up_to;
    structural(next, `Remove tier ${i + 1} of the ${TIERS[key].title.toLowerCase()}`, `[data-add-tier="${key}"]`);
  }

  /**
   * @param {PageCard} next
   * @param {string} label
   * @param {string} focus  a selector of what gets the focus
   */
  function structural(next, label, focus) {
    const refused = cardProblem(next, {});
    if (refused) {
      ctx.say(`${label}: ${refused}`, { error: true });
      return;
    }
    drafts.clear();
    use(next, label);
    render();
    /** @type {HTMLElement | null} */ (body.querySelector(focus))?.focus();
  }

  return { element, open, close, sync, isOpen: () => !element.hidden };
}
