import { expect } from '@open-wc/testing';
import { parseCatalog } from '../catalog/index.js';
import type { CartLine } from '../cart/index.js';
import { itemsFromCart } from './items.js';

const { catalog } = parseCatalog({
  version: 1,
  currency: 'IDR',
  categories: [{ id: 'kerajinan', name: 'Crafts' }],
  products: [
    {
      id: 'tas-rotan',
      name: { id: 'Tas Rotan Bulat', en: 'Round Rattan Bag' },
      category: 'kerajinan',
      price: 385000,
      weightGrams: 650,
      dimensionsCm: { length: 26, width: 26, height: 12 },
      hsCode: '4602.12',
      tags: ['handmade', 'rattan'],
    },
    {
      id: 'kopi',
      name: { id: 'Kopi Gayo', en: 'Gayo Coffee' },
      price: 135000,
      weightGrams: 300,
      variants: [
        { id: '250g', name: '250 g' },
        { id: '1kg', name: '1 kg', price: 420000, weightGrams: 1100 },
      ],
    },
    { id: 'kartu', name: 'Kartu Ucapan', price: 15000, weightGrams: 20 },
  ],
});

const gayo = { id: 'Kopi Gayo', en: 'Gayo Coffee' };

describe('itemsFromCart', () => {
  it('builds English-named items priced and weighed from the catalog', () => {
    const { items, missing } = itemsFromCart(catalog, [
      { productId: 'tas-rotan', quantity: 2 },
      { productId: 'kopi', variantId: '1kg', quantity: 1 },
      { productId: 'kopi', variantId: '250g', quantity: 3 },
    ]);
    expect(missing).to.deep.equal([]);
    expect(items).to.deep.equal([
      {
        productId: 'tas-rotan',
        name: 'Round Rattan Bag',
        productName: { id: 'Tas Rotan Bulat', en: 'Round Rattan Bag' },
        quantity: 2,
        unitPriceIdr: 385000,
        unitWeightGrams: 650,
        dimensionsCm: { length: 26, width: 26, height: 12 },
        hsCode: '460212',
        category: 'kerajinan',
        tags: ['handmade', 'rattan'],
      },
      // Variant price and weight win; a variant without its own falls back to the product's.
      // Each variant line carries its variant's name, so two sizes never read as the same line.
      { productId: 'kopi', variantId: '1kg', name: 'Gayo Coffee', productName: gayo, variantName: '1 kg', quantity: 1, unitPriceIdr: 420000, unitWeightGrams: 1100, tags: [] },
      { productId: 'kopi', variantId: '250g', name: 'Gayo Coffee', productName: gayo, variantName: '250 g', quantity: 3, unitPriceIdr: 135000, unitWeightGrams: 300, tags: [] },
    ]);
  });

  it('uses the product name when it has only one language', () => {
    const { items } = itemsFromCart(catalog, [{ productId: 'kartu', quantity: 1 }]);
    expect(items[0]!.name).to.equal('Kartu Ucapan');
    expect(items[0]!.productName).to.equal('Kartu Ucapan');
    expect(items[0]).not.to.have.property('variantName');
  });

  const unusable: [string, CartLine][] = [
    ['a product no longer in the catalog', { productId: 'gone', quantity: 1 }],
    ['a variant no longer in the catalog', { productId: 'kopi', variantId: '5kg', quantity: 1 }],
    ['no variant for a product that has variants', { productId: 'kopi', quantity: 1 }],
    ['a variant for a product without variants', { productId: 'kartu', variantId: 'x', quantity: 1 }],
    ['a zero quantity', { productId: 'kartu', quantity: 0 }],
    ['a fractional quantity', { productId: 'kartu', quantity: 1.5 }],
  ];
  for (const [what, line] of unusable) {
    it(`puts ${what} in missing and keeps the rest`, () => {
      const good: CartLine = { productId: 'tas-rotan', quantity: 1 };
      const { items, missing } = itemsFromCart(catalog, [line, good]);
      expect(missing).to.deep.equal([line]);
      expect(items.map((item) => item.productId)).to.deep.equal(['tas-rotan']);
    });
  }
});
