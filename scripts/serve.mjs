// Serves the demo store: examples/plain-html at /, the built script-tag bundle at /dist/.
// No dependencies; used by `npm start` and by the end-to-end tests.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.xml': 'application/xml; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** URL prefix → folder. The longest matching prefix wins. */
const DEFAULT_MOUNTS = {
  '/dist/': join(root, 'packages/embed/dist'),
  '/': join(root, 'examples/plain-html'),
};

function resolveFile(mounts, pathname) {
  const prefix = Object.keys(mounts)
    .sort((a, b) => b.length - a.length)
    .find((p) => pathname.startsWith(p));
  if (!prefix) return undefined;
  const base = resolve(mounts[prefix]);
  const file = resolve(base, normalize(decodeURIComponent(pathname.slice(prefix.length))));
  if (file !== base && !file.startsWith(base + sep)) return undefined; // no ../ escapes
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return resolveFile({ [pathname.replace(/\/?$/, '/')]: file }, pathname.replace(/\/?$/, '/') + 'index.html');
    return { file, size: stat.size };
  } catch {
    return undefined;
  }
}

/** Starts the server; resolves with it once listening. Port 0 picks a free port. */
export function serve({ port = Number(process.env.PORT ?? 8080), host = '127.0.0.1', mounts = DEFAULT_MOUNTS } = {}) {
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const found = resolveFile(mounts, pathname);
    if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(found ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(found ? 'Method not allowed' : 'Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await serve();
  const { port } = server.address();
  console.log(`Mendunia demo store: http://localhost:${port}/  (Ctrl+C to stop)`);
}
