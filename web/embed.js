// <labelcost-calculator>: the calculator as a custom element for any page.
//
//   <script type="module" src="https://…/labelcost-embed.js"></script>
//   <labelcost-calculator scenario='{"labelcost":1,"items":[…]}'></labelcost-calculator>
//
// Attributes: scenario (format v1 JSON), preset (a preset's name), rates (a
// rate card id, overriding the scenario's), compact (results only), theme
// (light, dark or auto). The element renders in its own Shadow DOM, styled by
// --lc-* custom properties from the host page. Read-only property `result`
// (result format v1); event `labelcost-change` (detail: the result) after
// every estimate. The module and rate cards load from beside this script.
import { startCalculator } from './app.js';

/* global __LABELCOST_CSS__ */
async function styles() {
  // The site build puts the stylesheet into this file; unbuilt, it is fetched.
  const text = typeof __LABELCOST_CSS__ === 'string' ? __LABELCOST_CSS__
    : await fetch(new URL('style.css', import.meta.url)).then((r) => r.text());
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}
let sheet = null;

class LabelcostCalculator extends HTMLElement {
  static get observedAttributes() {
    return ['scenario', 'preset', 'rates', 'compact'];
  }

  #shadow;
  #app = null;
  #result = null;
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

  attributeChangedCallback(name, before, after) {
    if (!this.#app || before === after) return;
    if (name === 'compact') {
      this.#starting = this.#start();
      return;
    }
    const { scenario, notice } = this.#scenario();
    // A refused scenario (a rate card this build lacks) leaves its own notice.
    if (scenario && !this.#app.load(scenario)) return;
    this.#app.notify(notice);
  }

  // The scenario the attributes describe, or a notice of what is wrong.
  #scenario() {
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
    const rates = this.getAttribute('rates');
    if (rates) scenario = { ...(scenario ?? this.#app?.scenario() ?? { labelcost: 1, items: [] }), rates };
    return { scenario, notice };
  }

  async #start() {
    sheet ??= await styles();
    this.#shadow.adoptedStyleSheets = [sheet];
    const root = document.createElement('div');
    root.className = 'lc-root';
    root.textContent = 'Loading the calculator…';
    this.#shadow.replaceChildren(root);
    const { scenario, notice } = this.#scenario();
    this.#app = await startCalculator(root, {
      scenario,
      preset: scenario ? undefined : this.getAttribute('preset') ?? undefined,
      rates: this.getAttribute('rates') ?? undefined,
      notice,
      compact: this.hasAttribute('compact'),
      siteUrl: new URL('index.html', import.meta.url).href,
      onResult: (result) => {
        this.#result = result;
        this.dispatchEvent(new CustomEvent('labelcost-change', { detail: result, bubbles: true, composed: true }));
      },
    });
  }
}

if (!customElements.get('labelcost-calculator')) customElements.define('labelcost-calculator', LabelcostCalculator);
