/**
 * The repository, written once on Kysely for SQLite and PostgreSQL (what differs is in
 * dialect.ts). Write paths are short transactions:
 *
 * - insertOrder claims the Idempotency-Key row first (INSERT … ON CONFLICT DO NOTHING RETURNING):
 *   on PostgreSQL a concurrent request with the same key waits on that row and then reads the
 *   first request's response; on SQLite BEGIN IMMEDIATE makes the writers take turns.
 * - changeStatus locks the order row (FOR UPDATE on PostgreSQL) before it reads the status.
 * - claimWebhooks takes due deliveries with FOR UPDATE SKIP LOCKED on PostgreSQL, so two
 *   instances never claim the same one.
 */
import { localise } from '@mendunia/core';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { IdempotencyKeySpentError, ReferenceTakenError, type IdempotentResponse, type OrderFilter, type Repository, type StoredLine, type StoredOrder, type StoredPayment, type WebhookRecord } from './index.js';
import type { Database, OrdersTable } from './tables.js';
import { inTransaction, type Dialect, type Executor } from './dialect.js';
import { migrate } from './migrations.js';


/** A timestamp as either database returns it, as ISO text. */
const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/** LIKE's wildcards (and its escape character) taken literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE of an order filter on `orders as o`: status, days, and `q` (a reference prefix, or
 * part of the buyer's name, any case). One condition for the list and its count.
 */
function orderFilter(filter: OrderFilter) {
  return (eb: ExpressionBuilder<Database & { o: OrdersTable }, 'o'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.status) conditions.push(eb('o.status', '=', filter.status));
    if (filter.since) conditions.push(eb('o.created_at', '>=', new Date(filter.since).toISOString()));
    if (filter.until) conditions.push(eb('o.created_at', '<', new Date(filter.until).toISOString()));
    const q = filter.q?.trim();
    if (q) {
      conditions.push(
        sql<SqlBool>`(o.reference LIKE ${`${likeLiteral(q.toUpperCase())}%`} ESCAPE '\\' OR LOWER(o.buyer_name) LIKE ${`%${likeLiteral(q.toLowerCase())}%`} ESCAPE '\\')`,
      );
    }
    return eb.and(conditions);
  };
}

