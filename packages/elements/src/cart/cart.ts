import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isolate, localise, MAX_LINE_QUANTITY, type CartLineView, type CartNotice, type CartTotals, type Storefront } from '@mendunia/core';
import { translator, type TFunction } from '@mendunia/i18n';
import { MenduniaCheckoutStartEvent } from '../shared/events.js';
import { clampQuantity, quantityStepper, quantityStyles } from '../shared/quantity.js';
import { StorefrontController } from '../shared/storefront-controller.js';
import { baseStyles, closeButtonStyles, controlStyles } from '../shared/styles.js';
import { cartStyles } from './cart.styles.js';
import { ModalController } from '../shared/modal.js';

/**
 * @tag mendunia-cart
 * @summary The buyer's cart: a drawer (a modal dialog opened by `<mendunia-cart-button>`) or,
 * with `inline`, a panel for a cart page. Lines with image, variant, quantity stepper, remove,
 * line and total prices in the buyer's currency with the IDR charge; notices when the catalog
 * changed; an empty state; and a "continue to checkout" button.
 *
 * @slot footer - Extra content above the checkout button (e.g. shipping promises, trust badges).
 * @slot empty - Replaces the empty-cart message.
 *
 * @fires mendunia-checkout-start - When the buyer continues to checkout; cancelable (`detail`: lines, subtotalIdr, currency). Unless cancelled, the checkout opens.
 *
 * @csspart dialog - The `<dialog>` of the drawer (not in inline mode).
 * @csspart base - The panel.
 * @csspart header - The header with title and close button.
 * @csspart title - The "Your cart" heading.
 * @csspart close-button - The drawer's close button.
 * @csspart notices - The box telling the buyer what changed in their cart.
 * @csspart lines - The list of lines.
 * @csspart line - One line.
 * @csspart line-image - A line's image.
 * @csspart line-name - A line's product name.
 * @csspart line-variant - A line's variant name.
 * @csspart line-unit - A line's unit price.
 * @csspart line-quantity - A line's quantity stepper.
 * @csspart line-total - A line's total.
 * @csspart remove-button - A line's remove button.
 * @csspart empty - The empty state.
 * @csspart footer - Subtotal, charge note and checkout button.
 * @csspart subtotal - The subtotal amount.
 * @csspart charge-note - What will be charged in IDR, and that shipping and duties come at checkout.
 * @csspart checkout-button - The "continue to checkout" button.
 *
 * @cssprop --mendunia-cart-width - Width of the drawer (default 28rem).
 * @cssprop --mendunia-cart-background - Background of the panel (default `--mendunia-color-surface`).
 * @cssprop --mendunia-cart-backdrop - The backdrop behind the drawer.
 * @cssprop --mendunia-notice-background - Background of the change notices.
 * @cssprop --mendunia-notice-border - Border of the change notices.
 */
export class MenduniaCart extends LitElement {
  static override styles = [baseStyles, controlStyles, closeButtonStyles, quantityStyles, cartStyles];

