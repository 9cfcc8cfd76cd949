// Named plans kept in this browser (localStorage): a list of scenarios to
// open again and to compare side by side. Nothing leaves the browser.

import { storage } from './storage.js';

const KEY = 'labelcost:plans';
const FORMAT = 1;

/**
 * The saved plans, oldest first; none where storage is unavailable or what it
 * holds cannot be read.
 * @returns {{id: string, name: string, saved: string, scenario: object}[]}
 */
export function listPlans() {
  try {
    const value = JSON.parse(storage()?.getItem(KEY) ?? 'null');
    if (value?.labelcost_plans !== FORMAT || !Array.isArray(value.plans)) return [];
    return value.plans.filter((/** @type {any} */ p) => p && typeof p.id === 'string' && typeof p.name === 'string' && p.scenario && typeof p.scenario === 'object');
  } catch {
    return [];
  }
}

/**
 * Keeps `plans`; false where storage is unavailable or full.
 * @param {object[]} plans
 */
export function writePlans(plans) {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(KEY, JSON.stringify({ labelcost_plans: FORMAT, plans }));
    return true;
  } catch {
    return false;
  }
}
