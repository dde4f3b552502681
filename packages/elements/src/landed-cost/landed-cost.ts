import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatMoney, message, type Message, type Storefront } from '@mendunia/core';
import {
  checkoutConfigOf,
  countryName,
  destinationCountries,
  estimateImportCharges,
  guessImportCountry,
  hasCountryRules,
  importCountryOf,
  loadCountryRules,
  type CheckoutConfig,
  type ImportChargesEstimate,
} from '@mendunia/core/checkout/index.js';
import { dirOf, displayLanguage, translator } from '@mendunia/i18n';
import { describe } from '@mendunia/i18n/messages.js';
import { addCheckoutStrings } from '@mendunia/i18n/checkout-strings.js';
import { StorefrontController } from '../shared/storefront-controller.js';
import { preferredRegions } from '../shared/intl.js';
import { baseStyles, controlStyles } from '../shared/styles.js';

addCheckoutStrings();

type ConfigState = { status: 'pending' } | { status: 'error' } | { status: 'complete'; config: CheckoutConfig | undefined };
/** The destination's duty and restriction rules (the script tag fetches them with its country's file). */
type RulesState = { country: string; status: 'loading' | 'error' };

/**
 * @tag mendunia-landed-cost
 * @summary The import duties and taxes a buyer abroad can expect, before checkout: for one unit of
 * a product ("≈ €3.20 import charges to Germany") or, with `cart`, for the whole cart. The same
 * estimate as the checkout (core's buildQuote, the cheapest shipping service); the country is the
 * buyer's, guessed from their languages, and with `selectable` they change it in one click.
 *
 * @csspart base - The wrapper.
 * @csspart estimate - The sentence with the amount.
 * @csspart country-select - The country picker (with `selectable`).
 *
 * @cssprop --mendunia-landed-cost-color - Text colour (default: the muted text colour).
 */
