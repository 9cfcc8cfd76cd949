// Plans side by side in the page, by keyboard: two plans saved, compared with
// the engine's differences, a delete undone, a rename, a plan opened and
// undone, and the plans still there after a reload (they stay in this browser).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, waitForTotal, inFreshContext } from './harness.mjs';

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** @param {import('playwright-core').Page} page */
const planNames = (page) => page.locator('#plans .plan-list li label').allTextContents();

describe('plans', () => {
  test('saved, compared, deleted and undone, renamed, opened and undone, kept across a reload', async () => {
    const { page, problems, context } = await open(env);
    assert.equal(await total(page), '$1,021.15');
    await page.waitForSelector('#plans [data-control="plan-name"]');
    await page.focus('#plans [data-control="plan-name"]');
    await page.keyboard.type('Mechanical Turk');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Saved “Mechanical Turk”/.test(document.querySelector('#plans .plan-msg')?.textContent ?? ''));
    // The startup's 20,000 boxes from a vendor at its typical 3x: 3 x $720 =
    // $2,160, $1,440 more: $2,461.15.
    await page.locator('.item').first().locator('[data-field="workforce"]').selectOption('vendor');
    await waitForTotal(page, '$2,461.15');
    await page.fill('#plans [data-control="plan-name"]', 'Vendor');
    await page.click('#plans [data-action="save-plan"]');
    await page.waitForSelector('#plans .plan-comparison table');
    const rows = await page.locator('#plans .plan-comparison tbody tr').allTextContents();
    assert.match(rows[0], /^Total\$1,021\.15\$2,461\.15\+\$1,440\.00 vs 1$/);
    assert.match(rows[1], /^Range—\$1,741\.15 – \$3,901\.15$/);
    assert.match(/** @type {string} */ (rows.find((r) => r.startsWith('1. Initial labeling'))), /\$720\.00\$2,160\.00\+\$1,440\.00 vs 1/);
    assert.match(/** @type {string} */ (rows.find((r) => r.startsWith('Worker-hours'))), /2,187\.5.*2,187\.5$/);

    // The comparison as one link: a fresh browser opens both plans side by
    // side (the first on screen) and can keep them.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.focus('#plans [data-action="copy-plans-link"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Comparison link copied/.test(document.querySelector('#plans .plan-msg')?.textContent ?? ''));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#c=1\./);
    await inFreshContext(env, link, async (again) => {
      assert.equal(await total(again), '$1,021.15');
      await again.waitForSelector('#plans .plan-comparison table');
      assert.match(/** @type {string} */ (await again.textContent('#plans .linked-plans')), /From the link: “Mechanical Turk”, “Vendor”/);
      assert.match((await again.locator('#plans .plan-comparison tbody tr').allTextContents())[0], /\+\$1,440\.00 vs 1/);
      await again.click('#plans [data-action="keep-linked-plans"]');
      assert.deepEqual(await planNames(again), ['Mechanical Turk', 'Vendor']);
    });

    // Delete, then Undo by keyboard: focus is on Undo after the delete.
    await page.focus('#plans li:has-text("Mechanical Turk") [data-action="delete-plan"]');
    await page.keyboard.press('Enter');
    assert.deepEqual(await planNames(page), ['Vendor']);
    assert.match(/** @type {string} */ (await page.textContent('#plans .plan-comparison')), /Tick one more plan/);
    assert.equal(await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.dataset.action), 'undo-delete-plan');
    await page.keyboard.press('Enter');
    assert.deepEqual(await planNames(page), ['Mechanical Turk', 'Vendor']);
    await page.waitForSelector('#plans .plan-comparison table');
    // Unticked by keyboard (Space), one plan is left: nothing to compare.
    await page.focus('#plans li:has-text("Vendor") input[type="checkbox"]');
    await page.keyboard.press('Space');
    assert.match(/** @type {string} */ (await page.textContent('#plans .plan-comparison')), /Tick one more plan/);
    await page.keyboard.press('Space');
    await page.waitForSelector('#plans .plan-comparison table');

    // Rename by keyboard.
    await page.focus('#plans li:has-text("Vendor") [data-action="rename-plan"]');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Vendor quote');
    await page.keyboard.press('Enter');
    assert.deepEqual(await planNames(page), ['Mechanical Turk', 'Vendor quote']);

    // Opening a plan is a step that can be undone.
    await page.focus('#plans li:has-text("Mechanical Turk") [data-action="open-plan"]');
    await page.keyboard.press('Enter');
    await waitForTotal(page, '$1,021.15');
    await page.click('[data-action="undo"]');
    await waitForTotal(page, '$2,461.15');

    // The plans stay in this browser.
    await page.reload();
    await total(page);
    await page.waitForSelector('#plans .plan-list li');
    assert.deepEqual(await planNames(page), ['Mechanical Turk', 'Vendor quote']);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
