// Property tests of the share-link decoder: random and mutated payloads never
// throw anything but a LinkError, never hang, and what is written is read back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeScenario, decodeScenario, LinkError, DECODE_TIMEOUT_MS } from '../../web/link.js';

/** @typedef {{labelcost?: unknown, items?: unknown}} Decoded  a decoded value, before it is checked */
/** @typedef {{name?: unknown, message?: unknown} | null | undefined} Thrown  whatever was thrown */

const RUNS = Number(process.env.FC_RUNS ?? 300);

// Decodes, and returns what happened: null, a scenario, or a LinkError. Any
// other outcome (another exception, or no answer in time) fails the property.
/** @param {string} hash */
async function outcome(hash) {
  const started = performance.now();
  try {
    const value = await decodeScenario(hash);
    assert.ok(value === null || (/** @type {Decoded} */ (value).labelcost === 1 && Array.isArray(/** @type {Decoded} */ (value).items)), `decoded to ${JSON.stringify(value)?.slice(0, 200)}`);
    return value;
  } catch (error) {
    assert.ok(error instanceof LinkError, `threw ${/** @type {Thrown} */ (error)?.name}: ${/** @type {Thrown} */ (error)?.message}`);
    assert.equal(typeof error.message, 'string');
    return error;
  } finally {
    assert.ok(performance.now() - started < DECODE_TIMEOUT_MS + 500, 'decoding took too long');
  }
}

const b64url = (/** @type {Uint8Array} */ bytes) => Buffer.from(bytes).toString('base64url');

describe('link property', () => {
  test('any text after #s= is read or refused, never thrown or hung', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 3000 }), async (s) => {
      await outcome(`#s=${s}`);
      await outcome(`#${s}`);
    }), { numRuns: RUNS });
  });

  test('any bytes as a payload, compressed or not', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
      await outcome(`#s=1.${b64url(bytes)}`);
      await outcome(`#s=1j.${b64url(bytes)}`);
    }), { numRuns: RUNS });
  });

  test('any JSON value as a payload', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
      await outcome(`#s=1j.${b64url(Buffer.from(JSON.stringify(value) ?? 'null'))}`);
    }), { numRuns: RUNS });
  });
});

const scenarios = fc.record({
  labelcost: fc.constant(1),
  name: fc.string({ unit: 'grapheme', maxLength: 60 }),
  rates: fc.constantFrom('wring-2026-03', 'aws-documented-2026-11', 'aws-documented-2026-12'),
  items: fc.array(fc.record({
    kind: fc.constantFrom('labeling', 'auto-labeling', 'rework', 'storage', 'fixed'),
    name: fc.string({ maxLength: 30 }),
    objects: fc.nat(),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }), { maxLength: 30 }),
});

describe('link property', () => {
  test('a scenario is read back exactly as it was written', async () => {
    await fc.assert(fc.asyncProperty(scenarios, async (s) => {
      const fragment = await encodeScenario(s);
      // Compared as JSON: what a link carries (fast-check may build objects
      // with a null prototype, which JSON.parse never returns).
      assert.deepEqual(await decodeScenario(`#${fragment}`), JSON.parse(JSON.stringify(s)));
    }), { numRuns: RUNS });
  });

  test('a written link, damaged anywhere, is refused or read, never thrown', async () => {
    await fc.assert(fc.asyncProperty(scenarios, fc.nat(), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 8 }), async (s, at, how, junk) => {
      const link = `#${await encodeScenario(s)}`;
      const i = at % link.length;
      const damaged = [
        link.slice(0, i),                          // cut short
        link.slice(0, i) + junk + link.slice(i),   // something inserted
        link.slice(0, i) + link.slice(i + 1),      // a character lost
        link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1), // one changed
      ][how];
      await outcome(damaged);
    }), { numRuns: RUNS });
  });
});
