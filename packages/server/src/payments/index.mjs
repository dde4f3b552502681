/**
 * Payment adapters. An adapter makes a payment for an order (a redirect URL and/or the details
 * the buyer pays with, as data) and verifies the notifications its provider sends back. The order service maps
 * a verified notification's status onto the order.
 *
 * @typedef {import('@mendunia/core/checkout/index.js').Order} Order
 * @typedef {'paid' | 'pending' | 'challenge' | 'failed' | 'cancelled' | 'refunded' | 'partially-refunded'} PaymentStatus
 * @typedef {object} CreatedPayment
 * @property {'pending'} status
 * @property {string | null} redirectUrl   where to send the buyer, if anywhere
 * @property {Record<string, unknown>} data  adapter-specific (Snap token; manual: amount, reference, bank …), stored and shown
 * @typedef {object} VerifiedNotification
 * @property {string} reference
 * @property {PaymentStatus} status
 * @property {number | null} amountIdr   the amount the provider says was paid, checked against the order
 * @property {string} dedupeKey          the same notification sent twice has the same key
 * @property {unknown} raw
 * @typedef {object} PaymentAdapter
 * @property {string} id
 * @property {(order: Order) => Promise<CreatedPayment>} createPayment
 * @property {(request: { headers: Record<string, string | string[] | undefined>, body: unknown }) => Promise<VerifiedNotification>} verifyNotification
 *   Throws HttpProblem (401/422) for a notification that is not genuine or not understood.
 */
export { createManualAdapter } from './manual.mjs';
export { createMidtransAdapter, midtransSignature } from './midtrans.mjs';
