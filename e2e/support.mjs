// Shared set-up of the end-to-end tests: the demo store served on a free port and one headless
// Chromium per test file.
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

/** Starts the demo server and a browser; `stop()` ends both. */
export async function startDemo(options = {}) {
  const server = await serve({ port: 0, ...options });
  const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
  return {
    server,
    browser,
    base: `http://127.0.0.1:${server.address().port}/`,
    async stop() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * Starts the reference server (packages/server, built) as its own process on a free port, with
 * its data in `dataDir`; resolves when it listens. `stop()` ends it.
 * @param {{ dataDir: string, env?: Record<string, string> }} options
 */
export async function startApiServer({ dataDir, env = {} }) {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const port = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = s.address();
      s.close(() => resolve(free));
    });
  });
  const bin = new URL('../packages/server/bin/mendunia-server.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, '--port', String(port), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Storefront API on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
