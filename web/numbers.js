// Reading what people type, and formatting what the engine returns. No prices
// are computed here: typed text becomes an exact decimal string for the
// engine, and the engine's exact decimal strings become localized text.

/** @typedef {import('./types.js').Decimal} Decimal */

const locale = () => (typeof navigator === 'object' && navigator.language) || 'en-US';

// Intl formatters are slow to construct: one of each kind per locale.
/** @type {Map<string, Intl.NumberFormat | Intl.DateTimeFormat>} */
const formats = new Map();
/**
 * @overload
 * @param {string} kind
 * @param {Intl.NumberFormatOptions} options
 * @returns {Intl.NumberFormat}
 */
/**
 * @overload
 * @param {string} kind
 * @param {Intl.DateTimeFormatOptions} options
 * @param {typeof Intl.DateTimeFormat} make
 * @returns {Intl.DateTimeFormat}
 */
/**
 * @param {string} kind
 * @param {Intl.NumberFormatOptions & Intl.DateTimeFormatOptions} options
 * @param {new (locale: string, options: Intl.NumberFormatOptions & Intl.DateTimeFormatOptions) => Intl.NumberFormat | Intl.DateTimeFormat} [make]
 * @returns {Intl.NumberFormat | Intl.DateTimeFormat}
 */
function format(kind, options, make = Intl.NumberFormat) {
  const key = `${locale()}|${kind}`;
  if (!formats.has(key)) formats.set(key, new make(locale(), options));
  return /** @type {Intl.NumberFormat | Intl.DateTimeFormat} */ (formats.get(key));
}

// --- en-US without Intl -------------------------------------------------------
// A page's first Intl formatter costs 11-14 ms (ICU's locale data, once per
// renderer), on the main thread, before the first estimate can show. For
// readers whose language is en-US (or plain "en"), the forms below write
// exactly what Intl writes with the options used further down
// (tests/js/numbers.test.mjs compares them over many inputs). Every other
// locale, and anything these do not cover, goes to Intl.

const plainEnglish = () => locale() === 'en-US' || locale() === 'en';
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Rounds a decimal's digits to `max` fraction digits, half away from zero
// (Intl's default), keeps at least `min`, and groups the whole part by
// thousands. Returns [sign, text] or null for text that is not a plain decimal.
/**
 * @param {string} text
 * @param {number} min
 * @param {number} max
 * @returns {[string, string] | null}
 */
function plainDecimal(text, min, max) {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  let whole = m[2];
  let frac = m[3] ?? '';
  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 53; // '5'
    frac = frac.slice(0, max);
    if (up) {
      // Add one unit in the last kept place, carrying leftwards.
      const digits = (whole + frac).split('');
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') digits[i--] = '0';
      if (i < 0) digits.unshift('1');
      else digits[i] = String.fromCharCode(digits[i].charCodeAt(0) + 1);
      whole = digits.slice(0, digits.length - frac.length).join('');
      frac = digits.slice(digits.length - frac.length).join('');
    }
  }
  frac = frac.replace(/0+$/, '').padEnd(min, '0');
  whole = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+$)/g, ',');
  return [m[1], frac ? `${whole}.${frac}` : whole];
}

