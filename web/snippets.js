// The HTML a docs or marketing page pastes to embed the current scenario, the
// dialog that offers it, and whether an address opens only on this computer
// (for links handed out from a file or a local server). Loaded only when
// asked for; it builds its few elements directly, so that it shares no code
// chunk with the page.

// Attribute values: the scenario in single quotes (its JSON stays readable),
// everything else in double quotes.
const escapeAttribute = (/** @type {unknown} */ text) => String(text).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');
const escapeQuoted = (/** @type {unknown} */ text) => escapeAttribute(text).replace(/"/g, '&quot;');

/**
 * Whether an address opens only on this computer: a file, a blob, or a
 * server on this machine (localhost, 127.x.x.x, [::1]). A link to one is of
 * no use to anyone else.
 * @param {string|URL} url
 */
export function isLocalAddress(url) {
  let address;
  try {
    address = new URL(url);
  } catch {
    return false;
  }
  if (address.protocol === 'file:' || address.protocol === 'blob:') return true;
  if (!/^https?:$/.test(address.protocol)) return false;
  const host = address.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]' || host === '0.0.0.0';
}

// Where the snippets point when the calculator runs from a file: the files
// have to be on a web server first.
export const PLACEHOLDER_HOST = 'https://YOUR-HOST/';

/**
 * The two ways to embed: the custom element, and an iframe that reports its
 * height (see web/frame.js). From a file (the single file, opened from disk)
 * they name PLACEHOLDER_HOST and say where to put the files.
 * @param {{scenario: object, siteUrl: string, fragment: string, title?: string}} o
 * @returns {{label: string, hint: string, text: string, rows: number}[]}
 */
export function embedSnippets({ scenario, siteUrl, fragment, title }) {
  const fromFile = new URL(siteUrl).protocol === 'file:';
  // (The placeholder is written out: a URL would lower-case its host.)
  const at = (/** @type {string} */ file) => (fromFile ? PLACEHOLDER_HOST + file : new URL(file, siteUrl).href);
  // What the element holds shows only where its script does not run.
  const element = `<script type="module" src="${escapeQuoted(at('labelcost-embed.js'))}"></script>\n`
    + `<labelcost-calculator scenario='${escapeAttribute(JSON.stringify(scenario))}'>`
    + `<a href="${escapeQuoted(at(`index.html#${fragment}`))}">Open this estimate in labelcost</a></labelcost-calculator>`;
  const frame = `<iframe src="${escapeQuoted(at(`index.html?embed=1#${fragment}`))}" data-labelcost title="${escapeQuoted(title || 'labelcost estimate')}" `
    + `width="100%" height="900" loading="lazy"></iframe>\n`
    + `<script src="${escapeQuoted(at('labelcost-frame.js'))}" defer></script>`;
  const where = fromFile ? `Host build/site's files on your web server, then use this snippet with your address in place of ${PLACEHOLDER_HOST}. `
    : isLocalAddress(siteUrl) ? 'These addresses open only on this computer: once the files are on your web server, use its address. ' : '';
  return [
    { label: 'Custom element', hint: `${where}Add compact for results only, theme="dark" or "light" to fix the colours; style it with --lc-* custom properties. The link inside shows where the script cannot run.`, text: element, rows: 4 },
    { label: 'Iframe', hint: `${where}labelcost-frame.js sizes the frame to its content. Add &parent=<your page origin> to the frame address to receive its results.`, text: frame, rows: 4 },
  ];
}

/** @type {HTMLDialogElement | null} */
let dialog = null;
let ids = 0;

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Partial<HTMLElementTagNameMap[K]>} [props]
 * @param {(Node | string | false | null | undefined)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(.../** @type {(Node | string)[]} */ (children.filter(Boolean)));
  return node;
}

/**
 * A modal dialog of read-only texts to copy.
 * @param {HTMLElement} container  where the dialog lives (the calculator's root)
 * @param {string} title
 * @param {{label: string, hint?: string, text: string, rows?: number}[]} blocks
 * @param {(label: string) => void} copied  told when a text was copied
 */
export function openDialog(container, title, blocks, copied) {
  if (!dialog || !container.contains(dialog)) {
    dialog = el('dialog', { className: 'dialog' });
    dialog.setAttribute('aria-labelledby', `lc-dialog-${++ids}`);
    container.append(dialog);
  }
  const heading = el('h2', { id: dialog.getAttribute('aria-labelledby') ?? '', textContent: title });
  const fields = blocks.map((b) => {
    const id = `lc-dialog-field-${++ids}`;
    const area = el('textarea', { id, readOnly: true, rows: b.rows ?? 3, spellcheck: false, value: b.text });
    const copy = el('button', { type: 'button', textContent: 'Copy' });
    copy.addEventListener('click', async () => {
      area.select();
      try {
        await navigator.clipboard.writeText(b.text);
        copied(b.label);
      } catch {
        // left selected, to copy by hand
      }
    });
    return el('div', { className: 'field' }, el('label', { htmlFor: id, textContent: b.label }),
      b.hint ? el('small', { className: 'hint', textContent: b.hint }) : null, area, copy);
  });
  const close = el('form', { method: 'dialog' }, el('button', { type: 'submit', textContent: 'Close' }));
  dialog.replaceChildren(heading, ...fields, close);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  dialog.querySelector('textarea')?.focus();
}
