// A fresh project with the packed labelcost installed from its .tgz, as a
// user's project would have it (no registry: the tarball has no dependencies).
import { mkdtempSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** @type {string} */
export const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
export const tarball = process.env.LABELCOST_TGZ ?? path.join(root, `build/labelcost-${version}.tgz`);
const native = process.env.LABELCOST_NATIVE ?? path.join(root, 'build/native');

/**
 * The CLI's JSON answer for these arguments (a last {input} is its standard input).
 * @param {...(string | {input: string})} args
 * @returns {Record<string, unknown>}
 */
export function cli(...args) {
  const { input } = typeof args.at(-1) === 'object' ? /** @type {{input: string}} */ (args.pop()) : {};
  return JSON.parse(execFileSync(path.join(native, 'labelcost'), /** @type {string[]} */ (args), { encoding: 'utf8', input }));
}

/**
 * A temporary project with labelcost installed; `remove()` when done.
 * @param {string} name
 */
export function consumerProject(name) {
  if (!existsSync(tarball)) throw new Error(`no package at ${tarball}: cmake --build --preset wasm`);
  const dir = mkdtempSync(path.join(tmpdir(), `labelcost-${name}-`));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    dir,
    file: (/** @type {string} */ f) => path.join(dir, f),
    write: (/** @type {string} */ f, /** @type {string} */ text) => writeFileSync(path.join(dir, f), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
