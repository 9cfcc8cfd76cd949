// Undo and redo (web/history.js): steps, merging typing, limits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHistory, HISTORY_LIMIT, MERGE_MS } from '../../web/history.js';

/** @typedef {NonNullable<ReturnType<ReturnType<typeof createHistory>['undo']>>} Undone */

/** @param {number} objects */
const scenario = (objects) => ({ labelcost: 1, items: [{ kind: 'labeling', task: 'image/classification', objects, workforce: 'mturk' }] });

function clock() {
  let t = 0;
  return { now: () => t, tick: (/** @type {number} */ ms) => { t += ms; } };
}

describe('history', () => {
  test('undo and redo walk the steps back and forth', () => {
    const h = createHistory(scenario(1));
    assert.equal(h.canUndo(), false);
    assert.equal(h.undo(), null);
    h.record(scenario(2), 'edit');
    h.record(scenario(3), 'edit');
    assert.deepEqual(h.undo(), { scenario: scenario(2), label: 'edit' });
    assert.deepEqual(h.undo(), { scenario: scenario(1), label: 'edit' });
    assert.equal(h.undo(), null);
    assert.deepEqual(h.redo(), { scenario: scenario(2), label: 'edit' });
    assert.deepEqual(h.redo(), { scenario: scenario(3), label: 'edit' });
    assert.equal(h.redo(), null);
  });

  test('a new change after undo drops what could be redone', () => {
    const h = createHistory(scenario(1));
    h.record(scenario(2), 'a');
    h.undo();
    assert.equal(h.canRedo(), true);
    h.record(scenario(5), 'b');
    assert.equal(h.canRedo(), false);
    assert.deepEqual(/** @type {Undone} */ (h.undo()).scenario, scenario(1));
  });

  test('nothing changed is no step', () => {
    const h = createHistory(scenario(1));
    assert.equal(h.record(scenario(1), 'same'), false);
    assert.equal(h.canUndo(), false);
  });

  test('typing in one field is one step; a pause or another field starts another', () => {
    const c = clock();
    const h = createHistory(scenario(1), { now: c.now });
    for (const n of [2, 20, 200]) {
      c.tick(100);
      h.record(scenario(n), 'objects', { field: 'i1:objects' });
    }
    c.tick(MERGE_MS + 1);
    h.record(scenario(2000), 'objects', { field: 'i1:objects' });
    assert.deepEqual(/** @type {Undone} */ (h.undo()).scenario, scenario(200));
    assert.deepEqual(/** @type {Undone} */ (h.undo()).scenario, scenario(1));
    // After seal() the same field starts a new step at once.
    h.record(scenario(7), 'objects', { field: 'i1:objects' });
    h.seal();
    h.record(scenario(8), 'objects', { field: 'i1:objects' });
    assert.deepEqual(/** @type {Undone} */ (h.undo()).scenario, scenario(7));
  });

  test(`keeps ${HISTORY_LIMIT} steps, at least 50`, () => {
    assert.ok(HISTORY_LIMIT >= 50);
    const h = createHistory(scenario(0));
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h.record(scenario(i), 'edit');
    let steps = 0;
    let last;
    for (let r; (r = h.undo()); steps++) last = r.scenario;
    assert.equal(steps, HISTORY_LIMIT);
    assert.deepEqual(last, scenario(20));
  });

  test('a snapshot is a copy: later changes to the object do not reach it', () => {
    const s = scenario(1);
    const h = createHistory(s);
    s.items[0].objects = 99;
    h.record(s, 'edit');
    assert.equal(/** @type {Undone} */ (h.undo()).scenario.items[0].objects, 1);
  });

  test('labels say what Undo and Redo would do', () => {
    const h = createHistory(scenario(1));
    h.record(scenario(2), 'Remove item 1');
    assert.deepEqual(h.labels(), { undo: 'Remove item 1', redo: null });
    h.undo();
    assert.deepEqual(h.labels(), { undo: null, redo: 'Remove item 1' });
  });
});
