// One list of the engine's codes: src/engine/codes.hpp (the enum and its
// names) and web/codes.js (the same names as a JSDoc type) agree, name for
// name and in order, and every code the engine gives for the bad-input
// catalogue is on the list.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const native = process.env.LABELCOST_NATIVE ?? path.join(root, 'build/native');

/** The names in LABELCOST_CODES(X), without its comments. */
function cppCodes() {
  const header = readFileSync(path.join(root, 'src/engine/codes.hpp'), 'utf8');
  const list = /** @type {RegExpExecArray} */ (/#define LABELCOST_CODES\(X\)([\s\S]*?)\n\s*\n/.exec(header))[1].replace(/\/\*[\s\S]*?\*\//g, '');
  return [...list.matchAll(/\bX\((\w+)\)/g)].map((m) => m[1]);
}

/** The names in web/codes.js's Code typedef. */
function jsCodes() {
  const source = readFileSync(path.join(root, 'web/codes.js'), 'utf8');
  const type = /** @type {RegExpExecArray} */ (/@typedef \{([\s\S]*?)\} Code\b/.exec(source))[1];
  return [...type.matchAll(/'(\w+)'/g)].map((m) => m[1]);
}

describe('codes', () => {
  test('the C++ list and the JavaScript type name the same codes, in the same order', () => {
    const cpp = cppCodes();
    assert.ok(cpp.length >= 30, `${cpp.length} codes`);
    assert.equal(new Set(cpp).size, cpp.length, 'a code listed twice');
    assert.deepEqual(jsCodes(), cpp);
  });

  test('every code of the bad-input catalogue is on the list', () => {
    /** @type {{code: string}[]} */
    const catalogue = JSON.parse(execFileSync(path.join(native, 'tests/labelcost_bad_inputs'), { encoding: 'utf8', maxBuffer: 1 << 26 }));
    const known = new Set(cppCodes());
    const codes = new Set(catalogue.map((c) => c.code));
    assert.ok(codes.size >= 15, `${codes.size} codes`);
    for (const code of codes) assert.ok(known.has(code), `${code} is not in src/engine/codes.hpp`);
  });
});
