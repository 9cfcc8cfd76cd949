// The scenario editor: a list of items, each with the fields of its kind
// (what an item is, and how its text is read: item-model.js).
// Typed text is read into exact values; what cannot be read is said at the
// field and leaves the scenario (and the last estimate) as it was.
import { h, fill, uid } from './dom.js';
import { toPercentText, money } from './numbers.js';
import { KINDS, MODALITIES, READ, shortTitle, stored, get, set, newItem } from './item-model.js';
import { fieldFor, fieldMessage, warningMessage } from './messages.js';

/**
 * @param {HTMLElement} root   where the item list goes
 * @param {import('./app.js').Context} app
 */
export function createEditor(root, app) {
  const list = h('ol', { class: 'items', 'aria-label': 'Scenario items' });
  const empty = h('p', { class: 'empty', text: 'No items yet: add what you will label, auto-label, store or pay for.' });
  const adders = h('div', { class: 'adders', role: 'group', 'aria-label': 'Add an item' },
    h('span', { class: 'adders-label', text: 'Add' }),
    Object.entries(KINDS).map(([kind, label]) =>
      h('button', { type: 'button', class: 'add', dataset: { add: kind }, text: `+ ${label}`, onclick: () => add(kind) })));
  fill(root, list, empty, adders);

  // drafts: text typed into a field that could not be read, by "id:field".
  const drafts = new Map();
  // Items whose "More options" are open, kept across re-renders.
  const opened = new Set();
  const itemLabel = (index) => {
    const name = app.state.items[index]?.data.name;
    return name ? `item ${index + 1} (${name})` : `item ${index + 1}`;
  };

  function add(kind) {
    const items = app.state.items;
    items.push({ id: app.nextId(), data: newItem(kind, app.card()) });
    app.changed(`Add ${KINDS[kind].toLowerCase()}`, { structural: true });
    focusItem(items[items.length - 1].id);
  }

  function focusItem(id, selector = 'input, select, button') {
    const el = list.querySelector(`[data-item="${id}"]`)?.querySelector(selector);
    el?.focus();
  }

  function move(index, by) {
    const items = app.state.items;
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    const label = `Move ${itemLabel(index)} ${by < 0 ? 'up' : 'down'}`;
    const [it] = items.splice(index, 1);
    items.splice(to, 0, it);
    app.changed(label, { structural: true });
    list.querySelector(`[data-item="${it.id}"] [data-action="${by < 0 ? 'up' : 'down'}"]`)?.focus();
  }

  function remove(index) {
    const items = app.state.items;
    const label = `Remove ${itemLabel(index)}`;
    const [gone] = items.splice(index, 1);
    for (const key of [...drafts.keys()]) if (key.startsWith(`${gone.id}:`)) drafts.delete(key);
    app.changed(label, { structural: true });
    app.say(`Removed ${label.slice(7)}.`, { undo: true });
    const next = items[index] ?? items[index - 1];
    if (next) focusItem(next.id, '[data-action="remove"]');
    else adders.querySelector('button')?.focus();
  }

  function duplicate(index) {
    const items = app.state.items;
    const copy = { id: app.nextId(), data: structuredClone(items[index].data) };
    if (copy.data.name) copy.data.name = `${copy.data.name} (copy)`;
    items.splice(index + 1, 0, copy);
    app.changed(`Copy ${itemLabel(index)}`, { structural: true });
    focusItem(copy.id);
  }

  // --- fields -------------------------------------------------------------

  function field(item, key, label, type, { hint = '', placeholder = '', unit = '', wide = false } = {}) {
    const id = uid('f');
    const draftKey = `${item.id}:${key}`;
    const draft = drafts.get(draftKey);
    const input = h('input', {
      id, type: 'text', inputmode: type === 'count' ? 'numeric' : 'decimal', autocomplete: 'off',
      value: draft ? draft.text : READ[type].show(get(item.data, key)), placeholder,
      dataset: { field: key, type }, 'aria-describedby': `${id}-msg${hint ? ` ${id}-hint` : ''}`,
    });
    input.addEventListener('input', () => edit(item, key, type, input, label));
    input.addEventListener('blur', () => tidy(item, key, type, input));
    return h('div', { class: `field${wide ? ' wide' : ''}` },
      h('label', { for: id }, label, unit ? h('span', { class: 'unit', text: ` (${unit})` }) : null),
      input,
      hint ? h('small', { id: `${id}-hint`, class: 'hint', text: hint }) : null,
      h('small', { id: `${id}-msg`, class: 'msg', role: 'status', dataset: { msgFor: key } }));
  }

  function edit(item, key, type, input, label) {
    const text = input.value;
    const draftKey = `${item.id}:${key}`;
    const optional = !['objects', 'fraction', 'gb', 'amount'].includes(key);
    let value;
    if (text.trim() === '') {
      if (!optional) return invalid(input, draftKey, text, 'Required: type ' + READ[type].hint + '.');
      value = undefined;
    } else {
      const read = READ[type].read(text);
      if (read === null && /^\s*[-−]/.test(text) && READ[type].read(text.replace(/^\s*[-−]/, '')) !== null) return invalid(input, draftKey, text, 'Cannot be negative.');
      if (read === null) return invalid(input, draftKey, text, `Cannot read "${text.trim()}": type ${READ[type].hint}.`);
      value = stored(read);
    }
    if (drafts.delete(draftKey)) {
      // What was said of the unreadable text goes; the engine's view follows.
      const msg = input.parentElement.querySelector('.msg');
      if (msg) msg.textContent = '';
    }
    input.removeAttribute('aria-invalid');
    set(item.data, key, value);
    const index = app.state.items.indexOf(item);
    app.changed(`Edit ${label.toLowerCase()} of ${itemLabel(index)}`, { field: `${item.id}:${key}` });
  }

  // On leaving a field that was read, show the value as it is stored.
  function tidy(item, key, type, input) {
    if (drafts.has(`${item.id}:${key}`)) return;
    const shown = READ[type].show(get(item.data, key));
    if (String(shown) !== input.value && input.value.trim() !== '') input.value = shown;
  }

  function invalid(input, draftKey, text, message) {
    drafts.set(draftKey, { text, message });
    input.setAttribute('aria-invalid', 'true');
    const msg = input.parentElement.querySelector('.msg');
    if (msg) msg.textContent = message;
    app.inputProblem();
  }

  function select(item, key, label, options, { structural = true, none = null, beside = '' } = {}) {
    const id = uid('f');
    const current = get(item.data, key);
    const el = h('select', { id, dataset: { field: key }, 'aria-describedby': `${id}-msg` },
      none ? h('option', { value: '', text: none, selected: current === undefined }) : null,
      options.map((o) => (o.group
        ? h('optgroup', { label: o.group }, o.options.map((p) => h('option', { value: p.value, text: p.label, selected: p.value === current })))
        : h('option', { value: o.value, text: o.label, selected: o.value === current }))));
    el.addEventListener('change', () => {
      set(item.data, key, el.value === '' ? undefined : el.value);
      app.changed(`Change ${label.toLowerCase()} of ${itemLabel(app.state.items.indexOf(item))}`, { structural });
      if (structural) list.querySelector(`[data-item="${item.id}"] [data-field="${key}"]`)?.focus();
    });
    if (beside) el.setAttribute('aria-describedby', `${id}-beside ${id}-msg`);
    return h('div', { class: `field field-${key.replace(/\W+/g, '-')}` }, h('label', { for: id, text: label }), el,
      beside ? h('small', { id: `${id}-beside`, class: 'hint', text: beside }) : null,
      h('small', { id: `${id}-msg`, class: 'msg', role: 'status', dataset: { msgFor: key } }));
  }

  function checkbox(item, label, checked, onchange, { disabled = false, hint = '' } = {}) {
    const id = uid('f');
    const el = h('input', { id, type: 'checkbox', checked, disabled, 'aria-describedby': hint ? `${id}-hint` : null });
    el.addEventListener('change', () => onchange(el.checked));
    return h('div', { class: 'field check' }, el, h('label', { for: id, text: label }),
      hint ? h('small', { id: `${id}-hint`, class: 'hint', text: hint }) : null);
  }

  function taskOptions(card) {
    const groups = new Map();
    for (const [id, t] of Object.entries(card.tasks)) {
      const g = MODALITIES[t.modality] ?? t.modality;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push({ value: id, label: shortTitle(t.title, g).short });
    }
    return [...groups].map(([group, options]) => ({ group, options }));
  }

  // What the short option leaves out: the modality, and what is priced.
  function taskBeside(task) {
    if (!task) return '';
    const g = MODALITIES[task.modality] ?? task.modality;
    const { detail } = shortTitle(task.title, g);
    return [g, `priced per ${task.unit}`, detail].filter(Boolean).join(' · ');
  }

  function workforceOptions(card, task) {
    return Object.entries(card.workforces).map(([id, w]) => ({
      value: id,
      label: task?.unavailable?.includes(id) ? `${shortTitle(w.title).short} (not available)` : shortTitle(w.title).short,
    }));
  }

  function labelingFields(item, card) {
    const d = item.data;
    const task = card.tasks[d.task];
    const wf = card.workforces[d.workforce];
    const unit = task?.unit ?? 'object';
    const main = [
      select(item, 'task', 'Task', taskOptions(card), { beside: taskBeside(task) }),
      field(item, 'objects', `${unit[0].toUpperCase()}${unit.slice(1)}s`, 'count', { placeholder: 'e.g. 20k' }),
      select(item, 'workforce', 'Workforce', workforceOptions(card, task), { beside: wf ? shortTitle(wf.title).detail : '' }),
    ];
    const sections = [h('div', { class: 'row main' }, main)];
    if (wf?.labor) {
      sections.push(h('fieldset', { class: 'row sub' }, h('legend', { text: 'Private workforce pay (leave empty to exclude it)' }),
        field(item, 'labor.hourly', 'Hourly pay', 'money', { unit: '$', placeholder: 'e.g. 25' }),
        field(item, 'labor.seconds_per_object', 'Seconds per object, per worker', 'number', { placeholder: 'e.g. 30' })));
    }
    const supported = task?.active_learning === true;
    const al = d.active_learning;
    const alTasks = Object.values(card.tasks).filter((t) => t.active_learning).map((t) => t.title.toLowerCase()).join(', ');
    const alBox = checkbox(item, 'Active learning: a model labels what it is confident about', !!al && supported, (on) => {
      if (on) d.active_learning = {};
      else delete d.active_learning;
      app.changed(`Turn active learning ${on ? 'on' : 'off'} for ${itemLabel(app.state.items.indexOf(item))}`, { structural: true });
      list.querySelector(`[data-item="${item.id}"] [data-field="active_learning.auto_fraction"]`)?.focus();
    }, { disabled: !supported && !al, hint: supported ? '' : `Offered for ${alTasks} on this rate card.` });
    const alRange = card.active_learning;
    const alFields = al ? h('div', { class: 'row sub' },
      field(item, 'active_learning.auto_fraction', 'Auto-labeled', 'percent', { unit: '%', placeholder: `${toPercentText(alRange.auto_fraction.typical)} (${toPercentText(alRange.auto_fraction.min)}–${toPercentText(alRange.auto_fraction.max)})` }),
      field(item, 'active_learning.compute_per_10k', 'Compute per 10,000', 'money', { unit: '$', placeholder: `${alRange.compute_per_10k.typical} (${alRange.compute_per_10k.min}–${alRange.compute_per_10k.max})` })) : null;
    sections.push(h('div', { class: 'al' }, alBox, alFields));

    const range = wf?.multiplier;
    const more = [];
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
    more.push(field(item, 'duplicates', 'Duplicates removed first', 'percent', { unit: '%', placeholder: '0' }));
    const keys = ['multiplier', 'workers', 'worker_price', 'jobs', 'duplicates'];
    if (keys.some((k) => d[k] !== undefined || drafts.has(`${item.id}:${k}`))) opened.add(item.id);
    const inside = [range && range.min !== range.max ? 'price multiple' : null, 'workers',
      card.price_basis === 'worker-task' && !wf?.labor ? 'worker price' : null, 'jobs', 'duplicates'].filter(Boolean);
    const details = h('details', { class: 'more', open: opened.has(item.id) },
      h('summary', { text: `More options: ${inside.join(', ')}` }), h('div', { class: 'row' }, more));
    details.addEventListener('toggle', () => (details.open ? opened.add(item.id) : opened.delete(item.id)));
    sections.push(details);
    return sections;
  }

  function autoFields(item, card) {
    const d = item.data;
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
      list.querySelector(`[data-item="${item.id}"] [data-field="compute-mode"]`)?.focus();
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
        d.task ? select(item, 'workforce', 'Otherwise labeled by', workforceOptions(card, card.tasks[d.task])) : null),
    ];
  }

  function kindFields(item, card) {
    switch (item.data.kind) {
      case 'labeling': return labelingFields(item, card);
      case 'auto-labeling': return autoFields(item, card);
      case 'rework': return [h('div', { class: 'row' }, field(item, 'fraction', 'Share of labeling cost re-done', 'percent', { unit: '%', placeholder: '10' }))];
      case 'storage': return [h('div', { class: 'row' },
        field(item, 'gb', 'Size', 'number', { unit: 'GB' }),
        field(item, 'months', 'Months', 'count', { placeholder: '1' }))];
      default: return [h('div', { class: 'row' }, field(item, 'amount', 'Amount', 'money', { unit: '$' }))];
    }
  }

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

  // Each item's card and the parts annotate() writes to, by item id.
  let parts = new Map();
  function partsOf(id) {
    if (parts.has(id)) return parts.get(id);
    const li = list.querySelector(`[data-item="${id}"]`);
    if (!li) return null;
    const msgs = new Map([...li.querySelectorAll('[data-msg-for]')].map((el) => [el.dataset.msgFor, el]));
    const found = { li, msgs, cost: li.querySelector('[data-cost-for]'), notes: li.querySelector('[data-notes-for]'), notesText: null };
    parts.set(id, found);
    return found;
  }

  function render() {
    const card = app.card();
    const items = app.state.items;
    // Keep the focused field focused across a rebuild.
    const active = list.getRootNode().activeElement;
    const activeItem = active?.closest?.('[data-item]')?.dataset.item;
    const activeField = active?.dataset?.field ?? active?.dataset?.action;
    fill(list, items.map((item, i) => itemCard(item, i, items.length, card)));
    parts = new Map();
    shown = new Map();
    empty.hidden = items.length > 0;
    for (const [key, draft] of drafts) {
      const [id, field] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const input = list.querySelector(`[data-item="${id}"] [data-field="${field}"]`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        const msg = input.parentElement.querySelector('.msg');
        if (msg) msg.textContent = draft.message;
      }
    }
    if (activeItem && activeField && list.contains(active) === false) {
      list.querySelector(`[data-item="${activeItem}"] [data-field="${activeField}"], [data-item="${activeItem}"] [data-action="${activeField}"]`)?.focus();
    }
  }

  // What annotate() last wrote: message element -> {text, warn, input}.
  let shown = new Map();

  // Where an issue with this path is said: the most specific field the path
  // names, else the item itself.
  function placeOf(issue) {
    const m = /^items\[(\d+)\]\.?(.*)$/.exec(issue.path);
    const item = m && app.state.items[+m[1]];
    const found = item && partsOf(item.id);
    if (!found) return null;
    let path = m[2];
    let target = null;
    while (path && !(target = found.msgs.get(path))) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    if (!target && m[2].startsWith('labor')) target = found.msgs.get('labor.hourly');
    return { target: target ?? found.msgs.get(''), key: m[2], path, li: found.li };
  }

  /**
   * Shows the engine's view: item costs, its errors and warnings at their
   * fields, and notes where the rate cards disagree. Only what changed is
   * written.
   */
  function annotate({ result, errors = [], warnings = [], notes }) {
    const items = app.state.items;
    const cardTitle = app.card().title;
    /** @type {Map<Element, {text: string, warn: boolean, input: Element|null}>} */
    const wanted = new Map();
    for (const [key, draft] of drafts) {
      const [id, field] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const el = partsOf(id)?.msgs.get(field);
      if (el) wanted.set(el, { text: draft.message, warn: false, input: null });
    }
    const place = (issue, kind) => {
      const at = placeOf(issue);
      if (!at?.target) return false;
      const words = kind === 'error' ? fieldMessage(issue, { ...fieldFor(at.key), cardTitle }) : warningMessage(issue, { cardTitle });
      const now = wanted.get(at.target) ?? { text: '', warn: kind !== 'error', input: null };
      if (!now.text.includes(words)) now.text = now.text ? `${now.text} ${words}` : words;
      if (kind === 'error') {
        now.warn = false;
        now.input = at.li.querySelector(`[data-field="${at.path}"]`);
      }
      wanted.set(at.target, now);
      return true;
    };
    const unplaced = [];
    for (const e of errors) if (!place(e, 'error')) unplaced.push(e);
    for (const w of warnings) place(w, 'warning');
    for (const [el, was] of shown) {
      if (wanted.has(el)) continue;
      el.textContent = '';
      el.classList.remove('warn');
      if (was.input && !drafts.has(`${el.closest('[data-item]')?.dataset.item}:${was.input.dataset.field}`)) was.input.removeAttribute('aria-invalid');
    }
    for (const [el, want] of wanted) {
      if (el.textContent !== want.text) el.textContent = want.text;
      el.classList.toggle('warn', want.warn);
      want.input?.setAttribute('aria-invalid', 'true');
    }
    shown = wanted;
    items.forEach((item, i) => {
      const found = partsOf(item.id);
      if (!found) return;
      const cost = result?.items[i] ? money(result.items[i].cost) : '';
      if (found.cost && found.cost.textContent !== cost) found.cost.textContent = cost;
      if (found.notes && notes) {
        const list_ = notes.get(i) ?? [];
        const text = list_.join('\n');
        if (found.notesText !== text) {
          found.notesText = text;
          fill(found.notes, list_.map((t) => h('li', { text: t })));
        }
      }
    });
    return unplaced;
  }

  return { render, annotate, hasDrafts: () => drafts.size > 0, clearDrafts: () => drafts.clear() };
}
