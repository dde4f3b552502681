import { expect } from '@open-wc/testing';
import { findProduct, findVariant, isSoldOut, localise, priceOf, stockOf } from './localise.js';
import { parseCatalog } from './parse.js';
import type { LocalisedText, Product, Variant } from './types.js';

describe('localise', () => {
  const name = { id: 'Kopi', en: 'Coffee', 'en-GB': 'Coffee (UK)', 'zh-Hant': '咖啡', ms: '' };
  const rows: readonly (readonly [string, LocalisedText | undefined, string, string])[] = [
    ['exact tag', name, 'en-GB', 'Coffee (UK)'],
    ['exact base tag', name, 'id', 'Kopi'],
    ['tag case and underscore ignored', name, 'EN_gb', 'Coffee (UK)'],
    ['region falls back to its language', name, 'en-AU', 'Coffee'],
    ['script and region fall back step by step', name, 'zh-Hant-TW', '咖啡'],
    ['language finds another region of itself', { 'en-US': 'Coffee (US)', id: 'Kopi' }, 'en', 'Coffee (US)'],
    ['unknown language falls back to English', name, 'fr', 'Coffee'],
    ['English written only with a region still counts', { 'en-US': 'Coffee (US)', id: 'Kopi' }, 'fr', 'Coffee (US)'],
    ['no English: Indonesian', { ja: 'コーヒー', id: 'Kopi' }, 'fr', 'Kopi'],
    ['neither: the first one written', { ja: 'コーヒー', ko: '커피' }, 'fr', 'コーヒー'],
    ['a blank translation falls back', name, 'ms', 'Coffee'],
    ['plain text for every locale', 'Sambal Roa', 'ja', 'Sambal Roa'],
    ['empty locale', name, '', 'Coffee'],
    ['undefined text', undefined, 'en', ''],
    ['no languages at all', {}, 'en', ''],
  ];
  for (const [what, text, locale, expected] of rows) {
    it(`${what}: ${JSON.stringify(locale)} → ${JSON.stringify(expected)}`, () => {
      expect(localise(text, locale)).to.equal(expected);
    });
  }
});

function product(stock: number | null, variantStocks: readonly (number | null)[] = []): Product {
  return {
    id: 'p',
    name: 'P',
    price: 100000,
    images: [],
    weightGrams: 100,
    stock,
    variants: variantStocks.map((each, index) => ({
      id: `v${index}`,
      name: `V${index}`,
      price: 100000 + index * 5000,
      stock: each,
      weightGrams: 100,
    })),
    tags: [],
  };
}

describe('stockOf and isSoldOut', () => {
  const rows: readonly (readonly [string, Product, number | undefined, number | null, boolean])[] = [
    // [what, product, index of the chosen variant, stock, sold out]
    ['untracked product', product(null), undefined, null, false],
    ['product in stock', product(4), undefined, 4, false],
    ['product at zero', product(0), undefined, 0, true],
    ['chosen variant in stock', product(null, [0, 2]), 1, 2, false],
    ['chosen variant at zero', product(null, [0, 2]), 0, 0, true],
    ['chosen variant untracked', product(null, [0, null]), 1, null, false],
    ['no variant chosen: the sum', product(null, [1, 2]), undefined, 3, false],
    ['no variant chosen: all at zero', product(null, [0, 0]), undefined, 0, true],
    ['no variant chosen: one untracked means unlimited', product(null, [0, null]), undefined, null, false],
  ];
  for (const [what, item, index, stock, soldOut] of rows) {
    it(what, () => {
      const variant: Variant | undefined = index === undefined ? undefined : item.variants[index];
      expect(stockOf(item, variant)).to.equal(stock);
      expect(isSoldOut(item, variant)).to.equal(soldOut);
    });
  }
});

describe('priceOf', () => {
  it('is the variant price when a variant is chosen, else the product price', () => {
    const item = product(null, [null, null]);
    expect(priceOf(item)).to.equal(100000);
    expect(priceOf(item, item.variants[1])).to.equal(105000);
  });
});

describe('findProduct and findVariant', () => {
  const { catalog } = parseCatalog({
    version: 1,
    currency: 'IDR',
    products: Array.from({ length: 500 }, (_, index) => ({
      id: `p-${index}`,
      name: `Product ${index}`,
      price: index,
      weightGrams: 100,
      variants: [{ id: 'm', name: 'M' }, { id: 'l', name: 'L' }],
    })),
  });

  it('finds a product by id, or undefined', () => {
    expect(findProduct(catalog, 'p-499')?.price).to.equal(499);
    expect(findProduct(catalog, 'p-0')).to.equal(catalog.products[0]);
    expect(findProduct(catalog, 'missing')).to.equal(undefined);
  });

  it('keeps a separate index per catalog', () => {
    const other = parseCatalog({ version: 1, currency: 'IDR', products: [{ id: 'p-0', name: 'Other', price: 7, weightGrams: 1 }] });
    expect(findProduct(other.catalog, 'p-0')?.price).to.equal(7);
    expect(findProduct(catalog, 'p-0')?.price).to.equal(0);
  });

  it('finds a variant by id; undefined for no id or an unknown one', () => {
    const item = findProduct(catalog, 'p-1')!;
    expect(findVariant(item, 'l')).to.equal(item.variants[1]);
    expect(findVariant(item, undefined)).to.equal(undefined);
    expect(findVariant(item, 'xl')).to.equal(undefined);
  });
});
