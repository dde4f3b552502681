import './shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
// Registers every Mendunia element (side effect). Version-guarded: safe to load twice.
import './store/define.js';
import './price/define.js';
import './currency-selector/define.js';
import './locale-selector/define.js';
import './product-card/define.js';
import './product-grid/define.js';
import './cart-button/define.js';
import './cart/define.js';
