// The calculator page in Chromium: what people see and do.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { start, open, total, waitForTotal, tabTo, settled, artifacts, root, menuItem, choosePreset } from './harness.mjs';

/** @typedef {import('./harness.mjs').CspWindow} CspWindow */
/**
 * The page's window with what the init scripts below record.
 * @typedef {Window & {__intlBeforeFirstEstimate?: string[], __resizableMemory?: boolean}} TestWindow
 */
/**
 * WebAssembly.instantiate's overloads as one: a module's bytes give the module and its instance, a module its instance.
 * @typedef {(...args: [BufferSource | WebAssembly.Module, WebAssembly.Imports?]) =>
 *   Promise<WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance>} Instantiate
 */
/** @typedef {{[method: string]: (this: unknown, ...args: unknown[]) => unknown}} Methods  a prototype's methods, by name */
/** @typedef {'NumberFormat' | 'DateTimeFormat' | 'PluralRules' | 'Collator' | 'RelativeTimeFormat' | 'ListFormat'} IntlName */
/** @typedef {Record<IntlName, new (...args: never[]) => object>} IntlConstructors */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

describe('page', () => {
  test('the footer names the one version, the engine\'s and package.json\'s', async () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const { page, problems, context } = await open(env);
    await total(page);
    assert.equal(await page.textContent('footer.site .version'), `labelcost ${version}`);
    const engine = await page.evaluate(async (url) => {
      const { loadEngine } = /** @type {typeof import('../../web/engine.js')} */ (await import(url));
      return (await loadEngine()).version().engine;
    }, './engine.js');
    assert.equal(engine, version);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('each preset shows the article\'s totals', async () => {
    const { page, problems, context } = await open(env);
    // The article's totals (Real-World Cost Scenarios, the active-learning
    // table, the FAQ) and the label-type tables' sums worked by hand.
    const expected = [
      ['Computer vision startup (object detection)', '$1,021.15'],
      ['NLP team (text classification)', '$650.00'],
      ['Autonomous driving (3D point cloud)', '$17,820.00'],
      ['Active learning savings (article table)', '$1,735.00'],
      ['Labeling 100,000 images (article FAQ)', '$3,630.00'],
      ['Every label type, 10,000 objects (article price tables)', '$11,380.00'],
      ['Every label type, 100,000 objects (article price tables)', '$113,800.00'],
    ];
    assert.equal(await total(page), '$1,021.15');
    for (const [title, amount] of expected) {
      await choosePreset(page, title);
      await waitForTotal(page, amount);
    }
    // The NLP team's total says that private labor is left out.
    await choosePreset(page, 'NLP team (text classification)');
    await waitForTotal(page, '$650.00');
    assert.match(/** @type {string} */ (await page.textContent('#summary')), /excluding private labor/);
    // The active-learning table's rows, as the article prints them.
    await choosePreset(page, 'Active learning savings (article table)');
    // The savings table follows the total by a frame.
    const rows = ['$120.00\t$40.00\t$80.00\t66.7%', '$600.00\t$195.00\t$405.00\t67.5%', '$1,200.00\t$390.00\t$810.00\t67.5%', '$3,600.00\t$1,110.00\t$2,490.00\t69.2%'];
    await page.waitForFunction((expected) => {
      const text = /** @type {HTMLElement | null} */ (document.querySelector('#savings table'))?.innerText ?? '';
      return expected.every((row) => text.includes(row));
    }, rows, { timeout: 5000 }).catch(async () => {
      assert.fail(`savings rows missing in\n${await page.locator('#savings table').first().innerText()}`);
    });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the computer-vision scenario built by keyboard alone costs $1,021.15', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    /** @param {string} sel */
    const focused = (sel) => document.activeElement?.matches(sel);
    /** @param {string} text */
    const type = async (text) => {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
    };
    // Start from an empty scenario: the preset list answers to typing.
    await tabTo(page, focused, 'select:is(#' + await page.getByLabel('Start from a preset').getAttribute('id') + ')');
    await page.keyboard.type('Empty');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.empty:not([hidden])');

    /** @param {string} kind */
    const add = async (kind) => {
      await tabTo(page, focused, `button[data-add="${kind}"]`);
      await page.keyboard.press('Enter');
    };
    /** @param {string} field */
    const next = async (field) => tabTo(page, focused, `[data-field="${field}"]`);

    await add('labeling');
    await page.keyboard.type('Initial labeling'); // the new item's name has focus
    await next('task');
    await page.keyboard.type('Bounding');
    await next('objects');
    await type('20k');
    await add('auto-labeling');
    await page.keyboard.type('Active learning');
    await next('objects');
    await type('80,000');
    await next('compute_per_10k');
    await type('15');
    await add('labeling');
    await page.keyboard.type('Quality review');
    await next('task');
    await page.keyboard.type('Bounding');
    await next('objects');
    await type('5000');
    await add('storage');
    await page.keyboard.type('S3 storage');
    await next('gb');
    await type('50');
    await waitForTotal(page, '$1,021.15');
    const items = await page.locator('.item').count();
    assert.equal(items, 4);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('bad typed input is said at the field and keeps the rest', async () => {
    const { page, problems, context } = await open(env);
    assert.equal(await total(page), '$1,021.15');
    const objects = page.locator('.item').first().locator('[data-field="objects"]');
    await objects.fill('lots');
    const message = page.locator('.item').first().locator('.field:has([data-field="objects"]) .msg');
    await assert.doesNotReject(message.waitFor());
    assert.match(/** @type {string} */ (await message.textContent()), /Cannot read "lots": type a whole number/);
    assert.equal(await objects.getAttribute('aria-invalid'), 'true');
    assert.equal(await objects.inputValue(), 'lots');
    assert.equal(await page.textContent('[data-total]'), '$1,021.15');
    assert.equal(await page.locator('.item').count(), 4);
    assert.equal(await page.locator('.item').nth(2).locator('[data-field="objects"]').inputValue(), '5,000');
    // A readable number that the engine refuses is said at its field too.
    const jobs = page.locator('.item').first();
    await objects.fill('20,000');
    await waitForTotal(page, '$1,021.15');
    await jobs.locator('summary').click();
    await jobs.locator('[data-field="jobs"]').fill('30000');
    await page.waitForFunction(() => /cannot split/i.test(document.querySelector('.item .field:has([data-field="jobs"]) .msg')?.textContent ?? ''));
    assert.equal(await page.textContent('[data-total]'), '$1,021.15');
    await jobs.locator('[data-field="jobs"]').fill('10');
    // Ten jobs of 2,000 boxes, no active learning: the same $720.
    await waitForTotal(page, '$1,021.15');
    assert.equal(await jobs.locator('.field:has([data-field="jobs"]) .msg').textContent(), '');
    // 100,000 boxes x $0.036 = $3,600, plus $120 + $180 + $1.15.
    await objects.fill('100k');
    await waitForTotal(page, '$3,901.15');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('CSV and JSON exports carry the estimate, and the JSON imports back', async () => {
    const { page, problems, context } = await open(env);
    await choosePreset(page, 'Autonomous driving (3D point cloud)');
    await waitForTotal(page, '$17,820.00');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), menuItem(page, '[data-export="csv"]')]);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    assert.ok(csv.startsWith('item,name,kind,part,quantity,unit,unit_price,cost,low,high,task,workforce,objects,workers,'
      + 'active_learning,auto_fraction,compute_per_10k,rate_card,card_effective,currency,estimate_date,worker_hours,worker_hours_low,worker_hours_high\r\n'));
    // Worker-hours at 3 workers: 10,000 frames x 1,800 s (300 s; 9,540 s) and
    // 50,000 video frames x 10 s (4.5 s; 38 s): 15,416.67 h (2,687.50 to 81,083.33).
    assert.match(csv, /\r\n,Total,total,,,,,17820\.00,11880\.00,29700\.00,,,,,,,,wring-2026-03,2026-03-15,USD,\d{4}-\d\d-\d\d,15416\.67,2687\.50,81083\.33\r\n$/);
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), menuItem(page, '[data-export="json"]')]);
    const jsonPath = await jsonDownload.path();
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
    assert.equal(exported.result.total, '17820.00');
    assert.equal(exported.scenario.labelcost, 1);

    await choosePreset(page, 'NLP team (text classification)');
    await waitForTotal(page, '$650.00');
    await page.setInputFiles('input[type="file"]', jsonPath);
    await waitForTotal(page, '$17,820.00');
    assert.equal(await page.inputValue('[data-field="scenario-name"]'), 'Autonomous driving (3D point cloud)');
    // A file that is not a scenario is refused with a message.
    await page.setInputFiles('input[type="file"]', { name: 'nope.json', mimeType: 'application/json', buffer: Buffer.from('{"labelcost": 7}') });
    await page.waitForFunction(() => /newer labelcost/.test(document.querySelector('.status')?.textContent ?? ''));
    assert.equal(await page.textContent('[data-total]'), '$17,820.00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an accessibility scan finds no violations, light and dark', async () => {
    const axe = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of /** @type {('light' | 'dark')[]} */ (['light', 'dark'])) {
      const { page, problems, context } = await open(env, '/', { colorScheme });
      await total(page);
      await settled(page);
      await page.locator('.item details.more').first().evaluate((/** @type {HTMLDetailsElement} */ d) => { d.open = true; });
      await page.evaluate(axe);
      const result = await page.evaluate(() => /** @type {Window & typeof globalThis & {axe: typeof import('axe-core')}} */ (window).axe.run(document, { resultTypes: ['violations'] }));
      const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      assert.deepEqual(violations, [], colorScheme);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('an en-US reader\'s first estimate is written without Intl; other languages get theirs', async () => {
    // The first Intl formatter in a renderer costs 11-14 ms: none may be made
    // before the first estimate shows (web/numbers.js writes en-US itself).
    const { page, problems, context } = await open(env, '/', { locale: 'en-US' }, {
      init: () => {
        const early = (/** @type {TestWindow} */ (window).__intlBeforeFirstEstimate = /** @type {string[]} */ ([]));
        const before = () => performance.getEntriesByName('labelcost:first-estimate').length === 0;
        for (const name of /** @type {IntlName[]} */ (['NumberFormat', 'DateTimeFormat', 'PluralRules', 'Collator', 'RelativeTimeFormat', 'ListFormat'])) {
          /** @type {IntlConstructors} */ (Intl)[name] = new Proxy(/** @type {IntlConstructors} */ (Intl)[name], {
            construct(target, args, newTarget) {
              if (before()) early.push(`Intl.${name}`);
              return Reflect.construct(target, args, newTarget);
            },
          });
        }
        for (const [proto, name] of /** @type {([Number & Methods, string] | [Date & Methods, string] | [String & Methods, string])[]} */ ([[Number.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleDateString'],
          [Date.prototype, 'toLocaleString'], [String.prototype, 'localeCompare']])) {
          const original = proto[name];
          proto[name] = function (...args) {
            if (before()) early.push(name);
            return original.apply(this, args);
          };
        }
      },
    });
    assert.equal(await total(page), '$1,021.15');
    assert.match(/** @type {string} */ (await page.textContent('#summary')), /effective [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    assert.deepEqual(await page.evaluate(() => /** @type {TestWindow} */ (window).__intlBeforeFirstEstimate), []);
    assert.deepEqual(problems, []);
    await context.close();

    const german = await open(env, '/', { locale: 'de-DE' });
    assert.equal(await total(german.page), '1.021,15\u00a0$');
    assert.deepEqual(german.problems, []);
    await german.context.close();
  });

  test('the engine works when its memory is a resizable buffer, as newer Emscripten makes it', async () => {
    // Newer Emscripten releases can back the heap with
    // WebAssembly.Memory#toResizableBuffer(); Chromium's TextDecoder refuses
    // views of such a buffer. Here every instance's memory is made resizable
    // before the module sees it.
    const { page, problems, context } = await open(env, '/', {}, {
      init: () => {
        const instantiate = /** @type {Instantiate} */ (WebAssembly.instantiate);
        /** @type {{instantiate: Instantiate}} */ (WebAssembly).instantiate = async (...args) => {
          const result = await instantiate.apply(WebAssembly, args);
          const instance = result instanceof WebAssembly.Instance ? result : result.instance;
          for (const value of Object.values(instance.exports)) {
            if (value instanceof WebAssembly.Memory) {
              /** @type {WebAssembly.Memory & {toResizableBuffer: () => ArrayBuffer}} */ (value).toResizableBuffer();
              /** @type {TestWindow} */ (window).__resizableMemory = /** @type {ArrayBuffer & {resizable?: boolean}} */ (value.buffer).resizable;
            }
          }
          return result;
        };
      },
    });
    assert.equal(await total(page), '$1,021.15');
    assert.equal(await page.evaluate(() => /** @type {TestWindow} */ (window).__resizableMemory), true);
    await choosePreset(page, 'Labeling 100,000 images (article FAQ)');
    await waitForTotal(page, '$3,630.00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('no request leaves the page\'s own origin, and the CSP is never violated', async () => {
    const { page, problems, requests, context } = await open(env);
    await total(page);
    await choosePreset(page, 'Labeling 100,000 images (article FAQ)');
    await waitForTotal(page, '$3,630.00');
    const foreign = requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.deepEqual(await page.evaluate(() => /** @type {CspWindow} */ (window).__cspViolations ?? []), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('desktop and 360 px screenshots, with no sideways scrolling', async () => {
    for (const [name, viewport, colorScheme] of /** @type {[string, {width: number, height: number}, 'light' | 'dark'][]} */ ([['desktop-1440', { width: 1440, height: 900 }, 'light'],
      ['desktop-1440-dark', { width: 1440, height: 900 }, 'dark'], ['mobile-360', { width: 360, height: 780 }, 'light']])) {
      const { page, problems, context } = await open(env, '/', { viewport, colorScheme });
      await total(page);
      await settled(page);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), viewport.width, name);
      await page.screenshot({ path: path.join(artifacts, 'screenshots', `${name}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('the estimate prints on one page with its date, rate card and assumptions', async () => {
    const { page, problems, context } = await open(env);
    await total(page);
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    // A PDF names each of its pages with "/Type /Page" (and the tree "/Pages").
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 1);
    assert.equal(await page.locator('.print-header').isVisible(), true);
    assert.match(/** @type {string} */ (await page.textContent('.print-header')), /Computer vision startup.*Wring article rates/);
    assert.equal(await page.locator('.editor-panel').isVisible(), false);
    assert.equal(await page.locator('.assumptions:not(.effort-assumptions)').isVisible(), true);
    // The effort in one line: 20,000 + 5,000 boxes x 3 workers x 105 s = 2,187.5 h
    // (16 s: 333.33; 323 s: 6,729.17).
    assert.equal(await page.textContent('.effort-line'), 'Effort: 2,187.5 worker-hours (333.33 to 6,729.17).');
    assert.equal(await page.locator('.effort-line').isVisible(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('fifteen items print on one A4 page, each with what it was priced with', async () => {
    // By hand, on the article's card: 20,000 boxes x $0.036 = $720 (x4);
    // 1,000 boxes from a vendor at its typical 3x = $108; 10,000 images at 70%
    // auto-labeled = 3,000 x $0.012 + the $4 compute minimum = $40 (x5);
    // 10,000 images with 5 workers = 10,000 x $0.012 x 5/3 = $200 (x3);
    // 80,000 auto-labeled at $15 per 10,000 = $120; 50 GB x $0.023 = $1.15.
    // $2,880 + $108 + $200 + $600 + $120 + $1.15 = $3,909.15.
    /** @param {number} n */
    const boxes = (n) => ({ kind: 'labeling', name: `Street scenes, batch ${n} (day and night)`, task: 'image/bounding-box', objects: 20000, workforce: 'mturk' });
    /** @param {number} n */
    const withAl = (n) => ({ kind: 'labeling', name: `Product photos, set ${n}`, task: 'image/classification', objects: 10000, workforce: 'mturk', active_learning: { auto_fraction: 0.7, compute_per_10k: 3 } });
    /** @param {number} n */
    const consensus = (n) => ({ kind: 'labeling', name: `Hard cases, review ${n}`, task: 'image/classification', objects: 10000, workforce: 'mturk', workers: 5 });
    const items = [
      ...[1, 2, 3, 4].map(boxes),
      { kind: 'labeling', name: 'Vendor boxes', task: 'image/bounding-box', objects: 1000, workforce: 'vendor' },
      ...[1, 2, 3, 4, 5].map(withAl),
      ...[1, 2, 3].map(consensus),
      { kind: 'auto-labeling', name: 'Auto-labeled scenes', objects: 80000, compute_per_10k: 15, task: 'image/bounding-box', workforce: 'mturk' },
      { kind: 'storage', name: 'S3 storage', gb: 50, months: 1 },
    ];
    const scenario = { labelcost: 1, name: 'Fifteen items', rates: 'wring-2026-03', items };
    const { page, problems, context } = await open(env, `/#s=1j.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`);
    await waitForTotal(page, '$3,909.15');
    await settled(page);
    const inputs = page.locator('.inputs-row');
    assert.equal(await inputs.count(), 14);
    assert.equal(await inputs.first().isVisible(), false);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await inputs.first().isVisible(), true);
    /** @param {number} i */
    const says = async (i) => (await inputs.nth(i).innerText()).trim();
    assert.equal(await says(0), 'Bounding box · Amazon Mechanical Turk · 20,000 objects · 3 workers · no active learning');
    assert.equal(await says(4), 'Bounding box · Vendor (AWS Marketplace) · 1,000 objects · 3 workers · no active learning');
    assert.equal(await says(5), 'Image classification · Amazon Mechanical Turk · 10,000 objects · 3 workers · active learning 70%, compute $3.00 per 10,000');
    assert.equal(await says(10), 'Image classification · Amazon Mechanical Turk · 10,000 objects · 5 workers · no active learning');
    assert.equal(await says(13), 'Bounding box · 80,000 objects auto-labeled · compute $15.00 per 10,000 · instead of Amazon Mechanical Turk');
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(path.join(artifacts, 'print-15-items.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
