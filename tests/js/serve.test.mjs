// The development server: its headers, and its revalidation (a fetch that has
// the current version gets 304, and only then; the offline copy updates
// through it).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';

describe('serve', () => {
  test('a file changed within the second it was served is sent again, not 304', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-serve-'));
    const file = path.join(dir, 'sw.js');
    writeFileSync(file, 'const VERSION = "aaaa";');
    const server = await serve(dir, 0);
    try {
      const url = `${server.origin}/sw.js`;
      const first = await fetch(url);
      assert.equal(first.status, 200);
      await first.text();
      // (A file served whole always has both.)
      const validators = /** @type {Record<string, string>} */ ({ 'if-none-match': first.headers.get('etag'), 'if-modified-since': first.headers.get('last-modified') });
      assert.ok(validators['if-none-match'], 'an entity tag');
      const unchanged = await fetch(url, { headers: validators });
      assert.equal(unchanged.status, 304);
      // A new version of the same size, at once (as a deploy in a test does).
      writeFileSync(file, 'const VERSION = "ffff";');
      const changed = await fetch(url, { headers: validators });
      assert.equal(changed.status, 200);
      assert.equal(await changed.text(), 'const VERSION = "ffff";');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every file may be used by pages on other origins, and keeps its other headers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-serve-'));
    for (const f of ['labelcost-embed.js', 'labelcost-engine.wasm', 'style.css', 'index.html']) writeFileSync(path.join(dir, f), 'x');
    const server = await serve(dir, 0);
    try {
      for (const [f, type] of [['labelcost-embed.js', 'text/javascript; charset=utf-8'], ['labelcost-engine.wasm', 'application/wasm'],
        ['style.css', 'text/css; charset=utf-8'], ['index.html', 'text/html; charset=utf-8']]) {
        const response = await fetch(`${server.origin}/${f}`, { headers: { origin: 'https://docs.example' } });
        await response.text();
        assert.equal(response.status, 200, f);
        assert.equal(response.headers.get('access-control-allow-origin'), '*', f);
        assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin', f);
        assert.equal(response.headers.get('content-type'), type, f);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff', f);
        assert.equal(response.headers.get('cache-control'), 'no-cache', f);
        assert.equal(response.headers.get('content-security-policy'), f === 'index.html' ? CONTENT_SECURITY_POLICY : null, f);
      }
      // A missing file is a 404 that a page elsewhere can read as one.
      const missing = await fetch(`${server.origin}/labelcost-engine.js`, { headers: { origin: 'https://docs.example' } });
      await missing.text();
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('access-control-allow-origin'), '*');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('pages can be served under another policy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-serve-'));
    writeFileSync(path.join(dir, 'host.html'), '<!doctype html>');
    const server = await serve(dir, 0, '127.0.0.1', { contentSecurityPolicy: "default-src 'self'" });
    try {
      const response = await fetch(`${server.origin}/host.html`);
      await response.text();
      assert.equal(response.headers.get('content-security-policy'), "default-src 'self'");
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
