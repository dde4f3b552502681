import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaCurrencySelector } from './currency-selector.js';

defineElement('mendunia-currency-selector', MenduniaCurrencySelector);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-currency-selector': MenduniaCurrencySelector;
  }
}
