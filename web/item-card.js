// One item's card: its header (kind, cost, name, move/copy/remove) and the
// fields of its kind (fields.js builds each input).
import { h, uid } from './dom.js';
import { toPercentText } from './numbers.js';
import { KINDS, MODALITIES, shortTitle } from './item-model.js';
import { createFields } from './fields.js';

/** @typedef {import('./item-model.js').Card} Card */
/** @typedef {import('./item-model.js').CardTask} CardTask */
/** @typedef {import('./item-model.js').EditorItem} EditorItem */
/** @typedef {import('./item-model.js').ItemData} ItemData */
/** @typedef {import('./fields.js').Option} Option */

/**
 * @param {Card} card
 * @returns {{group: string, options: Option[]}[]}
 */
function taskOptions(card) {
  /** @type {Map<string, Option[]>} */
  const groups = new Map();
  for (const [id, t] of Object.entries(card.tasks)) {
    const g = MODALITIES[t.modality] ?? t.modality;
    if (!groups.has(g)) groups.set(g, []);
    /** @type {Option[]} */ (groups.get(g)).push({ value: id, label: shortTitle(t.title, g).short });
  }
  return [...groups].map(([group, options]) => ({ group, options }));
}

// What the short option leaves out: the modality, and what is priced.
/** @param {CardTask | undefined} task */
function taskBeside(task) {
  if (!task) return '';
  const g = MODALITIES[task.modality] ?? task.modality;
  const { detail } = shortTitle(task.title, g);
  return [g, `priced per ${task.unit}`, detail].filter(Boolean).join(' · ');
}

/**
 * @param {Card} card
 * @param {CardTask | undefined} task
 * @returns {Option[]}
 */
function workforceOptions(card, task) {
  return Object.entries(card.workforces).map(([id, w]) => ({
    value: id,
    label: task?.unavailable?.includes(id) ? `${shortTitle(w.title).short} (not available)` : shortTitle(w.title).short,
  }));
}

// Whether the card's fee has tiers or a free tier, which count by month.
/** @param {Card} card */
const monthly = (card) => (card.fee?.length ?? 0) > 1 || !!card.free_tier;

/**
 * @param {import('./editor.js').EditorContext} ed
 * @returns {(item: EditorItem, index: number, count: number, card: Card) => HTMLLIElement}
 */
