// Property test of the embed element's attributes in Chromium: random and
// hostile values never run, never become markup, and never break the element.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { start } from './harness.mjs';

/** @typedef {import('./harness.mjs').Calculator} Calculator */
/** @typedef {Calculator & {readonly result: import('../../web/types.js').Result}} Priced  the element once it has an estimate */
/** @typedef {Window & {__pwned?: unknown}} Target  a window hostile values would mark */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const RUNS = Number(process.env.FC_BROWSER_RUNS ?? 40);

const markup = fc.constantFrom(
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  "'><iframe srcdoc='<script>parent.__pwned=4</script>'></iframe>",
  '{{constructor.constructor("window.__pwned=5")()}}',
  '</style><style>*{display:none}</style>',
  'javascript:window.__pwned=6',
  '<a href="javascript:window.__pwned=7">x</a>',
  '\u202e\u0000\ud800',
  '${window.__pwned=8}',
);
const hostile = fc.oneof(
  markup,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(fc.string({ maxLength: 20 }), markup, fc.string({ maxLength: 20 })).map((p) => p.join('')),
);

// Every element the calculator itself creates.
const OWN_TAGS = ['div', 'p', 'section', 'h2', 'h3', 'span', 'strong', 'small', 'label', 'input', 'select', 'option',
  'optgroup', 'button', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'fieldset', 'legend',
  'details', 'summary', 'output', 'figure', 'svg', 'rect', 'title', 'line', 'text', 'path', 'circle', 'a', 'dialog',
  'form', 'textarea'];

describe('hostile', () => {
  test('random and hostile attribute values never run and never become markup', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    /** @type {string[]} */
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
    await page.route(`${env.server.origin}/host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>host</title><script type="module" src="/labelcost-embed.js"></script><labelcost-calculator id="c"></labelcost-calculator>',
    }));
    await page.goto(`${env.server.origin}/host.html`);
    await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('c')).result?.total === '1021.15');

    const inspect = () => page.evaluate((own) => {
      const root = /** @type {Calculator} */ (document.getElementById('c')).shadowRoot;
      const all = [...root.querySelectorAll('*')];
      return {
        pwned: /** @type {Target} */ (window).__pwned ?? /** @type {Target} */ (parent).__pwned ?? null,
        foreign: [...new Set(all.map((e) => e.localName).filter((t) => !own.includes(t)))],
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName}[${a.name}]`)),
        scripts: document.scripts.length,
        title: document.title,
      };
    }, OWN_TAGS);

    await fc.assert(fc.asyncProperty(hostile, fc.constantFrom('scenario-raw', 'scenario-name', 'preset', 'rates'), async (value, where) => {
      await page.evaluate(({ value, where }) => new Promise((resolve) => {
        const el = /** @type {HTMLElement} */ (document.getElementById('c'));
        const done = () => setTimeout(resolve, 30);
        el.addEventListener('labelcost-change', done, { once: true });
        setTimeout(resolve, 400); // a refused value fires no estimate
        el.removeAttribute('preset');
        el.removeAttribute('rates');
        if (where === 'scenario-raw') el.setAttribute('scenario', value);
        else if (where === 'scenario-name') el.setAttribute('scenario', JSON.stringify({ labelcost: 1, name: value, items: [{ kind: 'fixed', name: value, amount: 1 }] }));
        else {
          el.setAttribute('scenario', '{"labelcost": 1, "items": [{"kind": "fixed", "amount": 2}]}');
          el.setAttribute(where, value);
        }
      }), { value, where });
      const seen = await inspect();
      assert.equal(seen.pwned, null, `ran: ${JSON.stringify(value)}`);
      assert.deepEqual(seen.foreign, [], `markup from ${JSON.stringify(value)}`);
      assert.deepEqual(seen.handlers, [], `handlers from ${JSON.stringify(value)}`);
      assert.equal(seen.scripts, 1);
      assert.equal(seen.title, 'host');
      if (where === 'scenario-name' && value.isWellFormed() && Buffer.byteLength(value) <= 200) {
        // Priced, with the name shown as text. (A lone surrogate is not text,
        // and names are at most 200 bytes: the engine refuses those scenarios,
        // and the element says so.)
        assert.equal(await page.evaluate(() => /** @type {Priced} */ (document.getElementById('c')).result.total), '1.00');
      }
    }), { numRuns: RUNS });

    // The element still works afterwards (without the last run's preset or
    // rate card, which may name nothing bundled).
    await page.evaluate(() => {
      const el = /** @type {HTMLElement} */ (document.getElementById('c'));
      el.removeAttribute('preset');
      el.removeAttribute('rates');
      el.setAttribute('scenario', '{"labelcost": 1, "items": [{"kind": "fixed", "amount": 3}]}');
    });
    await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('c')).result?.total === '3.00');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
