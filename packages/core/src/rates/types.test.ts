import { expect } from '@open-wc/testing';
import { finishRateSet, RateSourceError, type RateSet } from './types.js';

describe('RateSourceError', () => {
  it('names the source and the reason', () => {
    const cause = new TypeError('Failed to fetch');
    const error = new RateSourceError('https://x/rates.json', 'HTTP 404', { cause });
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('RateSourceError');
    expect(error.source).to.equal('https://x/rates.json');
    expect(error.reason).to.equal('HTTP 404');
    expect(error.message).to.equal('Rates from https://x/rates.json could not be used: HTTP 404');
    expect(error.cause).to.equal(cause);
  });
});

describe('finishRateSet', () => {
  const set = (base: string, rates: Record<string, string>): RateSet => ({
    base,
    rates,
    date: '2026-11-27',
    source: 'test',
  });

  const accepted: [string, RateSet][] = [
    ['an IDR-based table', set('IDR', { USD: '0.0000614' })],
    ['a EUR-based table with IDR', set('EUR', { IDR: '17612.35', USD: '1.0823' })],
  ];
  for (const [name, input] of accepted) {
    it(`accepts and freezes ${name}`, () => {
      const result = finishRateSet(input, 'test');
      expect(Object.isFrozen(result)).to.equal(true);
      expect(Object.isFrozen(result.rates)).to.equal(true);
    });
  }

  it('refuses rates that cannot convert rupiah', () => {
    expect(() => finishRateSet(set('USD', { SGD: '1.34' }), 'https://x/usd.json')).to.throw(
      RateSourceError,
      'Rates from https://x/usd.json could not be used: rates.IDR: missing',
    );
  });
});
