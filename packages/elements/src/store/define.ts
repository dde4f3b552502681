import { defineElement } from '../shared/define.js';
import { MenduniaStore } from './store.js';

defineElement('mendunia-store', MenduniaStore);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-store': MenduniaStore;
  }
}
