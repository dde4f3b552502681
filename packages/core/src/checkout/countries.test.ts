import { expect } from '@open-wc/testing';
import { getCountries } from 'libphonenumber-js/min';
import { COUNTRY_CODES, countryCodeMessage, isCountryCode, suggestCountryCode } from './countries.js';

describe('country codes', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes and XK', () => {
    expect(COUNTRY_CODES.size).to.equal(250);
    for (const code of COUNTRY_CODES) expect(code, code).to.match(/^[A-Z]{2}$/);
    // Every one has a name in CLDR: a typo in the list (say "GD" for "GB") would show here or below.
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) expect(names.of(code), code).to.be.a('string');
  });

  it('differs from libphonenumber-js only where that list is not ISO 3166-1', () => {
    const phone = new Set<string>(getCountries());
    // AC (Ascension) and TA (Tristan da Cunha) are calling regions, not ISO countries; the other
    // seven are ISO territories without a telephone numbering plan of their own.
    expect([...phone].filter((c) => !COUNTRY_CODES.has(c)).sort()).to.deep.equal(['AC', 'TA']);
    expect([...COUNTRY_CODES].filter((c) => !phone.has(c)).sort()).to.deep.equal(['AQ', 'BV', 'GS', 'HM', 'PN', 'TF', 'UM']);
  });

  for (const [code, valid] of [
    ['GB', true],
    ['SG', true],
    ['XK', true],
    ['UK', false],
    ['EL', false],
    ['EU', false],
    ['ZZ', false],
    ['AC', false],
    ['gb', false],
    ['', false],
  ] as const) {
    it(`${valid ? 'accepts' : 'refuses'} "${code}"`, () => expect(isCountryCode(code)).to.equal(valid));
  }

  for (const [input, expected] of [
    ['UK', 'GB'],
    ['EL', 'GR'],
    ['EN', 'GB'],
    ['JA', 'JP'],
    ['U.K.', 'GB'],
    ['gb', 'GB'],
    [' de ', 'DE'],
    ['USA', 'US'],
    ['UAE', 'AE'],
    ['Germany', 'DE'],
    ['south korea', 'KR'],
    ['Jerman', 'DE'],
    ['Inggris Raya', 'GB'],
    ['Côte d’Ivoire', 'CI'],
    ['ZZ', undefined],
    ['XX', undefined],
    ['Atlantis', undefined],
    ['DE', undefined],
  ] as const) {
    it(`suggests ${String(expected)} for "${input}"`, () => expect(suggestCountryCode(input)).to.equal(expected));
  }

  it('words the problem with the suggestion and its name', () => {
    expect(countryCodeMessage('UK')).to.equal('"UK" is not an ISO 3166-1 country code; did you mean "GB" (United Kingdom)?');
    expect(countryCodeMessage('QQ')).to.equal('"QQ" is not an ISO 3166-1 country code (expected two letters such as "SG")');
    expect(countryCodeMessage(49)).to.equal('expected a two-letter ISO 3166-1 country code such as "SG"');
  });
});
