// Writes the deployable site from web/ into OUT, beside the WebAssembly module
// that cmake builds there:
//   index.html, main.js, style.css   the calculator page (bundled, minified)
//   engine.js                        the engine adapter, for scripts and Node
//   labelcost-embed.js               <labelcost-calculator>, stylesheet inside
//   labelcost-frame.js               sizes labelcost iframes on a host page
//   embed-example.html/.js           both ways of embedding, on a strict-CSP page
//   sw.js                            the offline copy: this build's files
//   labelcost.html                   everything in one file, wasm included
// Without esbuild (or with --copy) web/ is copied as it is (no single file,
// no offline precache) and the page works the same.
//   node scripts/build-site.mjs OUT [--copy]
import { readdirSync, readFileSync, writeFileSync, copyFileSync, mkdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const out = path.resolve(process.argv[2] ?? path.join(root, 'build/site'));
const copyOnly = process.argv.includes('--copy');
const publicUrl = process.env.LABELCOST_PUBLIC_URL ?? '';

// Output names of the files that are not named as in web/.
/** @type {Record<string, string>} */
const RENAMED = { 'embed.js': 'labelcost-embed.js', 'frame.js': 'labelcost-frame.js' };
// Built only as parts of others.
const PARTS_ONLY = new Set(['single.js']);

mkdirSync(out, { recursive: true });
let esbuild = null;
if (!copyOnly) {
  try {
    esbuild = await import('esbuild');
  } catch {
    console.warn('build-site: esbuild is not installed (npm ci); copying web/ unminified');
  }
}

const read = (/** @type {string} */ f) => readFileSync(path.join(web, f), 'utf8');
// (Not web/'s .d.ts files: they are types for tsc.)
const files = readdirSync(web).filter((f) => statSync(path.join(web, f)).isFile() && !f.endsWith('.d.ts'));

// The one version number (package.json's), in the page's footer.
const { version: packageVersion } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const withVersion = (/** @type {string} */ html) => html.replaceAll('{{version}}', packageVersion);

/** @param {string} html */
function withSiteMeta(html) {
  html = withVersion(html);
  if (!publicUrl) return html;
  const meta = `<meta name="labelcost-site" content="${publicUrl.replace(/"/g, '&quot;')}">`;
  return html.replace('<meta name="color-scheme"', `${meta}\n<meta name="color-scheme"`);
}

if (!esbuild) {
  for (const f of files) {
    if (f.endsWith('.html')) writeFileSync(path.join(out, f), withVersion(read(f)));
    else copyFileSync(path.join(web, f), path.join(out, RENAMED[f] ?? f));
  }
  process.exit(0);
}

// ES2022: every browser with what the page needs (WebAssembly, constructed
// stylesheets) runs it, and class private fields stay as written.
/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, format: 'esm', minify: true, target: ['es2022'], legalComments: 'none', logLevel: 'warning' };
// Left as imports: the Emscripten glue (built beside the bundles) and Node's
// modules (imported only under Node).
const external = ['./labelcost-engine.js', 'node:*'];

const css = (await esbuild.transform(read('style.css'), { loader: 'css', minify: true })).code;
writeFileSync(path.join(out, 'style.css'), css);

// What loads on demand (exports, links, embed snippets) goes into chunks/.
const split = { splitting: true, outdir: out, chunkNames: 'chunks/[name]-[hash]' };
rmSync(path.join(out, 'chunks'), { recursive: true, force: true });
await esbuild.build({ ...common, ...split, entryPoints: { main: path.join(web, 'main.js') }, external });
await esbuild.build({ ...common, entryPoints: [path.join(web, 'engine.js')], outfile: path.join(out, 'engine.js'), external });
await esbuild.build({
  ...common, ...split, entryPoints: { 'labelcost-embed': path.join(web, 'embed.js') }, external,
  // On the site, share links name the page beside the element's script.
  define: { __LABELCOST_CSS__: JSON.stringify(css), __LABELCOST_SITE__: '""' },
});
// engine.js finds the module's files beside itself (import.meta.url): it
// must stay in the entry scripts, never in chunks/ (as it would if a module
// loaded on demand imported it too).
for (const f of readdirSync(path.join(out, 'chunks'))) {
  if (readFileSync(path.join(out, 'chunks', f), 'utf8').includes('labelcost-engine')) {
    throw new Error(`build-site: the engine adapter went into chunks/${f}; a module loaded on demand imports engine.js`);
  }
}
for (const [f, format] of /** @type {[string, import('esbuild').Format][]} */ ([['frame.js', 'iife'], ['embed-example.js', 'iife']])) {
  const code = (await esbuild.transform(read(f), { loader: 'js', minify: true, format, target: 'es2022' })).code;
  writeFileSync(path.join(out, RENAMED[f] ?? f), code);
}
// The chunks main.js imports statically are fetched with it, not after it.
const mainChunks = [...readFileSync(path.join(out, 'main.js'), 'utf8')
  .matchAll(/import\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+)?\s*(?:from\s*)?"\.\/(chunks\/[^"]+)"/g)].map((m) => m[1]);
