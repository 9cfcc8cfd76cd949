// The npm package through a bundler, as a docs site builds it: a fresh
// project installs the .tgz, a bundler builds a page that does
// `import 'labelcost/embed'`, and Chromium opens it under the strict policy.
// docs/embedding.md's recipes: webpack 5 and Vite with no configuration,
// esbuild both ways (the .wasm copied beside the bundle, or its file loader
// and loadEngine({ wasmUrl })), and no bundler (the package's folder
// published as it is).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, copyFileSync, readdirSync, cpSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import webpack from 'webpack';
import { build as viteBuild } from 'vite';
import { start, open, artifacts } from './harness.mjs';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { consumerProject, cli } from '../package/consumer.mjs';

/** @typedef {import('./harness.mjs').Calculator} Calculator */
/** @typedef {Calculator & {readonly result: import('../../web/types.js').Result}} Priced  the element once it has an estimate */

/** @type {ReturnType<typeof consumerProject>} */
let project;
before(() => { project = consumerProject('bundled'); });
after(() => project?.remove());

// 20,000 bounding boxes on Mechanical Turk at the article's $0.036 a box: $720.00.
const SCENARIO = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objects: 20000, workforce: 'mturk' }] };

const page = (/** @type {string} */ script, attributes = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/; frame-ancestors \*$/, '')}">
<link rel="icon" href="data:,"><title>A docs page</title><script type="module" src="${script}"></script></head>
<body><h1>Pricing</h1>
<labelcost-calculator scenario='${JSON.stringify(SCENARIO)}'${attributes}></labelcost-calculator></body></html>`;

/**
 * Bundles `entry` (source text) into dist/NAME with esbuild, as a consumer's build would.
 * @param {string} name
 * @param {string} entry
 * @param {esbuild.BuildOptions} [options]
 */
async function bundle(name, entry, options = {}) {
  const dist = project.file(`dist-${name}`);
  mkdirSync(dist, { recursive: true });
  project.write(`${name}.js`, entry);
  await esbuild.build({
    absWorkingDir: project.dir, entryPoints: [`./${name}.js`], outfile: path.join(dist, 'app.js'),
    bundle: true, format: 'esm', minify: true, logLevel: 'error', ...options,
  });
  project.write(`dist-${name}/index.html`, page('app.js'));
  return dist;
}

/**
 * @param {string} dist
 * @param {string} name
 */
async function priced(dist, name) {
  const env = await start(dist);
  try {
    const { page: tab, problems, requests, context } = await open(env, '/index.html');
    await tab.waitForFunction(() => /** @type {Calculator | null} */ (document.querySelector('labelcost-calculator'))?.result, null, { timeout: 30000 });
    const shown = await tab.evaluate(() => {
      const element = /** @type {Priced} */ (document.querySelector('labelcost-calculator'));
      return { total: element.result.total, text: element.shadowRoot.querySelector('[data-total]')?.textContent ?? '' };
    });
    const violations = await tab.evaluate(() => /** @type {import('./harness.mjs').CspWindow} */ (window).__cspViolations ?? []);
    await tab.screenshot({ path: path.join(artifacts, 'screenshots', `package-${name}.png`), fullPage: true });
    await context.close();
    return { ...shown, problems, violations, wasm: requests.filter((u) => u.endsWith('.wasm')) };
  } finally {
    await env.close();
  }
}

describe('package', () => {
  test('esbuild bundle of labelcost/embed, the .wasm copied beside it', async () => {
    const dist = await bundle('copied', "import 'labelcost/embed';\n");
    copyFileSync(project.file('node_modules/labelcost/labelcost-engine.wasm'), path.join(dist, 'labelcost-engine.wasm'));
    const got = await priced(dist, 'copied');
    assert.equal(got.total, '720.00');
    assert.equal(got.total, cli('estimate', '-', '--format', 'json', { input: JSON.stringify(SCENARIO) }).total);
    assert.match(got.text, /\$720\.00/);
    assert.deepEqual(got.wasm.map((u) => new URL(u).pathname), ['/labelcost-engine.wasm']);
    assert.deepEqual(got.violations, []);
    assert.deepEqual(got.problems, []);
  });

  test('esbuild\'s file loader and loadEngine({ wasmUrl }), shared with the element', async () => {
    const dist = await bundle('loader', [
      "import wasmUrl from 'labelcost/labelcost-engine.wasm';",
      "import { loadEngine } from 'labelcost';",
      "import 'labelcost/embed';",
      'loadEngine({ wasmUrl: new URL(wasmUrl, import.meta.url) });',
    ].join('\n'), { loader: { '.wasm': 'file' }, assetNames: 'assets/[name]-[hash]' });
    const [asset] = readdirSync(path.join(dist, 'assets'));
    assert.match(asset, /^labelcost-engine-\w+\.wasm$/);
    const got = await priced(dist, 'loader');
    assert.equal(got.total, '720.00');
    assert.deepEqual(got.wasm.map((u) => new URL(u).pathname), [`/assets/${asset}`], 'the element used the engine the page loaded');
    assert.deepEqual(got.violations, []);
    assert.deepEqual(got.problems, []);
  });

  test('no bundler, the package\'s folder published as it is', async () => {
    const dist = project.file('dist-plain');
    cpSync(project.file('node_modules/labelcost'), path.join(dist, 'assets/labelcost'), { recursive: true });
    project.write('dist-plain/index.html', page('/assets/labelcost/embed.js'));
    const got = await priced(dist, 'plain');
    assert.equal(got.total, '720.00');
    assert.deepEqual(got.wasm.map((u) => new URL(u).pathname), ['/assets/labelcost/labelcost-engine.wasm']);
    assert.deepEqual(got.violations, []);
    assert.deepEqual(got.problems, []);
  });

  test('the site attribute names the page share links point to', async () => {
    const dist = project.file('dist-site');
    cpSync(project.file('node_modules/labelcost'), path.join(dist, 'assets/labelcost'), { recursive: true });
    project.write('dist-site/index.html', page('/assets/labelcost/embed.js', ' site="https://docs.example/labelcost/"'));
    const env = await start(dist);
    try {
      const { page: tab, problems, context } = await open(env, '/index.html');
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await tab.waitForFunction(() => /** @type {Calculator | null} */ (document.querySelector('labelcost-calculator'))?.result);
      await tab.locator('labelcost-calculator [data-share="copy"]').click();
      await tab.locator('labelcost-calculator .status', { hasText: 'Link copied' }).waitFor();
      const link = await tab.evaluate(() => navigator.clipboard.readText());
      assert.match(link, /^https:\/\/docs\.example\/labelcost\/#s=1\./);
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await env.close();
    }
  });

  test('webpack 5, no configuration but an entry, finds and publishes the .wasm', async () => {
    const dist = project.file('dist-webpack');
    project.write('webpack-entry.js', "import 'labelcost/embed';\n");
    /** @type {import('webpack').Stats} */
    const stats = await new Promise((resolve, reject) => {
      webpack({
        mode: 'production', context: project.dir, entry: './webpack-entry.js', target: 'web', devtool: false,
        output: { path: dist, filename: 'app.js', publicPath: 'auto' }, performance: { hints: false },
      }, (error, result) => (error ? reject(error) : resolve(/** @type {import('webpack').Stats} */ (result))));
    });
    assert.equal(stats.hasErrors(), false, stats.toString({ all: false, errors: true }));
    assert.equal(stats.hasWarnings(), false, stats.toString({ all: false, warnings: true }));
    const [wasm] = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
    assert.ok(wasm, 'webpack published the .wasm');
    project.write('dist-webpack/index.html', page('app.js').replace('<script type="module" src="app.js">', '<script src="app.js" defer>'));
    const got = await priced(dist, 'webpack');
    assert.equal(got.total, '720.00');
    assert.deepEqual(got.wasm.map((u) => new URL(u).pathname), [`/${wasm}`]);
    assert.deepEqual(got.violations, []);
    assert.deepEqual(got.problems, []);
  });

  test('vite build, no configuration, finds and publishes the .wasm', async () => {
    project.write('index.html', page('/vite-entry.js'));
    project.write('vite-entry.js', "import 'labelcost/embed';\n");
    await viteBuild({ root: project.dir, configFile: false, logLevel: 'silent', build: { outDir: 'dist-vite' } });
    const dist = project.file('dist-vite');
    const [wasm] = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));
    assert.ok(wasm, 'Vite published the .wasm');
    const got = await priced(dist, 'vite');
    assert.equal(got.total, '720.00');
    assert.deepEqual(got.wasm.map((u) => new URL(u).pathname), [`/assets/${wasm}`]);
    assert.deepEqual(got.violations, []);
    assert.deepEqual(got.problems, []);
  });
});
