import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createStorefront, getDefaultStorefront, setDefaultStorefront, type Storefront } from '@mendunia/core';
import { loadLanguage } from '@mendunia/i18n';
import { storefrontContext } from '../shared/context.js';
import { MenduniaCartChangeEvent, MenduniaCurrencyChangeEvent, MenduniaLocaleChangeEvent } from '../shared/events.js';
import { storefrontConfig } from '../shared/config.js';

/** Attributes that shape the storefront itself; changing one after start builds a new one. */
const STRUCTURAL = ['catalog', 'rates', 'ratesFormat', 'currencies', 'currency', 'markup', 'rounding', 'maxRateAge', 'storeId', 'checkout', 'api', 'whatsapp', 'email', 'paymentLink'] as const;

/**
 * @tag mendunia-store
 * @summary Holds a shop's configuration and state — catalog, exchange rates, currency and
 * language — and shares it with every Mendunia element inside it. The first store on a page
 * also becomes the page default, so elements placed elsewhere on the page use it too.
 *
 * @slot - The shop's content: product cards, prices, selectors, any HTML. A
 *   `<script type="application/json">` child is read as the catalog, and one with a
 *   `data-rates` attribute as the merchant's rate table.
 *
 * @fires mendunia-currency-change - After the display currency changed (`detail.currency`, `detail.previous`).
 * @fires mendunia-locale-change - After the widgets' language changed (`detail.locale`, `detail.previous`).
 * @fires mendunia-cart-change - After the cart changed, here or in another tab (`detail.lines`, `detail.totals`).
 */
