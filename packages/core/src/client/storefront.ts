import { atom, computed, type ReadableAtom } from '../store/index.js';
import {
  CatalogError,
  formatIssues,
  loadCatalog,
  parseCatalog,
  type Catalog,
  type CatalogIssue,
} from '../catalog/index.js';
import { cartTotals, createCart, type Cart, type CartTotals } from '../cart/index.js';
import {
  currencyForRegion,
  isKnownCurrency,
  type RoundingRule,
} from '../money/index.js';
import {
  DEFAULT_MAX_RATE_AGE_MS,
  jsonRates,
  loadRates,
  type RateSource,
  type RatesResult,
} from '../rates/index.js';
import { safeLocalStorage, type KeyValueStorage } from '../storage/index.js';
import { createApi, type StorefrontApi } from './api.js';
import { canDisplay, createPricing, type Pricing } from './pricing.js';

export type CatalogState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly catalog: Catalog; readonly issues: readonly CatalogIssue[] }
  | { readonly status: 'error'; readonly error: CatalogError };

/** `none`: the shop configured no rate source, so it shows and charges IDR only. */
export type RatesState = { readonly status: 'idle' } | { readonly status: 'loading' } | { readonly status: 'none' } | RatesResult;

/** Currencies offered when the merchant does not list their own. */
export const DEFAULT_CURRENCIES: readonly string[] = [
  'IDR', 'USD', 'SGD', 'MYR', 'EUR', 'GBP', 'AUD', 'JPY', 'CNY', 'KRW', 'HKD', 'SAR', 'AED',
];

export interface StorefrontConfig {
  /** Names this store's saved state (currency choice, cached rates); two shops on one domain differ. */
  readonly id?: string;
  /** Catalog URL, or catalog data already parsed from JSON. */
  readonly catalog?: string | unknown;
  readonly rates?: RateSource;
  /** Currencies the buyer may choose from (ISO codes); unknown codes are reported and dropped. */
  readonly currencies?: readonly string[];
  /** The merchant's default display currency, used when nothing better is known. */
  readonly defaultCurrency?: string;
  /** FX markup in percent added to converted prices (covers the merchant's conversion cost). */
  readonly markupPercent?: number;
  /** Rounding rule per currency code. */
  readonly rounding?: Readonly<Record<string, RoundingRule>>;
  readonly maxRateAgeMs?: number;
  readonly locale?: string;
  /** The buyer's regions, most preferred first (from navigator.languages), to pick a currency. */
  readonly preferredRegions?: readonly string[];
  readonly storage?: KeyValueStorage;
  /** Checkout configuration (shipping, taxes, hand-off): a URL of checkout.json, or its data. */
  readonly checkout?: string | unknown;
  /**
   * Base URL of a Storefront API server (packages/server). Then the catalog and rates come from
   * it unless given, and orders are priced and stored by it; without it the shop needs no backend.
   */
  readonly api?: string;
  /** Where orders go without a backend; overrides `handoff` in the checkout configuration. */
  readonly handoff?: { readonly whatsapp?: string; readonly email?: string; readonly paymentLink?: string };
  readonly logger?: Pick<Console, 'error' | 'warn'>;
  readonly fetch?: typeof fetch;
}

export interface Storefront {
  readonly id: string;
  /** Where this store keeps its state (localStorage when usable, else memory). */
  readonly storage: KeyValueStorage;
  /** The checkout configuration source as configured (URL or data), for the checkout element. */
  readonly checkout: string | unknown;
  readonly handoff: { readonly whatsapp?: string; readonly email?: string; readonly paymentLink?: string };
  /** The Storefront API client when the shop has a server (`api` in the config). */
  readonly api?: StorefrontApi;
  readonly currencies: readonly string[];
  readonly $catalog: ReadableAtom<CatalogState>;
  readonly $rates: ReadableAtom<RatesState>;
  /** The currency the buyer chose (may not be displayable yet while rates load). */
  readonly $currency: ReadableAtom<string>;
  readonly $locale: ReadableAtom<string>;
  /** Everything a price needs; changes once per currency, locale or rates change. */
  readonly $pricing: ReadableAtom<Pricing>;
  /** Currencies that can be shown now: the configured ones that the current rates cover. */
  readonly $availableCurrencies: ReadableAtom<readonly string[]>;
  readonly cart: Cart;
  /** The cart priced in the display currency; undefined until the catalog is loaded. */
  readonly $cart: ReadableAtom<CartTotals | undefined>;
  /** Whether the cart drawer is open (shared by cart buttons and the drawer). */
  readonly $cartOpen: ReadableAtom<boolean>;
  openCart(): void;
  closeCart(): void;
  /** Whether the checkout is open (the cart's "continue to checkout" opens it). */
  readonly $checkoutOpen: ReadableAtom<boolean>;
  openCheckout(): void;
  closeCheckout(): void;
  /** Loads (or reloads) the catalog from the configured source or the one given. */
  loadCatalog(source?: string | unknown): Promise<CatalogState>;
  loadRates(source?: RateSource): Promise<RatesState>;
  /** Selects and remembers a display currency. Unknown or not offered → console error, false. */
  setCurrency(code: string): boolean;
  /**
   * Sets the widgets' language. With `remember`, it is the buyer's own choice: saved, and it
   * wins over the page's language on later visits (see `chosenLocale`).
   */
  setLocale(tag: string, options?: { remember?: boolean }): boolean;
  /** The language the buyer chose themselves (saved), if any. */
  chosenLocale(): string | undefined;
}

