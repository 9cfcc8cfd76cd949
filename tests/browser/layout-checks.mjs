// Layout checks run in the page: what a person would see as broken.
//   - the document scrolls sideways
//   - at the top of the calculator, a control under the summary bar
//   - a visible control whose centre hits another element (covered, or drawn
//     outside where it can be clicked)
//   - a box whose content is wider than the box, unless it scrolls
//   - text under 11 px (SVG text at its drawn size)
//   - a select box too narrow for its chosen option's text

/** @typedef {import('./harness.mjs').Calculator} Calculator */
/**
 * An element of the calculator: HTML, or SVG (a chart), which may be drawn (then it has getScreenCTM).
 * @typedef {HTMLElement | (SVGElement & {getScreenCTM?: SVGGraphicsElement['getScreenCTM']})} Drawn
 */

/**
 * @param {import('playwright-core').Page} page
 * @param {string|null} host  the custom element's selector, or null for the page
 * @returns {Promise<string[]>}
 */
export async function layoutProblems(page, host) {
  // From the top of the calculator, once the page's intersection observers
  // have heard of it (a new observer's first answer comes after theirs), and
  // two frames more: the container queries and observers have answered.
  await page.evaluate((sel) => new Promise((resolve) => {
    const base = /** @type {Element} */ (sel ? document.querySelector(sel) : document.getElementById('app'));
    base.scrollIntoView({ block: 'start' });
    const io = new IntersectionObserver(() => {
      io.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(resolve));
    });
    io.observe(base);
  }), host);
  return page.evaluate(inPage, host);
}

/**
 * @param {string|null} hostSelector
 * @returns {string[]}
 */
