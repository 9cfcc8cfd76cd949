// Share links: the whole scenario in the URL fragment, never sent to a server.
//
//   #s=1.<payload>    link format 1: deflate-raw (RFC 1951), then base64url
//   #s=1j.<payload>   link format 1, uncompressed: base64url of the JSON text
//
// The payload is a scenario (format v1) with its rate card pinned by id, so a
// link opens the same numbers for as long as that card is bundled. Decoding
// refuses what is too long, inflates past its limit, or is not a scenario,
// with a message; it never evaluates anything.

/** Longest fragment payload read (characters); a scenario of 200 items fits. */
export const MAX_LINK_CHARS = 64 * 1024;
/** Most bytes a payload may inflate to (the engine reads at most 1 MiB). */
export const MAX_SCENARIO_BYTES = 1 << 20;
/** Decoding gives up after this long (a hostile payload must not hang the page). */
export const DECODE_TIMEOUT_MS = 2000;
/** The link format this page writes. */
export const LINK_FORMAT = 1;

/**
 * @typedef {'bad_encoding' | 'bad_format' | 'bad_payload' | 'newer_version' | 'timeout' | 'too_large' |
 *   'unsupported'} LinkErrorCode
 */
/** @typedef {null | boolean | number | string | JsonArray | JsonObject} Json  a value JSON.parse returns */
/** @typedef {Json[]} JsonArray */
/** @typedef {{[key: string]: Json}} JsonObject */

export class LinkError extends Error {
  /**
   * @param {LinkErrorCode} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'LinkError';
    this.code = code;
  }
}

/** @param {Uint8Array} bytes */
function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @param {string} text */
function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError('bad_encoding', 'The link holds characters a labelcost link never has.');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  let binary;
  try {
    binary = atob(b64);
  } catch {
    throw new LinkError('bad_encoding', 'The link is cut short or mistyped.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** @param {Uint8Array<ArrayBuffer>} bytes */
async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates, stopping as soon as the output passes `limit` bytes.
/**
 * @param {Uint8Array<ArrayBuffer>} bytes
 * @param {number} limit
 */
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) throw new LinkError('too_large', `The link unpacks to more than ${Math.round(limit / 1024)} KB; labelcost links are far smaller.`);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof LinkError) throw error;
    throw new LinkError('bad_payload', 'The link is damaged: its data cannot be unpacked.');
  } finally {
    reader.cancel().catch(() => {});
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The fragment for a scenario: "s=1.<payload>".
 * @param {object} scenario  scenario format v1, rate card pinned
 */
export async function encodeScenario(scenario) {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  if (canCompress()) return `s=${LINK_FORMAT}.${toBase64Url(await deflate(json))}`;
  return `s=${LINK_FORMAT}j.${toBase64Url(json)}`;
}

// Older link formats, oldest first: each turns a scenario of its time into one
// the next format reads. Format 1 is the first, so there is nothing to do yet;
// a format 2 would add {from: 1, migrate(scenario) {...}} here.
/** @type {{from: number, migrate: (scenario: JsonObject) => JsonObject}[]} */
const MIGRATIONS = [];

/**
 * @param {JsonObject} scenario
 * @param {number} format  the link format it was written in
 */
function migrate(scenario, format) {
  let s = scenario;
  for (const m of MIGRATIONS) if (m.from >= format) s = m.migrate(s);
  return s;
}

/**
 * Reads a scenario from a location hash ("#s=1.…"). Resolves to null when the
 * hash holds no scenario; rejects with a LinkError when it holds a broken one.
 * @param {string} hash
 * @returns {Promise<JsonObject|null>}
 */
export function decodeScenario(hash) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new LinkError('timeout', 'The link took too long to read.')), DECODE_TIMEOUT_MS);
  });
  return Promise.race([decode(hash), timeout]).finally(() => clearTimeout(timer));
}

/**
 * The fragment for plans side by side: "c=1.<payload>", encoded as a
 * scenario link is, each plan's scenario pinned to its card.
 * @param {{name: string, scenario: object}[]} plans  2 to 4
 */
