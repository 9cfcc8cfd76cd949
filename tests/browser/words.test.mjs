// What people read: plain words, never a JSON path, a field name or a CLI
// hint; the answer in view; comparisons that say where a workforce is not
// available.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, waitForTotal, settled, choosePreset } from './harness.mjs';
import { hasJargon } from '../../web/messages.js';
import { sixtyItems } from './scenarios.mjs';

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const fragment = (/** @type {unknown} */ s) => `#s=1j.${Buffer.from(JSON.stringify(s)).toString('base64url')}`;

// Everything the calculator shows, the text of every element with its own.
const shownText = () => /** @type {HTMLElement} */ (document.getElementById('app')).innerText;

/**
 * Calls `fn(title, card)` with every preset loaded on every bundled card, all drawn.
 * @param {import('playwright-core').Page} page
 * @param {(title: string, card: string) => Promise<void>} fn
 */
async function eachPresetAndCard(page, fn) {
  const titles = await page.locator('[data-control="preset"] option').evaluateAll((os) => os.map((o) => o.textContent).filter((t) => t !== 'Choose…'));
  const cards = await page.locator('[data-control="rates"] option').evaluateAll((/** @type {HTMLOptionElement[]} */ os) => os.map((o) => o.value));
  assert.ok(titles.length >= 5 && cards.length >= 2, `${titles.length} presets, ${cards.length} cards`);
  for (const title of titles) {
    await choosePreset(page, title);
    for (const card of cards) {
      await page.selectOption('[data-control="rates"]', card);
      await settled(page);
      await fn(title, card);
    }
  }
}

/** @param {string} text */
function jargonIn(text) {
  return text.split('\n').filter((line) => hasJargon(line));
}

