/**
 * The order service: placing an order from a signed quote (idempotent per Idempotency-Key),
 * reading orders, changing their status, and applying payment notifications. Routes call it;
 * it calls the core rules (createOrder, validateAddress, checkPhone) and the repository.
 */
import { randomInt } from 'node:crypto';
import { checkPhone, createOrder, orderReference, validateAddress } from '@mendunia/core/checkout/index.js';
import { ORDER_TRANSITIONS, nextStatuses, previousStatuses } from '@mendunia/core/fulfilment/index.js';
import { hmacBase64url, sha256Hex } from './canonical.js';
import { IdempotencyKeySpentError, ReferenceTakenError } from './db/index.js';
import { fieldError, HttpProblem } from './problem.js';
import { verifyQuote } from './quotes.js';
import { webhookEvent } from './webhooks.js';

import type { IdempotentResponse, OrderDetail, Repository, StoredPayment } from './db/index.js';
import type { Shop } from './quotes.js';
import type { SignedQuote } from './quotes.js';
import type { FieldError } from './problem.js';
import type { Address } from '@mendunia/core/checkout/index.js';
import type { VerifiedNotification } from './payments/index.js';
import type { Shipment } from '@mendunia/core/fulfilment/index.js';
export interface OrderContext {
  repo: Repository;
  shop: Shop;
  secret: string;
  /** whether order events go to the outbox (a webhook URL is set) */
  webhooks: boolean;
  /** called after a change that queued webhooks */
  onEvent?: () => void;
}
export interface OrderRequestBody {
  quote: SignedQuote;
  contact: { name: string, email: string, phone: string };
  address: Address;
  displayCurrency?: string;
}

export const REFERENCE_PREFIX = 'MDN';

/** Which status an order may move to from which: core's fulfilment rules, which the dashboard shows. */
export const TRANSITIONS = ORDER_TRANSITIONS;

export const allowedFrom = (to: string) => previousStatuses(to);

/** The token that lets a buyer read one order, derived from the server secret (nothing stored). */
export const orderAccessToken = (secret: string, reference: string) => `ot_${hmacBase64url(secret, `mendunia.order-access/1\n${reference}`)}`;

/**
 * POST /api/orders. Returns the status code and body to send, and whether it is a replay.
 */
export async function placeOrder(ctx: OrderContext, { key, body, now = new Date() }: { key: string, body: OrderRequestBody, now?: Date }): Promise<{ statusCode: number, body: Record<string, unknown>, replayed: boolean }> {
  const requestHash = sha256Hex(body);
  const prior = await ctx.repo.findIdempotencyKey(key);
  if (prior) return replay(prior, requestHash);

  const quote = verifyQuote(ctx.shop, ctx.secret, body.quote, now);
  const { contact, address } = checkBuyer(body, quote.destination);

  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = orderReference(REFERENCE_PREFIX, now, () => randomInt(0, 2 ** 32) / 2 ** 32);
    const order = createOrder(quote, contact, address, { reference, now, displayCurrency: body.displayCurrency ?? 'IDR' });
    const status = 'pending_payment';
    const response = {
      reference,
      status,
      createdAt: order.createdAt,
      accessToken: orderAccessToken(ctx.secret, reference),
      order,
      links: { self: `/api/orders/${reference}`, payment: `/api/orders/${reference}/payment` },
    };
    try {
      const result = await ctx.repo.insertOrder({
        key,
        requestHash,
        statusCode: 201,
        response,
        order,
        status,
        quoteId: body.quote.id,
        source: 'api',
        webhooks: ctx.webhooks ? [webhookEvent('order.created', reference, { reference, status, order }, now)] : [],
        now,
      });
      if (!result.inserted) return replay(result.existing, requestHash);
      if (ctx.webhooks) ctx.onEvent?.();
      return { statusCode: 201, body: response, replayed: false };
    } catch (error) {
      if (error instanceof IdempotencyKeySpentError) {
        throw new HttpProblem('idempotency-key-reused', 'This Idempotency-Key made an order before (its record has since been purged); use a new key for a new order.', {
          errors: [fieldError(['headers', 'idempotency-key'], 'already used for an order')],
        });
      }
      if (!(error instanceof ReferenceTakenError)) throw error;
    }
  }
  throw new Error('no free order reference after 5 draws');
}

function replay(prior: IdempotentResponse, requestHash: string) {
  if (prior.requestHash !== requestHash) {
    throw new HttpProblem('idempotency-key-reused', 'This Idempotency-Key was already used for a different order request; use a new key for a new order.', {
      errors: [fieldError(['headers', 'idempotency-key'], 'already used with a different body')],
    });
  }
  return { statusCode: prior.statusCode, body: prior.response as Record<string, unknown>, replayed: true };
}

/**
 * The contact and address, checked with the destination's rules and normalised (phone → E.164).
 */
function checkBuyer(body: OrderRequestBody, destination: string) {
  const errors: FieldError[] = [];
  const address = { ...body.address, country: body.address.country.toUpperCase() };
  if (address.country !== destination) errors.push(fieldError(['address', 'country'], `must be ${destination}, the country the quote was made for`));
  for (const issue of validateAddress(address)) errors.push(fieldError(['address', issue.field], issue.message));
  const phone = checkPhone(body.contact.phone, address.country);
  if (!phone.valid) errors.push(fieldError(['contact', 'phone'], phone.issue === 'required' ? 'is required' : 'is not a valid phone number for calls from abroad'));
  if (body.contact.name.trim() === '') errors.push(fieldError(['contact', 'name'], 'is required'));
  if (errors.length) throw new HttpProblem('address-invalid', 'The delivery address or contact details are not valid for this destination.', { errors });
  return { contact: { name: body.contact.name.trim(), email: body.contact.email.trim(), phone: (phone.e164 as string) }, address };
}

