import { expect } from '@open-wc/testing';
import { parseCatalog, type Catalog } from '../catalog/index.js';
import { memoryStorage, type KeyValueStorage } from '../storage/index.js';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '../limits.js';
import { createCart, type CartLine } from './cart.js';
import { parseStoredCart } from './persist.js';

const CATALOG_DATA = {
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
};
const { catalog } = parseCatalog(CATALOG_DATA);

/** The lines without the snapshot fields, for compact assertions. */
const brief = (lines: readonly CartLine[]) => lines.map(({ productId, variantId, quantity }) => ({ productId, ...(variantId ? { variantId } : {}), quantity }));

function quiet() {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (m: string) => warnings.push(m) } };
}

describe('cart', () => {
  const make = (c: Catalog | undefined = catalog, storage: KeyValueStorage = memoryStorage()) =>
    createCart({ getCatalog: () => c, storage, key: `test:${Math.random()}` });

  it('adds a line with its price and name, and merges a repeated add', () => {
    const cart = make();
    expect(cart.add('teh', undefined, 2)).to.deep.equal({ ok: true, quantity: 2, limited: false });
    expect(cart.add('kopi', '250g', 1)).to.deep.equal({ ok: true, quantity: 1, limited: false });
    expect(cart.add('teh', undefined, 1)).to.deep.equal({ ok: true, quantity: 3, limited: false });
    expect(brief(cart.$lines.get())).to.deep.equal([
      { productId: 'teh', quantity: 3 },
      { productId: 'kopi', variantId: '250g', quantity: 1 },
    ]);
    expect(cart.$lines.get()[1]).to.deep.include({ priceIdr: 135000, name: 'Kopi', variantName: '250 g' });
    expect(cart.$count.get()).to.equal(4);
  });

  it('never exceeds the stock: adds what is left and says it was limited', () => {
    const cart = make();
    expect(cart.add('cengkeh', undefined, 3)).to.deep.equal({ ok: true, quantity: 3, limited: false });
    expect(cart.add('cengkeh', undefined, 5)).to.deep.equal({ ok: true, quantity: 4, limited: true });
    expect(cart.add('cengkeh', undefined, 1)).to.deep.equal({ ok: false, reason: 'sold-out', quantity: 4 });
    expect(brief(cart.$lines.get())).to.deep.equal([{ productId: 'cengkeh', quantity: 4 }]);
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
    it(`refuses to add ${name} and changes nothing`, () => {
      const cart = make();
      const result = cart.add(...(args as unknown as [string, string | undefined, number]));
      expect(result).to.deep.include({ ok: false, reason });
      expect(cart.$lines.get()).to.deep.equal([]);
    });
  }

  it('caps an untracked line at MAX_LINE_QUANTITY, the most the server takes in one line', () => {
    const cart = make();
    expect(cart.add('teh', undefined, 20000)).to.deep.equal({ ok: true, quantity: MAX_LINE_QUANTITY, limited: true });
    expect(cart.add('teh', undefined, 1)).to.deep.include({ ok: false, quantity: MAX_LINE_QUANTITY });
  });

  it('refuses everything while the catalog is not loaded', () => {
    const cart = createCart(() => undefined);
    expect(cart.add('teh', undefined, 1)).to.deep.include({ ok: false, reason: 'unknown-product' });
  });

  it('sets a quantity within the stock; 0 removes the line', () => {
    const cart = make();
    cart.add('cengkeh', undefined, 1);
    expect(cart.setQuantity('cengkeh', undefined, 3)).to.deep.equal({ ok: true, quantity: 3, limited: false });
    expect(cart.setQuantity('cengkeh', undefined, 10)).to.deep.equal({ ok: true, quantity: 4, limited: true });
    expect(cart.setQuantity('cengkeh', undefined, 2)).to.deep.equal({ ok: true, quantity: 2, limited: false });
    expect(cart.setQuantity('teh', undefined, 2)).to.deep.include({ ok: false, reason: 'not-in-cart' });
    expect(cart.setQuantity('cengkeh', undefined, -1)).to.deep.include({ ok: false, reason: 'invalid-quantity' });
    expect(cart.setQuantity('cengkeh', undefined, 0)).to.deep.equal({ ok: true, quantity: 0, limited: false });
    expect(cart.$lines.get()).to.deep.equal([]);
  });

  it('removes and clears', () => {
    const cart = make();
    cart.add('teh', undefined, 1);
    cart.add('kopi', '250g', 1);
    expect(cart.remove('kopi', '250g')).to.equal(true);
    expect(cart.remove('kopi', '250g')).to.equal(false);
    expect(brief(cart.$lines.get())).to.deep.equal([{ productId: 'teh', quantity: 1 }]);
    cart.clear();
    expect(cart.$count.get()).to.equal(0);
  });
});

describe('cart persistence', () => {
  it('keeps the cart across a reload (a new cart on the same storage and key)', () => {
    const storage = memoryStorage();
    const first = createCart({ getCatalog: () => catalog, storage, key: 'shop:cart' });
    first.add('teh', undefined, 2);
    first.add('kopi', '250g', 1);
    first.close();
    const second = createCart({ getCatalog: () => catalog, storage, key: 'shop:cart' });
    expect(second.$lines.get()).to.deep.equal(first.$lines.get());
    second.close();
  });

  it('keeps two shops on one domain apart', () => {
    const storage = memoryStorage();
    const a = createCart({ getCatalog: () => catalog, storage, key: 'mendunia:a:cart' });
    a.add('teh', undefined, 1);
    const b = createCart({ getCatalog: () => catalog, storage, key: 'mendunia:b:cart' });
    expect(b.$lines.get()).to.deep.equal([]);
    a.close();
    b.close();
  });

  for (const [name, raw] of [
    ['not JSON', '{ broken'],
    ['another app\'s data', JSON.stringify({ items: ['x'] })],
    ['a future version', JSON.stringify({ v: 99, lines: [] })],
    ['a negative quantity', JSON.stringify({ v: 2, lines: [{ productId: 'teh', quantity: -3 }] })],
    ['a line without product', JSON.stringify({ v: 2, lines: [{ quantity: 1 }] })],
  ] as const) {
    it(`discards ${name} with a warning and starts empty`, () => {
      const storage = memoryStorage();
      storage.setItem('shop:cart', raw);
      const { warnings, logger } = quiet();
      const cart = createCart({ getCatalog: () => catalog, storage, key: 'shop:cart', logger });
      expect(cart.$lines.get()).to.deep.equal([]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('shop:cart').and.contain('discarded');
      expect(storage.getItem('shop:cart')).to.equal(null);
      cart.close();
    });
  }

  it('names every bad field of a saved cart it discards', () => {
    const storage = memoryStorage();
    storage.setItem('shop:cart', JSON.stringify({ v: 2, lines: [{ productId: '', quantity: 1 }, { productId: 'teh', quantity: 0 }] }));
    const { warnings, logger } = quiet();
    createCart({ getCatalog: () => catalog, storage, key: 'shop:cart', logger }).close();
    expect(warnings[0]).to.contain('cart.lines[0].productId').and.contain('cart.lines[1].quantity');
  });

  it('keeps a cart saved under higher limits, cut down to MAX_LINE_QUANTITY and MAX_CART_LINES', () => {
    const lines = Array.from({ length: MAX_CART_LINES + 5 }, (_, i) => ({ productId: `p${i}`, quantity: i === 0 ? 5000 : 1 }));
    const { cart, problem } = parseStoredCart({ v: 2, lines });
    expect(problem).to.equal(undefined);
    expect(cart!.lines).to.have.length(MAX_CART_LINES);
    expect(cart!.lines[0]).to.deep.equal({ productId: 'p0', quantity: MAX_LINE_QUANTITY });
  });

  it('migrates a version 1 cart and fills in prices when the catalog is checked', () => {
    const storage = memoryStorage();
    storage.setItem('shop:cart', JSON.stringify({ v: 1, lines: [{ productId: 'teh', quantity: 2 }] }));
    const cart = createCart({ getCatalog: () => catalog, storage, key: 'shop:cart' });
    expect(cart.$lines.get()).to.deep.equal([{ productId: 'teh', quantity: 2 }]);
    expect(cart.revalidate(catalog)).to.deep.equal([]); // no price was known, so no "price changed"
    expect(cart.$lines.get()[0]).to.deep.include({ priceIdr: 68000, name: 'Teh' });
    expect(JSON.parse(storage.getItem('shop:cart')!).v).to.equal(2);
    cart.close();
  });

  it('still works in memory when storage throws on every call', () => {
    const broken: KeyValueStorage = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => { throw new Error('SecurityError'); },
    };
    const cart = createCart({ getCatalog: () => catalog, storage: broken, key: 'shop:cart' });
    expect(cart.add('teh', undefined, 1)).to.deep.include({ ok: true });
    expect(cart.$count.get()).to.equal(1);
    cart.close();
  });
});

describe('cart revalidation against the catalog', () => {
  it('tells the buyer what changed: removed, sold out, less stock, new price', () => {
    const storage = memoryStorage();
    const cart = createCart({ getCatalog: () => catalog, storage, key: 'shop:cart' });
    cart.add('teh', undefined, 2);
    cart.add('cengkeh', undefined, 4);
    cart.add('kopi', '250g', 2);
    const changed = parseCatalog({
      ...CATALOG_DATA,
      products: [
        { ...CATALOG_DATA.products[0], variants: [{ id: '250g', name: '250 g', stock: 0 }] },
        { ...CATALOG_DATA.products[1], stock: 1, price: 50000 },
      ],
    }).catalog;
    const notices = cart.revalidate(changed);
    expect(notices).to.deep.equal([
      { kind: 'removed', productId: 'teh', name: 'Teh' },
      { kind: 'quantity-reduced', productId: 'cengkeh', name: 'Cengkeh', previous: 4, quantity: 1 },
      { kind: 'price-changed', productId: 'cengkeh', name: 'Cengkeh', previousIdr: 45000, priceIdr: 50000 },
      { kind: 'sold-out', productId: 'kopi', variantId: '250g', name: 'Kopi' },
    ]);
    expect(cart.$notices.get()).to.deep.equal(notices);
    expect(brief(cart.$lines.get())).to.deep.equal([{ productId: 'cengkeh', quantity: 1 }]);
    expect(cart.$lines.get()[0].priceIdr).to.equal(50000);
    // Nothing more changes on a second check; notices stay until dismissed.
    expect(cart.revalidate(changed)).to.deep.equal([]);
    cart.dismissNotices();
    expect(cart.$notices.get()).to.deep.equal([]);
    cart.close();
  });
});

describe('cart sync between tabs', () => {
  it('shows a change made by another cart instance of the same shop', async () => {
    const storageA = memoryStorage();
    const storageB = memoryStorage();
    const a = createCart({ getCatalog: () => catalog, storage: storageA, key: 'mendunia:sync:cart' });
    const b = createCart({ getCatalog: () => catalog, storage: storageB, key: 'mendunia:sync:cart' });
    const other = createCart({ getCatalog: () => catalog, storage: memoryStorage(), key: 'mendunia:other:cart' });
    const seen = new Promise<readonly CartLine[]>((resolve) => b.$lines.listen((lines) => resolve(lines)));
    a.add('teh', undefined, 2);
    expect(brief(await seen)).to.deep.equal([{ productId: 'teh', quantity: 2 }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(other.$lines.get()).to.deep.equal([]);
    a.close();
    b.close();
    other.close();
  });
});
