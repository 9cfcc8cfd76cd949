// Building DOM without markup strings: text always goes in as textContent.

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Attributes, and also: on<event> listeners, dataset, text (the textContent)
 * and properties (non-string values of names the element has).
 * @typedef {{[name: string]: unknown}} Attributes
 */
/** @typedef {Node | string | number | boolean | null | undefined | readonly unknown[]} Child  (arrays of children are flattened) */

/**
 * @template {Element} E
 * @param {E} element
 * @param {Attributes | null | undefined} attrs
 * @param {Child[]} children
 * @returns {E}
 */
function build(element, attrs, children) {
  // Properties and listeners go in by name.
  const node = /** @type {any} */ (element);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'text') node.textContent = v;
    else if (k in node && !node.namespaceURI?.endsWith('svg') && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of /** @type {unknown[]} */ (children.flat(Infinity))) {
    if (c === null || c === undefined || c === false) continue;
    element.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return element;
}

/**
 * An HTML element: h('td', {class: 'num'}, '1,021.15').
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/**
 * An SVG element.
 * @param {string} tag
 * @param {Attributes | null} [attrs]
 * @param {...Child} children
 * @returns {SVGElement}
 */
export function s(tag, attrs, ...children) {
  return build(/** @type {SVGElement} */ (document.createElementNS(SVG, tag)), attrs, children);
}

/**
 * Replaces a node's children.
 * @template {Element} E
 * @param {E} node
 * @param {...Child} children
 * @returns {E}
 */
export function fill(node, ...children) {
  node.replaceChildren();
  return build(node, null, children);
}

let idCounter = 0;
/**
 * A document-unique id for label/aria wiring.
 * @param {string} [prefix]
 */
export function uid(prefix = 'lc') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
