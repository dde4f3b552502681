import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaPrice } from './price.js';

defineElement('mendunia-price', MenduniaPrice);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-price': MenduniaPrice;
  }
}
