import { expect } from '@open-wc/testing';
import { parseCatalog, type Catalog } from '../catalog/index.js';
import { createCart } from './cart.js';

const { catalog } = parseCatalog({
  version: 1,
  currency: 'IDR',
  products: [
    { id: 'kopi', name: 'Kopi', price: 135000, images: [], weightGrams: 300, variants: [
      { id: '250g', name: '250 g', stock: 3 },
      { id: '1kg', name: '1 kg', price: 460000, stock: 0 },
    ] },
    { id: 'cengkeh', name: 'Cengkeh', price: 45000, images: [], weightGrams: 150, stock: 4 },
    { id: 'teh', name: 'Teh', price: 68000, images: [], weightGrams: 120 },
  ],
});

describe('cart', () => {
  const make = (c: Catalog | undefined = catalog) => createCart(() => c);

  it('adds a line and merges a repeated add of the same product and variant', () => {
    const cart = make();
    expect(cart.add('teh', undefined, 2)).to.deep.equal({ ok: true, quantity: 2, limited: false });
    expect(cart.add('kopi', '250g', 1)).to.deep.equal({ ok: true, quantity: 1, limited: false });
    expect(cart.add('teh', undefined, 1)).to.deep.equal({ ok: true, quantity: 3, limited: false });
    expect(cart.$lines.get()).to.deep.equal([
      { productId: 'teh', quantity: 3 },
      { productId: 'kopi', variantId: '250g', quantity: 1 },
    ]);
    expect(cart.$count.get()).to.equal(4);
  });

  it('never exceeds the stock: adds what is left and says it was limited', () => {
    const cart = make();
    expect(cart.add('cengkeh', undefined, 3)).to.deep.equal({ ok: true, quantity: 3, limited: false });
    expect(cart.add('cengkeh', undefined, 5)).to.deep.equal({ ok: true, quantity: 4, limited: true });
    expect(cart.add('cengkeh', undefined, 1)).to.deep.equal({ ok: false, reason: 'sold-out', quantity: 4 });
    expect(cart.$lines.get()).to.deep.equal([{ productId: 'cengkeh', quantity: 4 }]);
  });

  for (const [name, args, reason] of [
    ['an unknown product', ['nope', undefined, 1], 'unknown-product'],
    ['an unknown variant', ['kopi', 'xl', 1], 'unknown-variant'],
    ['no variant for a product that has variants', ['kopi', undefined, 1], 'variant-required'],
    ['a sold-out variant', ['kopi', '1kg', 1], 'sold-out'],
    ['a zero quantity', ['teh', undefined, 0], 'invalid-quantity'],
    ['a fractional quantity', ['teh', undefined, 1.5], 'invalid-quantity'],
    ['a negative quantity', ['teh', undefined, -2], 'invalid-quantity'],
  ] as const) {
    it(`refuses ${name} and changes nothing`, () => {
      const cart = make();
      const result = cart.add(...(args as unknown as [string, string | undefined, number]));
      expect(result).to.deep.include({ ok: false, reason });
      expect(cart.$lines.get()).to.deep.equal([]);
    });
  }

  it('refuses everything while the catalog is not loaded', () => {
    const cart = createCart(() => undefined);
    expect(cart.add('teh', undefined, 1)).to.deep.include({ ok: false, reason: 'unknown-product' });
  });

  it('clears', () => {
    const cart = make();
    cart.add('teh', undefined, 1);
    cart.clear();
    expect(cart.$lines.get()).to.deep.equal([]);
    expect(cart.$count.get()).to.equal(0);
  });
});
