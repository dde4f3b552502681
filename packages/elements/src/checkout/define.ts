import { defineElement } from '../shared/define.js';
import { MenduniaCheckout } from './checkout.js';

defineElement('mendunia-checkout', MenduniaCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-checkout': MenduniaCheckout;
  }
}
