// Headless Chromium and the built site on a free port, for the page figures.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The browser and the site's server, or null without playwright-core,
 * Chromium or a built site.
 * @param {string} site
 * @param {string[]} [args]  more Chromium switches
 */
export async function openBrowser(site, args = []) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return null;
  }
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath) || !existsSync(path.join(site, 'index.html'))) return null;
  const { serve } = /** @type {typeof import('../scripts/serve.mjs')} */ (await import(pathToFileURL(path.join(root, 'scripts/serve.mjs')).href));
  const server = await serve(site, 0);
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', ...args] });
  return { browser, server, close: async () => { await browser.close(); await server.close(); } };
}
