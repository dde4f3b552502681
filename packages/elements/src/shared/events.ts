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

declare global {
  interface GlobalEventHandlersEventMap {
    'mendunia-add-to-cart': MenduniaAddToCartEvent;
    'mendunia-currency-change': MenduniaCurrencyChangeEvent;
    'mendunia-locale-change': MenduniaLocaleChangeEvent;
  }
}
