// Boots the calculator page.
import { startCalculator } from './app.js';

const root = document.getElementById('app');
startCalculator(root).catch((error) => {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = `The calculator could not start: ${error?.message ?? error}. It needs a browser with WebAssembly.`;
  root.replaceChildren(p);
  throw error;
});
