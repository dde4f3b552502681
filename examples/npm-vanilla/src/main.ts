// Registers every element (the checkout excepted: see below). The main entry,
// '@mendunia/elements', exports the classes and the typed events without registering anything.
import '@mendunia/elements/define-all.js';
import { localise, setDefaultStorefront } from '@mendunia/core';
// The main entry's types declare the events in GlobalEventHandlersEventMap (define-all.js's
// types do not bring them in), so addEventListener('mendunia-…') below is typed.
import type {} from '@mendunia/elements';
import { storefront } from '../../shared/demo-storefront';
import '../../shared/demo-shop.css';

// The elements written in index.html are not inside a <mendunia-store>: they use the page's
// default storefront.
setDefaultStorefront(storefront);

// One card per product of the catalog, each given the storefront through its property.
// createElement('mendunia-product-card') is typed as MenduniaProductCard (HTMLElementTagNameMap).
const products = document.querySelector<HTMLElement>('#products')!;
storefront.$catalog.subscribe((state) => {
  if (state.status !== 'ready') return;
  products.replaceChildren(
    ...state.catalog.products.map((product) => {
      const card = document.createElement('mendunia-product-card');
      card.productId = product.id;
      card.storefront = storefront;
      return card;
    }),
  );
});

// Events bubble out of the shadow DOM to the document; GlobalEventHandlersEventMap types them.
const summary = document.querySelector<HTMLElement>('#cart-summary')!;
let lastAdded = '';
document.addEventListener('mendunia-add-to-cart', (event) => {
  const { productId, quantity } = event.detail;
  const catalog = storefront.$catalog.get();
  const product = catalog.status === 'ready' ? catalog.catalog.products.find((p) => p.id === productId) : undefined;
  lastAdded = `${quantity} × ${product ? localise(product.name, storefront.$locale.get()) : productId}`;
});

// Headless: the storefront's stores say what changed, whichever element (or tab) changed it.
storefront.cart.$count.subscribe((count) => {
  summary.textContent = count ? `${count} in your cart${lastAdded ? ` (last added: ${lastAdded})` : ''}.` : '';
});

// The checkout is the largest element: load its code when a buyer first checks out. The cart
// opens it right after this event; <mendunia-checkout> in the page shows once it is defined.
document.addEventListener('mendunia-checkout-start', () => {
  import('@mendunia/elements/checkout/define.js').catch((error: unknown) => console.error('The checkout could not be loaded:', error));
});
