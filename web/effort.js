// "Effort and time": the worker-hours the labeling takes, item by item, and
// the schedule: the weeks a team needs, or the team a deadline needs. Every
// hour, week and head count is the engine's (the estimate's effort and
// schedule); this module reads what was typed into the schedule, checks it
// with the engine before it becomes part of the scenario, and shows the answer.
import { h, fill, uid } from './dom.js';
import { count, readNumber, readCount } from './numbers.js';
import { section, table } from './panels.js';
import { fieldMessage, SCHEDULE_FIELDS } from './messages.js';

/** @typedef {import('./types.js').Decimal} Decimal */
/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').ItemResult} ItemResult */
/** @typedef {import('./types.js').Schedule} Schedule */
/** @typedef {{annotators?: Decimal, weeks?: Decimal, hours_per_week?: Decimal, parallel?: true}} TypedSchedule  for the engine to check */

/** A decimal string as JSON keeps it: a number where that is exact ("2.5" -> 2.5). */
const asJson = (/** @type {string} */ decimal) => (String(Number(decimal)) === decimal ? Number(decimal) : decimal);

/**
 * "10 to 30", or the one figure when the range has none.
 * @param {Decimal | null} low
 * @param {Decimal | null} high
 * @param {string} [unit]
 */
const span = (low, high, unit = '') => (low === high ? '' : `${count(low)} to ${count(high)}${unit}`);

/**
 * @param {import('./app.js').Context} app
 * @returns {{element: HTMLElement, render: (view: {result: Result}) => void}}
 */
