// React components for the Mendunia elements. Importing this module registers the tags (each
// element's define.js; version-guarded, so a script tag on the same page does no harm).
// The checkout is not here: import it from '@mendunia/react/checkout', ideally through
// React.lazy, so pages that never check out don't carry it.
import * as React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import {
  MenduniaCart as CartElement,
  MenduniaCartButton as CartButtonElement,
  MenduniaCurrencySelector as CurrencySelectorElement,
  MenduniaLocaleSelector as LocaleSelectorElement,
  MenduniaPrice as PriceElement,
  MenduniaProductCard as ProductCardElement,
  MenduniaProductGrid as ProductGridElement,
  type MenduniaStore as StoreElement,
} from '@mendunia/elements';
import '@mendunia/elements/store/define.js';
import '@mendunia/elements/price/define.js';
import '@mendunia/elements/currency-selector/define.js';
import '@mendunia/elements/locale-selector/define.js';
import '@mendunia/elements/product-card/define.js';
import '@mendunia/elements/product-grid/define.js';
import '@mendunia/elements/cart-button/define.js';
import '@mendunia/elements/cart/define.js';
import { onAddToCart, onCheckoutStart, storeEvents } from './events.js';

/**
 * `<mendunia-store>`: give it a `storefront` from `createStorefront()`, or configure it with the
 * attribute props (`catalog`, `rates`, `currency`…). Hears every Mendunia event inside it.
 */
export const MenduniaStore: ReactWebComponent<StoreElement, typeof storeEvents> = createComponent({
  react: React,
  tagName: 'mendunia-store',
  // The store builds its storefront as soon as it is connected, but @lit/react sets properties
  // only after React connected the element (in a layout effect): the store would first build an
  // empty one ("No catalog configured") and keep it. Given a prototype without properties,
  // @lit/react hands every prop but the events to React, which (React 19) sets them as
  // properties when it creates the element, before connecting it.
  elementClass: { prototype: Object.create(null) } as typeof StoreElement,
  events: storeEvents,
  displayName: 'MenduniaStore',
});

/** `<mendunia-price>`: an IDR amount (whole rupiah, as a string) in the buyer's currency. */
export const MenduniaPrice = createComponent({
  react: React,
  tagName: 'mendunia-price',
  elementClass: PriceElement,
  displayName: 'MenduniaPrice',
});

/** `<mendunia-currency-selector>`; the store fires `onCurrencyChange` after a change. */
export const MenduniaCurrencySelector = createComponent({
  react: React,
  tagName: 'mendunia-currency-selector',
  elementClass: CurrencySelectorElement,
  displayName: 'MenduniaCurrencySelector',
});

/** `<mendunia-locale-selector>`; the store fires `onLocaleChange` after a change. */
export const MenduniaLocaleSelector = createComponent({
  react: React,
  tagName: 'mendunia-locale-selector',
  elementClass: LocaleSelectorElement,
  displayName: 'MenduniaLocaleSelector',
});

/** `<mendunia-product-card>`: `onAddToCart` is cancelable (`e.preventDefault()` adds nothing). */
export const MenduniaProductCard = createComponent({
  react: React,
  tagName: 'mendunia-product-card',
  elementClass: ProductCardElement,
  events: onAddToCart,
  displayName: 'MenduniaProductCard',
});

/** `<mendunia-product-grid>`: every product as cards; `onAddToCart` from any of them. */
export const MenduniaProductGrid = createComponent({
  react: React,
  tagName: 'mendunia-product-grid',
  elementClass: ProductGridElement,
  events: onAddToCart,
  displayName: 'MenduniaProductGrid',
});

/** `<mendunia-cart-button>`: opens the cart drawer, with a count badge. */
export const MenduniaCartButton = createComponent({
  react: React,
  tagName: 'mendunia-cart-button',
  elementClass: CartButtonElement,
  displayName: 'MenduniaCartButton',
});

/** `<mendunia-cart>`: the drawer (or `inline`); `onCheckoutStart` is cancelable. */
export const MenduniaCart = createComponent({
  react: React,
  tagName: 'mendunia-cart',
  elementClass: CartElement,
  events: onCheckoutStart,
  displayName: 'MenduniaCart',
});

export { useStorefrontStore } from './use-storefront-store.js';
