// <labelcost-calculator>: the calculator as a custom element for any page.
//
//   <script type="module" src="https://…/labelcost-embed.js"></script>
//   <labelcost-calculator scenario='{"labelcost":1,"items":[…]}'></labelcost-calculator>
//
// Attributes: scenario (format v1 JSON), preset (a preset's name), rates (a
// rate card id, overriding the scenario's), card (your own rate card, as JSON)
// or rates-src (its URL, fetched under the host page's policy; either one
// overrides rates), compact (results only), theme (light, dark or auto), site
// (the calculator page that share links and embed snippets name). The
// element renders in its own Shadow DOM, styled by --lc-* custom properties
// from the host page. Read-only property `result`
// (result format v1); event `labelcost-change` (detail: the result) after
// every estimate. The module and rate cards load from beside this script.
// Anything inside the element (a link to the calculator, say) shows only
// where this script does not run; once it runs, the element shows its own.
// When the engine cannot load, the element says why in its box and logs the
// detail with console.error.
import { startCalculator } from './app.js';

/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./engine.js').LabelcostError} LabelcostError */
/** @typedef {Awaited<ReturnType<typeof startCalculator>>} Calculator */

/* global __LABELCOST_CSS__, __LABELCOST_SITE__ */
async function styles() {
  // The site build puts the stylesheet into this file; unbuilt, it is fetched.
  const text = typeof __LABELCOST_CSS__ === 'string' ? __LABELCOST_CSS__
    : await fetch(new URL('style.css', here)).then((r) => r.text());
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}
/** @type {CSSStyleSheet | null} */
let sheet = null;

// Enough style for a message when the stylesheet itself could not load.
const BARE = ':host { display: block; } .failed { border-left: 4px solid #b3261e; padding: .5rem .75rem; margin: 0; }';

// The files' own address: where a host page's owner has to look. (Made in
// two steps: bundlers take a URL of a name and import.meta.url for a file to
// publish.)
const here = new URL('.', new URL(import.meta.url));
// The calculator page share links name: the site attribute, else the published
// site a build names (LABELCOST_PUBLIC_URL: the npm package has no page of its
// own), else the page beside this script.
const defaultSite = typeof __LABELCOST_SITE__ === 'string' && __LABELCOST_SITE__
  ? __LABELCOST_SITE__ : new URL('index.html', here).href;
const filesFrom = here.protocol === 'file:' ? here.href : here.origin;