describe('plain words', () => {
  test('no page text reads like code, on every preset and both rate cards', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await eachPresetAndCard(page, async (title, card) => {
      await page.locator('details.more').evaluateAll((/** @type {HTMLDetailsElement[]} */ ds) => ds.forEach((d) => { d.open = true; }));
      assert.deepEqual(jargonIn(await page.evaluate(shownText)), [], `${title} on ${card}`);
    });
    assert.deepEqual(problems, []);
    await context.close();
  });

  // [item index, field, typed text, what the field must then say (or null)]
  /** @type {[number, string, string, RegExp | null][]} */
  const TYPED = [
    [0, 'objects', '-5', /cannot be negative/i],
    [0, 'objects', '1.5', /whole number/i],
    [0, 'objects', 'lots', /cannot read "lots"/i],
    [0, 'objects', '100000000000', /must be from 0 to/i],
    [0, 'objects', '', /required/i],
    [0, 'objects', '20,00,0', null],
    [0, 'workers', '0', /from 1 to 9/],
    [0, 'workers', '10', /from 1 to 9/],
    [0, 'workers', '2.5', /whole number/i],
    [0, 'workers', '-1', /negative/i],
    [0, 'jobs', '0', null],
    [0, 'jobs', '30000', /cannot split|more jobs|at most/i],
    [0, 'duplicates', '101', /100%.*101%|101%/],
    [0, 'duplicates', '150%', /150%/],
    [0, 'duplicates', '-10%', /negative/i],
    [0, 'duplicates', '12.3456789123%', /decimal places/i],
    [1, 'objects', '-3', /negative/i],
    [1, 'compute_per_10k', '-1', /negative/i],
    [1, 'compute_per_10k', 'x', /cannot read/i],
    [1, 'compute_per_10k', '5000000000000', /must be from/i],
    [3, 'gb', 'x', /cannot read/i],
    [3, 'gb', '-5', /negative/i],
    [3, 'months', '1.5', /whole number/i],
    [3, 'months', '-2', /negative/i],
    [3, 'months', '100000', /must be from/i],
  ];
  /** @type {[string, string, RegExp][]} */
  const AL = [
    ['active_learning.auto_fraction', '150%', /from 0% to 100%.*150%/],
    ['active_learning.auto_fraction', '-10%', /negative/i],
    ['active_learning.auto_fraction', '100.5', /you typed 100.5%/],
    ['active_learning.auto_fraction', 'most', /cannot read/i],
    ['active_learning.compute_per_10k', '-2', /negative/i],
    ['active_learning.compute_per_10k', '0.0000001', /decimal places/i],
  ];

  test(`${TYPED.length + AL.length + 4} bad typed inputs are each said once, at their field, in plain words`, async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    /**
     * @param {import('playwright-core').Locator} where
     * @param {string} key
     * @param {string} text
     * @param {RegExp | null} expected
     */
    const check = async (where, key, text, expected) => {
      const field = where.locator(`[data-field="${key}"]`);
      if (!(await field.isVisible())) await where.locator('summary').click();
      await field.fill(text);
      await page.waitForTimeout(120);
      const message = /** @type {string} */ (await where.locator(`.field:has([data-field="${key}"]) .msg`).textContent()).trim();
      const label = `${key} "${text}"`;
      if (expected) assert.match(message, expected, label);
      assert.equal(hasJargon(message), false, `${label}: ${message}`);
      assert.deepEqual(jargonIn(await page.evaluate(shownText)), [], label);
      if (message) {
        const all = await page.evaluate(shownText);
        assert.equal(all.split(message).length - 1, 1, `${label}: said once (${message})`);
      }
    };
    for (const [index, key, text, expected] of TYPED) {
      const item = page.locator('.item').nth(index);
      const original = await item.locator(`[data-field="${key}"]`).inputValue().catch(() => '');
      await check(item, key, text, expected);
      await item.locator(`[data-field="${key}"]`).fill(original);
    }
    await waitForTotal(page, '$1,021.15');
    // Active learning on the first item.
    const first = page.locator('.item').first();
    await first.locator('.al input[type="checkbox"]').check();
    for (const [key, text, expected] of AL) {
      await check(first, key, text, expected);
      await first.locator(`[data-field="${key}"]`).fill('');
    }
    // A vendor's multiple, and Mechanical Turk's allowed prices on AWS's card.
    await first.locator('[data-field="workforce"]').selectOption('vendor');
    await check(first, 'multiplier', '-2', /negative/i);
    await check(first, 'multiplier', 'abc', /cannot read/i);
    await first.locator('[data-field="multiplier"]').fill('');
    await page.selectOption('[data-control="rates"]', 'aws-documented-2026-11');
    const again = page.locator('.item').first();
    await again.locator('[data-field="workforce"]').selectOption('mturk');
    await check(again, 'worker_price', '0.05', /allow/i);
    await check(again, 'worker_price', '-1', /negative/i);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a refused link or embed attribute says so in words; its code and path go to the console', async () => {
    const bad = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objects: 1000, workforce: 'mturk', active_learning: { auto_fraction: 1.5 } }] };
    const { page, context } = await open(env, `/${fragment(bad)}`);
    /** @type {string[]} */
    const logged = [];
    page.on('console', (m) => logged.push(m.text()));
    await waitForTotal(page, '$1,021.15');
    const notice = /** @type {string} */ (await page.textContent('.notice'));
    assert.match(notice, /cannot be opened\. Item 1, Auto-labeled: must be from 0% to 100%; you typed 150%\./);
    assert.equal(hasJargon(notice), false);
    await page.reload();
    await waitForTotal(page, '$1,021.15');
    assert.ok(logged.some((t) => /items\[0\]\.active_learning\.auto_fraction/.test(t) && /out_of_range/.test(t)), logged.join('\n'));
    await context.close();
  });
});

