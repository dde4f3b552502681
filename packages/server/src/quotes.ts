/**
 * Authoritative quotes. Prices, shipping, duties and taxes always come from the catalog and the
 * checkout rules through @mendunia/core's buildQuote; nothing priced by a client is trusted.
 * A quote handed to a client is signed (HMAC-SHA256 over its canonical JSON) and expires; an
 * order must bring it back unchanged and unexpired, and its recomputation must still agree.
 */
import { randomBytes } from 'node:crypto';
import { convertIdr, findProduct, findVariant, stockOf } from '@mendunia/core';
import { buildQuote } from '@mendunia/core/checkout/index.js';
import { describe } from '@mendunia/i18n/messages.js';
import { canonicalJson, hmacBase64url, safeEqual } from './canonical.js';
import { fieldError, HttpProblem } from './problem.js';

import type { Catalog, Money, RateSet } from '@mendunia/core';
import type { CheckoutConfig, Quote as CoreQuote } from '@mendunia/core/checkout/index.js';
import type { FieldError } from './problem.js';
export type CartLine = { productId: string, variantId?: string, quantity: number };
/** what prices depend on, as loaded at start (rates may refresh) */
export interface Shop {
  catalog: Catalog;
  config: CheckoutConfig;
  rates: () => RateSet | undefined;
}
export interface SignedQuote {
  id: string;
  issuedAt: string;
  expiresAt: string;
  destination: string;
  region?: string;
  currency: 'IDR';
  lines: { productId: string, variantId?: string, quantity: number, name: string, unitPriceIdr: number, lineTotalIdr: number }[];
  shipping: { serviceId: string, carrier: string, priceIdr: number, parcels: number, days: readonly number[] };
  taxes: { regime: string, incoterm: string, atCheckoutIdr: number, onDeliveryIdr: number } | null;
  totals: CoreQuote['totals'];
  ratesDate: string | null;
  signature?: string;
}

const SIGNATURE_PREFIX = 'v1.';
/** Keeps a quote signature from being valid as any other signature made with the same secret. */
const SIGNING_CONTEXT = 'mendunia.quote/1\n';
/** Fields that are the quote's identity and lifetime, not its prices. */
const NOT_PRICED = new Set(['id', 'issuedAt', 'expiresAt', 'ratesDate', 'signature']);

/**
 * Checks a cart against the catalog and prices it. Unknown products or variants and quantities
 * over the stock are refused with the line's path; a cart that cannot go to the destination
 * (restricted item, no carrier, over the destination's limit) likewise.
 * @param pathPrefix  'quote.' when the lines came inside a quote
 */
