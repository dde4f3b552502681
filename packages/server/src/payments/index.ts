/**
 * Payment adapters. An adapter makes a payment for an order (a redirect URL and/or the details
 * the buyer pays with, as data) and verifies the notifications its provider sends back. The order service maps
 * a verified notification's status onto the order.
 */
import type { Order } from '@mendunia/core/checkout/index.js';

export type PaymentStatus = 'paid' | 'pending' | 'challenge' | 'failed' | 'cancelled' | 'refunded' | 'partially-refunded';
export interface CreatedPayment {
  status: 'pending';
  /** where to send the buyer, if anywhere */
  redirectUrl: string | null;
  /** adapter-specific (Snap token; manual: amount, reference, bank …), stored and shown */
  data: Record<string, unknown>;
}
export interface VerifiedNotification {
  reference: string;
  status: PaymentStatus;
  /** the amount the provider says was paid, checked against the order */
  amountIdr: number | null;
  /** the same notification sent twice has the same key */
  dedupeKey: string;
  raw: unknown;
}
export interface PaymentAdapter {
  id: string;
  createPayment: (order: Order) => Promise<CreatedPayment>;
  /** Throws HttpProblem (401/422) for a notification that is not genuine or not understood. */
  verifyNotification: (request: { headers: Record<string, string | string[] | undefined>, body: unknown }) => Promise<VerifiedNotification>;
}
export { createManualAdapter } from './manual.js';
export { createMidtransAdapter, midtransSignature } from './midtrans.js';
