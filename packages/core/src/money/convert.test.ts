import { expect } from '@open-wc/testing';
import type { RateSet } from '../rates/types.js';
import { convertIdr, crossRate, idr, MissingRateError, type ConvertOptions, type Money } from './convert.js';
import { currencyInfo, UnknownCurrencyError } from './currencies.js';
import { parseDecimal, type Ratio } from './decimal.js';

// ECB-style: units per 1 EUR, as published for 2026-11-27 in our fixture.
const ecb: RateSet = {
  base: 'EUR',
  date: '2026-11-27',
  source: 'ECB euro reference rates',
  rates: { IDR: '17612.35', USD: '1.0823', JPY: '162.47', KWD: '0.3325', SGD: '1.4522' },
};
// A merchant's own table: units per 1 IDR.
const merchant: RateSet = {
  base: 'IDR',
  date: '2026-11-27',
  source: 'merchant table',
  rates: { USD: '0.0000614', SGD: '0.0000825' },
};
const usdBased: RateSet = {
  base: 'USD',
  date: '2026-11-27',
  source: 'usd table',
  rates: { IDR: '16273.5', SGD: '1.3418' },
};

describe('crossRate', () => {
  const cases: [string, RateSet, string, string, Ratio | undefined][] = [
    ['IDR→USD through EUR', ecb, 'IDR', 'USD', { n: 10823n, d: 176123500n }],
    ['from the base', ecb, 'EUR', 'USD', { n: 10823n, d: 10000n }],
    ['to the base', ecb, 'USD', 'EUR', { n: 10000n, d: 10823n }],
    ['same currency', ecb, 'THB', 'THB', { n: 1n, d: 1n }],
    ['IDR-based table', merchant, 'IDR', 'USD', { n: 307n, d: 5000000n }],
    ['missing target', ecb, 'IDR', 'THB', undefined],
    ['missing source', merchant, 'EUR', 'USD', undefined],
    ['inherited key is not a rate', ecb, 'IDR', 'constructor', undefined],
  ];
  for (const [name, rates, from, to, expected] of cases) {
    it(name, () => expect(crossRate(rates, from, to)).to.deep.equal(expected));
  }

  it('treats a zero or garbage rate in a hand-built set as missing', () => {
    const broken: RateSet = { ...merchant, rates: { USD: '0', SGD: 'abc' } };
    expect(crossRate(broken, 'IDR', 'USD')).to.equal(undefined);
    expect(crossRate(broken, 'IDR', 'SGD')).to.equal(undefined);
  });
});

