/**
 * The `--json` output, "mendunia.quote/1" (schema in docs/quote-cli.md). Stable: every key is
 * always present (null when it does not apply), rupiah are whole-number integers, other
 * currencies are decimal strings in major units ("150.16"), and new keys may be added without a
 * format change but none is removed or changes meaning.
 *
 * The same view feeds the human output, so both always show the same numbers.
 *
 * What core says in words (tax line labels and bases, the explanation, restriction reasons,
 * shipping refusals) is written in English in the keys it always had, and given as core's
 * message (`{ code, params }`) in a key beside it ending in "Message" or "Messages", for a script
 * that words it in another language with @mendunia/i18n's describe() (docs/quote-cli.md).
 */
import { convertIdr, DEFAULT_MAX_RATE_AGE_MS, isStale, localise, toMajorString, type Message, type RateSet } from '@mendunia/core';
import type { LandedCost, Quote, ShippingOption } from '@mendunia/core/checkout/index.js';
import { describe } from '@mendunia/i18n/messages.js';

export const FORMAT = 'mendunia.quote/1';

/** A message in English, the words of the JSON's text keys. */
const english = (message: Message): string => describe(message, 'en');

/** Totals in the destination's currency: approximate, no markup. */
export interface DisplayTotals {
  currency: string;
  approximate: true;
  goods: string;
  shipping: string;
  taxesAtCheckout: string;
  /** goods + shipping + taxesAtCheckout as shown (adds up). */
  total: string;
  onDelivery: string;
}

/**
 * `now` (ms) only decides whether the rates are stale; default the real clock.
 */
export function quoteToJson({ quote, date, rates, now = Date.now() }: { quote: Quote; date: string; rates: RateSet; now?: number }) {
  const landed = quote.landedCost;
  return {
    format: FORMAT,
    destination: quote.destination,
    region: quote.subdivision ?? null,
    currency: quote.currency,
    status: quote.status,
    date,
    rates: { source: rates.source, date: rates.date, base: rates.base, stale: isStale(rates, DEFAULT_MAX_RATE_AGE_MS, now) },
    items: quote.items.map((item) => ({
      productId: item.productId,
      variantId: item.variantId ?? null,
      name: item.name,
      quantity: item.quantity,
      unitPriceIdr: item.unitPriceIdr,
      lineTotalIdr: item.unitPriceIdr * item.quantity,
      unitWeightGrams: item.unitWeightGrams,
      hsCode: item.hsCode ?? null,
      category: item.category ?? null,
    })),
    missing: quote.missing.map((line) => ({ productId: line.productId, variantId: line.variantId ?? null, quantity: line.quantity })),
    blocked: quote.blocked.map((hit) => ({
      productId: hit.productId,
      variantId: hit.variantId ?? null,
      name: hit.name,
      ruleId: hit.ruleId,
      level: hit.level,
      reason: english(hit.reason),
      reasonMessage: hit.reason,
      source: source(hit.source),
    })),
    shipping: {
      selected: quote.service?.serviceId ?? null,
      options: quote.shippingOptions.map(shippingOption),
    },
    landedCost: landed ? landedCost(landed) : null,
    dutiesUnavailable: quote.dutiesUnavailable ? english(quote.dutiesUnavailable) : null,
    dutiesUnavailableMessage: quote.dutiesUnavailable ?? null,
    totals: {
      idr: {
        goods: quote.totals.goodsIdr,
        shipping: quote.totals.shippingIdr,
        taxesAtCheckout: quote.totals.taxesAtCheckoutIdr,
        total: quote.totals.totalIdr,
        onDelivery: quote.totals.onDeliveryIdr,
      },
      display: displayTotals(quote, rates),
    },
  };
}

const source = (s: { name: string; url?: string; date: string }) => ({ name: s.name, url: s.url ?? null, date: s.date });

function shippingOption(option: ShippingOption) {
  const common = { serviceId: option.serviceId, carrier: option.carrier, name: localise(option.name, 'en'), available: option.available };
  if (!option.available) {
    return {
      ...common,
      tracked: null,
      priceIdr: null,
      days: null,
      zoneId: null,
      chargeableGrams: null,
      parcels: [],
      reason: option.reason,
      message: english(option.message),
      messageMessage: option.message,
    };
  }
  return {
    ...common,
    tracked: option.tracked,
    priceIdr: option.priceIdr,
    days: [option.days[0], option.days[1]],
    zoneId: option.zoneId,
    chargeableGrams: option.parcels.reduce((sum, parcel) => sum + parcel.chargeableGrams, 0),
    parcels: option.parcels.map((p) => ({ actualGrams: p.actualGrams, volumetricGrams: p.volumetricGrams, chargeableGrams: p.chargeableGrams, priceIdr: p.priceIdr })),
    reason: null,
    message: null,
    messageMessage: null,
  };
}

