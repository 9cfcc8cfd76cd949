// Your own prices as tables in the page: built by keyboard from a bundled
// card, priced, refused in words at the field, undone, and carried by the
// share link into a fresh browser.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, waitForTotal, settled, inFreshContext, copyLink } from './harness.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** @param {Page} page */
const focused = (page) => page.evaluate(() => {
  let el = /** @type {HTMLElement | SVGElement | null} */ (document.activeElement);
  while (el?.shadowRoot?.activeElement) el = /** @type {HTMLElement | SVGElement} */ (el.shadowRoot.activeElement);
  return { label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '', action: el?.dataset?.action ?? '', tag: el?.tagName };
});

/**
 * Selects what a field holds and types `text` over it, as a person does.
 * @param {Page} page
 * @param {string} text
 */
async function retype(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/**
 * Presses Tab until the focused field is the one named `label`.
 * @param {Page} page
 * @param {string} label
 */
async function tabToLabel(page, label) {
  for (let i = 0; i < 80; i++) {
    if ((await focused(page)).label === label) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach "${label}" by keyboard`);
}

test('your own prices, by keyboard: a price sheet built from a bundled card, priced, and opened from its link', async () => {
  const { page, problems, context } = await open(env);
  // The default scenario on the article's card: $1,021.15 (boxes $720.00,
  // review $180.00, an auto-labeled batch $120.00, storage $1.15).
  assert.equal(await total(page), '$1,021.15');
  // "Edit prices" sits above the card list, just before it in the tab order.
  await page.focus('[data-control="rates"]');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).action, 'edit-prices');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.prices-panel:not([hidden])');
  assert.equal((await focused(page)).label, 'Your own prices');
  // Opening the tables changes nothing: the bundled card is still in use.
  assert.equal(await page.locator('[data-control="rates"]').inputValue(), 'wring-2026-03');

  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).label, 'the name of your prices');
  await retype(page, 'Acme price sheet');
  // The first change makes your copy: same prices, so the same total.
  await page.waitForFunction(() => /** @type {HTMLSelectElement} */ (document.querySelector('[data-control="rates"]')).value === '-own');
  assert.equal(await total(page), '$1,021.15');

  // Bounding boxes at $0.05 instead of $0.036: 20,000 + 5,000 boxes cost
  // $1,000.00 + $250.00; with the batch $120.00 and storage $1.15: $1,371.15.
  await tabToLabel(page, 'the price of Bounding box');
  await retype(page, '0.05');
  await waitForTotal(page, '$1,371.15');
  // The comparisons use your prices too: a vendor at 3 x $0.05 for the
  // 25,000 boxes is $3,750.00, with the batch and storage $3,871.15.
  await settled(page);
  assert.match(/** @type {string} */ (await page.locator('#compare tr', { hasText: 'Vendor (AWS Marketplace)' }).first().textContent()), /\$3,871\.15/);

  // What cannot be a price is said at the field, and the estimate keeps the last good prices.
  await tabToLabel(page, 'Vendor (AWS Marketplace), low');
  await retype(page, '9');
  const message = page.locator('.prices-panel [aria-invalid="true"] + .msg');
  assert.match(/** @type {string} */ (await message.textContent()), /^Low, typical and high must be in that order/);
  await retype(page, 'two');
  assert.match(/** @type {string} */ (await message.textContent()), /^Cannot read "two"/);
  await retype(page, '2');
  assert.equal(await page.locator('.prices-panel [aria-invalid="true"]').count(), 0);
  assert.equal(await total(page), '$1,371.15');

  // Escape closes the tables and gives focus back to where they were opened.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.prices-panel[hidden]', { state: 'attached' });
  assert.equal((await focused(page)).action, 'edit-prices');
  assert.match(/** @type {string} */ (await page.textContent('#summary')), /Your own prices: Acme price sheet.*source: your own/s);
  assert.equal(await page.locator('[data-control="rates"] option:checked').textContent(), 'Your own prices');

  // Copy link, by keyboard; the link opens the same numbers in a fresh browser.
  const link = await copyLink(page, context);
  await inFreshContext(env, link, async (again) => {
    assert.equal(await total(again), '$1,371.15');
    assert.match(/** @type {string} */ (await again.textContent('#summary')), /Your own prices: Acme price sheet.*source: your own/s);
    assert.equal(await again.locator('[data-control="rates"]').inputValue(), '-own');
  });

  // Undo takes the price back, and the open tables show it.
  await page.focus('[data-action="edit-prices"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.prices-panel:not([hidden])');
  await page.keyboard.press('Control+Z');
  await waitForTotal(page, '$1,021.15');
  assert.equal(await page.getByLabel('the price of Bounding box').inputValue(), '0.036');
  assert.deepEqual(problems, []);
  await context.close();
});

const plainLink = (/** @type {unknown} */ scenario) => `/#s=1j.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;

describe('your own prices', () => {
  test('the fee tiers of the AWS card changed, removed and undone', async () => {
    // 100,000 bounding boxes by Mechanical Turk, 5 workers at $0.036, one month:
    // fee 50,000 x $0.08 + 50,000 x $0.04 = $6,000; workers 100,000 x 5 x $0.036
    // = $18,000; total $24,000.
    const { page, problems, context } = await open(env, plainLink({ labelcost: 1, rates: 'aws-documented-2026-12', items: [
      { kind: 'labeling', name: 'Boxes', task: 'image/bounding-box', objects: 100000, workforce: 'mturk', workers: 5, worker_price: 0.036 }] }));
    assert.equal(await total(page), '$24,000.00');
    await page.click('[data-action="edit-prices"]');
    // The second tier at $0.03: fee $4,000 + $1,500; total $23,500.
    await page.getByLabel('Ground Truth fee per object, tier 2, price').fill('0.03');
    await waitForTotal(page, '$23,500.00');
    // Without the second tier, objects past 50,000 pay the last tier's $0.02:
    // fee $4,000 + $1,000; total $23,000.
    await page.click('[data-remove-tier="fee.1"]');
    await waitForTotal(page, '$23,000.00');
    assert.deepEqual(await page.locator('.price-table.tiers').first().locator('tbody th').allTextContents(), ['First 50,000', 'Above 50,000']);
    // A new tier goes before the last, at twice the bound before it; its
    // bound is typed over: 50,000 at $0.08, 40,000 at $0.02, 10,000 at $0.02.
    await page.click('[data-add-tier="fee"]');
    assert.equal(await page.getByLabel('Ground Truth fee per object, tier 2, up to').inputValue(), '100,000');
    await waitForTotal(page, '$23,000.00');
    await page.getByLabel('Ground Truth fee per object, tier 2, up to').fill('40000');
    const message = page.locator('.prices-panel [aria-invalid="true"] + .msg');
    assert.equal(await message.textContent(), 'Each tier must end above the one before it.');
    // Undo: first the tier added, then the one removed.
    const rows = (/** @type {number} */ n) => page.waitForFunction((want) => /** @type {HTMLTableSectionElement} */ (document.querySelector('.price-table.tiers tbody')).rows.length === want, n);
    await page.keyboard.press('Control+Z');
    await rows(2);
    assert.equal(await total(page), '$23,000.00');
    await page.keyboard.press('Control+Z');
    await rows(3);
    await waitForTotal(page, '$23,500.00');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