function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

export function createStorefront(config: StorefrontConfig = {}): Storefront {
  const id = config.id ?? 'default';
  const logger = config.logger ?? console;
  const storage = config.storage ?? safeLocalStorage();
  const currencyKey = `mendunia:${id}:currency`;
  const localeKey = `mendunia:${id}:locale`;

  const currencies = (config.currencies ?? DEFAULT_CURRENCIES)
    .map((c) => c.trim().toUpperCase())
    .filter((code, i, all) => {
      if (!isKnownCurrency(code)) {
        logger.error(`Mendunia: unknown currency "${code}" in the store's currency list was ignored. Use ISO 4217 codes such as USD, SGD or EUR.`);
        return false;
      }
      return all.indexOf(code) === i;
    });
  if (!currencies.includes('IDR')) currencies.unshift('IDR');

  const $catalog = atom<CatalogState>({ status: 'idle' });
  const $rates = atom<RatesState>({ status: 'idle' });
  const savedLocale = canonicalLocale(storage.getItem(localeKey) ?? '');
  const configLocale = config.locale === undefined ? undefined : canonicalLocale(config.locale);
  if (config.locale !== undefined && !configLocale) logger.error(`Mendunia: "${config.locale}" is not a valid language tag; using English.`);
  const $locale = atom<string>(savedLocale ?? configLocale ?? 'en');
  const $currency = atom<string>(initialCurrency());

  function initialCurrency(): string {
    // A bad merchant default is reported whatever the buyer's saved choice or region is.
    let fallback = config.defaultCurrency?.trim().toUpperCase();
    if (fallback && !currencies.includes(fallback)) {
      logger.error(`Mendunia: default currency "${config.defaultCurrency}" is not ${isKnownCurrency(fallback) ? "in the store's currency list" : 'a known ISO 4217 currency'}; it is ignored.`);
      fallback = undefined;
    }
    const saved = storage.getItem(currencyKey);
    if (saved && currencies.includes(saved)) return saved;
    for (const region of config.preferredRegions ?? []) {
      const code = currencyForRegion(region.toUpperCase());
      if (code && currencies.includes(code)) return code;
    }
    return fallback ?? 'IDR';
  }

  const convert = { markupPercent: config.markupPercent ?? 0, rounding: config.rounding ?? {} };
  const $pricing = computed([$rates, $currency, $locale], (rates, currency, locale) =>
    createPricing({
      currency,
      locale,
      rates: rates.status === 'ready' ? rates.rates : undefined,
      stale: rates.status === 'ready' && rates.stale,
      convert,
    }),
  );
  const $availableCurrencies = computed([$rates], (rates) =>
    currencies.filter((c) => canDisplay(c, rates.status === 'ready' ? rates.rates : undefined)),
  );

  const currentCatalog = () => {
    const state = $catalog.get();
    return state.status === 'ready' ? state.catalog : undefined;
  };
  const cart = createCart({ getCatalog: currentCatalog, storage, key: `mendunia:${id}:cart`, logger });
  // Each time a catalog arrives, the saved cart is checked against it and the buyer told of changes.
  $catalog.listen((state) => {
    if (state.status === 'ready') cart.revalidate(state.catalog);
  });
  const $cart = computed([cart.$lines, $catalog, $pricing], (lines, state, pricing) =>
    state.status === 'ready' ? cartTotals(lines, state.catalog, pricing) : undefined,
  );
  const $cartOpen = atom(false);
  const $checkoutOpen = atom(false);

  const api = config.api ? createApi(config.api, { fetch: config.fetch }) : undefined;
  let catalogSource: unknown = config.catalog ?? api?.catalogUrl;
  let catalogRun = 0;
  async function loadCatalogFrom(source: string | unknown = catalogSource): Promise<CatalogState> {
    catalogSource = source;
    const run = ++catalogRun;
    const where = typeof source === 'string' ? source : 'inline catalog';
    $catalog.set({ status: 'loading' });
    let state: CatalogState;
    try {
      if (source === undefined) throw new CatalogError('No catalog configured: set catalog="catalog.json" or put a <script type="application/json"> inside <mendunia-store>.', where, []);
      const parsed = typeof source === 'string' ? await loadCatalog(source, { fetch: config.fetch }) : parseCatalog(source, where);
      if (parsed.issues.length) {
        logger.error(`Mendunia: problems in the catalog (${where}); the valid products are shown.\n${formatIssues(parsed.issues)}`);
      }
      state = { status: 'ready', catalog: parsed.catalog, issues: parsed.issues };
    } catch (e) {
      const error = e instanceof CatalogError ? e : new CatalogError(`Catalog from ${where} could not be loaded: ${String(e)}`, where, []);
      logger.error(`Mendunia: ${error.message}`);
      state = { status: 'error', error };
    }
    if (run === catalogRun) $catalog.set(state);
    return state;
  }

  let rateSource = config.rates ?? (api ? jsonRates(api.ratesUrl, { fetch: config.fetch }) : undefined);
  let ratesRun = 0;
  async function loadRatesFrom(source: RateSource | undefined = rateSource): Promise<RatesState> {
    rateSource = source;
    const run = ++ratesRun;
    if (!source) {
      const state: RatesState = { status: 'none' };
      $rates.set(state);
      return state;
    }
    $rates.set({ status: 'loading' });
    const state = await loadRates(source, {
      storage,
      cacheKey: `mendunia:${id}:rates:${source.id}`,
      maxAgeMs: config.maxRateAgeMs ?? DEFAULT_MAX_RATE_AGE_MS,
      logger,
    });
    if (run === ratesRun) {
      $rates.set(state);
      if (state.status === 'ready') {
        const missing = currencies.filter((c) => !canDisplay(c, state.rates));
        if (missing.length) logger.warn(`Mendunia: the rates from ${state.rates.source} have no ${missing.join(', ')}; ${missing.length > 1 ? 'those currencies are' : 'that currency is'} not offered.`);
      }
    }
    return state;
  }

  function setCurrency(input: string): boolean {
    const code = String(input).trim().toUpperCase();
    if (!isKnownCurrency(code)) {
      logger.error(`Mendunia: unknown currency "${input}"; expected an ISO 4217 code such as USD, SGD or EUR. Keeping ${$currency.get()}.`);
      return false;
    }
    if (!currencies.includes(code)) {
      logger.error(`Mendunia: currency ${code} is not offered by this store (${currencies.join(', ')}). Keeping ${$currency.get()}.`);
      return false;
    }
    $currency.set(code);
    storage.setItem(currencyKey, code);
    const rates = $rates.get();
    if (rates.status === 'ready' && !canDisplay(code, rates.rates)) {
      logger.warn(`Mendunia: the current rates cannot convert to ${code}; prices stay in IDR until rates that include it load.`);
    }
    return true;
  }

  function setLocale(tag: string, options: { remember?: boolean } = {}): boolean {
    const locale = canonicalLocale(tag);
    if (!locale) {
      logger.error(`Mendunia: "${tag}" is not a valid language tag; keeping ${$locale.get()}.`);
      return false;
    }
    if (options.remember) storage.setItem(localeKey, locale);
    $locale.set(locale);
    return true;
  }

  return {
    id,
    storage,
    checkout: config.checkout ?? api?.checkoutUrl,
    handoff: { ...config.handoff },
    ...(api ? { api } : {}),
    currencies,
    $catalog,
    $rates,
    $currency,
    $locale,
    $pricing,
    $availableCurrencies,
    cart,
    $cart,
    $cartOpen,
    openCart: () => $cartOpen.set(true),
    closeCart: () => $cartOpen.set(false),
    $checkoutOpen,
    openCheckout: () => {
      $cartOpen.set(false);
      $checkoutOpen.set(true);
    },
    closeCheckout: () => $checkoutOpen.set(false),
    loadCatalog: loadCatalogFrom,
    loadRates: loadRatesFrom,
    setCurrency,
    setLocale,
    chosenLocale: () => canonicalLocale(storage.getItem(localeKey) ?? ''),
  };
}
