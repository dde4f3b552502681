// The Node entry against real files and a real local HTTP server (run: node --test packages/core/src/node/;
// it imports the built entry, so build first).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CatalogError, ECB_SOURCE_NAME, FetchError, MAX_RATES_BYTES, RateSourceError } from '@mendunia/core';
import { checkShopFiles, describeReadError, readCatalogSource, readJsonSource, readRatesSource, readSource } from '@mendunia/core/node/index.js';

const fixture = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const ECB = fixture('rates/fixtures/eurofxref-daily.xml');
const RATES = fixture('rates/fixtures/rates.json');
const CATALOG = fixture('catalog/fixtures/valid.json');

const HUGE = `{"x":"${'x'.repeat(MAX_RATES_BYTES)}"}`;
const dir = mkdtempSync(join(tmpdir(), 'mendunia-node-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** path → [status, content type, body] */
const routes = {
  '/rates.json': [200, 'application/json', RATES],
  '/ecb': [200, 'application/xml', ECB],
  '/catalog/catalog.json': [200, 'application/json', CATALOG],
  '/page': [200, 'text/html', '<!doctype html><title>Shop</title>'],
  '/huge': [200, 'application/json', HUGE],
};
let server;
let base;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return; // never answers
    if (req.url === '/huge-declared') return res.writeHead(200, { 'content-length': HUGE.length }).end(HUGE);
    const route = routes[req.url ?? ''];
    if (!route) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    res.writeHead(route[0], { 'content-type': route[1] }).end(route[2]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fetchError(promise) {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e) => e,
  );
  assert.ok(error instanceof FetchError, String(error));
  return error;
}

describe('readSource', () => {
  it('reads a file by path and by file: URL', async () => {
    const path = file('a.txt', 'héllo');
    assert.equal((await readSource(path)).text, 'héllo');
    assert.equal((await readSource(pathToFileURL(path).href)).text, 'héllo');
  });

  it('reads an http URL with its content type', async () => {
    const read = await readSource(`${base}/rates.json`);
    assert.equal(read.text, RATES);
    assert.equal(read.contentType, 'application/json');
    assert.equal(read.status, 200);
  });

  it('names a missing file, a folder, a file over the cap', async () => {
    const missing = await fetchError(readSource(join(dir, 'nope.json')));
    assert.equal(missing.code, 'not-found');
    assert.equal(missing.message, `${join(dir, 'nope.json')}: no such file`);
    mkdirSync(join(dir, 'folder'));
    assert.equal((await fetchError(readSource(join(dir, 'folder')))).reason, 'it is a directory, expected a file');
    const big = file('big.json', '[' + '1,'.repeat(100) + '1]');
    const tooLarge = await fetchError(readSource(big, { maxBytes: 50 }));
    assert.equal(tooLarge.code, 'too-large');
    assert.equal(tooLarge.reason, 'too large (203 bytes; the limit is 50 bytes)');
  });

  it('fails on HTTP errors, timeouts and unreachable hosts with the same errors as the browser', async () => {
    assert.equal((await fetchError(readSource(`${base}/missing`))).reason, 'HTTP 404');
    assert.equal((await fetchError(readSource(`${base}/slow`, { timeoutMs: 50 }))).reason, 'no answer within 0.05 s');
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', () => resolve(undefined)));
    const port = closed.address().port;
    await new Promise((resolve) => closed.close(() => resolve(undefined)));
    const down = await fetchError(readSource(`http://127.0.0.1:${port}/x.json`));
    assert.equal(down.code, 'network');
    assert.match(down.reason, /^network error \(fetch failed: .*ECONNREFUSED.*\): offline, unreachable, or blocked by CORS$/);
  });
});

describe('readJsonSource', () => {
  it('reads JSON from a file with a byte order mark', async () => {
    assert.deepEqual(await readJsonSource(file('bom.json', '\uFEFF{"a":1}')), { a: 1 });
  });

  it('refuses a file that is not JSON and a web page, naming them', async () => {
    const path = file('broken.json', '{"a":');
    const broken = await fetchError(readJsonSource(path));
    assert.equal(broken.code, 'not-json');
    assert.match(describeReadError('checkout file', broken), new RegExp(`^checkout file ${path.replace(/[.\\/]/g, '\\$&')} is not JSON: `));
    const page = await fetchError(readJsonSource(`${base}/page`));
    assert.equal(describeReadError('checkout file', page), `checkout file ${base}/page is not JSON (got HTML, check the URL)`);
  });

  it('describes files that cannot be read', async () => {
    const missing = await fetchError(readJsonSource('nope/checkout.json'));
    assert.equal(describeReadError('checkout file', missing), 'checkout file nope/checkout.json could not be read: no such file');
  });
});

describe('readCatalogSource', () => {
  it('reads a catalog file', async () => {
    const { catalog, issues } = await readCatalogSource(file('catalog.json', CATALOG));
    assert.equal(catalog.products.length, 4);
    assert.deepEqual(issues, []);
  });

  it('loads a catalog URL, its image paths made absolute against it', async () => {
    const { catalog } = await readCatalogSource(`${base}/catalog/catalog.json`);
    assert.equal(catalog.products[0].images[0].src, `${base}/catalog/images/batik-parang.svg`);
  });

  it('fails with a FetchError for a file it cannot read, a CatalogError for a URL or for bad content', async () => {
    assert.equal((await fetchError(readCatalogSource(join(dir, 'none.json')))).code, 'not-found');
    await assert.rejects(readCatalogSource(`${base}/missing`), (e) => e instanceof CatalogError && /could not be loaded: HTTP 404$/.test(e.message));
    await assert.rejects(readCatalogSource(file('page.json', '<html><body>')), (e) => e instanceof CatalogError && /got HTML/.test(e.message));
  });
});

describe('readRatesSource', () => {
  it('reads rates JSON and the ECB XML from files and URLs, told apart by content', async () => {
    assert.equal((await readRatesSource(file('rates', RATES))).base, 'IDR');
    const ecbFile = await readRatesSource(file('ecb.xml', ECB));
    assert.equal(ecbFile.base, 'EUR');
    assert.equal(ecbFile.source, `${ECB_SOURCE_NAME} (${join(dir, 'ecb.xml')})`);
    assert.ok(Object.isFrozen(ecbFile));
    assert.equal((await readRatesSource(`${base}/ecb`)).date, '2026-11-27');
    assert.equal((await readRatesSource(`${base}/rates.json`)).source, `${base}/rates.json`);
  });

  const refused = [
    ['a missing file', () => join(dir, 'no-rates.json'), 'no such file'],
    ['a URL answering 404', () => `${base}/missing`, 'HTTP 404'],
    ['a web page', () => `${base}/page`, 'expected rates JSON or the ECB XML, got HTML (check the URL)'],
    ['a body over MAX_RATES_BYTES (streamed)', () => `${base}/huge`, `too large (more than ${MAX_RATES_BYTES} bytes)`],
    ['a body over MAX_RATES_BYTES (declared)', () => `${base}/huge-declared`, `too large (${MAX_RATES_BYTES + 8} bytes; the limit is ${MAX_RATES_BYTES} bytes)`],
    ['a catalog', () => file('not-rates.json', CATALOG), 'date: required; rates: required'],
  ];
  for (const [what, location, reason] of refused) {
    it(`refuses ${what} with a RateSourceError naming it`, async () => {
      const where = location();
      await assert.rejects(readRatesSource(where), (e) => {
        assert.ok(e instanceof RateSourceError);
        assert.equal(e.message, `Rates from ${where} could not be used: ${reason}`);
        return true;
      });
    });
  }
});

describe('checkShopFiles', () => {
  it('tells the files apart by content (an ECB URL without extension included) and sums up the valid ones', async () => {
    const catalog = file('shop-data.json', CATALOG);
    const report = await checkShopFiles([{ location: catalog }, { location: `${base}/ecb` }, { location: `${base}/rates.json`, kind: 'rates' }]);
    assert.equal(report.valid, true);
    assert.deepEqual(report.files.map((f) => f.kind), ['catalog', 'rates', 'rates']);
    assert.equal(report.summary.products, JSON.parse(CATALOG).products.length);
    assert.equal(report.summary.currencies, report.files[1].summary.currencies, 'the first rates file counts');
  });

  it('returns every problem as data: a code, a path, no exception', async () => {
    const broken = file('catalog.json', JSON.stringify({ ...JSON.parse(CATALOG), products: [{ id: 'x', name: 'X', price: 'free', weightGrams: 1 }] }));
    const report = await checkShopFiles([{ location: broken }, { location: `${base}/page`, kind: 'checkout' }, { location: join(dir, 'gone.json') }]);
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.files.map((f) => f.issues.map((i) => [i.code, i.path, i.reason ?? null])),
      [[['invalid', 'products[0].price', null]], [['not-json', '', 'html']], [['unreadable', '', 'not-found']]],
    );
    assert.equal(report.files[0].issues[0].productId, 'x');
    assert.deepEqual(report.summary, {}, 'no valid file, nothing summed up');
  });
});
