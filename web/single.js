// The single-file build's entry point (labelcost.html): the module's bytes
// are in the file itself, so it works opened from disk, with no requests.
import createLabelcostModule from './labelcost-engine.js';
import wasmBase64 from 'labelcost:wasm';
import { boot } from './page.js';

/** @param {string} text */
function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

boot({
  engineOptions: { factory: createLabelcostModule, wasmBinary: decodeBase64(wasmBase64) },
  offline: false,
}).catch((error) => {
  /** @type {HTMLElement} */ (document.getElementById('app')).textContent = `The calculator could not start: ${error?.message ?? error}.`;
  throw error;
});
