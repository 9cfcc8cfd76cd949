// Prints labelcost's size and speed figures (bench/run builds first).
//   node bench/bench.mjs [--json]
// Sizes: gzip and brotli of every file the page downloads (as recorded by
// headless Chromium when it is available, else the site's files) and their sum.
// Speed: wasm compile + instantiate in Node, median microseconds per estimate
// through web/engine.js, a 100 x 100 sweep, the same calls natively, the
// slowest of the worst-case inputs of every export (bench/worst.mjs,
// docs/performance.md), and the time from navigation to the first estimate on
// screen in headless Chromium. The npm package: its .tgz and unpacked sizes.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { keystrokeFigures } from './keystroke.mjs';
import { openBrowser } from './browser.mjs';
import { worstCases } from './worst.mjs';
import { articleScenario, SWEEP_100 } from './calls.mjs';

/** @typedef {import('../web/engine.js').Engine} Engine */
/** @typedef {import('../web/engine.js').Factory} Factory */
/** @typedef {{file: string, raw: number, gzip: number, brotli: number}} Size  bytes, and compressed */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = process.env.LABELCOST_SITE ?? path.join(root, 'build/site');
const native = process.env.LABELCOST_NATIVE ?? path.join(root, 'build/native');
const asJson = process.argv.includes('--json');

// Page loads per figure: the cold figure varies by tens of milliseconds.
const RUNS = 15;
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1);

// The packed npm package (build/labelcost-<version>.tgz) and what it unpacks to.
function packageFigures() {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const file = process.env.LABELCOST_TGZ ?? path.join(root, `build/labelcost-${version}.tgz`);
  if (!existsSync(file)) return null;
  const listing = execFileSync('tar', ['tzvf', file], { encoding: 'utf8' }).trim().split('\n');
  const unpacked = listing.reduce((n, line) => n + Number(line.trim().split(/\s+/)[2]), 0);
  return { file: path.relative(root, file), tgz: statSync(file).size, unpacked, files: listing.length };
}

/**
 * @param {string} file
 * @returns {Size}
 */
function sizeOf(file) {
  const bytes = readFileSync(file);
  return {
    file: path.relative(site, file),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

async function pageFigures() {
  const opened = await openBrowser(site, ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']);
  if (!opened) return null;
  const { browser, server } = opened;
  try {
    /** @type {Set<string>} */
    const downloads = new Set();
    /** @type {Set<string>} */
    const beforeEstimate = new Set();
    // Waits for the page's own mark through the DevTools protocol: Playwright's
    // waiting helpers would first evaluate its injected script (some 300 KB)
    // on the page's main thread, inside the very interval being measured.
    const FIRST_ESTIMATE = `new Promise((resolve) => {
      const observer = new PerformanceObserver(() => {
        const mark = performance.getEntriesByName('labelcost:first-estimate')[0];
        if (mark) { observer.disconnect(); resolve(mark.startTime); }
      });
      observer.observe({ type: 'mark', buffered: true });
    })`;
    /**
     * @param {import('playwright-core').Page} page
     * @param {import('playwright-core').CDPSession} cdp
     * @returns {Promise<number>}  the mark's time
     */
    const firstEstimate = async (page, cdp) => {
      // DOMContentLoaded: the new document is in place (a same-URL reload must
      // not be answered by the old one); the mark may come before or after it.
      await page.goto(server.origin + '/', { waitUntil: 'domcontentloaded' });
      let timer;
      /** @type {Promise<never>} */
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the page showed no estimate within 10 s')), 10000);
      });
      try {
        const { result, exceptionDetails } = await Promise.race([
          cdp.send('Runtime.evaluate', { expression: FIRST_ESTIMATE, awaitPromise: true, returnByValue: true }),
          timeout,
        ]);
        if (exceptionDetails) throw new Error(exceptionDetails.text);
        return result.value;
      } finally {
        clearTimeout(timer);
      }
    };
    /** @type {number[]} */
    const cold = [];
    /** @type {number[]} */
    const warm = [];
    for (let run = 0; run < RUNS; run++) {
      // Cold: a new browser context, so nothing is cached.
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.origin === server.origin) downloads.add(decodeURIComponent(u.pathname.slice(1)) || 'index.html');
      });
      const mark = await firstEstimate(page, cdp);
      cold.push(mark);
      // What the page asked for before its first estimate was on screen.
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `performance.getEntriesByType('resource').filter((e) => e.startTime <= ${mark}).map((e) => e.name)`, returnByValue: true,
      });
      for (const url of result.value) {
        const u = new URL(url);
        if (u.origin === server.origin) beforeEstimate.add(decodeURIComponent(u.pathname.slice(1)));
      }
      beforeEstimate.add('index.html');
      // Warm: the same page opened again, from the browser's caches.
      warm.push(await firstEstimate(page, cdp));
      await context.close();
    }
    const exist = (/** @type {string} */ f) => existsSync(path.join(site, f));
    return { downloads: [...downloads].filter(exist), before_estimate: [...beforeEstimate].filter(exist), first_estimate_ms: median(cold), first_estimate_warm_ms: median(warm) };
  } finally {
    await opened.close();
  }
}

