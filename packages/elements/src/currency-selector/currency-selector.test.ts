import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStorefront, memoryStorage, staticRates, jsonRates } from '@mendunia/core';
import './define.js';
import '../store/define.js';
import type { MenduniaCurrencySelector } from './currency-selector.js';
import { captureConsole, RATES, readyStorefront } from '../test/fixtures.js';

const select = (el: MenduniaCurrencySelector) => el.shadowRoot!.querySelector('select')!;
const note = (el: MenduniaCurrencySelector) => el.shadowRoot!.querySelector('[part="note"]')!.textContent!.trim();

describe('<mendunia-currency-selector>', () => {
  it('offers the currencies the rates cover, named by Intl in the current language', async () => {
    const { storefront } = await readyStorefront({ currencies: ['IDR', 'USD', 'SGD', 'JPY', 'KRW'] });
    const el = await fixture<MenduniaCurrencySelector>(html`<mendunia-currency-selector .storefront=${storefront}></mendunia-currency-selector>`);
    const options = [...select(el).options];
    // KRW is not in the test rate table, so it is not offered.
    expect(options.map((o) => o.value)).to.deep.equal(['IDR', 'USD', 'SGD', 'JPY']);
    const usdName = new Intl.DisplayNames(['en'], { type: 'currency' }).of('USD')!;
    expect(options[1].textContent!.trim()).to.equal(`USD – ${usdName}`);
    expect(select(el).value).to.equal('USD');
    expect(note(el)).to.equal('Prices in USD are estimates. You pay in IDR.');

    storefront.setLocale('id');
    await el.updateComplete;
    const idName = new Intl.DisplayNames(['id'], { type: 'currency' }).of('USD')!;
    expect(select(el).options[1].textContent!.trim()).to.equal(`USD – ${idName}`);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Mata uang');
  });

  it('changes the currency from the keyboard and the store announces it', async () => {
    const store = await fixture(html`<mendunia-store locale="en" currency="USD" currencies="IDR USD SGD" store-id="kb">
      <script type="application/json" data-rates>${JSON.stringify(RATES)}</script>
      <script type="application/json">${JSON.stringify({ version: 1, currency: 'IDR', products: [] })}</script>
      <mendunia-currency-selector></mendunia-currency-selector>
    </mendunia-store>`);
    const el = store.querySelector('mendunia-currency-selector')!;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(select(el).value).to.equal('USD');
    select(el).focus();
    setTimeout(() => void sendKeys({ press: 'ArrowDown' }));
    const event = await oneEvent(store, 'mendunia-currency-change');
    expect(event.detail).to.deep.equal({ currency: 'SGD', previous: 'USD' });
  });

  it('remembers the choice for the next page', async () => {
    const storage = memoryStorage();
    const first = await readyStorefront({ storage });
    first.storefront.setCurrency('JPY');
    const second = await readyStorefront({ storage });
    expect(second.storefront.$currency.get()).to.equal('JPY');
  });

  it('starts from the browser region when there is no saved choice, else the merchant default', async () => {
    expect((await readyStorefront({ preferredRegions: ['SG'] })).storefront.$currency.get()).to.equal('SGD');
    expect((await readyStorefront({ preferredRegions: ['BR'], defaultCurrency: 'AUD' })).storefront.$currency.get()).to.equal('AUD');
    expect((await readyStorefront({ preferredRegions: [], defaultCurrency: undefined })).storefront.$currency.get()).to.equal('IDR');
  });

  it('reports an unknown currency code and keeps a working selection', async () => {
    const { errors, result } = await captureConsole(() => readyStorefront({ defaultCurrency: 'XYZ' }));
    expect(result.storefront.$currency.get()).to.equal('IDR');
    expect(errors.join('\n')).to.contain('"XYZ"');
    const { errors: more } = await captureConsole(() => result.storefront.setCurrency('ABC'));
    expect(more.join('\n')).to.contain('unknown currency "ABC"');
    expect(result.storefront.$currency.get()).to.equal('IDR');
  });

  it('says prices stay in IDR and disables itself when no rates can be had', async () => {
    const { result: storefront, errors } = await captureConsole(async () => {
      const s = createStorefront({ storage: memoryStorage(), rates: jsonRates('http://127.0.0.1:9/rates.json'), defaultCurrency: 'USD', locale: 'en' });
      await s.loadRates();
      return s;
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('http://127.0.0.1:9/rates.json');
    const el = await fixture<MenduniaCurrencySelector>(html`<mendunia-currency-selector .storefront=${storefront}></mendunia-currency-selector>`);
    expect(select(el).disabled).to.equal(true);
    expect(select(el).value).to.equal('IDR');
    expect(note(el)).to.equal('Exchange rates are unavailable right now, so prices are shown in IDR.');
    expect(storefront.$pricing.get().currency).to.equal('IDR');
    await expect(el).to.be.accessible();
  });

  it('says when the rates are out of date', async () => {
    const old = { ...RATES, date: '2026-01-05' };
    const storefront = createStorefront({ storage: memoryStorage(), rates: staticRates(old), defaultCurrency: 'USD', locale: 'en' });
    await storefront.loadRates();
    const el = await fixture<MenduniaCurrencySelector>(html`<mendunia-currency-selector .storefront=${storefront}></mendunia-currency-selector>`);
    expect(note(el)).to.match(/^Exchange rates from .*2026 may be out of date\.$/);
  });

  it('is accessible, with a hidden label too', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaCurrencySelector>(html`<mendunia-currency-selector hide-label .storefront=${storefront}></mendunia-currency-selector>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('label')!.classList.contains('visually-hidden')).to.equal(true);
  });
});
