import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaCheckout } from './checkout.js';

defineElement('mendunia-checkout', MenduniaCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-checkout': MenduniaCheckout;
  }
}