function inPage(hostSelector) {
  /** @type {string[]} */
  const problems = [];
  const host = hostSelector ? /** @type {Calculator | null} */ (document.querySelector(hostSelector)) : null;
  const scope = host ? host.shadowRoot : document;
  const base = /** @type {Element} */ (host ? host.shadowRoot.querySelector('.lc-root') : document.getElementById('app'));
  /** @param {Element & {dataset?: DOMStringMap}} el */
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const data = Object.entries(el.dataset ?? {}).map(([k, v]) => `[${k}=${v}]`).join('');
    const text = (el.textContent ?? '').trim().slice(0, 24);
    return `${el.tagName.toLowerCase()}${id}${cls}${data}${text ? ` "${text}"` : ''}`;
  };
  /** @param {Element} el */
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    if (el.closest('.visually-hidden, [hidden]')) return false;
    const closed = el.closest('details:not([open])');
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed) && !el.closest('summary')) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && Number(cs.opacity) > 0;
  };

  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${window.innerWidth}`);
  }

  // At the top of the calculator, nothing is under the summary bar: where it
  // shows from the start (the estimate out of view), it has a room of its own.
  for (const bar of base.querySelectorAll('.summary-bar > .bar')) {
    if (!visible(bar)) continue;
    const b = bar.getBoundingClientRect();
    for (const el of base.querySelectorAll('button, input:not([type="file"]), select, a[href], summary, label')) {
      if (bar.contains(el) || !visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom > b.top && r.top < b.bottom && r.right > b.left && r.left < b.right) problems.push(`under the summary bar at the top: ${describe(el)} (${Math.round(r.top)}–${Math.round(r.bottom)} under ${Math.round(b.top)}–${Math.round(b.bottom)}, scrolled ${Math.round(scrollY)})`);
    }
  }

  // Sticky parts stay on screen on purpose and cover what scrolls under
  // them; for hit-testing they are laid out in place.
  const all = [.../** @type {NodeListOf<Drawn>} */ (base.querySelectorAll('*'))];
  const sticky = all.filter((el) => getComputedStyle(el).position === 'sticky');
  for (const el of sticky) el.style.setProperty('position', 'static', 'important');
  // The summary bar lies over what scrolls under it, on purpose.
  const overlays = [.../** @type {NodeListOf<HTMLElement>} */ (base.querySelectorAll('.summary-bar'))];
  for (const el of overlays) el.style.setProperty('display', 'none', 'important');
  // Parts off screen skip layout (content-visibility): lay them all out, so
  // that every one is checked.
  const skipped = all.filter((el) => getComputedStyle(el).contentVisibility === 'auto');
  for (const el of skipped) el.style.setProperty('content-visibility', 'visible', 'important');

  /** @param {Element} el */
  const scrollsX = (el) => /(auto|scroll|hidden)/.test(getComputedStyle(el).overflowX);
  for (const el of all) {
    if (!visible(el)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'inline' || cs.display === 'contents' || el instanceof SVGElement) continue;
    if (el.matches('input, textarea, select')) continue; // they scroll their own text
    if (el.scrollWidth > el.clientWidth + 1 && !scrollsX(el) && el.clientWidth > 0) {
      problems.push(`content wider than its box: ${describe(el)} (${el.scrollWidth} in ${el.clientWidth})`);
    }
  }
  // Boxes beyond their scrolling ancestor's edge (visible overflow hides
  // nothing, but nothing may hang out of the calculator either).
  const frame = base.getBoundingClientRect();
  for (const el of base.querySelectorAll('button, input, select, a, summary, output, .total, .item-cost')) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    let clip = null;
    for (let p = el.parentElement; p && p !== base; p = p.parentElement) {
      if (scrollsX(p)) { clip = p; break; }
    }
    if (clip) continue; // inside a scroll container: reachable by scrolling
    if (r.left < frame.left - 1 || r.right > frame.right + 1) problems.push(`outside the calculator: ${describe(el)} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(frame.left)}–${Math.round(frame.right)})`);
  }

  // Hit-testing: each visible control's centre, scrolled into view.
  const controls = [.../** @type {NodeListOf<Element & {labels?: NodeListOf<Element> | null}>} */ (base.querySelectorAll('button, input:not([type="file"]), select, a[href], summary, [tabindex="0"]'))]
    .filter((el) => visible(el) && !el.closest('[hidden], dialog:not([open]), .visually-hidden'));
  for (const el of controls) {
    let clip = null;
    for (let p = el.parentElement; p && p !== base; p = p.parentElement) if (scrollsX(p) && p.scrollWidth > p.clientWidth + 1) { clip = p; break; }
    const r0 = el.getBoundingClientRect();
    if (r0.width < 1 || r0.height < 1) continue;
    if (clip) {
      const c = clip.getBoundingClientRect();
      if (r0.left + r0.width / 2 > c.right || r0.right - r0.width / 2 < c.left) continue; // scrolled out of sight
    }
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    // An inline element (a link) may wrap: aim at its first line.
    const r = getComputedStyle(el).display === 'inline' ? el.getClientRects()[0] : el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
      problems.push(`cannot be brought into view: ${describe(el)}`);
      continue;
    }
    const hit = scope.elementFromPoint(x, y);
    if (!hit || !(hit === el || el.contains(hit) || (el.labels && [...el.labels].includes(hit)))) {
      problems.push(`covered: ${describe(el)} is under ${hit ? describe(hit) : 'nothing'}`);
    }
  }
  for (const el of sticky) el.style.removeProperty('position');
  for (const el of overlays) el.style.removeProperty('display');
  for (const el of skipped) el.style.removeProperty('content-visibility');

  // Text size: every element with its own text, and SVG text as drawn.
  for (const el of all) {
    if (!visible(el)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && /** @type {string} */ (n.textContent).trim());
    if (!own) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement && el.getScreenCTM) size *= el.getScreenCTM()?.a ?? 1;
    if (size < 10.95) problems.push(`text ${size.toFixed(1)} px: ${describe(el)}`);
  }

  // A select box shows the whole of its chosen option.
  const canvas = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
  for (const el of base.querySelectorAll('select')) {
    if (!visible(el)) continue;
    const cs = getComputedStyle(el);
    canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const text = el.selectedOptions[0]?.textContent ?? '';
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16; // the arrow
    const need = canvas.measureText(text).width;
    if (need > room + 1) problems.push(`select cuts its label: "${text}" needs ${Math.ceil(need)} px, has ${Math.floor(room)}`);
  }
  return [...new Set(problems)];
}
