// The same acceptance suite on PostgreSQL: a throwaway cluster from Debian's postgresql package
// (initdb + pg_ctl in a temporary directory), or the server named by DATABASE_URL_TEST.
// Skipped, saying why, when neither is available.
import { join } from 'node:path';
import { test } from 'node:test';
import { defineApiSuite } from './api-suite.mjs';
import { postgresUnavailable, startPostgres } from './support/postgres.mjs';
import { tempDir } from './support/server.mjs';

const why = postgresUnavailable();
if (why) {
  test('Storefront API on PostgreSQL', { skip: `PostgreSQL not available: ${why}` }, () => undefined);
} else {
  defineApiSuite('PostgreSQL', async () => {
    const cluster = await startPostgres();
    const root = tempDir('mendunia-pg-data-');
    let n = 0;
    return {
      async storage(name) {
        const dataDir = join(root.dir, `${name}-${++n}`);
        const databaseUrl = await cluster.createDatabase(name);
        return { dataDir, env: { DATABASE_URL: databaseUrl }, settings: { dataDir, databaseUrl } };
      },
      async cleanup() {
        await cluster.stop();
        root.remove();
      },
    };
  });
}
