// The HTML a docs or marketing page pastes to embed the current scenario, and
// the dialog that offers it (loaded only when asked for; it builds its few
// elements directly, so that it shares no code chunk with the page).

// Attribute values: the scenario in single quotes (its JSON stays readable),
// everything else in double quotes.
const escapeAttribute = (text) => String(text).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');
const escapeQuoted = (text) => escapeAttribute(text).replace(/"/g, '&quot;');

/**
 * The two ways to embed: the custom element, and an iframe that reports its
 * height (see web/frame.js).
 * @param {{scenario: object, siteUrl: string, fragment: string, title?: string}} o
 * @returns {{label: string, hint: string, text: string, rows: number}[]}
 */
export function embedSnippets({ scenario, siteUrl, fragment, title }) {
  const base = new URL('.', siteUrl).href;
  // What the element holds shows only where its script does not run.
  const element = `<script type="module" src="${base}labelcost-embed.js"></script>\n`
    + `<labelcost-calculator scenario='${escapeAttribute(JSON.stringify(scenario))}'>`
    + `<a href="${escapeQuoted(new URL(`index.html#${fragment}`, base).href)}">Open this estimate in labelcost</a></labelcost-calculator>`;
  const frameUrl = new URL(`index.html?embed=1#${fragment}`, base).href;
  const frame = `<iframe src="${escapeQuoted(frameUrl)}" data-labelcost title="${escapeQuoted(title || 'labelcost estimate')}" `
    + `width="100%" height="900" loading="lazy"></iframe>\n`
    + `<script src="${base}labelcost-frame.js" defer></script>`;
  return [
    { label: 'Custom element', hint: 'Add compact for results only, theme="dark" or "light" to fix the colours; style it with --lc-* custom properties. The link inside shows where the script cannot run.', text: element, rows: 4 },
    { label: 'Iframe', hint: 'labelcost-frame.js sizes the frame to its content. Add &parent=<your page origin> to the frame address to receive its results.', text: frame, rows: 4 },
  ];
}

let dialog = null;
let ids = 0;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter(Boolean));
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
  const heading = el('h2', { id: dialog.getAttribute('aria-labelledby'), textContent: title });
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
