/**
 * The tables as Kysely sees them (types only). A column read back may come in either database's
 * form: timestamps are ISO text on SQLite and Date on PostgreSQL, JSON is text on SQLite and
 * parsed on PostgreSQL, BIGINT amounts are strings on PostgreSQL. Values are always written as
 * ISO text, JSON text and numbers, which both databases accept.
 */

/** @typedef {import('kysely').ColumnType<string | Date, string, string>} Timestamp */
/** @typedef {import('kysely').ColumnType<string | Date | null, string | null, string | null>} NullableTimestamp */
/** @typedef {import('kysely').ColumnType<unknown, string, string>} Json */
/** @typedef {import('kysely').ColumnType<unknown, string | null, string | null>} NullableJson */
/** @typedef {import('kysely').ColumnType<number | string, number, number>} Money */
/** @typedef {import('kysely').ColumnType<number | string, never, never>} Serial */

/**
 * @typedef {object} SchemaMigrationsTable
 * @property {number} version
 * @property {string} name
 * @property {Timestamp} applied_at
 */
/**
 * @typedef {object} OrdersTable
 * @property {string} reference
 * @property {Timestamp} created_at
 * @property {Timestamp} updated_at
 * @property {string} status
 * @property {string} destination
 * @property {Money} total_idr
 * @property {number} line_count
 * @property {string} contact_email
 * @property {string} quote_id
 * @property {string} idempotency_key
 * @property {Json} document
 */
/**
 * @typedef {object} OrderLinesTable
 * @property {string} reference
 * @property {number} line_no
 * @property {string} product_id
 * @property {string | null} variant_id
 * @property {string} name
 * @property {string | null} variant_name
 * @property {NullableJson} product_names
 * @property {NullableJson} variant_names
 * @property {number} quantity
 * @property {Money} unit_price_idr
 * @property {Money} line_total_idr
 * @property {number} unit_weight_grams
 * @property {string | null} hs_code
 */
/**
 * @typedef {object} IdempotencyKeysTable
 * @property {string} key
 * @property {string} request_hash
 * @property {Timestamp} created_at
 * @property {number} status_code
 * @property {string} response   text on both databases: a replay is the first response byte for byte
 * @property {string | null} reference
 */
/**
 * @typedef {object} OrderEventsTable
 * @property {Serial} id
 * @property {string} reference
 * @property {Timestamp} at
 * @property {string} type
 * @property {string | null} from_status
 * @property {string | null} to_status
 * @property {string} source
 * @property {string | null} note
 */
/**
 * @typedef {object} PaymentsTable
 * @property {string} reference
 * @property {string} adapter
 * @property {Timestamp} created_at
 * @property {Timestamp} updated_at
 * @property {string} status
 * @property {string | null} redirect_url
 * @property {Json} data
 */
/**
 * @typedef {object} PaymentNotificationsTable
 * @property {string} dedupe_key
 * @property {string} adapter
 * @property {string} reference
 * @property {Timestamp} received_at
 * @property {string} status
 * @property {Json} body
 */
/**
 * @typedef {object} WebhookDeliveriesTable
 * @property {Serial} seq
 * @property {string} id
 * @property {string} type
 * @property {string | null} reference
 * @property {Json} payload
 * @property {Timestamp} created_at
 * @property {string} status
 * @property {number} attempts
 * @property {Timestamp} next_attempt_at
 * @property {NullableTimestamp} locked_until
 * @property {string | null} last_error
 * @property {NullableTimestamp} delivered_at
 */
/**
 * @typedef {object} Database
 * @property {SchemaMigrationsTable} schema_migrations
 * @property {OrdersTable} orders
 * @property {OrderLinesTable} order_lines
 * @property {IdempotencyKeysTable} idempotency_keys
 * @property {OrderEventsTable} order_events
 * @property {PaymentsTable} payments
 * @property {PaymentNotificationsTable} payment_notifications
 * @property {WebhookDeliveriesTable} webhook_deliveries
 */

export {};
