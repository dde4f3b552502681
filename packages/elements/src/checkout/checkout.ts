import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, newIdempotencyKey, type Catalog, type RateSet, type Storefront, type StorefrontApi } from '@mendunia/core';
import {
  addressFormat,
  buildQuote,
  checkPhone,
  CheckoutConfigError,
  countryName,
  createOrder,
  destinationCountries,
  parseCheckoutConfig,
  validateAddress,
  type CheckoutConfig,
  type Order,
  type Quote,
} from '@mendunia/core/checkout/index.js';
import { dirOf, displayLanguage, translator, type TFunction } from '@mendunia/i18n';
import { addCheckoutStrings } from '@mendunia/i18n/checkout-strings.js';
import { ModalController } from '../shared/modal.js';
import { StorefrontController } from '../shared/storefront-controller.js';
import { preferredRegions } from '../shared/intl.js';
import { baseStyles, closeButtonStyles, controlStyles } from '../shared/styles.js';
import { checkoutStyles } from './checkout.styles.js';
import { emptyDraft, readDraft, STEPS, writeDraft, type Draft, type Step } from './draft.js';
import { renderAddress, renderContact, renderDone, renderReview, renderShipping, type StepView } from './steps.js';

type ConfigState =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly config: CheckoutConfig };

const CONFIG_TIMEOUT_MS = 15000;

type PlacingState =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'error'; readonly message: string }
  /** The server's price differs from the browser's estimate: the buyer confirms the new total. */
  | { readonly status: 'repriced'; readonly totalIdr: number; readonly previousIdr: number };

addCheckoutStrings();

/**
 * @tag mendunia-checkout
 * @summary The cross-border checkout: contact → delivery address → shipping service → review
 * (what the parcel costs door to door, with import duties and taxes explained line by line) →
 * order hand-off to the shop by WhatsApp, email or a payment link, with a downloadable order.
 * A modal dialog opened from the cart, or a page section with `inline`. Progress is saved on
 * every change, so a reload or a failed step loses nothing, and an order is placed only once.
 *
 * @csspart dialog - The `<dialog>` (not in inline mode).
 * @csspart base - The panel.
 * @csspart close-button - The dialog's close button.
 * @csspart progress - The list of steps.
 * @csspart error-summary - The list of fields to fix, shown when a step does not validate.
 * @csspart next-button - The button to the next step.
 * @csspart back-button - The button to the previous step.
 * @csspart blocked - The items that cannot be sent to the chosen country, with reasons.
 * @csspart landed-cost - The import duties and taxes explanation.
 * @csspart totals - The totals table of the review.
 * @csspart place-order-button - The "Place order" button.
 * @csspart handoff - The confirmation's WhatsApp, email, payment and download links.
 *
 * @cssprop --mendunia-checkout-background - Background of the panel.
 * @cssprop --mendunia-checkout-backdrop - The backdrop behind the dialog.
 * @cssprop --mendunia-whatsapp-background - Background of the WhatsApp button (default #1f7a4c).
 */
export class MenduniaCheckout extends LitElement {
  static override styles = [baseStyles, controlStyles, closeButtonStyles, checkoutStyles];

