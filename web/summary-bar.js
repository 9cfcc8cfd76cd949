// The answer in view: a one-line summary (total, range, what active learning
// saves) that appears at the top of the screen whenever the estimate's own
// total is scrolled out of sight, at every width.
import { h } from './dom.js';
import { money } from './numbers.js';

export function createSummaryBar() {
  const total = h('strong', { class: 'bar-total', dataset: { barTotal: '' } });
  const range = h('span', { class: 'bar-range' });
  const saved = h('span', { class: 'bar-saved' });
  const bar = h('div', { class: 'bar' },
    h('span', { class: 'bar-label', text: 'Total' }), total, range, saved,
    h('a', { class: 'bar-link', href: '#summary', text: 'Details' }));
  // A wrapper of no height that sticks to the top: the bar lies over what
  // scrolls under it and takes no room of its own.
  const element = h('div', { class: 'summary-bar', role: 'region', 'aria-label': 'Estimate summary' }, bar);

  /** Shows the bar only while `totalEl` (the estimate's total) is out of view. */
  function watch(totalEl) {
    new IntersectionObserver(([entry]) => {
      element.classList.toggle('away', !entry.isIntersecting);
    }).observe(totalEl);
  }

  /** Shows a new estimate. */
  function render(result) {
    total.textContent = money(result.total);
    range.textContent = result.low === result.high ? '' : `${money(result.low)} – ${money(result.high)}`;
    const sv = result.savings;
    saved.textContent = sv.saved !== '0.00' && sv.saved !== '0' && !sv.saved.startsWith('-')
      ? `active learning saves ${money(sv.saved)}` : '';
  }
  return { element, render, watch };
}
