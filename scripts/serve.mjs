// Serves the demo store: examples/plain-html at /, the built script-tag bundle at /dist/, the
// other examples at /examples/.
// No dependencies; used by `npm start` and by the end-to-end tests.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The file serving of `mendunia serve`, the command the docs give shop owners.
import { fileHandler } from '../packages/cli/dist/serve.js';
import { datedToday } from '../examples/shared/demo-shop-files.mjs';

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
  const page = join(root, 'examples/plain-html/index.html');
  const server = createServer(
    fileHandler({
      mounts,
      headers,
      rewrite(file) {
        // The demo's sample rates are illustrative (see the file's header), dated today so that
        // the demo never shows "may be out of date" however old the checkout is.
        if (file === DEMO_RATES) return datedToday(readFileSync(file, 'utf8'));
        // The demo against a Storefront API server: the same page, its store given `api`.
        if (api && file === page) return readFileSync(file, 'utf8').replace('<mendunia-store', `<mendunia-store api="${api}"`);
        return undefined;
      },
    }),
  );
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
      [join(root, 'packages/server/bin/mendunia-server.js'), '--port', String(apiPort), '--data-dir', process.env.MENDUNIA_DATA_DIR || join(root, 'data'), '--config-dir', join(root, 'examples/plain-html')],
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
