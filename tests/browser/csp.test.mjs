// Every page under the strict Content-Security-Policy (as served: header and
// meta tag), with every feature used: no violation, no console error.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, settled, choosePreset, menuItem } from './harness.mjs';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';

/** @typedef {import('./harness.mjs').CspWindow} CspWindow */
/** @typedef {import('./harness.mjs').Calculator} Calculator */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** @param {import('playwright-core').Page} page */
async function violations(page) {
  return page.evaluate(() => /** @type {CspWindow} */ (window).__cspViolations ?? []);
}

describe('csp', () => {
  test('the page is served with the strict policy, and the meta tag says the same', async () => {
    const response = await fetch(`${env.server.origin}/index.html`);
    const header = response.headers.get('content-security-policy');
    assert.equal(header, CONTENT_SECURITY_POLICY);
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", 'frame-ancestors *']) {
      assert.ok(header.includes(directive), directive);
    }
    const html = await response.text();
    const meta = /** @type {RegExpExecArray} */ (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html))[1];
    assert.equal(`${meta}; frame-ancestors *`, header);
  });

  test('the calculator, with every feature used, violates nothing', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await settled(page);
    // Edit, change card and preset, open the embed dialog, export, share.
    await page.locator('.item').first().locator('[data-field="objects"]').fill('25k');
    await page.getByRole('combobox', { name: 'Prices (rate card)', exact: true }).selectOption('aws-documented-2026-11');
    await settled(page);
    await choosePreset(page, 'Active learning savings (article table)');
    await settled(page);
    await menuItem(page, '[data-share="embed"]');
    await page.waitForSelector('dialog[open]');
    await page.keyboard.press('Escape');
    await Promise.all([page.waitForEvent('download'), menuItem(page, '[data-export="csv"]')]);
    await Promise.all([page.waitForEvent('download'), menuItem(page, '[data-export="json"]')]);
    await page.locator('#estimate input[type="radio"]').nth(1).check();
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the iframe modes and the example host page violate nothing', async () => {
    for (const path of ['/index.html?embed=1', '/index.html?embed=1&compact=1', '/embed-example.html']) {
      const { page, problems, context } = await open(env, path);
      if (path.startsWith('/embed-example')) {
        await page.waitForFunction(() => /** @type {Calculator | null} */ (document.getElementById('full'))?.result && /** @type {Calculator | null} */ (document.getElementById('compact'))?.result);
        await page.frameLocator('#frame').locator('[data-total]:not(:empty)').waitFor();
      } else {
        await total(page);
      }
      await page.waitForTimeout(300);
      assert.deepEqual(await violations(page), [], path);
      for (const frame of page.frames()) assert.deepEqual(await frame.evaluate(() => /** @type {CspWindow} */ (window).__cspViolations ?? []), [], `${path} frame ${frame.url()}`);
      assert.deepEqual(problems, [], path);
      await context.close();
    }
  });

  test('the single file keeps its own policy, which allows no requests', async () => {
    const { page, problems, context } = await open(env, '/labelcost.html');
    await total(page);
    const meta = /** @type {string} */ (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'));
    assert.match(meta, /default-src 'none'/);
    assert.doesNotMatch(meta, /'unsafe-eval'/);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
