import { expect, fixture, html } from '@open-wc/testing';
import { convertIdr, formatMoney, setDefaultStorefront } from '@mendunia/core';
import './define.js';
import '../store/define.js';
import type { MenduniaPrice } from './price.js';
import { captureConsole, RATES, readyStorefront, waitFor } from '../test/fixtures.js';

const amountText = (el: MenduniaPrice) => el.shadowRoot!.querySelector('[part="amount"]')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<mendunia-price>', () => {
  it('shows the IDR amount when IDR is selected, with no approximation mark', async () => {
    const { storefront } = await readyStorefront({ defaultCurrency: 'IDR', locale: 'id' });
    const el = await fixture<MenduniaPrice>(html`<mendunia-price amount="150000" .storefront=${storefront}></mendunia-price>`);
    expect(amountText(el)).to.equal(formatMoney({ amount: 150000, currency: 'IDR' }, 'id').replace(/\s+/g, ' '));
    expect(amountText(el)).to.match(/^Rp\s?150\.000$/);
    expect(el.shadowRoot!.querySelector('[title]')).to.equal(null);
  });

  it('shows the converted amount the core computes, marked approximate, with the IDR charge', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaPrice>(html`<mendunia-price amount="150000" .storefront=${storefront}></mendunia-price>`);
    const expected = formatMoney(convertIdr(150000, 'USD', staticRatesSet()), 'en', { approximate: true });
    expect(amountText(el)).to.equal(expected.replace(/\s+/g, ' '));
    expect(amountText(el)).to.match(/^≈ US\$\d+\.\d\d$/);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.getAttribute('title')).to.match(/You will be charged Rp\s150,000/);
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.contain('approximately').and.contain('charged');
  });

  it('re-prices at once when the currency changes', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaPrice>(html`<mendunia-price amount="150000" .storefront=${storefront}></mendunia-price>`);
    storefront.setCurrency('JPY');
    await el.updateComplete;
    expect(amountText(el)).to.match(/^≈ ¥[\d,]+$/);
    storefront.setCurrency('IDR');
    await el.updateComplete;
    expect(amountText(el)).to.match(/^IDR|Rp/);
  });

  it('takes the amount as a number property too (frameworks set properties)', async () => {
    const { storefront } = await readyStorefront({ defaultCurrency: 'IDR', locale: 'id' });
    const el = await fixture<MenduniaPrice>(html`<mendunia-price .amount=${150000} .storefront=${storefront}></mendunia-price>`);
    expect(amountText(el)).to.match(/^Rp\s150\.000$/);
  });

  it('shows the charge visibly with show-charge', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaPrice>(html`<mendunia-price show-charge amount="150000" .storefront=${storefront}></mendunia-price>`);
    expect(el.shadowRoot!.querySelector('[part="charge"]')!.textContent).to.match(/Rp\s?150,000/);
  });

  it('uses the page default storefront when it is not inside a store', async () => {
    const { storefront } = await readyStorefront({ defaultCurrency: 'SGD' });
    const el = await fixture<MenduniaPrice>(html`<mendunia-price amount="150000"></mendunia-price>`);
    expect(el.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
    setDefaultStorefront(storefront);
    await el.updateComplete;
    expect(amountText(el)).to.match(/^≈ S\$/);
  });

  for (const bad of ['abc', '-5', '1.5', '']) {
    it(`reports amount="${bad}" in the console and says the price is unavailable`, async () => {
      const { storefront } = await readyStorefront();
      const { result: el, errors } = await captureConsole(async () => {
        const e = await fixture<MenduniaPrice>(html`<mendunia-price amount=${bad} .storefront=${storefront}></mendunia-price>`);
        await e.updateComplete;
        return e;
      });
      expect(amountText(el)).to.equal('Price unavailable');
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('<mendunia-price').and.contain('IDR');
    });
  }

  it('is accessible, converted and not', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaPrice>(html`<p>Only <mendunia-price amount="99000" .storefront=${storefront}></mendunia-price></p>`);
    await expect(el).to.be.accessible();
    storefront.setCurrency('IDR');
    await expect(el).to.be.accessible();
  });

  it('works inside a <mendunia-store> configured only by HTML', async () => {
    const el = await fixture(html`<mendunia-store currency="USD" locale="en" store-id="price-test">
      <script type="application/json">${JSON.stringify({ version: 1, currency: 'IDR', products: [] })}</script>
      <script type="application/json" data-rates>${JSON.stringify(RATES)}</script>
      <mendunia-price amount="1000000"></mendunia-price>
    </mendunia-store>`);
    const price = el.querySelector('mendunia-price')!;
    await waitFor(() => /US\$/.test(price.shadowRoot?.textContent ?? ''));
    expect(amountText(price)).to.equal(formatMoney(convertIdr(1000000, 'USD', staticRatesSet()), 'en', { approximate: true }).replace(/\s+/g, ' '));
  });
});

function staticRatesSet() {
  return { ...RATES, source: 'test' };
}
