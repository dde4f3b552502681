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
