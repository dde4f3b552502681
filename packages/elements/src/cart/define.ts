import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaCart } from './cart.js';

defineElement('mendunia-cart', MenduniaCart);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-cart': MenduniaCart;
  }
}
