import { expect } from '@open-wc/testing';
import { staticRates } from './static.js';
import { RateSourceError } from './types.js';

describe('staticRates', () => {
  it('loads a merchant table, base IDR by default, numbers as exact decimal strings', async () => {
    const source = staticRates({ date: '2026-11-27', rates: { USD: 0.0000614, SGD: '0.0000825', JPY: 9.23e-3 } });
    expect(source.id).to.equal('merchant table');
    const set = await source.load();
    expect(set).to.deep.equal({
      base: 'IDR',
      date: '2026-11-27',
      source: 'merchant table',
      rates: { USD: '0.0000614', SGD: '0.0000825', JPY: '0.00923' },
    });
  });

  it('keeps another base and names itself as asked', async () => {
    const source = staticRates({ base: 'USD', date: '2026-11-27', rates: { IDR: 16273.5, SGD: 1.3418 } }, 'config.rates');
    expect(source.id).to.equal('config.rates');
    const set = await source.load();
    expect(set.base).to.equal('USD');
    expect(set.source).to.equal('config.rates');
    expect(set.rates).to.deep.equal({ IDR: '16273.5', SGD: '1.3418' });
  });

  const invalid: [string, Parameters<typeof staticRates>[0], string][] = [
    ['a non-number rate', { date: '2026-11-27', rates: { USD: 'abc' } }, 'rates.USD: expected a positive number'],
    ['a zero rate', { date: '2026-11-27', rates: { USD: 0 } }, 'rates.USD: expected a positive number'],
    ['a NaN rate', { date: '2026-11-27', rates: { USD: Number.NaN } }, 'rates.USD: expected a positive number'],
    ['a lower-case code', { date: '2026-11-27', rates: { usd: 1 } }, 'rates.usd: expected a 3-letter'],
    ['a bad date', { date: '27/11/2026', rates: { USD: 1 } }, 'date: expected an ISO date'],
    ['no rates', { date: '2026-11-27', rates: {} }, 'rates: expected at least one rate'],
  ];
  for (const [name, table, message] of invalid) {
    it(`refuses ${name} at once, naming the field`, () => {
      expect(() => staticRates(table)).to.throw(RateSourceError, `Rates from merchant table could not be used: ${message}`);
    });
  }

  it('returns the same immutable set on every load', async () => {
    const source = staticRates({ date: '2026-11-27', rates: { USD: 0.0000614 } });
    const first = await source.load();
    expect(await source.load()).to.equal(first);
    expect(Object.isFrozen(first)).to.equal(true);
  });

  it('rejects when the signal is already aborted', async () => {
    const source = staticRates({ date: '2026-11-27', rates: { USD: 0.0000614 } });
    const controller = new AbortController();
    const reason = new Error('page left');
    controller.abort(reason);
    let caught: unknown;
    await source.load(controller.signal).catch((error: unknown) => (caught = error));
    expect(caught).to.equal(reason);
  });
});
