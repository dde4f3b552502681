/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary directory, started with pg_ctl
 * on a free port (loopback only), removed at the end. Uses Debian's `postgresql` package
 * (/usr/lib/postgresql/<version>/bin) or binaries on PATH. PostgreSQL refuses to run as root, so
 * as root the cluster belongs to the `postgres` system user (created by the Debian package) and
 * its commands run through `runuser`.
 *
 * As a command: `node packages/server/scripts/postgres.mjs` starts one, prints its DATABASE_URL
 * and keeps it until Ctrl-C.
 *
 * Or set DATABASE_URL_TEST=postgres://… to use a server you already have (each suite run creates
 * and drops its own databases in it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The directory with initdb and pg_ctl, or undefined. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return path ? path.replace(/\/pg_ctl$/, '') : undefined;
}

/** Why Postgres tests cannot run here, or undefined when they can. */
export function postgresUnavailable() {
  if (process.env.DATABASE_URL_TEST) return undefined;
  const bin = findPostgresBin();
  if (!bin) return 'no PostgreSQL server binaries (apt-get install -y postgresql) and no DATABASE_URL_TEST';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root and there is no "postgres" user to run the server as';
  return undefined;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts a cluster (or uses DATABASE_URL_TEST) and returns a way to make fresh databases in it.
 * @returns {Promise<{ adminUrl: string, createDatabase: (name: string) => Promise<string>, stop: () => Promise<void> }>}
 */
export async function startPostgres() {
  const given = process.env.DATABASE_URL_TEST;
  if (given) return withDatabases(given, async () => undefined);

  const bin = /** @type {string} */ (findPostgresBin());
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'mendunia-pg-'));
  const data = join(dir, 'data');
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  /** @param {string} tool  @param {string[]} args */
  const run = (tool, args) => {
    const command = root ? 'runuser' : join(bin, tool);
    const argv = root ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'mendunia', '-E', 'UTF8', '--no-instructions', '--no-sync']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`, 'start']);
  const adminUrl = `postgres://mendunia@127.0.0.1:${port}/postgres`;
  return withDatabases(adminUrl, async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** @param {string} adminUrl  @param {() => Promise<void>} shutdown */
function withDatabases(adminUrl, shutdown) {
  /** @type {string[]} */
  const made = [];
  return {
    adminUrl,
    async createDatabase(/** @type {string} */ name) {
      const db = `${name}_${process.pid}_${made.length}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${db}`);
        await client.query(`CREATE DATABASE ${db}`);
      } finally {
        await client.end();
      }
      made.push(db);
      const url = new URL(adminUrl);
      url.pathname = `/${db}`;
      return url.toString();
    },
    async stop() {
      if (process.env.DATABASE_URL_TEST) {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          for (const db of made) await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      }
      await shutdown();
    },
  };
}
