import { expect } from '@open-wc/testing';
import { guardCatalog } from './guard.js';
import { readCatalog } from './load.js';
import { parseCatalog, type ParseCatalogOptions, type ParsedCatalog } from './parse.js';
// Imported as a module, as the checkout tests do: a fetch of the same URL would leave the test
// server's cache holding plain JSON where they expect a module.
import demoCatalog from '../../../../examples/plain-html/catalog.json';

const FILES: (URL | Record<string, unknown>)[] = [
  new URL('./fixtures/valid.json', import.meta.url),
  new URL('./fixtures/one-bad-product.json', import.meta.url),
  demoCatalog as Record<string, unknown>,
  new URL('../../../elements/src/test/catalog-with-bad-product.json', import.meta.url),
];

async function load(url: URL | Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!(url instanceof URL)) return JSON.parse(JSON.stringify(url)) as Record<string, unknown>;
  const response = await fetch(url.href);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

function full(data: unknown, options: ParseCatalogOptions): ParsedCatalog | Error {
  try {
    return parseCatalog(data, 'inline data', options);
  } catch (error) {
    return error as Error;
  }
}

/** The one property: the guard declines, or returns exactly what the full parser returns. */
function agree(data: unknown, options: ParseCatalogOptions = {}): 'accepted' | 'declined' {
  const fast = guardCatalog(data, options);
  if (fast === undefined) return 'declined';
  const slow = full(data, options);
  expect(slow, JSON.stringify(data).slice(0, 300)).not.to.be.instanceOf(Error);
  expect(fast, JSON.stringify(data).slice(0, 300)).to.deep.equal(slow);
  expect(Object.isFrozen(fast.catalog.products)).to.equal(true);
  return 'accepted';
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Values that break a field in every way the schema knows of, and some it accepts. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' padded ',
  'a\u202Ebc',
  'x\u0007y',
  'Cafe\u0301',
  'line\r\nend',
  'ok',
  'UPPER',
  'bad id!',
  'javascript:alert(1)',
  'https://cdn.example/a.png',
  '../img/a.png',
  '6214.90',
  '12345',
  'ID',
  'id',
  'x'.repeat(6000),
  0,
  -0,
  -1,
  1.5,
  7,
  Number.NaN,
  Number.MAX_SAFE_INTEGER,
  1e15,
  true,
  [],
  ['a', 'a'],
  {},
  { en: 'Scarf', id: 'Selendang' },
  { EN: 'x' },
  { en: '' },
  { en: ' x ' },
  { 'not a tag': 'x' },
  { en: 3 },
];

function* mutations(catalog: Record<string, unknown>): Generator<unknown> {
  yield catalog;
  for (const key of ['version', 'currency', 'products', 'merchant', 'categories', '$schema']) {
    for (const value of VALUES) yield { ...clone(catalog), [key]: value };
  }
  const merchant = clone(catalog);
  merchant['merchant'] = { name: 'Toko', city: 'Solo' };
  yield merchant;
  for (const key of ['name', 'city', 'country']) {
    for (const value of VALUES) {
      const copy = clone(merchant);
      (copy['merchant'] as Record<string, unknown>)[key] = value;
      yield copy;
    }
  }
  const products = catalog['products'];
  if (!Array.isArray(products) || products.length === 0) return;
  const categories = Array.isArray(catalog['categories']) ? catalog['categories'] : [];
  if (categories.length > 0) {
    for (const key of ['id', 'name']) {
      for (const value of VALUES) {
        const copy = clone(catalog);
        (copy['categories'] as Record<string, unknown>[])[0]![key] = value;
        yield copy;
      }
    }
    const twice = clone(catalog);
    (twice['categories'] as unknown[]).push(clone(categories[0]));
    yield twice;
  }
  const twice = clone(catalog);
  (twice['products'] as unknown[]).push(clone(products[0]));
  yield twice;
  const fields = ['id', 'name', 'description', 'category', 'price', 'images', 'weightGrams', 'dimensionsCm', 'hsCode', 'stock', 'variants', 'tags'];
  for (const key of fields) {
    for (const value of VALUES) {
      const copy = clone(catalog);
      (copy['products'] as Record<string, unknown>[])[0]![key] = value;
      yield copy;
    }
  }
  const first = clone(products[0]) as Record<string, unknown>;
  const nested: [string, Record<string, unknown>][] = [
    ['images', { src: 'img/a.png', width: 10, height: 10, alt: { en: 'Alt' } }],
    ['variants', { id: 'v1', name: 'One', price: 1000, stock: 2, weightGrams: 5, sku: 'S-1' }],
    ['dimensionsCm', { length: 1, width: 2.5, height: 3 }],
  ];
  for (const [field, item] of nested) {
    const base = clone(catalog);
    const product = (base['products'] as Record<string, unknown>[])[0]!;
    product[field] = field === 'dimensionsCm' ? item : [item];
    if (field === 'variants') delete product['stock'];
    yield base;
    for (const key of Object.keys(item)) {
      for (const value of VALUES) {
        const copy = clone(base);
        const target = (copy['products'] as Record<string, unknown>[])[0]![field];
        (field === 'dimensionsCm' ? (target as Record<string, unknown>) : (target as Record<string, unknown>[])[0]!)[key] = value;
        yield copy;
      }
    }
  }
  const variantsTwice = clone(catalog);
  const p0 = (variantsTwice['products'] as Record<string, unknown>[])[0]!;
  p0['variants'] = [nested[1]![1], nested[1]![1]];
  yield variantsTwice;
  const withStock = clone(variantsTwice);
  (withStock['products'] as Record<string, unknown>[])[0]!['variants'] = [nested[1]![1]];
  (withStock['products'] as Record<string, unknown>[])[0]!['stock'] = 4;
  yield withStock;
  yield { ...clone(catalog), products: [first, ...new Array<unknown>(1)] };
}

describe('guardCatalog (the fast path) agrees with parseCatalog (the authority)', () => {
  it('accepts every clean fixture and gives the same Catalog', async () => {
    const results = await Promise.all(FILES.map(async (url) => agree(await load(url))));
    expect(results[0]).to.equal('accepted');
    expect(results[2]).to.equal('accepted');
    // A fixture with a broken product is for the full parser to word.
    expect(results[1]).to.equal('declined');
  });

  it('on thousands of mutations, either declines or deep-equals the full parser, with and without a baseUrl', async () => {
    const counts = { accepted: 0, declined: 0 };
    for (const url of FILES) {
      const data = await load(url);
      for (const input of mutations(data)) {
        counts[agree(input)] += 1;
        counts[agree(input, { baseUrl: 'https://shop.example/data/catalog.json' })] += 1;
      }
    }
    // Both sides of the property were exercised.
    expect(counts.accepted).to.be.greaterThan(100);
    expect(counts.declined).to.be.greaterThan(1000);
  });

  it('readCatalog gives the guard result or, when it declines, the full parser result and issues', async () => {
    const data = await load(FILES[1]!);
    const read = await readCatalog(data, 'inline data');
    expect(read).to.deep.equal(parseCatalog(data, 'inline data'));
    expect(read.issues.length).to.be.greaterThan(0);
    const clean = await load(FILES[0]!);
    expect(await readCatalog(clean)).to.deep.equal(parseCatalog(clean));
    let thrown: unknown;
    try {
      await readCatalog({ version: 2 }, 'x.json');
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).to.contain('catalog.version: expected 1');
  });
});