export async function encodeComparison(plans) {
  return (await encodeScenario({ labelcost_compare: 1, plans: plans.map(({ name, scenario }) => ({ name, scenario })) })).replace(/^s=/, 'c=');
}

/**
 * Reads plans side by side from a location hash ("#c=1.…"): resolves to null
 * when it holds none, rejects with a LinkError when it holds a broken one.
 * @param {string} hash
 * @returns {Promise<{name: string, scenario: JsonObject}[]|null>}
 */
export function decodeComparison(hash) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new LinkError('timeout', 'The link took too long to read.')), DECODE_TIMEOUT_MS);
  });
  const read = readParam(hash, 'c').then((found) => {
    if (found === null) return null;
    const { value, format } = found;
    const plans = isObject(value) && value.labelcost_compare === 1 && Array.isArray(value.plans) ? value.plans : null;
    if (!plans || plans.length < 2 || plans.length > 4
      || !plans.every(isPlan)) {
      throw new LinkError('bad_payload', 'The link holds no labelcost plans to compare.');
    }
    return plans.map((p) => ({ name: p.name, scenario: migrate(p.scenario, format) }));
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @param {Json} value
 * @returns {value is JsonObject}
 */
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * @param {Json} p
 * @returns {p is {name: string, scenario: JsonObject}}
 */
function isPlan(p) {
  return isObject(p) && typeof p.name === 'string' && isObject(p.scenario) && p.scenario.labelcost === 1
    && Array.isArray(p.scenario.items);
}

/** @param {string} hash */
async function decode(hash) {
  const found = await readParam(hash, 's');
  if (found === null) return null;
  const { value: scenario, format } = found;
  if (!isObject(scenario) || !Array.isArray(scenario.items)) {
    throw new LinkError('bad_payload', 'The link holds no labelcost scenario.');
  }
  if (scenario.labelcost !== 1) {
    const newer = typeof scenario.labelcost === 'number' && scenario.labelcost > 1;
    throw new LinkError(newer ? 'newer_version' : 'bad_payload',
      newer ? 'The link holds a scenario from a newer labelcost.' : 'The link holds no labelcost scenario.');
  }
  return migrate(scenario, format);
}

// The JSON value in the hash's `key=` parameter and its link format, or null
// when there is none.
/**
 * @param {string} hash
 * @param {string} key
 * @returns {Promise<{value: Json, format: number} | null>}
 */
async function readParam(hash, key) {
  const text = String(hash ?? '').replace(/^#/, '');
  if (!text) return null;
  const param = text.split('&').find((p) => p.startsWith(`${key}=`));
  if (param === undefined) return null;
  const value = param.slice(key.length + 1);
  if (value.length > MAX_LINK_CHARS) throw new LinkError('too_large', 'The link is far longer than any labelcost link.');
  const dot = value.indexOf('.');
  if (dot < 0) throw new LinkError('bad_format', 'The link is not a labelcost scenario link.');
  const version = value.slice(0, dot);
  const m = /^(\d{1,4})(j?)$/.exec(version);
  if (!m) throw new LinkError('bad_format', 'The link is not a labelcost scenario link.');
  const format = Number(m[1]);
  if (format > LINK_FORMAT) throw new LinkError('newer_version', `The link was made by a newer labelcost (link format ${format}); this page reads format ${LINK_FORMAT} and older.`);
  if (format < 1) throw new LinkError('bad_format', 'The link is not a labelcost scenario link.');
  const bytes = fromBase64Url(value.slice(dot + 1));
  let json;
  if (m[2]) {
    if (bytes.length > MAX_SCENARIO_BYTES) throw new LinkError('too_large', 'The link is far longer than any labelcost link.');
    json = bytes;
  } else {
    if (!canCompress()) throw new LinkError('unsupported', 'This browser cannot unpack compressed links (it lacks DecompressionStream).');
    json = await inflate(bytes, MAX_SCENARIO_BYTES);
  }
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)), format };
  } catch {
    throw new LinkError('bad_payload', 'The link is damaged: it holds no readable scenario.');
  }
}
