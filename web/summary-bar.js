// The answer in view: a one-line summary (total, range, what active learning
// saves) that stays at the top of the screen while the editor scrolls, in
// layouts where the results are not beside the editor (style.css shows it).
import { h } from './dom.js';
import { money } from './numbers.js';

export function createSummaryBar() {
  const total = h('strong', { class: 'bar-total', dataset: { barTotal: '' } });
  const range = h('span', { class: 'bar-range' });
  const saved = h('span', { class: 'bar-saved' });
  const element = h('div', { class: 'summary-bar', role: 'region', 'aria-label': 'Estimate summary' },
    h('span', { class: 'bar-label', text: 'Total' }), total, range, saved,
    h('a', { class: 'bar-link', href: '#summary', text: 'Details', onclick: (e) => {
      e.preventDefault();
      const target = element.getRootNode().getElementById?.('summary') ?? element.parentNode?.querySelector('#summary');
      target?.scrollIntoView({ block: 'start' });
      target?.querySelector('h2')?.focus?.();
    } }));

  /** Shows a new estimate. */
  function render(result) {
    total.textContent = money(result.total);
    range.textContent = result.low === result.high ? '' : `${money(result.low)} – ${money(result.high)}`;
    const sv = result.savings;
    saved.textContent = sv.saved !== '0.00' && sv.saved !== '0' && !sv.saved.startsWith('-')
      ? `active learning saves ${money(sv.saved)}` : '';
  }
  return { element, render };
}
