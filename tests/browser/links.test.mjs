// Share links, local saving and resetting, in Chromium. Links for the tests
// are made here with Node's zlib, independently of the page's own encoder.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { start, open, total, waitForTotal, choosePreset, menuItem } from './harness.mjs';

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const b64url = (/** @type {Buffer} */ buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const link = (/** @type {unknown} */ scenario) => `#s=1.${b64url(deflateRawSync(Buffer.from(JSON.stringify(scenario))))}`;
const plainLink = (/** @type {unknown} */ value) => `#s=1j.${b64url(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)))}`;

/**
 * The bundled presets, from the site's engine in the page.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<import('../../web/types.js').Preset[]>}
 */
async function presets(page) {
  // The page's own engine, found from the page's address.
  return page.evaluate(async (url) => {
    const { loadEngine } = /** @type {typeof import('../../web/engine.js')} */ (await import(url));
    return (await loadEngine()).presets().presets;
  }, './engine.js');
}

describe('links', () => {
  test('every preset opens from a link in a fresh context with the same totals', async () => {
    const first = await open(env);
    await total(first.page);
    const list = await presets(first.page);
    /** @type {Record<string, string>} */
    const expected = {};
    for (const p of list) {
      await choosePreset(first.page, p.title);
      await first.page.waitForFunction((name) => /** @type {HTMLInputElement} */ (document.querySelector('[data-field="scenario-name"]')).value === name, p.scenario.name);
      expected[p.name] = await total(first.page);
    }
    await first.context.close();
    for (const p of list) {
      // A link made by this test, and the page's own "Copy link".
      const { page, problems, context } = await open(env, `/${link(p.scenario)}`);
      await waitForTotal(page, expected[p.name]);
      assert.equal(await page.inputValue('[data-field="scenario-name"]'), p.scenario.name);
      assert.deepEqual(problems, []);
      await context.close();
    }
    assert.equal(expected['computer-vision-startup'], '$1,021.15');
    assert.equal(expected['autonomous-driving'], '$17,820.00');
  });

  test('the page writes its own link as you edit, without filling the history', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    const lengthBefore = await page.evaluate(() => history.length);
    const objects = page.locator('.item').first().locator('[data-field="objects"]');
    for (const n of ['21000', '22000', '30000']) await objects.fill(n);
    // 30,000 boxes x $0.036 = $1,080, plus $120 + $180 + $1.15.
    await waitForTotal(page, '$1,381.15');
    await page.waitForFunction(() => location.hash.startsWith('#s=1.'));
    assert.equal(await page.evaluate(() => history.length), lengthBefore);
    const url = page.url();
    const fresh = await open(env, url.slice(url.indexOf('/', 8)));
    await waitForTotal(fresh.page, '$1,381.15');
    await fresh.context.close();
    // "Copy link" puts the same link on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('[data-share="copy"]');
    await page.waitForFunction(() => /Link copied/.test(document.querySelector('.status')?.textContent ?? ''));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /#s=1\./);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link pasted into the address bar opens at once', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await page.evaluate((hash) => { location.hash = hash; }, link({ labelcost: 1, items: [{ kind: 'fixed', name: 'Pasted', amount: 42 }] }));
    await waitForTotal(page, '$42.00');
    // A pasted link pinned to a card this build lacks is not priced on another.
    await page.evaluate((hash) => { location.hash = hash; }, link({ labelcost: 1, rates: 'acme-2031', items: [{ kind: 'fixed', amount: 5 }] }));
    await page.waitForFunction(() => /rate card "acme-2031"\) that this version of labelcost does not have.*unchanged/.test(document.querySelector('.notice:not([hidden])')?.textContent ?? ''));
    await waitForTotal(page, '$42.00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link pinned to another card says what today\'s card gives', async () => {
    // 1,000 boxes on AWS's structure: 1,000 x ($0.08 + 5 x $0.036) = $260;
    // on today's default (the article's card): 1,000 x $0.036 = $36.
    const scenario = { labelcost: 1, rates: 'aws-documented-2026-11', items: [{ kind: 'labeling', task: 'image/bounding-box', objects: 1000, workforce: 'mturk' }] };
    const { page, problems, context } = await open(env, `/${link(scenario)}`);
    await waitForTotal(page, '$260.00');
    await page.waitForFunction(() => /Priced with AWS documented structure \(November 2026\)\. Today's default, Wring article rates \(March 2026\), gives \$36\.00/.test(document.querySelector('.pinned')?.textContent ?? ''));
    assert.equal(await page.inputValue('select >> nth=1'), 'aws-documented-2026-11');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('broken, oversized and hostile links say so, open the default and run nothing', async () => {
    const xss = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const valid = link({ labelcost: 1, items: [{ kind: 'fixed', amount: 1 }] });
    /** @type {[string, string, RegExp | null][]} */
    const cases = [
      ['empty payload', '#s=1.', /damaged|no labelcost scenario|not a labelcost/i],
      ['not base64', '#s=1.%3Cscript%3E', /characters a labelcost link never has/],
      ['not deflate', '#s=1.AAAAAAAA', /damaged/],
      ['cut short', valid.slice(0, Math.floor(valid.length / 2)), /damaged|cut short/],
      ['newer link format', '#s=9.abc', /newer labelcost/],
      ['not a link format', '#s=x.abc', /not a labelcost scenario link/],
      // Chromium opens addresses of up to 2 MB; the decoder's own 10 MB test is
      // in tests/js/link.test.mjs.
      ['1.9 MB payload', `#s=1.${'A'.repeat(1900 * 1024)}`, /far longer/],
      ['a small link that unpacks to 5 MB', `#s=1.${b64url(deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 32)))}`, /unpacks to more than/],
      ['a list, not a scenario', plainLink([1, 2, 3]), /no labelcost scenario/],
      ['a scenario from the future', plainLink({ labelcost: 2, items: [] }), /newer labelcost/],
      ['a scenario the engine refuses', link({ labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objects: -5, workforce: 'mturk' }] }), /cannot be opened\. Item 1, Objects: cannot be negative\./],
      ['a card that is not bundled', link({ labelcost: 1, rates: 'acme-2031', items: [] }), /cannot be opened.*acme-2031/],
      ['script in a name', link({ labelcost: 1, name: xss, items: [{ kind: 'fixed', name: xss, amount: 7 }] }), null],
    ];
    for (const [label, hash, message] of cases) {
      const { page, problems, context } = await open(env, `/${hash}`);
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs++; d.dismiss(); });
      if (message) {
        // The default scenario, and a message that says what was wrong.
        await waitForTotal(page, '$1,021.15');
        await page.waitForSelector('.notice:not([hidden])');
        assert.match(/** @type {string} */ (await page.textContent('.notice')), message, label);
      } else {
        // The hostile name is shown as text, and nothing it holds runs.
        await waitForTotal(page, '$7.00');
        assert.equal(await page.inputValue('[data-field="scenario-name"]'), xss);
        assert.ok(/** @type {string} */ (await page.textContent('#estimate')).includes('<img src=x'), label);
      }
      assert.equal(await page.evaluate(() => /** @type {Window & {__pwned?: unknown}} */ (window).__pwned), undefined, label);
      assert.equal(await page.locator('img').count(), 0, label);
      assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0, label);
      assert.equal(dialogs, 0, label);
      assert.deepEqual(problems, [], label);
      await context.close();
    }
  });

  test('the scenario is kept in this browser, and Reset returns to the default', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await choosePreset(page, 'NLP team (text classification)');
    await waitForTotal(page, '$650.00');
    await page.waitForFunction(() => localStorage.getItem('labelcost:scenario')?.includes('NLP team'));
    await page.goto(`${env.server.origin}/`);
    await waitForTotal(page, '$650.00');
    await menuItem(page, '[data-share="reset"]');
    await waitForTotal(page, '$1,021.15');
    await page.goto(`${env.server.origin}/`);
    await waitForTotal(page, '$1,021.15');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a damaged or newer saved scenario is kept aside, not overwritten, and the user is told', async () => {
    for (const [saved, message] of /** @type {[string, RegExp][]} */ ([
      ['{"labelcost_saved": 1, "scenario": {"labelcost": 1, "items": [', /damaged/],
      ['{"labelcost_saved": 2, "scenario": {"labelcost": 2, "items": []}}', /newer labelcost/],
    ])) {
      const { page, problems, context } = await open(env);
      await total(page);
      await page.evaluate((v) => localStorage.setItem('labelcost:scenario', v), saved);
      await page.reload();
      await waitForTotal(page, '$1,021.15');
      await page.waitForSelector('.notice:not([hidden])');
      assert.match(/** @type {string} */ (await page.textContent('.notice')), message);
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('labelcost:kept:')).map((k) => localStorage.getItem(k)));
      assert.deepEqual(kept, [saved]);
      assert.match(/** @type {string} */ (await page.textContent('.notice')), /labelcost:kept:/);
      // Editing saves anew under the usual key; the kept copy stays.
      await page.locator('.item').first().locator('[data-field="objects"]').fill('21000');
      await page.waitForFunction(() => localStorage.getItem('labelcost:scenario')?.includes('21000'));
      const still = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('labelcost:kept:')).map((k) => localStorage.getItem(k)));
      assert.deepEqual(still, [saved]);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