/**
 * GET /api/orders/{reference}: what the buyer and the merchant see.
 */
export function orderView(detail: OrderDetail) {
  const s = detail.summary;
  return {
    reference: s.reference,
    status: s.status,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    order: s.order,
    payments: detail.payments.map(paymentView),
    history: detail.events,
  };
}

const MANUAL_FIELDS = ['method', 'amountIdr', 'currency', 'reference', 'bank', 'qrisImage', 'note'] as const;

export function paymentView(p: StoredPayment) {
  const data = p.data as Record<string, unknown>;
  return {
    adapter: p.adapter,
    status: p.status,
    redirectUrl: p.redirectUrl,
    ...(typeof data.token === 'string' ? { token: data.token } : {}),
    // Manual payments: what to pay and where, as data the checkout words in the buyer's language.
    ...Object.fromEntries(MANUAL_FIELDS.filter((key) => data[key] !== undefined).map((key) => [key, data[key]])),
    createdAt: p.createdAt,
  };
}

/**
 * Moves an order to `to` if its current status allows it; queues the webhook in the same
 * transaction. Setting the status it already has is not an error (retries are safe). `source` is
 * the actor recorded with the event; a shipment (of a change to shipped) is stored with the event
 * and sent in the webhook, with the time it was shipped.
 */
export async function changeOrderStatus(
  ctx: Pick<OrderContext, 'repo' | 'webhooks' | 'onEvent'>,
  reference: string,
  { to, source, note, shipment, now = new Date() }: { to: string, source: string, note?: string, shipment?: Shipment, now?: Date },
) {
  const shipped = shipment ? { shipment: { ...shipment, shippedAt: now.toISOString() } } : {};
  const result = await ctx.repo.changeStatus(reference, {
    to,
    allowedFrom: allowedFrom(to),
    source,
    note,
    now,
    ...(shipment ? { data: shipped } : {}),
    webhook: (from) => (ctx.webhooks ? webhookEvent('order.status_changed', reference, { reference, status: to, previousStatus: from, source, ...(note ? { note } : {}), ...shipped }, now) : null),
  });
  if (!result.changed && result.reason === 'not-found') throw new HttpProblem('not-found', `No order ${reference}.`);
  if (!result.changed) {
    if (result.current === to) return { reference, status: to, changed: false };
    const allowed = nextStatuses(result.current);
    throw new HttpProblem('conflict', `Order ${reference} is ${result.current}; it cannot become ${to}.`, {
      errors: [fieldError(['status'], `allowed from ${result.current}: ${allowed.join(', ') || 'nothing (final)'}`)],
      extra: { current: result.current, allowed },
    });
  }
  if (ctx.webhooks) ctx.onEvent?.();
  return { reference, status: to, previousStatus: result.from, changed: true };
}

/** Payment status → the order status it leads to (undefined: recorded, order unchanged). */
const PAYMENT_TO_ORDER: Record<string, string | undefined> = { paid: 'paid', cancelled: 'cancelled', refunded: 'refunded' };

/**
 * Applies a verified payment notification: checks the amount against the order, records it once
 * (providers resend), and moves the order (pending_payment → paid, → cancelled, → refunded).
 */
export async function applyPaymentNotification(ctx: OrderContext, adapter: string, n: VerifiedNotification, now = new Date()) {
  const detail = await ctx.repo.getOrder(n.reference);
  if (!detail) throw new HttpProblem('not-found', `No order ${n.reference}.`);
  if (n.amountIdr !== null && n.amountIdr !== detail.summary.totalIdr) {
    throw new HttpProblem('payment-invalid', `The notification is for IDR ${n.amountIdr}; order ${n.reference} totals IDR ${detail.summary.totalIdr}.`, {
      errors: [fieldError(['gross_amount'], `expected ${detail.summary.totalIdr}`)],
    });
  }
  const fresh = await ctx.repo.recordNotification({ dedupeKey: n.dedupeKey, adapter, reference: n.reference, status: n.status, body: n.raw, now });
  const target = PAYMENT_TO_ORDER[n.status];
  if (!fresh || !target) return { received: true, duplicate: !fresh, reference: n.reference, paymentStatus: n.status, status: detail.summary.status };
  const result = await ctx.repo.changeStatus(n.reference, {
    to: target,
    allowedFrom: allowedFrom(target),
    source: `payment:${adapter}`,
    note: `payment ${n.status}`,
    now,
    webhook: (from) => (ctx.webhooks ? webhookEvent('order.status_changed', n.reference, { reference: n.reference, status: target, previousStatus: from, source: `payment:${adapter}` }, now) : null),
  });
  if (result.changed && ctx.webhooks) ctx.onEvent?.();
  // A late "paid" for a cancelled order is recorded but does not revive it: the merchant decides.
  return { received: true, duplicate: false, reference: n.reference, paymentStatus: n.status, status: result.changed ? result.to : detail.summary.status };
}