export function priceCart(shop: Shop, input: { lines: readonly CartLine[], destination: string, region?: string, serviceId?: string, now?: Date }, pathPrefix = ''): CoreQuote {
  const prefixed = (segments: (string | number)[]) => (pathPrefix ? [pathPrefix, ...segments] : segments);
  const errors: FieldError[] = [];
  const totals: Map<string, { quantity: number, stock: number | null, index: number }> = new Map();
  input.lines.forEach((line, index) => {
    const product = findProduct(shop.catalog, line.productId);
    if (!product) return errors.push(fieldError(prefixed(['lines', index, 'productId']), `unknown product "${line.productId}"`));
    let variant;
    if (line.variantId !== undefined) {
      variant = findVariant(product, line.variantId);
      if (!variant) {
        const known = product.variants.map((v) => v.id).join(', ');
        return errors.push(fieldError(prefixed(['lines', index, 'variantId']), known ? `unknown variant "${line.variantId}" (this product has: ${known})` : 'this product has no variants'));
      }
    } else if (product.variants.length > 0) {
      return errors.push(fieldError(prefixed(['lines', index, 'variantId']), `required: choose one of ${product.variants.map((v) => v.id).join(', ')}`));
    }
    const key = `${product.id}\u0000${variant?.id ?? ''}`;
    const seen = totals.get(key);
    const quantity = (seen?.quantity ?? 0) + line.quantity;
    totals.set(key, { quantity, stock: stockOf(product, variant), index });
  });
  for (const { quantity, stock, index } of totals.values()) {
    if (stock !== null && quantity > stock) {
      errors.push(fieldError(prefixed(['lines', index, 'quantity']), stock <= 0 ? 'sold out' : `only ${stock} in stock, ${quantity} asked for`));
    }
  }
  const region = input.region?.toUpperCase();
  if (region && !region.startsWith(`${input.destination.toUpperCase()}-`)) {
    errors.push(fieldError(prefixed(['region']), `expected a subdivision of ${input.destination.toUpperCase()} (ISO 3166-2, such as ${input.destination.toUpperCase()}-ON)`));
  }
  if (errors.length) throw new HttpProblem('cart-invalid', 'Some lines cannot be ordered as they are.', { errors });

  const rates = shop.rates();
  const quote = buildQuote({
    catalog: shop.catalog,
    lines: input.lines.map((l) => ({ productId: l.productId, ...(l.variantId !== undefined ? { variantId: l.variantId } : {}), quantity: l.quantity })),
    destination: input.destination,
    ...(region ? { subdivision: region } : {}),
    config: shop.config,
    ...(rates ? { rates } : {}),
    ...(input.serviceId ? { serviceId: input.serviceId } : {}),
    now: input.now ?? new Date(),
  });

  if (input.serviceId && quote.service?.serviceId !== input.serviceId) {
    const option = quote.shippingOptions.find((o) => o.serviceId === input.serviceId);
    const reason = !option ? `unknown shipping service "${input.serviceId}"` : option.available ? 'not available' : describe(option.message, 'en');
    throw new HttpProblem('not-orderable', `Shipping service ${input.serviceId} cannot carry this parcel to ${quote.destination}.`, {
      errors: [fieldError(prefixed(['serviceId']), reason)],
    });
  }
  if (quote.status === 'blocked') {
    throw new HttpProblem('not-orderable', `Some items may not be sent to ${quote.destination}.`, {
      errors: quote.blocked.map((hit) => {
        const index = input.lines.findIndex((l) => l.productId === hit.productId && (l.variantId ?? undefined) === (hit.variantId ?? undefined));
        return fieldError(prefixed(['lines', Math.max(index, 0), 'productId']), `${hit.level}: ${describe(hit.reason, 'en')}`);
      }),
      extra: { blocked: quote.blocked },
    });
  }
  if (quote.status === 'no-service') {
    const reasons = quote.shippingOptions.map((o) => (o.available ? `${o.serviceId}: available` : `${o.serviceId}: ${describe(o.message, 'en')}`)).join('; ');
    throw new HttpProblem('not-orderable', `No shipping service carries this parcel to ${quote.destination}.`, {
      errors: [fieldError(prefixed(['destination']), reasons || 'no shipping service is configured')],
    });
  }
  if (quote.status === 'not-allowed') {
    throw new HttpProblem('not-orderable', quote.landedCost?.explanation.map((m) => describe(m, 'en')).join(' ') || `${quote.destination} does not accept this parcel.`, {
      errors: [fieldError(prefixed(['destination']), 'the destination does not accept this parcel (value or quantity limits)')],
    });
  }
  if (quote.status === 'empty') throw new HttpProblem('cart-invalid', 'The cart is empty.', { errors: [fieldError(prefixed(['lines']), 'no lines')] });
  return quote;
}

/**
 * The signed part of a quote: everything an order is charged from.
 */
export function quoteBody(quote: CoreQuote, meta: { id: string, issuedAt: Date, expiresAt: Date, rates: RateSet | undefined }): SignedQuote {
  const service = quote.service as NonNullable<CoreQuote['service']>;
  const lc = quote.landedCost;
  return {
    id: meta.id,
    issuedAt: meta.issuedAt.toISOString(),
    expiresAt: meta.expiresAt.toISOString(),
    destination: quote.destination,
    ...(quote.subdivision ? { region: quote.subdivision } : {}),
    currency: 'IDR',
    lines: quote.items.map((i) => ({
      productId: i.productId,
      ...(i.variantId !== undefined ? { variantId: i.variantId } : {}),
      quantity: i.quantity,
      name: i.name,
      unitPriceIdr: i.unitPriceIdr,
      lineTotalIdr: i.unitPriceIdr * i.quantity,
    })),
    shipping: { serviceId: service.serviceId, carrier: service.carrier, priceIdr: service.priceIdr, parcels: service.parcels.length, days: [...service.days] },
    taxes: lc ? { regime: lc.regime, incoterm: lc.incoterm, atCheckoutIdr: lc.atCheckoutIdr, onDeliveryIdr: lc.onDeliveryIdr } : null,
    totals: { ...quote.totals },
    ratesDate: meta.rates?.date ?? null,
  };
}

export function signQuote(secret: string, body: Omit<SignedQuote, 'signature'>) {
  return SIGNATURE_PREFIX + hmacBase64url(secret, SIGNING_CONTEXT + canonicalJson(body));
}

/** A fresh quote id: 'qt_' and 16 random bytes. */
export const newQuoteId = () => `qt_${randomBytes(16).toString('base64url')}`;

/**
 * POST /api/quotes: the signed quote plus what a checkout shows beside it (shipping options,
 * the landed-cost explanation, an estimate in the buyer's currency).
 */