export class MenduniaStore extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** URL of the catalog JSON. Ignored when an inline `<script type="application/json">` catalog is present. */
  @property() catalog?: string;

  /** URL of the exchange rates: JSON (see docs) or the ECB daily XML; `ecb` means the ECB's own URL. */
  @property() rates?: string;

  /** Format of `rates`: `json` or `ecb`. Guessed from the URL (`.xml` → `ecb`) when absent. */
  @property({ attribute: 'rates-format' }) ratesFormat?: 'json' | 'ecb';

  /** The merchant's default display currency (ISO 4217), used when the buyer has no saved choice and their region's currency is not offered. */
  @property() currency?: string;

  /** Currencies offered to buyers, space- or comma-separated ISO codes. IDR is always offered. */
  @property() currencies?: string;

  /** Language of the widgets (BCP 47). Without it they follow `<html lang>`, then the browser. */
  @property({ reflect: true }) locale?: string;

  /** FX markup in percent added to converted prices, e.g. `2.5`. */
  @property() markup?: string;

  /** Rounding per currency, e.g. `USD=charm:0.99 JPY=nearest:10 SGD=nearest:0.05`. */
  @property() rounding?: string;

  /** Rates older than this are flagged as out of date, e.g. `4d`, `36h`. Default 4 days. */
  @property({ attribute: 'max-rate-age' }) maxRateAge?: string;

  /**
   * Base URL of the shop's Storefront API server. Orders are then priced, checked and stored by
   * the server (catalog and rates come from it too unless `catalog`/`rates` are set).
   */
  @property() api?: string;

  /** URL of the checkout configuration (shipping services and rates, tax settings, hand-off). */
  @property() checkout?: string;

  /** WhatsApp number (international, digits only) that receives orders. */
  @property() whatsapp?: string;

  /** Email address that receives orders. */
  @property() email?: string;

  /** Payment link template with {amount}, {currency} and {reference}, e.g. a PayPal.me or Midtrans link. */
  @property({ attribute: 'payment-link' }) paymentLink?: string;

  /** Names this shop's saved state (currency, cached rates) so two shops on one domain stay apart. */
  @property({ attribute: 'store-id' }) storeId?: string;

  /**
   * The storefront this element provides. Set it to share a storefront you created with
   * `createStorefront()` from `@mendunia/core`; the configuration attributes are then ignored.
   */
  @provide({ context: storefrontContext })
  @property({ attribute: false })
  storefront?: Storefront;

  private ownsStorefront = false;
  /** The storefront this element built from its attributes, if it did. */
  private built?: Storefront;
  private unsubscribe: (() => void)[] = [];
  private langObserver?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // A reconnected store (moved in the page) keeps its storefront. A new one builds its own in
    // its first update, not here: a storefront set right after connecting (frameworks set
    // properties then) must win without a throwaway one loading first.
    if (this.storefront) this.attach();
    if (document.readyState === 'loading') {
      // Defined before the parser reached our children: wait for an inline catalog to exist.
      document.addEventListener('DOMContentLoaded', () => this.requestUpdate(), { once: true });
    }
    this.langObserver = new MutationObserver(() => this.followDocumentLanguage());
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.langObserver?.disconnect();
    this.detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storefront') && this.storefront && this.storefront !== this.built) {
      // A storefront set from outside replaces the one built from attributes, if any.
      const previous = changed.get('storefront');
      if (previous && previous === this.built) previous.cart.close();
      this.ownsStorefront = false;
      this.built = undefined;
      this.detach(previous);
      this.attach();
    } else if (!this.storefront) {
      if (document.readyState === 'loading') return;
      this.build();
      this.attach();
    } else if (!this.hasUpdated) {
      return;
    } else if (this.ownsStorefront && STRUCTURAL.some((k) => changed.has(k))) {
      const previous = this.storefront;
      this.detach();
      previous?.cart.close();
      this.build();
      this.attach();
    } else if (changed.has('locale')) {
      this.followDocumentLanguage();
    }
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  private build(): void {
    const inlineCatalog = this.inlineJson(':scope > script[type="application/json"]:not([data-rates])', 'catalog');
    const inlineRates = this.inlineJson(':scope > script[type="application/json"][data-rates]', 'rates');
    const storefront = createStorefront(
      storefrontConfig(
        {
          catalog: this.catalog,
          rates: this.rates,
          ratesFormat: this.ratesFormat,
          currency: this.currency,
          currencies: this.currencies,
          locale: this.wantedLocale(),
          markup: this.markup,
          rounding: this.rounding,
          maxRateAge: this.maxRateAge,
          storeId: this.storeId,
          checkout: this.checkout,
          api: this.api,
          whatsapp: this.whatsapp,
          email: this.email,
          paymentLink: this.paymentLink,
          inlineCatalog,
          inlineRates,
        },
        document.baseURI,
      ),
    );
    this.ownsStorefront = true;
    this.built = storefront;
    this.storefront = storefront;
    void storefront.loadCatalog();
    void storefront.loadRates();
  }

  private attach(): void {
    const sf = this.storefront;
    if (!sf) return;
    if (!getDefaultStorefront()) setDefaultStorefront(sf);
    let currency = sf.$currency.get();
    let locale = sf.$locale.get();
    // Strings of languages other than en and id load on demand; elements re-render when they arrive.
    void loadLanguage(locale);
    this.unsubscribe = [
      sf.$currency.listen((next) => {
        const previous = currency;
        currency = next;
        this.dispatchEvent(new MenduniaCurrencyChangeEvent({ currency: next, previous }));
      }),
      sf.$locale.listen((next) => {
        void loadLanguage(next);
        const previous = locale;
        locale = next;
        this.dispatchEvent(new MenduniaLocaleChangeEvent({ locale: next, previous }));
      }),
      sf.cart.$lines.listen((lines) => {
        this.dispatchEvent(new MenduniaCartChangeEvent({ lines, totals: sf.$cart.get() }));
      }),
    ];
    this.followDocumentLanguage();
  }

  private detach(storefront = this.storefront): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (storefront && getDefaultStorefront() === storefront) setDefaultStorefront(undefined);
  }

  private wantedLocale(): string {
    return this.locale || document.documentElement.lang || navigator.language || 'en';
  }

  /** Follows the `locale` attribute or `<html lang>`, unless the buyer chose a language. */
  private followDocumentLanguage(): void {
    const sf = this.storefront;
    if (!sf || !this.ownsStorefront || sf.chosenLocale()) return;
    if (sf.$locale.get() !== this.wantedLocale()) sf.setLocale(this.wantedLocale());
  }

  private inlineJson(selector: string, what: string): unknown {
    const script = this.querySelector(selector);
    if (!script) return undefined;
    try {
      return JSON.parse(script.textContent ?? '');
    } catch (e) {
      console.error(`Mendunia: the inline ${what} <script type="application/json"> in <mendunia-store> is not valid JSON: ${(e as Error).message}`);
      // Something the catalog parser refuses, so the store shows its error state, not an empty shop.
      return what === 'catalog' ? { invalidJson: true } : undefined;
    }
  }
}
