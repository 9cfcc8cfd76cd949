// Undo and redo: the scenario's snapshots, newest last. Typing in one field
// is one step (edits of the same field within a short pause are merged);
// every other change is a step of its own. Pure: no DOM, no engine.

/** How many steps back can be undone. */
export const HISTORY_LIMIT = 100;
/** Edits of one field closer together than this (ms) are one step. */
export const MERGE_MS = 1000;

/**
 * @typedef {object} Step
 * @property {string} json     the scenario, as JSON text (a snapshot cannot change later)
 * @property {string} label    what the change was, for "Undo: remove item 2"
 * @property {string} [field]  the field being typed in, for merging
 * @property {number} at       when (ms)
 */

/**
 * @param {object} scenario  the scenario to start from
 * @param {{limit?: number, now?: () => number}} [options]
 */
export function createHistory(scenario, { limit = HISTORY_LIMIT, now = () => Date.now() } = {}) {
  /** @type {Step[]} */
  let past = [{ json: JSON.stringify(scenario), label: 'open', at: now() }];
  /** @type {Step[]} */
  let future = [];

  return {
    /**
     * Records the scenario after a change. Returns false when nothing changed.
     * @param {object} next
     * @param {string} label
     * @param {{field?: string}} [how]  a field key when the change is typing
     */
    record(next, label, { field } = {}) {
      const json = JSON.stringify(next);
      const top = past[past.length - 1];
      if (json === top.json) return false;
      const at = now();
      if (field && top.field === field && at - top.at < MERGE_MS && past.length > 1) {
        past[past.length - 1] = { json, label, field, at };
      } else {
        past.push({ json, label, field, at });
        if (past.length > limit + 1) past = past.slice(past.length - limit - 1);
      }
      future = [];
      return true;
    },
    /** The scenario before the last change, and what that change was; null when none. */
    undo() {
      const undone = past.length < 2 ? undefined : past.pop();
      if (!undone) return null;
      future.push(undone);
      return { scenario: JSON.parse(past[past.length - 1].json), label: undone.label };
    },
    /** The scenario after the last undone change; null when none. */
    redo() {
      const step = future.pop();
      if (!step) return null;
      past.push({ ...step, field: undefined });
      return { scenario: JSON.parse(step.json), label: step.label };
    },
    /** Ends merging: the next edit of the same field is a new step. */
    seal() {
      const top = past[past.length - 1];
      if (top.field) past[past.length - 1] = { ...top, field: undefined };
    },
    canUndo: () => past.length > 1,
    canRedo: () => future.length > 0,
    /** What Undo would undo, and Redo redo. */
    labels: () => ({ undo: past.length > 1 ? past[past.length - 1].label : null, redo: future[future.length - 1]?.label ?? null }),
  };
}