export function issueQuote(shop: Shop, secret: string, ttlMs: number, request: { lines: CartLine[], destination: string, region?: string, serviceId?: string, currency?: string }, now: Date = new Date()) {
  const quote = priceCart(shop, { ...request, now });
  const rates = shop.rates();
  const body = quoteBody(quote, { id: newQuoteId(), issuedAt: now, expiresAt: new Date(now.getTime() + ttlMs), rates });
  const signed = { ...body, signature: signQuote(secret, body) };
  return {
    quote: signed,
    shippingOptions: quote.shippingOptions,
    landedCost: quote.landedCost ?? null,
    ...(quote.dutiesUnavailable ? { dutiesUnavailable: quote.dutiesUnavailable } : {}),
    ...(request.currency && request.currency !== 'IDR' && rates ? { display: displayEstimate(signed.totals, request.currency, rates) } : {}),
  };
}

function displayEstimate(totals: CoreQuote['totals'], currency: string, rates: RateSet): { currency: string, goods: Money, shipping: Money, total: Money, ratesDate: string } | undefined {
  try {
    return {
      currency,
      goods: convertIdr(totals.goodsIdr, currency, rates),
      shipping: convertIdr(totals.shippingIdr, currency, rates),
      total: convertIdr(totals.totalIdr, currency, rates),
      ratesDate: rates.date,
    };
  } catch {
    return undefined;
  }
}

/**
 * Checks a quote brought back with an order and prices it again from the catalog:
 * a changed quote (bad signature) → 422 quote-tampered naming the changed fields;
 * an expired one → 422 quote-expired; one whose prices no longer hold → 409 quote-outdated.
 * Returns the fresh core quote the order is made from.
 */
export function verifyQuote(shop: Shop, secret: string, quote: SignedQuote, now: Date): CoreQuote {
  const { signature = '', ...body } = quote;
  const request = {
    lines: quote.lines.map((l) => ({ productId: l.productId, ...(l.variantId !== undefined ? { variantId: l.variantId } : {}), quantity: l.quantity })),
    destination: quote.destination,
    ...(quote.region ? { region: quote.region } : {}),
    serviceId: quote.shipping.serviceId,
    now,
  };
  if (!safeEqual(signature, signQuote(secret, body))) {
    // Name what was changed where we can: the fields that differ from a fresh pricing of the
    // same lines. A changed id or date, or a forged signature, only shows as the signature.
    let changed: FieldError[] = [];
    try {
      const fresh = quoteBody(priceCart(shop, request, 'quote'), { id: quote.id, issuedAt: now, expiresAt: now, rates: shop.rates() });
      changed = differences(body, fresh, ['quote']).map((d) => fieldError(d.path, `does not match the signed quote (the server computes ${JSON.stringify(d.expected)})`));
    } catch {
      // The lines themselves no longer price (also a sign of tampering): report the signature.
    }
    throw new HttpProblem('quote-tampered', 'The quote does not match its signature: prices are computed by the server and cannot be changed.', {
      errors: changed.length ? changed : [fieldError(['quote', 'signature'], 'does not match the quote')],
    });
  }
  const expires = Date.parse(quote.expiresAt);
  if (!(expires > now.getTime())) {
    throw new HttpProblem('quote-expired', `The quote expired at ${quote.expiresAt}.`, { errors: [fieldError(['quote', 'expiresAt'], 'in the past')] });
  }
  const fresh = priceCart(shop, request, 'quote');
  const recomputed = quoteBody(fresh, { id: quote.id, issuedAt: now, expiresAt: now, rates: shop.rates() });
  const changed = differences(body, recomputed, ['quote']);
  if (changed.length) {
    throw new HttpProblem('quote-outdated', 'The catalog, shipping rates or exchange rates changed since this quote was made.', {
      errors: changed.map((d) => fieldError(d.path, `was ${JSON.stringify(d.actual)}, is now ${JSON.stringify(d.expected)}`)),
    });
  }
  return fresh;
}

/**
 * Paths where two priced quote bodies differ (identity and lifetime fields ignored).
 */
export function differences(actual: unknown, expected: unknown, path: (string | number)[]): { path: (string | number)[], actual: unknown, expected: unknown }[] {
  if (canonicalJson(actual) === canonicalJson(expected)) return [];
  const bothObjects = actual && expected && typeof actual === 'object' && typeof expected === 'object' && Array.isArray(actual) === Array.isArray(expected);
  if (!bothObjects) return [{ path, actual, expected }];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
  const out: { path: (string | number)[], actual: unknown, expected: unknown }[] = [];
  for (const key of keys) {
    if (path.length === 1 && NOT_PRICED.has(key)) continue;
    out.push(...differences(a[key], e[key], [...path, Array.isArray(actual) ? Number(key) : key]));
  }
  return out;
}
