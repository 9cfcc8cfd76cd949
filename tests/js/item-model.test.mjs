// Items apart from the page (web/item-model.js): short option names, stored
// values, fields by path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shortTitle, stored, get, set, newItem, readTyped } from '../../web/item-model.js';

/** @typedef {import('../../web/item-model.js').ItemData} ItemData */

describe('item model', () => {
  test('short option names leave what the group or a hint says beside them', () => {
    assert.deepEqual(shortTitle('3D point cloud semantic segmentation', '3D point cloud'), { short: 'Semantic segmentation', detail: '' });
    assert.deepEqual(shortTitle('Multi-label image classification', 'Image'), { short: 'Multi-label classification', detail: '' });
    assert.deepEqual(shortTitle('Polyline (image-level labeling)', 'Image'), { short: 'Polyline', detail: 'image-level labeling' });
    assert.deepEqual(shortTitle('Vendor (AWS Marketplace)'), { short: 'Vendor', detail: 'AWS Marketplace' });
    assert.deepEqual(shortTitle('Amazon Mechanical Turk'), { short: 'Mechanical Turk', detail: '' });
    // A title that is only the group's word stays as it is.
    assert.deepEqual(shortTitle('Image', 'Image'), { short: 'Image', detail: '' });
  });

  test('a stored value is a number only where the number is exact', () => {
    assert.equal(stored('20000'), 20000);
    assert.equal(stored('0.036'), 0.036);
    assert.equal(stored('12345678901234567890'), '12345678901234567890');
    assert.equal(stored('0.10'), '0.10');
  });

  test('fields by path; emptied groups go, except active learning (it means on)', () => {
    /** @type {Record<string, unknown>} */
    const item = { kind: 'labeling' };
    set(item, 'labor.hourly', 25);
    assert.equal(get(item, 'labor.hourly'), 25);
    set(item, 'labor.hourly', undefined);
    assert.equal('labor' in item, false);
    set(item, 'active_learning.auto_fraction', 0.5);
    set(item, 'active_learning.auto_fraction', undefined);
    assert.deepEqual(item.active_learning, {});
  });

  test('typed text is read into a stored value, or a sentence saying what is wrong', () => {
    assert.deepEqual(readTyped('count', '20k'), { value: 20000 });
    assert.deepEqual(readTyped('money', '$0.05'), { value: 0.05 });
    assert.deepEqual(readTyped('percent', '70%'), { value: 0.7 });
    assert.deepEqual(readTyped('money', ' ', { optional: true }), { value: undefined });
    assert.deepEqual(readTyped('money', ' '), { message: 'Required: type an amount in dollars, like 25 or 0.036.' });
    assert.deepEqual(readTyped('number', '-2'), { message: 'Cannot be negative.' });
    assert.deepEqual(readTyped('number', '\u22122'), { message: 'Cannot be negative.' });
    assert.deepEqual(readTyped('count', 'two'), { message: 'Cannot read "two": type a whole number, like 20000, 20,000 or 20k.' });
  });

  test('a new item of each kind', () => {
    assert.deepEqual(newItem('storage'), { kind: 'storage', gb: 10, months: 1 });
    assert.equal(/** @type {Extract<ItemData, {kind: 'labeling'}>} */ (newItem('labeling', { tasks: { 'text/classification': {} } })).task, 'text/classification');
  });
});
