// Your own prices in the page: a quoted price per object, a discount and a
// credit, entered as a person does, priced to the cent and kept in the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, waitForTotal, settled } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('a quote, a discount and a credit, typed in, priced and kept in the share link', async () => {
  const { page, problems, context } = await open(env);
  // The default scenario: boxes $720.00 and review $180.00 (labeling), an
  // auto-labeled batch $120.00, storage $1.15: $1,021.15.
  assert.equal(await total(page), '$1,021.15');
  const first = page.locator('.item').first();
  await first.locator('summary').click();
  // 20,000 boxes at a quoted $0.05: $1,000.00 instead of $720.00.
  await first.getByLabel('Your price per object').fill('0.05');
  await waitForTotal(page, '$1,301.15');
  assert.equal(await first.locator('.item-cost').textContent(), '$1,000.00');

  // 10% off the labeling items ($1,000.00 + $180.00): -$118.00.
  await page.click('[data-add="discount"]');
  const discount = page.locator('.item').last();
  await discount.getByLabel('Discount').fill('10%');
  await discount.getByLabel('On').selectOption('labeling');
  await waitForTotal(page, '$1,183.15');
  assert.equal(await discount.locator('.item-cost').textContent(), '-$118.00');

  // A $2,000.00 credit is used up to the total, and says so.
  await page.click('[data-add="credit"]');
  const credit = page.locator('.item').last();
  await credit.getByLabel('Credit').fill('2000');
  await waitForTotal(page, '$0.00');
  await settled(page);
  assert.match(await credit.locator('.msg.item-msg').textContent(), /This credit is \$2,000\.00; \$816\.85 of it is not used/);
  assert.match(await page.textContent('#summary'), /\$816\.85 of it is not used/);

  // The link opens the same numbers elsewhere.
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  const link = await page.evaluate(() => location.href);
  const other = await env.browser.newContext();
  const again = await other.newPage();
  await again.goto(link);
  assert.equal(await total(again), '$0.00');
  assert.equal(await again.locator('.item').last().locator('.item-cost').textContent(), '-$1,183.15');
  await other.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a quote with a price multiple is said at the field, in words', async () => {
  const { page, problems, context } = await open(env);
  await total(page);
  const first = page.locator('.item').first();
  await first.locator('[data-field="workforce"]').selectOption('vendor');
  await first.locator('summary').click();
  await first.getByLabel('Price multiple').fill('2');
  await first.getByLabel('Your price per object').fill('0.05');
  const msg = first.locator('[data-msg-for="unit_price"]');
  await page.waitForFunction((el) => el.textContent.length > 0, await msg.elementHandle());
  assert.match(await msg.textContent(), /already includes every worker/);
  assert.deepEqual(problems, []);
  await context.close();
});
