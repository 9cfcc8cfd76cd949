// "What can I label for $X?" in the page: the answer under the total, per
// workforce, put into the scenario with one click and undone; where a
// larger count costs less, said in words.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, waitForTotal } from './harness.mjs';

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** @param {import('playwright-core').Page} page */
const answer = (page) => page.locator('.budget-answer');

describe('budget', () => {
  test('$5,000 for the startup, per workforce, one answer used and undone', async () => {
    const { page, problems, context } = await open(env);
    assert.equal(await total(page), '$1,021.15');
    // The other items cost $301.15; $4,698.85 buys 130,523 boxes at $0.036
    // ($4,698.828): $4,999.978 in all, shown to the cent.
    await page.getByLabel('What can I label for ($)').fill('5,000');
    await page.waitForFunction(() => /130,523 objects/.test(document.querySelector('.budget-answer')?.textContent ?? ''));
    assert.match(/** @type {string} */ (await answer(page).textContent()), /\$5,000\.00 labels 130,523 objects of Initial labeling: the estimate is then \$4,999\.98; 130,524 would cost \$5,000\.01\./);
    // A vendor at 3 x $0.036: 43,507 boxes, 43,507 x $0.108 = $4,698.756, with
    // the rest $4,999.906.
    const vendor = answer(page).locator('tr', { hasText: 'Vendor (AWS Marketplace)' });
    assert.match(/** @type {string} */ (await vendor.textContent()), /43,507.*\$4,999\.91/);
    await vendor.getByRole('button').click();
    await waitForTotal(page, '$4,999.91');
    assert.equal(await page.locator('.item').first().locator('[data-field="workforce"]').inputValue(), 'vendor');
    assert.match(/** @type {string} */ (await page.textContent('.status')), /Item 1 now has 43,507 objects/);
    await page.click('[data-action="undo"]');
    await waitForTotal(page, '$1,021.15');
    // What cannot be read is said at the field.
    await page.getByLabel('What can I label for ($)').fill('lots');
    assert.match(/** @type {string} */ (await page.locator('.budget .msg').textContent()), /Type an amount in dollars/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('where labeling more costs less, the largest count, and why', async () => {
    // Image classification on the AWS card, 3 workers, active learning: 1,250
    // objects cost $117.50 (active learning starts), less than 1,249
    // ($144.884); $130 labels 1,387 objects ($129.972).
    const scenario = { labelcost: 1, rates: 'aws-documented-2026-12', items: [
      { kind: 'labeling', name: 'Photos', task: 'image/classification', objects: 1000, workforce: 'mturk', workers: 3, active_learning: {} }] };
    const { page, problems, context } = await open(env, `/#s=1j.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`);
    await total(page);
    await page.getByLabel('What can I label for ($)').fill('130');
    await page.waitForFunction(() => /1,387 objects/.test(document.querySelector('.budget-answer')?.textContent ?? ''));
    const text = /** @type {string} */ (await answer(page).textContent());
    assert.match(text, /Labeling more can cost less here: 1,250 objects cost \$117\.50, less than 1,249 \(\$144\.88\)/);
    // At the range's costly end (40% auto-labeled) $130 labels 1,120.
    assert.match(text, /from 1,120 objects \(if costs are high\) to 1,387/);
    assert.match(/** @type {string} */ (await answer(page).locator('tr', { hasText: 'without active learning' }).textContent()), /1,120.*\$129\.92/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
