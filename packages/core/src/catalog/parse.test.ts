import { expect } from '@open-wc/testing';
import { formatIssues, parseCatalog, parseCatalogText } from './parse.js';
import { CatalogError, type Catalog, type CatalogIssue } from './types.js';
import { localise } from './localise.js';

async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url).href);
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return response.text();
}

/** Runs `fn`, which must throw a CatalogError, and returns it. */
function catalogErrorFrom(fn: () => unknown): CatalogError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(CatalogError);
    return error as CatalogError;
  }
  throw new Error('expected a CatalogError, nothing was thrown');
}

/** A product that passes every check; table rows change one thing in it. */
function goodProduct(): Record<string, unknown> {
  return {
    id: 'batik-parang-tulis',
    name: { id: 'Kain Batik Tulis Parang', en: 'Hand-drawn Parang Batik Cloth' },
    description: { id: 'Batik tulis.', en: 'Hand-drawn batik.' },
    price: 850000,
    images: [{ src: 'images/batik-parang.svg', width: 800, height: 800, alt: 'Batik' }],
    weightGrams: 350,
    dimensionsCm: { length: 30, width: 25, height: 3 },
    hsCode: '6214.90',
    variants: [{ id: 'm', name: 'M', price: 850000, stock: 3, weightGrams: 340, sku: 'BTK-M' }],
    tags: ['handmade'],
  };
}

function catalogWith(...products: unknown[]): Record<string, unknown> {
  return { version: 1, currency: 'IDR', products };
}

/** Sets (or with `undefined`, deletes) a value at a dotted path such as 'images.0.src'. */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const product = goodProduct();
  const keys = path.split('.');
  const last = keys.pop()!;
  let target: Record<string, unknown> = product;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return product;
}

function pathsAndMessages(issues: readonly CatalogIssue[]) {
  return issues.map(({ path, message }) => ({ path, message }));
}