export class MenduniaLandedCost extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      [part='base'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mendunia-space-2, 0.5rem);
        color: var(--mendunia-landed-cost-color, var(--_muted));
        font-size: 0.9em;
      }
      [part='country-select'] {
        min-block-size: max(24px, 2em);
        font: inherit;
      }
    `,
  ];

  /** The product whose one unit is estimated (not used with `cart`). */
  @property({ attribute: 'product-id' }) productId?: string;

  /** The variant, for a product with variants (default: its first variant). */
  @property({ attribute: 'variant-id' }) variantId?: string;

  /** Estimate the whole cart instead of one product. */
  @property({ type: Boolean, reflect: true }) cart = false;

  /** A fixed destination (ISO 3166-1 alpha-2); by default the buyer's, shared with the cart. */
  @property() country?: string;

  /** Show a country picker next to the estimate. */
  @property({ type: Boolean }) selectable = false;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  @state() private configState: ConfigState = { status: 'pending' };
  /** Set while the destination's rules load or when they could not be; cleared when they are there. */
  @state() private rulesState?: RulesState;

  private readonly store = new StorefrontController(this, (s) => [s.$catalog, s.$rates, s.$pricing, s.$locale, s.cart.$lines, importCountryOf(s)]);
  private loadedFor?: Storefront;
  private estimateKey: readonly unknown[] = [];
  private estimate?: ImportChargesEstimate;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const sf = this.store.value;
    if (sf && sf !== this.loadedFor) this.load(sf);
    const state = this.configState;
    const destination = sf && state.status === 'complete' && state.config ? this.destinationOf(sf, state.config) : undefined;
    if (destination && !hasCountryRules(destination) && this.rulesState?.country !== destination) this.loadRules(destination);
  }

  /** Loads the country's rules; the estimate shows "…" meanwhile and the unavailable words if they cannot be had. */
  private loadRules(country: string): void {
    this.rulesState = { country, status: 'loading' };
    loadCountryRules(country).then(
      () => {
        if (this.rulesState?.country === country) this.rulesState = undefined;
      },
      (error: unknown) => {
        // A warning: the estimate is an extra (the checkout reports the failure where it stops the buyer).
        console.warn(`Mendunia: <mendunia-landed-cost>: the import rules for ${country} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
        if (this.rulesState?.country === country) this.rulesState = { country, status: 'error' };
      },
    );
  }

  /** The country shown: the element's, else the buyer's (shared with the cart) when the shop ships there, else a guess. */
  private destinationOf(sf: Storefront, config: CheckoutConfig): string | undefined {
    const offered = destinationCountries(config);
    const chosen = (this.country ?? importCountryOf(sf).get())?.toUpperCase();
    return chosen && offered.includes(chosen) ? chosen : guessImportCountry(config, preferredRegions());
  }

  private load(sf: Storefront): void {
    this.loadedFor = sf;
    this.configState = { status: 'pending' };
    checkoutConfigOf(sf).then(
      (config) => {
        if (this.loadedFor !== sf) return;
        this.configState = { status: 'complete', config };
        const $country = importCountryOf(sf);
        if (config && $country.get() === undefined) $country.set(guessImportCountry(config, preferredRegions()));
      },
      (error: unknown) => {
        if (this.loadedFor !== sf) return;
        // A warning, not an error: the estimate is an extra; the checkout reports the same failure
        // as an error where it stops the buyer (one failure, one error in the console).
        console.warn(`Mendunia: <mendunia-landed-cost>: the checkout configuration could not be read: ${error instanceof Error ? error.message : String(error)}`);
        this.configState = { status: 'error' };
      },
    );
  }

  /** The estimate, recomputed only when one of its inputs changed (not on every render). */
  private estimateFor(sf: Storefront, config: CheckoutConfig, destination: string): ImportChargesEstimate | undefined {
    const catalog = sf.$catalog.get();
    const rates = sf.$rates.get();
    if (catalog.status !== 'ready' || rates.status !== 'ready') return undefined;
    const currency = sf.$pricing.get().currency;
    const lines = this.cart ? sf.cart.$lines.get() : this.productLines(catalog.catalog);
    if (!hasCountryRules(destination)) return undefined;
    const key = [catalog.catalog, rates.rates, config, destination, currency, this.cart ? lines : `${this.productId}|${this.variantId}`];
    if (key.length === this.estimateKey.length && key.every((k, i) => k === this.estimateKey[i])) return this.estimate;
    this.estimateKey = key;
    this.estimate = lines.length ? estimateImportCharges({ catalog: catalog.catalog, lines, destination, config, rates: rates.rates, currency }) : undefined;
    return this.estimate;
  }

  private productLines(catalog: { readonly products: readonly { readonly id: string; readonly variants: readonly { readonly id: string }[] }[] }) {
    const product = catalog.products.find((p) => p.id === this.productId);
    if (!product) return [];
    const variantId = this.variantId ?? product.variants[0]?.id;
    return [{ productId: product.id, ...(variantId ? { variantId } : {}), quantity: 1 }];
  }

  /** The amount written the way the cart writes prices (the storefront's locale), not the words' language. */
  private formatted(estimate: ImportChargesEstimate, locale: string): Message {
    const { message } = estimate;
    return estimate.amount ? { ...message, params: { ...message.params, amount: formatMoney(estimate.amount, locale) } } : message;
  }

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    const state = this.configState;
    if (!sf || state.status !== 'complete' || !state.config) return nothing;
    const locale = sf.$locale.get();
    const lang = displayLanguage(locale);
    const t = translator(locale);
    const offered = destinationCountries(state.config);
    const destination = this.destinationOf(sf, state.config);
    if (!destination) return nothing;
    const rules = this.rulesState?.country === destination && !hasCountryRules(destination) ? this.rulesState.status : undefined;
    const estimate = rules ? undefined : this.estimateFor(sf, state.config, destination);
    // While the rules load: "…" on the estimate's line (the line keeps its height: nothing moves).
    const words =
      rules === 'loading'
        ? html`<span part="estimate" role="status" aria-busy="true">…</span>`
        : rules === 'error'
          ? html`<span part="estimate" role="status">${describe(message('rules.landed.unavailable', { country: { region: destination } }), lang)}</span>`
          : estimate
            ? html`<span part="estimate" role="status">${describe(this.formatted(estimate, locale), lang)}</span>`
            : nothing;
    return html`<p part="base" dir=${dirOf(lang)}>
      ${words}
      ${this.selectable && !this.country
        ? html`<label
            ><span class="visually-hidden">${t('rules.landed.shipTo')}</span>
            <select part="country-select" @change=${(e: Event) => importCountryOf(sf).set((e.target as HTMLSelectElement).value)}>
              ${offered.map((code) => html`<option value=${code} ?selected=${code === destination}>${countryName(code, locale)}</option>`)}
            </select></label
          >`
        : nothing}
    </p>`;
  }
}
