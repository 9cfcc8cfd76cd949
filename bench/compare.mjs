// Compares builds of the module side by side: size, and speed interleaved in
// one process so that the machine's drift falls on all of them alike.
//   node bench/compare.mjs SITE SITE... [--rounds N]
// Each SITE is a folder holding labelcost-engine.js and labelcost-engine.wasm
// (build/site, or the same folder of another checkout's build). Prints each
// one's wasm size (raw, gzip level 9, brotli 11, function bodies), then the
// median of N rounds (default 150) of 200 estimates of the article's
// computer-vision preset and of one 100 x 100 sweep, with each build's ratio
// to the first. All builds are driven by this checkout's web/engine.js.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { Engine } from '../web/engine.js';
import { articleScenario, SWEEP_100 } from './calls.mjs';

/** @typedef {import('../web/engine.js').Factory} Factory */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args.splice(at, 2)[1]) : 150;
const sites = args.map((dir) => path.resolve(root, dir));
if (sites.length < 2 || !(rounds > 0)) {
  console.error('usage: node bench/compare.mjs SITE SITE... [--rounds N]');
  process.exit(2);
}

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Reads an unsigned LEB128 number.
 * @param {Uint8Array} bytes
 * @param {{at: number}} cursor
 */
function leb(bytes, cursor) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[cursor.at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}

/**
 * The code section's size in bytes (function bodies) and its function count.
 * @param {Uint8Array} bytes
 */
function codeSection(bytes) {
  const cursor = { at: 8 };
  while (cursor.at < bytes.length) {
    const id = bytes[cursor.at++];
    const size = leb(bytes, cursor);
    const end = cursor.at + size;
    if (id === 10) {
      const functions = leb(bytes, cursor);
      return { bytes: end - cursor.at, functions };
    }
    cursor.at = end;
  }
  return { bytes: 0, functions: 0 };
}

/** @param {string} site */
function sizeOf(site) {
  const bytes = readFileSync(path.join(site, 'labelcost-engine.wasm'));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    code: codeSection(bytes),
  };
}

/** @param {string} site */
async function engineOf(site) {
  const glue = /** @type {{default: Factory}} */ (await import(pathToFileURL(path.join(site, 'labelcost-engine.js')).href));
  return Engine.create({ wasmBinary: readFileSync(path.join(site, 'labelcost-engine.wasm')), factory: glue.default });
}

const engines = await Promise.all(sites.map(engineOf));
const scenario = articleScenario(engines[0]);

// Warm-up: every function compiled and the allocator's pages in place.
for (const engine of engines) {
  for (let i = 0; i < 5000; i++) engine.estimate(scenario);
  engine.sweep(SWEEP_100);
}
/** @type {number[][]} */
const estimates = sites.map(() => []);
/** @type {number[][]} */
const sweeps = sites.map(() => []);
for (let round = 0; round < rounds; round++) {
  const order = sites.map((_, i) => i);
  if (round % 2) order.reverse();
  for (const i of order) {
    let t = performance.now();
    for (let k = 0; k < 200; k++) engines[i].estimate(scenario);
    estimates[i].push(((performance.now() - t) * 1000) / 200);
    t = performance.now();
    engines[i].sweep(SWEEP_100);
    sweeps[i].push(performance.now() - t);
  }
}

const [estimate0, sweep0] = [median(estimates[0]), median(sweeps[0])];
sites.forEach((site, i) => {
  const size = sizeOf(site);
  const [estimate, swept] = [median(estimates[i]), median(sweeps[i])];
  console.log(path.relative(process.cwd(), site) || '.');
  console.log(`  wasm ${size.raw} bytes, gzip ${size.gzip}, brotli ${size.brotli}; function bodies ${size.code.bytes} bytes, ${size.code.functions} functions`);
  console.log(`  estimate ${estimate.toFixed(2)} us (x${(estimate / estimate0).toFixed(3)}), sweep 100 x 100 ${swept.toFixed(2)} ms (x${(swept / sweep0).toFixed(3)}), medians of ${rounds} rounds`);
});
