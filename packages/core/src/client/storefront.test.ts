import { expect } from '@open-wc/testing';
import { memoryStorage } from '../storage/index.js';
import { staticRates, jsonRates } from '../rates/index.js';
import { createStorefront, type StorefrontConfig } from './storefront.js';
import { getDefaultStorefront, setDefaultStorefront, watchDefaultStorefront } from './registry.js';

const RATES = { base: 'EUR', date: '2099-01-01', rates: { IDR: '19300', USD: '1.16', SGD: '1.50' } };
const CATALOG = { version: 1, currency: 'IDR', products: [{ id: 'teh', name: 'Teh', price: 68000, images: [], weightGrams: 120 }] };

function quietLogger() {
  const errors: string[] = [];
  const warnings: string[] = [];
  return { errors, warnings, logger: { error: (m: string) => errors.push(m), warn: (m: string) => warnings.push(m) } };
}

function make(config: Partial<StorefrontConfig> = {}) {
  const log = quietLogger();
  const storefront = createStorefront({ storage: memoryStorage(), logger: log.logger, rates: staticRates(RATES), catalog: CATALOG, ...config });
  return { storefront, ...log };
}

describe('createStorefront', () => {
  it('loads catalog and rates into its stores', async () => {
    const { storefront } = make({ defaultCurrency: 'USD' });
    expect(storefront.$catalog.get().status).to.equal('idle');
    await Promise.all([storefront.loadCatalog(), storefront.loadRates()]);
    const catalog = storefront.$catalog.get();
    expect(catalog.status === 'ready' && catalog.catalog.products.map((p) => p.id)).to.deep.equal(['teh']);
    expect(storefront.$pricing.get().currency).to.equal('USD');
    // EUR is offered too: it is the rates' base, so always convertible.
    expect(storefront.$availableCurrencies.get()).to.deep.equal(['IDR', 'USD', 'SGD', 'EUR']);
  });

  it('picks the initial currency: saved → browser region → merchant default → IDR', () => {
    const storage = memoryStorage();
    expect(make({ storage, preferredRegions: ['SG'], defaultCurrency: 'USD' }).storefront.$currency.get()).to.equal('SGD');
    expect(make({ storage, preferredRegions: ['ZZ'], defaultCurrency: 'USD' }).storefront.$currency.get()).to.equal('USD');
    expect(make({ storage }).storefront.$currency.get()).to.equal('IDR');
    make({ storage }).storefront.setCurrency('usd');
    expect(make({ storage, preferredRegions: ['SG'] }).storefront.$currency.get()).to.equal('USD');
  });

  it('keeps each store id apart in storage', () => {
    const storage = memoryStorage();
    make({ storage, id: 'a' }).storefront.setCurrency('SGD');
    expect(make({ storage, id: 'b' }).storefront.$currency.get()).to.equal('IDR');
    expect(make({ storage, id: 'a' }).storefront.$currency.get()).to.equal('SGD');
  });

  it('reports unknown or unoffered currencies and keeps the current one', () => {
    const { storefront, errors } = make({ currencies: ['IDR', 'USD', 'XXQ'], defaultCurrency: 'USD' });
    expect(storefront.currencies).to.deep.equal(['IDR', 'USD']);
    expect(errors[0]).to.contain('"XXQ"');
    expect(storefront.setCurrency('EUR')).to.equal(false);
    expect(errors[1]).to.contain('EUR is not offered');
    expect(storefront.setCurrency('nope')).to.equal(false);
    expect(storefront.$currency.get()).to.equal('USD');
  });

  it('always offers IDR, even when the merchant list leaves it out', () => {
    expect(make({ currencies: ['USD'] }).storefront.currencies).to.deep.equal(['IDR', 'USD']);
  });

  it('reports bad products once, naming the field, and keeps the valid ones', async () => {
    const { storefront, errors } = make({
      catalog: { ...CATALOG, products: [...CATALOG.products, { id: 'bad', name: 'Bad', price: -1, images: [], weightGrams: 1 }] },
    });
    await storefront.loadCatalog();
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('products[1].price');
    const state = storefront.$catalog.get();
    expect(state.status === 'ready' && state.catalog.products.length).to.equal(1);
  });

  it('is loading while a catalog URL is fetched', async () => {
    const { storefront } = make({ catalog: new URL('../catalog/fixtures/valid.json', import.meta.url).href });
    const loading = storefront.loadCatalog();
    expect(storefront.$catalog.get().status).to.equal('loading');
    expect((await loading).status).to.equal('ready');
  });

  it('ends in an error state, with one message, when the catalog cannot be loaded', async () => {
    const { storefront, errors } = make({ catalog: 'http://127.0.0.1:9/catalog.json' });
    const state = await storefront.loadCatalog();
    expect(state.status).to.equal('error');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('http://127.0.0.1:9/catalog.json');
  });

  it('keeps prices in IDR with one message when the rate source fails and nothing is cached', async () => {
    const { storefront, errors } = make({ rates: jsonRates('http://127.0.0.1:9/rates.json'), defaultCurrency: 'USD' });
    const state = await storefront.loadRates();
    expect(state.status).to.equal('unavailable');
    expect(errors).to.have.length(1);
    expect(storefront.$pricing.get().currency).to.equal('IDR');
    expect(storefront.$currency.get()).to.equal('USD'); // the choice stays for when rates return
  });

  it('uses the last good rates from storage when the source fails later', async () => {
    const storage = memoryStorage();
    const first = make({ storage, defaultCurrency: 'USD' });
    await first.storefront.loadRates();
    const { storefront } = make({ storage, defaultCurrency: 'USD' });
    // Same source id as the good one, now failing: fall back to its cached set.
    const failing = { id: 'merchant table', load: () => Promise.reject(new Error('offline')) };
    const state = await storefront.loadRates(failing);
    expect(state.status === 'ready' && state.fromCache).to.equal(true);
    expect(storefront.$pricing.get().currency).to.equal('USD');
  });

  it('has a "none" rates state and shows IDR when the shop configures no rates', async () => {
    const { storefront, errors, warnings } = make({ rates: undefined, defaultCurrency: 'USD' });
    expect((await storefront.loadRates()).status).to.equal('none');
    expect(storefront.$pricing.get().currency).to.equal('IDR');
    expect([...errors, ...warnings]).to.deep.equal([]);
  });

  it('warns when the rates cannot convert an offered or chosen currency', async () => {
    const { storefront, warnings } = make({ currencies: ['IDR', 'USD', 'JPY'], defaultCurrency: 'USD' });
    await storefront.loadRates();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('no JPY');
    expect(storefront.$availableCurrencies.get()).to.deep.equal(['IDR', 'USD']);
    storefront.setCurrency('JPY');
    expect(warnings[1]).to.contain('cannot convert to JPY');
    expect(storefront.$pricing.get().currency).to.equal('IDR');
  });

  it('reports an invalid configured language and uses English', () => {
    const { storefront, errors } = make({ locale: 'not a tag!' });
    expect(storefront.$locale.get()).to.equal('en');
    expect(errors[0]).to.contain('not a tag!');
  });

  it('validates language tags', () => {
    const { storefront, errors } = make();
    expect(storefront.setLocale('id-ID')).to.equal(true);
    expect(storefront.$locale.get()).to.equal('id-ID');
    expect(storefront.setLocale('not a tag!')).to.equal(false);
    expect(errors).to.have.length(1);
    expect(storefront.$locale.get()).to.equal('id-ID');
  });

  it('re-prices through $pricing when currency or locale change', async () => {
    const { storefront } = make({ defaultCurrency: 'USD', locale: 'en' });
    await storefront.loadRates();
    const seen: string[] = [];
    storefront.$pricing.listen((p) => seen.push(`${p.currency}/${p.locale}`));
    storefront.setCurrency('SGD');
    storefront.setLocale('id');
    expect(seen).to.deep.equal(['SGD/en', 'SGD/id']);
  });
});

describe('default storefront registry', () => {
  afterEach(() => setDefaultStorefront(undefined));

  it('holds one page default and tells watchers', () => {
    const seen: unknown[] = [];
    const off = watchDefaultStorefront((s) => seen.push(s));
    const { storefront } = make();
    setDefaultStorefront(storefront);
    expect(getDefaultStorefront()).to.equal(storefront);
    setDefaultStorefront(undefined);
    off();
    setDefaultStorefront(storefront);
    expect(seen).to.deep.equal([undefined, storefront, undefined]);
  });

  it('lives on a global symbol so a second copy of the library shares it', () => {
    const { storefront } = make();
    setDefaultStorefront(storefront);
    const registry = (globalThis as unknown as Record<symbol, { storefront: unknown }>)[Symbol.for('mendunia.storefront@1')];
    expect(registry.storefront).to.equal(storefront);
  });
});