describe('parseCatalog', () => {
  it('reads a full valid catalog into normalised, frozen data with no issues', async () => {
    const { catalog, issues } = parseCatalogText(await fixture('valid.json'), 'valid.json');

    expect(issues).to.deep.equal([]);
    const expected: Catalog = {
      version: 1,
      currency: 'IDR',
      merchant: { name: 'Rumah Nusantara', city: 'Yogyakarta', country: 'ID' },
      categories: [
        { id: 'batik', name: { id: 'Batik', en: 'Batik' } },
        { id: 'kopi', name: { id: 'Kopi', en: 'Coffee', ja: 'コーヒー' } },
      ],
      products: [
        {
          id: 'batik-parang-tulis',
          name: { id: 'Kain Batik Tulis Parang', en: 'Hand-drawn Parang Batik Cloth' },
          description: {
            id: 'Batik tulis motif parang, dikerjakan tangan selama tiga minggu.\nKatun primissima, 2 × 1,15 m.',
            en: 'Parang-motif batik drawn by hand over three weeks.\nPrimissima cotton, 2 × 1.15 m.',
          },
          category: 'batik',
          price: 850000,
          images: [
            {
              src: 'images/batik-parang.svg',
              width: 800,
              height: 800,
              alt: { id: 'Kain batik motif parang cokelat', en: 'Brown parang-pattern batik cloth' },
            },
            { src: 'https://cdn.example.com/batik-parang-detail.jpg', width: 1200, height: 800 },
          ],
          weightGrams: 350,
          dimensionsCm: { length: 30, width: 25, height: 3 },
          hsCode: '621490',
          stock: 5,
          variants: [],
          tags: ['handmade', 'cotton'],
        },
        {
          id: 'kopi-gayo-250',
          name: { id: 'Kopi Arabika Gayo', en: 'Gayo Arabica Coffee' },
          category: 'kopi',
          price: 95000,
          images: [{ src: 'images/kopi-gayo.svg', width: 600, height: 600 }],
          weightGrams: 300,
          hsCode: '09012110',
          stock: null,
          variants: [
            // price and weight come from the product when the variant leaves them out
            { id: 'biji', name: { id: 'Biji', en: 'Whole bean' }, price: 95000, stock: 12, weightGrams: 300, sku: 'KOPI-GAYO-B' },
            { id: 'bubuk', name: { id: 'Bubuk', en: 'Ground' }, price: 97500, stock: 0, weightGrams: 290 },
          ],
          tags: [],
        },
        {
          id: 'tas-anyaman-pandan',
          name: 'Tas Anyaman Pandan',
          price: 0,
          images: [],
          weightGrams: 200,
          stock: 0,
          variants: [],
          tags: [],
        },
        {
          id: 'kemeja-batik',
          name: { en: 'Batik Shirt' },
          category: 'batik',
          price: 420000,
          images: [],
          weightGrams: 280,
          stock: null,
          variants: [
            { id: 'm', name: 'M', price: 420000, stock: 3, weightGrams: 280 },
            { id: 'l', name: 'L', price: 420000, stock: null, weightGrams: 280 },
          ],
          tags: [],
        },
      ],
    };
    expect(catalog).to.deep.equal(expected);
    expect(Object.isFrozen(catalog)).to.equal(true);
    expect(Object.isFrozen(catalog.products[1]!.variants[0])).to.equal(true);
    expect(Object.isFrozen(catalog.products[0]!.images[0]!.alt)).to.equal(true);
  });

  it('reads its own output back unchanged', async () => {
    const first = parseCatalogText(await fixture('valid.json'));
    const second = parseCatalog(first.catalog);
    expect(second.issues).to.deep.equal([]);
    expect(second.catalog).to.deep.equal(first.catalog);
  });

  it('keeps the good products around a malformed one and names every wrong field', async () => {
    const { catalog, issues } = parseCatalogText(await fixture('one-bad-product.json'));

    expect(catalog.products.map((product) => product.id)).to.deep.equal(['gelang-perak', 'sambal-roa']);
    const bad = { productId: 'kopi-toraja', severity: 'error' };
    expect(issues).to.deep.equal([
      { path: 'products[1].price', message: 'expected integer IDR', ...bad },
      { path: 'products[1].images[0].src', message: 'expected a relative path or an http(s) URL', ...bad },
      { path: 'products[1].images[0].height', message: 'required', ...bad },
      { path: 'products[1].weightGrams', message: 'expected whole grams greater than 0', ...bad },
    ]);
  });

  describe('reports each field error with its path and message', () => {
    const rows: readonly (readonly [string, string, unknown, readonly (readonly [string, string])[]])[] = [
      // [what, path to change in goodProduct() (value undefined = remove), value, expected [path, message] under products[0]]
      ['decimal price', 'price', 850000.5, [['price', 'expected integer IDR']]],
      ['negative price', 'price', -1, [['price', 'expected integer IDR']]],
      ['negative decimal price (two failed checks, one issue)', 'price', -0.5, [['price', 'expected integer IDR']]],
      ['price as text', 'price', 'Rp 850.000', [['price', 'expected integer IDR']]],
      ['price beyond safe integers', 'price', 2 ** 53, [['price', 'expected integer IDR'], ['price', `expected at most 1000000000 IDR (MAX_UNIT_PRICE_IDR): larger amounts could overflow a cart's totals`]]],
      ['price above MAX_UNIT_PRICE_IDR', 'price', 1_000_000_001, [['price', `expected at most 1000000000 IDR (MAX_UNIT_PRICE_IDR): larger amounts could overflow a cart's totals`]]],
      ['null price', 'price', null, [['price', 'expected integer IDR']]],
      ['missing price', 'price', undefined, [['price', 'required']]],
      ['id with capitals and a space', 'id', 'Batik Parang', [['id', 'expected an id: a-z, 0-9, ".", "_" or "-", starting with a letter or digit, at most 64 characters']]],
      ['id starting with a dash', 'id', '-batik', [['id', 'expected an id: a-z, 0-9, ".", "_" or "-", starting with a letter or digit, at most 64 characters']]],
      ['id of 65 characters', 'id', 'a'.repeat(65), [['id', 'expected an id: a-z, 0-9, ".", "_" or "-", starting with a letter or digit, at most 64 characters']]],
      ['id as a number', 'id', 42, [['id', 'expected an id: a-z, 0-9, ".", "_" or "-", starting with a letter or digit, at most 64 characters']]],
      ['missing name', 'name', undefined, [['name', 'required']]],
      ['blank name', 'name', '   ', [['name', 'must not be empty']]],
      ['name of 201 characters', 'name', 'x'.repeat(201), [['name', 'too long (at most 200 characters)']]],
      ['name as a number', 'name', 42, [['name', 'expected text, or an object of language code → text']]],
      ['name as a list', 'name', ['Batik'], [['name', 'expected text, or an object of language code → text']]],
      ['name with no language', 'name', {}, [['name', 'expected text in at least one language']]],
      ['name with only blank languages', 'name', { en: ' ', id: '' }, [['name', 'expected text in at least one language']]],
      ['name with a number inside', 'name', { en: 5 }, [['name.en', 'expected text']]],
      ['name keyed by a word, not a tag', 'name', { english: 'Batik' }, [['name.english', 'expected a language code such as "id", "en" or "zh-Hant"']]],
      ['long translation', 'name', { 'zh-Hant': 'x'.repeat(201) }, [['name["zh-Hant"]', 'too long (at most 200 characters)']]],
      ['description of 5001 characters', 'description', 'x'.repeat(5001), [['description', 'too long (at most 5000 characters)']]],
      ['long translated description', 'description', { en: 'x'.repeat(5001) }, [['description.en', 'too long (at most 5000 characters)']]],
      ['category as a number', 'category', 7, [['category', 'expected text']]],
      ['zero weight', 'weightGrams', 0, [['weightGrams', 'expected whole grams greater than 0']]],
      ['decimal weight', 'weightGrams', 350.5, [['weightGrams', 'expected whole grams greater than 0']]],
      ['weight as text', 'weightGrams', '350', [['weightGrams', 'expected whole grams greater than 0']]],
      ['missing weight', 'weightGrams', undefined, [['weightGrams', 'required']]],
      ['images as text', 'images', 'a.svg', [['images', 'expected an array']]],
      ['image as text', 'images.0', 'a.svg', [['images[0]', 'expected an object']]],
      ['image without size', 'images.0', { src: 'a.svg' }, [['images[0].width', 'required'], ['images[0].height', 'required']]],
      ['zero image width', 'images.0.width', 0, [['images[0].width', 'expected whole pixels greater than 0']]],
      ['decimal image height', 'images.0.height', 10.5, [['images[0].height', 'expected whole pixels greater than 0']]],
      ['javascript: image', 'images.0.src', 'javascript:alert(1)', [['images[0].src', 'expected a relative path or an http(s) URL']]],
      ['data: image', 'images.0.src', 'data:image/svg+xml,<svg onload=alert(1)>', [['images[0].src', 'expected a relative path or an http(s) URL']]],
      ['vbscript: image', 'images.0.src', 'vbscript:msgbox(1)', [['images[0].src', 'expected a relative path or an http(s) URL']]],
      ['blank image src', 'images.0.src', ' ', [['images[0].src', 'expected a relative path or an http(s) URL']]],
      ['long alt', 'images.0.alt', 'x'.repeat(501), [['images[0].alt', 'too long (at most 500 characters)']]],
      ['zero length', 'dimensionsCm.length', 0, [['dimensionsCm.length', 'expected centimetres greater than 0']]],
      ['dimensions as text', 'dimensionsCm', '30x25x3', [['dimensionsCm', 'expected an object']]],
      ['dimensions incomplete', 'dimensionsCm', { length: 30 }, [['dimensionsCm.width', 'required'], ['dimensionsCm.height', 'required']]],
      ['HS code too short', 'hsCode', '6214', [['hsCode', 'expected an HS code of 6 to 10 digits, e.g. "6214.90"']]],
      ['HS code of 11 digits', 'hsCode', '6214.90.10.001', [['hsCode', 'expected an HS code of 6 to 10 digits, e.g. "6214.90"']]],
      ['HS code with a dash', 'hsCode', '6214-90', [['hsCode', 'expected an HS code of 6 to 10 digits, e.g. "6214.90"']]],
      ['HS code as a number', 'hsCode', 621490, [['hsCode', 'expected an HS code of 6 to 10 digits, e.g. "6214.90"']]],
      ['negative stock', 'stock', -1, [['stock', 'expected a whole number of 0 or more, or null when stock is not tracked']]],
      ['stock as text', 'stock', '5', [['stock', 'expected a whole number of 0 or more, or null when stock is not tracked']]],
      ['variants as an object', 'variants', { m: {} }, [['variants', 'expected an array']]],
      ['variant without a name', 'variants.0.name', undefined, [['variants[0].name', 'required']]],
      ['negative variant price', 'variants.0.price', -5, [['variants[0].price', 'expected integer IDR']]],
      ['long sku', 'variants.0.sku', 'x'.repeat(65), [['variants[0].sku', 'too long (at most 64 characters)']]],
      ['repeated variant id', 'variants', [{ id: 'm', name: 'M' }, { id: 'm', name: 'M again' }], [['variants[1].id', 'duplicate variant id "m"']]],
      ['repeated variant id next to a broken variant', 'variants', [{ id: 'm', name: 'M' }, { id: 'l', price: 'x' }, { id: 'm', name: 'M' }], [['variants[1].name', 'required'], ['variants[1].price', 'expected integer IDR'], ['variants[2].id', 'duplicate variant id "m"']]],
      ['tags as text', 'tags', 'handmade', [['tags', 'expected an array']]],
      ['blank tag', 'tags', ['handmade', ''], [['tags[1]', 'must not be empty']]],
      ['tag as a number', 'tags', [5], [['tags[0]', 'expected text']]],
    ];

    for (const [what, path, value, expected] of rows) {
      it(what, () => {
        const { catalog, issues } = parseCatalog(catalogWith(withValue(path, value)));
        expect(pathsAndMessages(issues)).to.deep.equal(
          expected.map(([where, message]) => ({ path: `products[0].${where}`, message })),
        );
        expect(catalog.products, 'the product is left out').to.deep.equal([]);
      });
    }
  });

  it('treats null in an optional field as left out', () => {
    const product = { ...goodProduct(), description: null, images: null, dimensionsCm: null, hsCode: null, stock: null, variants: null, tags: null, category: null };
    const { catalog, issues } = parseCatalog(catalogWith(product));
    expect(issues).to.deep.equal([]);
    expect(catalog.products[0]).to.deep.equal({
      id: 'batik-parang-tulis',
      name: { id: 'Kain Batik Tulis Parang', en: 'Hand-drawn Parang Batik Cloth' },
      price: 850000,
      images: [],
      weightGrams: 350,
      stock: null,
      variants: [],
      tags: [],
    });
  });

  it('ignores unknown properties at every level', () => {
    const product = { ...goodProduct(), colour: 'brown', images: [{ src: 'a.svg', width: 1, height: 1, focalPoint: [0.5, 0.5] }] };
    const { catalog, issues } = parseCatalog({ ...catalogWith(product), shippingZones: [] });
    expect(issues).to.deep.equal([]);
    expect(catalog).to.not.have.property('shippingZones');
    expect(catalog.products[0]).to.not.have.property('colour');
    expect(catalog.products[0]!.images[0]).to.deep.equal({ src: 'a.svg', width: 1, height: 1 });
  });

  describe('throws a CatalogError naming the source for a broken top level', () => {
    const rows: readonly (readonly [string, unknown, string, readonly string[]])[] = [
      ['null', null, 'catalog: expected an object', ['']],
      ['a list', [], 'catalog: expected an object', ['']],
      ['a string', 'catalog.json', 'catalog: expected an object', ['']],
      ['an empty object', {}, 'catalog.version: required; catalog.currency: required; catalog.products: required', ['version', 'currency', 'products']],
      ['version 2', { ...catalogWith(), version: 2 }, 'catalog.version: expected 1', ['version']],
      ['version as text', { ...catalogWith(), version: '1' }, 'catalog.version: expected 1', ['version']],
      ['another currency', { ...catalogWith(), currency: 'USD' }, 'catalog.currency: expected "IDR"', ['currency']],
      ['products as an object', { version: 1, currency: 'IDR', products: { a: {} } }, 'catalog.products: expected an array', ['products']],
    ];
    for (const [what, data, reason, paths] of rows) {
      it(what, () => {
        const error = catalogErrorFrom(() => parseCatalog(data, 'https://x/catalog.json'));
        expect(error.message).to.equal(`Catalog from https://x/catalog.json could not be loaded: ${reason}`);
        expect(error.source).to.equal('https://x/catalog.json');
        expect(error.issues.map((item) => item.path)).to.deep.equal(paths);
      });
    }

    it('says "inline data" when no source is given', () => {
      expect(catalogErrorFrom(() => parseCatalog(null)).message).to.equal(
        'Catalog from inline data could not be loaded: catalog: expected an object',
      );
    });
  });

  it('keeps the first of two products with the same id and reports the second', () => {
    const { catalog, issues } = parseCatalog(
      catalogWith(goodProduct(), { ...goodProduct(), price: 1 }, { ...goodProduct(), id: 'other' }),
    );
    expect(catalog.products.map((product) => [product.id, product.price])).to.deep.equal([
      ['batik-parang-tulis', 850000],
      ['other', 850000],
    ]);
    expect(issues).to.deep.equal([
      {
        path: 'products[1].id',
        message: 'duplicate product id "batik-parang-tulis" (products[0] is used)',
        productId: 'batik-parang-tulis',
        severity: 'error',
      },
    ]);
  });

  it('uses a later product when an earlier one with the same id was invalid', () => {
    const { catalog, issues } = parseCatalog(catalogWith({ ...goodProduct(), price: -1 }, goodProduct()));
    expect(catalog.products.map((product) => product.id)).to.deep.equal(['batik-parang-tulis']);
    expect(pathsAndMessages(issues)).to.deep.equal([{ path: 'products[0].price', message: 'expected integer IDR' }]);
  });

  it('numbers issues by position in the file, not among the products kept', () => {
    const { issues } = parseCatalog(
      catalogWith({ ...goodProduct(), id: 'a', price: -1 }, { ...goodProduct(), id: 'b' }, { ...goodProduct(), id: 'c', weightGrams: 0 }),
    );
    expect(issues.map((item) => [item.path, item.productId])).to.deep.equal([
      ['products[0].price', 'a'],
      ['products[2].weightGrams', 'c'],
    ]);
  });

  it('keeps a product whose category is unknown, without the category, and warns', () => {
    const { catalog, issues } = parseCatalog({
      ...catalogWith({ ...goodProduct(), category: 'batk' }, { ...goodProduct(), id: 'b', category: 'batik' }),
      categories: [{ id: 'batik', name: 'Batik' }],
    });
    expect(catalog.products[0]).to.not.have.property('category');
    expect(catalog.products[1]!.category).to.equal('batik');
    expect(issues).to.deep.equal([
      {
        path: 'products[0].category',
        message: 'unknown category "batk" (not in categories); ignored',
        productId: 'batik-parang-tulis',
        severity: 'warning',
      },
    ]);
  });

  it('warns that product stock is ignored when the product has variants', () => {
    const { catalog, issues } = parseCatalog(catalogWith({ ...goodProduct(), stock: 5 }));
    expect(catalog.products[0]!.stock).to.equal(null);
    expect(issues).to.deep.equal([
      {
        path: 'products[0].stock',
        message: 'ignored: a product with variants counts stock per variant',
        productId: 'batik-parang-tulis',
        severity: 'warning',
      },
    ]);
  });

  describe('checks categories and the merchant one by one', () => {
    const rows: readonly (readonly [string, Record<string, unknown>, readonly (readonly [string, string])[]])[] = [
      ['categories as text', { categories: 'batik' }, [['categories', 'expected an array']]],
      ['a category without a name', { categories: [{ id: 'batik' }] }, [['categories[0].name', 'required']]],
      ['a repeated category', { categories: [{ id: 'batik', name: 'Batik' }, { id: 'batik', name: 'Batik 2' }] }, [['categories[1].id', 'duplicate category id "batik" (categories[0] is used)']]],
      ['a merchant without a name', { merchant: { city: 'Solo' } }, [['merchant.name', 'required']]],
      ['a three-letter country', { merchant: { name: 'Toko', country: 'IDN' } }, [['merchant.country', 'expected a two-letter country code such as "ID"']]],
      ['a merchant as text', { merchant: 'Toko' }, [['merchant', 'expected an object']]],
    ];
    for (const [what, extra, expected] of rows) {
      it(`${what}: reported and left out, products kept`, () => {
        const { catalog, issues } = parseCatalog({ ...catalogWith({ ...goodProduct(), variants: [] }), ...extra });
        expect(pathsAndMessages(issues)).to.deep.equal(expected.map(([path, message]) => ({ path, message })));
        expect(issues.every((item) => item.severity === 'error')).to.equal(true);
        expect(catalog.products).to.have.length(1);
      });
    }

    it('reads the merchant country case-insensitively and defaults it to ID', () => {
      const lower = parseCatalog({ ...catalogWith(), merchant: { name: 'Toko', country: 'my' } });
      const absent = parseCatalog({ ...catalogWith(), merchant: { name: 'Toko' } });
      expect(lower.catalog.merchant).to.deep.equal({ name: 'Toko', country: 'MY' });
      expect(absent.catalog.merchant).to.deep.equal({ name: 'Toko', country: 'ID' });
    });
  });

  describe('keeps hostile text as plain text (escaping is the renderer\'s job)', () => {
    const kept = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg onload=alert(1)>',
      "{{constructor.constructor('alert(1)')()}}",
      '${alert(1)}',
      '&lt;b&gt;not bold&lt;/b&gt;',
      "'; DROP TABLE products; --",
    ];
    for (const text of kept) {
      it(JSON.stringify(text), () => {
        const { catalog, issues } = parseCatalog(catalogWith({ ...goodProduct(), name: text, description: { en: text } }));
        expect(issues.filter((item) => item.severity === 'error')).to.deep.equal([]);
        expect(localise(catalog.products[0]!.name, 'en')).to.equal(text);
        expect(localise(catalog.products[0]!.description, 'en')).to.equal(text);
      });
    }

    const cleaned: readonly (readonly [string, string, string])[] = [
      ['NUL and BEL removed', 'Kopi\u0000 Gayo\u0007', 'Kopi Gayo'],
      ['C1 controls removed', 'Kopi\u0085\u009b Gayo', 'Kopi Gayo'],
      ['Windows line ends become \\n', 'Baris 1\r\nBaris 2\rBaris 3', 'Baris 1\nBaris 2\nBaris 3'],
      ['tab and newline kept', 'a\tb\nc', 'a\tb\nc'],
      ['trimmed', '  \n Kopi \t ', 'Kopi'],
      ['composed to NFC', 'Cafe\u0301', 'Café'],
    ];
    for (const [what, input, output] of cleaned) {
      it(what, () => {
        const { catalog } = parseCatalog(catalogWith({ ...goodProduct(), name: input }));
        expect(catalog.products[0]!.name).to.equal(output);
      });
    }

    const refusedSources = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '  javascript:alert(1)',
      '\u0000javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:image/png;base64,iVBORw0KGgo=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://shop.example/1234',
    ];
    for (const src of refusedSources) {
      it(`refuses image src ${JSON.stringify(src)}`, () => {
        const { catalog, issues } = parseCatalog(catalogWith(withValue('images.0.src', src)));
        expect(pathsAndMessages(issues)).to.deep.equal([
          { path: 'products[0].images[0].src', message: 'expected a relative path or an http(s) URL' },
        ]);
        expect(catalog.products).to.deep.equal([]);
      });
    }

    it('cannot pollute Object.prototype through __proto__ keys', () => {
      const text = JSON.stringify(catalogWith({ ...goodProduct(), variants: [] }))
        .replace('{"version"', '{"__proto__":{"pollutedTop":true},"version"')
        .replace('{"id":"batik', '{"__proto__":{"pollutedProduct":true},"id":"batik')
        .replace('{"id":"Kain', '{"__proto__":"x","id":"Kain');
      const { catalog, issues } = parseCatalogText(text);
      expect(issues).to.deep.equal([]);
      expect(({} as Record<string, unknown>)['pollutedTop']).to.equal(undefined);
      expect(({} as Record<string, unknown>)['pollutedProduct']).to.equal(undefined);
      expect(Object.keys(catalog.products[0]!.name)).to.deep.equal(['id', 'en']);
      expect(Object.getPrototypeOf(catalog.products[0])).to.equal(Object.prototype);
    });
  });

  it('makes relative image paths absolute when given a base URL', () => {
    const images = [
      { src: 'images/a.svg', width: 1, height: 1 },
      { src: '../b.svg', width: 1, height: 1 },
      { src: '//cdn.example.com/c.jpg', width: 1, height: 1 },
      { src: 'https://cdn.example.com/d.jpg', width: 1, height: 1 },
    ];
    const { catalog } = parseCatalog(catalogWith({ ...goodProduct(), images }), 'x', {
      baseUrl: 'https://shop.example/data/catalog.json',
    });
    expect(catalog.products[0]!.images.map((image) => image.src)).to.deep.equal([
      'https://shop.example/data/images/a.svg',
      'https://shop.example/b.svg',
      'https://cdn.example.com/c.jpg',
      'https://cdn.example.com/d.jpg',
    ]);
  });

  it('shows an issue as "path: message" when turned into a string', () => {
    const { issues } = parseCatalog(catalogWith({ ...goodProduct(), price: -1 }));
    expect(String(issues[0])).to.equal('products[0].price: expected integer IDR');
    expect(JSON.parse(JSON.stringify(issues[0]))).to.deep.equal({
      path: 'products[0].price',
      message: 'expected integer IDR',
      productId: 'batik-parang-tulis',
      severity: 'error',
    });
  });

  it('parses the complete example in docs/catalog.md without any issue', async () => {
    const response = await fetch(new URL('../../../../docs/catalog.md', import.meta.url).href);
    expect(response.status).to.equal(200);
    const markdown = await response.text();
    const block = /<!-- complete-example[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(markdown);
    expect(block, 'the marked example block').to.not.equal(null);
    const { catalog, issues } = parseCatalogText(block![1]!, 'docs/catalog.md');
    expect(issues).to.deep.equal([]);
    expect(catalog.products).to.have.length(2);
  });
});

