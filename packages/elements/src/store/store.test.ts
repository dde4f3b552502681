import { expect, fixture, html } from '@open-wc/testing';
import { getDefaultStorefront } from '@mendunia/core';
import './define.js';
import '../product-card/define.js';
import '../price/define.js';
import type { MenduniaStore } from './store.js';
import { captureConsole, RATES, waitFor } from '../test/fixtures.js';

const catalogUrl = new URL('../test/catalog-with-bad-product.json', import.meta.url).href;
const title = (el: Element) => el.shadowRoot?.querySelector('[part="title"]')?.textContent ?? '';
const message = (el: Element) => el.shadowRoot?.querySelector('[part="message"]')?.textContent ?? '';

describe('<mendunia-store>', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('loads a catalog URL; a malformed product is reported by field and the others render', async () => {
    const { result: store, errors } = await captureConsole(async () => {
      const s = await fixture<MenduniaStore>(html`<mendunia-store catalog=${catalogUrl} locale="en" store-id="bad">
        <mendunia-product-card product-id="good-one"></mendunia-product-card>
        <mendunia-product-card product-id="bad-price"></mendunia-product-card>
        <mendunia-product-card product-id="good-two"></mendunia-product-card>
      </mendunia-store>`);
      await waitFor(() => s.storefront!.$catalog.get().status === 'ready');
      return s;
    });
    const cards = [...store.querySelectorAll('mendunia-product-card')];
    await Promise.all(cards.map((c) => c.updateComplete));
    expect(title(cards[0])).to.equal('Good One');
    expect(message(cards[1])).to.equal('This product is not available.');
    expect(title(cards[2])).to.equal('Good Two');
    const log = errors.join('\n');
    expect(log).to.contain('products[1].price');
    expect(log).to.contain(catalogUrl);
  });

  it('keeps a working page in IDR when the rates URL is unreachable, with one clear error', async () => {
    const { result: store, errors } = await captureConsole(async () => {
      const s = await fixture<MenduniaStore>(html`<mendunia-store rates="http://127.0.0.1:9/rates.json" currency="USD" locale="en" store-id="norates">
        <script type="application/json">{"version":1,"currency":"IDR","products":[{"id":"a","name":"A","price":150000,"images":[],"weightGrams":1}]}</script>
        <mendunia-product-card product-id="a"></mendunia-product-card>
      </mendunia-store>`);
      await waitFor(() => s.storefront!.$rates.get().status === 'unavailable');
      return s;
    });
    expect(errors.filter((e) => e.includes('127.0.0.1:9'))).to.have.length(1);
    const cardEl = store.querySelector('mendunia-product-card')!;
    await cardEl.updateComplete;
    expect(cardEl.shadowRoot!.querySelector('[part="price"]')!.textContent!.trim()).to.match(/^IDR\s?150,000$|^Rp\s?150,000$/);
  });

  it('reads an ECB XML rates URL', async () => {
    const ecb = new URL('../../../core/src/rates/fixtures/eurofxref-daily.xml', import.meta.url).href;
    const store = await fixture<MenduniaStore>(html`<mendunia-store rates=${ecb} currencies="IDR EUR" currency="EUR" locale="en" store-id="ecb">
      <script type="application/json">{"version":1,"currency":"IDR","products":[]}</script>
      <mendunia-price amount="1000000"></mendunia-price>
    </mendunia-store>`);
    await waitFor(() => store.storefront!.$rates.get().status === 'ready');
    const rates = store.storefront!.$rates.get();
    expect(rates.status === 'ready' && rates.rates.base).to.equal('EUR');
    const price = store.querySelector('mendunia-price')!;
    await price.updateComplete;
    expect(price.shadowRoot!.textContent).to.match(/≈\s€/);
  });

  it('follows <html lang> live when it has no locale attribute', async () => {
    document.documentElement.lang = 'en';
    const store = await fixture<MenduniaStore>(html`<mendunia-store store-id="lang">
      <script type="application/json">${JSON.stringify({ version: 1, currency: 'IDR', products: [{ id: 'a', name: { en: 'Clove', id: 'Cengkeh' }, price: 1, images: [], weightGrams: 1 }] })}</script>
      <mendunia-product-card product-id="a"></mendunia-product-card>
    </mendunia-store>`);
    const cardEl = store.querySelector('mendunia-product-card')!;
    await waitFor(() => title(cardEl) === 'Clove');
    document.documentElement.lang = 'id';
    await waitFor(() => title(cardEl) === 'Cengkeh');
    expect(store.storefront!.$locale.get()).to.equal('id');
  });

  it('keeps the language the buyer chose even when <html lang> changes', async () => {
    document.documentElement.lang = 'en';
    const store = await fixture<MenduniaStore>(html`<mendunia-store store-id="chosen">
      <script type="application/json">{"version":1,"currency":"IDR","products":[]}</script>
    </mendunia-store>`);
    store.storefront!.setLocale('id', { remember: true });
    document.documentElement.lang = 'en-GB';
    await new Promise((r) => setTimeout(r, 20));
    expect(store.storefront!.$locale.get()).to.equal('id');
  });

  it('becomes the page default so elements outside it work, and stops being it when removed', async () => {
    const wrapper = await fixture(html`<div>
      <mendunia-store currency="IDR" locale="id" store-id="default-test">
        <script type="application/json" data-rates>${JSON.stringify(RATES)}</script>
      </mendunia-store>
      <p><mendunia-price amount="25000"></mendunia-price></p>
    </div>`);
    const store = wrapper.querySelector('mendunia-store')!;
    expect(getDefaultStorefront()).to.equal(store.storefront);
    const price = wrapper.querySelector('mendunia-price')!;
    await waitFor(() => /25\.000/.test(price.shadowRoot?.textContent ?? ''));
    store.remove();
    expect(getDefaultStorefront()).to.equal(undefined);
  });

  it('reports an unknown currency code and keeps a working page', async () => {
    const { result: store, errors } = await captureConsole(async () => {
      const s = await fixture<MenduniaStore>(html`<mendunia-store currency="XYZ" currencies="IDR USD" locale="en" store-id="xyz">
        <script type="application/json">{"version":1,"currency":"IDR","products":[{"id":"a","name":"A","price":150000,"images":[],"weightGrams":1}]}</script>
        <script type="application/json" data-rates>${JSON.stringify(RATES)}</script>
        <mendunia-product-card product-id="a"></mendunia-product-card>
      </mendunia-store>`);
      await waitFor(() => s.storefront!.$rates.get().status === 'ready');
      return s;
    });
    expect(errors.join('\n')).to.contain('"XYZ"');
    const cardEl = store.querySelector('mendunia-product-card')!;
    await cardEl.updateComplete;
    // navigator.languages is en-US here: the region's USD wins over the invalid default.
    expect(store.storefront!.$currency.get()).to.be.oneOf(['IDR', 'USD']);
    expect(title(cardEl)).to.equal('A');
  });

  it('uses a storefront set right after it connects, without building one of its own', async () => {
    const { createStorefront, memoryStorage } = await import('@mendunia/core');
    const storefront = createStorefront({ storage: memoryStorage(), catalog: { version: 1, currency: 'IDR', products: [] }, locale: 'en' });
    const { result: store, errors } = await captureConsole(async () => {
      const s = document.createElement('mendunia-store');
      document.body.append(s);
      s.storefront = storefront;
      await s.updateComplete;
      return s;
    });
    expect(store.storefront).to.equal(storefront);
    expect(errors).to.deep.equal([]);
    let changes = 0;
    store.addEventListener('mendunia-cart-change', () => changes++);
    await storefront.loadCatalog();
    storefront.cart.clear();
    expect(changes).to.equal(1);
    store.remove();
  });

  it('reports a catalog that is not JSON and shows the error state', async () => {
    const { result: store, errors } = await captureConsole(async () => {
      const s = await fixture<MenduniaStore>(html`<mendunia-store locale="en" store-id="notjson">
        <script type="application/json">{ not json</script>
        <mendunia-product-card product-id="a"></mendunia-product-card>
      </mendunia-store>`);
      await waitFor(() => s.storefront!.$catalog.get().status === 'error');
      return s;
    });
    expect(errors.join('\n')).to.contain('not valid JSON');
    const cardEl = store.querySelector('mendunia-product-card')!;
    await cardEl.updateComplete;
    expect(message(cardEl)).to.equal('Products could not be loaded.');
  });
});
