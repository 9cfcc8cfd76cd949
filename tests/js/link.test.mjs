// The share-link codec (web/link.js), run directly under Node.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { encodeScenario, decodeScenario, encodeComparison, decodeComparison, LinkError, MAX_LINK_CHARS } from '../../web/link.js';

const scenario = {
  labelcost: 1, name: 'Ünïcode ✓ "quotes" <b>', rates: 'wring-2026-03',
  items: [{ kind: 'labeling', task: 'image/bounding-box', objects: 20000, workforce: 'mturk', active_learning: { auto_fraction: 0.7 } }],
};

describe('link', () => {
  test('a scenario survives encoding and decoding exactly', async () => {
    const fragment = await encodeScenario(scenario);
    assert.match(fragment, /^s=1\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(await decodeScenario(`#${fragment}`), scenario);
    // Links made by others' deflate read the same.
    const made = `#s=1.${deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64url')}`;
    assert.deepEqual(await decodeScenario(made), scenario);
    // And the uncompressed variant.
    assert.deepEqual(await decodeScenario(`#s=1j.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`), scenario);
  });

  test('the article\'s largest scenario makes a short link', async () => {
    const items = Array.from({ length: 13 }, (_, i) => ({ kind: 'labeling', name: `Item ${i}`, task: 'image/classification', objects: 100000, workforce: 'mturk' }));
    const fragment = await encodeScenario({ labelcost: 1, rates: 'wring-2026-03', items });
    assert.ok(fragment.length < 400, `${fragment.length} characters`);
  });

  test('no link, or another fragment, is not an error', async () => {
    assert.equal(await decodeScenario(''), null);
    assert.equal(await decodeScenario('#'), null);
    assert.equal(await decodeScenario('#section-2'), null);
  });

  test('a 10 MB payload is refused at once, without being read', async () => {
    const started = performance.now();
    await assert.rejects(decodeScenario(`#s=1.${'A'.repeat(10 * 1024 * 1024)}`), (e) => e instanceof LinkError && e.code === 'too_large');
    assert.ok(performance.now() - started < 200);
    await assert.rejects(decodeScenario(`#s=1.${'A'.repeat(MAX_LINK_CHARS + 1)}`), (e) => /** @type {LinkError} */ (e).code === 'too_large');
  });

  test('a payload that inflates past 1 MiB is stopped', async () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 32)).toString('base64url');
    if (bomb.length > MAX_LINK_CHARS) {
      await assert.rejects(decodeScenario(`#s=1.${bomb}`), (e) => /** @type {LinkError} */ (e).code === 'too_large');
    }
    const small = deflateRawSync(Buffer.alloc(2 * 1024 * 1024, 32)).toString('base64url');
    assert.ok(small.length <= MAX_LINK_CHARS);
    await assert.rejects(decodeScenario(`#s=1.${small}`), (e) => /** @type {LinkError} */ (e).code === 'too_large');
  });

  test('versions are checked', async () => {
    await assert.rejects(decodeScenario('#s=2.abc'), (e) => /** @type {LinkError} */ (e).code === 'newer_version');
    await assert.rejects(decodeScenario('#s=0.abc'), (e) => /** @type {LinkError} */ (e).code === 'bad_format');
    await assert.rejects(decodeScenario('#s=1.'), (e) => e instanceof LinkError);
    const future = Buffer.from(JSON.stringify({ labelcost: 2, items: [] })).toString('base64url');
    await assert.rejects(decodeScenario(`#s=1j.${future}`), (e) => /** @type {LinkError} */ (e).code === 'newer_version');
    // A version that is not a number is no version: not "newer".
    const text = `#s=1j.${Buffer.from(JSON.stringify({ labelcost: '2', items: [] })).toString('base64url')}`;
    await assert.rejects(decodeScenario(text), (e) => /** @type {LinkError} */ (e).code === 'bad_payload');
  });

  test('plans side by side survive a comparison link, and a scenario link is not one', async () => {
    const own = { ...scenario, rates: { labelcost_rates: 1, id: 'acme', title: 'Acme' } };
    const plans = [{ name: 'Turk', scenario }, { name: 'Acme ✓', scenario: own }];
    const fragment = await encodeComparison(plans);
    assert.match(fragment, /^c=1\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(await decodeComparison(`#${fragment}`), plans);
    assert.equal(await decodeComparison(`#${await encodeScenario(scenario)}`), null);
    assert.equal(await decodeScenario(`#${fragment}`), null);
    // One plan, or five, is not a comparison.
    const one = `#c=1j.${Buffer.from(JSON.stringify({ labelcost_compare: 1, plans: plans.slice(0, 1) })).toString('base64url')}`;
    await assert.rejects(decodeComparison(one), (e) => e instanceof LinkError && e.code === 'bad_payload');
    const five = `#c=1j.${Buffer.from(JSON.stringify({ labelcost_compare: 1, plans: [...plans, ...plans, plans[0]] })).toString('base64url')}`;
    await assert.rejects(decodeComparison(five), (e) => e instanceof LinkError);
    // A payload that is not an object is not a comparison, and says so as a LinkError.
    for (const value of [null, 1, 'plans', [1, 2]]) {
      const hash = `#c=1j.${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
      await assert.rejects(decodeComparison(hash), (e) => e instanceof LinkError && e.code === 'bad_payload', String(value));
    }
  });
});