export function createKyselyRepository(dialect: Dialect): Repository {
  const { db, readJson } = dialect;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of either database
  const idempotent = (row: any): IdempotentResponse | undefined => row && { requestHash: row.request_hash, statusCode: row.status_code, response: JSON.parse(row.response), reference: row.reference };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of either database
  const storedOrder = (row: any): StoredOrder => ({
    reference: row.reference,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    destination: row.destination,
    totalIdr: Number(row.total_idr),
    lineCount: row.line_count,
    storedLines: Number(row.stored_lines),
    contactEmail: row.contact_email,
    order: readJson(row.document) as StoredOrder['order'],
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of either database
  const payment = (row: any): StoredPayment =>
    row && { reference: row.reference, adapter: row.adapter, status: row.status, redirectUrl: row.redirect_url, data: readJson(row.data) as StoredPayment['data'], createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of either database
  const storedLine = (r: any): StoredLine => ({
    lineNo: r.line_no, productId: r.product_id, variantId: r.variant_id, name: r.name, variantName: r.variant_name ?? null,
    productNames: (readJson(r.product_names) as StoredLine['productNames']) ?? null, variantNames: (readJson(r.variant_names) as StoredLine['variantNames']) ?? null, quantity: r.quantity,
    unitPriceIdr: Number(r.unit_price_idr), lineTotalIdr: Number(r.line_total_idr), unitWeightGrams: r.unit_weight_grams, hsCode: r.hs_code,
  });

  /** Orders with the count of their stored lines. */
  const orders = () =>
    db
      .selectFrom('orders as o')
      .selectAll('o')
      .select((eb) => eb.selectFrom('order_lines as l').whereRef('l.reference', '=', 'o.reference').select(eb.fn.countAll().as('n')).as('stored_lines'));

  const insertWebhook = (trx: Executor, w: WebhookRecord, now: string) =>
    trx
      .insertInto('webhook_deliveries')
      .values({ id: w.id, type: w.type, reference: w.reference, payload: JSON.stringify(w.payload), created_at: now, status: 'pending', attempts: 0, next_attempt_at: now })
      .execute();

  const getPayment = async (reference: string, adapter: string) => {
    const row = await db.selectFrom('payments').selectAll().where('reference', '=', reference).where('adapter', '=', adapter).executeTakeFirst();
    return row ? payment(row) : undefined;
  };

  const findKey = async (trx: Executor, key: string) => idempotent(await trx.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst());

  return {
    kind: dialect.kind,
    description: dialect.description,

    migrate: () => migrate(dialect),

    close: () => dialect.close(),

    findIdempotencyKey: (key) => findKey(db, key),

    async insertOrder(o) {
      const order = o.order;
      const now = o.now.toISOString();
      try {
        const existing = await inTransaction(dialect, async (trx) => {
          const claimed = await trx
            .insertInto('idempotency_keys')
            .values({ key: o.key, request_hash: o.requestHash, created_at: now, status_code: o.statusCode, response: JSON.stringify(o.response), reference: order.reference })
            .onConflict((oc) => oc.column('key').doNothing())
            .returning('key')
            .executeTakeFirst();
          if (!claimed) return findKey(trx, o.key);
          await trx
            .insertInto('orders')
            .values({
              reference: order.reference, created_at: order.createdAt, updated_at: now, status: o.status, destination: order.address.country, total_idr: order.totals.totalIdr,
              line_count: order.lines.length, contact_email: order.contact.email, quote_id: o.quoteId, idempotency_key: o.key, document: JSON.stringify(order),
              buyer_name: order.contact.name,
            })
            .execute();
          // One statement for all lines: fewer round trips inside the transaction.
          if (order.lines.length > 0) {
            await trx
              .insertInto('order_lines')
              .values(
                order.lines.map((l, i) => ({
                  reference: order.reference, line_no: i + 1, product_id: l.productId, variant_id: l.variantId ?? null, name: l.name,
                  variant_name: l.variantName === undefined ? null : localise(l.variantName, 'en') || null,
                  product_names: l.productName === undefined ? null : JSON.stringify(l.productName),
                  variant_names: l.variantName === undefined ? null : JSON.stringify(l.variantName),
                  quantity: l.quantity, unit_price_idr: l.unitPriceIdr, line_total_idr: l.lineTotalIdr, unit_weight_grams: l.unitWeightGrams, hs_code: l.hsCode ?? null,
                })),
              )
              .execute();
          }
          await trx
            .insertInto('order_events')
            .values({ reference: order.reference, at: now, type: 'created', from_status: null, to_status: o.status, source: o.source, note: null })
            .execute();
          for (const w of o.webhooks) await insertWebhook(trx, w, now);
          return undefined;
        });
        return existing ? { inserted: false as const, existing } : { inserted: true as const };
      } catch (error) {
        const constraint = dialect.uniqueViolation(error);
        if (constraint === 'orders_pkey') throw new ReferenceTakenError(order.reference);
        if (constraint === 'orders_idempotency_key_key') throw new IdempotencyKeySpentError();
        throw error;
      }
    },

    async purgeIdempotencyKeys(before) {
      const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async getOrder(reference) {
      const row = await orders().where('o.reference', '=', reference).executeTakeFirst();
      if (!row) return undefined;
      const lines = (await db.selectFrom('order_lines').selectAll().where('reference', '=', reference).orderBy('line_no').execute()).map(storedLine);
      const events = (await db.selectFrom('order_events').selectAll().where('reference', '=', reference).orderBy('id').execute()).map((r) => ({
        at: iso(r.at), type: r.type, from: r.from_status, to: r.to_status, source: r.source, note: r.note, data: (readJson(r.data) as Record<string, unknown> | null) ?? null,
      }));
      const payments = (await db.selectFrom('payments').selectAll().where('reference', '=', reference).orderBy('created_at').execute()).map(payment);
      return { summary: storedOrder(row), lines, events, payments };
    },

    async listOrders(filter = {}) {
      const direction = filter.newestFirst ? 'desc' : 'asc';
      let query = orders().where(orderFilter(filter)).orderBy('o.created_at', direction).orderBy('o.reference', direction);
      // OFFSET needs a LIMIT on SQLite: "no limit" is the largest one.
      if (filter.limit !== undefined || filter.offset) query = query.limit(filter.limit ?? Number.MAX_SAFE_INTEGER).offset(filter.offset ?? 0);
      return (await query.execute()).map(storedOrder);
    },

    async countOrders(filter = {}) {
      const row = await db.selectFrom('orders as o').where(orderFilter(filter)).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async changeStatus(reference, change) {
      const now = change.now.toISOString();
      return inTransaction(dialect, async (trx) => {
        const row = await trx
          .selectFrom('orders')
          .select('status')
          .where('reference', '=', reference)
          .$if(dialect.rowLocks, (q) => q.forUpdate())
          .executeTakeFirst();
        if (!row) return { changed: false as const, reason: 'not-found' as const };
        const from = row.status;
        if (!change.allowedFrom.includes(from)) return { changed: false as const, reason: 'conflict' as const, current: from };
        await trx.updateTable('orders').set({ status: change.to, updated_at: now }).where('reference', '=', reference).execute();
        await trx
          .insertInto('order_events')
          .values({ reference, at: now, type: 'status', from_status: from, to_status: change.to, source: change.source, note: change.note ?? null, data: change.data ? JSON.stringify(change.data) : null })
          .execute();
        const webhook = change.webhook(from);
        if (webhook) await insertWebhook(trx, webhook, now);
        return { changed: true as const, from, to: change.to };
      });
    },

    async savePayment(p) {
      const now = p.now.toISOString();
      await db
        .insertInto('payments')
        .values({ reference: p.reference, adapter: p.adapter, created_at: now, updated_at: now, status: p.status, redirect_url: p.redirectUrl, data: JSON.stringify(p.data) })
        .onConflict((oc) => oc.columns(['reference', 'adapter']).doNothing())
        .execute();
      return (await getPayment(p.reference, p.adapter)) as StoredPayment;
    },

    getPayment,

    async recordNotification(n) {
      const result = await db
        .insertInto('payment_notifications')
        .values({ dedupe_key: n.dedupeKey, adapter: n.adapter, reference: n.reference, received_at: n.now.toISOString(), status: n.status, body: JSON.stringify(n.body) })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows) === 1;
    },

    async claimWebhooks({ now, limit, lockMs }) {
      const at = now.toISOString();
      const until = new Date(now.getTime() + lockMs).toISOString();
      const due = db
        .selectFrom('webhook_deliveries')
        .select('seq')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .orderBy('seq')
        .limit(limit)
        .$if(dialect.rowLocks, (q) => q.forUpdate().skipLocked());
      const rows = await inTransaction(dialect, (trx) =>
        trx
          .updateTable('webhook_deliveries')
          .set((eb) => ({ locked_until: until, attempts: eb('attempts', '+', 1) }))
          .where('seq', 'in', due)
          .returning(['id', 'type', 'reference', 'payload', 'attempts', 'seq'])
          .execute(),
      );
      return rows
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map((r) => ({ id: r.id, type: r.type, reference: r.reference, payload: readJson(r.payload), attempts: r.attempts }));
    },

    async finishWebhook(id, result) {
      const now = result.now.toISOString();
      const update = db.updateTable('webhook_deliveries').where('id', '=', id);
      if (result.delivered) await update.set({ status: 'delivered', delivered_at: now, locked_until: null, last_error: null }).execute();
      else if (result.failed) await update.set({ status: 'failed', locked_until: null, last_error: result.error ?? null }).execute();
      else await update.set({ next_attempt_at: (result.nextAttemptAt ?? result.now).toISOString(), locked_until: null, last_error: result.error ?? null }).execute();
    },

    async listWebhooks(filter = {}) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .$if(Boolean(filter.reference), (q) => q.where('reference', '=', filter.reference as string))
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({ id: r.id, type: r.type, reference: r.reference, status: r.status, attempts: r.attempts, lastError: r.last_error, payload: readJson(r.payload) }));
    },

    async createAdminSession(session) {
      const now = session.now.toISOString();
      // Sessions that are over sign nobody in; a sign-in (rare) clears them away.
      await db.deleteFrom('admin_sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('revoked_at', 'is not', null)])).execute();
      await db
        .insertInto('admin_sessions')
        .values({ id_hash: session.idHash, csrf_token: session.csrfToken, created_at: now, last_seen_at: now, expires_at: session.expiresAt.toISOString() })
        .execute();
    },

    // One statement checks the session and marks it used, so it is never extended once over.
    async useAdminSession(idHash, { now, idleSince }) {
      const at = now.toISOString();
      const row = await db
        .updateTable('admin_sessions')
        .set({ last_seen_at: at })
        .where('id_hash', '=', idHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .where('last_seen_at', '>', idleSince.toISOString())
        .returning(['csrf_token', 'created_at', 'expires_at'])
        .executeTakeFirst();
      return row && { csrfToken: row.csrf_token, createdAt: iso(row.created_at), expiresAt: iso(row.expires_at) };
    },

    async revokeAdminSession(idHash, now) {
      await db.updateTable('admin_sessions').set({ revoked_at: now.toISOString() }).where('id_hash', '=', idHash).where('revoked_at', 'is', null).execute();
    },
  };
}