/** @param {string} url */
function fileName(url) {
  try {
    return new URL(url).pathname.replace(/^.*\//, '') || url;
  } catch {
    return 'its engine';
  }
}

// What a reader of the page is told when the calculator cannot start, from
// the error and the refusals the page's policy reported meanwhile.
/**
 * @param {Partial<LabelcostError> | null | undefined} error  a LabelcostError or another Error
 * @param {SecurityPolicyViolationEvent[]} refusals
 */
function explain(error, refusals) {
  if (typeof WebAssembly !== 'object') return 'The calculator needs a browser with WebAssembly, which this one does not have.';
  const url = typeof error?.url === 'string' ? error.url : '';
  const message = String(error?.message ?? error).replace(/\.$/, '');
  const refusal = refusals.find((v) => v.blockedURI === 'wasm-eval' || v.blockedURI.startsWith(here.href));
  const start = `The calculator could not load its engine from ${filesFrom}:`;
  if (refusal?.blockedURI === 'wasm-eval' || /Content.Security.Policy/i.test(message)) {
    return `${start} this page's Content-Security-Policy does not allow WebAssembly. Ask the site's owner to add 'wasm-unsafe-eval' to script-src.`;
  }
  if (refusal) {
    return `${start} this page's Content-Security-Policy does not allow ${fileName(refusal.blockedURI)} (${refusal.effectiveDirective}). `
      + `Ask the site's owner to add ${filesFrom} to script-src and connect-src.`;
  }
  if (error?.code === 'load_failed' && error.status) {
    return `${start} ${fileName(url)} is not there (HTTP ${error.status}). Ask the site's owner to publish all of labelcost's files together.`;
  }
  if (error?.code === 'load_failed') {
    return here.origin === location.origin
      ? `${start} ${fileName(url)} could not be fetched. Ask the site's owner to publish all of labelcost's files together.`
      : `${start} ${fileName(url)} could not be fetched: it is missing, or that server does not let other sites use it. `
        + "Ask the site's owner to serve labelcost's files with Access-Control-Allow-Origin, or to host them on this site.";
  }
  return `The calculator could not start: ${message}.`;
}

export class LabelcostCalculator extends HTMLElement {
  static get observedAttributes() {
    return ['scenario', 'preset', 'rates', 'card', 'rates-src', 'compact'];
  }

  #shadow;
  /** @type {Calculator | null} */
  #app = null;
  /** @type {Result | null} */
  #result = null;
  /** @type {Promise<void> | null} */
  #starting = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
  }

  /** The latest estimate (result format v1), or null before the first. */
  get result() {
    return this.#result;
  }

  connectedCallback() {
    this.#starting ??= this.#start();
  }

  /**
   * @param {string} name
   * @param {string | null} before
   * @param {string | null} after
   */
  async attributeChangedCallback(name, before, after) {
    if (!this.#app || before === after) return;
    if (name === 'compact') {
      this.#starting = this.#start();
      return;
    }
    await this.#applyAttributes();
  }

  // The site attribute, when it is a web address; the default otherwise.
  #site() {
    const site = this.getAttribute('site');
    if (!site) return defaultSite;
    try {
      const url = new URL(site, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // reported below
    }
    console.error(`labelcost-calculator: the site attribute is not an http(s) address: ${site}`);
    return defaultSite;
  }

  // What the attributes that choose the scenario say, to notice a change.
  #asked() {
    return JSON.stringify(['scenario', 'preset', 'rates', 'card', 'rates-src'].map((a) => this.getAttribute(a)));
  }

  // Only once the calculator has started.
  async #applyAttributes() {
    const { scenario, notice } = await this.#scenario();
    // A refused scenario (a rate card this build lacks) leaves its own notice.
    if (scenario && !/** @type {Calculator} */ (this.#app).load(scenario)) return;
    /** @type {Calculator} */ (this.#app).notify(notice);
  }

  // Your own prices from the card or rates-src attribute: {card} or {notice}.
  /** @param {string} instead  what happens instead, for the notice */
  async #ownCard(instead) {
    const text = this.getAttribute('card');
    if (text) {
      try {
        return { card: JSON.parse(text) };
      } catch {
        return { notice: `The card attribute is not valid JSON; ${instead}.` };
      }
    }
    const src = this.getAttribute('rates-src');
    if (!src) return {};
    try {
      const response = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { card: await response.json() };
    } catch (error) {
      console.error(`labelcost-calculator: the prices at ${src} could not be loaded:`, error);
      return { notice: `The prices at ${src} could not be loaded; ${instead}.` };
    }
  }

  // The scenario the attributes describe, or a notice of what is wrong.
  async #scenario() {
    let scenario = null;
    let notice = '';
    // Before the calculator starts, a bad attribute means the default scenario;
    // afterwards, the scenario on screen stays.
    const instead = this.#app ? 'the scenario on screen is unchanged' : 'the default scenario is shown instead';
    const text = this.getAttribute('scenario');
    if (text) {
      try {
        scenario = JSON.parse(text);
      } catch {
        notice = `The scenario attribute is not valid JSON; ${instead}.`;
      }
    }
    const preset = this.getAttribute('preset');
    if (!scenario && preset && this.#app) {
      scenario = this.#app.preset(preset);
      if (!scenario) notice = `There is no preset "${preset}"; ${instead}.`;
    }
    const own = await this.#ownCard(instead);
    notice = [notice, own.notice].filter(Boolean).join(' ');
    const rates = own.card ?? this.getAttribute('rates');
    // Before the start, the calculator applies rates to the preset or default.
    if (rates && (scenario || this.#app)) scenario = { ...(scenario ?? /** @type {Calculator} */ (this.#app).scenario()), rates };
    return { scenario, notice, rates };
  }

  async #start() {
    // A refusal by the page's policy is reported as an event, not in the error.
    /** @type {SecurityPolicyViolationEvent[]} */
    const refusals = [];
    /** @param {SecurityPolicyViolationEvent} event */
    const refused = (event) => refusals.push(event);
    document.addEventListener('securitypolicyviolation', refused);
    try {
      await this.#run();
    } catch (error) {
      // The event comes after the failure it causes.
      await new Promise((resolve) => { setTimeout(resolve, 50); });
      this.#fail(error, refusals);
    } finally {
      document.removeEventListener('securitypolicyviolation', refused);
    }
  }

  /**
   * @param {unknown} error
   * @param {SecurityPolicyViolationEvent[]} refusals
   */
  #fail(error, refusals) {
    console.error(`labelcost-calculator: could not start with the files at ${here.href}:`, error,
      ...refusals.map((v) => `(${v.effectiveDirective} refused ${v.blockedURI})`));
    if (!sheet) {
      const bare = new CSSStyleSheet();
      bare.replaceSync(BARE);
      this.#shadow.adoptedStyleSheets = [bare];
    }
    const root = document.createElement('div');
    root.className = 'lc-root';
    const message = document.createElement('p');
    message.className = 'failed';
    message.setAttribute('role', 'alert');
    message.textContent = explain(/** @type {Partial<LabelcostError> | null | undefined} */ (error), refusals);
    root.append(message);
    this.#shadow.replaceChildren(root);
  }

  async #run() {
    sheet ??= await styles();
    this.#shadow.adoptedStyleSheets = [sheet];
    const root = document.createElement('div');
    root.className = 'lc-root';
    root.textContent = 'Loading the calculator…';
    this.#shadow.replaceChildren(root);
    const asked = this.#asked();
    const { scenario, notice, rates } = await this.#scenario();
    const app = await startCalculator(root, {
      scenario,
      preset: scenario ? undefined : this.getAttribute('preset') ?? undefined,
      rates: rates ?? undefined,
      notice,
      compact: this.hasAttribute('compact'),
      siteUrl: this.#site(),
      onResult: (result) => {
        this.#result = /** @type {Result} */ (result);
        this.dispatchEvent(new CustomEvent('labelcost-change', { detail: result, bubbles: true, composed: true }));
      },
    });
    this.#app = app;
    // Attributes set while the calculator was starting (a host's script, a
    // framework rendering after the element connected) apply now.
    if (this.#asked() !== asked) await this.#applyAttributes();
  }
}

if (!customElements.get('labelcost-calculator')) customElements.define('labelcost-calculator', LabelcostCalculator);
