// A small static file server for the built site (no dependencies).
//   node scripts/serve.mjs [DIR] [PORT]      serves DIR (default build/site)
// Also importable: const server = await serve(dir, port); server.origin; await server.close().
// serve(dir, port, host, {contentSecurityPolicy}) serves HTML pages under
// another policy (a host page's, in the tests).
import http from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// The policy labelcost's pages are served with (also in each page's meta tag,
// for hosts that cannot set headers; frame-ancestors works only as a header).
// The single file inlines its script and style and carries its own policy.
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *";

// The site's files are public, and pages on other origins use them: the
// element's module, the engine's glue and its .wasm are fetched in CORS mode
// (and a host page that isolates itself admits only cross-origin resources
// that say they may be embedded). Missing files say so too, so that a page
// elsewhere can tell a missing file from a refused one.
export const PUBLIC_HEADERS = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

/**
 * @param {string} dir
 * @param {number} [port]
 * @param {string} [host]
 * @param {{ contentSecurityPolicy?: string }} [options]
 */
export function serve(dir, port = 8000, host = '127.0.0.1', { contentSecurityPolicy = CONTENT_SECURITY_POLICY } = {}) {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(base, pathname);
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...PUBLIC_HEADERS }).end('not found');
      return;
    }
    if (!stat.isFile()) {
      res.writeHead(404, PUBLIC_HEADERS).end();
      return;
    }
    /** @type {Record<string, string | number>} */
    const headers = {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
      'last-modified': stat.mtime.toUTCString(),
      // Last-Modified counts whole seconds: a file changed within the second
      // it was served would be answered 304. The tag tells them apart.
      etag: `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs * 1000).toString(36)}"`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...PUBLIC_HEADERS,
    };
    if (path.extname(file) === '.html' && path.basename(file) !== 'labelcost.html') headers['content-security-policy'] = contentSecurityPolicy;
    // Revalidation: a fetch that already has this version gets 304 (by its
    // tag when it sends one, which then decides alone).
    const tags = req.headers['if-none-match'];
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    const fresh = tags !== undefined
      ? tags.split(',').some((t) => t.trim() === headers.etag || t.trim() === '*')
      : !Number.isNaN(since) && Math.floor(stat.mtimeMs / 1000) * 1000 <= since;
    if (fresh) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        origin: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2] ?? 'build/site';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8000);
  const { origin } = await serve(dir, port);
  console.log(`labelcost is served at ${origin}/  (Ctrl-C stops it)`);
}
