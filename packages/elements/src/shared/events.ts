import type { CartLine, CartTotals } from '@mendunia/core';
import type { Order } from '@mendunia/core/checkout/index.js';

/** Detail of `mendunia-add-to-cart`: what the buyer asked to add. */
export interface AddToCartDetail {
  readonly productId: string;
  readonly variantId: string | undefined;
  readonly quantity: number;
  /** Unit price in IDR from the catalog (a preview: servers recompute what is charged). */
  readonly unitPriceIdr: number;
}

/**
 * Fired by a product card before an item is added to the cart. Cancelable: call
 * `preventDefault()` to handle the add yourself (the card then adds nothing).
 */
export class MenduniaAddToCartEvent extends CustomEvent<AddToCartDetail> {
  constructor(detail: AddToCartDetail) {
    super('mendunia-add-to-cart', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface CurrencyChangeDetail {
  readonly currency: string;
  readonly previous: string;
}

/** Fired by `<mendunia-store>` after the display currency changed. */
export class MenduniaCurrencyChangeEvent extends CustomEvent<CurrencyChangeDetail> {
  constructor(detail: CurrencyChangeDetail) {
    super('mendunia-currency-change', { detail, bubbles: true, composed: true });
  }
}

export interface LocaleChangeDetail {
  readonly locale: string;
  readonly previous: string;
}

/** Fired by `<mendunia-store>` after the language of its widgets changed. */
export class MenduniaLocaleChangeEvent extends CustomEvent<LocaleChangeDetail> {
  constructor(detail: LocaleChangeDetail) {
    super('mendunia-locale-change', { detail, bubbles: true, composed: true });
  }
}

export interface CartChangeDetail {
  /** The cart lines (product, variant, quantity). */
  readonly lines: readonly CartLine[];
  /** The cart priced in the display currency; undefined while the catalog loads. */
  readonly totals: CartTotals | undefined;
}

/** Fired by `<mendunia-store>` after the cart changed (in this tab or another one). */
export class MenduniaCartChangeEvent extends CustomEvent<CartChangeDetail> {
  constructor(detail: CartChangeDetail) {
    super('mendunia-cart-change', { detail, bubbles: true, composed: true });
  }
}

export interface CheckoutStartDetail {
  readonly lines: readonly CartLine[];
  /** Subtotal in IDR from the catalog (a preview: servers recompute what is charged). */
  readonly subtotalIdr: number;
  /** The currency the buyer is looking at. */
  readonly currency: string;
}

/**
 * Fired by `<mendunia-cart>` when the buyer asks to check out. Cancelable: call
 * `preventDefault()` to run your own checkout instead of Mendunia's.
 */
export class MenduniaCheckoutStartEvent extends CustomEvent<CheckoutStartDetail> {
  constructor(detail: CheckoutStartDetail) {
    super('mendunia-checkout-start', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface CheckoutCompleteDetail {
  /**
   * The order as the shop receives it (`mendunia.order/1`, docs/orders.md): reference, every line
   * with its variant, shipping, import charges, totals in IDR (what is charged).
   */
  readonly order: Order;
  /** The currency the buyer saw prices in (an estimate; the order is charged in IDR). */
  readonly currency: string;
  /** True when the shop's server priced and stored the order (Storefront API). */
  readonly server: boolean;
  /** The hand-offs the confirmation offers the buyer. */
  readonly handoff: { readonly whatsapp: boolean; readonly email: boolean; readonly paymentLink: boolean };
}

/**
 * Fired by `<mendunia-checkout>` once, when an order has been placed (the confirmation shows):
 * for analytics and the host page, as the Storefront API's `order.created` webhook does for a server.
 */
export class MenduniaCheckoutCompleteEvent extends CustomEvent<CheckoutCompleteDetail> {
  constructor(detail: CheckoutCompleteDetail) {
    super('mendunia-checkout-complete', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mendunia-add-to-cart': MenduniaAddToCartEvent;
    'mendunia-checkout-complete': MenduniaCheckoutCompleteEvent;
    'mendunia-currency-change': MenduniaCurrencyChangeEvent;
    'mendunia-locale-change': MenduniaLocaleChangeEvent;
    'mendunia-cart-change': MenduniaCartChangeEvent;
    'mendunia-checkout-start': MenduniaCheckoutStartEvent;
  }
}