describe('the answer in view', () => {
  for (const width of [390, 1280]) {
    test(`a total is on screen in the middle of a 60-item scenario at ${width} px`, async () => {
      const { page, problems, context } = await open(env, `/${fragment(sixtyItems())}`, { viewport: { width, height: 800 }, serviceWorkers: 'block' });
      await total(page);
      await page.waitForFunction(() => document.querySelectorAll('.items > li').length === 60);
      await page.locator('.items > li').nth(30).locator('[data-field="name"]').scrollIntoViewIfNeeded();
      await page.locator('.items > li').nth(30).locator('[data-field="name"]').focus();
      await page.waitForTimeout(300); // the bar fades in once the total is out of view
      const seen = await page.evaluate(() => {
        for (const el of document.querySelectorAll('[data-total], [data-bar-total]')) {
          const r = el.getBoundingClientRect();
          if (!r.width || r.bottom < 0 || r.top > innerHeight) continue;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (hit === el || el.contains(hit)) return el.textContent;
        }
        return null;
      });
      assert.match(seen ?? '', /^\$[\d,]+\.\d\d$/, `no total in view at ${width} px`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('comparisons', () => {
  test('a workforce a bundled card says is unavailable is marked, on every preset and card', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await eachPresetAndCard(page, async (title, card) => {
      const row = await page.locator('#compare table').first().locator('tr', { hasText: 'Mechanical Turk' }).first().innerText();
      const items = await page.locator('.item [data-field="task"]').evaluateAll((/** @type {HTMLSelectElement[]} */ els) => els.map((e) => e.value));
      const videoOrCloud = items.some((t) => /^(video|point-cloud)\//.test(t));
      if (videoOrCloud) {
        assert.match(row, /not available/, `${title} on ${card}: ${row}`);
        assert.match(row, /AWS documented structure/, `${title} on ${card}: says which card`);
      } else {
        assert.doesNotMatch(row, /not available/, `${title} on ${card}`);
      }
      // An item on Mechanical Turk that a card refuses is warned about at the total.
      const own = await page.locator('.item [data-field="workforce"]').evaluateAll((/** @type {HTMLSelectElement[]} */ els) => els.map((e) => e.value));
      const risky = items.some((t, i) => /^(video|point-cloud)\//.test(t) && own[i] === 'mturk');
      const summary = /** @type {string} */ (await page.textContent('#summary'));
      if (risky) assert.match(summary, /Mechanical Turk is not available for/, `${title} on ${card}`);
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('numbers agree', () => {
  test('per 1,000 objects in cents, and the chart says the break-even as the text does', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await settled(page);
    await page.getByLabel('Per 1,000 objects').check();
    // $1,021.15 over 105,000 objects: $9.725238… per 1,000, shown as $9.73.
    const cell = await page.locator('#estimate .total-row td').nth(1).textContent();
    assert.equal(cell, '$9.73');
    const label = /** @type {string} */ (await page.locator('#charts .marker-label').textContent());
    const caption = /** @type {string} */ (await page.locator('#charts .chart-caption').textContent());
    const shown = /** @type {RegExpExecArray} */ (/break-even (\S+)/.exec(label))[1];
    assert.ok(caption.includes(`pays from ${shown} auto-labeled`), `${label} / ${caption}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('small things', () => {
  test('More options stay open across a workforce change and name only what they hold', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    const first = page.locator('.item').first();
    assert.equal(await first.locator('summary').textContent(), 'More options: your price, workers, jobs, duplicates, seconds per object');
    // The page keeps the state on the details' toggle event, which runs as a
    // task of its own after the click: a person's next input comes after it,
    // a script's may not, so the test waits for it as a person would.
    const toggled = first.locator('details.more').evaluate((d) => new Promise((done) => d.addEventListener('toggle', done, { once: true })));
    await first.locator('summary').click();
    await toggled;
    await first.locator('[data-field="workforce"]').selectOption('vendor');
    await page.waitForFunction(() => document.querySelector('.item [data-field="multiplier"]'));
    assert.equal(await page.locator('.item').first().locator('details.more').getAttribute('open'), '');
    assert.match(/** @type {string} */ (await page.locator('.item').first().locator('summary').textContent()), /price multiple/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('no empty chart selector where no item can use active learning', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await choosePreset(page, 'Autonomous driving (3D point cloud)');
    await waitForTotal(page, '$17,820.00');
    await settled(page);
    assert.equal(await page.locator('#charts select').isVisible(), false);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
