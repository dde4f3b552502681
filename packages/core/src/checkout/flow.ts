/**
 * The whole cross-border checkout, headless: the buyer's draft, the step they are on, the
 * configuration, the quote, validation, placing the order (with or without the shop's server)
 * and the hand-off. `<mendunia-checkout>` is one view of it; a developer can build another on
 * this API alone (docs/checkout-api.md). DOM-free: it runs in a browser, a worker or Node.
 */
import { atom, type ReadableAtom, type WritableAtom } from '../store/index.js';
import type { Storefront } from '../client/index.js';
import { ApiError, newIdempotencyKey, type ApiPayment } from '../client/index.js';
import type { RateSet } from '../rates/index.js';
import type { Catalog } from '../catalog/index.js';
import type { CartLine } from '../cart/index.js';
import { message, type Message } from '../util/message.js';
import { FetchError } from '../util/fetch.js';
import { DEFAULT_FETCH_TIMEOUT_MS } from '../limits.js';
import { addressFormat, addressSubdivision, validateAddress, type AddressFieldName } from './address.js';
import { CheckoutConfigError, destinationCountries, type CheckoutConfig } from './config.js';
import { checkoutConfigOf } from './landed.js';
import { checkPhone, examplePhone } from './phone.js';
import { hasCountryData, loadCountryData } from './country-data.js';
import { buildQuote, type Quote } from './quote.js';
import { createOrder, type Order } from './order.js';
import { mailtoUrl, paymentLinkUrl, whatsappUrl } from './handoff.js';
import { CHECKOUT_STEPS, emptyDraft, readDraft, writeDraft, type CheckoutDraft, type CheckoutStep } from './draft.js';

export type CheckoutConfigState =
  | { readonly status: 'loading' }
  /** The shop has no checkout configuration. */
  | { readonly status: 'missing' }
  /** `retryable`: a network failure that trying again may mend (not an invalid configuration). */
  | { readonly status: 'error'; readonly error: Message; readonly retryable: boolean }
  | { readonly status: 'ready'; readonly config: CheckoutConfig };

export type PlacingState =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'error'; readonly error: Message }
  /** The server's price differs from the browser's estimate: placing again confirms the new total. */
  | { readonly status: 'repriced'; readonly totalIdr: number; readonly previousIdr: number };

/**
 * The data of the draft's country (its address format and phone metadata). Always 'ready' where
 * every country is registered (Node, ESM builds); the script tag fetches the chosen country's.
 */
export type CountryDataState =
  | { readonly status: 'ready' | 'loading'; readonly country: string }
  /** The fetch failed: `retryCountryData()` tries again; the draft is kept. */
  | { readonly status: 'error'; readonly country: string };

/** A field of the checkout form: the contact's, or an address field, or the country. */
export type CheckoutField = 'name' | 'email' | 'phone' | 'country' | 'service' | Exclude<AddressFieldName, 'name'> | 'recipient';

export interface FieldIssue {
  readonly field: CheckoutField;
  readonly message: Message;
}

/** What the buyer is asked to do to pay, after the order is placed. */
export type PaymentStep =
  | { readonly kind: 'redirect'; readonly url: string }
  /** The shop's bank or QRIS details, the amount and the reference, as the server sent them. */
  | { readonly kind: 'instructions'; readonly details: ApiPayment }
  | { readonly kind: 'error'; readonly error: Message };

export interface HandoffLinks {
  readonly whatsapp?: string;
  readonly email?: string;
  readonly paymentLink?: string;
}

export interface CheckoutOptions {
  /** Where the draft is saved; default `mendunia:<storefront id>:checkout` in the storefront's storage. */
  readonly storageKey?: string;
  /** The buyer's regions, most preferred first: the default destination when the shop ships there. */
  readonly preferredRegions?: readonly string[];
  /** How long to wait for the configuration (default: DEFAULT_FETCH_TIMEOUT_MS, 15 s). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly logger?: Pick<Console, 'error' | 'warn'>;
  /** For tests: the clock of quotes and orders. */
  readonly now?: () => Date;
}

