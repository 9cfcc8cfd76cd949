// The scenario editor: a list of items, each with the fields of its kind
// (what an item is, and how its text is read: item-model.js).
// Typed text is read into exact values; what cannot be read is said at the
// field and leaves the scenario (and the last estimate) as it was.
import { h, fill, uid } from './dom.js';
import { money, count } from './numbers.js';
import { KINDS, newItem } from './item-model.js';
import { createItemCard } from './item-card.js';

/** @typedef {import('./types.js').ItemKind} ItemKind */
/** @typedef {import('./types.js').Issue} Issue */
/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./engine.js').EngineIssue} EngineIssue */
/** @typedef {import('./item-model.js').EditorItem} EditorItem */
/** @typedef {import('./item-model.js').Card} Card */
/**
 * An item card's parts that annotate() writes to.
 * @typedef {{li: Element, msgs: Map<string, HTMLElement>, cost: Element | null, notes: Element | null,
 *   notesText: string | null}} CardParts
 */
/** @typedef {{text: string, warn: boolean, input: HTMLElement | null}} Said  a message as written */

/**
 * What the editor's parts share (editor.js, item-card.js, fields.js).
 * @typedef {object} EditorContext
 * @property {import('./app.js').Context} app
 * @property {HTMLOListElement} list   the item list
 * @property {Map<string, {text: string, message: string}>} drafts
 *   text typed into a field that could not be read, by "item id:field"
 * @property {Set<string>} opened      items whose "More options" are open, kept across re-renders
 * @property {(index: number) => string} itemLabel  "item 2 (Cars)", for undo labels and messages
 * @property {{move: (index: number, by: number) => void, remove: (index: number) => void,
 *   duplicate: (index: number) => void}} actions  what an item's header buttons do
 */

/**
 * @param {HTMLElement} root   where the item list goes
 * @param {import('./app.js').Context} app
 */