const preloadChunks = (/** @type {string} */ html) => html.replace('<script type="module" src="main.js"></script>',
  () => `${mainChunks.map((c) => `<link rel="modulepreload" href="${c}">\n`).join('')}<script type="module" src="main.js"></script>`);
for (const f of files) {
  if (f === 'index.html') writeFileSync(path.join(out, f), preloadChunks(withSiteMeta(read(f))));
  else if (f.endsWith('.html')) writeFileSync(path.join(out, f), withSiteMeta(read(f)));
  else if (f.endsWith('.css') && f !== 'style.css') writeFileSync(path.join(out, f), (await esbuild.transform(read(f), { loader: 'css', minify: true })).code);
  else if (!f.endsWith('.js') && !f.endsWith('.css') && !PARTS_ONLY.has(f)) copyFileSync(path.join(web, f), path.join(out, f));
}

// The offline copy: the page's files and the example host page's, under a
// cache named by their contents. (Not the single file: it is for download.)
const PRECACHE = ['index.html', 'main.js', 'style.css', 'labelcost-engine.js', 'labelcost-engine.wasm', 'engine.js',
  'labelcost-embed.js', 'labelcost-frame.js', 'embed-example.html', 'embed-example.css', 'embed-example.js',
  ...readdirSync(path.join(out, 'chunks')).sort().map((f) => `chunks/${f}`)];
const hash = createHash('sha256');
for (const f of PRECACHE) {
  if (!existsSync(path.join(out, f))) throw new Error(`build-site: ${f} is missing from ${out}: build the wasm preset first`);
  hash.update(f).update(readFileSync(path.join(out, f)));
}
const version = hash.digest('hex').slice(0, 16);
let sw = read('sw.js')
  .replace(/^const VERSION = .*$/m, `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const FILES = .*$/m, `const FILES = ${JSON.stringify(['./', ...PRECACHE])};`);
if (!sw.includes(version)) throw new Error('build-site: sw.js no longer has the VERSION and FILES lines to fill in');
sw = (await esbuild.transform(sw, { loader: 'js', minify: true, target: 'es2022' })).code;
writeFileSync(path.join(out, 'sw.js'), sw);

// One file that works opened from disk: the page with its stylesheet, its
// script (the Emscripten glue and the wasm, as base64, inside) and a policy
// that allows no requests at all.
const wasm = readFileSync(path.join(out, 'labelcost-engine.wasm')).toString('base64');
const single = await esbuild.build({
  ...common,
  entryPoints: [path.join(web, 'single.js')],
  write: false,
  external: ['node:*'],
  plugins: [{
    name: 'labelcost-single-file',
    setup(b) {
      b.onResolve({ filter: /^labelcost:wasm$/ }, () => ({ path: 'wasm', namespace: 'labelcost' }));
      b.onLoad({ filter: /.*/, namespace: 'labelcost' }, () => ({ contents: `export default ${JSON.stringify(wasm)};`, loader: 'js' }));
      b.onResolve({ filter: /^\.\/labelcost-engine\.js$/ }, () => ({ path: path.join(out, 'labelcost-engine.js') }));
    },
  }],
});
const script = (single.outputFiles ?? [])[0].text.replace(/<\/script/gi, '<\\/script');
const page = withSiteMeta(read('index.html'))
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`)
  .replace(/<link rel="(modulepreload|preload)"[^>]*>\n?/g, '')
  .replace('<link rel="stylesheet" href="style.css">', () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`)
  .replace('<script type="module" src="main.js"></script>', () => `<script type="module">${script}</script>`);
if (page.includes('src="main.js"') || page.includes('href="style.css"')) throw new Error('build-site: index.html no longer has the lines the single file replaces');
writeFileSync(path.join(out, 'labelcost.html'), page);
