import type { ColumnType } from 'kysely';

/**
 * The tables as Kysely sees them (types only). A column read back may come in either database's
 * form: timestamps are ISO text on SQLite and Date on PostgreSQL, JSON is text on SQLite and
 * parsed on PostgreSQL, BIGINT amounts are strings on PostgreSQL. Values are always written as
 * ISO text, JSON text and numbers, which both databases accept.
 */

export type Timestamp = ColumnType<string | Date, string, string>;
export type NullableTimestamp = ColumnType<string | Date | null, string | null, string | null>;
export type Json = ColumnType<unknown, string, string>;
export type NullableJson = ColumnType<unknown, string | null, string | null>;
export type Money = ColumnType<number | string, number, number>;
export type Serial = ColumnType<number | string, never, never>;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}
export interface OrdersTable {
  reference: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  status: string;
  destination: string;
  total_idr: Money;
  line_count: number;
  contact_email: string;
  quote_id: string;
  idempotency_key: string;
  document: Json;
  /** the contact's name, for the dashboard's search (v3; '' by default) */
  buyer_name: ColumnType<string, string | undefined, string>;
}
export interface OrderLinesTable {
  reference: string;
  line_no: number;
  product_id: string;
  variant_id: string | null;
  name: string;
  variant_name: string | null;
  product_names: NullableJson;
  variant_names: NullableJson;
  quantity: number;
  unit_price_idr: Money;
  line_total_idr: Money;
  unit_weight_grams: number;
  hs_code: string | null;
}
export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  created_at: Timestamp;
  status_code: number;
  /** text on both databases: a replay is the first response byte for byte */
  response: string;
  reference: string | null;
}
export interface OrderEventsTable {
  id: Serial;
  reference: string;
  at: Timestamp;
  type: string;
  from_status: string | null;
  to_status: string | null;
  source: string;
  note: string | null;
  /** what came with the event: a shipment (v3) */
  data: NullableJson;
}
export interface PaymentsTable {
  reference: string;
  adapter: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  status: string;
  redirect_url: string | null;
  data: Json;
}
export interface PaymentNotificationsTable {
  dedupe_key: string;
  adapter: string;
  reference: string;
  received_at: Timestamp;
  status: string;
  body: Json;
}
export interface WebhookDeliveriesTable {
  seq: Serial;
  id: string;
  type: string;
  reference: string | null;
  payload: Json;
  created_at: Timestamp;
  status: string;
  attempts: number;
  next_attempt_at: Timestamp;
  locked_until: NullableTimestamp;
  last_error: string | null;
  delivered_at: NullableTimestamp;
}
/** Dashboard sessions (v3), by the SHA-256 of their id. */
export interface AdminSessionsTable {
  id_hash: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}
export interface Database {
  schema_migrations: SchemaMigrationsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  idempotency_keys: IdempotencyKeysTable;
  order_events: OrderEventsTable;
  payments: PaymentsTable;
  payment_notifications: PaymentNotificationsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  admin_sessions: AdminSessionsTable;
}

