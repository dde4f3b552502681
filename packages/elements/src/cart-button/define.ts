import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaCartButton } from './cart-button.js';

defineElement('mendunia-cart-button', MenduniaCartButton);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-cart-button': MenduniaCartButton;
  }
}
