// The script-tag entry: `<script src=".../mendunia.js" data-catalog="catalog.json" ...>`.
// It registers every element and, when the tag carries a catalog, configures the page's
// default storefront from its data-* attributes, so product cards work without a
// <mendunia-store> around them.
import { createStorefront, getDefaultStorefront, setDefaultStorefront } from '@mendunia/core';
import { storefrontConfig } from '@mendunia/elements';
import '@mendunia/elements/define-all.js';

const script = document.currentScript as HTMLScriptElement | null;

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
      },
      document.baseURI,
    ),
  );
  setDefaultStorefront(storefront);
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

// A <mendunia-store> needs its children (inline catalog) parsed before it reads them.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