export interface Checkout {
  readonly $config: ReadableAtom<CheckoutConfigState>;
  readonly $draft: ReadableAtom<CheckoutDraft>;
  /** The quote for the draft's destination and service (undefined until config and catalog are ready). */
  readonly $quote: ReadableAtom<Quote | undefined>;
  /** What stops the current step from going on, in form order (set by `next()`). */
  readonly $issues: ReadableAtom<readonly FieldIssue[]>;
  readonly $placing: ReadableAtom<PlacingState>;
  /** Whether the draft's country's address format and phone data are there (fetched on a change of country). */
  readonly $countryData: ReadableAtom<CountryDataState>;
  /** After a failure: fetches the draft's country's data again. */
  retryCountryData(): void;
  /** The countries the shop ships to (from the configuration). */
  countries(): readonly string[];
  /** Merges a change into the draft (saved at once). Changing the country resets region and service. */
  update(patch: DraftPatch): void;
  /** Validates the current step; goes on when it is complete and says so. */
  next(): boolean;
  back(): void;
  /** Places the order once (with the server when the storefront has one). Resolves to it, or undefined. */
  placeOrder(): Promise<Order | undefined>;
  /** With the shop's server: starts the payment of the placed order. */
  pay(): Promise<PaymentStep>;
  /** The hand-off links for the placed order, with the order text written by the caller in the buyer's language. */
  handoffLinks(text: string, subject: string): HandoffLinks;
  /** An example phone number for a country ('+49 1512 3456789'), for hints and messages. */
  phoneExample(country?: string): string | undefined;
  /** Starts over after an order (keeping who and where). */
  restart(): void;
  loadConfig(): Promise<void>;
  /** Stops listening to the storefront. */
  destroy(): void;
}

