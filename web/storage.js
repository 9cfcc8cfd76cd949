// The current scenario, saved in this browser and restored on the next visit.
// A saved value that cannot be read (damaged, or written by a newer labelcost)
// is kept aside under its own key, never overwritten, and the page says so.

const KEY = 'labelcost:scenario';
const KEPT_PREFIX = 'labelcost:kept:';
const FORMAT = 1;

/** This browser's localStorage, or null where it is blocked (sandboxed frames, some file:// pages). */
export function storage() {
  try {
    return window.localStorage ?? null;
  } catch {
    return null; // storage blocked (sandboxed frames, some file:// pages)
  }
}

/**
 * Saves the scenario; silently does nothing where storage is unavailable or full.
 * @param {object} scenario
 */
export function saveScenario(scenario) {
  try {
    storage()?.setItem(KEY, JSON.stringify({ labelcost_saved: FORMAT, saved: new Date().toISOString(), scenario }));
  } catch {
    // Quota exceeded or storage denied: the page works without it.
  }
}

/** Forgets the saved scenario (kept-aside copies stay). */
export function clearSaved() {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing saved, then
  }
}

/** @param {string} raw */
function keepAside(raw) {
  const key = `${KEPT_PREFIX}${new Date().toISOString()}`;
  try {
    storage()?.setItem(key, raw);
    storage()?.removeItem(KEY);
    return key;
  } catch {
    return null;
  }
}

/**
 * The saved scenario, if any.
 * @returns {{scenario: {[field: string]: unknown}} | {problem: string, keptAs: string|null} | null}
 */
export function restoreScenario() {
  let raw;
  try {
    raw = storage()?.getItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  let value = null;
  try {
    value = JSON.parse(raw);
  } catch {
    // damaged: kept aside below
  }
  const scenario = value?.scenario;
  const newer = value && (value.labelcost_saved > FORMAT || scenario?.labelcost > 1);
  const usable = value && value.labelcost_saved === FORMAT && scenario && typeof scenario === 'object'
    && scenario.labelcost === 1 && Array.isArray(scenario.items);
  if (usable) return { scenario };
  const keptAs = keepAside(raw);
  const where = keptAs ? ` It is kept in this browser's storage as "${keptAs}".` : '';
  return {
    problem: newer
      ? `The scenario saved in this browser was written by a newer labelcost and is not opened here.${where}`
      : `The scenario saved in this browser is damaged and could not be opened.${where}`,
    keptAs,
  };
}
