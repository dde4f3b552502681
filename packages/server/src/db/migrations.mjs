/**
 * Versioned schema migrations, one entry per version, each with its SQLite and PostgreSQL text.
 * Applied in order inside a transaction and recorded in `schema_migrations`; a version once
 * released is never edited, a change is a new version.
 */

/** @typedef {{ version: number, name: string, sqlite: string, postgres: string }} Migration */

/** @type {readonly Migration[]} */
export const MIGRATIONS = Object.freeze([
  {
    version: 1,
    name: 'orders, lines, idempotency keys, events, payments, webhook outbox',
    sqlite: `
      CREATE TABLE orders (
        reference        TEXT PRIMARY KEY,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        status           TEXT NOT NULL,
        destination      TEXT NOT NULL,
        total_idr        INTEGER NOT NULL,
        line_count       INTEGER NOT NULL,
        contact_email    TEXT NOT NULL,
        quote_id         TEXT NOT NULL,
        idempotency_key  TEXT NOT NULL UNIQUE,
        document         TEXT NOT NULL
      );
      CREATE INDEX orders_created_at ON orders (created_at);
      CREATE INDEX orders_status ON orders (status);
      CREATE TABLE order_lines (
        reference          TEXT NOT NULL REFERENCES orders (reference) ON DELETE CASCADE,
        line_no            INTEGER NOT NULL,
        product_id         TEXT NOT NULL,
        variant_id         TEXT,
        name               TEXT NOT NULL,
        quantity           INTEGER NOT NULL,
        unit_price_idr     INTEGER NOT NULL,
        line_total_idr     INTEGER NOT NULL,
        unit_weight_grams  INTEGER NOT NULL,
        hs_code            TEXT,
        PRIMARY KEY (reference, line_no)
      );
      CREATE TABLE idempotency_keys (
        key           TEXT PRIMARY KEY,
        request_hash  TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        status_code   INTEGER NOT NULL,
        response      TEXT NOT NULL,
        reference     TEXT
      );
      CREATE TABLE order_events (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        reference    TEXT NOT NULL REFERENCES orders (reference) ON DELETE CASCADE,
        at           TEXT NOT NULL,
        type         TEXT NOT NULL,
        from_status  TEXT,
        to_status    TEXT,
        source       TEXT NOT NULL,
        note         TEXT
      );
      CREATE INDEX order_events_reference ON order_events (reference);
      CREATE TABLE payments (
        reference     TEXT NOT NULL REFERENCES orders (reference) ON DELETE CASCADE,
        adapter       TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        status        TEXT NOT NULL,
        redirect_url  TEXT,
        data          TEXT NOT NULL,
        PRIMARY KEY (reference, adapter)
      );
      CREATE TABLE payment_notifications (
        dedupe_key   TEXT PRIMARY KEY,
        adapter      TEXT NOT NULL,
        reference    TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        status       TEXT NOT NULL,
        body         TEXT NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        seq              INTEGER PRIMARY KEY AUTOINCREMENT,
        id               TEXT NOT NULL UNIQUE,
        type             TEXT NOT NULL,
        reference        TEXT,
        payload          TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        status           TEXT NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TEXT NOT NULL,
        locked_until     TEXT,
        last_error       TEXT,
        delivered_at     TEXT
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
    `,
    postgres: `
      CREATE TABLE orders (
        reference        TEXT PRIMARY KEY,
        created_at       TIMESTAMPTZ NOT NULL,
        updated_at       TIMESTAMPTZ NOT NULL,
        status           TEXT NOT NULL,
        destination      TEXT NOT NULL,
        total_idr        BIGINT NOT NULL,
        line_count       INTEGER NOT NULL,
        contact_email    TEXT NOT NULL,
        quote_id         TEXT NOT NULL,
        idempotency_key  TEXT NOT NULL UNIQUE,
        document         JSONB NOT NULL
      );
      CREATE INDEX orders_created_at ON orders (created_at);
      CREATE INDEX orders_status ON orders (status);
      CREATE TABLE order_lines (
        reference          TEXT NOT NULL REFERENCES orders (reference) ON DELETE CASCADE,
        line_no            INTEGER NOT NULL,
        product_id         TEXT NOT NULL,
        variant_id         TEXT,
        name               TEXT NOT NULL,
        quantity           INTEGER NOT NULL,
        unit_price_idr     BIGINT NOT NULL,
        line_total_idr     BIGINT NOT NULL,
        unit_weight_grams  INTEGER NOT NULL,
        hs_code            TEXT,
        PRIMARY KEY (reference, line_no)
      );
      CREATE TABLE idempotency_keys (
        key           TEXT PRIMARY KEY,
        request_hash  TEXT NOT NULL,
        created_at    TIMESTAMPTZ NOT NULL,
        status_code   INTEGER NOT NULL,
        response      TEXT NOT NULL,  -- TEXT, not JSONB: a replay is the first response byte for byte
        reference     TEXT
      );
      CREATE TABLE order_events (
        id           BIGSERIAL PRIMARY KEY,
        reference    TEXT NOT NULL REFERENCES orders (reference) ON DELETE CASCADE,
        at           TIMESTAMPTZ NOT NULL,
        type         TEXT NOT NULL,
        from_status  TEXT,
        to_status    TEXT,
        source       TEXT NOT NULL,
        note         TEXT
      );
      CREATE INDEX order_events_reference ON order_events (reference);
      CREATE TABLE payments (
        reference     TEXT NOT NULL REFERENCES orders (reference) ON DELETE CASCADE,
        adapter       TEXT NOT NULL,
        created_at    TIMESTAMPTZ NOT NULL,
        updated_at    TIMESTAMPTZ NOT NULL,
        status        TEXT NOT NULL,
        redirect_url  TEXT,
        data          JSONB NOT NULL,
        PRIMARY KEY (reference, adapter)
      );
      CREATE TABLE payment_notifications (
        dedupe_key   TEXT PRIMARY KEY,
        adapter      TEXT NOT NULL,
        reference    TEXT NOT NULL,
        received_at  TIMESTAMPTZ NOT NULL,
        status       TEXT NOT NULL,
        body         JSONB NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        seq              BIGSERIAL PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        type             TEXT NOT NULL,
        reference        TEXT,
        payload          JSONB NOT NULL,
        created_at       TIMESTAMPTZ NOT NULL,
        status           TEXT NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TIMESTAMPTZ NOT NULL,
        locked_until     TIMESTAMPTZ,
        last_error       TEXT,
        delivered_at     TIMESTAMPTZ
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
    `,
  },
  {
    version: 2,
    name: 'order lines name their variant: variant_name (English), product_names and variant_names (every catalog language, JSON)',
    // Lines of orders placed before this version keep NULL here: their documents hold only the
    // English product name and the variant id, which the views fall back to.
    sqlite: `
      ALTER TABLE order_lines ADD COLUMN variant_name TEXT;
      ALTER TABLE order_lines ADD COLUMN product_names TEXT;
      ALTER TABLE order_lines ADD COLUMN variant_names TEXT;
    `,
    postgres: `
      ALTER TABLE order_lines
        ADD COLUMN variant_name TEXT,
        ADD COLUMN product_names JSONB,
        ADD COLUMN variant_names JSONB;
    `,
  },
]);
