/**
 * The repository on PostgreSQL through node-postgres (`pg`), for several server instances
 * sharing one database. The Idempotency-Key row is inserted first in the order's transaction
 * with ON CONFLICT DO NOTHING: a concurrent request with the same key waits on that row and
 * then reads the first request's response. Migrations take an advisory lock.
 */
import pg from 'pg';
import { MIGRATIONS } from './migrations.mjs';
import { IdempotencyKeySpentError, ORDER_LINE_COLUMNS, orderLineRows, ReferenceTakenError, storedLine } from './index.mjs';

/** @typedef {import('./index.mjs').Repository} Repository */

/** Any constant: it names the migration lock among other advisory locks on the database. */
const MIGRATION_LOCK = 7_302_451_813;

/** @param {unknown} value */
const iso = (value) => (value instanceof Date ? value.toISOString() : value == null ? null : String(value));

/**
 * @param {string} url
 * @returns {Repository}
 */
export function createPostgresRepository(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server (a restart) must not crash the process.
  pool.on('error', () => undefined);

  /**
   * @template T
   * @param {(client: pg.PoolClient) => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async function transaction(fn) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** @param {any} row */
  const idempotent = (row) => row && { requestHash: row.request_hash, statusCode: row.status_code, response: JSON.parse(row.response), reference: row.reference };
  /** @param {any} row */
  const storedOrder = (row) => ({
    reference: row.reference,
    status: row.status,
    createdAt: /** @type {string} */ (iso(row.created_at)),
    updatedAt: /** @type {string} */ (iso(row.updated_at)),
    destination: row.destination,
    totalIdr: Number(row.total_idr),
    lineCount: row.line_count,
    storedLines: Number(row.stored_lines),
    contactEmail: row.contact_email,
    order: row.document,
  });
  /** @param {any} row */
  const payment = (row) =>
    row && { reference: row.reference, adapter: row.adapter, status: row.status, redirectUrl: row.redirect_url, data: row.data, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
  const ORDER_COLUMNS = `o.*, (SELECT COUNT(*) FROM order_lines l WHERE l.reference = o.reference) AS stored_lines`;

  /** @param {pg.PoolClient} client  @param {import('./index.mjs').WebhookRecord} w  @param {Date} now */
  const insertWebhook = (client, w, now) =>
    client.query(
      `INSERT INTO webhook_deliveries (id, type, reference, payload, created_at, status, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 'pending', 0, $5)`,
      [w.id, w.type, w.reference, JSON.stringify(w.payload), now],
    );

  return {
    kind: 'postgres',
    description: `PostgreSQL ${redact(url)}`,

    async migrate() {
      return transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
        const done = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
        const applied = [];
        for (const m of MIGRATIONS) {
          if (done.has(m.version)) continue;
          await client.query(m.postgres);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
          applied.push(m.version);
        }
        return applied;
      });
    },

    async close() {
      await pool.end();
    },

    async findIdempotencyKey(key) {
      return idempotent((await pool.query('SELECT * FROM idempotency_keys WHERE key = $1', [key])).rows[0]);
    },

    async insertOrder(o) {
      const order = o.order;
      /** @type {import('./index.mjs').IdempotentResponse | undefined} */
      let existing;
      try {
        await transaction(async (client) => {
          const claimed = await client.query(
            `INSERT INTO idempotency_keys (key, request_hash, created_at, status_code, response, reference) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (key) DO NOTHING RETURNING key`,
            [o.key, o.requestHash, o.now, o.statusCode, JSON.stringify(o.response), order.reference],
          );
          if (claimed.rowCount === 0) {
            existing = idempotent((await client.query('SELECT * FROM idempotency_keys WHERE key = $1', [o.key])).rows[0]);
            return;
          }
          await client.query(
            `INSERT INTO orders (reference, created_at, updated_at, status, destination, total_idr, line_count, contact_email, quote_id, idempotency_key, document)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [order.reference, order.createdAt, o.now, o.status, order.address.country, order.totals.totalIdr, order.lines.length, order.contact.email, o.quoteId, o.key, JSON.stringify(order)],
          );
          // One statement for all lines: fewer round trips inside the transaction.
          /** @type {string[]} */
          const values = [];
          /** @type {unknown[]} */
          const params = [];
          for (const row of orderLineRows(order)) {
            values.push(`(${row.map((_, j) => `$${params.length + j + 1}`).join(', ')})`);
            params.push(...row);
          }
          await client.query(`INSERT INTO order_lines (${ORDER_LINE_COLUMNS.join(', ')}) VALUES ${values.join(', ')}`, params);
          await client.query(`INSERT INTO order_events (reference, at, type, from_status, to_status, source) VALUES ($1, $2, 'created', NULL, $3, $4)`, [order.reference, o.now, o.status, o.source]);
          for (const w of o.webhooks) await insertWebhook(client, w, o.now);
        });
      } catch (error) {
        if (/** @type {any} */ (error).code === '23505' && /** @type {any} */ (error).constraint === 'orders_pkey') throw new ReferenceTakenError(order.reference);
        if (/** @type {any} */ (error).code === '23505' && /** @type {any} */ (error).constraint === 'orders_idempotency_key_key') throw new IdempotencyKeySpentError();
        throw error;
      }
      return existing ? { inserted: /** @type {const} */ (false), existing } : { inserted: /** @type {const} */ (true) };
    },

    async purgeIdempotencyKeys(before) {
      return (await pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before])).rowCount ?? 0;
    },

    async getOrder(reference) {
      const row = (await pool.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.reference = $1`, [reference])).rows[0];
      if (!row) return undefined;
      const lines = (await pool.query('SELECT * FROM order_lines WHERE reference = $1 ORDER BY line_no', [reference])).rows.map((r) => storedLine(r, false));
      const events = (await pool.query('SELECT * FROM order_events WHERE reference = $1 ORDER BY id', [reference])).rows.map((r) => ({
        at: /** @type {string} */ (iso(r.at)), type: r.type, from: r.from_status, to: r.to_status, source: r.source, note: r.note,
      }));
      const payments = (await pool.query('SELECT * FROM payments WHERE reference = $1 ORDER BY created_at', [reference])).rows.map(payment);
      return { summary: storedOrder(row), lines, events, payments };
    },

    async listOrders(filter = {}) {
      /** @type {string[]} */
      const where = [];
      /** @type {unknown[]} */
      const args = [];
      const add = (/** @type {string} */ condition, /** @type {unknown} */ value) => {
        args.push(value);
        where.push(`${condition} $${args.length}`);
      };
      if (filter.status) add('o.status =', filter.status);
      if (filter.since) add('o.created_at >=', new Date(filter.since));
      if (filter.until) add('o.created_at <', new Date(filter.until));
      args.push(filter.limit ?? null, filter.offset ?? 0);
      const { rows } = await pool.query(
        `SELECT ${ORDER_COLUMNS} FROM orders o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at, o.reference LIMIT $${args.length - 1} OFFSET $${args.length}`,
        args,
      );
      return rows.map(storedOrder);
    },

    async changeStatus(reference, change) {
      return transaction(async (client) => {
        const row = (await client.query('SELECT status FROM orders WHERE reference = $1 FOR UPDATE', [reference])).rows[0];
        if (!row) return { changed: /** @type {const} */ (false), reason: /** @type {const} */ ('not-found') };
        const from = row.status;
        if (!change.allowedFrom.includes(from)) return { changed: /** @type {const} */ (false), reason: /** @type {const} */ ('conflict'), current: from };
        await client.query('UPDATE orders SET status = $1, updated_at = $2 WHERE reference = $3', [change.to, change.now, reference]);
        await client.query(`INSERT INTO order_events (reference, at, type, from_status, to_status, source, note) VALUES ($1, $2, 'status', $3, $4, $5, $6)`, [
          reference, change.now, from, change.to, change.source, change.note ?? null,
        ]);
        const webhook = change.webhook(from);
        if (webhook) await insertWebhook(client, webhook, change.now);
        return { changed: /** @type {const} */ (true), from, to: change.to };
      });
    },

    async savePayment(p) {
      await pool.query(
        `INSERT INTO payments (reference, adapter, created_at, updated_at, status, redirect_url, data) VALUES ($1, $2, $3, $3, $4, $5, $6)
         ON CONFLICT (reference, adapter) DO NOTHING`,
        [p.reference, p.adapter, p.now, p.status, p.redirectUrl, JSON.stringify(p.data)],
      );
      return payment((await pool.query('SELECT * FROM payments WHERE reference = $1 AND adapter = $2', [p.reference, p.adapter])).rows[0]);
    },

    async getPayment(reference, adapter) {
      return payment((await pool.query('SELECT * FROM payments WHERE reference = $1 AND adapter = $2', [reference, adapter])).rows[0]) ?? undefined;
    },

    async recordNotification(n) {
      const result = await pool.query(
        `INSERT INTO payment_notifications (dedupe_key, adapter, reference, received_at, status, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
        [n.dedupeKey, n.adapter, n.reference, n.now, n.status, JSON.stringify(n.body)],
      );
      return result.rowCount === 1;
    },

    async claimWebhooks({ now, limit, lockMs }) {
      const { rows } = await pool.query(
        `UPDATE webhook_deliveries SET locked_until = $1, attempts = attempts + 1
         WHERE seq IN (SELECT seq FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $2 AND (locked_until IS NULL OR locked_until <= $2)
                       ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING id, type, reference, payload, attempts, seq`,
        [new Date(now.getTime() + lockMs), now, limit],
      );
      return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => ({ id: r.id, type: r.type, reference: r.reference, payload: r.payload, attempts: r.attempts }));
    },

    async finishWebhook(id, result) {
      if (result.delivered) await pool.query(`UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2`, [result.now, id]);
      else if (result.failed) await pool.query(`UPDATE webhook_deliveries SET status = 'failed', locked_until = NULL, last_error = $1 WHERE id = $2`, [result.error ?? null, id]);
      else await pool.query(`UPDATE webhook_deliveries SET next_attempt_at = $1, locked_until = NULL, last_error = $2 WHERE id = $3`, [result.nextAttemptAt ?? result.now, result.error ?? null, id]);
    },

    async listWebhooks(filter = {}) {
      const { rows } = filter.reference
        ? await pool.query('SELECT * FROM webhook_deliveries WHERE reference = $1 ORDER BY seq', [filter.reference])
        : await pool.query('SELECT * FROM webhook_deliveries ORDER BY seq');
      return rows.map((r) => ({ id: r.id, type: r.type, reference: r.reference, status: r.status, attempts: r.attempts, lastError: r.last_error, payload: r.payload }));
    },
  };
}

/** The URL without its password, for logs. @param {string} url */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