export function createItemCard(ed) {
  const { app, drafts, opened, list, itemLabel, actions: { move, remove, duplicate } } = ed;
  const { field, select, checkbox } = createFields(ed);


  /**
   * @param {EditorItem} item  a labeling item
   * @param {Card} card
   */
  function labelingFields(item, card) {
    const d = /** @type {Extract<ItemData, {kind: 'labeling'}>} */ (item.data);
    const task = card.tasks[d.task];
    const wf = card.workforces[d.workforce];
    const unit = task?.unit ?? 'object';
    const main = [
      select(item, 'task', 'Task', taskOptions(card), { beside: taskBeside(task) }),
      field(item, 'objects', `${unit[0].toUpperCase()}${unit.slice(1)}s`, 'count', { placeholder: 'e.g. 20k' }),
      select(item, 'workforce', 'Workforce', workforceOptions(card, task), { beside: wf ? shortTitle(wf.title).detail : '' }),
    ];
    /** @type {HTMLElement[]} */
    const sections = [h('div', { class: 'row main' }, main)];
    if (wf?.labor) {
      sections.push(h('fieldset', { class: 'row sub' }, h('legend', { text: 'Private workforce pay (leave empty to exclude it)' }),
        field(item, 'labor.hourly', 'Hourly pay', 'money', { unit: '$', placeholder: 'e.g. 25' }),
        field(item, 'labor.seconds_per_object', 'Seconds per object, per worker', 'number', {
          placeholder: card.effort?.[d.task] ? `e.g. ${card.effort[d.task].seconds.typical}` : 'e.g. 30',
          hint: 'Also the effort\'s seconds.' })));
    }
    const supported = task?.active_learning === true;
    const al = d.active_learning;
    const alTasks = Object.values(card.tasks).filter((t) => t.active_learning).map((t) => t.title.toLowerCase()).join(', ');
    const alBox = checkbox(item, 'Active learning: a model labels what it is confident about', !!al && supported, (on) => {
      if (on) d.active_learning = {};
      else delete d.active_learning;
      app.changed(`Turn active learning ${on ? 'on' : 'off'} for ${itemLabel(app.state.items.indexOf(item))}`, { structural: true });
      /** @type {HTMLElement | null} */ (list.querySelector(`[data-item="${item.id}"] [data-field="active_learning.auto_fraction"]`))?.focus();
    }, { disabled: !supported && !al, hint: supported ? '' : `Offered for ${alTasks} on this rate card.` });
    const alRange = card.active_learning;
    const alFields = al ? h('div', { class: 'row sub' },
      field(item, 'active_learning.auto_fraction', 'Auto-labeled', 'percent', { unit: '%', placeholder: `${toPercentText(alRange.auto_fraction.typical)} (${toPercentText(alRange.auto_fraction.min)}–${toPercentText(alRange.auto_fraction.max)})` }),
      field(item, 'active_learning.compute_per_10k', 'Compute per 10,000', 'money', { unit: '$', placeholder: `${alRange.compute_per_10k.typical} (${alRange.compute_per_10k.min}–${alRange.compute_per_10k.max})` })) : null;
    sections.push(h('div', { class: 'al' }, alBox, alFields));

    const range = wf?.multiplier;
    const more = [];
    if (!wf?.labor) {
      more.push(field(item, 'unit_price', 'Your price per object', 'money', {
        unit: '$', placeholder: 'a quote', hint: 'All workers included; replaces the rate card\'s price for labels.',
      }));
    }
    if (range && range.min !== range.max) {
      more.push(field(item, 'multiplier', 'Price multiple', 'number', { unit: '× Mechanical Turk', placeholder: `${range.typical} (${range.min}–${range.max})` }));
    }
    const defaultWorkers = task?.default_workers ?? card.workers.default;
    more.push(field(item, 'workers', 'Workers per object', 'count', { placeholder: `${defaultWorkers} (${card.workers.min}–${card.workers.max})` }));
    if (card.price_basis === 'worker-task' && !wf?.labor) {
      const list_ = task?.mturk_prices && d.workforce === 'mturk' ? card.price_lists?.[task.mturk_prices] : null;
      more.push(field(item, 'worker_price', 'Price per worker per object', 'money', {
        unit: '$', placeholder: `${task?.price ?? ''}`,
        hint: list_ ? `Mechanical Turk allows ${list_.slice(0, 6).join(', ')}${list_.length > 6 ? ', …' : ''}` : '',
      }));
    }
    more.push(field(item, 'jobs', 'Separate jobs', 'count', { placeholder: '1' }));
    if (monthly(card)) more.push(monthField(item));
    more.push(field(item, 'duplicates', 'Duplicates removed first', 'percent', { unit: '%', placeholder: '0' }));
    // With a private workforce's pay, its seconds are the effort's too.
    const ownSeconds = !wf?.labor || d.seconds_per_object !== undefined;
    if (ownSeconds) {
      const typical = card.effort?.[d.task]?.seconds?.typical;
      more.push(field(item, 'seconds_per_object', 'Seconds per object, per worker', 'number', {
        unit: 's', placeholder: typical !== undefined ? `${typical} (rate card)` : 'e.g. 30',
        hint: 'For the effort and schedule; prices do not change.',
      }));
    }
    /** @type {(keyof typeof d)[]} */
    const keys = ['unit_price', 'multiplier', 'workers', 'worker_price', 'jobs', 'duplicates', 'month', 'seconds_per_object'];
    if (keys.some((k) => d[k] !== undefined || drafts.has(`${item.id}:${k}`))) opened.add(item.id);
    const inside = [!wf?.labor ? 'your price' : null, range && range.min !== range.max ? 'price multiple' : null, 'workers',
      card.price_basis === 'worker-task' && !wf?.labor ? 'worker price' : null, 'jobs', 'duplicates',
      monthly(card) ? 'month' : null, ownSeconds ? 'seconds per object' : null].filter(Boolean);
    const details = h('details', { class: 'more', open: opened.has(item.id) },
      h('summary', { text: `More options: ${inside.join(', ')}` }), h('div', { class: 'row' }, more));
    details.addEventListener('toggle', () => (details.open ? opened.add(item.id) : opened.delete(item.id)));
    sections.push(details);
    return sections;
  }

  /**
   * @param {EditorItem} item  an auto-labeling item
   * @param {Card} card
   */
  function autoFields(item, card) {
    const d = /** @type {Extract<ItemData, {kind: 'auto-labeling'}>} */ (item.data);
    const stated = d.compute !== undefined;
    const modeId = uid('f');
    const mode = h('select', { id: modeId, dataset: { field: 'compute-mode' } },
      h('option', { value: 'rate', text: 'per 10,000 objects', selected: !stated }),
      h('option', { value: 'stated', text: 'one amount for the batch', selected: stated }));
    mode.addEventListener('change', () => {
      if (mode.value === 'stated') {
        d.compute = 0;
        delete d.compute_per_10k;
      } else {
        delete d.compute;
      }
      app.changed(`Change how compute is priced for ${itemLabel(app.state.items.indexOf(item))}`, { structural: true });
      /** @type {HTMLElement | null} */ (list.querySelector(`[data-item="${item.id}"] [data-field="compute-mode"]`))?.focus();
    });
    const range = card.active_learning.compute_per_10k;
    return [
      h('div', { class: 'row' },
        field(item, 'objects', 'Objects auto-labeled', 'count', { placeholder: 'e.g. 80k' }),
        h('div', { class: 'field' }, h('label', { for: modeId, text: 'Compute priced' }), mode),
        stated ? field(item, 'compute', 'Compute for the batch', 'money', { unit: '$' })
          : field(item, 'compute_per_10k', 'Compute per 10,000', 'money', { unit: '$', placeholder: `${range.typical} (${range.min}–${range.max})` })),
      h('div', { class: 'row' },
        select(item, 'task', 'Task it replaces (to count the saving)', taskOptions(card), { none: '— not counted —' }),
        d.task ? select(item, 'workforce', 'Otherwise labeled by', workforceOptions(card, card.tasks[d.task])) : null,
        monthly(card) ? monthField(item) : null),
    ];
  }

  /** @param {EditorItem} item */
  function monthField(item) {
    return field(item, 'month', 'Month', 'count', { placeholder: '1', hint: "The fee's tiers count each calendar month's objects." });
  }

  /**
   * @param {EditorItem} item
   * @param {Card} card
   * @returns {HTMLElement[]}
   */
  function kindFields(item, card) {
    switch (item.data.kind) {
      case 'labeling': return labelingFields(item, card);
      case 'auto-labeling': return autoFields(item, card);
      case 'rework': return [h('div', { class: 'row' }, field(item, 'fraction', 'Share of labeling cost re-done', 'percent', { unit: '%', placeholder: '10' }))];
      case 'storage': return [h('div', { class: 'row' },
        field(item, 'gb', 'Size', 'number', { unit: 'GB' }),
        field(item, 'months', 'Months', 'count', { placeholder: '1' }))];
      case 'discount': return [h('div', { class: 'row' },
        field(item, 'fraction', 'Discount', 'percent', { unit: '%', placeholder: '10' }),
        select(item, 'of', 'On', [{ value: 'all', label: 'every item above it' }, { value: 'labeling', label: 'the labeling items' }],
          { structural: false }))];
      case 'credit': return [h('div', { class: 'row' },
        field(item, 'amount', 'Credit', 'money', { unit: '$', hint: 'Taken off the total, which never goes below $0.00.' }))];
      default: return [h('div', { class: 'row' }, field(item, 'amount', 'Amount', 'money', { unit: '$' }))];
    }
  }

  /**
   * @param {EditorItem} item
   * @param {number} index
   * @param {number} count
   * @param {Card} card
   */
  function itemCard(item, index, count, card) {
    const d = item.data;
    const nameId = uid('f');
    const n = index + 1;
    const title = h('h3', { class: 'item-kind', id: `${nameId}-title`, text: `${n}. ${KINDS[d.kind] ?? d.kind}` });
    const name = h('input', { id: nameId, type: 'text', value: d.name ?? '', placeholder: 'Name (optional)', maxlength: 200, dataset: { field: 'name' }, 'aria-label': `Item ${n} name` });
    name.addEventListener('input', () => {
      if (name.value.trim()) d.name = name.value;
      else delete d.name;
      app.changed(`Rename item ${app.state.items.indexOf(item) + 1}`, { field: `${item.id}:name` });
    });
    /**
     * @param {string} action
     * @param {string} label
     * @param {string} text
     * @param {() => void} onclick
     */
    const button = (action, label, text, onclick, disabled = false) =>
      h('button', { type: 'button', class: `icon ${action}`, dataset: { action }, 'aria-label': `${label} item ${n}`, title: `${label}`, disabled, onclick, text });
    return h('li', { class: 'item', dataset: { item: item.id, kind: d.kind }, 'aria-labelledby': `${nameId}-title` },
      h('div', { class: 'item-head' },
        title,
        h('output', { class: 'item-cost', dataset: { costFor: item.id }, 'aria-label': `Item ${n} cost` })),
      h('div', { class: 'item-name-row' },
        name,
        h('div', { class: 'item-actions' },
          button('up', 'Move up', '↑', () => move(index, -1), index === 0),
          button('down', 'Move down', '↓', () => move(index, 1), index === count - 1),
          button('duplicate', 'Copy', 'Copy', () => duplicate(index)),
          button('remove', 'Remove', '✕', () => remove(index)))),
      kindFields(item, card),
      h('small', { class: 'msg item-msg', role: 'status', dataset: { msgFor: '' } }),
      h('ul', { class: 'item-notes', dataset: { notesFor: item.id } }));
  }

  return itemCard;
}
