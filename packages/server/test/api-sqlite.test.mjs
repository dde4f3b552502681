// The Storefront API acceptance suite on SQLite (the default storage): a real server process,
// a real database file in a temporary data directory.
import { join } from 'node:path';
import { defineApiSuite } from './api-suite.mjs';
import { tempDir } from './support/server.mjs';

defineApiSuite('SQLite', async () => {
  const root = tempDir('mendunia-sqlite-');
  let n = 0;
  return {
    async storage(name) {
      const dataDir = join(root.dir, `${name}-${++n}`);
      return { dataDir, env: {}, settings: { dataDir } };
    },
    async cleanup() {
      root.remove();
    },
  };
});