export function createEffort(app) {
  const totalEl = h('p', { class: 'effort-total' });
  const itemsEl = h('div');
  const notesEl = h('div', { class: 'effort-notes' });

  const modeName = uid('mode');
  /**
   * @param {'annotators' | 'weeks'} value
   * @param {string} text
   */
  const radio = (value, text) => {
    const id = uid('f');
    const input = h('input', { id, type: 'radio', name: modeName, value, dataset: { control: `schedule-${value}` } });
    input.addEventListener('change', () => {
      showMode();
      commit(null);
    });
    return { input, label: h('label', { class: 'check', for: id }, input, ` ${text}`) };
  };
  const byTeam = radio('annotators', 'We have a team: how many weeks?');
  const byWeeks = radio('weeks', 'We have a deadline: how many people?');
  /**
   * @param {'annotators' | 'weeks' | 'hours_per_week'} key
   * @param {string} label
   * @param {import('./dom.js').Attributes} attrs
   */
  const field = (key, label, attrs) => {
    const id = uid('f');
    const input = h('input', { id, type: 'text', autocomplete: 'off', 'aria-describedby': `${id}-msg`, dataset: { field: `schedule.${key}` }, ...attrs });
    const msg = h('small', { id: `${id}-msg`, class: 'msg', role: 'status' });
    input.addEventListener('input', () => commit(`schedule.${key}`));
    return { key, input, msg, element: h('div', { class: 'field' }, h('label', { for: id, text: label }), input, msg) };
  };
  const annotators = field('annotators', 'Annotators', { inputmode: 'numeric', placeholder: 'e.g. 12' });
  const weeks = field('weeks', 'Weeks to finish', { inputmode: 'decimal', placeholder: 'e.g. 4' });
  const hours = field('hours_per_week', 'Hours a week, each', { inputmode: 'decimal', placeholder: '40' });
  const parallelId = uid('f');
  const parallel = h('input', { id: parallelId, type: 'checkbox', dataset: { field: 'schedule.parallel' } });
  parallel.addEventListener('change', () => commit(null));
  const parallelField = h('div', { class: 'field check' }, parallel, h('label', { for: parallelId, text: 'All items at the same time' }));
  const answerEl = h('div', { class: 'schedule-answer', 'aria-live': 'polite' });
  const schedule = h('fieldset', { class: 'schedule' }, h('legend', { text: 'Schedule' }),
    h('div', { class: 'modes' }, byTeam.label, byWeeks.label),
    h('div', { class: 'row' }, annotators.element, weeks.element, hours.element),
    parallelField, answerEl);
  const element = section('effort', 'Effort and time', totalEl, itemsEl, notesEl, schedule);

  /** @type {string | undefined} */
  let shown = undefined; // the schedule the inputs show, as JSON text
  /** @type {Result | null} */
  let result = null;

  function showMode() {
    const deadline = byWeeks.input.checked;
    annotators.element.hidden = deadline;
    weeks.element.hidden = !deadline;
  }

  /** The inputs from the scenario's schedule, when it changed elsewhere (undo, a link, a preset). */
  function sync() {
    const s = app.state.schedule ?? null;
    const text = JSON.stringify(s);
    if (text === shown) return;
    shown = text;
    const deadline = s?.weeks !== undefined;
    byWeeks.input.checked = deadline;
    byTeam.input.checked = !deadline;
    annotators.input.value = s?.annotators !== undefined ? String(s.annotators) : '';
    weeks.input.value = s?.weeks !== undefined ? String(s.weeks) : '';
    hours.input.value = s?.hours_per_week !== undefined ? String(s.hours_per_week) : '';
    parallel.checked = s?.parallel === true;
    for (const f of [annotators, weeks, hours]) say(f, '');
    showMode();
  }

  /**
   * @param {{input: HTMLInputElement, msg: HTMLElement}} f
   * @param {string} text
   */
  function say(f, text) {
    f.msg.textContent = text;
    if (text) f.input.setAttribute('aria-invalid', 'true');
    else f.input.removeAttribute('aria-invalid');
  }

  /**
   * What was typed, as a schedule; undefined when a field cannot be read (it says why).
   * @returns {TypedSchedule | null | undefined}
   */
  function typed() {
    const main = byWeeks.input.checked ? weeks : annotators;
    const other = main === weeks ? annotators : weeks;
    say(other, '');
    const text = main.input.value.trim();
    const hoursText = hours.input.value.trim();
    if (!text) {
      say(main, '');
      say(hours, '');
      return null;
    }
    const value = main === annotators ? readCount(text) : readNumber(text);
    const perWeek = hoursText ? readNumber(hoursText) : '';
    say(main, value === null ? (main === annotators ? 'Type a whole number of people, like 12.' : 'Type a number of weeks, like 4 or 2.5.') : '');
    say(hours, perWeek === null ? 'Type the hours each annotator works a week, like 30.' : '');
    if (value === null || perWeek === null) return undefined;
    /** @type {TypedSchedule} */
    const s = { [main.key]: asJson(value) };
    if (perWeek) s.hours_per_week = asJson(perWeek);
    if (parallel.checked) s.parallel = true;
    return s;
  }

  /**
   * Makes what was typed the scenario's schedule, once the engine takes it;
   * `field`: the field typed in (typing in one field is one step to undo).
   * @param {string | null} field
   */
  function commit(field) {
    const s = typed();
    if (s === undefined) return;
    if (s) {
      const problems = app.errorsOf({ ...app.scenario(), schedule: s }).filter((e) => /^schedule\b/.test(e.path));
      for (const f of [annotators, weeks, hours]) {
        const issue = problems.find((e) => e.path === `schedule.${f.key}`);
        if (issue) say(f, fieldMessage(issue, SCHEDULE_FIELDS[f.key]));
      }
      if (problems.length) return;
    }
    const text = JSON.stringify(s);
    if (text === JSON.stringify(app.state.schedule ?? null)) return;
    shown = text;
    app.state.schedule = /** @type {Schedule | null} */ (s); // the engine took it
    app.changed(s ? 'Change the schedule' : 'Remove the schedule', field ? { field } : {});
  }

  /** @param {ItemResult[]} labeling */
  function renderItems(labeling) {
    const rows = labeling.map((i) => {
      const e = i.effort;
      const workers = `${count(i.human)} by people × ${count(i.workers)} ${i.workers === 1 ? 'worker' : 'workers'}`;
      return h('tr', null,
        h('th', { scope: 'row' }, i.name, h('small', { text: workers })),
        h('td', { class: 'num' }, e ? `${count(e.seconds.typical)} s` : 'not given',
          e ? h('small', { text: e.source === 'card' ? 'rate card' : 'yours' }) : null),
        h('td', { class: 'num' }, e ? count(e.worker_hours) : '—',
          e && e.low !== e.high ? h('small', { text: span(e.low, e.high) }) : null));
    });
    fill(itemsEl, rows.length
      ? table('Worker-hours by item', ['Item', 'Seconds each', 'Worker-hours'], rows, { numeric: [1, 2] })
      : null);
  }

  /** @param {ItemResult[]} labeling  (after render has set the result) */
  function renderNotes(labeling) {
    const e = /** @type {Result} */ (result).effort;
    const name = (/** @type {number} */ index) => `${index + 1}. ${/** @type {Result} */ (result).items[index].name}`;
    const fromCard = labeling.some((i) => i.effort?.source === 'card');
    fill(notesEl,
      fromCard ? h('p', { class: 'hint', text: 'The rate card\'s seconds are rough figures: from published annotation studies where there are any, otherwise assumptions (see the rate card\'s assumptions). Time a sample of your own and type its seconds in the item, under More options.' }) : null,
      e.unstaffed.length ? h('p', { class: 'hint', text: `${e.unstaffed.map(name).join(', ')}: Mechanical Turk and Ground Truth Plus choose their own people, so these hours are counted but their schedule is theirs, not yours: it is left out below.` }) : null,
      e.unknown.length ? h('p', { class: 'hint', text: `${e.unknown.map(name).join(', ')}: this rate card gives no seconds per object for ${e.unknown.length > 1 ? 'these tasks' : 'this task'}; type them in the item to count ${e.unknown.length > 1 ? 'their' : 'its'} hours.` }) : null);
  }

  /** (After render has set the result.) */
  function renderAnswer() {
    const s = /** @type {Result} */ (result).schedule;
    const staffed = /** @type {Result} */ (result).items.filter((i) => i.effort?.staffed);
    parallelField.hidden = staffed.length < 2 && !parallel.checked;
    if (!s) {
      return fill(answerEl, h('p', { class: 'hint', text: byWeeks.input.checked
        ? 'Type the weeks you have to see how many annotators that takes.'
        : 'Type how many annotators you have to see how many weeks this takes.' }));
    }
    if (s.nothing_staffed) {
      return fill(answerEl, h('p', { text: 'None of this labeling is done by people you staff: Mechanical Turk and Ground Truth Plus choose their own people, so labelcost gives no schedule for it.' }));
    }
    const perWeek = `${count(s.hours_per_week)} hours a week`;
    const sentence = s.given === 'weeks'
      ? `To finish in ${count(s.weeks)} weeks at ${perWeek}: ${count(s.annotators)} annotators${span(s.low.annotators, s.high.annotators) ? ` (${span(s.low.annotators, s.high.annotators)} across the range)` : ''}.`
      : `${count(s.annotators)} annotators at ${perWeek} finish in ${count(s.weeks)} weeks${span(s.low.weeks, s.high.weeks) ? ` (${span(s.low.weeks, s.high.weeks, ' weeks')} across the range)` : ''}.`;
    const timeline = !s.parallel && s.items.length > 1
      ? h('ol', { class: 'timeline' }, s.items.map((t) => h('li', { text: `${/** @type {Result} */ (result).items[t.index].name}: weeks ${count(t.start_week)} to ${count(t.end_week)}` })))
      : null;
    const together = s.parallel && s.items.length > 1 ? h('p', { class: 'hint', text: 'All items at once: the team shares its hours among them, and they all end in the same week.' }) : null;
    const warnings = /** @type {Result} */ (result).warnings.filter((w) => w.code === 'too_few_annotators').map((w) => h('p', { class: 'hint warn', text: app.warningText(w) }));
    fill(answerEl, h('p', { class: 'schedule-sentence', text: sentence }), timeline, together, warnings);
  }

  /**
   * A new estimate: its effort and schedule, and the inputs if the schedule changed elsewhere.
   * @param {{result: Result}} view
   */
  function render(view) {
    result = view.result;
    sync();
    const labeling = result.items.filter((i) => i.kind === 'labeling');
    element.hidden = labeling.length === 0;
    if (element.hidden) return;
    const e = result.effort;
    totalEl.textContent = `${count(e.worker_hours)} worker-hours of labeling${span(e.low, e.high) ? `, ${span(e.low, e.high)} across the range` : ''}${e.unstaffed.length ? `; ${count(e.staffed.worker_hours)} of them by people you staff` : ''}.`;
    renderItems(labeling);
    renderNotes(labeling);
    renderAnswer();
  }

  return { element, render };
}
