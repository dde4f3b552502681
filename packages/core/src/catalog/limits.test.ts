// Amounts a catalog may hold (limits.ts): a price that would overflow a cart's totals is refused
// when the catalog loads, so money arithmetic never meets a number it cannot hold. And text from
// a catalog keeps no unpaired bidi control.
import { expect } from '@open-wc/testing';
import { MAX_CART_AMOUNT_IDR, MAX_CART_LINES, MAX_LINE_AMOUNT_IDR, MAX_LINE_QUANTITY, MAX_UNIT_PRICE_IDR } from '../limits.js';
import { createStorefront } from '../client/index.js';
import { memoryStorage } from '../storage/index.js';
import { staticRates } from '../rates/index.js';
import { convertIdr } from '../money/index.js';
import { parseCatalog } from './parse.js';

const product = (id: string, price: number, name: unknown = id) => ({ id, name, price, weightGrams: 100 });
const catalog = (...products: unknown[]) => ({ version: 1, currency: 'IDR', products });
const RATES = { base: 'EUR', date: '2026-12-01', rates: { IDR: '19300', USD: '1.16', JPY: '176', KRW: '1600' } };

describe('amount limits', () => {
  it('keeps every cart total a safe integer, even converted into the currency with the most units per rupiah', () => {
    expect(MAX_LINE_AMOUNT_IDR).to.equal(MAX_UNIT_PRICE_IDR * MAX_LINE_QUANTITY);
    expect(MAX_CART_AMOUNT_IDR).to.equal(MAX_LINE_AMOUNT_IDR * MAX_CART_LINES);
    // Room for shipping, duties and taxes on top (ten times the goods, more than any tariff).
    expect(Number.isSafeInteger(MAX_CART_AMOUNT_IDR * 10)).to.equal(true);
    const krw = convertIdr(MAX_CART_AMOUNT_IDR, 'KRW', { ...RATES, source: 't' });
    expect(Number.isSafeInteger(krw.amount)).to.equal(true);
  });

  it('refuses, at catalog load, a price above MAX_UNIT_PRICE_IDR with a message naming the field and the limit', () => {
    const { catalog: parsed, issues } = parseCatalog(
      catalog(product('ok', MAX_UNIT_PRICE_IDR), product('huge', Number.MAX_SAFE_INTEGER), { ...product('variant', 1000), variants: [{ id: 'v', name: 'V', price: MAX_UNIT_PRICE_IDR + 1 }] }),
    );
    expect(parsed.products.map((p) => p.id)).to.deep.equal(['ok']);
    const priceIssues = issues.filter((i) => i.message.includes('MAX_UNIT_PRICE_IDR'));
    expect(priceIssues.map((i) => i.path)).to.deep.equal(['products[1].price', 'products[2].variants[0].price']);
  });

  it('adds the most expensive product allowed, as many as a line holds, without an error and with consistent totals', async () => {
    const storefront = createStorefront({
      catalog: catalog(product('a', MAX_UNIT_PRICE_IDR), product('b', MAX_UNIT_PRICE_IDR)),
      rates: staticRates(RATES),
      defaultCurrency: 'JPY',
      locale: 'en',
      storage: memoryStorage(),
    });
    await Promise.all([storefront.loadCatalog(), storefront.loadRates()]);
    expect(storefront.cart.add('a', undefined, 2).ok).to.equal(true);
    expect(storefront.cart.setQuantity('a', undefined, MAX_LINE_QUANTITY).ok).to.equal(true);
    expect(storefront.cart.add('b', undefined, MAX_LINE_QUANTITY).ok).to.equal(true);
    const totals = storefront.$cart.get()!;
    expect(totals.count).to.equal(2 * MAX_LINE_QUANTITY);
    expect(storefront.cart.$count.get()).to.equal(totals.count);
    expect(totals.subtotalIdr).to.equal(2 * MAX_LINE_AMOUNT_IDR);
    expect(Number.isSafeInteger(totals.subtotalIdr)).to.equal(true);
  });
});

describe('bidi controls in catalog text', () => {
  it('removes an unclosed override (it would reverse the price after the name), keeps a closed one', () => {
    const { catalog: parsed } = parseCatalog(
      catalog(product('open', 1000, 'Batik \u202EParang'), product('closed', 1000, { en: 'Batik \u202Egnp.exe\u202C Parang', ar: '\u2067باتيك' })),
    );
    expect(parsed.products[0]!.name).to.equal('Batik Parang');
    expect(parsed.products[1]!.name).to.deep.equal({ en: 'Batik \u202Egnp.exe\u202C Parang', ar: 'باتيك' });
  });
});
