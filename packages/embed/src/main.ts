// The first chunk of the script tag, imported by mendunia.js (loader.ts) on every page. It
// registers the elements most pages show (store, price, card, cart button) and, when the tag
// carries a catalog, configures the page's default storefront from its data-* attributes, so
// product cards work without a <mendunia-store> around them. The other elements are chunks of
// their own, imported by the loader when they appear or are used.
import { createStorefront, getDefaultStorefront, setDefaultStorefront } from '@mendunia/core';
import { jsonLanguageLoader, loadLanguage, setLanguageLoader } from '@mendunia/i18n';
// From the module itself, not the package index: the index exports every element class, and a
// class with decorators is code that runs, so each would be pulled into this first chunk.
import { storefrontConfig } from '../../elements/src/shared/config.js';
import '@mendunia/elements/store/define.js';
import '@mendunia/elements/price/define.js';
import '@mendunia/elements/product-card/define.js';
import '@mendunia/elements/cart-button/define.js';
import { setUpLazyCheckout } from './lazy-checkout.js';
import { setUpDeclarativeButtons } from './declarative.js';

/** This copy's i18next instance (one per version), for a page that adds or overrides strings. */
export { i18n } from '@mendunia/i18n';

/** The script tag that loaded this copy: its URL and its data-* attributes. */
export interface ScriptTag {
  src: string;
  dataset: DOMStringMap;
}

/** Imports another entry chunk of this copy by name (`checkout`, `cart`, …); see loader.ts. */
export type LoadChunk = (entry: string) => Promise<unknown>;

let started = false;

/**
 * Called by the loader once this chunk has run. A second tag of the same version imports the
 * same module (same URL), so the first tag's call is the one that counts.
 */
export function init(tag: ScriptTag, load: LoadChunk): void {
  if (started) return;
  started = true;
  // i18n: languages other than en and id are files next to mendunia.js (locales/<lang>.json,
  // written by rollup.config.mjs), fetched when a storefront first shows one.
  setLanguageLoader(jsonLanguageLoader(new URL('locales/', tag.src)));
  // <button data-mendunia-add data-product-id="…"> anywhere on the page (one listener per page).
  setUpDeclarativeButtons();
  start(tag.dataset, load);
  setUpLazyCheckout(() => load('checkout'));
}

function start(data: DOMStringMap, load: LoadChunk): void {
  if (!data.catalog || getDefaultStorefront()) return;
  const storefront = createStorefront(
    storefrontConfig(
      {
        catalog: data.catalog,
        rates: data.rates,
        ratesFormat: data.ratesFormat,
        currency: data.currency,
        currencies: data.currencies,
        locale: data.locale || document.documentElement.lang || navigator.language,
        markup: data.markup,
        rounding: data.rounding,
        maxRateAge: data.maxRateAge,
        storeId: data.storeId,
        checkout: data.checkout,
        api: data.api,
        whatsapp: data.whatsapp,
        email: data.email,
        paymentLink: data.paymentLink,
      },
      document.baseURI,
    ),
  );
  setDefaultStorefront(storefront);
  // i18n: load the strings of the storefront's language, now and whenever it changes.
  storefront.$locale.subscribe((locale) => void loadLanguage(locale));
  // The cart drawer's code, when the page opens the cart itself (storefront.openCart()).
  storefront.$cartOpen.subscribe((open) => {
    if (open) load('cart').catch((error: Error) => console.error(error.message));
  });
  if (!data.locale) {
    // No fixed language: follow the page's <html lang> as it changes.
    new MutationObserver(() => storefront.setLocale(document.documentElement.lang || navigator.language)).observe(
      document.documentElement,
      { attributes: true, attributeFilter: ['lang'] },
    );
  }
  void storefront.loadCatalog();
  void storefront.loadRates();
}
