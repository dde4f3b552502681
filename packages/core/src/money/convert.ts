import type { RateSet } from '../rates/types.js';
import { requireCurrency } from './currencies.js';
import { div, mul, parseDecimal, ratio, type Ratio } from './decimal.js';
import { roundRatio, type RoundingRule } from './round.js';

/** An amount of money: an integer number of minor units (per `CurrencyInfo.digits`). */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface ConvertOptions {
  /** FX markup in percent (2.5 = 2.5 %), applied before rounding. Default 0. */
  markupPercent?: number;
  /** One rule for every currency, or a rule per currency code; default `{ type: 'none' }`. */
  rounding?: RoundingRule | Readonly<Record<string, RoundingRule>>;
}

/** Thrown when a rate set cannot convert IDR into the requested currency. */
export class MissingRateError extends Error {
  /** The currency that could not be reached. */
  readonly currency: string;
  /** `RateSet.source` of the rates that lacked it. */
  readonly source: string;

  constructor(currency: string, rates: RateSet) {
    super(`No exchange rate from IDR to ${currency} in ${rates.source} (${rates.date})`);
    this.name = 'MissingRateError';
    this.currency = currency;
    this.source = rates.source;
  }
}

const ONE = ratio(1n);
const NO_ROUNDING: RoundingRule = Object.freeze({ type: 'none' });

// Rate sets are immutable (readonly, frozen by our parsers), so each decimal string is parsed
// once per set instead of once per price; 1,000 prices on a page share the work.
const parsedRates = new WeakMap<RateSet, Map<string, Ratio | null>>();

function rateOf(set: RateSet, code: string): Ratio | undefined {
  if (code === set.base) return ONE;
  let cache = parsedRates.get(set);
  if (!cache) parsedRates.set(set, (cache = new Map()));
  let rate = cache.get(code);
  if (rate === undefined) {
    rate = null;
    const raw = Object.hasOwn(set.rates, code) ? set.rates[code] : undefined;
    if (raw !== undefined) {
      try {
        const parsed = parseDecimal(raw);
        // A zero rate would divide by zero in a cross rate; treat it like no rate at all.
        if (parsed.n > 0n) rate = parsed;
      } catch {
        // A hand-built set with a bad string: no usable rate, same as absent.
      }
    }
    cache.set(code, rate);
  }
  return rate ?? undefined;
}

/**
 * Units of `to` per one unit of `from`, exactly, crossing through `rates.base`
 * (IDR→SGD from EUR rates is SGD-per-EUR ÷ IDR-per-EUR). Undefined when either rate is missing.
 */
export function crossRate(rates: RateSet, from: string, to: string): Ratio | undefined {
  if (from === to) return ONE;
  const fromRate = rateOf(rates, from);
  const toRate = rateOf(rates, to);
  return fromRate && toRate ? div(toRate, fromRate) : undefined;
}

function markupFactor(markupPercent: number | undefined): Ratio {
  if (markupPercent === undefined || markupPercent === 0) return ONE;
  if (!Number.isFinite(markupPercent) || markupPercent < 0) {
    throw new RangeError(`markupPercent must be a finite number ≥ 0, got ${markupPercent}`);
  }
  // 1 + m/100 as (100 + m)/100, exactly.
  const m = parseDecimal(markupPercent);
  return ratio(100n * m.d + m.n, 100n * m.d);
}

function isRule(value: object): value is RoundingRule {
  return typeof (value as { type?: unknown }).type === 'string';
}

function ruleFor(rounding: ConvertOptions['rounding'], currency: string): RoundingRule {
  if (rounding === undefined) return NO_ROUNDING;
  if (isRule(rounding)) return rounding;
  return Object.hasOwn(rounding, currency) ? rounding[currency]! : NO_ROUNDING;
}

/**
 * Converts a price in whole rupiah to `to` for display:
 * round(idr × rate(IDR→to) × (1 + markup/100) × 10^digits), rounded once, at the end, with the
 * currency's rule. `to === 'IDR'` returns the amount unchanged (no markup, no rounding).
 * Throws RangeError for an amount that is not a safe non-negative integer,
 * UnknownCurrencyError for an unknown code, MissingRateError when the rates lack it.
 */
export function convertIdr(amountIdr: number, to: string, rates: RateSet, options: ConvertOptions = {}): Money {
  if (!Number.isSafeInteger(amountIdr) || amountIdr < 0) {
    throw new RangeError(`Expected an IDR amount in whole rupiah (a non-negative safe integer), got ${amountIdr}`);
  }
  const target = requireCurrency(to);
  if (to === 'IDR') return idr(amountIdr);
  const factor = factorOf(rates, to, target.digits, options.markupPercent);
  // amount × factor as n/d without the gcd of ratio(): rounding (floor/ceil divisions) is exact
  // for any n/d with d > 0, and skipping the reduction is most of the cost of a conversion.
  const exact: Ratio = { n: BigInt(amountIdr) * factor.n, d: factor.d };
  return { amount: roundRatio(exact, ruleFor(options.rounding, to), target), currency: to };
}

// rate(IDR→to) × (1 + markup/100) × 10^digits(to) ÷ 10^digits(IDR), the same for every price of
// one rate set: computed once per set, currency and markup (1,000 prices share it). A bad markup
// throws before anything is cached, so it throws on every call.
const factors = new WeakMap<RateSet, Map<string, Ratio>>();

function factorOf(rates: RateSet, to: string, digits: number, markupPercent: number | undefined): Ratio {
  const key = `${to}\u0000${markupPercent ?? 0}`;
  let cache = factors.get(rates);
  if (!cache) factors.set(rates, (cache = new Map()));
  let factor = cache.get(key);
  if (!factor) {
    const rate = crossRate(rates, 'IDR', to);
    if (!rate) throw new MissingRateError(to, rates);
    const source = requireCurrency('IDR');
    factor = mul(mul(ratio(1n, 10n ** BigInt(source.digits)), rate), mul(markupFactor(markupPercent), ratio(10n ** BigInt(digits))));
    cache.set(key, factor);
  }
  return factor;
}

/** Money in rupiah from a whole-rupiah amount (a safe integer; RangeError otherwise). */
export function idr(amount: number): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Expected an IDR amount in whole rupiah (a safe integer), got ${amount}`);
  }
  return { amount, currency: 'IDR' };
}
