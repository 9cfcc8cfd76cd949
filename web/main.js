// The calculator page's entry point.
import { boot } from './page.js';

boot().catch((error) => {
  const root = /** @type {HTMLElement} */ (document.getElementById('app'));
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = `The calculator could not start: ${error?.message ?? error}. It needs a browser with WebAssembly.`;
  root.replaceChildren(p);
  throw error;
});