function landedCost(landed: LandedCost) {
  const threshold = landed.threshold;
  return {
    currency: landed.currency,
    regime: landed.regime,
    incoterm: landed.incoterm,
    threshold: threshold
      ? {
          currency: threshold.amount.currency,
          amount: toMajorString(threshold.amount),
          basis: threshold.basis,
          consignmentValue: toMajorString(threshold.consignmentValue),
          below: threshold.below,
        }
      : null,
    lines: landed.lines.map((line) => ({
      kind: line.kind,
      label: english(line.label),
      ratePercent: line.ratePercent ?? null,
      basis: english(line.basis),
      basisIdr: line.basisIdr,
      amountIdr: line.amountIdr,
      amount: toMajorString(line.amount),
      currency: line.amount.currency,
      collectedBy: line.collectedBy,
      from: {
        ruleId: line.from.ruleId ?? null,
        override: line.from.override,
        field: line.from.field,
        sources: line.from.source.map(source),
      },
      labelMessage: line.label,
      basisMessage: line.basis,
    })),
    atCheckoutIdr: landed.atCheckoutIdr,
    onDeliveryIdr: landed.onDeliveryIdr,
    subdivisionRange: landed.subdivisionRange
      ? { minPercent: landed.subdivisionRange.minPercent, maxPercent: landed.subdivisionRange.maxPercent, highIdr: landed.subdivisionRange.highIdr }
      : null,
    handlingFeeNote: landed.handlingFeeNote ? english(landed.handlingFeeNote) : null,
    explanation: landed.explanation.map(english),
    rule: {
      country: landed.rule.country,
      effective: landed.rule.effective || null,
      verify: Boolean(landed.rule.verify),
      sources: landed.rule.source.map(source),
      id: landed.rule.id ?? null,
      override: Boolean(landed.rule.override),
    },
    handlingFeeNoteMessage: landed.handlingFeeNote ?? null,
    explanationMessages: [...landed.explanation],
  };
}

/**
 * The totals in the destination currency, or null when the rates cannot reach it. Goods and
 * shipping are converted one by one; taxes are the sum of the tax lines as shown (each converted
 * once by core), so the column adds up to what a reader sees. It can differ by a minor unit from
 * converting the IDR total in one go.
 */
function displayTotals(quote: Quote, rates: RateSet): DisplayTotals | null {
  const currency = quote.currency;
  const convert = (idr: number) => convertIdr(idr, currency, rates).amount;
  try {
    const goods = convert(quote.totals.goodsIdr);
    const shipping = convert(quote.totals.shippingIdr);
    const lines = quote.landedCost?.lines ?? [];
    const sameCurrency = lines.every((line) => line.amount.currency === currency);
    const ddp = quote.landedCost?.incoterm === 'DDP';
    const taxes = (pick: (collectedBy: string) => boolean, idr: number) =>
      sameCurrency ? lines.filter((line) => pick(line.collectedBy)).reduce((sum, line) => sum + line.amount.amount, 0) : convert(idr);
    const atCheckout = taxes((by) => ddp || by === 'seller', quote.totals.taxesAtCheckoutIdr);
    const onDelivery = taxes((by) => !ddp && by === 'carrier', quote.totals.onDeliveryIdr);
    const text = (amount: number) => toMajorString({ amount, currency });
    return {
      currency,
      approximate: true,
      goods: text(goods),
      shipping: text(shipping),
      taxesAtCheckout: text(atCheckout),
      total: text(goods + shipping + atCheckout),
      onDelivery: text(onDelivery),
    };
  } catch (error) {
    // No rate for the destination's currency (MissingRateError) or a currency core does not know.
    if (error instanceof Error && (error.name === 'MissingRateError' || error.name === 'UnknownCurrencyError')) return null;
    throw error;
  }
}

/** The quote as the --json output gives it; the text output is written from the same view. */
export type QuoteView = ReturnType<typeof quoteToJson>;
