import { createStorefront, ecbRates } from '@mendunia/core';

/** The shop's files, next to the page (served by demo-shop-files.mjs; in your app, from public/). */
const url = (path: string) => new URL(path, document.baseURI).href;

/**
 * The example apps' storefront: the demo shop, Rumah Nusantara. The Mendunia elements render
 * it, and the apps' own code reads its stores.
 */
export const storefront = createStorefront({
  id: 'rumah-nusantara-example',
  catalog: url('catalog.json'),
  // A bundled snapshot of the ECB's daily XML (the ECB sends no CORS headers; copy it daily).
  rates: ecbRates(url('rates/eurofxref-daily.xml')),
  maxRateAgeMs: 30 * 24 * 60 * 60 * 1000,
  currencies: ['IDR', 'USD', 'SGD', 'MYR', 'EUR', 'GBP', 'AUD', 'JPY'],
  defaultCurrency: 'USD',
  locale: 'en',
  checkout: url('checkout.json'),
  handoff: { whatsapp: '6281227771234', email: 'pesanan@rumahnusantara.example' },
});
void storefront.loadCatalog();
void storefront.loadRates();
