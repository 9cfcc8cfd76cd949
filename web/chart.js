// Two small SVG charts, drawn with DOM calls (no library). Values arrive as
// plain numbers for drawing only; every label shows the engine's own text.
import { s, h } from './dom.js';

const W = 640;
const DEFAULT_WIDTH = 640;

/**
 * One horizontal bar split by item, with a legend.
 * @param {{label: string, value: number, text: string}[]} parts  value for drawing, text for showing
 * @param {string} title  what the chart shows, for screen readers
 */
export function breakdownChart(parts, title) {
  const total = parts.reduce((a, p) => a + Math.max(0, p.value), 0);
  const shown = parts.filter((p) => p.value > 0);
  const height = 28;
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, class: 'chart chart-bar', role: 'img', 'aria-label': title, preserveAspectRatio: 'none' });
  let x = 0;
  shown.forEach((p, i) => {
    const w = total > 0 ? (p.value / total) * W : 0;
    svg.append(s('rect', { x: x.toFixed(2), y: 0, width: Math.max(w, 0.5).toFixed(2), height, class: `series-${i % 8}` },
      s('title', { text: `${p.label}: ${p.text}` })));
    x += w;
  });
  const legend = h('ul', { class: 'legend' },
    parts.map((p, i) => {
      const idx = shown.indexOf(p);
      return h('li', null,
        h('span', { class: `swatch ${idx >= 0 ? `series-${idx % 8}` : 'swatch-empty'}`, 'aria-hidden': 'true' }),
        h('span', { class: 'legend-label', text: p.label }),
        // Shares are of what the items cost; a discount or credit has none.
        h('span', { class: 'legend-value', text: `${p.text}${total > 0 && p.value >= 0 ? ` · ${Math.round((p.value / total) * 100)}%` : ''}` }));
    }));
  return h('figure', { class: 'chart-figure' }, svg, legend);
}

/**
 * @param {number} range
 * @param {number} ticks
 */
function niceStep(range, ticks) {
  const raw = range / Math.max(1, ticks);
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const norm = raw / mag;
  return (norm >= 5 ? 10 : norm >= 2 ? 5 : norm >= 1 ? 2 : 1) * mag;
}

/**
 * A line of cost against the auto-labeled share, with the cost without
 * active learning, the break-even share and the current setting marked.
 * @param {object} o
 * @param {number[]} o.xs         shares 0..1
 * @param {number[]} o.ys         totals
 * @param {number} o.baseline     total without active learning
 * @param {number|null} o.breakEven  share at which active learning starts to pay
 * @param {number|null} o.current    the scenario's share
 * @param {(y: number) => string} o.formatY
 * @param {(x: number) => string} o.formatX
 * @param {(x: number) => string} [o.formatMarker]  the break-even share, as the text beside the chart says it
 * @param {number} [o.width]   drawn at this many CSS pixels, so that its text is the stylesheet's size
 * @param {string} o.title
 */
export function savingsChart(o) {
  const W = Math.max(240, Math.round(o.width ?? DEFAULT_WIDTH));
  const narrow = W < 420;
  const H = narrow ? 220 : 260;
  const m = { l: narrow ? 56 : 72, r: 16, t: 14, b: 40 };
  const iw = W - m.l - m.r;
  const ih = H - m.t - m.b;
  const yMax = Math.max(o.baseline, ...o.ys) * 1.08 || 1;
  const step = niceStep(yMax, 4);
  const top = Math.ceil(yMax / step) * step;
  const X = (/** @type {number} */ x) => m.l + x * iw;
  const Y = (/** @type {number} */ y) => m.t + ih - (y / top) * ih;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart chart-line', role: 'img', 'aria-label': o.title });
  for (let v = 0; v <= top + 1e-9; v += step) {
    svg.append(s('line', { x1: m.l, x2: W - m.r, y1: Y(v), y2: Y(v), class: 'grid' }),
      s('text', { x: m.l - 8, y: Y(v) + 4, class: 'tick', 'text-anchor': 'end', text: o.formatY(v) }));
  }
  for (let x = 0; x <= 1.0001; x += narrow ? 0.2 : 0.1) {
    svg.append(s('text', { x: X(x), y: H - m.b + 18, class: 'tick', 'text-anchor': 'middle', text: o.formatX(x) }));
  }
  svg.append(s('text', { x: m.l + iw / 2, y: H - 4, class: 'axis-label', 'text-anchor': 'middle', text: 'Share of objects auto-labeled' }));
  svg.append(s('line', { x1: m.l, x2: W - m.r, y1: Y(o.baseline), y2: Y(o.baseline), class: 'baseline' },
    s('title', { text: `Labeled entirely by people: ${o.formatY(o.baseline)}` })));
  const d = o.xs.map((x, i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)},${Y(o.ys[i]).toFixed(1)}`).join('');
  svg.append(s('path', { d, class: 'series-line' }));
  if (o.breakEven !== null && o.breakEven !== undefined) {
    svg.append(s('line', { x1: X(o.breakEven), x2: X(o.breakEven), y1: m.t, y2: m.t + ih, class: 'marker-break-even' }),
      s('text', { x: X(o.breakEven) + 4, y: m.t + 12, class: 'marker-label', text: `break-even ${(o.formatMarker ?? o.formatX)(o.breakEven)}`, 'text-anchor': o.breakEven > 0.6 ? 'end' : 'start', dx: o.breakEven > 0.6 ? -8 : 0 }));
  }
  if (o.current !== null && o.current !== undefined) {
    const i = o.xs.reduce((best, x, k) => (Math.abs(x - /** @type {number} */ (o.current)) < Math.abs(o.xs[best] - /** @type {number} */ (o.current)) ? k : best), 0);
    svg.append(s('circle', { cx: X(o.xs[i]), cy: Y(o.ys[i]), r: 5, class: 'marker-current' },
      s('title', { text: `This scenario: ${o.formatX(o.current)}, ${o.formatY(o.ys[i])}` })));
  }
  return svg;
}
