/**
 * Starts the real server as a child process (`node bin/mendunia-server.js`) on a free port and
 * waits for its start-up line. Tests talk to it over HTTP only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/mendunia-server.js', import.meta.url));
export const SECRET = 'test-secret-for-signing-quotes-0123456789';
export const MERCHANT_TOKEN = 'test-merchant-token-0123456789';

/** A temporary directory removed by the returned function. */
export function tempDir(prefix = 'mendunia-server-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * @param {{ dataDir: string, env?: Record<string, string | undefined>, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, output: () => string, stop: () => Promise<void>, kill: () => Promise<void> }>}
 */
export function startServer({ dataDir, env = {}, timeoutMs = 20_000 }) {
  const child = spawn(process.execPath, [BIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      HOST: '127.0.0.1',
      MENDUNIA_DATA_DIR: dataDir,
      MENDUNIA_SECRET: SECRET,
      MENDUNIA_MERCHANT_TOKEN: MERCHANT_TOKEN,
      // Tests send bursts from one address; the rate limit has its own test.
      MENDUNIA_RATE_LIMIT: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    const onData = (/** @type {Buffer} */ chunk) => {
      text += chunk.toString();
      const match = /Storefront API on (http:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: /** @type {string} */ (match[1]),
          child,
          output: () => text,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
          async kill() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', (chunk) => (text += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it started:\n${text}`));
    });
  });
}

/**
 * Runs `mendunia-server <args>` to completion.
 * @param {string[]} args  @param {Record<string, string | undefined>} env
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function runCli(args, env) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
