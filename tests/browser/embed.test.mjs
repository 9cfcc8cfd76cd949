// Embedding: the custom element and the iframe on a host page with a strict
// Content-Security-Policy and clashing styles of its own (web/embed-example.html).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { start, open, site, choosePreset, menuItem, siteEngine } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { embedSnippets } from '../../web/snippets.js';

/** @typedef {import('../../web/types.js').Scenario} Scenario */
/** @typedef {import('../../web/types.js').Result} Result */
/** @typedef {import('./harness.mjs').CspWindow} CspWindow */
/** @typedef {import('./harness.mjs').Calculator} Calculator */
/** @typedef {Calculator & {readonly result: Result}} Estimated  a calculator that has shown an estimate */

/** @type {import('./harness.mjs').Env} */
let env;
/** @type {import('../../web/engine.js').Engine} */
let engine;
before(async () => {
  env = await start();
  engine = await siteEngine();
});
after(async () => { await env?.close(); });

// Function predicates only: the host's CSP forbids evaluating strings.
/** @param {string[]} ids */
const shown = (ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('[data-total]')?.textContent);
/** @param {string} id */
const totalOf = (id) => /** @type {Element} */ (/** @type {Calculator} */ (document.getElementById(id)).shadowRoot.querySelector('[data-total]')).textContent;

