// The calculator's controls: the scenario's name, a preset to load, the rate
// card, undo and redo, the share link, and a menu of the rest (export,
// import, print, embed, reset). Each action is the context's; this builds
// the controls and keeps them in step with the state.
import { h, uid } from './dom.js';
import { menuButton } from './menu.js';

/** @typedef {import('./types.js').RateCard} RateCard */
/** @typedef {import('./types.js').Preset} Preset */

/** The card select's value for the scenario's own card. */
export const OWN_CARD = '-own';

/**
 * A card's title without its closing parenthesis (its date), which the total's line says.
 * @param {string} title
 */
const optionTitle = (title) => title.replace(/\s*\([^)]*\)$/, '');

/**
 * @param {import('./app.js').Context} ctx
 * @param {{copyLink: () => void, share: (() => void)|null, embed: () => void, exportCsv: () => void,
 *   exportJson: () => void, importJson: () => void, exportCard: () => void, editPrices: () => void,
 *   print: () => void, reset: () => void}} actions
 */
export function createToolbar(ctx, actions) {
  const nameId = uid('f');
  const name = h('input', { id: nameId, type: 'text', maxlength: 200, placeholder: 'Untitled scenario', dataset: { field: 'scenario-name' } });
  name.addEventListener('input', () => {
    ctx.state.name = name.value;
    ctx.changed('Rename the scenario', { field: 'scenario-name' });
  });

  const presetId = uid('f');
  const preset = h('select', { id: presetId, dataset: { control: 'preset' } },
    h('option', { value: '', text: 'Choose…' }),
    h('option', { value: '-empty', text: 'Empty scenario' }),
    /** @type {Preset[]} */ (ctx.presets).map((p) => h('option', { value: p.name, text: p.title || p.name })));
  // A preset replaces the scenario: only on an explicit choice (Load, or
  // Enter on the list), never on moving through the list.
  const loadPreset = () => {
    if (!preset.value) return;
    ctx.loadPreset(preset.value);
    preset.value = '';
  };
  preset.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      loadPreset();
    }
  });
  const load = h('button', { type: 'button', dataset: { action: 'load-preset' }, text: 'Load', onclick: loadPreset });

  const cardId = uid('f');
  // The scenario's own card, when it has had one, is the last choice.
  const own = h('option', { value: OWN_CARD, hidden: true });
  const card = h('select', { id: cardId, dataset: { control: 'rates' } },
    /** @type {RateCard[]} */ (ctx.cards).map((c) => h('option', { value: c.id, text: optionTitle(c.title), title: c.title })), own);
  card.addEventListener('change', () => ctx.switchCard(card.value));
  const edit = h('button', { type: 'button', class: 'link', dataset: { action: 'edit-prices' }, text: 'Edit prices', onclick: actions.editPrices });

  const undo = h('button', { type: 'button', dataset: { action: 'undo' }, 'aria-keyshortcuts': 'Control+Z Meta+Z', text: 'Undo', onclick: () => ctx.undo() });
  const redo = h('button', { type: 'button', dataset: { action: 'redo' }, 'aria-keyshortcuts': 'Control+Shift+Z Meta+Shift+Z', text: 'Redo', onclick: () => ctx.redo() });
  const copy = h('button', { type: 'button', class: 'primary', dataset: { share: 'copy' }, text: 'Copy link', onclick: actions.copyLink });
  const more = menuButton('More', [
    { text: 'Download CSV', dataset: { export: 'csv' }, onselect: actions.exportCsv },
    { text: 'Download JSON', dataset: { export: 'json' }, onselect: actions.exportJson },
    { text: 'Open JSON (a scenario or your prices)…', dataset: { import: '' }, onselect: actions.importJson },
    { text: 'Download these prices (JSON)', dataset: { export: 'card' }, onselect: actions.exportCard },
    { text: 'Print', dataset: { action: 'print' }, onselect: actions.print },
    { text: 'Share…', dataset: { share: 'share' }, onselect: () => actions.share?.(), hidden: !actions.share },
    { text: 'Embed…', dataset: { share: 'embed' }, onselect: actions.embed },
    { text: 'Reset to the default', dataset: { share: 'reset' }, onselect: actions.reset, separated: true },
  ]);

  const element = h('div', { class: 'controls' },
    h('div', { class: 'field grow' }, h('label', { for: nameId, text: 'Scenario' }), name),
    h('div', { class: 'field' }, h('label', { for: presetId, text: 'Start from a preset' }),
      h('div', { class: 'joined' }, preset, load)),
    h('div', { class: 'field cards' }, h('div', { class: 'label-row' }, h('label', { for: cardId, text: 'Prices (rate card)' }), edit), card),
    h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Scenario actions' }, undo, redo, copy, more));

  /** Shows the state: the name, the card, what can be undone. */
  function sync() {
    if (name.value !== ctx.state.name) name.value = ctx.state.name;
    const last = /** @type {RateCard | null} */ (ctx.lastOwnCard());
    own.hidden = !last;
    // The card's name is said beside the total; here it is short enough for a phone.
    own.textContent = last ? 'Your own prices' : '';
    own.title = last?.title ?? '';
    card.value = ctx.ownCard() ? OWN_CARD : /** @type {RateCard} */ (ctx.card()).id;
    const labels = ctx.history.labels();
    undo.disabled = !labels.undo;
    redo.disabled = !labels.redo;
    undo.title = labels.undo ? `Undo: ${labels.undo}` : 'Nothing to undo';
    redo.title = labels.redo ? `Redo: ${labels.redo}` : 'Nothing to redo';
  }
  /** Focuses Undo, or Redo when there is nothing left to undo. */
  function focusHistory() {
    (undo.disabled ? redo : undo).focus();
  }
  return { element, sync, focusHistory, focusPrices: () => edit.focus() };
}
