import { LitElement, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  findProduct,
  findVariant,
  isolate,
  localise,
  MAX_LINE_QUANTITY,
  priceOf,
  stockOf,
  type Pricing,
  type Product,
  type ReadableAtom,
  type Storefront,
  type Variant,
} from '@mendunia/core';
import { translator, type TFunction } from '@mendunia/i18n';
import { MenduniaAddToCartEvent } from '../shared/events.js';
import { StorefrontController } from '../shared/storefront-controller.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { quantityStepper, quantityStyles } from '../shared/quantity.js';
import { priceTitle } from '../price/price-text.js';
import { productCardStyles } from './product-card.styles.js';

/** Stock at or below this is shown as "only N left". */
const LOW_STOCK = 5;
/** Upper bound of the quantity field when the stock is not tracked. */

/**
 * @tag mendunia-product-card
 * @summary One product from the catalog: image (space reserved, no layout shift), title,
 * description, variant picker, stock state, quantity, price in the buyer's currency and an
 * add-to-cart button. Renders loading, error and not-found states too.
 *
 * @slot badge - Content over the top of the card, e.g. a "New" badge.
 * @slot footer - Content at the bottom of the card body.
 *
 * @fires mendunia-add-to-cart - Before adding to the cart; cancelable (`detail`: productId, variantId, quantity, unitPriceIdr).
 *
 * @csspart base - The card.
 * @csspart image - The product image.
 * @csspart title - The product name.
 * @csspart description - The description (clamped to a few lines).
 * @csspart variant-select - The variant `<select>`.
 * @csspart stock - The stock state line.
 * @csspart price - The price in the display currency.
 * @csspart charge - The IDR amount charged (shown under a converted price).
 * @csspart quantity - The quantity stepper group.
 * @csspart add-button - The add-to-cart button.
 * @csspart status - The live message after adding ("Added to cart").
 * @csspart message - The loading, error or not-found message.
 * @csspart retry-button - The button that retries loading the catalog.
 *
 * @cssprop --mendunia-card-radius - Corner radius (default `--mendunia-radius`, 8px).
 * @cssprop --mendunia-card-padding - Inner padding of the body (default 1rem).
 * @cssprop --mendunia-card-background - Card background (default `--mendunia-color-surface`).
 * @cssprop --mendunia-card-border - Card border (default 1px solid `--mendunia-color-border`).
 * @cssprop --mendunia-card-image-aspect-ratio - Image box aspect ratio (default 1 / 1).
 * @cssprop --mendunia-card-image-fit - `object-fit` of the image (default cover).
 * @cssprop --mendunia-card-image-background - Background behind the image and skeleton.
 * @cssprop --mendunia-card-title-size - Title font size (default 1.05rem).
 * @cssprop --mendunia-card-description-lines - Lines of description shown (default 3).
 * @cssprop --mendunia-button-background - Add-to-cart background (default `--mendunia-color-primary`).
 * @cssprop --mendunia-button-color - Add-to-cart text colour.
 */
export class MenduniaProductCard extends LitElement {
  static override styles = [baseStyles, controlStyles, quantityStyles, productCardStyles];

  /** The catalog id of the product to show. */
  @property({ attribute: 'product-id', reflect: true }) productId?: string;

