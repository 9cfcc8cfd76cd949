// Scenarios the browser tests share.

/** @typedef {import('../../web/types.js').Scenario} Scenario */

/**
 * 60 items of every kind, with long names and large amounts.
 * @returns {Scenario}
 */
export function sixtyItems() {
  /** @type {import('../../web/types.js').Task[]} */
  const tasks = ['image/bounding-box', 'text/classification', 'video/object-tracking', 'image/semantic-segmentation', 'point-cloud/object-detection'];
  /** @type {import('../../web/types.js').Workforce[]} */
  const workforces = ['mturk', 'vendor', 'gt-plus', 'vendor-specialized'];
  /** @type {Scenario['items']} */
  const items = [];
  for (let i = 0; i < 60; i++) {
    const k = i % 6;
    if (k === 4) items.push({ kind: 'storage', name: `Storage ${i}`, gb: 1000 + i, months: 12 });
    else if (k === 5) items.push({ kind: 'fixed', name: `A fixed cost with a rather long name, number ${i}`, amount: 1000000 + i });
    else items.push({ kind: 'labeling', name: `Labeling batch ${i}`, task: tasks[i % tasks.length], objects: 100000 * (i + 1), workforce: workforces[i % workforces.length], ...(i % 5 === 0 ? { active_learning: {} } : {}) });
  }
  return { labelcost: 1, name: 'Sixty items', items };
}


/**
 * Three labeling items (yours with stated seconds, a vendor's, Mechanical Turk's) and a schedule.
 * @returns {Scenario}
 */
export function effortAndSchedule() {
  return { labelcost: 1, name: 'Effort and schedule', rates: 'aws-documented-2026-12', schedule: { annotators: 4, hours_per_week: 30 },
    items: [
      { kind: 'labeling', name: 'Product photos of the spring catalogue', task: 'image/classification', objects: 20000, workforce: 'private', workers: 1, seconds_per_object: 6 },
      { kind: 'labeling', name: 'Boxes', task: 'image/bounding-box', objects: 5000, workforce: 'vendor', workers: 2, active_learning: {} },
      { kind: 'labeling', name: 'Crowd check', task: 'image/bounding-box', objects: 2000, workforce: 'mturk', workers: 3 },
    ] };
}
