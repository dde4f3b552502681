#!/usr/bin/env node
// A throwaway PostgreSQL cluster for trying the server on PostgreSQL by hand:
//   node packages/server/scripts/postgres.mjs
// prints DATABASE_URL=postgres://… ; Ctrl-C stops the cluster and deletes its files.
// The test suite starts its own (test/support/postgres.mjs); this is the same code.
import { postgresUnavailable, startPostgres } from '../test/support/postgres.mjs';

const why = postgresUnavailable();
if (why) {
  process.stderr.write(`${why}\n`);
  process.exit(2);
}
const cluster = await startPostgres();
const url = await cluster.createDatabase('mendunia');
process.stdout.write(`DATABASE_URL=${url}\n(Ctrl-C stops and removes the cluster)\n`);
const stop = () => cluster.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
