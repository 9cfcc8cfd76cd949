// Writes the deployable site from web/ into OUT (beside the wasm module that
// cmake builds there): each page entry point bundled and minified with
// esbuild, the stylesheet minified, everything else copied. Without esbuild
// (or with --copy) web/ is copied as it is, and works the same.
//   node scripts/build-site.mjs OUT [--copy]
import { readdirSync, copyFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const out = path.resolve(process.argv[2] ?? path.join(root, 'build/site'));
const copyOnly = process.argv.includes('--copy');

// Each becomes one file with its imports inside: the page's entry point, and
// the engine adapter for people who import it from scripts or Node.
const ENTRIES = ['main.js', 'engine.js'];
// Left as imports: the Emscripten glue (built beside them) and Node's modules
// (imported only under Node).
const EXTERNAL = ['./labelcost-engine.js', 'node:*'];

mkdirSync(out, { recursive: true });
let esbuild = null;
if (!copyOnly) {
  try {
    esbuild = await import('esbuild');
  } catch {
    console.warn('build-site: esbuild is not installed (npm ci); copying web/ unminified');
  }
}

const files = readdirSync(web).filter((f) => statSync(path.join(web, f)).isFile());
if (esbuild) {
  await esbuild.build({
    entryPoints: ENTRIES.map((f) => path.join(web, f)),
    outdir: out,
    bundle: true,
    format: 'esm',
    minify: true,
    target: ['es2020'],
    external: EXTERNAL,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await esbuild.build({ entryPoints: [path.join(web, 'style.css')], outfile: path.join(out, 'style.css'), minify: true, logLevel: 'warning' });
  for (const f of files) {
    if (!f.endsWith('.js') && f !== 'style.css') copyFileSync(path.join(web, f), path.join(out, f));
  }
} else {
  for (const f of files) copyFileSync(path.join(web, f), path.join(out, f));
}
