// The results' building blocks: a titled panel and a scrolling table.
import { h } from './dom.js';

/** @typedef {import('./dom.js').Child} Child */

/**
 * A panel with its heading: section('summary', 'Estimate', ...body).
 * @param {string} id
 * @param {string} title
 * @param {...Child} body
 */
export function section(id, title, ...body) {
  return h('section', { id, class: 'panel', 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h`, text: title }), ...body);
}

/**
 * A table that scrolls sideways in its own box when it is wider than it.
 * @param {string} caption
 * @param {string[]} headers
 * @param {Child} rows  the body's rows
 * @param {{numeric?: number[]}} [how]  the columns of numbers, by index
 */
export function table(caption, headers, rows, { numeric = [] } = {}) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', null,
      h('caption', { class: 'visually-hidden', text: caption }),
      h('thead', null, h('tr', null, headers.map((t, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null, text: t })))),
      h('tbody', null, rows)));
}
