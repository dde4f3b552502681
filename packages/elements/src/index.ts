// Classes only: importing this registers no tags. Import './define-all.js' (or a folder's
// define.js) to register them, or subclass and register under your own names.
export { MenduniaStore } from './store/store.js';
export { MenduniaPrice } from './price/price.js';
export { MenduniaCurrencySelector } from './currency-selector/currency-selector.js';
export { MenduniaLocaleSelector } from './locale-selector/locale-selector.js';
export { MenduniaProductCard } from './product-card/product-card.js';
export { MenduniaProductGrid } from './product-grid/product-grid.js';
export { MenduniaCartButton } from './cart-button/cart-button.js';
export { MenduniaCart } from './cart/cart.js';
export { defineElement, VERSION } from './shared/define.js';
export { storefrontContext } from './shared/context.js';
export { StorefrontController } from './shared/storefront-controller.js';
export { ModalController, deepActiveElement } from './shared/modal.js';
export { baseStyles, closeButtonStyles, controlStyles } from './shared/styles.js';
export { preferredRegions, currencyName, formatDate } from './shared/intl.js';
// The checkout is not exported here: it is a separate, lazily loaded module
// ('@mendunia/elements/checkout/define.js'), so pages without one do not carry it.
export * from './shared/events.js';
export { storefrontConfig } from './shared/config.js';
export type { TextConfig } from './shared/config.js';
