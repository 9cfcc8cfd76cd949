// "Effort and time" in the page (the element: element-planning.test.mjs): worker-hours by item, a
// schedule typed by keyboard both ways (a team's weeks, a deadline's team),
// undone, carried by a share link, and said in words where it cannot be used.
// Every figure below is worked by hand: objects x workers x seconds / 3,600.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, total, tabTo, inFreshContext, copyLink } from './harness.mjs';

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// Yours: 20,000 photos x 1 worker x 6 s = 33.33 h. A vendor's: 5,000 boxes x
// 2 workers x the card's 105 s = 291.67 h (16 s: 44.44; 323 s: 897.22).
// Mechanical Turk's: 2,000 x 3 x 105 s = 175 h (26.67 to 538.33), counted
// but not scheduled. In all 500 h; 325 h by people you staff (77.78 to 930.56).
const scenario = { labelcost: 1, rates: 'aws-documented-2026-12', items: [
  { kind: 'labeling', name: 'Photos', task: 'image/classification', objects: 20000, workforce: 'private', workers: 1, seconds_per_object: 6 },
  { kind: 'labeling', name: 'Boxes', task: 'image/bounding-box', objects: 5000, workforce: 'vendor', workers: 2 },
  { kind: 'labeling', name: 'Crowd check', task: 'image/bounding-box', objects: 2000, workforce: 'mturk', workers: 3 },
] };
const link = (/** @type {unknown} */ s) => `/#s=1j.${Buffer.from(JSON.stringify(s)).toString('base64url')}`;
/** @param {import('playwright-core').Page} page */
const answer = (page) => /** @type {Promise<string>} */ (page.locator('#effort .schedule-answer').textContent());
const focusedField = () => /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.field ?? /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.control ?? null;

describe('effort', () => {
  test('worker-hours by item, a schedule typed both ways by keyboard, undone, and carried by a link', async () => {
    const { page, problems, context } = await open(env, link(scenario));
    await total(page);
    await page.waitForSelector('#effort .effort-total');
    assert.equal(await page.textContent('#effort .effort-total'),
      '500 worker-hours of labeling, 104.44 to 1,468.89 across the range; 325 of them by people you staff.');
    const rows = await page.locator('#effort tbody tr').allTextContents();
    assert.match(rows[0], /Photos.*20,000 by people × 1 worker.*6 s.*yours.*33\.33/);
    assert.match(rows[1], /Boxes.*5,000 by people × 2 workers.*105 s.*rate card.*291\.67.*44\.44 to 897\.22/);
    assert.match(rows[2], /Crowd check.*175.*26\.67 to 538\.33/);
    assert.match(/** @type {string} */ (await page.textContent('#effort .effort-notes')), /3\. Crowd check: Mechanical Turk and Ground Truth Plus choose their own people/);

    // A team of 4 at 30 hours a week: 325 / 120 = 2.71 -> 2.8 weeks (77.78 /
    // 120 -> 0.7; 930.56 / 120 -> 7.8); photos end at 33.33 / 120 -> 0.3.
    await tabTo(page, (f) => /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.field === f, 'schedule.annotators');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(focusedField), 'schedule.hours_per_week');
    await page.keyboard.type('30');
    await page.waitForFunction(() => /2\.8 weeks/.test(document.querySelector('#effort .schedule-answer')?.textContent ?? ''));
    assert.match(await answer(page), /^4 annotators at 30 hours a week finish in 2\.8 weeks \(0\.7 to 7\.8 weeks across the range\)\.Photos: weeks 0 to 0\.3Boxes: weeks 0\.3 to 2\.8$/);

    // A deadline instead, by the radio buttons: in 2 weeks, 325 / 60 = 5.4 ->
    // 6 annotators (77.78 / 60 -> 2; 930.56 / 60 -> 16).
    await tabTo(page, (c) => /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.control === c, 'schedule-annotators', { shift: true });
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(focusedField), 'schedule-weeks');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(focusedField), 'schedule.weeks');
    await page.keyboard.type('2');
    await page.waitForFunction(() => /6 annotators/.test(document.querySelector('#effort .schedule-answer')?.textContent ?? ''));
    assert.match(await answer(page), /^To finish in 2 weeks at 30 hours a week: 6 annotators \(2 to 16 across the range\)\./);

    // What cannot be used is said at its field, and changes nothing.
    await page.keyboard.press('Backspace');
    await page.keyboard.type('soon');
    assert.equal(await page.locator('[data-field="schedule.weeks"] + .msg').textContent(), 'Type a number of weeks, like 4 or 2.5.');
    await page.fill('[data-field="schedule.weeks"]', '2000');
    assert.match(/** @type {string} */ (await page.locator('[data-field="schedule.weeks"] + .msg').textContent()), /^Must be from .* to 1,040/);
    await page.fill('[data-field="schedule.weeks"]', '2');
    await page.waitForFunction(() => !document.querySelector('[data-field="schedule.weeks"] + .msg')?.textContent);

    // The link carries the schedule: the same answer in a fresh browser.
    const copied = await copyLink(page, context);
    await inFreshContext(env, copied, async (again) => {
      await again.waitForSelector('#effort .schedule-sentence');
      assert.match(/** @type {string} */ (await again.textContent('#effort .schedule-answer')), /^To finish in 2 weeks at 30 hours a week: 6 annotators/);
      assert.equal(await again.locator('[data-field="schedule.weeks"]').inputValue(), '2');
      assert.equal(await again.locator('[data-control="schedule-weeks"]').isChecked(), true);
    });

    // Undo goes back through the deadline (typed, then chosen: no schedule
    // yet) to the team's weeks.
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => /Type how many annotators you have/.test(document.querySelector('#effort .schedule-answer')?.textContent ?? ''));
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => /2\.8 weeks/.test(document.querySelector('#effort .schedule-answer')?.textContent ?? ''));
    assert.equal(await page.locator('[data-control="schedule-annotators"]').isChecked(), true);
    assert.equal(await page.locator('[data-field="schedule.annotators"]').inputValue(), '4');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an item\'s own seconds change its hours, and a team too small for an object\'s workers is said', async () => {
    const { page, problems, context } = await open(env, link({ ...scenario, schedule: { annotators: 1, hours_per_week: 40 } }));
    await page.waitForSelector('#effort .schedule-sentence');
    // Boxes need 2 different workers each: 1 annotator is too few.
    assert.match(await answer(page), /Each object of Boxes is labeled by 2 different workers, more than your 1 annotators: the weeks assume at least 2 people\./);
    assert.doesNotMatch(/** @type {string} */ (await page.textContent('#summary')), /different workers/);
    // 60 s a box of your own: 5,000 x 2 x 60 s = 166.67 h; yours in all
    // 33.33 + 166.67 = 200 h, 200 / 40 = 5.0 weeks.
    const boxes = page.locator('.item').nth(1);
    // Its More options are open: it states its workers.
    assert.equal(await boxes.locator('details.more').evaluate((/** @type {HTMLDetailsElement} */ d) => d.open), true);
    await boxes.locator('[data-field="seconds_per_object"]').fill('60');
    await page.waitForFunction(() => /5 weeks/.test(document.querySelector('#effort .schedule-answer')?.textContent ?? ''));
    assert.match((await page.locator('#effort tbody tr').allTextContents())[1], /60 s.*yours.*166\.67/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