export function createEditor(root, app) {
  const list = h('ol', { class: 'items', 'aria-label': 'Scenario items' });
  const empty = h('p', { class: 'empty', text: 'No items yet: add what you will label, auto-label, store or pay for.' });
  const adders = h('div', { class: 'adders', role: 'group', 'aria-label': 'Add an item' },
    h('span', { class: 'adders-label', text: 'Add' }),
    /** @type {[ItemKind, string][]} */ (Object.entries(KINDS)).map(([kind, label]) =>
      h('button', { type: 'button', class: 'add', dataset: { add: kind }, text: `+ ${label}`, onclick: () => add(kind) })));
  // Settings of the whole scenario that the card offers (its free tier).
  const settings = h('div', { class: 'scenario-settings' });
  fill(root, settings, list, empty, adders);

  /** @type {EditorContext['drafts']} */
  const drafts = new Map();
  /** @param {number} index */
  const itemLabel = (index) => {
    const name = /** @type {EditorItem[]} */ (app.state.items)[index]?.data.name;
    return name ? `item ${index + 1} (${name})` : `item ${index + 1}`;
  };
  const itemCard = createItemCard({ app, list, drafts, opened: new Set(), itemLabel, actions: { move, remove, duplicate } });

  /** @param {ItemKind} kind */
  function add(kind) {
    const items = /** @type {EditorItem[]} */ (app.state.items);
    items.push({ id: app.nextId(), data: newItem(kind, /** @type {Card} */ (app.card())) });
    app.changed(`Add ${KINDS[kind].toLowerCase()}`, { structural: true });
    focusItem(items[items.length - 1].id);
  }

  /**
   * @param {string} id
   * @param {string} [selector]  of an input, select or button
   */
  function focusItem(id, selector = 'input, select, button') {
    const el = /** @type {HTMLElement | null | undefined} */ (list.querySelector(`[data-item="${id}"]`)?.querySelector(selector));
    el?.focus();
  }

  /**
   * @param {number} index
   * @param {number} by
   */
  function move(index, by) {
    const items = /** @type {EditorItem[]} */ (app.state.items);
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    const label = `Move ${itemLabel(index)} ${by < 0 ? 'up' : 'down'}`;
    const [it] = items.splice(index, 1);
    items.splice(to, 0, it);
    app.changed(label, { structural: true });
    /** @type {HTMLElement | null} */ (list.querySelector(`[data-item="${it.id}"] [data-action="${by < 0 ? 'up' : 'down'}"]`))?.focus();
  }

  /** @param {number} index */
  function remove(index) {
    const items = /** @type {EditorItem[]} */ (app.state.items);
    const label = `Remove ${itemLabel(index)}`;
    const [gone] = items.splice(index, 1);
    for (const key of [...drafts.keys()]) if (key.startsWith(`${gone.id}:`)) drafts.delete(key);
    app.changed(label, { structural: true });
    app.say(`Removed ${label.slice(7)}.`, { undo: true });
    const next = items[index] ?? items[index - 1];
    if (next) focusItem(next.id, '[data-action="remove"]');
    else adders.querySelector('button')?.focus();
  }

  /** @param {number} index */
  function duplicate(index) {
    const items = /** @type {EditorItem[]} */ (app.state.items);
    const copy = { id: app.nextId(), data: structuredClone(items[index].data) };
    if (copy.data.name) copy.data.name = `${copy.data.name} (copy)`;
    items.splice(index + 1, 0, copy);
    app.changed(`Copy ${itemLabel(index)}`, { structural: true });
    focusItem(copy.id);
  }

  // Each item's card and the parts annotate() writes to, by item id.
  /** @type {Map<string, CardParts>} */
  let parts = new Map();
  /** @param {string} id */
  function partsOf(id) {
    if (parts.has(id)) return parts.get(id);
    const li = list.querySelector(`[data-item="${id}"]`);
    if (!li) return null;
    const msgs = new Map([.../** @type {NodeListOf<HTMLElement>} */ (li.querySelectorAll('[data-msg-for]'))].map((el) => /** @type {[string, HTMLElement]} */ ([el.dataset.msgFor, el])));
    /** @type {CardParts} */
    const found = { li, msgs, cost: li.querySelector('[data-cost-for]'), notes: li.querySelector('[data-notes-for]'), notesText: null };
    parts.set(id, found);
    return found;
  }

  function render() {
    const card = /** @type {Card} */ (app.card());
    const items = /** @type {EditorItem[]} */ (app.state.items);
    // Keep the focused field focused across a rebuild.
    const active = /** @type {(Element & Partial<HTMLOrSVGElement>) | null | undefined} */ (/** @type {Partial<DocumentOrShadowRoot>} */ (list.getRootNode()).activeElement);
    const activeItem = /** @type {HTMLElement | null | undefined} */ (active?.closest?.('[data-item]'))?.dataset.item;
    const activeField = active?.dataset?.field ?? active?.dataset?.action;
    fill(settings, freeTier(card));
    fill(list, items.map((item, i) => itemCard(item, i, items.length, card)));
    parts = new Map();
    shown = new Map();
    empty.hidden = items.length > 0;
    for (const [key, draft] of drafts) {
      const [id, field] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const input = list.querySelector(`[data-item="${id}"] [data-field="${field}"]`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        const msg = /** @type {Element} */ (input.parentElement).querySelector('.msg');
        if (msg) msg.textContent = draft.message;
      }
    }
    if (activeItem && activeField && list.contains(/** @type {Element} */ (active)) === false) {
      /** @type {HTMLElement | null} */ (list.querySelector(`[data-item="${activeItem}"] [data-field="${activeField}"], [data-item="${activeItem}"] [data-action="${activeField}"]`))?.focus();
    }
  }

  /** @param {Card} card */
  function freeTier(card) {
    if (!card.free_tier) return null;
    const id = uid('f');
    const box = h('input', { id, type: 'checkbox', checked: app.state.freeTier, dataset: { field: 'free_tier' }, 'aria-describedby': `${id}-hint` });
    box.addEventListener('change', () => {
      app.state.freeTier = box.checked;
      app.changed(`Turn the free tier ${box.checked ? 'on' : 'off'}`);
    });
    const { objects, months } = card.free_tier;
    return h('div', { class: 'field check' }, box, h('label', { for: id, text: 'Free tier: your first two months of SageMaker use' }),
      h('small', { id: `${id}-hint`, class: 'hint', text: `The Ground Truth fee on the first ${count(objects)} objects of each of months 1${months > 1 ? `–${months}` : ''} is waived; worker and vendor pay are not.` }));
  }

  // What annotate() last wrote: message element -> {text, warn, input}.
  /** @type {Map<Element, Said>} */
  let shown = new Map();

  // Where an issue with this path is said: the most specific field the path
  // names, else the item itself.
  /** @param {{path: string}} issue */
  function placeOf(issue) {
    const m = /^items\[(\d+)\]\.?(.*)$/.exec(issue.path);
    const item = m && app.state.items[+m[1]];
    const found = item && partsOf(item.id);
    if (!found) return null;
    let path = m[2];
    /** @type {HTMLElement | null | undefined} */
    let target = null;
    while (path && !(target = found.msgs.get(path))) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    if (!target && m[2].startsWith('labor')) target = found.msgs.get('labor.hourly');
    return { target: target ?? found.msgs.get(''), key: m[2], path, li: found.li };
  }

  /**
   * Shows the engine's view: item costs, its errors and warnings at their
   * fields, and notes where the rate cards disagree. Only what changed is
   * written.
   * @param {{result?: Result | null, errors?: EngineIssue[], warnings?: Issue[], notes?: Map<number, string[]>}} view
   *   notes: by item index
   */
  function annotate({ result, errors = [], warnings = [], notes }) {
    const items = app.state.items;
    /** @type {Map<Element, Said>} */
    const wanted = new Map();
    for (const [key, draft] of drafts) {
      const [id, field] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const el = partsOf(id)?.msgs.get(field);
      if (el) wanted.set(el, { text: draft.message, warn: false, input: null });
    }
    /**
     * @param {EngineIssue} issue
     * @param {'error' | 'warning'} kind
     */
    const place = (issue, kind) => {
      const at = placeOf(issue);
      if (!at?.target) return false;
      const words = kind === 'error' ? app.fieldText(issue, at.key) : app.warningText(issue);
      const now = wanted.get(at.target) ?? { text: '', warn: kind !== 'error', input: null };
      if (!now.text.includes(words)) now.text = now.text ? `${now.text} ${words}` : words;
      if (kind === 'error') {
        now.warn = false;
        now.input = /** @type {HTMLElement | null} */ (at.li.querySelector(`[data-field="${at.path}"]`));
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
      if (was.input && !drafts.has(`${/** @type {HTMLElement | null} */ (el.closest('[data-item]'))?.dataset.item}:${was.input.dataset.field}`)) was.input.removeAttribute('aria-invalid');
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
