import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaProductCard } from './product-card.js';

defineElement('mendunia-product-card', MenduniaProductCard);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-product-card': MenduniaProductCard;
  }
}
