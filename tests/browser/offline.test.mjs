// Offline use: the service worker's copy, and the single file from disk.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { start, open, total, waitForTotal, site, choosePreset } from './harness.mjs';

/** @typedef {import('./harness.mjs').Calculator} Calculator */
/** @typedef {Calculator & {readonly result: import('../../web/types.js').Result}} Priced  the element once it has an estimate */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// Once the offline copy controls the page.
/** @param {import('playwright-core').Page} page */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

describe('offline', () => {
  test('after one visit the page loads and computes with the network off', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    assert.equal(await total(page), '$1,021.15');
    // It computes, not only shows: an edit prices anew, offline.
    await page.locator('.item').first().locator('[data-field="objects"]').fill('10000');
    // 10,000 boxes x $0.036 = $360, plus $120 + $180 + $1.15.
    await waitForTotal(page, '$661.15');
    // A share link opens offline too.
    const link = Buffer.from(deflateRawSync(Buffer.from(JSON.stringify({ labelcost: 1, items: [{ kind: 'fixed', amount: 5 }] })))).toString('base64url');
    await page.goto(`${env.server.origin}/#s=1.${link}`);
    await waitForTotal(page, '$5.00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the example host page opens as itself, and other pages are not the calculator', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await controlled(page);
    await context.setOffline(true);
    await page.goto(`${env.server.origin}/embed-example.html`);
    assert.equal(await page.title(), 'Embedding labelcost: an example host page');
    await page.waitForFunction(() => ['full', 'compact'].every((id) => /** @type {Calculator | null} */ (document.getElementById(id))?.result));
    assert.equal(await page.evaluate(() => /** @type {Priced} */ (document.getElementById('full')).result.total), '196.725');
    await page.frameLocator('#frame').locator('[data-total]:not(:empty)').waitFor();
    await page.waitForFunction(() => /^\d+px$/.test(/** @type {HTMLIFrameElement} */ (document.getElementById('frame')).style.height));
    // The calculator's own address, with a query it was not cached with.
    await page.goto(`${env.server.origin}/?embed=1&compact=1`);
    assert.equal(await total(page), '$1,021.15');
    assert.deepEqual(problems, []);
    // A page the offline copy does not have fails as any page offline does
    // (it is not answered with the calculator).
    await assert.rejects(page.goto(`${env.server.origin}/not-labelcost.html`), /net::ERR_/);
    await context.close();
  });

  test('a new version installs beside the old and takes over when accepted', async () => {
    // A copy of the site, so that a new version can be deployed to it.
    const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-site-'));
    cpSync(site, dir, { recursive: true });
    const local = await start(dir);
    try {
      const { page, problems, context } = await open(local);
      await total(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      const swPath = path.join(dir, 'sw.js');
      const current = /"([0-9a-f]{16})"/.exec(readFileSync(swPath, 'utf8'))?.[1];
      assert.ok(current, 'sw.js names its version');
      await page.waitForFunction((v) => caches.has(`labelcost-${v}`), current);
      // Deploy: a changed service worker (as a new build would give).
      writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(current, 'ffffffffffffffff'));
      await page.evaluate(async () => /** @type {ServiceWorkerRegistration} */ (await navigator.serviceWorker.getRegistration()).update());
      await page.waitForSelector('.notice:not([hidden]) button');
      assert.match(/** @type {string} */ (await page.textContent('.notice')), /new version of labelcost is ready/);
      // Until accepted, the page keeps running the old version.
      assert.ok(await page.evaluate((v) => caches.has(`labelcost-${v}`), current));
      await Promise.all([page.waitForEvent('load'), page.click('.notice button')]);
      await total(page);
      await page.waitForFunction(async (v) => (await caches.keys()).includes('labelcost-ffffffffffffffff') && !(await caches.has(`labelcost-${v}`)), current);
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the single file works opened from disk, making no requests', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    /** @type {string[]} */
    const problems = [];
    /** @type {string[]} */
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const file = pathToFileURL(path.join(site, 'labelcost.html')).href;
    await page.goto(file);
    assert.equal(await total(page), '$1,021.15');
    await choosePreset(page, 'Autonomous driving (3D point cloud)');
    await waitForTotal(page, '$17,820.00');
    assert.deepEqual(requests.filter((u) => u !== file && !u.startsWith('data:') && !u.startsWith('blob:')), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
