import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import { parseCatalog } from '../catalog/index.js';
import type { RateSet } from '../rates/index.js';
import demoCheckout from '../../../../examples/plain-html/checkout.json';
import demoCatalog from '../../../../examples/plain-html/catalog.json';
import { parseCheckoutConfig } from './config.js';
import { buildQuote } from './quote.js';
import { createOrder, customsDescription, lineNames, lineTitle, type NamedLine } from './order.js';

const rates: RateSet = {
  base: 'EUR', date: '2026-11-27', source: 'test',
  rates: { IDR: '19300', USD: '1.16', SGD: '1.50', JPY: '176', AUD: '1.77', GBP: '0.875' },
};
const { catalog } = parseCatalog(demoCatalog);
const config = parseCheckoutConfig(demoCheckout);
const now = new Date('2026-11-29T10:00:00Z');
const contact = { name: 'Tan Wei Ling', email: 'weiling@example.sg', phone: '+6591234567' };
const address = { country: 'SG', name: 'Tan Wei Ling', addressLine1: '1 Raffles Place #20-01', postalCode: '048616' };

describe('an order of two variants of one product', () => {
  const quote = buildQuote({
    catalog,
    lines: [
      { productId: 'kemeja-batik-lasem', variantId: 's', quantity: 1 },
      { productId: 'kemeja-batik-lasem', variantId: 'l', quantity: 2 },
      { productId: 'batik-kawung-cap', quantity: 1 },
    ],
    destination: 'SG',
    config,
    rates,
    now,
  });
  const order = createOrder(quote, contact, address, { reference: 'MDN-261129-ABCDE', now });

  it('keeps each line’s product and variant names in every catalog language, with the ids', () => {
    expect(quote.status).to.equal('ok');
    const [s, l, cloth] = order.lines;
    expect([s?.productId, s?.variantId, l?.productId, l?.variantId]).to.deep.equal(['kemeja-batik-lasem', 's', 'kemeja-batik-lasem', 'l']);
    expect(s?.productName).to.deep.equal({ id: 'Kemeja Batik Lasem Lengan Pendek', en: 'Lasem Batik Short-sleeve Shirt' });
    expect(s?.variantName).to.deep.equal({ id: 'S', en: 'S' });
    expect(l?.variantName).to.deep.equal({ id: 'L', en: 'L' });
    expect(s?.name).to.equal('Lasem Batik Short-sleeve Shirt');
    expect(cloth).not.to.have.property('variantId');
    expect(cloth).not.to.have.property('variantName');
  });

  it('reads as two different lines in the merchant’s language and in the buyer’s', () => {
    expect(order.lines.map((line) => lineTitle(line, 'id'))).to.deep.equal([
      'Kemeja Batik Lasem Lengan Pendek — S',
      'Kemeja Batik Lasem Lengan Pendek — L',
      'Kain Batik Cap Kawung Indigo',
    ]);
    // The quote's items (the checkout's review step) read the same as the order's lines.
    expect(quote.items.map((item) => lineTitle(item, 'id'))).to.deep.equal(order.lines.map((line) => lineTitle(line, 'id')));
    // Japanese is not in the demo catalog: English, as localise() falls back.
    expect(order.lines.map((line) => lineTitle(line, 'ja'))).to.deep.equal([
      'Lasem Batik Short-sleeve Shirt — S',
      'Lasem Batik Short-sleeve Shirt — L',
      'Stamped Kawung Batik Cloth in Indigo',
    ]);
  });

  it('declares each variant on its own customs line, in English', () => {
    expect(order.customs.lines.map((c) => [c.description, c.quantity, c.netWeightGrams, c.hsCode])).to.deep.equal([
      ['Lasem Batik Short-sleeve Shirt, S', 1, 300, '620520'],
      ['Lasem Batik Short-sleeve Shirt, L', 2, 640, '620520'],
      ['Stamped Kawung Batik Cloth in Indigo', 1, 360, '520852'],
    ]);
  });

  it('survives JSON: the downloaded order names the variants', () => {
    const copy = JSON.parse(JSON.stringify(order)) as typeof order;
    expect(copy).to.deep.equal(order);
    expect(copy.lines.map((line) => lineTitle(line, 'en'))).to.deep.equal([
      'Lasem Batik Short-sleeve Shirt — S',
      'Lasem Batik Short-sleeve Shirt — L',
      'Stamped Kawung Batik Cloth in Indigo',
    ]);
  });
});

describe('lineNames, lineTitle and customsDescription', () => {
  const cases: [string, NamedLine, string, { product: string; variant?: string }][] = [
    ['the asked language', { name: 'Whole Banda Nutmeg', productName: { id: 'Pala Utuh Banda', en: 'Whole Banda Nutmeg' }, variantId: '100g', variantName: { id: '100 g', en: '100 g' } }, 'id', { product: 'Pala Utuh Banda', variant: '100 g' }],
    ['a region of the language', { name: 'Coffee', productName: { id: 'Kopi', en: 'Coffee' }, variantId: 'bean', variantName: { id: 'Biji utuh', en: 'Whole bean' } }, 'en-SG', { product: 'Coffee', variant: 'Whole bean' }],
    ['English for a language the catalog lacks', { name: 'Coffee', productName: { id: 'Kopi', en: 'Coffee' }, variantId: 'bean', variantName: { id: 'Biji utuh', en: 'Whole bean' } }, 'ar', { product: 'Coffee', variant: 'Whole bean' }],
    ['a name written once for all languages', { name: 'Kartu Ucapan', productName: 'Kartu Ucapan' }, 'zh', { product: 'Kartu Ucapan' }],
    ['an order stored before names were kept: name and variant id', { productId: 'kopi', name: 'Gayo Coffee', variantId: '250g' }, 'id', { product: 'Gayo Coffee', variant: '250g' }],
    ['a blank variant name: the variant id', { name: 'Shirt', productName: { en: 'Shirt' }, variantId: 'xl', variantName: { en: '' } }, 'en', { product: 'Shirt', variant: 'xl' }],
    ['no name at all: the product id', { productId: 'kopi', name: '' }, 'en', { product: 'kopi' }],
  ];
  for (const [what, line, lang, expected] of cases) {
    it(`names ${what}`, () => {
      expect(lineNames(line, lang)).to.deep.equal(expected);
      expect(lineTitle(line, lang)).to.equal(expected.variant ? `${expected.product} — ${expected.variant}` : expected.product);
    });
  }

  it('writes customs descriptions in English whatever the names hold', () => {
    const shirt: NamedLine = { name: 'Lasem Batik Short-sleeve Shirt', productName: { id: 'Kemeja Batik Lasem', en: 'Lasem Batik Short-sleeve Shirt' }, variantId: 'l', variantName: { id: 'L', en: 'L' } };
    expect(customsDescription(shirt)).to.equal('Lasem Batik Short-sleeve Shirt, L');
    expect(customsDescription({ name: 'Gayo Coffee', variantId: '250g' })).to.equal('Gayo Coffee, 250g');
    expect(customsDescription({ name: 'Round Rattan Bag', productName: { id: 'Tas Rotan', en: 'Round Rattan Bag' } })).to.equal('Round Rattan Bag');
  });
});
