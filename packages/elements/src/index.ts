// Classes only: importing this registers no tags. Import './define-all.js' (or a folder's
// define.js) to register them, or subclass and register under your own names.
export { MenduniaStore } from './store/store.js';
export { MenduniaPrice } from './price/price.js';
export { MenduniaCurrencySelector } from './currency-selector/currency-selector.js';
export { MenduniaLocaleSelector } from './locale-selector/locale-selector.js';
export { MenduniaProductCard } from './product-card/product-card.js';
export { MenduniaCartButton } from './cart-button/cart-button.js';
export { MenduniaCart } from './cart/cart.js';
export { defineElement, VERSION } from './shared/define.js';
export { storefrontContext } from './shared/context.js';
export { StorefrontController } from './shared/storefront-controller.js';
export * from './shared/events.js';
export { storefrontConfig } from './shared/config.js';
export type { TextConfig } from './shared/config.js';
