// Where a workforce cannot take a task, by any bundled card (AWS: Mechanical
// Turk for video and 3D point cloud), in words for comparisons and the total.

/** @typedef {import('./types.js').Item} Item */
/** @typedef {import('./types.js').LabelingItem} LabelingItem */
/** @typedef {import('./item-model.js').Card} Card */
/** @typedef {import('./item-model.js').CardTask} CardTask */
/** @typedef {{card: Card, task: CardTask, index: number}} Unavailable  an item's task a card says its workforce cannot take */

/**
 * Where a workforce cannot take an item's task, by any bundled card.
 * @param {Card[]} cards   every bundled card
 * @param {Item[]} items   the scenario's items
 * @returns {Map<string, Unavailable[]>}  by workforce id
 */
export function unavailableWorkforces(cards, items) {
  /** @type {Map<string, Unavailable[]>} */
  const out = new Map();
  items.forEach((item, index) => {
    if (item.kind !== 'labeling' || !item.task) return;
    for (const card of cards) {
      const task = card.tasks[item.task];
      for (const wf of task?.unavailable ?? []) {
        if (!out.has(wf)) out.set(wf, []);
        /** @type {Unavailable[]} */ (out.get(wf)).push({ card, task, index });
      }
    }
  });
  return out;
}

/**
 * "Not available for 3D point cloud object detection on AWS documented structure (November 2026)".
 * @param {Unavailable[]} marks
 */
export function unavailableText(marks) {
  /** @type {Map<string, Set<string>>} */
  const byCard = new Map();
  for (const m of marks) {
    if (!byCard.has(m.card.title)) byCard.set(m.card.title, new Set());
    /** @type {Set<string>} */ (byCard.get(m.card.title)).add(m.task.title);
  }
  return [...byCard].map(([card, tasks]) => `Not available for ${[...tasks].join(', ')}, says ${card}.`).join(' ');
}

/**
 * The scenario's own items on workforces that a bundled card says cannot take them.
 * @param {Card[]} cards
 * @param {Item[]} items
 */
export function unavailableWarnings(cards, items) {
  const out = [];
  for (const [wf, marks] of unavailableWorkforces(cards, items)) {
    const own = marks.filter((m) => /** @type {LabelingItem} */ (items[m.index]).workforce === wf);
    for (const card of new Set(own.map((m) => m.card))) {
      const here = own.filter((m) => m.card === card);
      const numbers = [...new Set(here.map((m) => m.index + 1))];
      const tasks = [...new Set(here.map((m) => m.task.title))];
      out.push(`${card.title} says ${card.workforces[wf]?.title ?? wf} is not available for ${tasks.join(', ')} `
        + `(item${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}): the price shown may not be one you can buy.`);
    }
  }
  return out;
}
