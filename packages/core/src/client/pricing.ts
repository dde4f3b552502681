import type { RateSet } from '../rates/index.js';
import {
  convertIdr,
  crossRate,
  formatMoney,
  idr,
  type ConvertOptions,
  type Money,
} from '../money/index.js';

/** What a buyer sees for one IDR amount, and what they would be charged for it. */
export interface PriceView {
  /** The amount in IDR, the truth that is charged. */
  readonly idr: Money;
  /** The amount in the display currency (equal to `idr` when showing IDR). */
  readonly display: Money;
  /** `display` formatted for the locale, prefixed "≈ " when it is an estimate. */
  readonly text: string;
  /** The charge formatted for the locale, e.g. "Rp 150.000". */
  readonly chargeText: string;
  /** True when the display currency is not the charge currency. */
  readonly approximate: boolean;
}

/**
 * A snapshot of everything needed to price an IDR amount for display: rates, the effective
 * display currency and the locale. Elements subscribe to it; a currency or locale switch is
 * one new snapshot that every price on the page re-renders from.
 */
export interface Pricing {
  /** The currency prices are shown in: the selected one, or IDR when it cannot be converted. */
  readonly currency: string;
  /** The currency the buyer is charged in. */
  readonly chargeCurrency: string;
  readonly locale: string;
  readonly rates: RateSet | undefined;
  /** True when the rates are older than the configured maximum age. */
  readonly stale: boolean;
  price(amountIdr: number): PriceView;
  /**
   * A line of `quantity` units: its IDR total, and in the display currency the unit's displayed
   * price times the quantity, so "3 × ≈ €24.08" is "≈ €72.24", never a cent off.
   */
  line(unitIdr: number, quantity: number): PriceView;
}

export interface PricingInput {
  readonly currency: string;
  readonly locale: string;
  readonly rates: RateSet | undefined;
  readonly stale: boolean;
  readonly convert: ConvertOptions;
}

/** True when `currency` can be shown with these rates (IDR always can). */
export function canDisplay(currency: string, rates: RateSet | undefined): boolean {
  return currency === 'IDR' || (rates !== undefined && crossRate(rates, 'IDR', currency) !== undefined);
}

export function createPricing(input: PricingInput): Pricing {
  const { locale, rates, stale, convert } = input;
  const currency = canDisplay(input.currency, rates) ? input.currency : 'IDR';
  const approximate = currency !== 'IDR';
  // Many cards show the same few prices: remember views for this snapshot only.
  const cache = new Map<number, PriceView>();

  function price(amountIdr: number): PriceView {
    let view = cache.get(amountIdr);
    if (view) return view;
    const charge = idr(amountIdr);
    const chargeText = formatMoney(charge, locale);
    const display = approximate && rates ? convertIdr(amountIdr, currency, rates, convert) : charge;
    view = {
      idr: charge,
      display,
      text: approximate ? formatMoney(display, locale, { approximate: true }) : chargeText,
      chargeText,
      approximate,
    };
    cache.set(amountIdr, view);
    return view;
  }

  function line(unitIdr: number, quantity: number): PriceView {
    if (!approximate || quantity === 1) return price(unitIdr * quantity);
    const unit = price(unitIdr);
    const charge = idr(unitIdr * quantity);
    const display = { amount: unit.display.amount * quantity, currency };
    return { idr: charge, display, text: formatMoney(display, locale, { approximate: true }), chargeText: formatMoney(charge, locale), approximate };
  }

  return { currency, chargeCurrency: 'IDR', locale, rates, stale, price, line };
}