describe('convertIdr', () => {
  const cases: [string, number, string, RateSet, ConvertOptions | undefined, Money][] = [
    // 150,000 × 1.0823 / 17612.35 = 9.2177 USD
    ['IDR → USD via EUR', 150000, 'USD', ecb, undefined, { amount: 922, currency: 'USD' }],
    ['with a 2.5 % markup (9.4481)', 150000, 'USD', ecb, { markupPercent: 2.5 }, { amount: 945, currency: 'USD' }],
    ['0-digit currency (¥1,383.7)', 150000, 'JPY', ecb, undefined, { amount: 1384, currency: 'JPY' }],
    ['3-digit currency (KWD 2.8318)', 150000, 'KWD', ecb, undefined, { amount: 2832, currency: 'KWD' }],
    ['SGD (12.368)', 150000, 'SGD', ecb, undefined, { amount: 1237, currency: 'SGD' }],
    ['one rule for all', 150000, 'USD', ecb, { rounding: { type: 'increment', step: 5 } }, { amount: 920, currency: 'USD' }],
    ['charm .99', 150000, 'USD', ecb, { rounding: { type: 'charm', ending: 1 } }, { amount: 999, currency: 'USD' }],
    ['per-currency rules: USD', 150000, 'USD', ecb, { rounding: { USD: { type: 'increment', step: 100 }, JPY: { type: 'increment', step: 10 } } }, { amount: 900, currency: 'USD' }],
    ['per-currency rules: JPY', 150000, 'JPY', ecb, { rounding: { USD: { type: 'increment', step: 100 }, JPY: { type: 'increment', step: 10 } } }, { amount: 1380, currency: 'JPY' }],
    ['per-currency rules: unlisted currency is not rounded further', 150000, 'SGD', ecb, { rounding: { USD: { type: 'increment', step: 100 } } }, { amount: 1237, currency: 'SGD' }],
    ['IDR-based table (9.21 exactly)', 150000, 'USD', merchant, undefined, { amount: 921, currency: 'USD' }],
    ['USD-based table (12.368)', 150000, 'SGD', usdBased, undefined, { amount: 1237, currency: 'SGD' }],
    ['to the USD base', 162735, 'USD', usdBased, undefined, { amount: 1000, currency: 'USD' }],
    ['IDR stays as is, no markup', 150000, 'IDR', ecb, { markupPercent: 10, rounding: { type: 'increment', step: 1000 } }, { amount: 150000, currency: 'IDR' }],
    ['zero', 0, 'USD', ecb, { markupPercent: 5 }, { amount: 0, currency: 'USD' }],
    // Rounding before the markup would give 12 × 1.025 = 12.3 → 12; rounded once it is 12.597 → 13.
    ['rounds once, after the markup', 2000, 'USD', ecb, { markupPercent: 2.5 }, { amount: 13, currency: 'USD' }],
  ];
  for (const [name, amount, to, rates, options, expected] of cases) {
    it(name, () => expect(convertIdr(amount, to, rates, options)).to.deep.equal(expected));
  }

  it('refuses an unknown currency', () => {
    expect(() => convertIdr(1000, 'XYZ', ecb)).to.throw(UnknownCurrencyError);
    expect(() => convertIdr(1000, 'usd', ecb)).to.throw(UnknownCurrencyError);
  });

  it('throws MissingRateError naming the currency and the rates', () => {
    let caught: unknown;
    try {
      convertIdr(1000, 'THB', ecb);
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(MissingRateError);
    const error = caught as MissingRateError;
    expect(error.currency).to.equal('THB');
    expect(error.source).to.equal('ECB euro reference rates');
    expect(error.message).to.equal('No exchange rate from IDR to THB in ECB euro reference rates (2026-11-27)');
  });

  it('throws MissingRateError when a USD-based table has no IDR', () => {
    const noIdr: RateSet = { ...usdBased, rates: { SGD: '1.3418' } };
    expect(() => convertIdr(1000, 'SGD', noIdr)).to.throw(MissingRateError);
  });

  for (const amount of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
    it(`refuses the IDR amount ${amount}`, () => {
      expect(() => convertIdr(amount, 'USD', ecb)).to.throw(RangeError);
    });
  }

  for (const markupPercent of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`refuses markupPercent ${markupPercent}`, () => {
      expect(() => convertIdr(1000, 'USD', ecb, { markupPercent })).to.throw(RangeError, 'markupPercent');
    });
  }
});

describe('idr', () => {
  it('makes IDR money', () => expect(idr(150000)).to.deep.equal({ amount: 150000, currency: 'IDR' }));
  for (const amount of [1.5, Number.NaN, 2 ** 53]) {
    it(`refuses ${amount}`, () => expect(() => idr(amount)).to.throw(RangeError));
  }
});

