import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setLanguageLoader } from '@mendunia/i18n';
import './define.js';
import '../store/define.js';
import type { MenduniaLocaleSelector } from './locale-selector.js';
import { CATALOG, RATES, readyStorefront, waitFor } from '../test/fixtures.js';
import '../product-card/define.js';

describe('<mendunia-locale-selector>', () => {
  it('names each language in itself and switches the store language', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaLocaleSelector>(html`<mendunia-locale-selector .storefront=${storefront}></mendunia-locale-selector>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['id', 'en', 'ms', 'zh', 'ja', 'ko', 'ar']);
    expect(select.options[0].textContent).to.equal(new Intl.DisplayNames(['id'], { type: 'language' }).of('id')!.replace(/^./, (c) => c.toUpperCase()));
    expect(select.value).to.equal('en');
    select.value = 'id';
    select.dispatchEvent(new Event('change'));
    expect(storefront.$locale.get()).to.equal('id');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Bahasa');
    await expect(el).to.be.accessible();
  });

  it('offers only languages Mendunia has strings for, and remembers the buyer\'s choice', async () => {
    const { storefront, storage } = await readyStorefront();
    const el = await fixture<MenduniaLocaleSelector>(html`<mendunia-locale-selector languages="id en fr" .storefront=${storefront}></mendunia-locale-selector>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['id', 'en']);
    expect([...select.options].filter((o) => o.selected).map((o) => o.value)).to.deep.equal(['en']);
    select.value = 'id';
    select.dispatchEvent(new Event('change'));
    const next = await readyStorefront({ storage, locale: 'en' });
    expect(next.storefront.$locale.get()).to.equal('id');
    expect(next.storefront.chosenLocale()).to.equal('id');
  });

  it('re-renders the cards of its store in the chosen language', async () => {
    const store = await fixture(html`<mendunia-store locale="en" store-id="lang">
      <script type="application/json">${JSON.stringify(CATALOG)}</script>
      <script type="application/json" data-rates>${JSON.stringify(RATES)}</script>
      <mendunia-locale-selector></mendunia-locale-selector>
      <mendunia-product-card product-id="kopi-gayo"></mendunia-product-card>
    </mendunia-store>`);
    const cardEl = store.querySelector('mendunia-product-card')!;
    await waitFor(() => cardEl.shadowRoot!.querySelector('[part="title"]')?.textContent === 'Gayo Arabica Coffee');
    const select = store.querySelector('mendunia-locale-selector')!.shadowRoot!.querySelector('select')!;
    select.value = 'id';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = await oneEvent(store, 'mendunia-locale-change');
    expect(event.detail).to.deep.equal({ locale: 'id', previous: 'en' });
    await cardEl.updateComplete;
    expect(cardEl.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Kopi Arabika Gayo');
  });

  it('tells the buyer a language is unavailable when its strings cannot be loaded, and stays on the previous one', async () => {
    // As on a page where locales/ was not copied next to mendunia.js: the file answers 404.
    setLanguageLoader(() => Promise.reject(new Error('HTTP 404')));
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { storefront, storage } = await readyStorefront();
      const el = await fixture<MenduniaLocaleSelector>(html`<mendunia-locale-selector .storefront=${storefront}></mendunia-locale-selector>`);
      const select = el.shadowRoot!.querySelector('select')!;
      const status = el.shadowRoot!.querySelector('[part="status"]')!;
      expect(status.textContent!.trim()).to.equal('');
      select.value = 'ko';
      select.dispatchEvent(new Event('change'));
      await waitFor(() => status.textContent!.includes('한국어'));
      expect(status.textContent!.trim()).to.equal(`${new Intl.DisplayNames(['ko'], { type: 'language' }).of('ko')} is not available right now.`);
      expect(status.getAttribute('role')).to.equal('status');
      expect(storefront.$locale.get()).to.equal('en');
      expect(select.value).to.equal('en');
      // nothing remembered: the next visit is not stuck on a language that cannot load
      expect((await readyStorefront({ storage, locale: 'en' })).storefront.chosenLocale()).to.equal(undefined);
      await expect(el).to.be.accessible();

      // A language that works clears the note.
      select.value = 'id';
      select.dispatchEvent(new Event('change'));
      expect(storefront.$locale.get()).to.equal('id');
      await el.updateComplete;
      expect(status.textContent!.trim()).to.equal('');
    } finally {
      console.warn = warn;
      setLanguageLoader(undefined);
    }
  });
});
