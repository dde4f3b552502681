/**
 * Versioned schema migrations, one entry per version, each written once with Kysely's schema
 * builder; the column types that differ between SQLite and PostgreSQL come from the dialect
 * (`types`, `serialKey`). Applied in order inside a transaction and recorded in
 * `schema_migrations`; a version once released is never edited, a change is a new version.
 *
 * Versions 1 and 2 were first written as SQL text per dialect; what they build here is the same
 * schema (same tables, columns, types, keys, constraints and index names), so a database made
 * by the earlier code migrates on from the version it records.
 */
import { sql } from 'kysely';
import { inTransaction, type Dialect, type Executor } from './dialect.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Executor, dialect: Pick<Dialect, 'types' | 'serialKey'>) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'orders, lines, idempotency keys, events, payments, webhook outbox',
    async up(db, { types, serialKey }) {
      const { timestamp, json, money, serial } = types;
      await db.schema
        .createTable('orders')
        .addColumn('reference', 'text', (c) => c.primaryKey())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('total_idr', money, (c) => c.notNull())
        .addColumn('line_count', 'integer', (c) => c.notNull())
        .addColumn('contact_email', 'text', (c) => c.notNull())
        .addColumn('quote_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('document', json, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('orders_created_at').on('orders').column('created_at').execute();
      await db.schema.createIndex('orders_status').on('orders').column('status').execute();
      await db.schema
        .createTable('order_lines')
        .addColumn('reference', 'text', (c) => c.notNull().references('orders.reference').onDelete('cascade'))
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('variant_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit_price_idr', money, (c) => c.notNull())
        .addColumn('line_total_idr', money, (c) => c.notNull())
        .addColumn('unit_weight_grams', 'integer', (c) => c.notNull())
        .addColumn('hs_code', 'text')
        .addPrimaryKeyConstraint('order_lines_pkey', ['reference', 'line_no'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('status_code', 'integer', (c) => c.notNull())
        // Text, not JSON, on both: a replay is the first response byte for byte.
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .execute();
      await db.schema
        .createTable('order_events')
        .addColumn('id', serial, serialKey)
        .addColumn('reference', 'text', (c) => c.notNull().references('orders.reference').onDelete('cascade'))
        .addColumn('at', timestamp, (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('order_events_reference').on('order_events').column('reference').execute();
      await db.schema
        .createTable('payments')
        .addColumn('reference', 'text', (c) => c.notNull().references('orders.reference').onDelete('cascade'))
        .addColumn('adapter', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('redirect_url', 'text')
        .addColumn('data', json, (c) => c.notNull())
        .addPrimaryKeyConstraint('payments_pkey', ['reference', 'adapter'])
        .execute();
      await db.schema
        .createTable('payment_notifications')
        .addColumn('dedupe_key', 'text', (c) => c.primaryKey())
        .addColumn('adapter', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('received_at', timestamp, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('body', json, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('seq', serial, serialKey)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('payload', json, (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', timestamp, (c) => c.notNull())
        .addColumn('locked_until', timestamp)
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', timestamp)
        .execute();
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
    },
  },
  {
    version: 2,
    name: 'order lines name their variant: variant_name (English), product_names and variant_names (every catalog language, JSON)',
    // Lines of orders placed before this version keep NULL here: their documents hold only the
    // English product name and the variant id, which the views fall back to.
    async up(db, { types }) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('order_lines').addColumn('variant_name', 'text').execute();
      await db.schema.alterTable('order_lines').addColumn('product_names', types.json).execute();
      await db.schema.alterTable('order_lines').addColumn('variant_names', types.json).execute();
    },
  },
  {
    version: 3,
    name: 'merchant dashboard: admin sessions, event data (shipment), orders.buyer_name for search',
    // Sessions are stored by the SHA-256 of their id (a copy of the table signs nobody in) and
    // revoked on the server, so sign-out holds on every instance sharing the database.
    async up(db, { types }) {
      const { timestamp, json } = types;
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('revoked_at', timestamp)
        .execute();
      await db.schema.alterTable('order_events').addColumn('data', json).execute();
      await db.schema.alterTable('orders').addColumn('buyer_name', 'text', (c) => c.notNull().defaultTo('')).execute();
      // The orders placed before: their buyer's name from the document. `->` and `->>` read JSON
      // the same way on both (SQLite 3.38+ on its JSON text, PostgreSQL on jsonb).
      await db.updateTable('orders').set({ buyer_name: sql<string>`COALESCE(document->'contact'->>'name', '')` }).execute();
    },
  },
]);

/**
 * Applies the migrations not yet recorded, up to `until` (all by default), in one transaction.
 * Returns the versions applied.
 */
export async function migrate(dialect: Dialect, { until = Infinity }: { until?: number } = {}): Promise<number[]> {
  return inTransaction(dialect, async (trx) => {
    await dialect.lockMigrations(trx);
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', dialect.types.timestamp, (c) => c.notNull())
      .execute();
    const done = new Set((await trx.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version) || m.version > until) continue;
      await m.up(trx, dialect);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
      applied.push(m.version);
    }
    return applied;
  });
}
