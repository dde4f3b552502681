// The script-tag entry: `<script src=".../mendunia.js" data-catalog="catalog.json" ...>`.
// It registers every element and, when the tag carries a catalog, configures the page's
// default storefront from its data-* attributes, so product cards work without a
// <mendunia-store> around them.
import * as lit from 'lit';
import * as litDecorators from 'lit/decorators.js';
import * as litContext from '@lit/context';
import * as core from '@mendunia/core';
import * as i18n from '@mendunia/i18n';
import * as elements from '@mendunia/elements';
import { createStorefront, getDefaultStorefront, setDefaultStorefront } from '@mendunia/core';
import { storefrontConfig } from '@mendunia/elements';
import '@mendunia/elements/define-all.js';
import { setUpLazyCheckout } from './lazy-checkout.js';
import { setUpDeclarativeButtons } from './declarative.js';

declare const __MENDUNIA_SHARED__: string;

// Lend the shared modules to the lazily loaded checkout chunk of this same version.
const shared = globalThis as unknown as Record<string, unknown>;
const firstCopy = !shared[__MENDUNIA_SHARED__];
if (firstCopy) shared[__MENDUNIA_SHARED__] = { lit, litDecorators, litContext, core, i18n, elements };

const script = document.currentScript as HTMLScriptElement | null;

// i18n: languages other than en and id are files next to this script (locales/<lang>.json,
// written by rollup.config.mjs), fetched when a storefront first shows one.
i18n.setLanguageLoader(i18n.jsonLanguageLoader(new URL('locales/', script?.src || document.baseURI)));

// <button data-mendunia-add data-product-id="…"> anywhere on the page (one listener per page).
setUpDeclarativeButtons();

function start(): void {
  const data = script?.dataset;
  if (!data?.catalog || getDefaultStorefront()) return;
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
  storefront.$locale.subscribe((locale) => void i18n.loadLanguage(locale));
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

function init(): void {
  start();
  // A second copy of the same version (two script tags) must not load the checkout twice.
  if (firstCopy) setUpLazyCheckout(script?.src);
}

// A <mendunia-store> needs its children (inline catalog) parsed before it reads them.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init, { once: true });
else init();
