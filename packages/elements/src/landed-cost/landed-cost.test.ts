import { expect, fixture, html } from '@open-wc/testing';
import { createStorefront, memoryStorage, staticRates } from '@mendunia/core';
import { estimateImportCharges, importCountryOf, parseCheckoutConfig, setCountryDataLoader } from '@mendunia/core/checkout/index.js';
import { message } from '@mendunia/core';
import { describe as words } from '@mendunia/i18n/messages.js';
import demoCatalog from '../../../../examples/plain-html/catalog.json';
import demoCheckout from '../../../../examples/plain-html/checkout.json';
import './define.js';
import '../cart/define.js';
import type { MenduniaLandedCost } from './landed-cost.js';
import type { MenduniaCart } from '../cart/cart.js';
import { RATES } from '../test/fixtures.js';

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const config = parseCheckoutConfig(demoCheckout);
const rates = { ...RATES, source: 'test', rates: { ...RATES.rates, EUR: '1', CAD: '1.62' } };

async function shop(options: { checkout?: unknown; currency?: string } = {}) {
  const storefront = createStorefront({
    catalog: demoCatalog,
    rates: staticRates(rates),
    defaultCurrency: options.currency ?? 'EUR',
    currencies: ['IDR', 'USD', 'EUR', 'CAD'],
    locale: 'en',
    storage: memoryStorage(),
    checkout: 'checkout' in options ? options.checkout : demoCheckout,
  });
  await Promise.all([storefront.loadCatalog(), storefront.loadRates()]);
  return storefront;
}

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

const text = (el: MenduniaLandedCost) => norm(el.shadowRoot!.querySelector('[part="estimate"]')?.textContent);

describe('<mendunia-landed-cost>', () => {
  it('shows "≈ €… import charges to Germany" for one unit of a product, from the same estimate as the checkout', async () => {
    const storefront = await shop();
    const el = await fixture<MenduniaLandedCost>(html`<mendunia-landed-cost product-id="batik-parang-tulis" country="DE" .storefront=${storefront}></mendunia-landed-cost>`);
    await until(() => text(el) !== '');
    const catalog = (storefront.$catalog.get() as { catalog: Parameters<typeof estimateImportCharges>[0]['catalog'] }).catalog;
    const expected = estimateImportCharges({ catalog, lines: [{ productId: 'batik-parang-tulis', quantity: 1 }], destination: 'DE', config, rates, currency: 'EUR' });
    // Under €150 since 1 Jul 2026: the €3 flat duty and VAT on CIF + duty, both for the buyer.
    expect(expected.quote.landedCost!.lines.map((l) => l.kind)).to.deep.equal(['flat-duty', 'vat']);
    expect(expected.amount!.amount).to.equal(expected.quote.landedCost!.lines.reduce((n, l) => n + l.amount.amount, 0));
    expect(text(el)).to.equal(norm(words(expected.message, 'en')));
    expect(text(el)).to.match(/^≈ €\d+\.\d\d import charges to Germany$/);
    await expect(el).to.be.accessible();
  });

  it('shows "…" while its country’s rules load (the script tag), then the estimate on the same line; the unavailable words if they cannot be had', async () => {
    // Every country is registered in this page; with a loader set they are fetched as in the script tag.
    const answers = new Map<string, { resolve: (file: unknown) => void; reject: (e: Error) => void }>();
    setCountryDataLoader((country) => new Promise((resolve, reject) => answers.set(country, { resolve, reject })));
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      const storefront = await shop();
      const el = await fixture<MenduniaLandedCost>(html`<mendunia-landed-cost product-id="batik-parang-tulis" country="DE" .storefront=${storefront}></mendunia-landed-cost>`);
      await until(() => answers.has('DE'));
      await el.updateComplete;
      const estimate = () => el.shadowRoot!.querySelector('[part="estimate"]')!;
      expect(text(el)).to.equal('…');
      expect(estimate().getAttribute('aria-busy')).to.equal('true');
      const height = el.getBoundingClientRect().height;
      await expect(el).to.be.accessible();
      answers.get('DE')!.resolve({ country: 'DE' });
      await until(() => text(el) !== '…');
      expect(text(el)).to.match(/^≈ €\d+\.\d\d import charges to Germany$/);
      expect(estimate().hasAttribute('aria-busy')).to.equal(false);
      expect(el.getBoundingClientRect().height).to.equal(height);

      el.country = 'SG';
      await until(() => answers.has('SG'));
      answers.get('SG')!.reject(new Error('offline'));
      await until(() => text(el) !== '…');
      expect(text(el)).to.equal(norm(words(message('rules.landed.unavailable', { country: { region: 'SG' } }), 'en')));
      expect(warnings.join('\n')).to.contain('the import rules for SG could not be loaded: offline');
    } finally {
      console.warn = warn;
      setCountryDataLoader(undefined);
    }
  });

  it('says when nothing is expected (Singapore, under S$400)', async () => {
    const storefront = await shop({ currency: 'USD' });
    const el = await fixture<MenduniaLandedCost>(html`<mendunia-landed-cost product-id="cengkeh-ternate" country="SG" .storefront=${storefront}></mendunia-landed-cost>`);
    await until(() => text(el) !== '');
    expect(text(el)).to.equal('No import charges expected to Singapore');
  });

  it('renders nothing, and logs why, when the shop has no readable checkout configuration', async () => {
    const storefront = await shop({ checkout: { shipping: 'nope' } });
    const errors: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => errors.push(m);
    try {
      const el = await fixture<MenduniaLandedCost>(html`<mendunia-landed-cost product-id="cengkeh-ternate" country="SG" .storefront=${storefront}></mendunia-landed-cost>`);
      await until(() => errors.length > 0);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
      expect(errors[0]).to.match(/<mendunia-landed-cost>: the checkout configuration could not be read/);
    } finally {
      console.warn = original;
    }
  });

  it('in the cart drawer: the whole cart, for a country the buyer changes in one click (shared with product pages)', async () => {
    const storefront = await shop();
    storefront.cart.add('batik-parang-tulis', undefined, 1);
    storefront.cart.add('cengkeh-ternate', undefined, 2);
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart inline .storefront=${storefront}></mendunia-cart>`);
    const el = cart.shadowRoot!.querySelector<MenduniaLandedCost>('mendunia-landed-cost')!;
    await until(() => text(el) !== '');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="country-select"]')!;
    expect(select.value).to.equal(importCountryOf(storefront).get());
    select.value = 'DE';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(importCountryOf(storefront).get()).to.equal('DE');
    const lines = storefront.cart.$lines.get();
    const catalog = (storefront.$catalog.get() as { catalog: Parameters<typeof estimateImportCharges>[0]['catalog'] }).catalog;
    const expected = estimateImportCharges({ catalog, lines, destination: 'DE', config, rates, currency: 'EUR' });
    expect(text(el)).to.equal(norm(words(expected.message, 'en')));
    expect(text(el)).to.match(/import charges to Germany$/);
    await expect(el).to.be.accessible();
    // A product page of the same storefront follows the buyer's choice.
    const product = await fixture<MenduniaLandedCost>(html`<mendunia-landed-cost product-id="cengkeh-ternate" .storefront=${storefront}></mendunia-landed-cost>`);
    await until(() => text(product) !== '');
    expect(text(product)).to.match(/to Germany$/);
  });
});
