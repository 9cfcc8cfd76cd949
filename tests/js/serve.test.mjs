// The development server's revalidation: a fetch that has the current version
// gets 304, and only then (the offline copy updates through it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';

test('serve: a file changed within the second it was served is sent again, not 304', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'labelcost-serve-'));
  const file = path.join(dir, 'sw.js');
  writeFileSync(file, 'const VERSION = "aaaa";');
  const server = await serve(dir, 0);
  try {
    const url = `${server.origin}/sw.js`;
    const first = await fetch(url);
    assert.equal(first.status, 200);
    await first.text();
    const validators = { 'if-none-match': first.headers.get('etag'), 'if-modified-since': first.headers.get('last-modified') };
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
