// Serves the demo store: examples/plain-html at /, the built script-tag bundle at /dist/, the
// other examples at /examples/.
// No dependencies; used by `npm start` and by the end-to-end tests.
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
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
  // The other examples (themes, strict CSP), linked from the demo's footer.
  '/examples/': join(root, 'examples'),
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

/**
 * Starts the server; resolves with it once listening. Port 0 picks a free port. `headers` are
 * added to every file served (e.g. a Content-Security-Policy for a test).
 */
export function serve({ port = Number(process.env.PORT ?? 8080), host = '127.0.0.1', mounts = DEFAULT_MOUNTS, headers = {}, api } = {}) {
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
    if (api && found.file === join(root, 'examples/plain-html/index.html')) {
      // The demo against a Storefront API server: the same page, its store given `api`.
      const html = readFileSync(found.file, 'utf8').replace('<mendunia-store', `<mendunia-store api="${api}"`);
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...headers,
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
  // `npm start -- --with-server`: also run the reference Storefront API server (packages/server)
  // on API_PORT (8787) with the demo's catalog and checkout (data in MENDUNIA_DATA_DIR or ./data), and point the demo at it, so orders
  // are priced and stored by the server. SIGINT/SIGTERM stop both; the API server stopping on its
  // own (its port taken, a bad setting) stops the demo with its exit code.
  let api = process.env.MENDUNIA_API;
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let stopping = false;
  if (process.argv.includes('--with-server')) {
    const apiPort = Number(process.env.API_PORT || 8787);
    if (!Number.isInteger(apiPort) || apiPort < 0 || apiPort > 65535) {
      console.error(`API_PORT: expected a port number, got "${process.env.API_PORT}"`);
      process.exit(2);
    }
    child = spawn(
      process.execPath,
      [join(root, 'packages/server/bin/mendunia-server.mjs'), '--port', String(apiPort), '--data-dir', process.env.MENDUNIA_DATA_DIR || join(root, 'data'), '--config-dir', join(root, 'examples/plain-html')],
      { stdio: 'inherit' },
    );
    child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`The Storefront API server stopped (${signal ?? `exit code ${code}`}); stopping the demo.`);
      process.exit(code || 1);
    });
    api = `http://127.0.0.1:${apiPort}`;
  }
  const server = await serve({ api });
  const { port } = server.address();
  console.log(`Mendunia demo store: http://localhost:${port}/${api ? `  (orders through ${api})` : ''}  (Ctrl+C to stop)`);
  const stop = (/** @type {NodeJS.Signals} */ signal) => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections?.();
    const code = signal === 'SIGINT' ? 130 : 143;
    if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(code);
    // The API server closes its connections and database, then exits; then so does the demo.
    child.once('exit', () => process.exit(code));
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