  /** Heading level of the product name for the page's outline (default 3). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  @state() private variantId?: string;
  @state() private quantity = 1;
  @state() private status?: { text: string; error: boolean };

  private readonly store = new StorefrontController(this, (s) => [s.$catalog]);
  /** What the price shows (set by each render of a product), and the pricing store it follows. */
  private priced?: { amountIdr: number; t: TFunction };
  private pricing?: { store: ReadableAtom<Pricing>; off: () => void };
  /** The `part="price"` span of the current template, found once per render, not per switch. */
  private priceTarget?: HTMLElement | null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('productId')) {
      this.variantId = undefined;
      this.quantity = 1;
      this.status = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchPricing();
  }

  /**
   * The price is painted here, after the card's template, into its empty `part="price"` span,
   * and again on every pricing change (currency, rates) without re-rendering the card: a currency
   * switch neither renders the card's template nor translates its strings again.
   */
  protected override updated(): void {
    const sf = this.store.value;
    if (!sf || !this.priced) return this.unwatchPricing();
    if (this.pricing?.store !== sf.$pricing) {
      this.unwatchPricing();
      this.pricing = { store: sf.$pricing, off: sf.$pricing.listen(() => this.paintPrice()) };
    }
    this.priceTarget = this.renderRoot.querySelector<HTMLElement>('[part="price"]');
    this.paintPrice();
  }

  private unwatchPricing(): void {
    this.pricing?.off();
    this.pricing = undefined;
  }

  private paintPrice(): void {
    const target = this.priceTarget;
    if (!target || !this.priced || !this.pricing) return;
    const pricing = this.pricing.store.get();
    const { amountIdr, t } = this.priced;
    const view = pricing.price(amountIdr);
    if (!view.approximate) {
      target.removeAttribute('title');
      render(view.text, target);
      return;
    }
    const charged = t('price.charged', { amount: view.chargeText });
    target.title = priceTitle(pricing, charged, t);
    render(
      html`<span aria-hidden="true">${view.text}</span
        ><span class="visually-hidden">${t('price.approximate')} ${view.text.replace(/^≈\s*/, '')}. </span
        ><span part="charge">${charged}</span>`,
      target,
    );
  }

  protected override render(): TemplateResult {
    this.priced = undefined;
    const sf = this.store.value;
    const catalog = sf?.$catalog.get();
    const t = translator(sf?.$locale.get() ?? document.documentElement.lang);
    if (!sf || !catalog || catalog.status === 'idle' || catalog.status === 'loading') return this.renderLoading(t);
    if (catalog.status === 'error') {
      return this.renderMessage(t('product.loadError'), html`<button part="retry-button" @click=${() => void sf.loadCatalog()}>${t('product.retry')}</button>`);
    }
    if (!this.productId) return this.renderMessage(t('product.missingId'));
    const product = findProduct(catalog.catalog, this.productId);
    if (!product) return this.renderMessage(t('product.notFound'));
    return this.renderProduct(sf, product, t);
  }

  private renderProduct(sf: Storefront, product: Product, t: TFunction): TemplateResult {
    const locale = sf.$locale.get();
    const variant = this.currentVariant(product);
    const stock = stockOf(product, variant);
    const soldOut = stock === 0;
    this.priced = { amountIdr: priceOf(product, variant), t };
    const name = localise(product.name, locale);
    const image = product.images[0];
    const max = stock ?? MAX_LINE_QUANTITY;

    // Tags touch (a line break goes inside a tag, before its ">"): whitespace between them would
    // be text nodes that every card clones and walks, ~20 per card, for nothing on screen.
    return html`<article part="base" aria-labelledby="title"
      ><slot name="badge"></slot
      ><div class="media"
        >${image
          ? html`<img part="image" src=${image.src} width=${image.width} height=${image.height}
              alt=${localise(image.alt, locale) || name} loading="lazy" decoding="async" />`
          : nothing}</div
      ><div class="body"
        ><div part="title" id="title" role="heading" aria-level=${this.headingLevel}>${name}</div
        >${product.description
          ? html`<p part="description">${localise(product.description, locale)}</p>`
          : nothing}${product.variants.length ? this.renderVariants(product, variant, locale, t) : nothing}<div class="price-row"
          ><span part="price"></span
          ><span
            part="stock"
            class=${soldOut ? 'out' : stock !== null && stock <= LOW_STOCK ? 'low' : ''}
            >${soldOut ? t('product.soldOut') : stock !== null && stock <= LOW_STOCK ? t('product.lowStock', { count: stock }) : t('product.inStock')}</span
          ></div
        ><div class="actions"
          >${quantityStepper({
            value: this.quantity,
            max,
            disabled: soldOut,
            label: t('product.quantity'),
            decreaseLabel: t('product.decrease'),
            increaseLabel: t('product.increase'),
            onChange: (q) => (this.quantity = q),
            ...(stock !== null ? { limitNote: t('product.lowStock', { count: max }) } : {}),
          })}<button part="add-button" type="button" ?disabled=${soldOut} @click=${() => this.addToCart(sf, product, variant, t)}
            >${soldOut ? t('product.soldOut') : t('product.addToCart')}</button
          ></div
        ><p part="status" class=${this.status?.error ? 'error' : ''} role="status">${this.status?.text ?? ''}</p
        ><slot name="footer"></slot
      ></div
    ></article>`;
  }

  private renderVariants(product: Product, variant: Variant | undefined, locale: string, t: TFunction): TemplateResult {
    return html`<div class="field"
      ><label for="variant">${t('product.option')}</label
      ><select part="variant-select" id="variant" @change=${(e: Event) => this.selectVariant((e.target as HTMLSelectElement).value)}
        >${product.variants.map((v) => {
          const name = localise(v.name, locale);
          return html`<option value=${v.id} ?selected=${v.id === variant?.id}>${v.stock === 0 ? t('product.optionSoldOut', { name }) : name}</option>`;
        })}</select
      ></div
    >`;
  }

  private renderLoading(t: TFunction): TemplateResult {
    return html`<div part="base" class="skeleton" aria-busy="true">
      <div class="media"></div>
      <div class="body">
        <span part="message" role="status" class="visually-hidden">${t('product.loading')}</span>
        <div class="line"></div>
        <div class="line short"></div>
      </div>
    </div>`;
  }

  private renderMessage(text: string, action: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`<div part="base">
      <div class="media"></div>
      <div class="message"><p part="message" role="status">${text}</p>${action}</div>
    </div>`;
  }


  /** The chosen variant, else the first that is not sold out, else the first. */
  private currentVariant(product: Product): Variant | undefined {
    if (!product.variants.length) return undefined;
    return findVariant(product, this.variantId) ?? product.variants.find((v) => v.stock !== 0) ?? product.variants[0];
  }

  private selectVariant(id: string): void {
    this.variantId = id;
    this.quantity = 1;
    this.status = undefined;
  }

  private addToCart(sf: Storefront, product: Product, variant: Variant | undefined, t: TFunction): void {
    const quantity = this.quantity;
    const event = new MenduniaAddToCartEvent({
      productId: product.id,
      variantId: variant?.id,
      quantity,
      unitPriceIdr: priceOf(product, variant),
    });
    if (!this.dispatchEvent(event)) return;
    const result = sf.cart.add(product.id, variant?.id, quantity);
    const name = isolate(localise(product.name, sf.$locale.get()));
    const count = stockOf(product, variant) ?? 0;
    if (result.ok && !result.limited) this.status = { text: t('product.added', { name, quantity }), error: false };
    else if (result.ok) this.status = { text: t('product.addedLimited', { name, count }), error: true };
    else this.status = { text: t('product.notAdded', { count }), error: true };
  }
}
