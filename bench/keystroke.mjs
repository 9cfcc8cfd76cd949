// One keystroke in a 200-item scenario: from the key press to the frame
// after the new total is on screen, in headless Chromium (median of 15).
//   node bench/keystroke.mjs [ITEMS]     (also used by bench/bench.mjs)
import { fileURLToPath } from 'node:url';
import { openBrowser } from './browser.mjs';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {Window & {__keystroke?: number | null}} Armed  the page's window, once arm() ran */

/**
 * A scenario of `n` labeling items of every kind of task.
 * @param {number} n
 */
export function manyItems(n) {
  const tasks = ['image/bounding-box', 'image/classification', 'text/classification', 'image/semantic-segmentation', 'video/object-tracking'];
  return {
    labelcost: 1,
    name: `${n} items`,
    items: Array.from({ length: n }, (_, i) => ({
      kind: 'labeling', name: `Batch ${i + 1}`, task: tasks[i % tasks.length], objects: 1000 * (i + 1), workforce: i % 2 ? 'vendor' : 'mturk',
      ...(i % 5 === 0 ? { active_learning: {} } : {}),
    })),
  };
}

// In the page: arms a measurement of the next key press, from the press to
// the frame after the total changed; the answer lands in window.__keystroke.
function arm() {
  const total = document.querySelector('[data-total]');
  let start = 0;
  /** @type {Armed} */ (window).__keystroke = null;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { /** @type {Armed} */ (window).__keystroke = performance.now() - start; }, 0));
  });
  observer.observe(/** @type {Element} */ (total), { childList: true, characterData: true, subtree: true });
  document.addEventListener('keydown', () => { start = performance.now(); }, { once: true, capture: true });
}

/**
 * Median milliseconds per keystroke, or null without Chromium.
 * @param {{site: string, items?: number, runs?: number}} options
 */
export async function keystrokeFigures({ site, items = 200, runs = 15 }) {
  const opened = await openBrowser(site);
  if (!opened) return null;
  const { browser, server } = opened;
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const fragment = Buffer.from(JSON.stringify(manyItems(items))).toString('base64url');
    await page.goto(`${server.origin}/#s=1j.${fragment}`);
    await page.waitForFunction((n) => document.querySelectorAll('.items > li').length === n, items, { timeout: 30000 });
    // Workers per object, empty at first: "4" and Backspace each change the total.
    const item = page.locator('.items > li').nth(Math.floor(items / 2));
    await item.locator('summary').click();
    await item.locator('[data-field="workers"]').click();
    /** @type {number[]} */
    const times = [];
    for (let i = 0; i < runs + 2; i++) {
      await page.waitForSelector('.results[data-complete]', { state: 'attached' });
      await page.evaluate(arm);
      await page.keyboard.press(i % 2 ? 'Backspace' : '4');
      // (It waits for a truthy answer: a number.)
      const ms = /** @type {number} */ (await (await page.waitForFunction(() => /** @type {Armed} */ (window).__keystroke, null, { timeout: 10000 })).jsonValue());
      if (i >= 2) times.push(ms); // the first two warm the code paths
    }
    times.sort((a, b) => a - b);
    return { items, keystroke_ms: times[Math.floor(times.length / 2)], keystroke_max_ms: times[times.length - 1] };
  } finally {
    await opened.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const site = process.env.LABELCOST_SITE ?? path.join(root, 'build/site');
  const figures = await keystrokeFigures({ site, items: Number(process.argv[2] ?? 200) });
  console.log(JSON.stringify(figures));
}
