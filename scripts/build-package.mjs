// Fills OUT with the npm package and packs it into labelcost-<version>.tgz
// beside OUT:
//   engine.js                     the engine adapter (web/engine.js as written)
//   labelcost-engine.js/.wasm     the module, from the site build in SITE
//   engine.d.ts types.d.ts codes.d.ts   generated from the JSDoc (tsc)
//   embed.js chunks/              <labelcost-calculator>, stylesheet inside;
//                                 it imports ./engine.js, so that a page using
//                                 both shares one engine
//   embed.d.ts frame.d.ts         package/'s, checked by tests/package
//   frame.js                      sizes labelcost iframes (web/frame.js)
//   rates/                        the bundled rate cards, presets and schemas
//   package.json README.md LICENSE CHANGELOG.md
// The version is the repository's package.json's; in a GitHub workflow the
// repository's address goes into package.json (npm provenance checks it).
//   node scripts/build-package.mjs [SITE] [OUT]
import { readFileSync, writeFileSync, copyFileSync, mkdirSync, rmSync, readdirSync, existsSync, cpSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const site = path.resolve(process.argv[2] ?? path.join(root, 'build/site'));
const out = path.resolve(process.argv[3] ?? path.join(root, 'build/package'));
const publicUrl = process.env.LABELCOST_PUBLIC_URL ?? '';

for (const f of ['labelcost-engine.js', 'labelcost-engine.wasm', 'style.css']) {
  if (!existsSync(path.join(site, f))) throw new Error(`build-package: ${f} is missing from ${site}: build the wasm preset first`);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'package/package.json'), 'utf8'));
manifest.version = version;
if (process.env.GITHUB_REPOSITORY) {
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  manifest.repository = { type: 'git', url: `git+${server}/${process.env.GITHUB_REPOSITORY}.git` };
  manifest.homepage = publicUrl || `${server}/${process.env.GITHUB_REPOSITORY}`;
}
writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

copyFileSync(path.join(web, 'engine.js'), path.join(out, 'engine.js'));
copyFileSync(path.join(web, 'frame.js'), path.join(out, 'frame.js'));
for (const f of ['labelcost-engine.js', 'labelcost-engine.wasm']) copyFileSync(path.join(site, f), path.join(out, f));
for (const f of ['embed.d.ts', 'frame.d.ts', 'README.md']) copyFileSync(path.join(root, 'package', f), path.join(out, f));
for (const f of ['LICENSE', 'CHANGELOG.md']) copyFileSync(path.join(root, f), path.join(out, f));
cpSync(path.join(root, 'rates'), path.join(out, 'rates'), { recursive: true });

// The types, from the JSDoc of the engine adapter and the files it names.
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), path.join(web, 'engine.js'),
  '--allowJs', '--declaration', '--emitDeclarationOnly', '--strict', '--target', 'es2022', '--module', 'nodenext',
  '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', '--types', 'node', '--outDir', out], { stdio: 'inherit' });

// TypeScript 5.7 and newer print Uint8Array's default type argument, which
// older ones cannot read: the plain name means the same.
for (const f of ['engine.d.ts', 'types.d.ts', 'codes.d.ts']) {
  const file = path.join(out, f);
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll('Uint8Array<ArrayBufferLike>', 'Uint8Array'));
}

// The element: its modules bundled, unminified (a host's bundler minifies),
// the site build's minified stylesheet inside, engine.js left as the import it is.
const css = readFileSync(path.join(site, 'style.css'), 'utf8');
await esbuild.build({
  entryPoints: { embed: path.join(web, 'embed.js') },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022'],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __LABELCOST_CSS__: JSON.stringify(css), __LABELCOST_SITE__: JSON.stringify(publicUrl) },
  plugins: [{
    name: 'labelcost-engine-outside',
    setup(b) {
      b.onResolve({ filter: /^\.\/engine\.js$/ }, () => ({ path: './engine.js', external: true }));
    },
  }],
});
// "./engine.js" names the adapter only from the package's top folder.
for (const f of readdirSync(path.join(out, 'chunks'))) {
  if (readFileSync(path.join(out, 'chunks', f), 'utf8').includes('"./engine.js"')) {
    throw new Error(`build-package: chunks/${f} imports ./engine.js, which is not beside it; a module loaded on demand imports engine.js`);
  }
}

// Bundlers (webpack 5, Vite) publish the file of every URL made of a name
// and import.meta.url; webpack refuses a name it cannot find and makes a
// computed one fail when the page runs. The .wasm must be the only one.
for (const f of ['engine.js', 'embed.js', 'labelcost-engine.js', ...readdirSync(path.join(out, 'chunks')).map((c) => `chunks/${c}`)]) {
  for (const [call, file] of readFileSync(path.join(out, f), 'utf8').matchAll(/new URL\(([^()]*?),\s*import\.meta\.url\)/g)) {
    if (!/^["'](\.\/)?labelcost-engine\.wasm["']$/.test(file.trim())) throw new Error(`build-package: ${f} has ${call}: bundlers would look for that file`);
  }
}

const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', path.dirname(out)],
  { cwd: out, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
console.log(`build-package: ${path.join(path.dirname(out), packed[0].filename)} (${packed[0].entryCount} files, ${packed[0].size} bytes)`);
