/**
 * The storage interface the server is written against, and the choice of database: SQLite in
 * the data directory (default, no set-up) or PostgreSQL when DATABASE_URL is a postgres:// URL.
 * One implementation serves both (repository.ts, on Kysely); what differs between them is
 * named in dialect.ts. Both run the same migrations and pass the same API test suite.
 */
import { join } from 'node:path';
import type { LocalisedText } from '@mendunia/core';
import type { Order } from '@mendunia/core/checkout/index.js';

export interface IdempotentResponse {
  requestHash: string;
  statusCode: number;
  response: unknown;
  reference: string | null;
}
export interface WebhookRecord {
  id: string;
  type: string;
  reference: string | null;
  payload: unknown;
}
export interface NewOrder {
  /** the Idempotency-Key */
  key: string;
  requestHash: string;
  statusCode: number;
  /** replayed for the same key */
  response: unknown;
  order: Order;
  status: string;
  quoteId: string;
  /** who created it ('api') */
  source: string;
  webhooks: WebhookRecord[];
  now: Date;
}
export interface StoredOrder {
  reference: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  destination: string;
  totalIdr: number;
  /** lines the order was written with */
  lineCount: number;
  /** order_lines rows present (equal, unless the store is damaged) */
  storedLines: number;
  contactEmail: string;
  order: Order;
}
export interface OrderDetail {
  summary: StoredOrder;
  lines: StoredLine[];
  /**
   * `source` is who made the change (the actor: 'api', 'merchant', 'cli', 'dashboard',
   * 'payment:<adapter>'); `data` what came with it (the shipment of a change to shipped).
   */
  events: { at: string, type: string, from: string | null, to: string | null, source: string, note: string | null, data: Record<string, unknown> | null }[];
  payments: StoredPayment[];
}
/** one order_lines row */
export interface StoredLine {
  lineNo: number;
  productId: string;
  variantId: string | null;
  /** the product's English name */
  name: string;
  /** the variant's English name */
  variantName: string | null;
  /** every catalog language (null: stored before they were kept) */
  productNames: LocalisedText | null;
  variantNames: LocalisedText | null;
  quantity: number;
  unitPriceIdr: number;
  lineTotalIdr: number;
  unitWeightGrams: number;
  hsCode: string | null;
}
export interface StoredPayment {
  reference: string;
  adapter: string;
  status: string;
  redirectUrl: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
export interface StatusChange {
  to: string;
  allowedFrom: readonly string[];
  source: string;
  note: string | undefined;
  now: Date;
  /** the event to queue in the same transaction, if any */
  webhook: (from: string) => WebhookRecord | null;
  /** stored with the event (a shipment) */
  data?: Record<string, unknown>;
}
export interface OrderFilter {
  status?: string;
  /** ISO date-time, inclusive */
  since?: string;
  /** ISO date-time, exclusive */
  until?: string;
  /** a reference prefix or part of the buyer's name, any case */
  q?: string;
  limit?: number;
  offset?: number;
  newestFirst?: boolean;
}
/** A live dashboard session. */
export interface AdminSessionRecord {
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}
export type StatusChangeResult =
  | { changed: true; from: string; to: string }
  | { changed: false; reason: 'not-found' }
  | { changed: false; reason: 'conflict'; current: string };
export interface Repository {
  kind: 'sqlite' | 'postgres';
  /** where the data is, for the start-up line */
  description: string;
  /** applies pending migrations, returns their versions */
  migrate: () => Promise<number[]>;
  close: () => Promise<void>;
  findIdempotencyKey: (key: string) => Promise<IdempotentResponse | undefined>;
  /** One transaction: order, lines, event, webhooks and the idempotency record. When the key is already taken nothing is written and the first response is returned. A reference already used throws ReferenceTakenError (the caller draws another). A key whose record was purged but which made an order throws IdempotencyKeySpentError. */
  insertOrder: (order: NewOrder) => Promise<{ inserted: true } | { inserted: false, existing: IdempotentResponse }>;
  /** Deletes the Idempotency-Key records made before `before` (the orders stay); returns how many. */
  purgeIdempotencyKeys: (before: Date) => Promise<number>;
  getOrder: (reference: string) => Promise<OrderDetail | undefined>;
  listOrders: (filter?: OrderFilter) => Promise<StoredOrder[]>;
  /** how many orders match (limit and offset ignored) */
  countOrders: (filter?: OrderFilter) => Promise<number>;
  changeStatus: (reference: string, change: StatusChange) => Promise<StatusChangeResult>;
  /** Inserts, or returns the payment already stored for the order and adapter (first one wins). */
  savePayment: (payment: { reference: string, adapter: string, status: string, redirectUrl: string | null, data: Record<string, unknown>, now: Date }) => Promise<StoredPayment>;
  getPayment: (reference: string, adapter: string) => Promise<StoredPayment | undefined>;
  /** false when the same notification was already recorded (providers resend). */
  recordNotification: (n: { dedupeKey: string, adapter: string, reference: string, status: string, body: unknown, now: Date }) => Promise<boolean>;
  claimWebhooks: (options: { now: Date, limit: number, lockMs: number }) => Promise<{ id: string, type: string, reference: string | null, payload: unknown, attempts: number }[]>;
  finishWebhook: (id: string, result: { delivered: boolean, failed: boolean, error?: string, nextAttemptAt?: Date, now: Date }) => Promise<void>;
  listWebhooks: (filter?: { reference?: string }) => Promise<{ id: string, type: string, reference: string | null, status: string, attempts: number, lastError: string | null, payload: unknown }[]>;
  createAdminSession: (session: { idHash: string, csrfToken: string, now: Date, expiresAt: Date }) => Promise<void>;
  /** The session if it is not revoked, not expired and was used after `idleSince`; marks it used now. */
  useAdminSession: (idHash: string, use: { now: Date, idleSince: Date }) => Promise<AdminSessionRecord | undefined>;
  revokeAdminSession: (idHash: string, now: Date) => Promise<void>;
}

/** The key made an order whose idempotency record has been purged: the key cannot be used again. */
export class IdempotencyKeySpentError extends Error {
  constructor() {
    super('this Idempotency-Key made an order before');
    this.name = 'IdempotencyKeySpentError';
  }
}

export class ReferenceTakenError extends Error {
  constructor(reference: string) {
    super(`order reference ${reference} is already used`);
    this.name = 'ReferenceTakenError';
  }
}

/** SQLite at `<dataDir>/mendunia.sqlite`, or PostgreSQL when `databaseUrl` is set. */
export async function createRepository(settings: { dataDir: string; databaseUrl?: string }): Promise<Repository> {
  const { postgresDialect, sqliteDialect } = await import('./dialect.js');
  const { createKyselyRepository } = await import('./repository.js');
  return createKyselyRepository(settings.databaseUrl ? postgresDialect(settings.databaseUrl) : sqliteDialect(join(settings.dataDir, 'mendunia.sqlite')));
}
