// The page at every width from 280 to 1920 px, and the element in containers
// from 280 to 1200 px on a host page with hostile styles: no sideways scroll,
// every control reachable where it is drawn, nothing wider than its box, no
// text under 11 px, select boxes that show their whole label.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, artifacts } from './harness.mjs';
import { layoutProblems } from './layout-checks.mjs';
import { sixtyItems, effortAndSchedule } from './scenarios.mjs';

/** @typedef {import('./harness.mjs').Calculator} Calculator */
/**
 * null: the default scenario; a preset's name; a step on the default scenario (edit-prices, budget, plans); or a scenario.
 * @typedef {null | 'label-types-10k' | 'edit-prices' | 'budget' | 'plans' | import('../../web/types.js').Scenario} LayoutScenario
 */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** @type {number[]} */
const PAGE_WIDTHS = [];
for (let w = 280; w <= 1920; w += 40) PAGE_WIDTHS.push(w);
/** @type {number[]} */
const ELEMENT_WIDTHS = [];
for (let w = 280; w <= 1200; w += 40) ELEMENT_WIDTHS.push(w);
const SHOTS = new Set([280, 360, 400, 640, 800, 1000, 1120, 1280, 1440, 1920]);

/** @type {[string, LayoutScenario][]} */
const SCENARIOS = [
  ['default', null],
  ['13 items', 'label-types-10k'],
  ['60 items', sixtyItems()],
  // The default scenario with the AWS card's price tables open (tiers, ranges).
  ['price tables', 'edit-prices'],
  // The default scenario with a budget's answer under the total.
  ['budget answer', 'budget'],
  // Worker-hours by item and a schedule's answer with its timeline.
  ['effort and schedule', effortAndSchedule()],
  // The default scenario saved as two plans (one with a long name), compared.
  ['plans compared', 'plans'],
];
/** @param {LayoutScenario} scenario */
const itemCount = (scenario) => (scenario === null || scenario === 'edit-prices' || scenario === 'budget' || scenario === 'plans' ? 4
  : scenario === 'label-types-10k' ? 13 : scenario.items.length);

/**
 * Runs in the page: asks what $5,000 labels (in the element `sel`, or the page).
 * @param {string|null} sel
 */
function askBudget(sel) {
  const root = sel ? /** @type {Calculator} */ (document.querySelector(sel)).shadowRoot : document;
  const input = /** @type {HTMLInputElement} */ (root.querySelector('[data-control="budget"]'));
  input.value = '5000';
  input.dispatchEvent(new Event('input'));
}


/**
 * Runs in the page: saves the scenario as two plans, which are then compared (in the element `sel`, or the page).
 * @param {string|null} sel
 */
function savePlans(sel) {
  const root = sel ? /** @type {Calculator} */ (document.querySelector(sel)).shadowRoot : document;
  for (const name of ['Mechanical Turk', 'The same plan again, under a much longer name than most']) {
    /** @type {HTMLInputElement} */ (root.querySelector('[data-control="plan-name"]')).value = name;
    /** @type {HTMLButtonElement} */ (root.querySelector('[data-action="save-plan"]')).click();
  }
}

/**
 * Runs in the page: opens the price tables of the AWS card (in the element `sel`, or the page).
 * @param {string|null} sel
 */
function openPriceTables(sel) {
  const root = sel ? /** @type {Calculator} */ (document.querySelector(sel)).shadowRoot : document;
  const card = /** @type {HTMLSelectElement} */ (root.querySelector('[data-control="rates"]'));
  card.value = 'aws-documented-2026-12';
  card.dispatchEvent(new Event('change'));
  /** @type {HTMLButtonElement} */ (root.querySelector('[data-action="edit-prices"]')).click();
}

// The scenario as a share link's fragment (uncompressed form).
/** @param {import('../../web/types.js').Scenario} s */
const fragment = (s) => `#s=1j.${Buffer.from(JSON.stringify(s)).toString('base64url')}`;

