/**
 * Midtrans Snap, written against Midtrans' documented API (docs.midtrans.com: "Snap Integration
 * Guide", "Handle Notifications"):
 *  - create: POST {snap base}/transactions, HTTP Basic auth with the server key as user name and
 *    an empty password, body { transaction_details: { order_id, gross_amount }, item_details,
 *    customer_details, callbacks }; 201 → { token, redirect_url }; errors → { error_messages }.
 *    Amounts are whole rupiah and the items must add up to gross_amount.
 *  - notification: Midtrans POSTs JSON with order_id, status_code, gross_amount ("150000.00"),
 *    transaction_status, fraud_status, transaction_id and
 *    signature_key = SHA512(order_id + status_code + gross_amount + server key), hex.
 *    The signature does not cover transaction_status nor fraud_status, and a genuine notification
 *    can be replayed with those edited; so a notification is only a hint: before an order changes,
 *    the transaction is read back from Midtrans ("Get Transaction Status", Core API:
 *    GET {api base}/v2/{order_id}/status, same Basic auth) and only that CONFIRMED state is used —
 *    its status, fraud status, amount and transaction_id (the dedupe key).
 * Tested against test/fake-midtrans.mjs, a local fake that follows the same documentation.
 */
import { createHash } from 'node:crypto';
import { safeEqual } from '../canonical.js';
import { HttpProblem, fieldError } from '../problem.js';
import type { Order } from '@mendunia/core/checkout/index.js';
import type { PaymentAdapter, PaymentStatus } from './index.js';

export const MIDTRANS_TIMEOUT_MS = 20_000;
/** item_details[].name and .id are cut at 50 characters by Midtrans' rules. */
const MAX_ITEM_TEXT = 50;

export function midtransSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string) {
  return createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest('hex');
}

const cut = (text: string) => (text.length > MAX_ITEM_TEXT ? `${text.slice(0, MAX_ITEM_TEXT - 1)}…` : text);

/**
 * The Snap request for an order: goods, shipping and import charges collected at checkout as
 * items, so that they add up to the order total.
 */
export function snapRequest(order: Order, finishUrl: string | undefined) {
  const items = order.lines.map((l) => ({ id: cut(l.variantId ? `${l.productId}:${l.variantId}` : l.productId), price: l.unitPriceIdr, quantity: l.quantity, name: cut(l.name) }));
  items.push({ id: 'shipping', price: order.shipping.priceIdr, quantity: 1, name: cut(`Shipping ${order.shipping.carrier} ${order.shipping.serviceId}`) });
  if (order.totals.taxesAtCheckoutIdr > 0) items.push({ id: 'import-charges', price: order.totals.taxesAtCheckoutIdr, quantity: 1, name: 'Import duties and taxes' });
  const [first, ...rest] = order.contact.name.trim().split(/\s+/);
  return {
    transaction_details: { order_id: order.reference, gross_amount: order.totals.totalIdr },
    item_details: items,
    customer_details: {
      first_name: first ?? order.contact.name,
      ...(rest.length ? { last_name: rest.join(' ') } : {}),
      email: order.contact.email,
      phone: order.contact.phone,
      shipping_address: {
        first_name: order.address.name,
        phone: order.contact.phone,
        address: [order.address.addressLine1, order.address.addressLine2].filter(Boolean).join(', '),
        ...(order.address.city ? { city: order.address.city } : {}),
        ...(order.address.postalCode ? { postal_code: order.address.postalCode } : {}),
      },
    },
    ...(finishUrl ? { callbacks: { finish: finishUrl } } : {}),
  };
}

/**
 * @param options
 *   snapUrl: Snap API base (…/snap/v1); apiUrl: Core API base for the status API (https://api.midtrans.com)
 */
