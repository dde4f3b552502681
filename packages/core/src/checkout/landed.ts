/**
 * Landed cost before checkout: the import charges a buyer in a country can expect for a product
 * (one unit, on a product page) or for the cart, from the same buildQuote as the checkout and
 * worded by codes (`rules.landed.*`, docs/duties-and-taxes.md). DOM-free.
 */
import { atom, type WritableAtom } from '../store/index.js';
import type { Storefront } from '../client/index.js';
import { convertIdr, type Money } from '../money/index.js';
import { fetchJson } from '../util/fetch.js';
import { DEFAULT_FETCH_TIMEOUT_MS } from '../limits.js';
import { message, type Message } from '../util/message.js';
import { destinationCountries, parseCheckoutConfig, type CheckoutConfig } from './config.js';
import { buildQuote, type Quote, type QuoteInput } from './quote.js';

/** The codes of ImportChargesEstimate.message and of the views that show it. */
export const LANDED_CODES = [
  'rules.landed.estimate',
  'rules.landed.estimateFrom',
  'rules.landed.nothing',
  'rules.landed.unavailable',
  'rules.landed.shipTo',
] as const;

export interface ImportChargesEstimate {
  readonly destination: string;
  /**
   * Every import charge on the parcel, whoever collects it (with the order or on delivery), in
   * whole rupiah: the sum of the quote's tax lines.
   */
  readonly totalIdr: number;
  /** `totalIdr` in the requested currency; absent when the rates cannot reach it. */
  readonly amount?: Money;
  /**
   * `rules.landed.estimate { amount, country }` ("≈ €3.20 import charges to Germany"),
   * `rules.landed.estimateFrom` (the same, when the rate depends on a province not known yet),
   * `rules.landed.nothing { country }`, or `rules.landed.unavailable { country }` (no estimate:
   * the parcel cannot go there as it is, or the rates lack a currency).
   */
  readonly message: Message;
  readonly quote: Quote;
}

/**
 * The import charges for `lines` to `destination`, for a view before checkout. `currency` is the
 * buyer's display currency (default: the destination's); the amount is marked "≈" by the words.
 */
export function estimateImportCharges(input: QuoteInput & { readonly currency?: string }): ImportChargesEstimate {
  const quote = buildQuote(input);
  const country = { region: quote.destination };
  const lc = quote.landedCost;
  const base = { destination: quote.destination, quote };
  if (quote.status !== 'ok' || !lc) return { ...base, totalIdr: 0, message: message('rules.landed.unavailable', { country }) };
  const totalIdr = lc.lines.reduce((sum, line) => sum + line.amountIdr, 0);
  if (totalIdr === 0) return { ...base, totalIdr, message: message('rules.landed.nothing', { country }) };
  const currency = input.currency ?? lc.currency;
  let amount: Money | undefined;
  // In the destination's currency, the sum of the lines as the checkout's review shows them.
  if (currency === lc.currency && lc.lines.every((line) => line.amount.currency === currency)) {
    amount = { amount: lc.lines.reduce((sum, line) => sum + line.amount.amount, 0), currency };
  } else if (input.rates) {
    try {
      amount = convertIdr(totalIdr, currency, input.rates);
    } catch {
      amount = undefined;
    }
  }
  if (!amount) return { ...base, totalIdr, message: message('rules.landed.unavailable', { country }) };
  const code = lc.subdivisionRange ? 'rules.landed.estimateFrom' : 'rules.landed.estimate';
  return { ...base, totalIdr, amount, message: message(code, { amount, country }) };
}

const configs = new WeakMap<Storefront, Promise<CheckoutConfig | undefined>>();

/**
 * The storefront's checkout configuration (`checkout` of createStorefront: a URL or the data),
 * read once per storefront and shared by every view before checkout. Undefined when the shop has
 * none. Rejects with FetchError or CheckoutConfigError; a failed read is tried again next time.
 */
export function checkoutConfigOf(sf: Storefront, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<CheckoutConfig | undefined> {
  let config = configs.get(sf);
  if (!config) {
    const source = sf.checkout;
    config = (async () => {
      if (source === undefined) return undefined;
      if (typeof source !== 'string') return parseCheckoutConfig(source, { handoff: sf.handoff });
      const url = new URL(source, globalThis.location?.href).href;
      const data = await fetchJson(url, { timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS, ...(options.fetch ? { fetch: options.fetch } : {}) });
      return parseCheckoutConfig(data, { handoff: sf.handoff, baseUrl: url });
    })();
    configs.set(sf, config);
    config.catch(() => configs.delete(sf));
  }
  return config;
}

const countries = new WeakMap<Storefront, WritableAtom<string | undefined>>();

/**
 * The country a storefront's buyer is shown import charges for, shared by the cart and product
 * pages: undefined until a view sets it (from the buyer's regions) or the buyer picks one.
 */
export function importCountryOf(sf: Storefront): WritableAtom<string | undefined> {
  let $country = countries.get(sf);
  if (!$country) countries.set(sf, ($country = atom<string | undefined>(undefined)));
  return $country;
}

/** The first of the buyer's regions the shop ships to, else the shop's first destination. */
export function guessImportCountry(config: CheckoutConfig, preferredRegions: readonly string[]): string | undefined {
  const offered = destinationCountries(config);
  return preferredRegions.map((r) => r.toUpperCase()).find((r) => offered.includes(r)) ?? offered[0];
}