describe('layout', () => {
  test('the page at every width from 280 to 1920 px', async () => {
    const failures = [];
    for (const [label, scenario] of SCENARIOS) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      /** @type {string[]} */
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${env.server.origin}/${scenario && typeof scenario === 'object' ? fragment(scenario) : ''}`);
      await page.waitForSelector('[data-total]:not(:empty)');
      if (scenario === 'edit-prices') {
        await page.evaluate(openPriceTables, null);
        await page.waitForSelector('.price-table.tiers');
      } else if (scenario === 'budget') {
        await page.waitForSelector('[data-control="budget"]');
        await page.evaluate(askBudget, null);
        await page.waitForSelector('.budget-answer table');
      } else if (scenario === 'plans') {
        await page.waitForSelector('[data-control="plan-name"]');
        await page.evaluate(savePlans, null);
        await page.waitForSelector('.plan-comparison table');
      } else if (typeof scenario === 'string') {
        await page.selectOption('[data-control="preset"]', scenario);
        await page.click('[data-action="load-preset"]');
      }
      await page.waitForSelector('.results[data-complete]', { state: 'attached' });
      await page.waitForFunction((n) => document.querySelectorAll('.items > li').length === n, itemCount(scenario));
      for (const width of PAGE_WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const found = await layoutProblems(page, null);
        for (const f of found) failures.push(`${label} @ ${width}px: ${f}`);
        if (SHOTS.has(width) && label !== '60 items') {
          await page.screenshot({ path: path.join(artifacts, 'screenshots', `layout-page-${label.replace(/\W+/g, '-')}-${width}.png`), fullPage: width <= 400 ? false : true });
        }
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} layout problems`);
  });

  test('the element in containers from 280 to 1200 px on a host page with hostile styles', async () => {
    const failures = [];
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    await context.route(`${env.server.origin}/layout-host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'" },
      body: '<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">'
        + '<link rel="stylesheet" href="/embed-example.css"><link rel="stylesheet" href="/layout-host.css"><script type="module" src="/labelcost-embed.js"></script>'
        + '<h1>A docs page</h1><div id="box"><labelcost-calculator id="calc"></labelcost-calculator></div>',
    }));
    // The host's own rules for its sidebar: hostile to any widget inside.
    await context.route(`${env.server.origin}/layout-host.css`, (route) => route.fulfill({
      contentType: 'text/css',
      body: '#box { margin: 0 0 0 37px; padding: 9px; border: 3px solid #c00; } * { letter-spacing: .02em; line-height: 2.1; } button, input, select { font-size: 22px !important; }',
    }));
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.server.origin}/layout-host.html`);
    const totalShown = () => /** @type {HTMLElement} */ (document.getElementById('calc')).shadowRoot?.querySelector('[data-total]')?.textContent;
    await page.waitForFunction(totalShown);
    for (const [label, scenario] of SCENARIOS) {
      if (scenario !== null) {
        await page.evaluate((s) => {
          const el = /** @type {Calculator} */ (document.getElementById('calc'));
          if (typeof s !== 'string') el.setAttribute('scenario', JSON.stringify(s));
        }, scenario);
      }
      if (scenario === 'edit-prices' || scenario === 'budget' || scenario === 'plans') {
        await page.evaluate(() => {
          const el = /** @type {Calculator} */ (document.getElementById('calc'));
          el.removeAttribute('scenario');
          el.setAttribute('preset', 'computer-vision-startup');
        });
        await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelectorAll('.items > li').length === 4);
      }
      if (scenario === 'edit-prices') {
        await page.evaluate(openPriceTables, '#calc');
        await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelector('.price-table.tiers'));
      } else if (scenario === 'budget') {
        await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelector('[data-control="budget"]'));
        await page.evaluate(askBudget, '#calc');
        await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelector('.budget-answer table'));
      } else if (scenario === 'plans') {
        await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelector('[data-control="plan-name"]'));
        await page.evaluate(savePlans, '#calc');
        await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelector('.plan-comparison table'));
      } else if (typeof scenario === 'string') {
        await page.evaluate(() => {
          const root = /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot;
          /** @type {HTMLSelectElement} */ (root.querySelector('[data-control="preset"]')).value = 'label-types-10k';
          /** @type {HTMLButtonElement} */ (root.querySelector('[data-action="load-preset"]')).click();
        });
      }
      const expected = itemCount(scenario);
      await page.waitForFunction((n) => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelectorAll('.items > li').length === n, expected);
      await page.waitForFunction(() => /** @type {Calculator} */ (document.getElementById('calc')).shadowRoot.querySelector('.results[data-complete]'));
      for (const width of ELEMENT_WIDTHS) {
        await page.evaluate((w) => { /** @type {HTMLElement} */ (document.getElementById('box')).style.width = `${w}px`; }, width);
        const found = await layoutProblems(page, '#calc');
        for (const f of found) failures.push(`element ${label} @ ${width}px: ${f}`);
        if ((width === 280 || width === 320 || width === 600 || width === 1000) && label !== '60 items') {
          await page.screenshot({ path: path.join(artifacts, 'screenshots', `layout-element-${label.replace(/\W+/g, '-')}-${width}.png`), fullPage: true });
        }
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} layout problems`);
  });
});


describe('screenshots', () => {
  // docs/screenshots/ holds copies of these (README, "Screenshots").
  test('the page at phone, laptop and desktop widths, and the element in a 300 px sidebar', async () => {
    const shots = path.join(artifacts, 'screenshots');
    for (const [name, viewport] of /** @type {[string, {width: number, height: number}][]} */ ([['phone-390', { width: 390, height: 844 }], ['laptop-1280', { width: 1280, height: 800 }], ['desktop-1920', { width: 1920, height: 1080 }]])) {
      const context = await env.browser.newContext({ viewport, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${env.server.origin}/`);
      await page.waitForSelector('.results[data-complete]', { state: 'attached' });
      assert.deepEqual(await layoutProblems(page, null), [], name);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shots, `readme-${name}.png`) });
      await context.close();
    }
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 1100 }, serviceWorkers: 'block' });
    await context.route(`${env.server.origin}/sidebar-host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><title>Docs</title><link rel="icon" href="data:,">'
        + '<link rel="stylesheet" href="/sidebar-host.css"><script type="module" src="/labelcost-embed.js"></script>'
        + '<div class="wrap"><article><h1>Labeling your training data</h1><p>Before you start a labeling job, estimate what it costs. '
        + 'The calculator beside this text prices the job at published rates; change the numbers to match your dataset.</p>'
        + '<p>Bounding boxes cost more than image-level labels, and each object is labeled by several workers.</p></article>'
        + '<aside><labelcost-calculator preset="computer-vision-startup"></labelcost-calculator></aside></div>',
    }));
    await context.route(`${env.server.origin}/sidebar-host.css`, (route) => route.fulfill({
      contentType: 'text/css',
      body: 'body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222; background: #fbfaf7; } .wrap { display: flex; gap: 32px; max-width: 1200px; margin: 0 auto; padding: 24px; } '
        + 'article { flex: 1; } aside { flex: 0 0 300px; width: 300px; border-left: 1px solid #ddd; padding-left: 16px; }',
    }));
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/sidebar-host.html`);
    await page.waitForFunction(() => document.querySelector('labelcost-calculator')?.shadowRoot?.querySelector('.results[data-complete]'));
    assert.deepEqual(await layoutProblems(page, 'labelcost-calculator'), [], 'sidebar');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, 'readme-element-sidebar-300.png') });
    await context.close();
  });
});
