// The inputs of an item card: text fields read into exact values (what
// cannot be read is said at the field and kept as a draft), selects and
// checkboxes, each writing to the item's data and recording the change.
import { h, uid } from './dom.js';
import { READ, get, set, readTyped } from './item-model.js';

/** @typedef {import('./types.js').Decimal} Decimal */
/** @typedef {import('./item-model.js').EditorItem} EditorItem */
/** @typedef {keyof typeof READ} FieldType */
/** @typedef {{value: string, label: string}} Option */
/** @typedef {(Option & {group?: undefined}) | {group: string, options: Option[], value?: undefined, label?: undefined}} SelectOption */

/**
 * @param {import('./editor.js').EditorContext} ed
 */
export function createFields(ed) {
  const { app, drafts, list, itemLabel } = ed;

  /**
   * @param {EditorItem} item
   * @param {string} key  the field's path in the item
   * @param {string} label
   * @param {FieldType} type
   * @param {{hint?: string, placeholder?: string, unit?: string, wide?: boolean}} [how]
   */
  function field(item, key, label, type, { hint = '', placeholder = '', unit = '', wide = false } = {}) {
    const id = uid('f');
    const draftKey = `${item.id}:${key}`;
    const draft = drafts.get(draftKey);
    const input = h('input', {
      id, type: 'text', inputmode: type === 'count' ? 'numeric' : 'decimal', autocomplete: 'off',
      value: draft ? draft.text : READ[type].show(/** @type {Decimal | undefined} */ (get(item.data, key))), placeholder,
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

  /**
   * @param {EditorItem} item
   * @param {string} key
   * @param {FieldType} type
   * @param {HTMLInputElement} input
   * @param {string} label
   */
  function edit(item, key, type, input, label) {
    const text = input.value;
    const draftKey = `${item.id}:${key}`;
    const optional = !['objects', 'fraction', 'gb', 'amount'].includes(key);
    const { value, message } = readTyped(type, text, { optional });
    if (message) return invalid(input, draftKey, text, message);
    if (drafts.delete(draftKey)) {
      // What was said of the unreadable text goes; the engine's view follows.
      const msg = /** @type {HTMLElement} */ (input.parentElement).querySelector('.msg');
      if (msg) msg.textContent = '';
    }
    input.removeAttribute('aria-invalid');
    set(item.data, key, value);
    const index = app.state.items.indexOf(item);
    app.changed(`Edit ${label.toLowerCase()} of ${itemLabel(index)}`, { field: `${item.id}:${key}` });
  }

  // On leaving a field that was read, show the value as it is stored.
  /**
   * @param {EditorItem} item
   * @param {string} key
   * @param {FieldType} type
   * @param {HTMLInputElement} input
   */
  function tidy(item, key, type, input) {
    if (drafts.has(`${item.id}:${key}`)) return;
    const shown = READ[type].show(/** @type {Decimal | undefined} */ (get(item.data, key)));
    if (String(shown) !== input.value && input.value.trim() !== '') input.value = String(shown);
  }

  /**
   * @param {HTMLInputElement} input
   * @param {string} draftKey
   * @param {string} text
   * @param {string} message
   */
  function invalid(input, draftKey, text, message) {
    drafts.set(draftKey, { text, message });
    input.setAttribute('aria-invalid', 'true');
    const msg = /** @type {HTMLElement} */ (input.parentElement).querySelector('.msg');
    if (msg) msg.textContent = message;
    app.inputProblem();
  }

  /**
   * @param {EditorItem} item
   * @param {string} key
   * @param {string} label
   * @param {SelectOption[]} options
   * @param {{structural?: boolean, none?: string | null, beside?: string}} [how]
   */
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
      if (structural) /** @type {HTMLElement | null} */ (list.querySelector(`[data-item="${item.id}"] [data-field="${key}"]`))?.focus();
    });
    if (beside) el.setAttribute('aria-describedby', `${id}-beside ${id}-msg`);
    return h('div', { class: `field field-${key.replace(/\W+/g, '-')}` }, h('label', { for: id, text: label }), el,
      beside ? h('small', { id: `${id}-beside`, class: 'hint', text: beside }) : null,
      h('small', { id: `${id}-msg`, class: 'msg', role: 'status', dataset: { msgFor: key } }));
  }

  /**
   * @param {EditorItem} item
   * @param {string} label
   * @param {boolean} checked
   * @param {(on: boolean) => void} onchange
   * @param {{disabled?: boolean, hint?: string}} [how]
   */
  function checkbox(item, label, checked, onchange, { disabled = false, hint = '' } = {}) {
    const id = uid('f');
    const el = h('input', { id, type: 'checkbox', checked, disabled, 'aria-describedby': hint ? `${id}-hint` : null });
    el.addEventListener('change', () => onchange(el.checked));
    return h('div', { class: 'field check' }, el, h('label', { for: id, text: label }),
      hint ? h('small', { id: `${id}-hint`, class: 'hint', text: hint }) : null);
  }

  return { field, select, checkbox };
}
