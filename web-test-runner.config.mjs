import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, chromePath } from './scripts/chrome.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * JSON imported as a module (the i18n locale files) becomes `export default {...}`; JSON
 * fetched by code under test (catalogs, rate feeds) stays JSON. The browser says which is which
 * in Sec-Fetch-Dest. (esbuild's `json: true` would turn fetched JSON into JavaScript too.)
 */
const jsonModules = {
  name: 'json-modules',
  transform(context) {
    if (context.path.endsWith('.json') && context.request.get('sec-fetch-dest') === 'script') {
      return { body: `export default ${context.body};`, headers: { 'content-type': 'text/javascript' } };
    }
    return undefined;
  },
};

export default {
  files: 'packages/*/src/**/*.test.ts',
  nodeResolve: { exportConditions: ['source', 'production', 'browser'] },
  plugins: [jsonModules, esbuildPlugin({ ts: true, tsconfig, target: 'es2022' })],
  // One page at a time: a page in a background tab gets no animation frames (open-wc's fixture()
  // waits for one) and no focus, which makes dialog and keyboard tests hang or flake.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs },
    }),
  ],
};
