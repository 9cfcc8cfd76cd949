// The "More" menu button by keyboard, and links inside the calculator.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total } from './harness.mjs';

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

describe('menu', () => {
  test('opens on the first action, arrows move, Escape returns to the button', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    const button = page.locator('.menu-button');
    await button.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => /** @type {Element} */ (document.activeElement).textContent), 'Download CSV');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => /** @type {Element} */ (document.activeElement).textContent), 'Reset to the default');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => /** @type {Element} */ (document.activeElement).textContent), 'Download JSON');
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => /** @type {Element} */ (document.activeElement).classList.contains('menu-button')), true);
    // Enter opens it too, and an action closes it.
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.menu').isVisible(), true);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.menu').isVisible(), false);
    await page.waitForFunction(() => /Reset to the default scenario/.test(/** @type {Element} */ (document.querySelector('.status')).textContent));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('links to a section scroll to it and leave the share link in the address', async () => {
  const { page, problems, context } = await open(env);
  await total(page);
  await page.locator('.item').first().locator('[data-field="objects"]').fill('30000');
  await page.waitForFunction(() => /^#s=1\./.test(location.hash));
  const before = await page.evaluate(() => location.hash);
  await page.waitForSelector('.results[data-complete]', { state: 'attached' });
  await page.click('a[href="#card"]');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => location.hash), before);
  const top = await page.evaluate(() => /** @type {HTMLElement} */ (document.getElementById('card')).getBoundingClientRect().top);
  assert.ok(top > 0 && top < 80, `the rate card section is at the top, below the summary bar (${top})`);
  assert.deepEqual(problems, []);
  await context.close();
});
