// "Plans side by side": the scenario saved as a named plan in this browser,
// the saved plans (open, rename, delete, undo a delete), and 2 to 4 of them
// compared. Every amount and difference is the engine's (compareScenarios);
// this module keeps the list and shows the answer.
import { h, fill, uid } from './dom.js';
import { money, count } from './numbers.js';
import { section, table } from './panels.js';
import { listPlans, writePlans } from './plans-store.js';

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').Plan} Plan */
/** @typedef {import('./types.js').PlansComparison} PlansComparison */
/** @typedef {import('./engine.js').EngineIssue} EngineIssue */
/** @typedef {import('./app.js').LinkedPlan} LinkedPlan */
/** @typedef {ReturnType<typeof listPlans>[number]} SavedPlan */
/** @typedef {{plan: SavedPlan, at: number, compared: boolean}} Removed  the last plan deleted, with its place */

const MAX_COMPARED = 4;

/**
 * "+$1,440.00", "−$60.00", or nothing for no difference.
 * @param {string | null | undefined} amount
 * @param {(amount: string) => string} [format]
 */
function difference(amount, format = money) {
  if (amount === null || amount === undefined || /^-?0(\.0+)?$/.test(amount)) return '';
  return amount.startsWith('-') ? `−${format(amount.slice(1))}` : `+${format(amount)}`;
}

/**
 * @param {import('./app.js').Context} app
 * @returns {{element: HTMLElement, render: () => void}}
 */
