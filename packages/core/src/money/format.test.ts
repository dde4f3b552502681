import { expect } from '@open-wc/testing';
import type { Money } from './convert.js';
import { CURRENCIES, UnknownCurrencyError } from './currencies.js';
import { APPROXIMATE_PREFIX, formatMoney, numberFormat, toMajorString } from './format.js';

const NBSP = '\u00a0';
const m = (amount: number, currency: string): Money => ({ amount, currency });

describe('numberFormat', () => {
  it('is cached per locale and currency', () => {
    expect(numberFormat('en', 'USD')).to.equal(numberFormat('en', 'USD'));
    expect(numberFormat('en', 'USD')).not.to.equal(numberFormat('en', 'SGD'));
    expect(numberFormat('en', 'USD')).not.to.equal(numberFormat('de', 'USD'));
  });

  const digits: [string, string, number][] = [
    ['id-ID', 'IDR', 0], // Firefox and Safari would say 2 if left to themselves
    ['en-US', 'IDR', 0],
    ['en', 'USD', 2],
    ['ja', 'JPY', 0],
    ['ar', 'KWD', 3],
  ];
  for (const [locale, currency, expected] of digits) {
    it(`${currency} in ${locale} has exactly ${expected} fraction digits`, () => {
      const options = numberFormat(locale, currency).resolvedOptions();
      expect(options.minimumFractionDigits).to.equal(expected);
      expect(options.maximumFractionDigits).to.equal(expected);
    });
  }

  it('shows IDR as Rp, never as the code', () => {
    for (const locale of ['en', 'id', 'de', 'ja', 'zh', 'ms']) {
      expect(numberFormat(locale, 'IDR').format(1000), locale).to.contain('Rp').and.not.contain('IDR');
    }
  });

  for (const locale of ['en_US', '', 'not a locale!', 'x']) {
    it(`falls back to English for the invalid tag ${JSON.stringify(locale)}`, () => {
      expect(numberFormat(locale, 'USD').resolvedOptions().locale).to.match(/^en/);
    });
  }

  it('refuses an unknown currency', () => {
    expect(() => numberFormat('en', 'XYZ')).to.throw(UnknownCurrencyError);
  });
});

describe('formatMoney', () => {
  const cases: [Money, string, string][] = [
    [m(150000, 'IDR'), 'id-ID', `Rp${NBSP}150.000`],
    [m(150000, 'IDR'), 'en', `Rp${NBSP}150,000`],
    [m(1240, 'USD'), 'en-US', 'US$12.40'],
    [m(1240, 'USD'), 'en-SG', 'US$12.40'],
    [m(1240, 'USD'), 'de-DE', `12,40${NBSP}US$`], // the locale keeps its placement and spacing
    [m(1240, 'USD'), 'ja-JP', 'US$12.40'],
    [m(1240, 'USD'), 'zh-CN', 'US$12.40'],
    [m(1650, 'SGD'), 'en-SG', 'S$16.50'],
    [m(1650, 'SGD'), 'en-US', 'S$16.50'],
    [m(1900, 'AUD'), 'en-AU', 'A$19.00'],
    [m(1240, 'CAD'), 'fr-CA', `12,40${NBSP}CA$`],
    [m(1240, 'HKD'), 'en', 'HK$12.40'],
    [m(1240, 'TWD'), 'en', 'NT$12.40'],
    [m(1240, 'NZD'), 'en-NZ', 'NZ$12.40'],
    [m(1240, 'MXN'), 'es-MX', 'MX$12.40'],
    [m(1240, 'BND'), 'ms', 'B$12.40'],
    [m(1240, 'EUR'), 'de-DE', `12,40${NBSP}€`],
    [m(1240, 'EUR'), 'en-IE', '€12.40'],
    [m(1240, 'GBP'), 'en-GB', '£12.40'],
    [m(1980, 'JPY'), 'en-US', '¥1,980'],
    [m(1250, 'KWD'), 'en', `KWD${NBSP}1.250`],
    [m(-1240, 'USD'), 'en-US', '-US$12.40'],
    [m(0, 'USD'), 'en-US', 'US$0.00'],
    // Beyond 2^53 / 100 a float division would lose the last cent; the exact decimal path does not.
    [m(Number.MAX_SAFE_INTEGER, 'USD'), 'en-US', 'US$90,071,992,547,409.91'],
  ];
  for (const [money, locale, expected] of cases) {
    it(`${money.amount} ${money.currency} in ${locale} → ${expected}`, () => {
      expect(formatMoney(money, locale)).to.equal(expected);
    });
  }

  it('marks an estimate with ≈', () => {
    expect(APPROXIMATE_PREFIX).to.equal('≈ ');
    expect(formatMoney(m(1240, 'USD'), 'en', { approximate: true })).to.equal('≈ US$12.40');
    expect(formatMoney(m(1240, 'EUR'), 'de', { approximate: true })).to.equal(`≈ 12,40${NBSP}€`);
    expect(formatMoney(m(1240, 'USD'), 'en', { approximate: false })).to.equal('US$12.40');
  });

  it('never shows a bare $ for a dollar-like currency, in any locale', () => {
    const locales = ['en', 'en-US', 'en-AU', 'en-CA', 'en-SG', 'id', 'ms', 'zh', 'zh-TW', 'ja', 'ko', 'de', 'fr', 'es', 'ar', 'nl'];
    const prefixed = Object.values(CURRENCIES).filter((info) => info.prefix);
    expect(prefixed.length).to.be.greaterThan(5);
    for (const info of prefixed) {
      for (const locale of locales) {
        const text = formatMoney(m(123456, info.code), locale);
        expect(text, `${info.code} in ${locale}`).to.contain(info.prefix);
        expect(text.replace(info.prefix!, ''), `${info.code} in ${locale}: ${text}`).not.to.contain('$');
      }
    }
  });

  it('refuses an unknown currency or a fractional amount', () => {
    expect(() => formatMoney(m(100, 'XYZ'), 'en')).to.throw(UnknownCurrencyError);
    expect(() => formatMoney(m(12.5, 'USD'), 'en')).to.throw(RangeError);
    expect(() => formatMoney(m(Number.NaN, 'USD'), 'en')).to.throw(RangeError);
  });

  it('creates no Intl object per call: 1,000 prices reuse the cached formatter', () => {
    const Original = Intl.NumberFormat;
    let created = 0;
    // Count constructions without changing behaviour.
    const Counting = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        created++;
        return new target(...args);
      },
      apply(target, thisArg, args: Parameters<typeof Intl.NumberFormat>) {
        created++;
        return target(...args);
      },
    });
    Intl.NumberFormat = Counting;
    try {
      const locale = 'en-x-count'; // a tag no other test uses, so the cache starts empty for it
      for (let i = 0; i < 1000; i++) {
        formatMoney(m(100000 + i, 'USD'), locale, { approximate: true });
        formatMoney(m(150000000 + i, 'IDR'), locale);
      }
    } finally {
      Intl.NumberFormat = Original;
    }
    expect(created).to.equal(2);
  });
});

