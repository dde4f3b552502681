// The checkout on its own subpath: it is the largest element (address rules, shipping, duties),
// so apps load it when a buyer first checks out, e.g.
//   const MenduniaCheckout = lazy(() => import('@mendunia/react/checkout'));
import * as React from 'react';
import { createComponent } from '@lit/react';
import { MenduniaCheckout as CheckoutElement } from '@mendunia/elements/checkout/checkout.js';
import '@mendunia/elements/checkout/define.js';

/**
 * `<mendunia-checkout>`: opens when the cart's "continue to checkout" is chosen (unless the
 * app cancelled `onCheckoutStart`); `inline` renders it as a page section instead.
 */
export const MenduniaCheckout = createComponent({
  react: React,
  tagName: 'mendunia-checkout',
  elementClass: CheckoutElement,
  displayName: 'MenduniaCheckout',
});

/** For `React.lazy(() => import('@mendunia/react/checkout'))`. */
export default MenduniaCheckout;
