// Nothing lost: every change can be undone and redone, a preset loads only
// when chosen, and a refused import changes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, waitForTotal, choosePreset, menuItem } from './harness.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// The page writes the exact scenario into its address after each change.
/** @param {Page} page */
async function settledHash(page) {
  await page.waitForTimeout(350);
  return page.evaluate(() => location.hash);
}

/** @param {Page} page */
async function undoButton(page) {
  await page.click('[data-action="undo"]');
}

describe('undo', () => {
  test('each destructive action, then Undo, restores the exact scenario and totals', async () => {
    const { page, problems, context } = await open(env);
    assert.equal(await total(page), '$1,021.15');
    // A first edit, so that the address holds the scenario: 30,000 boxes x
    // $0.036 = $1,080 instead of $720, so $1,381.15.
    await page.locator('.item').first().locator('[data-field="objects"]').fill('30000');
    await waitForTotal(page, '$1,381.15');
    const before = await settledHash(page);
    assert.match(before, /^#s=1\./);

    /** @type {[string, () => Promise<void>, string | null, (p: Page) => Promise<void>][]} */
    const undoes = [
      ['remove item 2', async () => { await page.locator('.item').nth(1).locator('[data-action="remove"]').click(); }, '$1,261.15', (p) => p.click('[data-action="undo-last"]')],
      ['reset', async () => { await menuItem(page, '[data-share="reset"]'); }, '$1,021.15', (p) => p.click('[data-action="undo-last"]')],
      ['load a preset', async () => { await choosePreset(page, 'NLP team (text classification)'); }, '$650.00', undoButton],
      ['switch the rate card', async () => { await page.selectOption('[data-control="rates"]', 'aws-documented-2026-11'); }, null, (p) => p.keyboard.press('Control+z')],
      ['move an item', async () => { await page.locator('.item').nth(1).locator('[data-action="down"]').click(); }, '$1,381.15', undoButton],
      ['copy an item', async () => { await page.locator('.item').nth(0).locator('[data-action="duplicate"]').click(); }, '$2,461.15', undoButton],
      ['add an item', async () => { await page.click('[data-add="fixed"]'); }, '$1,381.15', undoButton],
    ];
    for (const [label, act, changed, undo] of undoes) {
      await act();
      if (changed) await waitForTotal(page, changed);
      else await page.waitForFunction(() => /** @type {Element} */ (document.querySelector('[data-total]')).textContent !== '$1,381.15');
      await undo(page);
      await waitForTotal(page, '$1,381.15');
      assert.equal(await settledHash(page), before, label);
      assert.equal(await page.locator('.item').count(), 4, label);
    }
    // Redo puts the last undone change back; Undo again takes it away.
    await page.keyboard.press('Control+Shift+z');
    await waitForTotal(page, '$1,381.15'); // the added fixed cost is $0
    assert.equal(await page.locator('.item').count(), 5);
    await page.keyboard.press('Control+z');
    assert.equal(await page.locator('.item').count(), 4);
    assert.equal(await settledHash(page), before);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('typing a number is one step, and Ctrl+Z in the field undoes the scenario', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    const objects = page.locator('.item').first().locator('[data-field="objects"]');
    await objects.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12345', { delay: 30 });
    // 12,345 x $0.036 = $444.42; $444.42 + $301.15.
    await waitForTotal(page, '$745.57');
    await page.keyboard.press('Control+z');
    await waitForTotal(page, '$1,021.15');
    assert.equal(await objects.inputValue(), '20,000');
    assert.equal(await page.locator('[data-action="undo"]').isDisabled(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at least 50 steps can be undone', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    for (let i = 0; i < 55; i++) await page.click('[data-add="fixed"]');
    assert.equal(await page.locator('.item').count(), 59);
    for (let i = 0; i < 55; i++) await page.keyboard.press('Control+z');
    assert.equal(await page.locator('.item').count(), 4);
    await waitForTotal(page, '$1,021.15');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('arrow keys on the preset list change nothing until a preset is chosen', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await page.focus('[data-control="preset"]');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    assert.equal(await page.textContent('[data-total]'), '$1,021.15');
    assert.equal(await page.locator('.item').count(), 4);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /** @type {Element} */ (document.querySelector('[data-total]')).textContent !== '$1,021.15');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a file the engine refuses is listed in plain words and changes nothing', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await page.locator('.item').first().locator('[data-field="objects"]').fill('30000');
    await waitForTotal(page, '$1,381.15');
    const before = await settledHash(page);
    const refused = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objects: '20k', workforce: 'mturk' }, { kind: 'labeling', task: 'image/bounding-box', objects: 5, workers: 12, workforce: 'mturk' }] };
    await page.setInputFiles('input[type="file"]', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(refused)) });
    await page.waitForFunction(() => /plan\.json was not opened/.test(document.querySelector('.status')?.textContent ?? ''));
    const said = /** @type {string} */ (await page.textContent('.status'));
    assert.match(said, /Item 1, Objects: must be a (whole )?number/i);
    assert.match(said, /Item 2, Workers per object: must be from 1 to 9/);
    assert.match(said, /unchanged/);
    assert.doesNotMatch(said, /items\[|workers\b.*\bmax|NaN/);
    assert.equal(await page.textContent('[data-total]'), '$1,381.15');
    assert.equal((await page.locator('.item').first().locator('[data-field="objects"]').inputValue()).replace(/,/g, ''), '30000');
    assert.equal(await settledHash(page), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
