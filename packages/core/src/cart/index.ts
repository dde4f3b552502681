export { createCart } from './cart.js';
export type { Cart, CartLine, CartNotice, CartChangeResult, CartOptions } from './cart.js';
export { cartTotals } from './totals.js';
export type { CartTotals, CartLineView } from './totals.js';
export { CART_SCHEMA_VERSION, parseStoredCart } from './persist.js';
export type { StoredCart } from './persist.js';