  /** Render as a section of the page (a checkout page) instead of a dialog. */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  @state() private draft?: Draft;
  @state() private errors: Readonly<Record<string, string>> = {};
  @state() private config: ConfigState = { status: 'loading' };
  @state() private handoffNote = '';
  /** Placing an order through the shop's server: an async step with progress and a retry. */
  @state() private placing: PlacingState = { status: 'idle' };

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly store = new StorefrontController(this, (s) => [s.$catalog, s.$rates, s.$pricing, s.cart.$lines, s.$checkoutOpen, s.$locale]);
  private readonly modal = new ModalController(this, () => this.dialog, () => this.store.value?.closeCheckout());
  private initialisedFor?: Storefront;
  private focusStepHeading = false;
  private quoteCache?: { key: readonly unknown[]; quote: Quote };
  private downloadUrl?: { reference: string; url: string };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl.url);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const sf = this.store.value;
    if (sf && sf !== this.initialisedFor) {
      this.initialisedFor = sf;
      this.draft = readDraft(sf.storage, this.draftKey(sf), this.defaultCountry());
      void this.loadConfig();
    }
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.modal.sync(!this.inline && !!this.store.value?.$checkoutOpen.get());
    if (this.focusStepHeading) {
      this.focusStepHeading = false;
      this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    if (!sf) return nothing;
    const t = translator(sf.$locale.get());
    const open = this.inline || sf.$checkoutOpen.get();
    const panel = open ? this.renderPanel(sf, t) : nothing;
    if (this.inline) return panel;
    // Backdrop clicks are a pointer shortcut; keyboard users close with Esc (the dialog's cancel).
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog part="dialog" dir=${dirOf(displayLanguage(sf.$locale.get()))} aria-labelledby="checkout-title" @cancel=${this.modal.onCancel} @close=${this.modal.onClose} @click=${this.modal.onClick}>${panel}</dialog>`;
  }

  private renderPanel(sf: Storefront, t: TFunction): TemplateResult {
    const draft = this.draft;
    return html`<section part="base" dir=${dirOf(displayLanguage(sf.$locale.get()))} aria-labelledby="checkout-title">
      <header>
        <h2 id="checkout-title" tabindex="-1">${t('checkout.title')}</h2>
        ${this.inline ? nothing : html`<button part="close-button" type="button" aria-label=${t('checkout.close')} @click=${() => sf.closeCheckout()}>×</button>`}
      </header>
      ${draft ? this.renderProgress(draft.step, t) : nothing}
      ${this.renderBody(sf, t)}
    </section>`;
  }

  private renderProgress(current: Step, t: TFunction): TemplateResult {
    return html`<ol part="progress" aria-label=${t('checkout.progress')}>
      ${STEPS.map((step) => html`<li aria-current=${step === current ? 'step' : nothing}>${t(`checkout.steps.${step}`)}</li>`)}
    </ol>`;
  }

  private renderBody(sf: Storefront, t: TFunction): TemplateResult {
    const draft = this.draft;
    const config = this.config;
    const catalog = sf.$catalog.get();
    if (draft?.step === 'done' && draft.order) return renderDone(this.view(sf, t, undefined));
    if (config.status === 'loading' || catalog.status === 'loading' || catalog.status === 'idle' || !draft) {
      return html`<p role="status">${t('checkout.loading')}</p>`;
    }
    if (config.status === 'missing') return html`<p role="alert">${t('checkout.notConfigured')}</p>`;
    if (config.status === 'error' || catalog.status === 'error') {
      return html`<div role="alert"><p>${t('checkout.loadError')}</p>
        <button class="secondary" type="button" @click=${() => { void this.loadConfig(); if (catalog.status === 'error') void sf.loadCatalog(); }}>${t('checkout.retry')}</button></div>`;
    }
    if (!sf.cart.$lines.get().length) return html`<p role="status">${t('checkout.empty')}</p>`;
    const quote = this.quote(sf, catalog.catalog, config.config);
    const view = this.view(sf, t, quote);
    switch (draft.step) {
      case 'contact':
        return renderContact(view);
      case 'address':
        return renderAddress(view);
      case 'shipping':
        return renderShipping(view);
      default:
        return renderReview(view);
    }
  }

  /** Everything a step renders from, and the actions it may take. */
  private view(sf: Storefront, t: TFunction, quote: Quote | undefined): StepView {
    const config = this.config.status === 'ready' ? this.config.config : undefined;
    const draft = this.draft ?? emptyDraft(this.defaultCountry());
    const catalog = sf.$catalog.get();
    return {
      t,
      sf,
      draft,
      errors: this.errors,
      quote,
      config,
      countries: config ? destinationCountries(config) : [],
      shop: (catalog.status === 'ready' && catalog.catalog.merchant?.name) || document.title,
      handoffNote: this.handoffNote,
      downloadUrl: () => this.orderDownloadUrl(),
      update: (patch) => this.update_(patch),
      next: () => this.next(sf, quote),
      back: () => this.go(STEPS[Math.max(0, STEPS.indexOf(draft.step) - 1)]),
      placeOrder: () => this.placeOrder(sf, quote),
      placing: this.placing,
      pay: sf.api && this.draft?.server ? () => void this.pay(sf) : undefined,
      handedOff: (note) => (this.handoffNote = note),
      focusField: (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
      restart: () => this.restart(sf),
    };
  }

  private quote(sf: Storefront, catalog: Catalog, config: CheckoutConfig): Quote {
    const rates = sf.$rates.get();
    const rateSet: RateSet | undefined = rates.status === 'ready' ? rates.rates : undefined;
    const lines = sf.cart.$lines.get();
    const draft = this.draft!;
    const key = [catalog, lines, draft.address.country, rateSet, config, draft.serviceId];
    if (this.quoteCache && this.quoteCache.key.every((k, i) => k === key[i])) return this.quoteCache.quote;
    const quote = buildQuote({ catalog, lines, destination: draft.address.country, config, rates: rateSet, serviceId: draft.serviceId });
    this.quoteCache = { key, quote };
    return quote;
  }

  // `update` is LitElement's own method; this one merges a change into the saved draft.
  private update_(patch: Partial<Omit<Draft, 'v'>>): void {
    const sf = this.store.value;
    if (!sf || !this.draft) return;
    this.draft = { ...this.draft, ...patch } as Draft;
    writeDraft(sf.storage, this.draftKey(sf), this.draft);
  }

  private go(step: Step): void {
    this.errors = {};
    this.update_({ step });
    this.focusStepHeading = true;
  }

  private next(sf: Storefront, quote: Quote | undefined): void {
    const draft = this.draft!;
    const t = translator(sf.$locale.get());
    const errors: Record<string, string> = {};
    if (draft.step === 'contact') {
      const { name, email, phone } = draft.contact;
      if (!name.trim()) errors['f-name'] = t('checkout.errors.required');
      if (!email.trim()) errors['f-email'] = t('checkout.errors.required');
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors['f-email'] = t('checkout.errors.email');
      const phoneCheck = checkPhone(phone, draft.address.country || this.defaultCountry());
      if (!phone.trim()) errors['f-phone'] = t('checkout.errors.required');
      else if (!phoneCheck.valid) errors['f-phone'] = t('checkout.errors.phone', { example: '+65 6123 4567' });
      else if (phoneCheck.e164 && phoneCheck.e164 !== phone) this.update_({ contact: { ...draft.contact, phone: phoneCheck.international ?? phoneCheck.e164 } });
    } else if (draft.step === 'address') {
      const country = countryName(draft.address.country, sf.$locale.get());
      const example = addressFormat(draft.address.country).postalCodeExample;
      for (const issue of validateAddress(draft.address)) {
        const id = issue.field === 'country' ? 'a-country' : `a-${issue.field}`;
        if (errors[id]) continue;
        errors[id] = t(`checkout.errors.${issue.code}`, {
          country,
          example: example ? t('checkout.errors.exampleSuffix', { example }) : '',
        });
      }
    } else if (draft.step === 'shipping') {
      // A parcel the destination refuses goes on to the review, which explains why.
      if (!quote || (quote.status !== 'ok' && quote.status !== 'not-allowed')) return;
      if (!draft.serviceId && quote.service) this.update_({ serviceId: quote.service.serviceId });
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      // Focus the first field to fix; the summary above it is announced (role=alert).
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${Object.keys(errors)[0]}`)?.focus());
      return;
    }
    this.go(STEPS[STEPS.indexOf(draft.step) + 1]);
  }

  private placeOrder(sf: Storefront, quote: Quote | undefined): void {
    const draft = this.draft!;
    // Placed once: a second click, a reload or a retry shows the same order and reference.
    if (draft.order || !quote || quote.status !== 'ok' || this.placing.status === 'pending') return;
    const contact = { ...draft.contact, phone: checkPhone(draft.contact.phone, draft.address.country).e164 ?? draft.contact.phone };
    if (sf.api) {
      void this.placeOrderOnServer(sf, sf.api, quote, contact);
      return;
    }
    const order = createOrder(quote, contact, draft.address, { displayCurrency: sf.$pricing.get().currency });
    this.update_({ order, step: 'done' });
    sf.cart.clear();
    this.focusStepHeading = true;
  }

  /**
   * With a Storefront API the browser's quote is only an estimate: the server prices the cart
   * again, signs it, and stores the order once per idempotency key (kept in the draft, so a
   * retry after a lost answer or a reload never makes a second order).
   */
  private async placeOrderOnServer(sf: Storefront, api: StorefrontApi, estimate: Quote, contact: Draft['contact']): Promise<void> {
    const draft = this.draft!;
    const key = draft.idempotencyKey ?? newIdempotencyKey();
    if (!draft.idempotencyKey) this.update_({ idempotencyKey: key });
    const confirmed = this.placing.status === 'repriced' ? this.placing.totalIdr : undefined;
    this.placing = { status: 'pending' };
    try {
      const lines = sf.cart.$lines.get().map(({ productId, variantId, quantity }) => ({ productId, ...(variantId ? { variantId } : {}), quantity }));
      const priced = await api.quote({ lines, destination: draft.address.country, serviceId: estimate.service?.serviceId, currency: sf.$pricing.get().currency });
      const total = priced.quote.totals.totalIdr;
      if (total !== estimate.totals.totalIdr && total !== confirmed) {
        this.placing = { status: 'repriced', totalIdr: total, previousIdr: estimate.totals.totalIdr };
        return;
      }
      const result = await api.placeOrder({ quote: priced.quote, contact, address: draft.address, displayCurrency: sf.$pricing.get().currency }, key);
      this.update_({ order: result.order as Order, step: 'done', server: { reference: result.reference, accessToken: result.accessToken } });
      sf.cart.clear();
      this.placing = { status: 'idle' };
      this.focusStepHeading = true;
    } catch (e) {
      const message = e instanceof ApiError ? e.message : String(e);
      console.error(`Mendunia: the order could not be placed with ${api.baseUrl}: ${message}`);
      this.placing = { status: 'error', message };
    }
  }

  private async pay(sf: Storefront): Promise<void> {
    const server = this.draft?.server;
    if (!sf.api || !server) return;
    try {
      const payment = await sf.api.payment(server.reference, server.accessToken);
      if (payment.redirectUrl) window.location.assign(payment.redirectUrl);
      else this.handoffNote = String(payment.instructions ?? payment.status);
    } catch (e) {
      this.handoffNote = e instanceof ApiError ? e.message : String(e);
    }
  }

  private restart(sf: Storefront): void {
    const country = this.draft?.address.country ?? this.defaultCountry();
    const fresh = emptyDraft(country);
    // Keep who and where: a returning buyer should not type their address again.
    this.draft = { ...fresh, contact: this.draft?.contact ?? fresh.contact, address: this.draft?.address ?? fresh.address };
    writeDraft(sf.storage, this.draftKey(sf), this.draft);
    this.handoffNote = '';
    sf.closeCheckout();
  }

  private orderDownloadUrl(): string | undefined {
    const order = this.draft?.order;
    if (!order) return undefined;
    if (this.downloadUrl?.reference !== order.reference) {
      if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl.url);
      const blob = new Blob([JSON.stringify(order, null, 2)], { type: 'application/json' });
      this.downloadUrl = { reference: order.reference, url: URL.createObjectURL(blob) };
    }
    return this.downloadUrl.url;
  }

  private async loadConfig(): Promise<void> {
    const sf = this.store.value;
    if (!sf) return;
    const source = sf.checkout;
    if (source === undefined) {
      this.config = { status: 'missing' };
      return;
    }
    this.config = { status: 'loading' };
    try {
      let data: unknown = source;
      if (typeof source === 'string') {
        const response = await fetch(source, { signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        data = await response.json();
      }
      this.config = { status: 'ready', config: parseCheckoutConfig(data, { handoff: sf.handoff }) };
      const countries = destinationCountries(this.config.config);
      if (this.draft && !countries.includes(this.draft.address.country)) {
        this.update_({ address: { ...this.draft.address, country: this.defaultCountry(countries) } });
      }
    } catch (e) {
      const where = typeof source === 'string' ? source : 'inline configuration';
      const message = e instanceof CheckoutConfigError ? e.message : `${(e as Error).message}`;
      console.error(`Mendunia: the checkout configuration (${where}) could not be used: ${message}`);
      this.config = { status: 'error', message };
    }
  }

  /** The buyer's own country when the shop ships there, else the first destination. */
  private defaultCountry(countries?: readonly string[]): string {
    const regions = preferredRegions();
    if (!countries) return regions[0] ?? 'SG';
    return regions.find((r) => countries.includes(r)) ?? countries[0] ?? 'SG';
  }

  private draftKey(sf: Storefront): string {
    return `mendunia:${sf.id}:checkout`;
  }
}