export function createMidtransAdapter(options: { serverKey: string, snapUrl: string, apiUrl: string, finishUrl?: string, fetch?: typeof fetch }): PaymentAdapter {
  const doFetch = options.fetch ?? fetch;
  const base = options.snapUrl.replace(/\/+$/, '');
  const apiBase = options.apiUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;
  return {
    id: 'midtrans',
    async createPayment(order) {
      let response;
      try {
        response = await doFetch(`${base}/transactions`, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
          body: JSON.stringify(snapRequest(order, options.finishUrl)),
          signal: AbortSignal.timeout(MIDTRANS_TIMEOUT_MS),
        });
      } catch (error) {
        throw new HttpProblem('payment-provider-error', `Midtrans could not be reached: ${(error as Error).message}`);
      }
      let json: { token?: unknown, redirect_url?: unknown, error_messages?: unknown } = {};
      try {
        json = (await response.json()) as typeof json;
      } catch {
        // Reported below with the status.
      }
      if (response.status !== 201 && response.status !== 200) {
        const messages = Array.isArray(json?.error_messages) ? json.error_messages.join('; ') : `HTTP ${response.status}`;
        throw new HttpProblem('payment-provider-error', `Midtrans refused the transaction: ${messages}`);
      }
      if (typeof json.token !== 'string' || typeof json.redirect_url !== 'string') {
        throw new HttpProblem('payment-provider-error', 'Midtrans answered without token and redirect_url.');
      }
      return { status: 'pending', redirectUrl: json.redirect_url, data: { token: json.token } };
    },
    async verifyNotification({ body }) {
      const n = (body ?? {}) as Record<string, unknown>;
      const fields = ['order_id', 'status_code', 'gross_amount', 'signature_key', 'transaction_status'] as const;
      const missing = fields.filter((f) => typeof n[f] !== 'string' || n[f] === '');
      if (missing.length) {
        throw new HttpProblem('validation-error', 'Not a Midtrans transaction notification.', { errors: missing.map((f) => fieldError([f], 'is required (a string)')) });
      }
      const orderId = n.order_id as string;
      const expected = midtransSignature(orderId, (n.status_code as string), (n.gross_amount as string), options.serverKey);
      if (!safeEqual(String(n.signature_key).toLowerCase(), expected)) {
        throw new HttpProblem('forbidden', 'The notification signature_key does not match: it was not sent by Midtrans with this server key.', {
          errors: [fieldError(['signature_key'], 'does not match SHA512(order_id + status_code + gross_amount + server key)')],
        });
      }
      const confirmed = await transactionStatus(orderId);
      const gross = Number(confirmed.gross_amount);
      const status = String(confirmed.transaction_status);
      const fraud = typeof confirmed.fraud_status === 'string' ? confirmed.fraud_status : undefined;
      return {
        reference: orderId,
        status: mapStatus(status, fraud),
        amountIdr: Number.isFinite(gross) ? Math.round(gross) : null,
        dedupeKey: `midtrans:${String(confirmed.transaction_id ?? orderId)}:${status}:${fraud ?? ''}`,
        raw: { notification: body, confirmed },
      };
    },
  };

  /**
   * The transaction as Midtrans has it now. Midtrans unreachable or answering an error → 503, so
   * that Midtrans sends the notification again later; an order Midtrans does not know → 404.
   */
  async function transactionStatus(orderId: string): Promise<Record<string, unknown>> {
    const unavailable = (why: string) =>
      new HttpProblem('service-unavailable', `The notification for ${orderId} could not be confirmed with Midtrans' status API (${why}); nothing was changed — Midtrans retries.`, { headers: { 'retry-after': '60' } });
    let response;
    let json: Record<string, unknown> | undefined;
    try {
      response = await doFetch(`${apiBase}/v2/${encodeURIComponent(orderId)}/status`, { headers: { accept: 'application/json', authorization }, signal: AbortSignal.timeout(MIDTRANS_TIMEOUT_MS) });
      json = (await response.json().catch(() => undefined)) as typeof json;
    } catch (error) {
      const e = error as Error;
      throw unavailable(e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message);
    }
    // The Core API answers some errors as HTTP 200 with the real code in status_code.
    const code = String(json?.status_code ?? response.status);
    if (response.status === 404 || code === '404') throw new HttpProblem('not-found', `Midtrans has no transaction for order ${orderId}.`);
    if (!response.ok || !json || typeof json.transaction_status !== 'string' || !/^2\d\d$/.test(code)) {
      throw unavailable(`HTTP ${response.status}, status_code ${code}${json?.status_message ? `: ${json.status_message}` : ''}`);
    }
    if (json.order_id !== orderId) throw unavailable(`it answered for order ${String(json.order_id)}`);
    return json;
  }
}

/**
 * Midtrans transaction_status (and fraud_status for card captures) → payment status, as the
 * "Handle Notifications" guide describes: capture+accept and settlement are paid; capture+challenge
 * waits for the merchant's review; deny/failure fail the attempt; cancel and expire end it.
 */
export function mapStatus(transaction: string, fraud: string | undefined): PaymentStatus {
  switch (transaction) {
    case 'capture':
      return fraud === 'challenge' ? 'challenge' : fraud === 'deny' ? 'failed' : 'paid';
    case 'settlement':
      return 'paid';
    case 'pending':
    case 'authorize':
      return 'pending';
    case 'deny':
    case 'failure':
      return 'failed';
    case 'cancel':
    case 'expire':
      return 'cancelled';
    case 'refund':
      return 'refunded';
    case 'partial_refund':
      return 'partially-refunded';
    default:
      return 'pending';
  }
}
