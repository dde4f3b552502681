// Fails early, with instructions, when no Chromium is available for the browser tests.
import { existsSync } from 'node:fs';
import { chromePath } from './chrome.mjs';

const path = chromePath();
if (!path || !existsSync(path)) {
  console.error(
    [
      'Mendunia tests run in a real Chromium, and none was found.',
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  Or point CHROME_PATH at an installed Chrome/Chromium:',
      '    CHROME_PATH=/path/to/chrome npm test',
      '(Tools that download their own browser are not used: this project must work offline.)',
    ].join('\n'),
  );
  process.exit(1);
}