describe('parseCatalogText', () => {
  const refused: readonly (readonly [string, string, string])[] = [
    ['empty text', '', 'not JSON: the text is empty'],
    ['only spaces', '  \n ', 'not JSON: the text is empty'],
    ['an HTML page', '<!doctype html><html><body>Not Found</body></html>', 'not JSON (got HTML, check the URL)'],
    ['HTML after blank lines', '\n\n  <html>', 'not JSON (got HTML, check the URL)'],
    ['JSON that is not an object', 'null', 'catalog: expected an object'],
  ];
  for (const [what, text, reason] of refused) {
    it(`refuses ${what}`, () => {
      const error = catalogErrorFrom(() => parseCatalogText(text, 'catalog.json'));
      expect(error.message).to.equal(`Catalog from catalog.json could not be loaded: ${reason}`);
    });
  }

  it('passes on the JSON parser\'s own message for broken JSON', async () => {
    const error = catalogErrorFrom(() => parseCatalogText('{"version": 1,', 'catalog.json'));
    expect(error.message).to.match(/^Catalog from catalog\.json could not be loaded: not JSON: \S/);
    expect(error.cause).to.be.instanceOf(SyntaxError);

    const fromFixture = catalogErrorFrom(() => parseCatalogText('This is not JSON.', 'catalog.json'));
    expect(fromFixture.message).to.contain('not JSON: Unexpected token');
  });

  it('accepts a byte order mark', () => {
    const { catalog } = parseCatalogText(`\uFEFF${JSON.stringify(catalogWith())}`);
    expect(catalog.products).to.deep.equal([]);
  });
});

describe('formatIssues', () => {
  it('writes one line per issue with its level and product', () => {
    const text = formatIssues([
      { path: 'products[1].price', message: 'expected integer IDR', productId: 'kopi-toraja', severity: 'error' },
      { path: 'products[4].category', message: 'unknown category "batk"', productId: 'kemeja', severity: 'warning' },
      { path: 'merchant.name', message: 'required' },
    ]);
    expect(text).to.equal(
      [
        'error   products[1].price: expected integer IDR (product "kopi-toraja")',
        'warning products[4].category: unknown category "batk" (product "kemeja")',
        'error   merchant.name: required',
      ].join('\n'),
    );
  });

  it('is empty for no issues', () => {
    expect(formatIssues([])).to.equal('');
  });
});
