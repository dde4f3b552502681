import { expect } from '@open-wc/testing';
import { memoryStorage, type KeyValueStorage } from '../storage/storage.js';
import { jsonRates } from './http.js';
import { loadRates, type LoadRatesOptions, type RatesResult } from './load.js';
import { DEFAULT_MAX_RATE_AGE_MS } from './staleness.js';
import { staticRates } from './static.js';
import { RateSourceError, type RateSource } from './types.js';

const DAY = 24 * 3_600_000;
const KEY = 'mendunia:rates:test';
const UNREACHABLE = 'http://127.0.0.1:9/rates.json';
// Saturday after the rates' date: fresh by the default maximum age.
const SATURDAY = Date.UTC(2026, 10, 28, 10);

/** Records what loadRates tells the console. */
function recordingLogger() {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  return {
    errors,
    warnings,
    logger: {
      error: (...args: unknown[]) => void errors.push(args),
      warn: (...args: unknown[]) => void warnings.push(args),
    },
  };
}

const merchantTable = () => staticRates({ date: '2026-11-27', rates: { USD: '0.0000614', SGD: 0.0000825 } });

function options(storage: KeyValueStorage, extra: LoadRatesOptions = {}): LoadRatesOptions {
  return { storage, cacheKey: KEY, now: () => SATURDAY, ...extra };
}

function ready(result: RatesResult) {
  if (result.status !== 'ready') throw new Error(`expected ready rates, got ${result.status}: ${result.error.message}`);
  return result;
}

describe('loadRates', () => {
  it('returns fresh rates, stamped with when they were fetched, and saves them', async () => {
    const storage = memoryStorage();
    const { logger, errors } = recordingLogger();
    const result = ready(await loadRates(merchantTable(), options(storage, { logger })));
    expect(result.fromCache).to.equal(false);
    expect(result.stale).to.equal(false);
    expect(result.error).to.equal(undefined);
    expect(result.rates.rates['USD']).to.equal('0.0000614');
    expect(result.rates.fetchedAt).to.equal(new Date(SATURDAY).toISOString());
    expect(JSON.parse(storage.getItem(KEY)!)).to.deep.equal({ v: 1, set: result.rates });
    expect(errors).to.deep.equal([]);
  });

  it("keys the cache by the source's id by default", async () => {
    const storage = memoryStorage();
    await loadRates(merchantTable(), { storage, now: () => SATURDAY });
    expect(storage.getItem('mendunia:rates:merchant table')).to.be.a('string');
  });

  it('marks rates older than the maximum age as stale', async () => {
    const storage = memoryStorage();
    const inTwoWeeks = () => SATURDAY + 14 * DAY;
    expect(ready(await loadRates(merchantTable(), options(storage, { now: inTwoWeeks }))).stale).to.equal(true);
    const lenient = { now: inTwoWeeks, maxAgeMs: 30 * DAY };
    expect(ready(await loadRates(merchantTable(), options(storage, lenient))).stale).to.equal(false);
    expect(DEFAULT_MAX_RATE_AGE_MS).to.equal(4 * DAY);
  });

  it('falls back to the last good rates when the source fails, and logs one error naming it', async () => {
    const storage = memoryStorage();
    const good = ready(await loadRates(merchantTable(), options(storage)));
    const { logger, errors, warnings } = recordingLogger();
    const result = ready(await loadRates(jsonRates(UNREACHABLE), options(storage, { logger })));
    expect(result.fromCache).to.equal(true);
    expect(result.rates).to.deep.equal(good.rates);
    expect(result.rates.fetchedAt, 'keeps when the cached rates were fetched').to.equal(good.rates.fetchedAt);
    expect(result.stale).to.equal(false);
    expect(result.error).to.be.instanceOf(RateSourceError);
    expect(result.error!.source).to.equal(UNREACHABLE);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain(`Rates from ${UNREACHABLE} could not be used`);
    expect(warnings).to.deep.equal([]);
  });

  it('says when the cached fallback is stale', async () => {
    const storage = memoryStorage();
    await loadRates(merchantTable(), options(storage));
    const { logger } = recordingLogger();
    const later = () => SATURDAY + 10 * DAY;
    const result = ready(await loadRates(jsonRates(UNREACHABLE), options(storage, { logger, now: later })));
    expect(result.fromCache).to.equal(true);
    expect(result.stale).to.equal(true);
  });

  it('is unavailable when the source fails and nothing was saved (prices stay in IDR)', async () => {
    const { logger, errors, warnings } = recordingLogger();
    const url = new URL('./fixtures/no-such-rates%2Ejson', import.meta.url).href;
    const result = await loadRates(jsonRates(url), options(memoryStorage(), { logger }));
    expect(result.status).to.equal('unavailable');
    expect(result.error).to.be.instanceOf(RateSourceError);
    expect(result.error?.message).to.equal(`Rates from ${url} could not be used: HTTP 404`);
    expect(errors).to.have.length(1);
    expect(warnings).to.deep.equal([]);
  });

  const corrupt: [string, string][] = [
    ['not JSON', '{"v":1,"set":'],
    ['another version', JSON.stringify({ v: 2, set: {} })],
    ['no set', JSON.stringify({ v: 1 })],
    [
      'invalid rates',
      JSON.stringify({ v: 1, set: { base: 'IDR', date: '2026-11-27', source: 'x', rates: { USD: 'abc' } } }),
    ],
    ['a set without a source', JSON.stringify({ v: 1, set: { base: 'IDR', date: '2026-11-27', rates: { USD: '1' } } })],
  ];
  for (const [name, raw] of corrupt) {
    it(`ignores a saved entry that is ${name}, with a warning, and removes it`, async () => {
      const storage = memoryStorage();
      storage.setItem(KEY, raw);
      const { logger, errors, warnings } = recordingLogger();
      const result = await loadRates(jsonRates(UNREACHABLE), options(storage, { logger }));
      expect(result.status).to.equal('unavailable');
      expect(errors).to.have.length(1);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain(KEY);
      expect(storage.getItem(KEY)).to.equal(null);
    });
  }

  it('wraps a custom source that throws something else, naming it', async () => {
    const { logger, errors } = recordingLogger();
    const broken: RateSource = {
      id: 'bank-indonesia-jisdor',
      load: () => Promise.reject(new TypeError('rates is undefined')),
    };
    const result = await loadRates(broken, options(memoryStorage(), { logger }));
    expect(result.status).to.equal('unavailable');
    expect(result.error?.message).to.equal('Rates from bank-indonesia-jisdor could not be used: rates is undefined');
    expect(result.error?.cause).to.be.instanceOf(TypeError);
    expect(errors).to.have.length(1);
  });

  it('rejects with the abort reason when the caller aborts, logging nothing', async () => {
    const { logger, errors, warnings } = recordingLogger();
    const controller = new AbortController();
    const reason = new DOMException('left the page', 'AbortError');
    const url = new URL('./fixtures/rates%2Ejson', import.meta.url).href;
    const loading = loadRates(jsonRates(url), options(memoryStorage(), { logger, signal: controller.signal }));
    controller.abort(reason);
    let caught: unknown;
    await loading.catch((error: unknown) => (caught = error));
    expect(caught).to.equal(reason);
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('loads a real rates file and keeps loading when storage is full', async () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const url = new URL('./fixtures/rates%2Ejson', import.meta.url).href;
    const result = ready(await loadRates(jsonRates(url), options(full)));
    expect(result.rates.source).to.equal(url);
  });
});
