/**
 * A database as a server before migration 2 left it: schema version 1 and one order written the
 * way it wrote orders then (lines with the English product name and the variant id only, customs
 * lines described by the product name). Written with plain SQL, on SQLite or PostgreSQL, so the
 * test can check that today's server migrates it and still shows that order.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from '../../dist/db/migrations.js';

/**
 * An order document as version 1 stored it, made from a current one.
 * @param {any} order  a current `mendunia.order/1` document
 * @param {string} reference
 */
export function legacyOrder(order, reference) {
  const copy = structuredClone(order);
  copy.reference = reference;
  for (const line of copy.lines) {
    delete line.productName;
    delete line.variantName;
  }
  copy.customs.lines = copy.customs.lines.map((/** @type {any} */ c, /** @type {number} */ i) => ({ ...c, description: copy.lines[i].name }));
  return copy;
}

/**
 * Creates the version-1 schema in the storage and writes `order` into it as version 1 did.
 * @param {{ dataDir: string, databaseUrl?: string }} settings
 * @param {any} order  from legacyOrder()
 */
export async function writeVersion1Database(settings, order) {
  const v1 = /** @type {import('../../dist/db/migrations.js').Migration} */ (MIGRATIONS[0]);
  const now = new Date().toISOString();
  const orderRow = [order.reference, order.createdAt, now, 'pending_payment', order.address.country, order.totals.totalIdr, order.lines.length, order.contact.email, 'qt_legacy0000', `legacy-${order.reference}`, JSON.stringify(order)];
  const lineRows = order.lines.map((/** @type {any} */ l, /** @type {number} */ i) => [order.reference, i + 1, l.productId, l.variantId ?? null, l.name, l.quantity, l.unitPriceIdr, l.lineTotalIdr, l.unitWeightGrams, l.hsCode ?? null]);
  const orderSql = (/** @type {(n: number) => string} */ p) =>
    `INSERT INTO orders (reference, created_at, updated_at, status, destination, total_idr, line_count, contact_email, quote_id, idempotency_key, document) VALUES (${orderRow.map((_, i) => p(i + 1)).join(', ')})`;
  const lineSql = (/** @type {(n: number) => string} */ p) =>
    `INSERT INTO order_lines (reference, line_no, product_id, variant_id, name, quantity, unit_price_idr, line_total_idr, unit_weight_grams, hs_code) VALUES (${lineRows[0].map((/** @type {unknown} */ _, /** @type {number} */ i) => p(i + 1)).join(', ')})`;

  if (!settings.databaseUrl) {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(settings.dataDir, { recursive: true });
    const db = new Database(join(settings.dataDir, 'mendunia.sqlite'));
    try {
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      db.exec(v1.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(1, v1.name, now);
      db.prepare(orderSql(() => '?')).run(...orderRow);
      for (const row of lineRows) db.prepare(lineSql(() => '?')).run(...row);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
    await client.query(v1.postgres);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [1, v1.name]);
    await client.query(orderSql((n) => `$${n}`), orderRow);
    for (const row of lineRows) await client.query(lineSql((n) => `$${n}`), row);
  } finally {
    await client.end();
  }
}
