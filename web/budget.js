// "What can I label for $X?": the most objects of one item a budget labels,
// with this plan, per workforce and without active learning, each answer
// one click from the scenario (a step that can be undone). Every count and
// amount is the engine's (engine.budget); this module reads what was typed
// and shows the answer.
import { h, fill, uid } from './dom.js';
import { money, count, readNumber } from './numbers.js';
import { table } from './panels.js';

/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').BudgetAnswer} BudgetAnswer */
/** @typedef {import('./types.js').Workforce} Workforce */
/** @typedef {import('./engine.js').LabelcostError} LabelcostError */
/** @typedef {import('./engine.js').EngineIssue} EngineIssue */
/** @typedef {import('./item-model.js').ItemData} ItemData */
/** @typedef {Extract<ItemData, {kind: 'labeling' | 'auto-labeling'}>} CountedData  an item a budget counts */
/** @typedef {Extract<ItemData, {kind: 'labeling'}>} LabelingData  (only these get answers by workforce or without active learning) */
/** @typedef {{workforce?: Workforce, activeLearning?: false}} Change  what else an answer changes in the item */

/**
 * @param {import('./app.js').Context} app
 * @returns {{element: HTMLElement, render: (view: {result: Result}) => void}}
 */
export function createBudget(app) {
  const amountId = uid('f');
  const itemId = uid('f');
  const amount = h('input', {
    id: amountId, type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: 'e.g. 5,000',
    value: app.state.budget ?? '', 'aria-describedby': `${amountId}-msg`, dataset: { control: 'budget' },
  });
  const item = h('select', { id: itemId, dataset: { control: 'budget-item' } });
  const itemField = h('span', { class: 'field inline' }, h('label', { for: itemId, text: 'of' }), item);
  const message = h('small', { id: `${amountId}-msg`, class: 'msg', role: 'status' });
  const answer = h('div', { class: 'budget-answer', 'aria-live': 'polite' });
  const element = h('div', { class: 'budget', dataset: { budget: '' } },
    h('div', { class: 'field inline' }, h('label', { for: amountId, text: 'What can I label for ($)' }), amount, itemField),
    message, answer);
  /** @type {Result | null} */
  let result = null;
  amount.addEventListener('input', () => {
    app.state.budget = amount.value;
    update();
  });
  item.addEventListener('change', update);

  /**
   * A new estimate: the counted items may have changed, and so may the answer.
   * @param {{result: Result}} view
   */
  function render(view) {
    result = view.result;
    const counted = result.items.filter((i) => i.kind === 'labeling' || i.kind === 'auto-labeling');
    const chosen = item.value;
    // A long name is shortened: the select must show its whole label in a narrow column.
    const shown = (/** @type {string} */ name) => (name.length > 20 ? `${name.slice(0, 19).trimEnd()}…` : name);
    fill(item, counted.map((i) => h('option', { value: String(i.index), text: `${i.index + 1}. ${shown(i.name)}`, title: i.name })));
    if (counted.some((i) => String(i.index) === chosen)) item.value = chosen;
    itemField.hidden = counted.length < 2;
    element.hidden = counted.length === 0;
    update();
  }

  function update() {
    message.textContent = '';
    amount.removeAttribute('aria-invalid');
    const text = amount.value.trim();
    if (!text || !result || element.hidden) return fill(answer);
    const budget = readNumber(text);
    if (budget === null) {
      amount.setAttribute('aria-invalid', 'true');
      message.textContent = 'Type an amount in dollars, like 5000 or 5,000.';
      return fill(answer);
    }
    const asked = { budget, scenario: app.scenario(), item: Number(item.value) };
    /** @type {BudgetAnswer} */
    let reply;
    try {
      reply = app.engine.budget(asked);
    } catch (error) {
      if (!Array.isArray(/** @type {{errors?: unknown} | null | undefined} */ (error)?.errors)) throw error;
      console.warn('labelcost: budget refused', JSON.stringify(/** @type {LabelcostError} */ (error).errors));
      message.textContent = budgetProblem(/** @type {LabelcostError} */ (error).errors);
      return fill(answer);
    }
    fill(answer, ...said(reply), answers(reply), reply.warnings.map((w) => h('p', { class: 'hint', text: app.warningText(w) })));
  }

  /**
   * Why the engine gives no answer, in words.
   * @param {EngineIssue[]} errors
   */
  function budgetProblem(errors) {
    const at = errors[0]?.path ?? '';
    if (at === 'budget') return 'Type an amount in dollars from $0 to $1 trillion.';
    if (/\.jobs$/.test(at)) return 'This item is split into too many jobs to count exactly; use fewer jobs.';
    return app.describeRefusal(errors) || 'This scenario cannot be counted for a budget.';
  }

  // What one more object would cost, to the cent unless that hides that it
  // is over the budget ($5,000.003 is not "$5,000.00").
  /** @param {BudgetAnswer} reply  one with a next */
  function over(reply) {
    const cents = money(/** @type {NonNullable<BudgetAnswer['next']>} */ (reply.next).total);
    return cents === money(reply.budget) ? money(/** @type {NonNullable<BudgetAnswer['next']>} */ (reply.next).total, { unit: true }) : cents;
  }

  /**
   * The answer in a sentence or two (once there is a result).
   * @param {BudgetAnswer} reply
   */
  function said(reply) {
    const name = /** @type {Result} */ (result).items[reply.item]?.name ?? `item ${reply.item + 1}`;
    const lines = [h('p', null, `${money(reply.budget)} labels `, h('strong', { text: `${count(reply.objects)} objects` }),
      ` of ${name}: the estimate is then ${money(reply.total)}`,
      reply.next ? `; ${count(reply.next.objects)} would cost ${over(reply)}.` : '.')];
    if (reply.low !== reply.high) {
      lines.push(h('p', { class: 'hint', text: `Across the estimate's range: from ${count(reply.low)} objects (if costs are high) to ${count(reply.high)} (if they are low).` }));
    }
    return lines;
  }

  /**
   * Each answer as a row, with a button that puts it in the scenario.
   * @param {BudgetAnswer} reply
   */
  function answers(reply) {
    const index = reply.item;
    const current = /** @type {CountedData | undefined} */ (app.state.items[index]?.data);
    const rows = [];
    /**
     * @param {string} label
     * @param {number | null} objects
     * @param {string | null | undefined} total
     * @param {Change | null} change
     * @param {string} [note]
     */
    const row = (label, objects, total, change, note = '') => h('tr', null,
      h('th', { scope: 'row', text: label }),
      h('td', { class: objects === null ? 'num wrap' : 'num', text: objects === null ? note : count(objects) }),
      h('td', { class: 'num estimate-cell', text: total ? money(total) : '' }),
      h('td', null, objects === null || objects === 0 ? null
        : h('button', { type: 'button', class: 'link', dataset: { useBudget: label }, text: 'Use',
          'aria-label': `Use ${count(objects)} objects${label ? `, ${label}` : ''}`, onclick: () => use(index, objects, change, label) })));
    for (const w of reply.by_workforce) {
      const mine = w.workforce === current?.workforce;
      const label = `${w.title}${mine ? ' (this plan)' : ''}`;
      if (!w.available) {
        rows.push(row(label, null, null, null, w.problem?.code === 'missing_field' ? 'Needs its hourly pay on the item' : 'Not available for this task'));
        continue;
      }
      rows.push(row(label, /** @type {number} */ (w.objects), w.total, mine ? null : { workforce: w.workforce }));
    }
    if (!reply.by_workforce.length) rows.push(row('This plan', reply.objects, reply.total, null));
    if (reply.without_active_learning) {
      rows.push(row('This plan, without active learning', reply.without_active_learning.objects, reply.without_active_learning.total, { activeLearning: false }));
    }
    return table('What the budget labels', ['', 'Objects', 'Estimate', ''], rows, { numeric: [1, 2] });
  }

  // Puts an answer in the scenario: the item's objects, and its workforce or
  // active learning when the answer was for another.
  /**
   * @param {number} index
   * @param {number} objects
   * @param {Change | null} change
   * @param {string} label
   */
  function use(index, objects, change, label) {
    const entry = app.state.items[index];
    if (!entry) return;
    const data = /** @type {CountedData} */ (entry.data);
    data.objects = objects;
    if (change?.workforce) {
      data.workforce = change.workforce;
      delete /** @type {LabelingData} */ (data).multiplier;
      delete /** @type {LabelingData} */ (data).unit_price;
      const paid = app.card().workforces[change.workforce]?.labor;
      delete /** @type {LabelingData} */ (data)[paid ? 'worker_price' : 'labor'];
    }
    if (change?.activeLearning === false) delete /** @type {LabelingData} */ (data).active_learning;
    app.changed(`Use ${count(objects)} objects from the budget`, { structural: true });
    app.say(`Item ${index + 1} now has ${count(objects)} objects${label ? ` (${label})` : ''}.`, { undo: true });
  }

  return { element, render };
}
