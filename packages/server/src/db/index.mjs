/**
 * The storage interface the server is written against, and the choice of database: SQLite in
 * the data directory (default, no set-up) or PostgreSQL when DATABASE_URL is a postgres:// URL.
 * One implementation serves both (repository.mjs, on Kysely); what differs between them is
 * named in dialect.mjs. Both run the same migrations and pass the same API test suite.
 */
import { join } from 'node:path';

/**
 * @typedef {object} IdempotentResponse
 * @property {string} requestHash
 * @property {number} statusCode
 * @property {unknown} response
 * @property {string | null} reference
 */
/**
 * @typedef {object} WebhookRecord
 * @property {string} id
 * @property {string} type
 * @property {string | null} reference
 * @property {unknown} payload
 */
/**
 * @typedef {object} NewOrder
 * @property {string} key             the Idempotency-Key
 * @property {string} requestHash
 * @property {number} statusCode
 * @property {unknown} response       replayed for the same key
 * @property {import('@mendunia/core/checkout/index.js').Order} order
 * @property {string} status
 * @property {string} quoteId
 * @property {string} source          who created it ('api')
 * @property {WebhookRecord[]} webhooks
 * @property {Date} now
 */
/**
 * @typedef {object} StoredOrder
 * @property {string} reference
 * @property {string} status
 * @property {string} createdAt
 * @property {string} updatedAt
 * @property {string} destination
 * @property {number} totalIdr
 * @property {number} lineCount       lines the order was written with
 * @property {number} storedLines     order_lines rows present (equal, unless the store is damaged)
 * @property {string} contactEmail
 * @property {import('@mendunia/core/checkout/index.js').Order} order
 */
/**
 * @typedef {object} OrderDetail
 * @property {StoredOrder} summary
 * @property {StoredLine[]} lines
 * @property {{ at: string, type: string, from: string | null, to: string | null, source: string, note: string | null }[]} events
 * @property {StoredPayment[]} payments
 */
/**
 * @typedef {object} StoredLine  one order_lines row
 * @property {number} lineNo
 * @property {string} productId
 * @property {string | null} variantId
 * @property {string} name                 the product's English name
 * @property {string | null} variantName   the variant's English name
 * @property {import('@mendunia/core').LocalisedText | null} productNames  every catalog language (null: stored before they were kept)
 * @property {import('@mendunia/core').LocalisedText | null} variantNames
 * @property {number} quantity
 * @property {number} unitPriceIdr
 * @property {number} lineTotalIdr
 * @property {number} unitWeightGrams
 * @property {string | null} hsCode
 */
/**
 * @typedef {object} StoredPayment
 * @property {string} reference
 * @property {string} adapter
 * @property {string} status
 * @property {string | null} redirectUrl
 * @property {Record<string, unknown>} data
 * @property {string} createdAt
 * @property {string} updatedAt
 */
/**
 * @typedef {object} StatusChange
 * @property {string} to
 * @property {readonly string[]} allowedFrom
 * @property {string} source
 * @property {string | undefined} note
 * @property {Date} now
 * @property {(from: string) => WebhookRecord | null} webhook  the event to queue in the same transaction, if any
 */
/**
 * @typedef {{ changed: true, from: string, to: string } | { changed: false, reason: 'not-found' } | { changed: false, reason: 'conflict', current: string }} StatusChangeResult
 */
/**
 * @typedef {object} Repository
 * @property {'sqlite' | 'postgres'} kind
 * @property {string} description                      where the data is, for the start-up line
 * @property {() => Promise<number[]>} migrate          applies pending migrations, returns their versions
 * @property {() => Promise<void>} close
 * @property {(key: string) => Promise<IdempotentResponse | undefined>} findIdempotencyKey
 * @property {(order: NewOrder) => Promise<{ inserted: true } | { inserted: false, existing: IdempotentResponse }>} insertOrder
 *   One transaction: order, lines, event, webhooks and the idempotency record. When the key is
 *   already taken nothing is written and the first response is returned. A reference already
 *   used throws ReferenceTakenError (the caller draws another).
 *   A key whose record was purged but which made an order throws IdempotencyKeySpentError.
 * @property {(before: Date) => Promise<number>} purgeIdempotencyKeys
 *   Deletes the Idempotency-Key records made before `before` (the orders stay); returns how many.
 * @property {(reference: string) => Promise<OrderDetail | undefined>} getOrder
 * @property {(filter?: { status?: string, since?: string, until?: string, limit?: number, offset?: number }) => Promise<StoredOrder[]>} listOrders
 * @property {(reference: string, change: StatusChange) => Promise<StatusChangeResult>} changeStatus
 * @property {(payment: { reference: string, adapter: string, status: string, redirectUrl: string | null, data: Record<string, unknown>, now: Date }) => Promise<StoredPayment>} savePayment
 *   Inserts, or returns the payment already stored for the order and adapter (first one wins).
 * @property {(reference: string, adapter: string) => Promise<StoredPayment | undefined>} getPayment
 * @property {(n: { dedupeKey: string, adapter: string, reference: string, status: string, body: unknown, now: Date }) => Promise<boolean>} recordNotification
 *   false when the same notification was already recorded (providers resend).
 * @property {(options: { now: Date, limit: number, lockMs: number }) => Promise<{ id: string, type: string, reference: string | null, payload: unknown, attempts: number }[]>} claimWebhooks
 * @property {(id: string, result: { delivered: boolean, failed: boolean, error?: string, nextAttemptAt?: Date, now: Date }) => Promise<void>} finishWebhook
 * @property {(filter?: { reference?: string }) => Promise<{ id: string, type: string, reference: string | null, status: string, attempts: number, lastError: string | null, payload: unknown }[]>} listWebhooks
 */

/** The key made an order whose idempotency record has been purged: the key cannot be used again. */
export class IdempotencyKeySpentError extends Error {
  constructor() {
    super('this Idempotency-Key made an order before');
    this.name = 'IdempotencyKeySpentError';
  }
}

export class ReferenceTakenError extends Error {
  /** @param {string} reference */
  constructor(reference) {
    super(`order reference ${reference} is already used`);
    this.name = 'ReferenceTakenError';
  }
}

/**
 * SQLite at `<dataDir>/mendunia.sqlite`, or PostgreSQL when `databaseUrl` is set.
 * @param {{ dataDir: string, databaseUrl?: string }} settings
 * @returns {Promise<Repository>}
 */
export async function createRepository(settings) {
  const { postgresDialect, sqliteDialect } = await import('./dialect.mjs');
  const { createKyselyRepository } = await import('./repository.mjs');
  return createKyselyRepository(settings.databaseUrl ? postgresDialect(settings.databaseUrl) : sqliteDialect(join(settings.dataDir, 'mendunia.sqlite')));
}
