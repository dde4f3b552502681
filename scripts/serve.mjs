// Serves the demo store: examples/plain-html at /, the built script-tag bundle at /dist/, the
// other examples at /examples/.
// No dependencies; used by `npm start` and by the end-to-end tests.
import { createServer } from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The file resolution of `mendunia serve`, the command the docs give shop owners.
import { TYPES, resolveFile } from '../packages/cli/src/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const DEMO_RATES = join(root, 'examples/plain-html/rates/eurofxref-daily.xml');

/** URL prefix → folder. The longest matching prefix wins. */
const DEFAULT_MOUNTS = {
  '/dist/': join(root, 'packages/embed/dist'),
  // The other examples (themes, strict CSP), linked from the demo's footer.
  '/examples/': join(root, 'examples'),
  '/': join(root, 'examples/plain-html'),
};

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
    if (found.file === DEMO_RATES) {
      // The demo's sample rates are illustrative (see the file's header), dated today so that the
      // demo never shows "may be out of date" however old the checkout is.
      const xml = readFileSync(found.file, 'utf8').replace(/time='\d{4}-\d{2}-\d{2}'/, `time='${new Date().toISOString().slice(0, 10)}'`);
      res.writeHead(200, { 'content-type': TYPES['.xml'], 'cache-control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : xml);
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
  // and point the demo at it, so orders are priced and stored by the server.
  let api = process.env.MENDUNIA_API;
  if (process.argv.includes('--with-server')) {
    const apiPort = Number(process.env.API_PORT ?? 8787);
    const child = spawn(process.execPath, [join(root, 'packages/server/bin/mendunia-server.mjs'), '--port', String(apiPort), '--data-dir', join(root, 'data')], { stdio: 'inherit' });
    process.on('exit', () => child.kill());
    process.on('SIGINT', () => process.exit(130));
    api = `http://127.0.0.1:${apiPort}`;
  }
  const server = await serve({ api });
  const { port } = server.address();
  console.log(`Mendunia demo store: http://localhost:${port}/${api ? `  (orders through ${api})` : ''}  (Ctrl+C to stop)`);
}
