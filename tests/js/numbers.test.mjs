// Reading typed numbers, and writing the engine's amounts for readers. The
// en-US forms written without Intl are held to Intl itself: the same text for
// every input tried.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { enUS, money, count, percent, fractionPercent, date, readNumber, readPercent } from '../../web/numbers.js';

// The options web/numbers.js gives Intl for each form.
/** @type {Record<'money' | 'unit' | 'count' | 'percent', Intl.NumberFormatOptions>} */
const OPTIONS = {
  // As numbers.js asks: what rounds to zero has no sign.
  money: { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' },
  unit: { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6, signDisplay: 'negative' },
  count: { maximumFractionDigits: 6 },
  percent: { style: 'percent', maximumFractionDigits: 2 },
};

// A small deterministic generator, so that a failure can be replayed.
/** @param {number} seed */
function random(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

// Decimal strings that reach the rounding cases: runs of 9s and 5s, zeros,
// long fractions, long whole parts, negatives.
/**
 * @param {number} n
 * @param {number} seed
 */
function decimals(n, seed) {
  const rnd = random(seed);
  const digit = () => (rnd() < 0.3 ? '9' : rnd() < 0.3 ? '5' : rnd() < 0.2 ? '0' : String(Math.floor(rnd() * 10)));
  const out = ['0', '-0', '0.005', '-0.005', '0.004999', '999.995', '-999.995', '0.0000005', '99999999999.999999', '1e3'];
  for (let i = 0; i < n; i++) {
    const whole = Array.from({ length: 1 + Math.floor(rnd() * 16) }, digit).join('');
    const frac = rnd() < 0.2 ? '' : Array.from({ length: 1 + Math.floor(rnd() * 12) }, digit).join('');
    out.push(`${rnd() < 0.2 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`);
  }
  return out;
}

for (const locale of ['en-US', 'en']) {
  test(`numbers: en-US amounts without Intl read exactly as Intl ${locale} writes them`, () => {
    const intl = Object.fromEntries(Object.entries(OPTIONS).map(([k, o]) => [k, new Intl.NumberFormat(locale, o)]));
    let compared = 0;
    for (const text of decimals(20000, 7)) {
      for (const [kind, mine] of /** @type {[string, string | null][]} */ ([['money', enUS.money(text, false)], ['unit', enUS.money(text, true)], ['count', enUS.count(text)]])) {
        if (mine === null) {
          assert.ok(!/^-?\d+(\.\d+)?$/.test(text), `${kind} ${text} left to Intl`);
          continue;
        }
        assert.equal(mine, intl[kind].format(/** @type {Intl.StringNumericLiteral} */ (text)), `${kind} ${text}`);
        compared++;
      }
    }
    assert.ok(compared > 59000, `compared ${compared}`);
  });

  test(`numbers: en-US percentages without Intl read exactly as Intl ${locale} writes them`, () => {
    const intl = new Intl.NumberFormat(locale, OPTIONS.percent);
    const rnd = random(11);
    const values = [0, 1, -1, 0.5, 0.125, 0.00005, 0.000049, 0.99995, 1e-7, 1e21, 0.1 + 0.2, -0];
    for (const text of decimals(5000, 13)) values.push(Number(text) / 100, Number(text));
    for (let i = 0; i < 20000; i++) values.push((rnd() - 0.3) * 10 ** Math.floor(rnd() * 8 - 4));
    let compared = 0;
    for (const v of values) {
      const mine = enUS.percent(v);
      if (mine === null) continue;
      assert.equal(mine, intl.format(v), String(v));
      compared++;
    }
    assert.ok(compared > 29000, `compared ${compared}`);
  });

  test(`numbers: en-US dates without Intl read exactly as Intl ${locale} writes them`, () => {
    const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86400000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      assert.equal(enUS.date(iso), intl.format(new Date(t)), iso);
    }
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-1', '0050-03-15', 'March', '']) assert.equal(enUS.date(bad), null, bad);
  });
}

describe('numbers', () => {
  test('amounts, counts, percentages and dates as an en-US reader sees them', () => {
    // navigator.language is absent here (Node 20): the en-US forms apply.
    assert.equal(money('1021.15'), '$1,021.15');
    assert.equal(money('999.995'), '$1,000.00');
    assert.equal(money('-1234.5'), '-$1,234.50');
    assert.equal(money('-0.004'), '$0.00');
    assert.equal(money('0.0003', { unit: true }), '$0.0003');
    assert.equal(money('0.00000049', { unit: true }), '$0.00');
    assert.equal(money(''), '');
    assert.equal(count('20000'), '20,000');
    assert.equal(count(1000000), '1,000,000');
    assert.equal(percent('66.7'), '66.7%');
    assert.equal(percent('69.23'), '69.23%');
    assert.equal(fractionPercent('0.0334'), '3.34%');
    assert.equal(date('2026-03-15'), 'Mar 15, 2026');
    assert.equal(date('not a date'), 'not a date');
  });

  test('other languages are written by Intl', (t) => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { language: 'de-DE' }, configurable: true });
    t.after(() => {
      if (before) Object.defineProperty(globalThis, 'navigator', before);
      else delete /** @type {{navigator?: Navigator}} */ (globalThis).navigator;
    });
    assert.equal(money('1021.15'), '1.021,15\u00a0$');
    assert.equal(count('20000'), '20.000');
    assert.equal(date('2026-03-15'), '15.03.2026');
    assert.equal(readNumber('1.000'), '1000');
    assert.equal(readNumber('0,07'), '0.07');
  });

  test('typed numbers become exact decimal strings', () => {
    /** @type {[string, string | null][]} */
    const cases = [
      ['100k', '100000'], ['1,000,000', '1000000'], ['100 000', '100000'], ['1.5M', '1500000'],
      ['$1,200.50', '1200.5'], ['0,07', '0.07'], ['1,000', '1000'], ['2.5', '2.5'], ['0.036', '0.036'],
      ['12bn', '12000000000'], ['1,234.5', '1234.5'], ['1.234,5', '1234.5'],
      ['', null], ['abc', null], ['1,00,0', null], ['1.2.3', null], ['-5', null],
    ];
    for (const [text, expected] of cases) assert.equal(readNumber(text), expected, text);
    assert.equal(readPercent('70%'), '0.7');
    assert.equal(readPercent('12.5 %'), '0.125');
  });
});
