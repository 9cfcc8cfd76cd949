// Scenarios the browser tests share.

/** 60 items of every kind, with long names and large amounts. */
export function sixtyItems() {
  const tasks = ['image/bounding-box', 'text/classification', 'video/object-tracking', 'image/semantic-segmentation', 'point-cloud/object-detection'];
  const workforces = ['mturk', 'vendor', 'gt-plus', 'vendor-specialized'];
  const items = [];
  for (let i = 0; i < 60; i++) {
    const k = i % 6;
    if (k === 4) items.push({ kind: 'storage', name: `Storage ${i}`, gb: 1000 + i, months: 12 });
    else if (k === 5) items.push({ kind: 'fixed', name: `A fixed cost with a rather long name, number ${i}`, amount: 1000000 + i });
    else items.push({ kind: 'labeling', name: `Labeling batch ${i}`, task: tasks[i % tasks.length], objects: 100000 * (i + 1), workforce: workforces[i % workforces.length], ...(i % 5 === 0 ? { active_learning: {} } : {}) });
  }
  return { labelcost: 1, name: 'Sixty items', items };
}