export function createPlans(app) {
  const nameId = uid('f');
  const name = h('input', { id: nameId, type: 'text', maxlength: 200, autocomplete: 'off', dataset: { control: 'plan-name' } });
  const save = h('button', { type: 'button', dataset: { action: 'save-plan' }, text: 'Save as a plan' });
  const message = h('p', { class: 'hint plan-msg', role: 'status' });
  const list = h('ul', { class: 'plan-list' });
  const comparison = h('div', { class: 'plan-comparison', 'aria-live': 'polite' });
  const linkedEl = h('div', { class: 'linked-plans' });
  const element = section('plans', 'Plans side by side',
    h('p', { class: 'hint', text: 'Save the scenario as a plan, change it, save again; then tick 2 to 4 plans to compare them. Plans stay in this browser.' }),
    h('div', { class: 'field inline' }, h('label', { for: nameId, text: 'Plan name' }), name, save),
    message, linkedEl, list, comparison);
  // Plans from a comparison link: compared until kept here or closed.
  let linked = app.linkedPlans;
  app.events.addEventListener('linked-plans', () => {
    linked = app.linkedPlans;
    show();
  });
  /** @type {Set<string>} */
  const chosen = new Set();
  /** @type {Removed | null} */
  let removed = null; // the last plan deleted, with its place, for Undo

  save.addEventListener('click', () => {
    const scenario = app.scenario();
    const plan = { id: `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      name: name.value.trim() || scenario.name || `Plan ${listPlans().length + 1}`, saved: new Date().toISOString(), scenario };
    if (!keep([...listPlans(), plan], `Saved “${plan.name}”.`)) return;
    name.value = '';
    if (chosen.size < MAX_COMPARED) chosen.add(plan.id);
    show();
  });
  name.addEventListener('keydown', (e) => { if (e.key === 'Enter') save.click(); });

  /**
   * @param {SavedPlan[]} plans
   * @param {string} said
   */
  function keep(plans, said) {
    if (!writePlans(plans)) {
      say('This browser does not keep plans here (storage is blocked or full).');
      return false;
    }
    say(said);
    return true;
  }

  /**
   * @param {string} text
   * @param {(() => void) | null} [undo]
   */
  function say(text, undo = null) {
    fill(message, text, undo ? h('button', { type: 'button', class: 'link', dataset: { action: 'undo-delete-plan' }, text: 'Undo', onclick: undo }) : null);
  }

  /** @param {SavedPlan} plan */
  function remove(plan) {
    const plans = listPlans();
    const at = plans.findIndex((p) => p.id === plan.id);
    if (at < 0) return;
    plans.splice(at, 1);
    removed = { plan, at, compared: chosen.delete(plan.id) };
    if (!keep(plans, '')) return;
    say(`Deleted “${plan.name}”.`, () => {
      const back = listPlans();
      back.splice(Math.min(/** @type {Removed} */ (removed).at, back.length), 0, /** @type {Removed} */ (removed).plan);
      if (/** @type {Removed} */ (removed).compared) chosen.add(/** @type {Removed} */ (removed).plan.id);
      if (keep(back, `“${/** @type {Removed} */ (removed).plan.name}” is back.`)) removed = null;
      show();
      /** @type {HTMLElement | null} */ (list.querySelector(`[data-plan="${plan.id}"] input[type="checkbox"]`))?.focus();
    });
    show();
    message.querySelector('button')?.focus();
  }

  /**
   * @param {SavedPlan} plan
   * @param {HTMLElement} item
   */
  function rename(plan, item) {
    const inputId = uid('f');
    const input = h('input', { id: inputId, type: 'text', value: plan.name, maxlength: 200, dataset: { control: 'plan-rename' } });
    let finished = false;
    const done = (/** @type {boolean} */ commit) => {
      if (finished) return;
      finished = true;
      const text = input.value.trim();
      if (commit && text && text !== plan.name) {
        keep(listPlans().map((p) => (p.id === plan.id ? { ...p, name: text } : p)), `Renamed to “${text}”.`);
      }
      show();
      // After the key's own event: Enter on the button would rename again.
      setTimeout(() => /** @type {HTMLElement | null} */ (list.querySelector(`[data-plan="${plan.id}"] [data-action="rename-plan"]`))?.focus(), 0);
    };
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== 'Escape') return;
      e.preventDefault();
      done(e.key === 'Enter');
    });
    input.addEventListener('blur', () => done(true), { once: true });
    fill(item, h('label', { for: inputId, class: 'visually-hidden', text: `New name for ${plan.name}` }), input);
    input.focus();
    input.select();
  }

  /** @param {SavedPlan} plan */
  function planItem(plan) {
    const boxId = uid('f');
    const box = h('input', { id: boxId, type: 'checkbox', checked: chosen.has(plan.id) });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(plan.id);
      else chosen.delete(plan.id);
      compare();
    });
    /**
     * @param {string} action
     * @param {string} text
     * @param {string} label
     * @param {() => unknown} onclick
     */
    const button = (action, text, label, onclick) => h('button', { type: 'button', class: 'link', dataset: { action }, 'aria-label': `${label} ${plan.name}`, text, onclick });
    const item = h('li', { dataset: { plan: plan.id } });
    fill(item,
      h('span', { class: 'field check' }, box, h('label', { for: boxId, text: plan.name })),
      h('span', { class: 'plan-actions' },
        button('open-plan', 'Open', 'Open', () => app.load(/** @type {Scenario} */ (plan.scenario), { label: `Open the plan ${plan.name}` }) && app.say(`Opened “${plan.name}”.`, { undo: true })),
        button('rename-plan', 'Rename', 'Rename', () => rename(plan, item)),
        button('delete-plan', 'Delete', 'Delete', () => remove(plan))));
    return item;
  }

  function renderLinked() {
    if (!linked) return fill(linkedEl);
    const keepThem = h('button', { type: 'button', dataset: { action: 'keep-linked-plans' }, text: 'Keep them in this browser', onclick: () => {
      const now = Date.now().toString(36);
      const kept = /** @type {LinkedPlan[]} */ (linked).map((p, i) => ({ id: `p${now}${i}`, name: p.name, saved: new Date().toISOString(), scenario: p.scenario }));
      if (!keep([...listPlans(), ...kept], `Kept ${kept.length} plans from the link.`)) return;
      chosen.clear();
      for (const p of kept) chosen.add(p.id);
      linked = null;
      show();
    } });
    const close = h('button', { type: 'button', class: 'link', dataset: { action: 'close-linked-plans' }, text: 'Close', onclick: () => {
      linked = null;
      show();
    } });
    fill(linkedEl, h('p', null, `From the link: ${linked.map((p) => `“${p.name}”`).join(', ')}, compared below; not kept in this browser yet. `, keepThem, close));
  }

  /**
   * The plans compared: a link's, or the ticked ones.
   * @returns {LinkedPlan[]}
   */
  function compared() {
    return linked ?? listPlans().filter((p) => chosen.has(p.id));
  }

  function compare() {
    renderLinked();
    const plans = compared();
    if (plans.length > MAX_COMPARED) return fill(comparison, h('p', { class: 'hint', text: `Compare at most ${MAX_COMPARED} plans: untick ${plans.length - MAX_COMPARED}.` }));
    if (plans.length < 2) return fill(comparison, h('p', { class: 'hint', text: plans.length ? 'Tick one more plan to compare.' : '' }));
    let answer;
    try {
      // Each plan under its own name, which the answer and its CSV carry.
      answer = app.engine.compareScenarios({ scenarios: plans.map((p) => ({ .../** @type {Scenario} */ (p.scenario), name: p.name })) });
    } catch (error) {
      if (!Array.isArray(/** @type {{errors?: unknown} | null | undefined} */ (error)?.errors)) throw error;
      console.warn('labelcost: plans refused', JSON.stringify(/** @type {{errors: EngineIssue[]}} */ (error).errors));
      const at = Number(/^scenarios\[(\d+)\]/.exec(/** @type {{errors: EngineIssue[]}} */ (error).errors[0]?.path ?? '')?.[1] ?? -1);
      return fill(comparison, h('p', { class: 'hint warn', text: at >= 0 ? `“${plans[at].name}” cannot be priced any more: open it to see why.` : 'These plans cannot be compared.' }));
    }
    fill(comparison, comparisonTable(plans, answer.plans), comparisonActions(plans, answer));
  }

  /**
   * @param {LinkedPlan[]} plans
   * @param {PlansComparison} answer
   */
  function comparisonActions(plans, answer) {
    /**
     * @param {string} action
     * @param {string} text
     * @param {() => unknown} onclick
     */
    const button = (action, text, onclick) => h('button', { type: 'button', dataset: { action }, text, onclick });
    const files = async (/** @type {'csv' | 'json'} */ kind) => {
      const { plansCsv, plansJson, download, fileStem } = await import('./exporting.js');
      const stem = `${fileStem(plans.map((p) => p.name).join(' vs '))}`;
      if (kind === 'csv') download(`${stem}.csv`, plansCsv(answer), 'text/csv');
      else download(`${stem}.json`, plansJson(/** @type {{name: string, scenario: Scenario}[]} */ (plans.map(({ name, scenario }) => ({ name, scenario }))), answer), 'application/json');
    };
    return h('div', { class: 'row-actions' },
      button('copy-plans-link', 'Copy comparison link', () => copyComparisonLink(plans)),
      button('export-plans-csv', 'Download CSV', () => files('csv')),
      button('export-plans-json', 'Download JSON', () => files('json')));
  }

  /** @param {LinkedPlan[]} plans */
  async function copyComparisonLink(plans) {
    const { encodeComparison } = await import('./link.js');
    const url = new URL(`#${await encodeComparison(plans)}`, app.siteUrl).href;
    try {
      await navigator.clipboard.writeText(url);
      say('Comparison link copied: it opens these plans side by side, with these numbers, for anyone.');
    } catch {
      const field = h('input', { type: 'text', readonly: true, value: url, 'aria-label': 'Comparison link' });
      fill(message, 'Copy this link: ', field);
      field.select();
    }
  }

  /**
   * @param {LinkedPlan[]} plans
   * @param {Plan[]} priced
   */
  function comparisonTable(plans, priced) {
    /**
     * @param {string} text
     * @param {string} diff
     */
    const cell = (text, diff) => h('td', { class: 'num' }, text, diff ? h('small', { text: `${diff} vs 1` }) : null);
    /**
     * @param {string} label
     * @param {(p: Plan, i: number) => HTMLElement} f
     */
    const row = (label, f) => h('tr', null, h('th', { scope: 'row', text: label }), priced.map((p, i) => f(p, i)));
    const most = Math.max(...priced.map((p) => p.items.length));
    const itemRows = [];
    for (let i = 0; i < most; i++) {
      const named = priced.find((p) => p.items[i])?.items[i]?.name ?? '';
      itemRows.push(row(`${i + 1}. ${named}`, (p) => (p.items[i] ? cell(money(p.items[i].cost), difference(p.delta?.items?.[i])) : h('td'))));
    }
    return table(`The plans ${plans.map((p) => p.name).join(', ')}, side by side`, ['', ...plans.map((p, i) => `${i + 1}. ${p.name}`)], [
      row('Total', (p) => cell(money(p.total), difference(p.delta?.total))),
      row('Range', (p) => h('td', { class: 'num', text: p.low === p.high ? '—' : `${money(p.low)} – ${money(p.high)}` })),
      row('Per object', (p) => h('td', { class: 'num', text: p.per_object ? money(p.per_object, { unit: true }) : '—' })),
      row('Saved by active learning', (p) => cell(money(p.saved), difference(p.delta?.saved))),
      row('Worker-hours', (p) => cell(count(p.effort.worker_hours), difference(p.delta?.worker_hours, count))),
      row('Rate card', (p) => h('td', { text: p.rates.custom ? `Your own prices: ${p.rates.title}` : p.rates.title })),
      ...itemRows,
    ], { numeric: plans.map((_, i) => i + 1) });
  }

  function show() {
    const plans = listPlans();
    for (const id of [...chosen]) if (!plans.some((p) => p.id === id)) chosen.delete(id);
    fill(list, plans.map(planItem));
    compare();
  }

  /** A new estimate: the name field suggests the scenario's name. */
  function render() {
    name.placeholder = app.state.name || `Plan ${listPlans().length + 1}`;
    if (!list.childElementCount && listPlans().length) show();
  }

  show();
  return { element, render };
}
