import { expect } from '@open-wc/testing';
import {
  CURRENCIES,
  currencyForRegion,
  currencyInfo,
  isKnownCurrency,
  requireCurrency,
  UnknownCurrencyError,
} from './currencies.js';

const REQUIRED = (
  'IDR USD SGD MYR CNY JPY KRW EUR GBP AUD NZD CAD HKD TWD THB PHP VND INR SAR AED KWD BHD OMR JOD ' +
  'TND CHF SEK NOK DKK BND CLP ISK UGX MXN BRL ZAR TRY PLN CZK HUF QAR'
).split(' ');

describe('CURRENCIES', () => {
  it('has every currency the storefront promises', () => {
    const missing = REQUIRED.filter((code) => !Object.hasOwn(CURRENCIES, code));
    expect(missing).to.deep.equal([]);
  });

  it('keys each entry by its own code', () => {
    for (const [key, info] of Object.entries(CURRENCIES)) expect(info.code, key).to.equal(key);
  });

  const digits: [string, number][] = [
    ['IDR', 0], // ISO says 2; we never show or charge sen
    ['USD', 2], ['EUR', 2], ['SGD', 2], ['MYR', 2], ['GBP', 2], ['TWD', 2], ['HUF', 2],
    ['JPY', 0], ['KRW', 0], ['VND', 0], ['CLP', 0], ['ISK', 0], ['UGX', 0],
    ['KWD', 3], ['BHD', 3], ['OMR', 3], ['JOD', 3], ['TND', 3],
  ];
  for (const [code, expected] of digits) {
    it(`${code} has ${expected} digits`, () => {
      expect(currencyInfo(code)?.digits).to.equal(expected);
    });
  }

  it('agrees with the browser\'s minor units for every currency but IDR and HUF', () => {
    // IDR is our choice (0). For HUF, CLDR (so Chrome) says 0 while ISO 4217 says 2; we follow
    // ISO, as for every currency but IDR.
    const disagree = Object.values(CURRENCIES)
      .filter((info) => info.code !== 'IDR' && info.code !== 'HUF')
      .filter((info) => {
        const iso = new Intl.NumberFormat('en', { style: 'currency', currency: info.code }).resolvedOptions();
        return iso.maximumFractionDigits !== info.digits;
      })
      .map((info) => info.code);
    expect(disagree).to.deep.equal([]);
  });

  const prefixes: [string, string | undefined][] = [
    ['USD', 'US$'], ['SGD', 'S$'], ['AUD', 'A$'], ['CAD', 'CA$'], ['NZD', 'NZ$'], ['HKD', 'HK$'],
    ['TWD', 'NT$'], ['MXN', 'MX$'], ['BND', 'B$'],
    ['EUR', undefined], ['IDR', undefined], ['JPY', undefined], ['MYR', undefined],
  ];
  for (const [code, prefix] of prefixes) {
    it(`${code} prefix is ${prefix ?? 'none'}`, () => {
      expect(currencyInfo(code)?.prefix).to.equal(prefix);
    });
  }

  it('is frozen', () => {
    expect(Object.isFrozen(CURRENCIES)).to.equal(true);
    expect(Object.isFrozen(CURRENCIES['USD'])).to.equal(true);
  });
});

describe('currencyInfo / isKnownCurrency', () => {
  const cases: [unknown, boolean][] = [
    ['USD', true],
    ['IDR', true],
    ['usd', false], // exact codes only
    [' USD', false],
    ['XYZ', false],
    ['constructor', false], // inherited object keys are not currencies
    ['__proto__', false],
    ['toString', false],
    ['', false],
    [undefined, false],
    [840, false],
    [null, false],
  ];
  for (const [code, known] of cases) {
    it(`${JSON.stringify(code) ?? String(code)} is ${known ? '' : 'not '}known`, () => {
      expect(isKnownCurrency(code)).to.equal(known);
      if (typeof code === 'string') expect(currencyInfo(code) !== undefined).to.equal(known);
    });
  }
});

describe('UnknownCurrencyError', () => {
  it('names the code and shows what is expected', () => {
    const error = new UnknownCurrencyError('XYZ');
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('UnknownCurrencyError');
    expect(error.code).to.equal('XYZ');
    expect(error.message).to.equal('Unknown currency "XYZ": expected an ISO 4217 code such as USD, SGD or EUR');
  });

  it('is what requireCurrency throws', () => {
    expect(() => requireCurrency('usd')).to.throw(UnknownCurrencyError, '"usd"');
    expect(requireCurrency('EUR').digits).to.equal(2);
  });
});

describe('currencyForRegion', () => {
  const cases: [string, string | undefined][] = [
    ['US', 'USD'], ['ID', 'IDR'], ['SG', 'SGD'], ['JP', 'JPY'], ['GB', 'GBP'], ['MY', 'MYR'],
    ['CN', 'CNY'], ['KR', 'KRW'], ['AU', 'AUD'], ['NL', 'EUR'], ['SA', 'SAR'], ['AE', 'AED'],
    ['TW', 'TWD'], ['HK', 'HKD'], ['CH', 'CHF'], ['LI', 'CHF'], ['PR', 'USD'], ['EC', 'USD'],
    ['GL', 'DKK'], ['BN', 'BND'],
    ['de', 'EUR'], // region subtags arrive in any case
    ['MO', undefined], // pataca: not a display currency
    ['XX', undefined],
    ['', undefined],
  ];
  for (const [region, currency] of cases) {
    it(`${region || '(empty)'} → ${currency ?? 'undefined'}`, () => {
      expect(currencyForRegion(region)).to.equal(currency);
    });
  }

  it('maps every euro-area member to EUR, Bulgaria (2026) and Croatia (2023) included', () => {
    const members = 'AT BE BG HR CY EE FI FR DE GR IE IT LV LT LU MT NL PT SK SI ES'.split(' ');
    expect(members.filter((region) => currencyForRegion(region) !== 'EUR')).to.deep.equal([]);
  });

  it('reaches every currency in the table, from its own country', () => {
    // The country whose name the code starts with uses it (ISO 4217 codes are built that way),
    // except the euro.
    const wrong = Object.keys(CURRENCIES)
      .filter((code) => code !== 'EUR')
      .filter((code) => currencyForRegion(code.slice(0, 2)) !== code);
    expect(wrong).to.deep.equal([]);
  });
});
