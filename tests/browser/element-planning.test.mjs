// The three planning questions in the element on a host page, each answered
// inside its shadow root: what a budget labels, the effort and schedule of
// the scenario attribute, and two plans compared. Figures worked by hand.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open } from './harness.mjs';

/** @typedef {import('./harness.mjs').Calculator} Calculator */
/** @typedef {Calculator & {readonly result: import('../../web/types.js').Result}} Priced  the element once it has an estimate */

/** @type {import('./harness.mjs').Env} */
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const host = '<!doctype html><title>host</title><link rel="icon" href="data:,"><script type="module" src="/labelcost-embed.js"></script>'
  + '<div style="width:300px"><labelcost-calculator></labelcost-calculator></div>';

// 5,000 boxes from a vendor, 2 workers each, at the card's 105 s: 291.67 h;
// in 2 weeks at 30 h a week, 291.67 / 60 = 4.9 -> 5 annotators. The vendor's
// typical 3x on the AWS card: 5,000 x (2 x 3 x $0.036 + $0.08) = $1,480.00.
const scenario = { labelcost: 1, name: 'Boxes', rates: 'aws-documented-2026-12', schedule: { weeks: 2, hours_per_week: 30 },
  items: [{ kind: 'labeling', name: 'Boxes', task: 'image/bounding-box', objects: 5000, workforce: 'vendor', workers: 2 }] };

describe('element', () => {
  test('a budget, the effort and schedule, and two plans compared', async () => {
    const { page, problems, context } = await open(env, '/host.html', {}, { routes: { '/host.html': host } });
    // Set as a host's script would, while the element is starting.
    await page.evaluate((s) => /** @type {Element} */ (document.querySelector('labelcost-calculator')).setAttribute('scenario', JSON.stringify(s)), scenario);
    await page.waitForFunction(() => /** @type {Calculator | null} */ (document.querySelector('labelcost-calculator'))?.result?.total === '1480.00');
    const inside = (/** @type {string} */ selector) => page.locator(`labelcost-calculator ${selector}`);

    // Effort and schedule, from the attribute's scenario.
    await inside('#effort .schedule-sentence').waitFor();
    assert.match(/** @type {string} */ (await inside('#effort .effort-total').textContent()), /^291\.67 worker-hours of labeling/);
    assert.match(/** @type {string} */ (await inside('#effort .schedule-answer').textContent()), /^To finish in 2 weeks at 30 hours a week: 5 annotators/);
    assert.equal(await page.evaluate(() => /** @type {import('../../web/types.js').ScheduleAnswer} */ (/** @type {Priced} */ (document.querySelector('labelcost-calculator')).result.schedule).annotators), 5);

    // What $1,000 labels: each box costs 2 x 3 x $0.036 + $0.08 = $0.296;
    // $1,000 / $0.296 = 3,378 boxes ($999.888; 3,379 would cost $1,000.184).
    await inside('[data-control="budget"]').fill('1000');
    await page.waitForFunction(() => /3,378 objects/.test(/** @type {Calculator} */ (document.querySelector('labelcost-calculator')).shadowRoot.querySelector('.budget-answer')?.textContent ?? ''));

    // Two plans: this one, and 10,000 boxes ($2,960.00, $1,480.00 more).
    await inside('[data-control="plan-name"]').fill('5,000 boxes');
    await inside('[data-action="save-plan"]').click();
    await inside('.item [data-field="objects"]').first().fill('10000');
    await page.waitForFunction(() => /** @type {Priced} */ (document.querySelector('labelcost-calculator')).result.total === '2960.00');
    await inside('[data-control="plan-name"]').fill('10,000 boxes');
    await inside('[data-action="save-plan"]').click();
    await inside('.plan-comparison table').waitFor();
    assert.match((await inside('.plan-comparison tbody tr').allTextContents())[0], /^Total\$1,480\.00\$2,960\.00\+\$1,480\.00 vs 1$/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
