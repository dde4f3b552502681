/**
 * Everything that differs between SQLite and PostgreSQL, in one place. The repository and the
 * migrations are written once, on Kysely; they ask a `Dialect` for these few things:
 *
 * - `types`      the column types a migration uses (timestamps, JSON, money, serial keys)
 * - `begin`      how a write transaction starts (SQLite: BEGIN IMMEDIATE, PostgreSQL: BEGIN)
 * - `readJson`   JSON columns: SQLite returns text, PostgreSQL parses JSONB itself
 * - `rowLocks`   whether SELECT … FOR UPDATE [SKIP LOCKED] exists (PostgreSQL only; SQLite has
 *                one writer at a time, which BEGIN IMMEDIATE already makes us)
 * - `lockMigrations`  PostgreSQL: an advisory lock, so two instances never migrate at once
 * - `uniqueViolation` the unique constraint a failed write broke, named as PostgreSQL names it
 */
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type ColumnDefinitionBuilder, type Transaction } from 'kysely';
import pg from 'pg';
import { ensureDataDir, privateFile } from '../secrets.js';
import type { Database as Tables } from './tables.js';

export type Executor = Transaction<Tables> | Kysely<Tables>;

export interface ColumnTypes {
  /** SQLite keeps ISO-8601 text (it sorts as time) */
  timestamp: 'text' | 'timestamptz';
  json: 'text' | 'jsonb';
  /** rupiah amounts (SQLite integers are 64-bit already) */
  money: 'integer' | 'bigint';
  /** with `serialKey()`: a growing primary key */
  serial: 'integer' | 'bigserial';
}

export interface Dialect {
  kind: 'sqlite' | 'postgres';
  /** where the data is, for the start-up line */
  description: string;
  db: Kysely<Tables>;
  close: () => Promise<void>;
  types: ColumnTypes;
  serialKey: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  begin: 'begin immediate' | 'begin';
  readJson: (value: unknown) => unknown;
  rowLocks: boolean;
  lockMigrations: (trx: Executor) => Promise<void>;
  uniqueViolation: (error: unknown) => string | undefined;
}

/** Any constant: it names the migration lock among other advisory locks on the database. */
const MIGRATION_LOCK = 7_302_451_813;

/**
 * SQLite through better-sqlite3: one file in the data directory, WAL journal, synchronous=FULL
 * (a commit is on disk before the API answers), foreign keys on, 5 s busy timeout for a second
 * process (the CLI) on the same file.
 */
export function sqliteDialect(file: string): Dialect {
  const path = resolve(file);
  let open = openFiles.get(path);
  if (!open) openFiles.set(path, (open = { db: openSqlite(path), users: 0 }));
  open.users += 1;
  const shared = open;
  let closed = false;
  return {
    kind: 'sqlite',
    description: `SQLite ${file}`,
    db: shared.db,
    close: async () => {
      if (closed) return;
      closed = true;
      if (--shared.users > 0) return;
      openFiles.delete(path);
      await shared.db.destroy();
    },
    types: { timestamp: 'text', json: 'text', money: 'integer', serial: 'integer' },
    serialKey: (column) => column.primaryKey().autoIncrement(),
    begin: 'begin immediate',
    readJson: (value) => (value === null || value === undefined ? value : JSON.parse(value as string)),
    rowLocks: false,
    lockMigrations: async () => undefined,
    uniqueViolation: (error) => {
      const e = error as { code?: unknown; message?: unknown } | undefined;
      // "UNIQUE constraint failed: orders.idempotency_key" (columns "t.a, t.b" for a composite key)
      const failed = /constraint failed: ((?:\w+\.\w+(?:, )?)+)/.exec(String(e?.message));
      if (!failed) return undefined;
      const columns = String(failed[1]).split(', ').map((c) => c.split('.'));
      const table = columns[0]?.[0];
      if (e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return `${table}_pkey`;
      if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE') return `${table}_${columns.map((c) => c[1]).join('_')}_key`;
      return undefined;
    },
  };
}

/**
 * One connection per file in a process. Kysely runs a SQLite connection's queries one at a time,
 * transactions included; two connections to one file in one process would not: the second one's
 * BEGIN IMMEDIATE waits (blocking, busy_timeout) for a transaction that cannot go on meanwhile.
 */
const openFiles = new Map<string, { db: Kysely<Tables>; users: number }>();

function openSqlite(file: string): Kysely<Tables> {
  ensureDataDir(dirname(file));
  // Buyers' names, addresses and phone numbers: the owner's only (0600, WAL files alike).
  privateFile(file);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Kysely prepares every query anew; the repository's queries are a fixed set, so keep each
  // prepared statement (better-sqlite3 statements are reusable; Kysely runs one at a time).
  const statements = new Map<string, Database.Statement>();
  const cached = {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) statements.set(text, (statement = database.prepare(text)));
      return statement;
    },
  };
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: cached as unknown as Database.Database }) });
}

/**
 * PostgreSQL through node-postgres, for several server instances sharing one database.
 */
export function postgresDialect(url: string): Dialect {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server (a restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    description: `PostgreSQL ${redact(url)}`,
    db,
    close: () => db.destroy(),
    types: { timestamp: 'timestamptz', json: 'jsonb', money: 'bigint', serial: 'bigserial' },
    serialKey: (column) => column.primaryKey(),
    begin: 'begin',
    readJson: (value) => value,
    rowLocks: true,
    lockMigrations: async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    },
    uniqueViolation: (error) => {
      const e = error as { code?: unknown; constraint?: unknown } | undefined;
      return e?.code === '23505' && typeof e.constraint === 'string' ? e.constraint : undefined;
    },
  };
}

/**
 * A write transaction on one connection, begun the dialect's way (SQLite: BEGIN IMMEDIATE, so
 * two writers never both read before writing).
 */
export function inTransaction<T>(dialect: Dialect, fn: (trx: Kysely<Tables>) => Promise<T>): Promise<T> {
  return dialect.db.connection().execute(async (conn) => {
    await sql.raw(dialect.begin).execute(conn);
    try {
      const result = await fn(conn);
      await sql.raw('commit').execute(conn);
      return result;
    } catch (error) {
      await sql.raw('rollback').execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** The URL without its password, for logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
