import type { EventName } from '@lit/react';
import type {
  MenduniaAddToCartEvent,
  MenduniaCartChangeEvent,
  MenduniaCheckoutStartEvent,
  MenduniaCurrencyChangeEvent,
  MenduniaLocaleChangeEvent,
} from '@mendunia/elements';

// React prop name → DOM event name, typed with the event's class so that
// `onAddToCart={(e) => e.detail.productId}` type-checks. The names and classes are the ones
// declared in GlobalEventHandlersEventMap by @mendunia/elements.
export const onAddToCart = { onAddToCart: 'mendunia-add-to-cart' as EventName<MenduniaAddToCartEvent> };
export const onCheckoutStart = { onCheckoutStart: 'mendunia-checkout-start' as EventName<MenduniaCheckoutStartEvent> };
export const storeEvents = {
  onCurrencyChange: 'mendunia-currency-change' as EventName<MenduniaCurrencyChangeEvent>,
  onLocaleChange: 'mendunia-locale-change' as EventName<MenduniaLocaleChangeEvent>,
  onCartChange: 'mendunia-cart-change' as EventName<MenduniaCartChangeEvent>,
  // Both bubble out of the cards and the cart (composed), so a store hears every one inside it.
  ...onAddToCart,
  ...onCheckoutStart,
};