async function wasmFigures() {
  // The first load in a fresh process: import, read, compile, instantiate.
  let t = performance.now();
  const { loadEngine, Engine } = /** @type {typeof import('../web/engine.js')} */ (await import(pathToFileURL(path.join(site, 'engine.js')).href));
  const engine = await loadEngine();
  const first_ms = performance.now() - t;
  const bytes = readFileSync(path.join(site, 'labelcost-engine.wasm'));
  const factory = /** @type {{default: Factory}} */ (await import(pathToFileURL(path.join(site, 'labelcost-engine.js')).href)).default;
  /** @type {number[]} */
  const startup = [];
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    await Engine.create({ wasmBinary: bytes, factory });
    startup.push(performance.now() - t);
  }
  const scenario = articleScenario(engine);
  for (let i = 0; i < 20000; i++) engine.estimate(scenario);
  /** @type {number[]} */
  const calls = [];
  for (let i = 0; i < 20000; i++) {
    t = performance.now();
    engine.estimate(scenario);
    calls.push(performance.now() - t);
  }
  /** @type {number[]} */
  const sweeps = [];
  for (let i = 0; i < 21; i++) {
    t = performance.now();
    engine.sweep(SWEEP_100);
    sweeps.push(performance.now() - t);
  }
  return { first_load_ms: first_ms, startup_ms: median(startup), estimate_us: median(calls) * 1000, sweep_ms: median(sweeps), worst: worstFigures(engine) };
}

// Each export's worst case within the engine's limits: median of 7 calls
// after one to warm up. Refusals are answers too (most of these are).
/** @param {Engine} engine */
function worstFigures(engine) {
  const figures = worstCases().map(([label, method, input]) => {
    const call = () => {
      try {
        return input === undefined ? /** @type {() => unknown} */ (engine[method])() : /** @type {(input: string) => unknown} */ (engine[method])(input);
      } catch (error) {
        if (/** @type {{code?: unknown} | null | undefined} */ (error)?.code === 'internal') throw error;
        return error;
      }
    };
    call();
    /** @type {number[]} */
    const times = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      call();
      times.push(performance.now() - t);
    }
    return { label, bytes: input?.length ?? 0, ms: median(times) };
  });
  return { cases: figures, slowest: figures.reduce((a, b) => (b.ms > a.ms ? b : a)) };
}

const page = await pageFigures();
const files = page
  ? page.downloads.map((f) => path.join(site, f))
  : readdirSync(site).map((f) => path.join(site, f)).filter((f) => statSync(f).isFile() && !/\.(map|txt)$/.test(f) && !f.endsWith('labelcost.html'));
