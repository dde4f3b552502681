/**
 * A database as a server before migration 2 left it: schema version 1 and one order written the
 * way it wrote orders then (lines with the English product name and the variant id only, customs
 * lines described by the product name), on SQLite or PostgreSQL, so the test can check that
 * today's server migrates it and still shows that order.
 */
import { join } from 'node:path';
import { postgresDialect, sqliteDialect } from '../../dist/db/dialect.js';
import { migrate } from '../../dist/db/migrations.js';

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
  const now = new Date().toISOString();
  const dialect = settings.databaseUrl ? postgresDialect(settings.databaseUrl) : sqliteDialect(join(settings.dataDir, 'mendunia.sqlite'));
  try {
    await migrate(dialect, { until: 1 });
    await dialect.db
      .insertInto('orders')
      .values({
        reference: order.reference, created_at: order.createdAt, updated_at: now, status: 'pending_payment', destination: order.address.country, total_idr: order.totals.totalIdr,
        line_count: order.lines.length, contact_email: order.contact.email, quote_id: 'qt_legacy0000', idempotency_key: `legacy-${order.reference}`, document: JSON.stringify(order),
      })
      .execute();
    // Version 1 has no variant_name, product_names or variant_names columns.
    await dialect.db
      .insertInto('order_lines')
      .values(
        order.lines.map((/** @type {any} */ l, /** @type {number} */ i) => ({
          reference: order.reference, line_no: i + 1, product_id: l.productId, variant_id: l.variantId ?? null, name: l.name,
          quantity: l.quantity, unit_price_idr: l.unitPriceIdr, line_total_idr: l.lineTotalIdr, unit_weight_grams: l.unitWeightGrams, hs_code: l.hsCode ?? null,
        })),
      )
      .execute();
  } finally {
    await dialect.close();
  }
}