  /** Render as a panel in the page (for a cart page) instead of a drawer. */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  @state() private status = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part="title"]') private heading?: HTMLElement;

  private readonly store = new StorefrontController(this, (s) => [s.$cart, s.$catalog, s.cart.$notices, s.$cartOpen, s.$locale]);
  private readonly modal = new ModalController(this, () => this.dialog, () => this.store.value?.closeCart());

  protected override updated(_changed: PropertyValues<this>): void {
    // Opening and closing a native dialog needs the rendered element, so it happens here.
    this.modal.sync(!this.inline && !!this.store.value?.$cartOpen.get());
  }

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    if (!sf) return nothing;
    const t = translator(sf.$locale.get());
    const panel = this.renderPanel(sf, t);
    if (this.inline) return panel;
    // Backdrop clicks are a pointer shortcut; keyboard users close with Esc (the dialog's cancel).
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.modal.onCancel} @close=${this.modal.onClose} @click=${this.modal.onClick}>
      ${sf.$cartOpen.get() ? panel : nothing}
    </dialog>`;
  }

  private renderPanel(sf: Storefront, t: TFunction): TemplateResult {
    const totals = sf.$cart.get();
    const catalog = sf.$catalog.get();
    const loading = !totals && (catalog.status === 'idle' || catalog.status === 'loading');
    return html`<section part="base" aria-labelledby="title">
      <header part="header">
        <h2 part="title" id="title" tabindex="-1">${t('cart.title')}</h2>
        ${this.inline
          ? nothing
          : html`<button part="close-button" type="button" aria-label=${t('cart.close')} @click=${() => sf.closeCart()}>×</button>`}
      </header>
      <div class="scroll">
        ${this.renderNotices(sf, t)}
        ${loading
          ? html`<p role="status">${t('cart.loading')}</p>`
          : !totals || totals.lines.length === 0
            ? this.renderEmpty(sf, t)
            : html`<ul part="lines">${totals.lines.map((line) => this.renderLine(sf, line, t))}</ul>`}
      </div>
      ${totals && totals.lines.length ? this.renderFooter(sf, totals, t) : nothing}
      <p class="visually-hidden" role="status">${this.status}</p>
    </section>`;
  }

  private renderLine(sf: Storefront, view: CartLineView, t: TFunction): TemplateResult {
    const locale = sf.$locale.get();
    const name = localise(view.name, locale);
    const max = view.maxQuantity ?? MAX_LINE_QUANTITY;
    const { productId, variantId } = view.line;
    return html`<li part="line">
      ${view.image
        ? html`<img part="line-image" src=${view.image.src} width=${view.image.width} height=${view.image.height} alt="" loading="lazy" decoding="async" />`
        : html`<span part="line-image"></span>`}
      <div class="info">
        <p part="line-name">${name}</p>
        ${view.variantName ? html`<p part="line-variant">${localise(view.variantName, locale)}</p>` : nothing}
        <p part="line-unit">${t('cart.each', { price: view.unit.text })}</p>
      </div>
      <p part="line-total" title=${view.total.approximate ? t('price.charged', { amount: view.total.chargeText }) : nothing}>${view.total.text}</p>
      <div class="actions">
        ${quantityStepper({
          part: 'line-quantity',
          value: view.quantity,
          max,
          label: t('cart.quantityOf', { name }),
          decreaseLabel: t('cart.decreaseOf', { name }),
          increaseLabel: t('cart.increaseOf', { name }),
          ...(view.maxQuantity !== null ? { limitNote: t('cart.limited', { count: max, name }) } : {}),
          onChange: (q) => {
            const result = sf.cart.setQuantity(productId, variantId, clampQuantity(q, max));
            // Said from inside the dialog: the cart button's own live region is in the page
            // behind, which the open modal makes inert.
            if (result.ok && result.limited) this.status = t('cart.limited', { count: result.quantity, name: isolate(name) });
            else if (result.ok) this.status = t('cartButton.announce', { count: sf.cart.$count.get() });
          },
        })}
        <button part="remove-button" type="button" aria-label=${t('cart.removeOf', { name })} @click=${() => this.removeLine(sf, productId, variantId, name, t)}>
          ${t('cart.remove')}
        </button>
      </div>
    </li>`;
  }

  private renderFooter(sf: Storefront, totals: CartTotals, t: TFunction): TemplateResult {
    return html`<footer part="footer">
      <dl class="subtotal">
        <dt>${t('cart.subtotal')} <span class="visually-hidden">(${t('cart.lines', { count: totals.count })})</span></dt>
        <dd part="subtotal">${totals.subtotalText}</dd>
      </dl>
      <p part="charge-note">${t('cart.charge', { amount: totals.chargeText })}</p>
      <!-- Import charges for the buyer's country, shown once the page defines mendunia-landed-cost (it brings the checkout's rules). -->
      <mendunia-landed-cost cart selectable .storefront=${sf}></mendunia-landed-cost>
      <slot name="footer"></slot>
      <button part="checkout-button" type="button" @click=${() => this.startCheckout(sf, totals)}>${t('cart.checkout')}</button>
    </footer>`;
  }

  private renderEmpty(sf: Storefront, t: TFunction): TemplateResult {
    return html`<div part="empty">
      <slot name="empty"><p>${t('cart.empty')}</p><p>${t('cart.emptyHint')}</p></slot>
      ${this.inline ? nothing : html`<button class="secondary" type="button" @click=${() => sf.closeCart()}>${t('cart.continueShopping')}</button>`}
    </div>`;
  }

  private renderNotices(sf: Storefront, t: TFunction): TemplateResult | typeof nothing {
    const notices = sf.cart.$notices.get();
    if (!notices.length) return nothing;
    const locale = sf.$locale.get();
    const money = (idr: number) => sf.$pricing.get().price(idr).text;
    const text = (n: CartNotice): string => {
      switch (n.kind) {
        case 'removed':
          return n.name ? t('cart.notice.removed', { name: isolate(localise(n.name, locale)) }) : t('cart.notice.removedUnnamed');
        case 'sold-out':
          return t('cart.notice.soldOut', { name: isolate(localise(n.name, locale)) });
        case 'quantity-reduced':
          return t('cart.notice.quantityReduced', { name: isolate(localise(n.name, locale)), quantity: n.quantity, previous: n.previous });
        case 'price-changed':
          return t('cart.notice.priceChanged', { name: isolate(localise(n.name, locale)), previous: money(n.previousIdr), price: money(n.priceIdr) });
      }
    };
    return html`<div part="notices" role="alert">
      <ul>${notices.map((n) => html`<li>${text(n)}</li>`)}</ul>
      <button class="secondary" type="button" @click=${() => sf.cart.dismissNotices()}>${t('cart.dismiss')}</button>
    </div>`;
  }

  private removeLine(sf: Storefront, productId: string, variantId: string | undefined, name: string, t: TFunction): void {
    sf.cart.remove(productId, variantId);
    this.status = t('cart.removed', { name: isolate(name) });
    // The focused button is gone with its line: keep focus inside the cart, on its heading.
    void this.updateComplete.then(() => this.heading?.focus());
  }

  private startCheckout(sf: Storefront, totals: CartTotals): void {
    const event = new MenduniaCheckoutStartEvent({
      lines: totals.lines.map((l) => l.line),
      subtotalIdr: totals.subtotalIdr,
      currency: totals.currency,
    });
    if (this.dispatchEvent(event)) sf.openCheckout();
  }
}