/** en-US forms written without Intl; null where they do not apply. Exported for tests. */
export const enUS = {
  /**
   * @param {Decimal} amount
   * @param {boolean} unit
   */
  money(amount, unit) {
    const d = plainDecimal(String(amount), 2, unit ? 6 : 2);
    // What rounds to zero has no sign: "-0.000001" is $0.00.
    return d && `${/[1-9]/.test(d[1]) ? d[0] : ''}$${d[1]}`;
  },
  /** @param {Decimal} value */
  count(value) {
    const d = plainDecimal(String(value), 0, 6);
    return d && d[0] + d[1];
  },
  // Intl takes a percentage as a Number and reads its shortest decimal form.
  /** @param {number} fraction */
  percent(fraction) {
    const text = String(fraction);
    if (!DECIMAL.test(text) || Object.is(fraction, -0)) return null;
    const d = plainDecimal(shiftDecimal(text.replace('-', ''), 2), 0, 2);
    return d && `${text.startsWith('-') ? '-' : ''}${d[1]}%`;
  },
  /** @param {string} iso */
  date(iso) {
    const m = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(iso);
    const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (!d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
    return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${m[1]}`;
  },
};

/**
 * @template {keyof typeof enUS} K
 * @param {K} kind
 * @param {Parameters<(typeof enUS)[K]>} args
 * @returns {string | null}
 */
const plain = (kind, ...args) => (plainEnglish() ? /** @type {(...a: Parameters<(typeof enUS)[K]>) => string | null} */ (enUS[kind])(...args) : null);

// The reader's decimal and group separators.
function separators() {
  if (plainEnglish()) return { decimal: '.', group: ',' };
  const parts = format('count', { maximumFractionDigits: 6 }).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/** @type {Record<string, number>} */
const SUFFIX = { k: 3, m: 6, mm: 6, b: 9, bn: 9 };

/**
 * Moves the decimal point of an unsigned decimal string `shift` places right (left when negative).
 * @param {string} digits
 * @param {number} shift
 */
export function shiftDecimal(digits, shift) {
  let [whole, frac = ''] = digits.split('.');
  if (shift > 0) {
    frac = frac.padEnd(shift, '0');
    whole += frac.slice(0, shift);
    frac = frac.slice(shift);
  } else if (shift < 0) {
    whole = whole.padStart(-shift + 1, '0');
    frac = whole.slice(shift) + frac;
    whole = whole.slice(0, shift);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/**
 * Reads a typed number: "100k", "1,000,000", "100 000", "1.5M", "$1,200.50",
 * "0,07" (where the comma is the decimal separator). Returns an exact decimal
 * string ("100000", "1.5") or null.
 * @param {string} text
 * @returns {string|null}
 */
export function readNumber(text) {
  let s = String(text ?? '').trim().toLowerCase().replace(/^(\$|usd)\s*/, '').replace(/\s*(\$|usd)$/, '');
  let shift = 0;
  const suffix = s.match(/^(.*?)\s*(k|mm|m|bn|b)$/);
  if (suffix) {
    shift = SUFFIX[suffix[2]];
    s = suffix[1];
  }
  s = s.replace(/[\s\u00a0\u202f_']/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  // Which character separates decimals: the later of the two when both
  // appear ("1,234.5", "1.234,5"); a single one unless it groups a thousand
  // the reader's way ("1,000" in English, "1.000" in German); none when one
  // character repeats ("1,000,000").
  let point = null;
  if (dots && commas) point = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    point = sep === separators().group && /^\d{1,3}[.,]\d{3}$/.test(s) ? null : sep;
  }
  let whole = s;
  let frac = '';
  if (point) {
    const at = s.lastIndexOf(point);
    whole = s.slice(0, at);
    frac = s.slice(at + 1);
  }
  if (/[.,]/.test(frac)) return null;
  if (/[.,]/.test(whole)) {
    // Grouping: one separator character, groups of three after the first.
    const sep = /** @type {RegExpMatchArray} */ (whole.match(/[.,]/))[0];
    if (sep === point) return null;
    const groups = whole.split(sep);
    if (groups.some((g) => /[.,]/.test(g)) || !groups[0] || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) return null;
    whole = groups.join('');
  }
  if (!whole && !frac) return null;
  return shiftDecimal(frac ? `${whole || '0'}.${frac}` : whole, shift);
}

/**
 * A whole number, or null.
 * @param {string} text
 */
export function readCount(text) {
  const n = readNumber(text);
  return n !== null && !n.includes('.') ? n : null;
}

/**
 * Reads a percentage ("70%", "70", "12.5 %") as an exact fraction string
 * ("0.7"), or null. Fields that take a percentage say so in their label.
 * @param {string} text
 */
export function readPercent(text) {
  const n = readNumber(String(text ?? '').trim().replace(/\s*%$/, ''));
  return n === null ? null : shiftDecimal(n, -2);
}

/**
 * An exact fraction string as the percentage people read: "0.7" -> "70".
 * @param {Decimal | null | undefined} fraction
 */
export function toPercentText(fraction) {
  return fraction === undefined || fraction === null || fraction === '' ? '' : shiftDecimal(String(fraction), 2);
}

/** @param {boolean} unit */
function moneyFormat(unit) {
  return format(unit ? 'unit' : 'money', {
    style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: unit ? 6 : 2, signDisplay: 'negative',
  });
}

// Intl formats a decimal string exactly (no float rounding) where supported.
/**
 * @param {Decimal} amount
 * @returns {Intl.StringNumericLiteral}
 */
function asFormattable(amount) {
  return /** @type {Intl.StringNumericLiteral} */ (typeof amount === 'string' ? amount : String(amount));
}

/**
 * An amount from the engine ("1021.15") in the reader's locale, in USD: cents
 * for totals, more digits for unit prices ("$0.0003").
 * @param {Decimal | null | undefined} amount
 * @param {{unit?: boolean}} [options]
 */
export function money(amount, { unit = false } = {}) {
  if (amount === null || amount === undefined || amount === '') return '';
  return plain('money', amount, unit) ?? moneyFormat(unit).format(asFormattable(amount));
}

/**
 * A count in the reader's locale: "20000" -> "20,000".
 * @param {Decimal | null | undefined} value
 */
export function count(value) {
  if (value === null || value === undefined || value === '') return '';
  return plain('count', value) ?? format('count', { maximumFractionDigits: 6 }).format(asFormattable(value));
}

/** @param {number} fraction */
function percentOf(fraction) {
  return plain('percent', fraction) ?? format('percent', { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}

/**
 * "66.7" (a percentage from the engine) -> "66.7 %" in the reader's locale.
 * @param {Decimal | null | undefined} value
 */
export function percent(value) {
  if (value === null || value === undefined || value === '') return '';
  return percentOf(Number(value) / 100);
}

/**
 * A fraction ("0.0334") as a percentage with up to two decimals.
 * @param {Decimal | null | undefined} value
 */
export function fractionPercent(value) {
  if (value === null || value === undefined || value === '') return '';
  return percentOf(Number(value));
}

/**
 * A date ("2026-03-15") in the reader's locale.
 * @param {string} iso
 */
export function date(iso) {
  const shown = plain('date', iso);
  if (shown) return shown;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : format('date', { dateStyle: 'medium', timeZone: 'UTC' }, Intl.DateTimeFormat).format(d);
}

/**
 * A compact amount for chart axes: "$1.2K".
 * @param {number} value
 */
export function compactMoney(value) {
  return format('compact', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/**
 * An amount for charts only (never for display or sums).
 * @param {Decimal | null | undefined} amount
 */
export function chartValue(amount) {
  return Number(amount) || 0;
}
