import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
import { MenduniaStore } from './store.js';

defineElement('mendunia-store', MenduniaStore);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-store': MenduniaStore;
  }
}
