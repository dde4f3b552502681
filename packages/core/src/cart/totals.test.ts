import { expect } from '@open-wc/testing';
import { parseCatalog } from '../catalog/index.js';
import { createPricing } from '../client/pricing.js';
import { convertIdr, formatMoney } from '../money/index.js';
import type { RateSet } from '../rates/index.js';
import { cartTotals } from './totals.js';

const rates: RateSet = { base: 'EUR', date: '2026-11-27', source: 'test', rates: { IDR: '19300', USD: '1.16', JPY: '176', KWD: '0.356' } };
const { catalog } = parseCatalog({
  version: 1,
  currency: 'IDR',
  products: [
    { id: 'a', name: 'A', price: 135000, images: [], weightGrams: 1 },
    { id: 'b', name: 'B', price: 45000, images: [], weightGrams: 1, variants: [{ id: 'x', name: 'X', price: 47500 }] },
    { id: 'c', name: 'C', price: 1450000, images: [], weightGrams: 1 },
  ],
});

describe('cart totals', () => {
  it('shows each line as its displayed unit price times the quantity, and sums the displayed lines', () => {
    const pricing = createPricing({ currency: 'USD', locale: 'en', rates, stale: false, convert: {} });
    const totals = cartTotals(
      [
        { productId: 'a', quantity: 3 },
        { productId: 'b', variantId: 'x', quantity: 2 },
      ],
      catalog,
      pricing,
    );
    expect(totals.subtotalIdr).to.equal(135000 * 3 + 47500 * 2);
    const unit = convertIdr(135000, 'USD', rates);
    expect(totals.lines[0].unit.display).to.deep.equal(unit);
    expect(totals.lines[0].total.display).to.deep.equal({ amount: unit.amount * 3, currency: 'USD' });
    expect(totals.lines[0].total.idr.amount).to.equal(405000);
    expect(totals.lines[1].unit.idr.amount).to.equal(47500);
    expect(totals.subtotal.amount).to.equal(totals.lines[0].total.display.amount + totals.lines[1].total.display.amount);
    expect(totals.subtotalText).to.equal(formatMoney(totals.subtotal, 'en', { approximate: true }));
    expect(totals.count).to.equal(5);
    expect(totals.approximate).to.equal(true);
  });

  it('in IDR, shows exactly what is charged', () => {
    const pricing = createPricing({ currency: 'IDR', locale: 'id', rates, stale: false, convert: {} });
    const totals = cartTotals([{ productId: 'c', quantity: 2 }], catalog, pricing);
    expect(totals.subtotal).to.deep.equal({ amount: 2900000, currency: 'IDR' });
    expect(totals.subtotalText).to.equal(totals.chargeText);
    expect(totals.approximate).to.equal(false);
  });

  it('skips lines whose product is not in the catalog', () => {
    const pricing = createPricing({ currency: 'USD', locale: 'en', rates, stale: false, convert: {} });
    const totals = cartTotals([{ productId: 'gone', quantity: 1 }, { productId: 'a', quantity: 1 }], catalog, pricing);
    expect(totals.lines.map((l) => l.product.id)).to.deep.equal(['a']);
  });

  // Property: for random carts in several currencies and rounding rules, the displayed subtotal
  // always equals the sum of the displayed lines, and the IDR subtotal the sum of IDR lines.
  for (const [currency, rounding] of [
    ['USD', { type: 'none' }],
    ['USD', { type: 'charm', ending: 1 }],
    ['JPY', { type: 'increment', step: 10 }],
    ['KWD', { type: 'none' }],
  ] as const) {
    it(`keeps displayed lines and subtotal consistent in ${currency} with ${rounding.type} rounding`, () => {
      const pricing = createPricing({ currency, locale: 'en', rates, stale: false, convert: { markupPercent: 2.5, rounding: { [currency]: rounding } } });
      let seed = 7;
      const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      for (let run = 0; run < 200; run++) {
        const lines = ['a', 'c'].map((productId) => ({ productId, quantity: 1 + random(9) }));
        const totals = cartTotals(lines, catalog, pricing);
        const sumDisplay = totals.lines.reduce((n, l) => n + l.total.display.amount, 0);
        const sumIdr = totals.lines.reduce((n, l) => n + l.total.idr.amount, 0);
        expect(totals.subtotal.amount).to.equal(sumDisplay);
        expect(totals.subtotalIdr).to.equal(sumIdr);
        for (const l of totals.lines) {
          expect(l.total.idr.amount).to.equal(l.unit.idr.amount * l.quantity);
          expect(l.total.display.amount).to.equal(l.unit.display.amount * l.quantity);
        }
      }
    });
  }
});
