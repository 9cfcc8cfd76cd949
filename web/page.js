// Opening the calculator page: which scenario (a share link, this browser's
// saved copy, or the default), offline support, and the iframe embed mode.
import { startCalculator } from './app.js';
import { loadEngine } from './engine.js';
import { restoreScenario, saveScenario, clearSaved } from './storage.js';

/** @typedef {Awaited<ReturnType<typeof startCalculator>>} Calculator */

// The link reader loads only when there is a link to read.
const hasLink = () => /(^#|&)s=/.test(location.hash);
const hasComparison = () => /(^#|&)c=/.test(location.hash);
const readLink = async () => (await import('./link.js'));

const FRAME_SOURCE = 'labelcost';
const HOST_SOURCE = 'labelcost-host';

/**
 * @param {{engineOptions?: object, offline?: boolean}} [options]
 */
export async function boot(options = {}) {
  // The engine downloads and compiles while the scenario to open is found;
  // a failure is reported where the calculator awaits it (which tries again).
  loadEngine(options.engineOptions).catch(() => {});
  const root = /** @type {HTMLElement} */ (document.getElementById('app'));
  const params = new URLSearchParams(location.search);
  const framed = params.get('embed') === '1';
  const parentOrigin = framed ? safeOrigin(params.get('parent')) : null;
  if (framed) document.documentElement.classList.add('embedded');

  let scenario = null;
  const notices = [];
  if (hasLink()) {
    const { decodeScenario, LinkError } = await readLink();
    try {
      scenario = await decodeScenario(location.hash);
    } catch (error) {
      if (!(error instanceof LinkError)) throw error;
      notices.push(`${error.message} The default scenario is shown instead.`);
    }
  }
  // A comparison link opens its plans side by side, and the first of them.
  let comparison = null;
  if (hasComparison()) {
    const { decodeComparison, LinkError } = await readLink();
    try {
      comparison = await decodeComparison(location.hash);
      scenario = comparison?.[0]?.scenario ?? null;
    } catch (error) {
      if (!(error instanceof LinkError)) throw error;
      notices.push(`${error.message} The default scenario is shown instead.`);
    }
  }
  if (!scenario && !notices.length && !framed) {
    const saved = /** @type {{scenario?: {[field: string]: unknown}, problem?: string} | null} */ (restoreScenario());
    if (saved?.scenario) scenario = saved.scenario;
    else if (saved?.problem) notices.push(saved.problem);
  }

  // Links point here; from a file (the single file opened from disk), at
  // the published page when the build names it.
  const published = location.protocol === 'file:' ? /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="labelcost-site"]'))?.content : null;
  const app = await startCalculator(root, {
    scenario,
    notice: notices.join(' '),
    persist: true,
    save: framed ? undefined : saveScenario,
    reset: framed ? undefined : clearSaved,
    compact: framed && params.get('compact') === '1',
    siteUrl: published || location.href.replace(/[?#].*$/, ''),
    engineOptions: options.engineOptions,
    comparison: comparison ?? undefined,
    onResult: (result) => {
      if (parentOrigin) parent.postMessage({ source: FRAME_SOURCE, type: 'result', result }, parentOrigin);
    },
  });

  // A link pasted into the address bar opens at once.
  window.addEventListener('hashchange', async () => {
    if (!hasLink() && !hasComparison()) return;
    const { decodeScenario, decodeComparison, LinkError } = await readLink();
    try {
      const plans = hasComparison() ? await decodeComparison(location.hash) : null;
      if (plans) app.showLinkedPlans(plans);
      const next = plans ? plans[0].scenario : await decodeScenario(location.hash);
      if (next && app.load(next)) app.notify('');
    } catch (error) {
      if (error instanceof LinkError) app.notify(`${error.message} The scenario on screen is unchanged.`);
    }
  });

  if (framed) startFrame(app, parentOrigin);
  if (options.offline !== false) registerOffline(app);
  return app;
}

/** @param {string | null} text */
function safeOrigin(text) {
  if (text === null) return null;
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

// In an iframe: report the content's height (to any parent: it says nothing
// about the user) and, when the frame address names its parent's origin,
// send results there and take scenarios from there only.
/**
 * @param {Calculator} app
 * @param {string | null} parentOrigin
 */
function startFrame(app, parentOrigin) {
  if (parent === window) return;
  let lastHeight = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== lastHeight) {
      lastHeight = height;
      parent.postMessage({ source: FRAME_SOURCE, type: 'height', height }, '*');
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== parent || !data || data.source !== HOST_SOURCE) return;
    // A parent whose script started after this frame reported asks again.
    if (data.type === 'measure') {
      lastHeight = 0;
      report();
    }
    if (parentOrigin && event.origin === parentOrigin && data.type === 'load' && data.scenario && typeof data.scenario === 'object') {
      app.load(data.scenario);
    }
  });
  if (!parentOrigin) return;
  parent.postMessage({ source: FRAME_SOURCE, type: 'ready' }, parentOrigin);
}

// After a first visit the page works offline (served over http(s)); a newly
// deployed version installs in the background and is offered for a reload.
/** @param {Calculator} app */
function registerOffline(app) {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  let reloading = false;
  navigator.serviceWorker.register('sw.js').then((registration) => {
    const offer = () => {
      if (registration.waiting && navigator.serviceWorker.controller) {
        app.offerUpdate(() => registration.waiting?.postMessage({ type: 'skip-waiting' }));
      }
    };
    offer();
    registration.addEventListener('updatefound', () => registration.installing?.addEventListener('statechange', offer));
  }).catch(() => {
    // No offline copy, then; the page works as it is.
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !app.updateAccepted) return;
    reloading = true;
    location.reload();
  });
}
