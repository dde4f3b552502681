import { expect } from '@open-wc/testing';
import { loadCatalog, type LoadCatalogOptions } from './load.js';
import { CatalogError } from './types.js';

const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

// Timeouts, streamed size caps and cancellation while waiting are fetchText's (util/fetch.test.ts);
// these tests are about what loadCatalog adds: parsing, image paths, CatalogError.
describe('loadCatalog', () => {
  it('loads a catalog file and makes its relative image paths absolute against the file', async () => {
    const url = fixtureUrl('valid.json');
    const { catalog, issues } = await loadCatalog(url);

    expect(issues).to.deep.equal([]);
    expect(catalog.products.map((product) => product.id)).to.deep.equal([
      'batik-parang-tulis',
      'kopi-gayo-250',
      'tas-anyaman-pandan',
      'kemeja-batik',
    ]);
    expect(catalog.products[0]!.images.map((image) => image.src)).to.deep.equal([
      fixtureUrl('images/batik-parang.svg'),
      'https://cdn.example.com/batik-parang-detail.jpg',
    ]);
  });

  it('resolves a relative catalog URL against the page', async () => {
    const { catalog } = await loadCatalog(new URL(fixtureUrl('valid.json')).pathname);
    expect(catalog.products).to.have.length(4);
    expect(catalog.products[1]!.images[0]!.src).to.equal(fixtureUrl('images/kopi-gayo.svg'));
  });

  it('keeps the good products of a file with one malformed product', async () => {
    const { catalog, issues } = await loadCatalog(fixtureUrl('one-bad-product.json'));
    expect(catalog.products.map((product) => product.id)).to.deep.equal(['gelang-perak', 'sambal-roa']);
    expect(issues.map((item) => item.path)).to.deep.equal([
      'products[1].price',
      'products[1].images[0].src',
      'products[1].images[0].height',
      'products[1].weightGrams',
    ]);
  });

  describe('rejects with a CatalogError naming the URL', () => {
    const rows: readonly (readonly [string, string, LoadCatalogOptions, RegExp])[] = [
      ['an HTTP error status', fixtureUrl('missing.json'), {}, /^HTTP 404$/],
      ['an HTML page', fixtureUrl('html.html'), {}, /^not JSON \(got HTML, check the URL\)$/],
      ['text that is not JSON', fixtureUrl('not-json.txt'), {}, /^not JSON: Unexpected token/],
      ['an unreachable server', 'http://127.0.0.1:9/catalog.json', {}, /^network error \(.+\): offline, unreachable, or blocked by CORS$/],
      ['a body over maxBytes, by its Content-Length', fixtureUrl('valid.json'), { maxBytes: 100 }, /^too large \(\d{4,} bytes; the limit is 100 bytes\)$/],
    ];
    for (const [what, url, options, reason] of rows) {
      it(what, async () => {
        const error = await rejection(loadCatalog(url, options));
        expect(error).to.be.instanceOf(CatalogError);
        const { message, source } = error as CatalogError;
        const prefix = `Catalog from ${url} could not be loaded: `;
        expect(message.startsWith(prefix), message).to.equal(true);
        expect(message.slice(prefix.length)).to.match(reason);
        expect(source).to.equal(url);
      });
    }

    it('a URL that cannot be parsed', async () => {
      const error = await rejection(loadCatalog('http://['));
      expect(error).to.be.instanceOf(CatalogError);
      expect((error as CatalogError).message).to.equal('Catalog from http://[ could not be loaded: not a valid URL');
    });
  });

  describe('passes cancellation through as the AbortError, not a CatalogError', () => {
    it('when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(loadCatalog(fixtureUrl('valid.json'), { signal: controller.signal }));
      expect(error).to.not.be.instanceOf(CatalogError);
      expect((error as DOMException).name).to.equal('AbortError');
    });
  });
});