describe('formatMoney cache (kept across pricing snapshots)', () => {
  it('gives each locale, currency and amount its own text, every time', () => {
    const cases: [Money, string][] = [
      [{ amount: 1240, currency: 'USD' }, 'en'],
      [{ amount: 1240, currency: 'USD' }, 'de'],
      [{ amount: 1240, currency: 'EUR' }, 'en'],
      [{ amount: 1240, currency: 'JPY' }, 'en'],
      [{ amount: 1241, currency: 'USD' }, 'en'],
    ];
    const first = cases.map(([money, locale]) => formatMoney(money, locale));
    expect(new Set(first).size).to.equal(cases.length);
    expect(cases.map(([money, locale]) => formatMoney(money, locale))).to.deep.equal(first);
    expect(formatMoney({ amount: 1240, currency: 'USD' }, 'en', { approximate: true })).to.equal(APPROXIMATE_PREFIX + first[0]);
    expect(formatMoney({ amount: 1240, currency: 'USD' }, 'en')).to.equal(first[0]);
  });

  it('still refuses what it cannot format, after formatting it right', () => {
    formatMoney({ amount: 1, currency: 'USD' }, 'en');
    expect(() => formatMoney({ amount: 1.5, currency: 'USD' }, 'en')).to.throw(RangeError);
    expect(() => formatMoney({ amount: 1, currency: 'XXX' }, 'en')).to.throw(UnknownCurrencyError);
  });
});

describe('toMajorString', () => {
  const cases: [Money, string][] = [
    [m(1240, 'USD'), '12.40'],
    [m(5, 'USD'), '0.05'],
    [m(0, 'USD'), '0.00'],
    [m(-5, 'USD'), '-0.05'],
    [m(150000, 'IDR'), '150000'],
    [m(1980, 'JPY'), '1980'],
    [m(1250, 'KWD'), '1.250'],
    [m(7, 'KWD'), '0.007'],
    [m(Number.MAX_SAFE_INTEGER, 'USD'), '90071992547409.91'],
  ];
  for (const [money, expected] of cases) {
    it(`${money.amount} ${money.currency} → "${expected}"`, () => expect(toMajorString(money)).to.equal(expected));
  }

  it('refuses an unknown currency or a fractional amount', () => {
    expect(() => toMajorString(m(1, 'XYZ'))).to.throw(UnknownCurrencyError);
    expect(() => toMajorString(m(0.5, 'USD'))).to.throw(RangeError);
  });
});
