import { expect } from '@open-wc/testing';
import { convertIdr, formatMoney } from '../money/index.js';
import type { RateSet } from '../rates/index.js';
import { canDisplay, createPricing } from './pricing.js';

const rates: RateSet = { base: 'EUR', date: '2026-11-27', source: 'test', rates: { IDR: '19300', USD: '1.16', JPY: '176' } };

describe('pricing', () => {
  it('prices IDR amounts in the display currency exactly as the money core does', () => {
    const pricing = createPricing({ currency: 'USD', locale: 'en', rates, stale: false, convert: {} });
    for (const amount of [0, 1, 45000, 135000, 1450000, 99999999]) {
      const view = pricing.price(amount);
      const display = convertIdr(amount, 'USD', rates);
      expect(view.display).to.deep.equal(display);
      expect(view.text).to.equal(formatMoney(display, 'en', { approximate: true }));
      expect(view.idr).to.deep.equal({ amount, currency: 'IDR' });
      expect(view.chargeText).to.equal(formatMoney({ amount, currency: 'IDR' }, 'en'));
      expect(view.approximate).to.equal(true);
    }
  });

  it('applies markup and rounding from the options', () => {
    const pricing = createPricing({
      currency: 'JPY',
      locale: 'ja',
      rates,
      stale: false,
      convert: { markupPercent: 3, rounding: { JPY: { type: 'increment', step: 10 } } },
    });
    const view = pricing.price(135000);
    expect(view.display.amount % 10).to.equal(0);
    expect(view.display).to.deep.equal(convertIdr(135000, 'JPY', rates, { markupPercent: 3, rounding: { JPY: { type: 'increment', step: 10 } } }));
  });

  for (const [name, currency, set] of [
    ['IDR is selected', 'IDR', rates],
    ['there are no rates', 'USD', undefined],
    ['the rates lack the currency', 'SGD', rates],
  ] as const) {
    it(`shows IDR, not approximate, when ${name}`, () => {
      const pricing = createPricing({ currency, locale: 'id', rates: set, stale: false, convert: {} });
      expect(pricing.currency).to.equal('IDR');
      const view = pricing.price(150000);
      expect(view.approximate).to.equal(false);
      expect(view.text).to.equal(view.chargeText);
      expect(view.display).to.deep.equal({ amount: 150000, currency: 'IDR' });
    });
  }

  it('canDisplay says which currencies the rates cover', () => {
    expect(canDisplay('IDR', undefined)).to.equal(true);
    expect(canDisplay('USD', rates)).to.equal(true);
    expect(canDisplay('EUR', rates)).to.equal(true); // the base itself
    expect(canDisplay('SGD', rates)).to.equal(false);
  });

  it('returns the same view object for the same amount within one snapshot', () => {
    const pricing = createPricing({ currency: 'USD', locale: 'en', rates, stale: false, convert: {} });
    expect(pricing.price(1000)).to.equal(pricing.price(1000));
  });
});
