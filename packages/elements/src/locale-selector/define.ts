import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaLocaleSelector } from './locale-selector.js';

defineElement('mendunia-locale-selector', MenduniaLocaleSelector);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-locale-selector': MenduniaLocaleSelector;
  }
}
