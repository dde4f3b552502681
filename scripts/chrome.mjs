// One place for how we find and start Chromium (web-test-runner, end-to-end tests, bench).
import { existsSync } from 'node:fs';

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** CHROME_PATH if set, else the first system Chromium found; undefined when there is none. */
export function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return candidates.find((p) => existsSync(p));
}
