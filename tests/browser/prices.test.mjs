// Your own prices in the page: a quoted price per object, a discount and a
// credit, entered as a person does, priced to the cent and kept in the link.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { start, open, total, waitForTotal, settled, menuItem, siteEngine, inFreshContext } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

/** @typedef {import('./harness.mjs').Calculator} Calculator */
/** @typedef {Calculator & {readonly result: import('../../web/types.js').Result}} Priced  the element once it has an estimate */
/** @typedef {import('../../web/types.js').RateCard} RateCard */
/** @typedef {import('../../web/types.js').Decimal} Decimal */
/** @typedef {import('../../web/types.js').Scenario} Scenario */

/** @type {import('./harness.mjs').Env} */
let env;
/** @type {import('../../web/engine.js').Engine} */
let engine;
before(async () => {
  env = await start();
  engine = await siteEngine();
});
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
  assert.match(/** @type {string} */ (await credit.locator('.msg.item-msg').textContent()), /This credit is \$2,000\.00; \$816\.85 of it is not used/);
  assert.match(/** @type {string} */ (await page.textContent('#summary')), /\$816\.85 of it is not used/);

  // The link opens the same numbers elsewhere.
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  const link = await page.evaluate(() => location.href);
  await inFreshContext(env, link, async (again) => {
    assert.equal(await total(again), '$0.00');
    assert.equal(await again.locator('.item').last().locator('.item-cost').textContent(), '-$1,183.15');
  });
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
  assert.match(/** @type {string} */ (await msg.textContent()), /already includes every worker/);
  assert.deepEqual(problems, []);
  await context.close();
});

describe('your own prices', () => {
  test('download a card, change a price, open it; the link carries it', async () => {
    const { page, problems, context } = await open(env);
    assert.equal(await total(page), '$1,021.15');
    const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, '[data-export="card"]')]);
    const card = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(card.id, 'wring-2026-03-own');
    assert.equal(card.aliases, undefined);
    // Bounding boxes at $0.05 instead of $0.036: 20,000 + 5,000 boxes cost
    // $1,000.00 + $250.00; with the batch $120.00 and storage $1.15: $1,371.15.
    card.tasks['image/bounding-box'].price = 0.05;
    card.title = 'Acme price sheet';
    const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-card-'));
    writeFileSync(path.join(dir, 'acme.json'), JSON.stringify(card));
    await page.setInputFiles('input[type="file"]', path.join(dir, 'acme.json'));
    await waitForTotal(page, '$1,371.15');
    assert.equal(await page.locator('[data-control="rates"]').inputValue(), '-own');
    assert.match(/** @type {string} */ (await page.locator('[data-control="rates"] option:checked').textContent()), /^Your own prices$/);
    assert.match(/** @type {string} */ (await page.textContent('#summary')), /Your own prices: Acme price sheet.*source: your own/s);

    // A card that cannot price the scenario is not used, and says why.
    const broken = structuredClone(card);
    delete broken.tasks['image/bounding-box'];
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken));
    await page.setInputFiles('input[type="file"]', path.join(dir, 'broken.json'));
    await page.waitForFunction(() => /were not used/.test(/** @type {Element} */ (document.querySelector('.status')).textContent));
    assert.equal(await total(page), '$1,371.15');

    // The share link opens the same numbers, with the card labelled as yours.
    await page.waitForFunction(() => location.hash.startsWith('#s='));
    const link = await page.evaluate(() => location.href);
    await inFreshContext(env, link, async (again) => {
      assert.equal(await total(again), '$1,371.15');
      assert.match(/** @type {string} */ (await again.textContent('#summary')), /Your own prices: Acme price sheet/);
    });

    // Back to the bundled card, and back again, by the card list; then undo.
    await page.selectOption('[data-control="rates"]', 'wring-2026-03');
    await waitForTotal(page, '$1,021.15');
    await page.selectOption('[data-control="rates"]', '-own');
    await waitForTotal(page, '$1,371.15');
    await page.click('[data-action="undo"]');
    await waitForTotal(page, '$1,021.15');
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('the element with your own prices, from rates-src and from card, on another origin under a strict policy', async () => {
  const { cards } = engine.rates();
  /** @type {RateCard} */
  const card = { ...structuredClone(/** @type {RateCard} */ (cards.find((c) => c.id === 'wring-2026-03'))), id: 'acme-2026', title: 'Acme 2026' };
  delete card.aliases;
  delete card.default;
  /** @type {Record<string, {price: Decimal}>} */ (card.tasks)['image/bounding-box'].price = 0.05;
  /** @type {Scenario} */
  const scenario = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objects: 1000, workforce: 'mturk' }] };
  const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-host-'));
  const origin = env.server.origin;
  const attr = (/** @type {string} */ text) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  const element = (/** @type {string} */ attrs) => '<!doctype html><title>host</title>'
    + `<script type="module" src="${origin}/labelcost-embed.js"></script><labelcost-calculator ${attrs}></labelcost-calculator>`;
  writeFileSync(path.join(dir, 'favicon.ico'), '');
  writeFileSync(path.join(dir, 'prices.json'), JSON.stringify(card));
  writeFileSync(path.join(dir, 'src.html'), element(`scenario='${attr(JSON.stringify(scenario))}' rates-src="/prices.json"`));
  writeFileSync(path.join(dir, 'inline.html'), element(`scenario='${attr(JSON.stringify(scenario))}' card='${attr(JSON.stringify(card))}'`));
  const broken = { ...card, currency: 5 };
  writeFileSync(path.join(dir, 'broken.html'), element(`card='${attr(JSON.stringify(broken))}'`));
  const policy = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src 'self' ${origin}; style-src 'self'`;
  const host = await serve(dir, 0, '127.0.0.1', { contentSecurityPolicy: policy });
  try {
    // 1,000 boxes at $0.05 for three workers: $50.00.
    for (const file of ['src.html', 'inline.html']) {
      const { page, problems, context } = await open({ ...env, server: host }, `/${file}`);
      await page.waitForFunction(() => /** @type {Calculator | null} */ (document.querySelector('labelcost-calculator'))?.result);
      const result = await page.evaluate(() => /** @type {Priced} */ (document.querySelector('labelcost-calculator')).result);
      assert.equal(result.total, '50.00', file);
      assert.deepEqual(result.rates, { id: 'acme-2026', title: 'Acme 2026', effective: card.effective, custom: true });
      assert.deepEqual(result, engine.estimate({ ...scenario, rates: card }));
      assert.match(/** @type {string} */ (await page.locator('labelcost-calculator .card-line').textContent()), /Your own prices: Acme 2026/);
      assert.deepEqual(problems, [], file);
      await context.close();
    }
    // A refused card says so in the element, in words; nothing is priced with it.
    const { page, context } = await open({ ...env, server: host }, '/broken.html');
    await page.waitForFunction(() => document.querySelector('labelcost-calculator')?.shadowRoot?.querySelector('.notice:not([hidden])'));
    const said = /** @type {string} */ (await page.locator('labelcost-calculator .notice').textContent());
    assert.match(said, /cannot be opened/);
    assert.doesNotMatch(said, /rates\.|currency|wrong_type/);
    await context.close();
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