export interface DraftPatch {
  readonly step?: CheckoutStep;
  readonly contact?: Partial<CheckoutDraft['contact']>;
  readonly address?: Partial<CheckoutDraft['address']>;
  readonly serviceId?: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checkout of one storefront. Loads its configuration at once. */
export function createCheckout(sf: Storefront, options: CheckoutOptions = {}): Checkout {
  const logger = options.logger ?? console;
  const now = options.now ?? (() => new Date());
  const key = options.storageKey ?? `mendunia:${sf.id}:checkout`;
  const regions = options.preferredRegions ?? [];
  const defaultCountry = (countries?: readonly string[]): string =>
    !countries ? (regions[0] ?? 'SG') : (regions.find((r) => countries.includes(r)) ?? countries[0] ?? 'SG');

  const $config: WritableAtom<CheckoutConfigState> = atom<CheckoutConfigState>({ status: 'loading' });
  const $draft = atom<CheckoutDraft>(readDraft(sf.storage, key, defaultCountry(), logger));
  const $issues = atom<readonly FieldIssue[]>([]);
  const $placing = atom<PlacingState>({ status: 'idle' });
  const $quote = atom<Quote | undefined>(undefined);
  const $countryData = atom<CountryDataState>({ status: 'ready', country: $draft.get().address.country });

  // The address step needs its country's format and phone data: asked for when the checkout
  // opens (the draft's country) and whenever the country changes; a late answer for a country
  // the buyer has left is registered but changes nothing here.
  const ensureCountryData = (country: string) => {
    if (hasCountryData(country)) {
      $countryData.set({ status: 'ready', country });
      return;
    }
    $countryData.set({ status: 'loading', country });
    loadCountryData(country).then(
      () => {
        if ($draft.get().address.country === country) $countryData.set({ status: 'ready', country });
      },
      (e: unknown) => {
        logger.error(`Mendunia: the checkout data for ${country} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        if ($draft.get().address.country === country) $countryData.set({ status: 'error', country });
      },
    );
  };

  const save = (draft: CheckoutDraft) => {
    $draft.set(draft);
    writeDraft(sf.storage, key, draft);
  };

  // The quote depends on these only: recomputed when one of them changes, never per read.
  let quoteKey: readonly unknown[] = [];
  const requote = () => {
    const config = $config.get();
    const catalog = sf.$catalog.get();
    const draft = $draft.get();
    if (config.status !== 'ready' || catalog.status !== 'ready') {
      quoteKey = [];
      $quote.set(undefined);
      return;
    }
    const rates = sf.$rates.get();
    const rateSet: RateSet | undefined = rates.status === 'ready' ? rates.rates : undefined;
    const lines = sf.cart.$lines.get();
    // $countryData too: in the script tag the country's duty and restriction rules arrive with its file.
    const next = [catalog.catalog, lines, draft.address.country, addressSubdivision(draft.address), rateSet, config.config, draft.serviceId, $countryData.get()];
    if (next.length === quoteKey.length && next.every((k, i) => k === quoteKey[i])) return;
    quoteKey = next;
    $quote.set(quote(catalog.catalog, lines, draft, config.config, rateSet));
  };
  const quote = (catalog: Catalog, lines: readonly CartLine[], draft: CheckoutDraft, config: CheckoutConfig, rates?: RateSet): Quote =>
    buildQuote({
      catalog,
      lines,
      destination: draft.address.country,
      subdivision: addressSubdivision(draft.address),
      config,
      rates,
      serviceId: draft.serviceId,
      now: now(),
    });

  const offs = [sf.$catalog.listen(requote), sf.$rates.listen(requote), sf.cart.$lines.listen(requote), $config.listen(requote), $draft.listen(requote), $countryData.listen(requote)];

  function update(patch: DraftPatch): void {
    const draft = $draft.get();
    const country = patch.address?.country;
    const countryChanged = country !== undefined && country !== draft.address.country;
    const next: CheckoutDraft = {
      ...draft,
      ...(patch.step ? { step: patch.step } : {}),
      contact: { ...draft.contact, ...patch.contact },
      // A new country clears the old one's region, unless the same change gives the new region.
      address: { ...draft.address, ...patch.address, ...(countryChanged && patch.address?.region === undefined ? { region: '' } : {}) },
    };
    const withService: CheckoutDraft =
      'serviceId' in patch || countryChanged ? withoutUndefined({ ...next, serviceId: countryChanged ? undefined : patch.serviceId }) : next;
    save(withService);
    if (countryChanged) ensureCountryData(withService.address.country);
    if ($issues.get().length) {
      // An issue goes away as soon as its field is fixed; new ones wait for next().
      const fixed = new Set(validateStep(withService).map((i) => i.field));
      const remaining = $issues.get().filter((i) => fixed.has(i.field));
      if (remaining.length !== $issues.get().length) $issues.set(remaining);
    }
  }

  function validateStep(draft: CheckoutDraft): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (draft.step === 'contact') {
      const { name, email } = draft.contact;
      if (!name.trim()) issues.push({ field: 'name', message: message('checkout.errors.required') });
      if (!email.trim()) issues.push({ field: 'email', message: message('checkout.errors.required') });
      else if (!EMAIL.test(email.trim())) issues.push({ field: 'email', message: message('checkout.errors.email') });
    } else if (draft.step === 'address') {
      const country = draft.address.country;
      const example = country ? addressFormat(country).postalCodeExample : undefined;
      for (const issue of validateAddress(draft.address)) {
        const field: CheckoutField = issue.field === 'name' ? 'recipient' : issue.field;
        if (issues.some((i) => i.field === field)) continue;
        issues.push({
          field,
          message: message(`checkout.errors.${issue.code}`, {
            country: { region: country },
            example: example ? message('checkout.errors.exampleSuffix', { example }) : '',
          }),
        });
      }
      if (country && !countries().includes(country)) issues.push({ field: 'country', message: message('checkout.errors.unsupported-country') });
      const phone = draft.contact.phone;
      const check = checkPhone(phone, country);
      if (!phone.trim()) issues.push({ field: 'phone', message: message('checkout.errors.required') });
      else if (!check.valid) issues.push({ field: 'phone', message: message('checkout.errors.phone', { example: examplePhone(country) ?? '+62 812 3456 7890' }) });
    } else if (draft.step === 'shipping') {
      const q = $quote.get();
      if (!q || (q.status !== 'ok' && q.status !== 'not-allowed')) issues.push({ field: 'service', message: message('checkout.errors.service') });
    }
    return issues;
  }

  function countries(): readonly string[] {
    const config = $config.get();
    return config.status === 'ready' ? destinationCountries(config.config) : [];
  }

  function next(): boolean {
    const draft = $draft.get();
    if (draft.step === 'done' || draft.step === 'review') return false;
    // Without its country's rules the address cannot be checked: the view shows the state.
    if (draft.step === 'address' && $countryData.get().status !== 'ready') return false;
    const issues = validateStep(draft);
    $issues.set(issues);
    if (issues.length) return false;
    const patch: { step: CheckoutStep; contact?: Partial<CheckoutDraft['contact']>; serviceId?: string } = {
      step: CHECKOUT_STEPS[CHECKOUT_STEPS.indexOf(draft.step) + 1]!,
    };
    if (draft.step === 'address') {
      // Saved as the buyer will see it in messages: +49 30 1234567.
      const check = checkPhone(draft.contact.phone, draft.address.country);
      if (check.international && check.international !== draft.contact.phone) patch.contact = { phone: check.international };
    }
    if (draft.step === 'shipping' && !draft.serviceId && $quote.get()?.service) patch.serviceId = $quote.get()!.service!.serviceId;
    update(patch);
    return true;
  }

  function back(): void {
    const draft = $draft.get();
    const index = CHECKOUT_STEPS.indexOf(draft.step);
    if (index <= 0 || draft.step === 'done') return;
    $issues.set([]);
    update({ step: CHECKOUT_STEPS[index - 1]! });
  }

  function finish(order: Order, server?: CheckoutDraft['server']): Order {
    save(withoutUndefined({ ...$draft.get(), order, step: 'done', pending: undefined, ...(server ? { server } : {}) }));
    sf.cart.clear();
    $placing.set({ status: 'idle' });
    return order;
  }

  async function placeOrder(): Promise<Order | undefined> {
    const draft = $draft.get();
    const q = $quote.get();
    // Placed once: a second click, a reload or a retry shows the same order and reference.
    if (draft.order) return draft.order;
    if (!q || q.status !== 'ok' || $placing.get().status === 'pending') return undefined;
    const contact = { ...draft.contact, phone: checkPhone(draft.contact.phone, draft.address.country).e164 ?? draft.contact.phone };
    const displayCurrency = sf.$pricing.get().currency;
    if (!sf.api) return finish(createOrder(q, contact, draft.address, { displayCurrency, now: now() }));

    // With a Storefront API the browser's quote is only an estimate: the server prices the cart
    // again, signs it, and stores the order once per idempotency key (kept in the draft, so a
    // retry after a lost answer or a reload never makes a second order).
    const api = sf.api;
    const previous = $placing.get();
    const confirmed = previous.status === 'repriced' ? previous.totalIdr : undefined;
    $placing.set({ status: 'pending' });
    try {
      // A retry after a lost answer sends the very same request with the same key: the server
      // answers with the order it stored, never a second one (and a different body under the
      // same key would be refused).
      let pending = draft.pending;
      if (!pending) {
        const lines = sf.cart.$lines.get().map(({ productId, variantId, quantity }) => ({ productId, ...(variantId ? { variantId } : {}), quantity }));
        const region = addressSubdivision(draft.address);
        const priced = await api.quote({ lines, destination: draft.address.country, ...(region && { region }), serviceId: q.service?.serviceId, currency: displayCurrency });
        const total = priced.quote.totals.totalIdr;
        if (total !== q.totals.totalIdr && total !== confirmed) {
          $placing.set({ status: 'repriced', totalIdr: total, previousIdr: q.totals.totalIdr });
          return undefined;
        }
        pending = { key: newIdempotencyKey(), body: { quote: priced.quote, contact, address: draft.address, displayCurrency } };
        save({ ...$draft.get(), pending });
      }
      const result = await api.placeOrder(pending.body as Parameters<typeof api.placeOrder>[0], pending.key);
      return finish(result.order as Order, { reference: result.reference, accessToken: result.accessToken });
    } catch (e) {
      const detail = e instanceof ApiError ? e.message : String(e);
      logger.error(`Mendunia: the order could not be placed with ${api.baseUrl}: ${detail}`);
      // Refused (4xx): nothing was stored; the next attempt prices the cart again under a new key.
      if (e instanceof ApiError && !e.retryable) save(withoutUndefined({ ...$draft.get(), pending: undefined }));
      const code = e instanceof ApiError && e.status === 0 ? 'checkout.placeErrors.network' : e instanceof ApiError && e.status >= 500 ? 'checkout.placeErrors.server' : 'checkout.placeErrors.refused';
      $placing.set({ status: 'error', error: message(code) });
      return undefined;
    }
  }

  async function pay(): Promise<PaymentStep> {
    const server = $draft.get().server;
    if (!sf.api || !server) return { kind: 'error', error: message('checkout.placeErrors.noPayment') };
    try {
      const payment = await sf.api.payment(server.reference, server.accessToken);
      // Only web pages: a javascript: or data: URL from a compromised server must not run in the shop.
      if (payment.redirectUrl && /^https?:\/\//i.test(payment.redirectUrl)) return { kind: 'redirect', url: payment.redirectUrl };
      return { kind: 'instructions', details: payment };
    } catch (e) {
      logger.error(`Mendunia: the payment could not be started: ${e instanceof Error ? e.message : String(e)}`);
      return { kind: 'error', error: message(e instanceof ApiError && e.status === 0 ? 'checkout.placeErrors.network' : 'checkout.placeErrors.server') };
    }
  }

  function handoffLinks(text: string, subject: string): HandoffLinks {
    const config = $config.get();
    const order = $draft.get().order;
    if (config.status !== 'ready' || !order) return {};
    const handoff = config.config.handoff;
    const out: { whatsapp?: string; email?: string; paymentLink?: string } = {};
    // Each hand-off on its own: a bad setting loses that one link, never the others.
    const attempt = (name: keyof HandoffLinks, make: () => string) => {
      try {
        out[name] = make();
      } catch (e) {
        logger.error(`Mendunia: checkout.handoff.${name} cannot be used: ${(e as Error).message}`);
      }
    };
    if (handoff.whatsapp) attempt('whatsapp', () => whatsappUrl(handoff.whatsapp!, text));
    if (handoff.email) attempt('email', () => mailtoUrl(handoff.email!, subject, text));
    if (handoff.paymentLink) attempt('paymentLink', () => paymentLinkUrl(handoff.paymentLink!, { amountIdr: order.totals.totalIdr, reference: order.reference }));
    return out;
  }

  function restart(): void {
    const draft = $draft.get();
    const fresh = emptyDraft(draft.address.country);
    // Keep who and where: a returning buyer should not type their address again.
    save({ ...fresh, contact: draft.contact, address: draft.address });
    $issues.set([]);
    $placing.set({ status: 'idle' });
  }

  let loads = 0;
  async function loadConfig(): Promise<void> {
    const source = sf.checkout;
    const run = ++loads;
    if (source === undefined) {
      $config.set({ status: 'missing' });
      return;
    }
    $config.set({ status: 'loading' });
    const where = typeof source === 'string' ? source : 'inline configuration';
    let config: CheckoutConfig | undefined;
    try {
      // Read once per storefront: the cart's import charges (<mendunia-landed-cost>) use the same.
      config = await checkoutConfigOf(sf, { timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS, ...(options.fetch ? { fetch: options.fetch } : {}) });
    } catch (e) {
      if (run !== loads) return;
      if (e instanceof CheckoutConfigError) {
        logger.error(`Mendunia: the checkout configuration (${where}) could not be used: ${e.message}`);
        $config.set({ status: 'error', error: message('checkout.configErrors.invalid'), retryable: false });
        return;
      }
      logger.error(`Mendunia: the checkout configuration (${where}) could not be loaded: ${(e as Error).message}`);
      // A page that is not JSON (an HTML error page, a wrong path) will not mend by trying again.
      const retryable = !(e instanceof FetchError) || ['timeout', 'network', 'http'].includes(e.code);
      $config.set({ status: 'error', error: message(retryable ? 'checkout.configErrors.network' : 'checkout.configErrors.invalid'), retryable });
      return;
    }
    if (run !== loads) return;
    if (!config) {
      $config.set({ status: 'missing' });
      return;
    }
    // A bad hand-off or payment setting leaves out that setting only; the shop learns which.
    for (const problem of config.problems) logger.error(`Mendunia: checkout configuration (${where}): ${problem.path} was left out: ${problem.message}`);
    $config.set({ status: 'ready', config });
    const offered = destinationCountries(config);
    const draft = $draft.get();
    if (!draft.order && !offered.includes(draft.address.country)) update({ address: { country: defaultCountry(offered) } });
  }

  void loadConfig();
  ensureCountryData($draft.get().address.country);
  requote();

  return {
    $config,
    $draft,
    $quote,
    $issues,
    $placing,
    $countryData,
    retryCountryData: () => ensureCountryData($draft.get().address.country),
    countries,
    update,
    next,
    back,
    placeOrder,
    pay,
    handoffLinks,
    phoneExample: (country = $draft.get().address.country) => examplePhone(country),
    restart,
    loadConfig,
    destroy: () => offs.forEach((off) => off()),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
