// Shared set-up for the browser tests: Debian's Chromium through
// playwright-core, and the built site served on a free localhost port.
import { chromium } from 'playwright-core';
import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Route} Route */
/** @typedef {{origin: string, close: () => Promise<unknown>}} Server  what serve() (scripts/serve.mjs) resolves to */
/** @typedef {{server: Server, browser: import('playwright-core').Browser, close: () => Promise<void>}} Env */
/**
 * The labelcost-calculator element once defined: its constructor attaches an open shadow root.
 * @typedef {import('../../web/embed.js').LabelcostCalculator & {readonly shadowRoot: ShadowRoot}} Calculator
 */
/** @typedef {Window & {__cspViolations?: string[]}} CspWindow  the page's window, with what open()'s init script records */

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const site = process.env.LABELCOST_SITE ?? path.join(root, 'build/site');
export const artifacts = path.join(root, 'test-results');
mkdirSync(path.join(artifacts, 'screenshots'), { recursive: true });

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
if (!existsSync(path.join(site, 'index.html'))) throw new Error(`no site at ${site}: cmake --build --preset wasm`);

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A browser and the site's server, for one test file. Playwright starts
 * Chromium with a fresh, empty profile of its own. */
/**
 * The engine of the built site, loaded in this process (to compare the page with).
 * @returns {Promise<import('../../web/engine.js').Engine>}
 */
export async function siteEngine() {
  return (await import(pathToFileURL(path.join(site, 'engine.js')).href)).loadEngine();
}

/**
 * @param {string} [dir]
 * @returns {Promise<Env>}
 */
export async function start(dir = site) {
  const server = /** @type {Server} */ (await serve(dir, 0));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A page in a new context that records console errors, page errors, CSP
 * violations and every request it makes. `init` (a function) runs in the
 * page before any of its scripts. `routes` maps paths on the site's server to
 * HTML pages that exist only in the test (a host page, say), or to handlers
 * (a missing file: `(route) => route.fulfill({status: 404})`); they are in
 * place before the first page loads, and such a context has no service workers:
 * requests a service worker makes pass by Playwright's routes, so once the
 * site's worker is active (from any page of the site in the context), it
 * would ask the server for these pages and get 404.
 * @param {{browser: import('playwright-core').Browser, server: Server}} env
 * @param {string} [urlPath]
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 * @param {{init?: () => void, routes?: Record<string, string | ((route: Route) => Promise<void>)>}} [options]
 */
export async function open(env, urlPath = '/', contextOptions = {}, { init, routes } = {}) {
  const context = await env.browser.newContext({
    acceptDownloads: true, ...(routes ? { serviceWorkers: 'block' } : {}), ...contextOptions,
  });
  for (const [routePath, body] of Object.entries(routes ?? {})) {
    await context.route(env.server.origin + routePath,
      typeof body === 'function' ? body : (route) => route.fulfill({ contentType: 'text/html', body }));
  }
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (/** @type {CspWindow} */ (window).__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (init) await page.addInitScript(init);
  await page.goto(env.server.origin + urlPath);
  return { page, context, problems, requests };
}

/**
 * Opens `url` in a fresh browser context (nothing stored, nothing shared)
 * and runs `check` on its page; the context is closed after.
 * @param {{browser: import('playwright-core').Browser}} env
 * @param {string} url
 * @param {(page: import('playwright-core').Page) => Promise<void>} check
 */
export async function inFreshContext(env, url, check) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await check(page);
  } finally {
    await context.close();
  }
}

/**
 * Presses Copy link by keyboard and returns the link it copied.
 * @param {Page} page
 * @param {BrowserContext} context
 * @returns {Promise<string>}
 */
export async function copyLink(page, context) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.focus('[data-share="copy"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Link copied/.test(document.querySelector('.status')?.textContent ?? ''));
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Waits for the total to show.
 * @param {Page} page
 * @returns {Promise<string>}
 */
export async function total(page) {
  await page.waitForSelector('[data-total]:not(:empty)');
  return /** @type {string} */ (await page.textContent('[data-total]')).trim();
}

/**
 * Waits until the shown total equals `expected`.
 * @param {Page} page
 * @param {string} expected
 */
export async function waitForTotal(page, expected) {
  await page.waitForFunction((t) => document.querySelector('[data-total]')?.textContent.trim() === t, expected, { timeout: 5000 })
    .catch(async () => { throw new Error(`total is ${await total(page)}, expected ${expected}`); });
}

/**
 * Presses Tab until the focused element matches `predicate` (run in the page).
 * @param {Page} page
 * @param {(arg: string) => unknown} predicate
 * @param {string} arg
 * @param {{max?: number, shift?: boolean}} [options]
 */
export async function tabTo(page, predicate, arg, { max = 300, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(predicate, arg)) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach the element by keyboard: ${predicate}`);
}

/**
 * Waits until everything for the current estimate is drawn (charts, tables).
 * @param {Page} page
 */
export async function settled(page) {
  await page.waitForSelector('.results[data-complete]', { state: 'attached' });
}

/**
 * Loads a preset by its title, as a person does: choose it, then Load.
 * @param {Page} page
 * @param {string} title
 */
export async function choosePreset(page, title) {
  await page.getByLabel('Start from a preset').selectOption({ label: title });
  await page.click('[data-action="load-preset"]');
}

/**
 * Clicks an action in the "More" menu (opening it first).
 * @param {Page} page
 * @param {string} selector
 */
export async function menuItem(page, selector) {
  await page.click('.menu-button');
  await page.click(`.menu ${selector}`);
}
