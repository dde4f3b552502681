export { createCart } from './cart.js';
export type { Cart, CartLine, AddToCartResult } from './cart.js';
