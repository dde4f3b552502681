// `npm start -- --with-server` (scripts/serve.mjs): the API server listens on API_PORT, and
// SIGTERM or SIGINT to the demo stops the API server too.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { SECRET, MERCHANT_TOKEN, tempDir } from './support/server.mjs';

const SERVE = fileURLToPath(new URL('../../../scripts/serve.mjs', import.meta.url));

/** A port nobody listens on right now. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/** Whether something accepts connections on the port. @param {number} port @returns {Promise<boolean>} */
function listening(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** @param {NodeJS.Signals} signal */
async function startAndStop(signal) {
  const dir = tempDir();
  const apiPort = await freePort();
  const child = spawn(process.execPath, [SERVE, '--with-server'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', API_PORT: String(apiPort), MENDUNIA_DATA_DIR: dir.dir, MENDUNIA_SECRET: SECRET, MENDUNIA_MERCHANT_TOKEN: MERCHANT_TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
  try {
    for (const deadline = Date.now() + 20_000; !(/Storefront API on/.test(output) && /Mendunia demo store/.test(output)); ) {
      assert.ok(Date.now() < deadline && child.exitCode === null, `did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(output, new RegExp(`Storefront API on http://127\\.0\\.0\\.1:${apiPort}\\b`));
    assert.match(output, new RegExp(`orders through http://127\\.0\\.0\\.1:${apiPort}`));
    const health = await fetch(`http://127.0.0.1:${apiPort}/api/health`);
    assert.equal(health.status, 200);
    child.kill(signal);
    const result = /** @type {{ code: number | null }} */ (await exited);
    assert.equal(result.code, signal === 'SIGINT' ? 130 : 143, output);
    assert.equal(await listening(apiPort), false, `the API server still listens on ${apiPort} after ${signal}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    dir.remove();
  }
}

describe('npm start -- --with-server', () => {
  test('the API server listens on API_PORT; SIGTERM stops it with the demo', () => startAndStop('SIGTERM'));
  test('SIGINT stops both too', () => startAndStop('SIGINT'));
});
