import { defineElement } from '../shared/define.js';
import { MenduniaCart } from './cart.js';

defineElement('mendunia-cart', MenduniaCart);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-cart': MenduniaCart;
  }
}