const sizes = files.sort().map(sizeOf);
const sum = (/** @type {Size[]} */ list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
// Without Chromium every file counts as loaded before the first estimate.
const early = (/** @type {Size} */ s) => !page || page.before_estimate.includes(s.file);
const before = sum(sizes.filter(early));
const total = sum(sizes);
const wasm = await wasmFigures();
/** @type {{estimate_us: number, sweep_ms: number} | null} */
const nativeFigures = existsSync(path.join(native, 'labelcost_bench'))
  ? JSON.parse(execFileSync(path.join(native, 'labelcost_bench'), { encoding: 'utf8' }))
  : null;

const keystroke = await keystrokeFigures({ site });
const npmPackage = packageFigures();
const figures = { sizes, before_estimate: before, total, source: page ? 'requests recorded in Chromium' : 'files in the site folder', wasm, native: nativeFigures, page, keystroke, package: npmPackage };
if (asJson) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  console.log(`First load (${figures.source}):`);
  console.log('  file                           raw KB   gzip KB  brotli KB');
  const row = (/** @type {string} */ label, /** @type {Omit<Size, 'file'>} */ s) => console.log(`  ${label.padEnd(30)} ${kb(s.raw).padStart(7)} ${kb(s.gzip).padStart(9)} ${kb(s.brotli).padStart(10)}`);
  for (const s of sizes) row(`${early(s) ? '' : '(after) '}${s.file}`, s);
  row('before the first estimate', before);
  console.log('    (target: gzip <= 110 KB; "(after)": asked for once the estimate was on screen)');
  row('everything the first visit loads', total);
  console.log('Speed:');
  console.log(`  wasm compile + instantiate (Node)       ${wasm.startup_ms.toFixed(2)} ms median of 15   (target < 15 ms)`);
  console.log(`  first load in a fresh Node process      ${wasm.first_load_ms.toFixed(2)} ms (import, read, compile, instantiate)`);
  console.log(`  estimate, 4 items, via engine.js        ${wasm.estimate_us.toFixed(1)} us median   (target < 50 us)`);
  if (nativeFigures) console.log(`  estimate, same call, native             ${nativeFigures.estimate_us.toFixed(1)} us median   (wasm/native ${(wasm.estimate_us / nativeFigures.estimate_us).toFixed(1)}x)`);
  console.log(`  sweep 100 x 100, via engine.js          ${wasm.sweep_ms.toFixed(2)} ms median   (target < 20 ms)`);
  if (nativeFigures) console.log(`  sweep 100 x 100, native                 ${nativeFigures.sweep_ms.toFixed(2)} ms median`);
  const { slowest } = wasm.worst;
  console.log(`  slowest worst case, via engine.js       ${slowest.ms.toFixed(1)} ms median   (target < 50 ms): ${slowest.label}`);
  if (page) {
    console.log(`  first estimate on screen, first visit   ${page.first_estimate_ms.toFixed(0)} ms after navigation, median of ${RUNS}   (target < 150 ms)`);
    console.log(`  first estimate on screen, next visits   ${page.first_estimate_warm_ms.toFixed(0)} ms after navigation (cached), median of ${RUNS}`);
  }
  else console.log('  first estimate on screen                (needs the page, playwright-core and /usr/bin/chromium)');
  if (keystroke) console.log(`  one keystroke, ${keystroke.items} items, to the painted total  ${keystroke.keystroke_ms.toFixed(0)} ms median, ${keystroke.keystroke_max_ms.toFixed(0)} ms slowest   (target <= 50 ms)`);
  if (npmPackage) {
    console.log(`npm package ${npmPackage.file}: ${kb(npmPackage.tgz)} KB packed, ${kb(npmPackage.unpacked)} KB unpacked, ${npmPackage.files} files`);
  } else {
    console.log('npm package: not built (cmake --build --preset wasm, after npm ci)');
  }
}