describe('convertIdr properties (random amounts and rates)', () => {
  let seed = 7;
  // Park–Miller: reproducible, so a failure names a case that fails again.
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const randomDecimal = (maxDigits: number) => {
    const digits = String(1 + Math.floor(random() * 10 ** maxDigits));
    const scale = Math.floor(random() * 8);
    return scale === 0 ? digits : `${digits.padStart(scale + 1, '0').slice(0, -scale)}.${digits.padStart(scale + 1, '0').slice(-scale)}`;
  };
  const randomSet = (): RateSet => ({
    base: 'EUR',
    date: '2026-11-27',
    source: 'random',
    rates: { IDR: randomDecimal(7), USD: randomDecimal(5), JPY: randomDecimal(6), KWD: randomDecimal(4) },
  });

  /** The exact converted value in minor units, worked out from the decimal strings directly. */
  const exact = (amount: number, to: string, rates: RateSet): Ratio => {
    const toRate = parseDecimal(rates.rates[to]!);
    const idrRate = parseDecimal(rates.rates['IDR']!);
    const scale = 10n ** BigInt(currencyInfo(to)!.digits);
    return { n: BigInt(amount) * toRate.n * idrRate.d * scale, d: toRate.d * idrRate.n };
  };

  it("with rule 'none', never more than half a minor unit from the exact value", () => {
    for (let i = 0; i < 1500; i++) {
      const rates = randomSet();
      const amount = Math.floor(random() * 1e9);
      for (const to of ['USD', 'JPY', 'KWD']) {
        let result: Money;
        try {
          result = convertIdr(amount, to, rates);
        } catch (error) {
          // Absurd random rates can overflow safe integers; that must be a RangeError, not a wrong number.
          expect(error).to.be.instanceOf(RangeError);
          continue;
        }
        const value = exact(amount, to, rates);
        const diff = BigInt(result.amount) * value.d - value.n;
        const twice = 2n * (diff < 0n ? -diff : diff);
        expect(twice <= value.d, `${amount} IDR → ${to} with ${JSON.stringify(rates.rates)}`).to.equal(true);
      }
    }
  });

  it('converted lines add up to the converted total within half a minor unit per line', () => {
    for (let i = 0; i < 300; i++) {
      const rates = randomSet();
      const lines = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * 5e6));
      const total = lines.reduce((sum, line) => sum + line, 0);
      const sumOfLines = lines.reduce((sum, line) => sum + convertIdr(line, 'USD', rates).amount, 0);
      const ofTotal = convertIdr(total, 'USD', rates).amount;
      expect(Math.abs(sumOfLines - ofTotal) <= (lines.length + 1) / 2, `${lines.join('+')}`).to.equal(true);
    }
  });

  it('never makes a more expensive item cheaper, with any rule or markup', () => {
    const options: ConvertOptions[] = [
      {},
      { markupPercent: 3 },
      { rounding: { type: 'increment', step: 5 } },
      { rounding: { type: 'charm', ending: 1 }, markupPercent: 1.5 },
    ];
    for (let i = 0; i < 300; i++) {
      const rates = randomSet();
      const a = Math.floor(random() * 1e8);
      const b = a + Math.floor(random() * 1e6);
      for (const option of options) {
        expect(convertIdr(a, 'USD', rates, option).amount <= convertIdr(b, 'USD', rates, option).amount).to.equal(true);
      }
    }
  });

  it('a markup never lowers a price', () => {
    for (let i = 0; i < 300; i++) {
      const rates = randomSet();
      const amount = Math.floor(random() * 1e8);
      const plain = convertIdr(amount, 'USD', rates).amount;
      expect(convertIdr(amount, 'USD', rates, { markupPercent: 0.5 }).amount >= plain).to.equal(true);
    }
  });
});

describe('convertIdr with one rate set reused (factors remembered per set)', () => {
  const rates: RateSet = { base: 'EUR', date: '2026-11-27', source: 't', rates: { IDR: '19300', USD: '1.16', JPY: '176' } };

  it('keeps currencies and markups apart, and matches a fresh copy of the same rates', () => {
    const calls: [string, ConvertOptions][] = [
      ['USD', {}],
      ['USD', { markupPercent: 2.5 }],
      ['JPY', {}],
      ['USD', { markupPercent: 0 }],
      ['JPY', { markupPercent: 2.5 }],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [to, options] of calls) {
        const fresh = { ...rates, rates: { ...rates.rates } };
        expect(convertIdr(150000, to, rates, options), `${to} ${JSON.stringify(options)}`).to.deep.equal(convertIdr(150000, to, fresh, options));
      }
    }
    expect(convertIdr(150000, 'USD', rates).amount).to.equal(902); // 150000 × 1.16 / 19300 = 9.0155…
    expect(convertIdr(150000, 'USD', rates, { markupPercent: 2.5 }).amount).to.equal(924);
  });

  it('refuses a bad markup on every call, not only the first', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => convertIdr(1000, 'USD', rates, { markupPercent: -1 })).to.throw(RangeError);
      expect(() => convertIdr(1000, 'USD', rates, { markupPercent: Number.NaN })).to.throw(RangeError);
    }
  });
});
