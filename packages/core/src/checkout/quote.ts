import type { Catalog } from '../catalog/index.js';
import type { CartLine } from '../cart/index.js';
import type { RateSet } from '../rates/index.js';
import { currencyForRegion, type Money } from '../money/index.js';
import { message, type Message } from '../util/message.js';
import type { CheckoutConfig } from './config.js';
import { estimateLandedCost, MissingDutyRateError, type LandedCost } from './duties.js';
import { itemsFromCart, type ParcelItem } from './items.js';
import { checkRestrictions, type RestrictionHit } from './restrictions.js';
import { quoteShipping, type ShippingOption } from './shipping.js';

/** The codes of Quote.dutiesUnavailable. */
export const QUOTE_CODES = ['rules.quote.noRates', 'rules.quote.missingRate'] as const;

export type AvailableShipping = Extract<ShippingOption, { available: true }>;

/**
 * Why a quote cannot be ordered as it is:
 * `empty` nothing to send; `blocked` an item may not be sent there; `no-service` no carrier
 * serves the destination with this parcel; `not-allowed` the destination refuses the parcel
 * (e.g. over China's per-parcel limit); `ok` it can be ordered.
 */
export type QuoteStatus = 'ok' | 'empty' | 'blocked' | 'no-service' | 'not-allowed';

export interface QuoteTotals {
  readonly goodsIdr: number;
  readonly shippingIdr: number;
  /** Import charges added to the total (seller-collected, or everything under DDP). */
  readonly taxesAtCheckoutIdr: number;
  /** What the buyer pays the merchant: goods + shipping + taxes at checkout. */
  readonly totalIdr: number;
  /** Estimated import charges the buyer pays the carrier on delivery (DAP). */
  readonly onDeliveryIdr: number;
}

export interface Quote {
  readonly destination: string;
  /** The buyer's ISO 3166-2 subdivision the taxes are for ("CA-ON"), when one was given. */
  readonly subdivision?: string;
  /** The destination's own currency, for the landed-cost explanation. */
  readonly currency: string;
  readonly items: readonly ParcelItem[];
  /** Cart lines that are no longer in the catalog; left out of the quote. */
  readonly missing: readonly CartLine[];
  readonly blocked: readonly RestrictionHit[];
  readonly shippingOptions: readonly ShippingOption[];
  /** The chosen service (or the cheapest available one). */
  readonly service?: AvailableShipping;
  /** Set when the requested service cannot take this parcel, so the cheapest one was used instead. */
  readonly requestedServiceUnavailable?: string;
  readonly landedCost?: LandedCost;
  /**
   * Why there is no landed-cost estimate, when there is none: `rules.quote.noRates` (no
   * exchange rates) or `rules.quote.missingRate` `{ currency }` (the rates lack a currency).
   */
  readonly dutiesUnavailable?: Message;
  readonly totals: QuoteTotals;
  readonly status: QuoteStatus;
}

export interface QuoteInput {
  readonly catalog: Catalog;
  readonly lines: readonly CartLine[];
  readonly destination: string;
  /**
   * The buyer's subdivision, ISO 3166-2 ("CA-ON"): where import taxes depend on it (Canada's HST),
   * the estimate uses its rate; without it, the estimate says the range. From an address: addressSubdivision().
   */
  readonly subdivision?: string;
  readonly config: CheckoutConfig;
  /** Needed for duty thresholds; without it the quote has no landed-cost estimate. */
  readonly rates?: RateSet;
  readonly serviceId?: string;
  readonly now?: Date;
}

/**
 * The whole cross-border quote from the catalog (never from prices a browser sent): items,
 * restrictions, shipping options, the chosen service, and the import duties and taxes. The
 * checkout's review step, the `mendunia quote` command and a server all call this one function.
 */
export function buildQuote(input: QuoteInput): Quote {
  const destination = input.destination.trim().toUpperCase();
  const subdivision = input.subdivision?.trim().toUpperCase() || undefined;
  const { items, missing } = itemsFromCart(input.catalog, input.lines);
  const blocked = checkRestrictions(items, destination, {
    allow: input.config.restrictions.allow,
    extraRules: input.config.restrictions.extraRules,
  });
  const shippingOptions = quoteShipping(items, destination, input.config.shipping);
  const available = shippingOptions.filter((o): o is AvailableShipping => o.available);
  const requested = input.serviceId ? available.find((o) => o.serviceId === input.serviceId) : undefined;
  const service = requested ?? available[0];
  const goodsIdr = items.reduce((n, i) => n + i.unitPriceIdr * i.quantity, 0);
  const shippingIdr = service?.priceIdr ?? 0;

  let landedCost: LandedCost | undefined;
  let dutiesUnavailable: Message | undefined;
  if (items.length && service) {
    if (!input.rates) dutiesUnavailable = message('rules.quote.noRates');
    else {
      try {
        // A service marked duty paid (or not) decides DDP/DAP for its parcels; else the shop's setting.
        const taxes = service.dutyPaid === undefined ? input.config.taxes : { ...input.config.taxes, incoterm: service.dutyPaid ? ('DDP' as const) : ('DAP' as const) };
        landedCost = estimateLandedCost({
          items,
          shippingIdr,
          destination,
          ...(subdivision && { subdivision }),
          rates: input.rates,
          merchant: taxes,
          now: input.now,
        });
      } catch (e) {
        if (!(e instanceof MissingDutyRateError)) throw e;
        dutiesUnavailable = message('rules.quote.missingRate', { currency: e.currency });
      }
    }
  }

  const taxesAtCheckoutIdr = landedCost?.atCheckoutIdr ?? 0;
  const status: QuoteStatus = !items.length
    ? 'empty'
    : blocked.length
      ? 'blocked'
      : !service
        ? 'no-service'
        : landedCost?.regime === 'not-allowed'
          ? 'not-allowed'
          : 'ok';
  return {
    destination,
    ...(subdivision && { subdivision }),
    currency: currencyForRegion(destination) ?? 'USD',
    items,
    missing,
    blocked,
    shippingOptions,
    ...(service ? { service } : {}),
    ...(input.serviceId && !requested ? { requestedServiceUnavailable: input.serviceId } : {}),
    ...(landedCost ? { landedCost } : {}),
    ...(dutiesUnavailable ? { dutiesUnavailable } : {}),
    totals: {
      goodsIdr,
      shippingIdr,
      taxesAtCheckoutIdr,
      totalIdr: goodsIdr + shippingIdr + taxesAtCheckoutIdr,
      onDeliveryIdr: landedCost?.onDeliveryIdr ?? 0,
    },
    status,
  };
}

/**
 * What the buyer is estimated to pay the carrier on delivery, in the destination's currency: the
 * sum of the carrier lines' own amounts (each converted and rounded once, as shown line by line),
 * so it adds up with the lines the review lists. Undefined when nothing is due on delivery (DDP,
 * no estimate, no carrier lines) or when the lines are not all in one currency.
 */
export function dueOnArrival(quote: Quote): Money | undefined {
  const lc = quote.landedCost;
  if (!lc || lc.incoterm === 'DDP') return undefined;
  const lines = lc.lines.filter((l) => l.collectedBy === 'carrier');
  const currency = lines[0]?.amount.currency;
  if (!currency || lines.some((l) => l.amount.currency !== currency)) return undefined;
  return { amount: lines.reduce((n, l) => n + l.amount.amount, 0), currency };
}
