import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
import { defineElement } from '../shared/define.js';
// The grid is made of product cards: registering the grid registers the card too.
import '../product-card/define.js';
import { MenduniaProductGrid } from './product-grid.js';

defineElement('mendunia-product-grid', MenduniaProductGrid);

declare global {
  interface HTMLElementTagNameMap {
    'mendunia-product-grid': MenduniaProductGrid;
  }
}
