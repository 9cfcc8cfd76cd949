// The answer in view: a one-line summary (total, range, what active learning
// saves) that appears at the top of the screen whenever the estimate's own
// total is scrolled out of sight, at every width. It never covers the
// calculator's controls at the top (see watch()); further down, it lies over
// what has scrolled under it.
import { h } from './dom.js';
import { money } from './numbers.js';

export function createSummaryBar() {
  const total = h('strong', { class: 'bar-total', dataset: { barTotal: '' } });
  const range = h('span', { class: 'bar-range' });
  const saved = h('span', { class: 'bar-saved' });
  const bar = h('div', { class: 'bar' },
    h('span', { class: 'bar-label', text: 'Total' }), total,
    h('span', { class: 'bar-more' }, range, saved),
    h('a', { class: 'bar-link', href: '#summary', text: 'Details' }));
  // A wrapper of no height that sticks to the top: the bar lies over what
  // scrolls under it and takes no room of its own.
  const element = h('div', { class: 'summary-bar', role: 'region', 'aria-label': 'Estimate summary' }, bar);
  // The bar's room at the top of the calculator (as tall as the bar, by the
  // stylesheet).
  const room = h('div', { class: 'summary-bar-room', hidden: true });

  /**
   * Shows the bar while `totalEl` (the estimate's total) is out of view:
   * in its room, when that is so before anything is scrolled (a phone, where
   * the estimate is below the editor); else only once `topEl` (the toolbar)
   * has scrolled away too, so that the bar never covers the controls. The
   * room goes with the bar, so that no empty strip is left above the toolbar.
   * @param {Element} totalEl
   * @param {Element} topEl
   */
  function watch(totalEl, topEl) {
    let away = false;
    let topInView = true;
    const update = () => {
      // Only at the very top: a room shown further down would be kept in
      // place by the browser's scroll anchoring and slide under the bar.
      if (away && room.hidden && (document.scrollingElement?.scrollTop ?? 0) <= 0) room.hidden = false;
      if (!away) room.hidden = true;
      element.classList.toggle('away', away && (!room.hidden || !topInView));
    };
    new IntersectionObserver(([entry]) => {
      away = !entry.isIntersecting;
      update();
    }).observe(totalEl);
    new IntersectionObserver(([entry]) => {
      topInView = entry.isIntersecting;
      update();
    }).observe(topEl);
  }

  /**
   * Shows a new estimate.
   * @param {import('./types.js').Result} result
   */
  function render(result) {
    total.textContent = money(result.total);
    range.textContent = result.low === result.high ? '' : `${money(result.low)} – ${money(result.high)}`;
    const sv = result.savings;
    saved.textContent = sv.saved !== '0.00' && sv.saved !== '0' && !sv.saved.startsWith('-')
      ? `active learning saves ${money(sv.saved)}` : '';
  }
  return { elements: [element, room], render, watch };
}
