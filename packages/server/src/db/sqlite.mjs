/**
 * The repository on SQLite through better-sqlite3: one file in the data directory, WAL journal,
 * synchronous=FULL (a commit is on disk before the API answers), foreign keys on. Writes are
 * `BEGIN IMMEDIATE` transactions, so two requests with one Idempotency-Key cannot both insert.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.mjs';
import { IdempotencyKeySpentError, ORDER_LINE_COLUMNS, orderLineRows, ReferenceTakenError, storedLine } from './index.mjs';
import { ensureDataDir, privateFile } from '../secrets.mjs';

/** @typedef {import('./index.mjs').Repository} Repository */

/**
 * @param {string} file
 * @returns {Repository}
 */
export function createSqliteRepository(file) {
  ensureDataDir(dirname(file));
  // Buyers' names, addresses and phone numbers: the owner's only (0600, WAL files alike).
  privateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const cache = new Map();
  const sql = (/** @type {string} */ text) => {
    let statement = cache.get(text);
    if (!statement) cache.set(text, (statement = db.prepare(text)));
    return statement;
  };
  /** @template T @param {() => T} fn @returns {T} */
  const immediate = (fn) => db.transaction(fn).immediate();

  /** @param {any} row */
  const idempotent = (row) => row && { requestHash: row.request_hash, statusCode: row.status_code, response: JSON.parse(row.response), reference: row.reference };
  /** @param {any} row */
  const storedOrder = (row) => ({
    reference: row.reference,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    destination: row.destination,
    totalIdr: row.total_idr,
    lineCount: row.line_count,
    storedLines: row.stored_lines,
    contactEmail: row.contact_email,
    order: JSON.parse(row.document),
  });
  /** @param {any} row */
  const payment = (row) =>
    row && { reference: row.reference, adapter: row.adapter, status: row.status, redirectUrl: row.redirect_url, data: JSON.parse(row.data), createdAt: row.created_at, updatedAt: row.updated_at };
  const ORDER_COLUMNS = `o.*, (SELECT COUNT(*) FROM order_lines l WHERE l.reference = o.reference) AS stored_lines`;

  /** @param {import('./index.mjs').WebhookRecord} w  @param {string} now */
  const insertWebhook = (w, now) =>
    sql(`INSERT INTO webhook_deliveries (id, type, reference, payload, created_at, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)`).run(
      w.id, w.type, w.reference, JSON.stringify(w.payload), now, now,
    );

  return {
    kind: 'sqlite',
    description: `SQLite ${file}`,

    async migrate() {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      return immediate(() => {
        const done = new Set(sql('SELECT version FROM schema_migrations').all().map((r) => /** @type {any} */ (r).version));
        const applied = [];
        for (const m of MIGRATIONS) {
          if (done.has(m.version)) continue;
          db.exec(m.sqlite);
          sql('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
          applied.push(m.version);
        }
        return applied;
      });
    },

    async close() {
      db.close();
    },

    async findIdempotencyKey(key) {
      return idempotent(sql('SELECT * FROM idempotency_keys WHERE key = ?').get(key));
    },

    async insertOrder(o) {
      const now = o.now.toISOString();
      return immediate(() => {
        const existing = idempotent(sql('SELECT * FROM idempotency_keys WHERE key = ?').get(o.key));
        if (existing) return { inserted: /** @type {const} */ (false), existing };
        const order = o.order;
        try {
          sql(
            `INSERT INTO orders (reference, created_at, updated_at, status, destination, total_idr, line_count, contact_email, quote_id, idempotency_key, document)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(order.reference, order.createdAt, now, o.status, order.address.country, order.totals.totalIdr, order.lines.length, order.contact.email, o.quoteId, o.key, JSON.stringify(order));
        } catch (error) {
          if (/** @type {any} */ (error).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ReferenceTakenError(order.reference);
          if (/** @type {any} */ (error).code === 'SQLITE_CONSTRAINT_UNIQUE' && /orders\.idempotency_key/.test(String(/** @type {any} */ (error).message))) throw new IdempotencyKeySpentError();
          throw error;
        }
        const line = sql(`INSERT INTO order_lines (${ORDER_LINE_COLUMNS.join(', ')}) VALUES (${ORDER_LINE_COLUMNS.map(() => '?').join(', ')})`);
        for (const values of orderLineRows(order)) line.run(...values);
        sql(`INSERT INTO order_events (reference, at, type, from_status, to_status, source, note) VALUES (?, ?, 'created', NULL, ?, ?, NULL)`).run(order.reference, now, o.status, o.source);
        for (const w of o.webhooks) insertWebhook(w, now);
        sql('INSERT INTO idempotency_keys (key, request_hash, created_at, status_code, response, reference) VALUES (?, ?, ?, ?, ?, ?)').run(
          o.key, o.requestHash, now, o.statusCode, JSON.stringify(o.response), order.reference,
        );
        return { inserted: /** @type {const} */ (true) };
      });
    },

    async purgeIdempotencyKeys(before) {
      return sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(before.toISOString()).changes;
    },

    async getOrder(reference) {
      const row = sql(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.reference = ?`).get(reference);
      if (!row) return undefined;
      const lines = sql('SELECT * FROM order_lines WHERE reference = ? ORDER BY line_no').all(reference).map((/** @type {any} */ r) => storedLine(r, true));
      const events = sql('SELECT * FROM order_events WHERE reference = ? ORDER BY id').all(reference).map((/** @type {any} */ r) => ({
        at: r.at, type: r.type, from: r.from_status, to: r.to_status, source: r.source, note: r.note,
      }));
      const payments = sql('SELECT * FROM payments WHERE reference = ? ORDER BY created_at').all(reference).map(payment);
      return { summary: storedOrder(row), lines, events, payments };
    },

    async listOrders(filter = {}) {
      /** @type {string[]} */
      const where = [];
      /** @type {unknown[]} */
      const args = [];
      const add = (/** @type {string} */ condition, /** @type {unknown} */ value) => {
        where.push(condition);
        args.push(value);
      };
      if (filter.status) add('o.status = ?', filter.status);
      if (filter.since) add('o.created_at >= ?', new Date(filter.since).toISOString());
      if (filter.until) add('o.created_at < ?', new Date(filter.until).toISOString());
      const rows = db
        .prepare(`SELECT ${ORDER_COLUMNS} FROM orders o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at, o.reference LIMIT ? OFFSET ?`)
        .all(...args, filter.limit ?? -1, filter.offset ?? 0);
      return rows.map(storedOrder);
    },

    async changeStatus(reference, change) {
      const now = change.now.toISOString();
      return immediate(() => {
        const row = /** @type {any} */ (sql('SELECT status FROM orders WHERE reference = ?').get(reference));
        if (!row) return { changed: /** @type {const} */ (false), reason: /** @type {const} */ ('not-found') };
        const from = row.status;
        if (!change.allowedFrom.includes(from)) return { changed: /** @type {const} */ (false), reason: /** @type {const} */ ('conflict'), current: from };
        sql('UPDATE orders SET status = ?, updated_at = ? WHERE reference = ?').run(change.to, now, reference);
        sql(`INSERT INTO order_events (reference, at, type, from_status, to_status, source, note) VALUES (?, ?, 'status', ?, ?, ?, ?)`).run(reference, now, from, change.to, change.source, change.note ?? null);
        const webhook = change.webhook(from);
        if (webhook) insertWebhook(webhook, now);
        return { changed: /** @type {const} */ (true), from, to: change.to };
      });
    },

    async savePayment(p) {
      const now = p.now.toISOString();
      return immediate(() => {
        sql(
          `INSERT INTO payments (reference, adapter, created_at, updated_at, status, redirect_url, data) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (reference, adapter) DO NOTHING`,
        ).run(p.reference, p.adapter, now, now, p.status, p.redirectUrl, JSON.stringify(p.data));
        return payment(sql('SELECT * FROM payments WHERE reference = ? AND adapter = ?').get(p.reference, p.adapter));
      });
    },

    async getPayment(reference, adapter) {
      return payment(sql('SELECT * FROM payments WHERE reference = ? AND adapter = ?').get(reference, adapter)) ?? undefined;
    },

    async recordNotification(n) {
      const result = sql(
        `INSERT INTO payment_notifications (dedupe_key, adapter, reference, received_at, status, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      ).run(n.dedupeKey, n.adapter, n.reference, n.now.toISOString(), n.status, JSON.stringify(n.body));
      return result.changes === 1;
    },

    async claimWebhooks({ now, limit, lockMs }) {
      const at = now.toISOString();
      const until = new Date(now.getTime() + lockMs).toISOString();
      return immediate(() =>
        sql(
          `UPDATE webhook_deliveries SET locked_until = ?, attempts = attempts + 1
           WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)
                        ORDER BY seq LIMIT ?)
           RETURNING id, type, reference, payload, attempts`,
        )
          .all(until, at, at, limit)
          .map((/** @type {any} */ r) => ({ id: r.id, type: r.type, reference: r.reference, payload: JSON.parse(r.payload), attempts: r.attempts })),
      );
    },

    async finishWebhook(id, result) {
      const now = result.now.toISOString();
      if (result.delivered) sql(`UPDATE webhook_deliveries SET status = 'delivered', delivered_at = ?, locked_until = NULL, last_error = NULL WHERE id = ?`).run(now, id);
      else if (result.failed) sql(`UPDATE webhook_deliveries SET status = 'failed', locked_until = NULL, last_error = ? WHERE id = ?`).run(result.error ?? null, id);
      else sql(`UPDATE webhook_deliveries SET next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ?`).run((result.nextAttemptAt ?? result.now).toISOString(), result.error ?? null, id);
    },

    async listWebhooks(filter = {}) {
      const rows = filter.reference
        ? sql('SELECT * FROM webhook_deliveries WHERE reference = ? ORDER BY seq').all(filter.reference)
        : sql('SELECT * FROM webhook_deliveries ORDER BY seq').all();
      return rows.map((/** @type {any} */ r) => ({ id: r.id, type: r.type, reference: r.reference, status: r.status, attempts: r.attempts, lastError: r.last_error, payload: JSON.parse(r.payload) }));
    },
  };
}