describe('embed', () => {
  test('the element renders under a strict CSP, untouched by the host\'s styles', async () => {
    const { page, problems, requests, context } = await open(env, '/embed-example.html');
    await page.waitForFunction(shown, ['full', 'compact']);
    // The result property matches the engine's own estimate of the scenario.
    /** @type {Scenario} */
    const scenario = JSON.parse(/** @type {string} */ (await page.getAttribute('#full', 'scenario')));
    assert.deepEqual(await page.evaluate(() => /** @type {Calculator} */ (document.getElementById('full')).result), engine.estimate(scenario));
    // 50,000 images x $0.012 with 70% auto-labeled: 15,000 x $0.012 + $15
    // compute = $195; 25 GB for 3 months x $0.023 = $1.725.
    assert.equal(await page.evaluate(totalOf, 'full'), '$196.73');
    assert.equal(await page.evaluate(() => /** @type {Estimated} */ (document.getElementById('full')).result.total), '196.725');
    // The host's "button { font-size: 22px !important }" stays outside.
    const buttonSize = await page.evaluate(() => getComputedStyle(/** @type {HTMLButtonElement} */ (/** @type {Calculator} */ (document.getElementById('full')).shadowRoot.querySelector('button'))).fontSize);
    assert.notEqual(buttonSize, '22px');
    const font = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (/** @type {Calculator} */ (document.getElementById('full')).shadowRoot.querySelector('.total'))).fontFamily);
    assert.doesNotMatch(font, /Georgia/);
    // ...and the calculator's styles stay inside: the host's own text keeps its font.
    assert.match(await page.evaluate(() => getComputedStyle(/** @type {HTMLHeadingElement} */ (document.querySelector('h1'))).fontFamily), /Georgia/);
    // Results only, dark, restyled with custom properties.
    const compact = await page.evaluate(() => {
      const root = /** @type {Calculator} */ (document.getElementById('compact')).shadowRoot;
      return {
        editor: root.querySelectorAll('.editor-panel, .controls').length,
        total: /** @type {Element} */ (root.querySelector('[data-total]')).textContent,
        background: getComputedStyle(/** @type {Element} */ (root.querySelector('.panel'))).backgroundColor,
        font: getComputedStyle(/** @type {Element} */ (root.querySelector('.total'))).fontFamily,
      };
    });
    assert.equal(compact.editor, 0);
    assert.equal(compact.total, '$17,820.00');
    assert.equal(compact.background, 'rgb(22, 27, 34)');
    assert.match(compact.font, /Georgia/);
    assert.deepEqual(await page.evaluate(() => /** @type {CspWindow} */ (window).__cspViolations ?? []), []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith('data:')), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('labelcost-change fires on every estimate and carries the result', async () => {
    const { page, problems, context } = await open(env, '/embed-example.html');
    await page.waitForFunction(shown, ['full']);
    /** @type {Scenario} */
    const next = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objects: 1000, workforce: 'vendor' }] };
    const detail = await page.evaluate((scenario) => /** @type {Promise<Result>} */ (new Promise((resolve) => {
      const el = /** @type {Calculator} */ (document.getElementById('full'));
      el.addEventListener('labelcost-change', (e) => resolve(/** @type {CustomEvent<Result>} */ (e).detail), { once: true });
      el.setAttribute('scenario', JSON.stringify(scenario));
    })), next);
    // 1,000 boxes x $0.036 x 3 (a vendor's typical multiple) = $108.
    assert.equal(detail.total, '108.00');
    assert.deepEqual(detail, engine.estimate(next));
    assert.equal(await page.evaluate(() => /** @type {Estimated} */ (document.getElementById('full')).result.total), '108.00');
    // The host page heard it too (web/embed-example.js).
    await page.waitForFunction(() => /** @type {HTMLElement} */ (document.getElementById('heard')).textContent === 'total 108.00 USD');
    // Editing inside the element fires it as well.
    const heard = page.evaluate(() => new Promise((resolve) => /** @type {Calculator} */ (document.getElementById('full')).addEventListener('labelcost-change', (e) => resolve(/** @type {CustomEvent<Result>} */ (e).detail.total), { once: true })));
    await page.locator('#full [data-field="objects"]').first().fill('2000');
    assert.equal(await heard, '216.00');
    // A broken scenario attribute is said inside the element, which keeps working.
    await page.evaluate(() => /** @type {Calculator} */ (document.getElementById('full')).setAttribute('scenario', '{"labelcost": 1, "items": ['));
    await page.waitForFunction(() => /not valid JSON; the scenario on screen is unchanged/.test(/** @type {Calculator} */ (document.getElementById('full')).shadowRoot.querySelector('.notice')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => /** @type {Estimated} */ (document.getElementById('full')).result.total), '216.00');
    // So is a scenario pinned to a rate card this build does not have: it is
    // not priced on another card instead.
    await page.evaluate(() => /** @type {Calculator} */ (document.getElementById('full')).setAttribute('scenario', '{"labelcost": 1, "rates": "acme-2031", "items": []}'));
    await page.waitForFunction(() => /rate card "acme-2031"\) that this version of labelcost does not have.*unchanged/.test(/** @type {Calculator} */ (document.getElementById('full')).shadowRoot.querySelector('.notice')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => /** @type {Estimated} */ (document.getElementById('full')).result.total), '216.00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the iframe reports its height and is sized to it', async () => {
    const { page, problems, context } = await open(env, '/embed-example.html');
    const frame = page.frameLocator('#frame');
    await frame.locator('[data-total]:not(:empty)').waitFor();
    await page.waitForFunction(() => /^\d+px$/.test(/** @type {HTMLIFrameElement} */ (document.getElementById('frame')).style.height));
    const { height, content } = await page.evaluate(async () => {
      const el = /** @type {HTMLIFrameElement} */ (document.getElementById('frame'));
      return { height: parseInt(el.style.height, 10), content: /** @type {Document} */ (el.contentDocument).documentElement.scrollHeight };
    });
    assert.ok(height > 400, `the frame grew from 400 px to ${height}`);
    assert.ok(Math.abs(height - content) <= 2, `frame ${height} px, content ${content} px`);
    // Messages from another window, or another origin, are ignored.
    await page.evaluate(() => window.postMessage({ source: 'labelcost', type: 'height', height: 5 }, '*'));
    await page.waitForTimeout(100);
    assert.equal(parseInt(await page.evaluate(() => /** @type {HTMLIFrameElement} */ (document.getElementById('frame')).style.height), 10), height);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a frame that started before labelcost-frame.js did is sized too', async () => {
    const { page, problems, context } = await open(env, '/late-host.html', {}, {
      routes: {
        '/late-host.html': '<!doctype html><title>host</title><link rel="icon" href="data:,"><iframe id="frame" src="/index.html?embed=1&compact=1" data-labelcost height="400" width="100%"></iframe>',
      },
    });
    // The frame has started, reported its height to a page not listening, and
    // will not report again unless asked.
    await page.frameLocator('#frame').locator('[data-total]:not(:empty)').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => /** @type {HTMLIFrameElement} */ (document.getElementById('frame')).style.height), '');
    await page.addScriptTag({ url: '/labelcost-frame.js' });
    await page.waitForFunction(() => /^\d+px$/.test(/** @type {HTMLIFrameElement} */ (document.getElementById('frame')).style.height));
    const height = parseInt(await page.evaluate(() => /** @type {HTMLIFrameElement} */ (document.getElementById('frame')).style.height), 10);
    assert.ok(height > 400, `the frame grew from 400 px to ${height}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the Embed button gives snippets for the current scenario that work', async () => {
    const { page, problems, context } = await open(env);
    await page.waitForSelector('[data-total]:not(:empty)');
    await choosePreset(page, 'NLP team (text classification)');
    await page.waitForFunction(() => /** @type {Element} */ (document.querySelector('[data-total]')).textContent === '$650.00');
    await menuItem(page, '[data-share="embed"]');
    await page.waitForSelector('dialog[open] textarea');
    const texts = await page.locator('dialog textarea').evaluateAll((/** @type {HTMLTextAreaElement[]} */ areas) => areas.map((a) => a.value));
    assert.equal(texts.length, 2);
    assert.match(texts[0], /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/labelcost-embed\.js"><\/script>/);
    assert.match(texts[1], /<iframe src="http:\/\/127\.0\.0\.1:\d+\/index\.html\?embed=1#s=1\./);
    // The element snippet, pasted into another page, shows the same total.
    const { page: host, problems: hostProblems, context: hostContext } = await open(env, '/host.html', {}, {
      routes: { '/host.html': `<!doctype html><title>host</title><link rel="icon" href="data:,">${texts[0]}` },
    });
    await host.waitForFunction(() => /** @type {Calculator | null} */ (document.querySelector('labelcost-calculator'))?.result?.total === '650.00');
    assert.deepEqual(hostProblems, []);
    await hostContext.close();
    await page.keyboard.press('Escape');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

// What a host page on another origin needs in its policy to use the element
// from labelcost's: the module and its chunks and the engine's glue are
// scripts, the .wasm is fetched, and compiling it needs 'wasm-unsafe-eval'.
// Its styles are constructed stylesheets, which style-src does not govern.
/** @param {string} siteOrigin */
const hostPolicy = (siteOrigin) => `default-src 'self'; script-src 'self' ${siteOrigin} 'wasm-unsafe-eval'; `
  + `connect-src 'self' ${siteOrigin}; style-src 'self'; object-src 'none'; base-uri 'none'`;

/**
 * A page on its own server (another port: another origin) under `policy`.
 * @param {string} html
 * @param {string} policy
 */
async function hostServer(html, policy) {
  const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-host-'));
  writeFileSync(path.join(dir, 'host.html'), html);
  writeFileSync(path.join(dir, 'favicon.ico'), '');
  const server = /** @type {import('./harness.mjs').Server} */ (await serve(dir, 0, '127.0.0.1', { contentSecurityPolicy: policy }));
  return { server, async close() { await server.close(); rmSync(dir, { recursive: true, force: true }); } };
}

describe('embed', () => {
  test('the Embed dialog\'s element snippet works on a page of another origin with a strict policy', async () => {
    /** @type {Scenario} */
    const scenario = { labelcost: 1, name: 'Elsewhere', items: [{ kind: 'labeling', task: 'text/classification', objects: 12000, workforce: 'private', workers: 3 }] };
    const [snippet] = embedSnippets({ scenario, siteUrl: `${env.server.origin}/index.html`, fragment: 's=1.x' });
    const host = await hostServer(`<!doctype html><title>host</title>\n${snippet.text}`, hostPolicy(env.server.origin));
    try {
      assert.notEqual(host.server.origin, env.server.origin);
      const { page, problems, requests, context } = await open({ ...env, server: host.server }, '/host.html');
      await page.waitForFunction(() => /** @type {Calculator | null} */ (document.querySelector('labelcost-calculator'))?.result);
      assert.deepEqual(await page.evaluate(() => /** @type {Calculator} */ (document.querySelector('labelcost-calculator')).result), engine.estimate(scenario));
      // The on-demand parts load from labelcost's origin too: the Embed dialog
      // inside the element hands out snippets pointing there.
      await page.locator('labelcost-calculator .menu-button').click();
      await page.locator('labelcost-calculator .menu [data-share="embed"]').click();
      const text = await page.locator('labelcost-calculator dialog[open] textarea').first().inputValue();
      assert.ok(text.includes(`src="${env.server.origin}/labelcost-embed.js"`), text);
      assert.deepEqual(await page.evaluate(() => /** @type {CspWindow} */ (window).__cspViolations ?? []), []);
      assert.deepEqual(requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith(host.server.origin) && !u.startsWith('data:')), []);
      assert.ok(requests.some((u) => u.startsWith(`${env.server.origin}/labelcost-engine.wasm`)), 'the module came from labelcost\'s origin');
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await host.close();
    }
  });
});

/**
 * The element's message box, its height, and what it logged.
 * @param {import('playwright-core').Page} page
 * @param {string[]} problems
 */
async function failure(page, problems) {
  await page.waitForFunction(() => document.querySelector('labelcost-calculator')?.shadowRoot?.querySelector('[role="alert"]'));
  return {
    text: await page.evaluate(() => /** @type {Element} */ (/** @type {Calculator} */ (document.querySelector('labelcost-calculator')).shadowRoot.querySelector('[role="alert"]')).textContent),
    height: await page.evaluate(() => /** @type {Calculator} */ (document.querySelector('labelcost-calculator')).getBoundingClientRect().height),
    logged: problems.filter((p) => p.startsWith('console: labelcost-calculator: could not start')),
    thrown: problems.filter((p) => p.startsWith('pageerror')),
  };
}

describe('embed', () => {
  test('an element whose engine cannot load says why in its own box, and logs the detail', async () => {
    const host = '<!doctype html><title>host</title><link rel="icon" href="data:,"><script type="module" src="/labelcost-embed.js"></script><labelcost-calculator></labelcost-calculator>';
    /** @param {import('playwright-core').Route} route */
    const missing = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    for (const [file, expected] of /** @type {[string, RegExp][]} */ ([
      ['labelcost-engine.wasm', /^The calculator could not load its engine from http:\/\/127\.0\.0\.1:\d+: labelcost-engine\.wasm is not there \(HTTP 404\)\. Ask the site's owner to /],
      ['labelcost-engine.js', /^The calculator could not load its engine from http:\/\/127\.0\.0\.1:\d+: labelcost-engine\.js could not be fetched\. Ask the site's owner to /],
    ])) {
      const { page, problems, context } = await open(env, '/host.html', {}, { routes: { '/host.html': host, [`/${file}`]: missing } });
      const seen = await failure(page, problems);
      assert.match(seen.text, expected);
      assert.ok(seen.height > 20, `${file}: ${seen.height} px`);
      assert.equal(seen.logged.length, 1, problems.join('\n'));
      assert.match(seen.logged[0], new RegExp(file.replace('.', '\\.')));
      assert.deepEqual(seen.thrown, []);
      assert.equal(await page.evaluate(() => /** @type {Calculator} */ (document.querySelector('labelcost-calculator')).result), null);
      await context.close();
    }
    // On another origin, under a policy that leaves out what the element needs.
    const site = env.server.origin;
    for (const [policy, expected] of /** @type {[string, RegExp][]} */ ([
      [`default-src 'self'; script-src 'self' ${site} 'wasm-unsafe-eval'`, /Content-Security-Policy does not allow labelcost-engine\.wasm \(connect-src\)\. Ask the site's owner to add http:\/\/127\.0\.0\.1:\d+ to script-src and connect-src\.$/],
      [`default-src 'self'; script-src 'self' ${site}; connect-src 'self' ${site}`, /Content-Security-Policy does not allow WebAssembly\. Ask the site's owner to add 'wasm-unsafe-eval' to script-src\.$/],
    ])) {
      const other = await hostServer(`<!doctype html><title>host</title><script type="module" src="${site}/labelcost-embed.js"></script><labelcost-calculator></labelcost-calculator>`, policy);
      try {
        const { page, problems, context } = await open({ ...env, server: other.server }, '/host.html');
        const seen = await failure(page, problems);
        assert.match(seen.text, expected);
        assert.ok(seen.height > 20, `${seen.height} px`);
        assert.equal(seen.logged.length, 1, problems.join('\n'));
        assert.deepEqual(seen.thrown, []);
        await context.close();
      } finally {
        await other.close();
      }
    }
  });

  test('what the snippet puts inside the element shows only where the element\'s script cannot run', async () => {
    /** @type {Scenario} */
    const scenario = { labelcost: 1, items: [{ kind: 'fixed', amount: 7 }] };
    const [snippet] = embedSnippets({ scenario, siteUrl: `${env.server.origin}/index.html`, fragment: 's=1.x' });
    const body = `<!doctype html><title>host</title><link rel="icon" href="data:,">${snippet.text}`;
    const fallback = () => {
      const link = /** @type {HTMLAnchorElement} */ (document.querySelector('labelcost-calculator > a'));
      return { visible: link.checkVisibility(), height: link.getBoundingClientRect().height, href: link.href, text: link.textContent };
    };
    const running = await open(env, '/host.html', {}, { routes: { '/host.html': body } });
    await running.page.waitForFunction(() => /** @type {Calculator | null} */ (document.querySelector('labelcost-calculator'))?.result?.total === '7.00');
    const hidden = await running.page.evaluate(fallback);
    assert.equal(hidden.visible, false);
    assert.equal(hidden.height, 0);
    assert.deepEqual(running.problems, []);
    await running.context.close();
    // The script itself missing: the element stays undefined and its content shows.
    const broken = await open(env, '/host.html', {}, {
      routes: { '/host.html': body, '/labelcost-embed.js': (route) => route.fulfill({ status: 404, body: '' }) },
    });
    await broken.page.waitForLoadState('load');
    assert.equal(await broken.page.evaluate(() => customElements.get('labelcost-calculator')), undefined);
    const shown = await broken.page.evaluate(fallback);
    assert.equal(shown.visible, true);
    assert.ok(shown.height > 0);
    assert.equal(shown.href, `${env.server.origin}/index.html#s=1.x`);
    await broken.context.close();
  });

  test('the single file\'s snippets point at the published site, or say where to host the files', async () => {
    // As built without LABELCOST_PUBLIC_URL (no site named) and with it.
    const built = readFileSync(path.join(site, 'labelcost.html'), 'utf8').replace(/<meta name="labelcost-site"[^>]*>\n?/, '');
    const published = 'https://someone.github.io/labelcost/';
    const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-single-'));
    try {
      for (const [name, html, base] of [
        ['local.html', built, 'https://YOUR-HOST/'],
        ['published.html', built.replace('<meta name="color-scheme"', `<meta name="labelcost-site" content="${published}">\n<meta name="color-scheme"`), published],
      ]) {
        writeFileSync(path.join(dir, name), html);
        const context = await env.browser.newContext();
        const page = await context.newPage();
        /** @type {string[]} */
        const problems = [];
        page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(pathToFileURL(path.join(dir, name)).href);
        await page.waitForSelector('[data-total]:not(:empty)');
        await menuItem(page, '[data-share="embed"]');
        await page.waitForSelector('dialog[open] textarea');
        const texts = await page.locator('dialog textarea').evaluateAll((/** @type {HTMLTextAreaElement[]} */ areas) => areas.map((a) => a.value));
        const hints = await page.locator('dialog .hint').allTextContents();
        assert.ok(texts[0].startsWith(`<script type="module" src="${base}labelcost-embed.js"></script>`), texts[0]);
        assert.ok(texts[1].startsWith(`<iframe src="${base}index.html?embed=1#s=1.`), texts[1]);
        for (const text of texts) assert.doesNotMatch(text, /file:/);
        if (base === published) for (const hint of hints) assert.doesNotMatch(hint, /YOUR-HOST/);
        else for (const hint of hints) assert.match(hint, /^Host build\/site's files on your web server, then use this snippet with your address/);
        assert.deepEqual(problems, []);
        await context.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
