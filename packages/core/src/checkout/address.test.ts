import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import {
  ADDRESS_FIELD_MAX_LENGTH,
  addressFormat,
  countryName,
  countryOptions,
  formatAddressLines,
  normalizeAddress,
  validateAddress,
  type Address,
  type AddressFieldName,
} from './address.js';
import data from './data/address-formats.json';

/** The destinations the brief names; each must have its own entry in the data. */
const DESTINATIONS = (
  'US CA MX BR GB IE DE FR NL BE LU AT IT ES PT CH SE DK NO FI PL CZ GR AU NZ SG MY ' +
  'TH PH VN BN JP KR CN HK TW IN SA AE QA KW ID'
).split(' ');

/** Every label key a format can hand out; docs/addresses.md lists the same. */
const LABEL_KEYS = [
  'address.name',
  'address.organization',
  'address.addressLine1',
  'address.addressLine2',
  'address.city',
  'address.postTown',
  'address.suburb',
  'address.district',
  'address.neighborhood',
  'address.villageTownship',
  'address.townland',
  'address.state',
  'address.province',
  'address.county',
  'address.prefecture',
  'address.doSi',
  'address.area',
  'address.emirate',
  'address.region',
  'address.zip',
  'address.postalCode',
  'address.pin',
  'address.eircode',
];

const issuesOf = (address: Address) => validateAddress(address).map((issue) => `${issue.field}:${issue.code}`);

describe('address-formats.json', () => {
  it('carries its CC-BY attribution', () => {
    const source = (data as Record<string, unknown>)['_source'] as string;
    expect(source).to.contain('CC-BY 4.0').and.contain('libaddressinput').and.contain('Google');
  });

  it('has an entry for every destination', () => {
    for (const code of DESTINATIONS) expect(data, code).to.have.property(code);
  });

  it('only hands out documented label keys, and every documented key is used', () => {
    const used = new Set<string>();
    for (const code of [...DESTINATIONS, 'RU']) {
      for (const field of addressFormat(code).fields) used.add(field.labelKey);
    }
    expect([...used].filter((key) => !LABEL_KEYS.includes(key))).to.deep.equal([]);
    expect(LABEL_KEYS.filter((key) => !used.has(key))).to.deep.equal([]);
  });

  for (const code of DESTINATIONS) {
    it(`${code}: name and first address line required, region codes unique`, () => {
      const format = addressFormat(code);
      const required = format.fields.filter((field) => field.required).map((field) => field.name);
      expect(required).to.include.members(['name', 'addressLine1']);
      expect(format.rows.flat()).to.deep.equal(format.fields.map((field) => field.name));
      const codes = format.fields.find((field) => field.name === 'region')?.options?.map((option) => option.code) ?? [];
      expect(new Set(codes).size).to.equal(codes.length);
    });
  }
});

describe('addressFormat', () => {
  it('asks a US address for city, state and ZIP code on one row', () => {
    const format = addressFormat('US');
    expect(format.country).to.equal('US');
    expect(format.rows).to.deep.equal([
      ['name'],
      ['organization'],
      ['addressLine1'],
      ['addressLine2'],
      ['city', 'region', 'postalCode'],
    ]);
    const region = format.fields.find((field) => field.name === 'region')!;
    expect(region).to.include({ required: true, labelKey: 'address.state', autocomplete: 'address-level1' });
    expect(region.options).to.deep.include({ code: 'CA', name: 'California' });
    expect(format.fields.find((field) => field.name === 'postalCode')).to.include({
      required: true,
      labelKey: 'address.zip',
      autocomplete: 'postal-code',
    });
    expect(format.postalCodeExample).to.equal('95014');
    expect(format.hasPostalCode).to.equal(true);
  });

  const autocomplete: [AddressFieldName, string][] = [
    ['name', 'name'],
    ['organization', 'organization'],
    ['addressLine1', 'address-line1'],
    ['addressLine2', 'address-line2'],
    ['city', 'address-level2'],
    ['dependentLocality', 'address-level3'],
    ['region', 'address-level1'],
    ['postalCode', 'postal-code'],
  ];
  for (const [name, token] of autocomplete) {
    it(`gives ${name} the autocomplete token ${token}`, () => {
      const field = addressFormat('CN').fields.find((each) => each.name === name);
      expect(field?.autocomplete).to.equal(token);
    });
  }

  it('asks a Japanese address for the prefecture from a list of 47, named in English', () => {
    const format = addressFormat('JP');
    const region = format.fields.find((field) => field.name === 'region')!;
    expect(region).to.include({ required: true, labelKey: 'address.prefecture' });
    expect(region.options).to.have.length(47);
    expect(region.options![0]).to.deep.equal({ code: '01', name: 'Hokkaido' });
    expect(region.options).to.deep.include({ code: '13', name: 'Tokyo' });
    expect(format.fields.find((field) => field.name === 'postalCode')?.required).to.equal(true);
  });

  const lists: [string, number, { code: string; name: string }][] = [
    ['US', 62, { code: 'NY', name: 'New York' }],
    ['CA', 13, { code: 'QC', name: 'Quebec' }],
    ['AU', 9, { code: 'NSW', name: 'New South Wales' }],
    ['MY', 16, { code: '10', name: 'Selangor' }],
    ['CN', 31, { code: '44', name: 'Guangdong' }],
    ['IN', 36, { code: 'MH', name: 'Maharashtra' }],
    ['AE', 7, { code: 'DU', name: 'Dubai' }],
    ['ID', 38, { code: 'PS', name: 'Papua Selatan' }],
  ];
  for (const [country, count, sample] of lists) {
    it(`lists ${count} regions for ${country}, among them ${sample.name}`, () => {
      const options = addressFormat(country).fields.find((field) => field.name === 'region')?.options;
      expect(options).to.have.length(count);
      expect(options).to.deep.include(sample);
    });
  }

  it('leaves Hong Kong, Macau and Taiwan out of the Chinese provinces: they are countries here', () => {
    const names = addressFormat('CN').fields.find((field) => field.name === 'region')!.options!.map((o) => o.name);
    expect(names).not.to.include.members(['Hong Kong', 'Macau', 'Taiwan']);
  });

  const labels: [string, string | undefined, string | undefined][] = [
    ['US', 'address.state', 'address.zip'],
    ['CA', 'address.province', 'address.postalCode'],
    ['AU', 'address.state', 'address.postalCode'],
    ['JP', 'address.prefecture', 'address.postalCode'],
    ['IE', 'address.county', 'address.eircode'],
    ['IN', 'address.state', 'address.pin'],
    ['KR', 'address.doSi', 'address.postalCode'],
    ['MY', 'address.state', 'address.postalCode'],
    ['ID', 'address.province', 'address.postalCode'],
    ['AE', 'address.emirate', undefined],
    ['HK', 'address.area', undefined],
    ['GB', undefined, 'address.postalCode'],
    ['DE', undefined, 'address.postalCode'],
  ];
  for (const [country, region, postal] of labels) {
    it(`labels ${country}: region ${region ?? 'not asked'}, postal code ${postal ?? 'not asked'}`, () => {
      const fields = addressFormat(country).fields;
      expect(fields.find((field) => field.name === 'region')?.labelKey).to.equal(region);
      expect(fields.find((field) => field.name === 'postalCode')?.labelKey).to.equal(postal);
    });
  }

  for (const country of ['HK', 'AE', 'QA']) {
    it(`asks no postal code in ${country}, which has none`, () => {
      const format = addressFormat(country);
      expect(format.hasPostalCode).to.equal(false);
      expect(format.fields.map((field) => field.name)).not.to.include('postalCode');
      expect(format.postalCodeExample).to.equal(undefined);
    });
  }

  it('marks fields the post writes in capitals', () => {
    const fields = addressFormat('GB').fields;
    expect(fields.find((field) => field.name === 'postalCode')?.uppercase).to.equal(true);
    expect(fields.find((field) => field.name === 'name')?.uppercase).to.equal(undefined);
  });

  it('gives a country without its own entry the generic format', () => {
    const format = addressFormat('RU');
    expect(format.country).to.equal('RU');
    expect(format.fields.map((field) => [field.name, field.required])).to.deep.equal([
      ['name', true],
      ['organization', false],
      ['addressLine1', true],
      ['addressLine2', false],
      ['city', true],
      ['region', false],
      ['postalCode', false],
    ]);
    expect(format.fields.find((field) => field.name === 'region')).to.include({ labelKey: 'address.region' });
    expect(format.fields.find((field) => field.name === 'region')?.options).to.equal(undefined);
  });

  it('reads the country code in any case and caches the format', () => {
    expect(addressFormat(' jp ')).to.equal(addressFormat('JP'));
  });
});

const US: Address = {
  country: 'US',
  name: 'Jane Doe',
  addressLine1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
};

describe('validateAddress: postal codes', () => {
  // [country, valid, invalid]
  const cases: [string, string, string][] = [
    ['US', '94105', '9410'],
    ['GB', 'SW1A 1AA', 'SW1A'],
    ['DE', '10115', '1011'],
    ['JP', '100-0001', '100-001'],
    ['SG', '238823', '23882'],
    ['AU', '2000', '200'],
    ['CA', 'K1A 0B1', 'K1A0B'],
    ['NL', '1011 AB', '1011'],
    ['FR', '75001', '7500'],
    ['MY', '50450', '5045'],
    ['KR', '03187', '0318'],
    ['CN', '100000', '10000'],
    ['IN', '110001', '11000'],
    ['ID', '55173', '5517'],
    ['BR', '01310-100', '0131'],
    ['PT', '1000-001', '1000-01'],
  ];
  const address = (country: string, postalCode: string): Address => {
    const region = addressFormat(country).fields.find((field) => field.name === 'region')?.options?.[0]?.code;
    return { country, name: 'A Buyer', addressLine1: 'Street 1', city: 'City', region: region ?? 'Region', postalCode };
  };
  for (const [country, valid, invalid] of cases) {
    it(`${country}: accepts ${valid}, refuses ${invalid}`, () => {
      expect(issuesOf(address(country, valid))).to.deep.equal([]);
      expect(issuesOf(address(country, invalid))).to.deep.equal(['postalCode:invalid-postal-code']);
    });
  }

  // Typed without the usual spacing or case, and read in the shape of the country's example.
  const loose: [string, string, string][] = [
    ['JP', '1000001', '100-0001'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'],
    ['CA', 'k1a0b1', 'K1A 0B1'],
    ['NL', '1011ab', '1011 AB'],
    ['US', '94105 1234', '94105-1234'],
    ['BR', '01310100', '01310-100'],
    ['LU', 'L-4750', '4750'], // the format prints "L-" itself
  ];
  for (const [country, typed, normal] of loose) {
    it(`${country}: accepts ${typed} and normalises it to ${normal}`, () => {
      expect(issuesOf(address(country, typed))).to.deep.equal([]);
      expect(normalizeAddress(address(country, typed)).postalCode).to.equal(normal);
    });
  }

  it('says what a valid code looks like', () => {
    const [issue] = validateAddress({ ...US, postalCode: '9410' });
    expect(issue!.message).to.equal('Check the ZIP code: it does not look like one from United States, for example 95014.');
  });

  for (const country of ['HK', 'AE', 'QA']) {
    it(`${country}: no postal code needed, and one given is not checked`, () => {
      const base = { country, name: 'A Buyer', addressLine1: 'Flat 1, 1 Queen’s Road', city: 'Doha', region: 'Dubai' };
      const issues = issuesOf({ ...base, region: country === 'HK' ? 'Kowloon' : base.region });
      expect(issues).to.deep.equal([]);
      expect(issuesOf({ ...base, postalCode: 'whatever' }).filter((i) => i.startsWith('postalCode'))).to.deep.equal([]);
    });
  }
});

describe('validateAddress: required fields', () => {
  const cases: [string, string[]][] = [
    ['US', ['city:required', 'region:required', 'postalCode:required']],
    ['CA', ['city:required', 'region:required', 'postalCode:required']],
    ['JP', ['region:required', 'postalCode:required']],
    ['HK', ['region:required']],
    ['AE', ['region:required']],
    ['DE', ['postalCode:required', 'city:required']], // postal code comes first in Germany
    ['GB', ['city:required', 'postalCode:required']],
    ['SG', ['postalCode:required']],
    ['ID', ['region:required']],
    ['CN', ['city:required', 'region:required', 'postalCode:required']],
    ['RU', ['city:required']],
  ];
  for (const [country, missing] of cases) {
    it(`${country} with only a name and street misses ${missing.join(', ')}`, () => {
      expect(issuesOf({ country, name: 'A Buyer', addressLine1: 'Street 1' })).to.deep.equal(missing);
    });
  }

  it('needs a name and a street everywhere, and counts blanks as empty', () => {
    expect(issuesOf({ ...US, name: '   ', addressLine1: '\n' })).to.deep.equal(['name:required', 'addressLine1:required']);
  });

  it('reports issues in form order with a message that says what to do', () => {
    const issues = validateAddress({ country: 'US', name: '', addressLine1: '1 Market St', region: 'Narnia' });
    expect(issues.map((issue) => issue.field)).to.deep.equal(['name', 'city', 'region', 'postalCode']);
    expect(issues[0]!.message).to.equal('Enter the full name.');
    expect(issues[2]!.message).to.equal('Choose the state from the list.');
  });
});

describe('validateAddress: regions', () => {
  const cases: [string, string, boolean][] = [
    ['US', 'CA', true],
    ['US', 'California', true],
    ['US', ' california ', true],
    ['US', 'us-ca', true],
    ['US', 'Narnia', false],
    ['JP', 'Tokyo', true],
    ['JP', '東京都', true],
    ['JP', '13', true],
    ['JP', 'Edo', false],
    ['ID', 'Jawa Barat', true],
    ['ID', 'West Java', true],
    ['ID', 'JB', true],
    ['ID', 'Papua Pegunungan', true],
    ['AE', 'dubai', true],
    ['AE', 'دبي', true],
    ['CN', 'Beijing Shi', true],
    ['CN', '北京市', true],
    ['CN', 'Hong Kong', false],
    ['MY', 'Selangor', true],
    ['AU', 'NSW', true],
    ['GB', 'Greater London', true], // free text where the country has no list
  ];
  for (const [country, region, ok] of cases) {
    it(`${country}: ${ok ? 'accepts' : 'refuses'} region ${JSON.stringify(region)}`, () => {
      const issues = validateAddress({ country, name: 'A', addressLine1: 'B', city: 'C', postalCode: '', region });
      expect(issues.some((issue) => issue.code === 'unknown-region')).to.equal(!ok);
    });
  }
});

describe('validateAddress: lengths and countries', () => {
  it(`accepts ${ADDRESS_FIELD_MAX_LENGTH} characters and refuses one more, in every field`, () => {
    const max = 'a'.repeat(ADDRESS_FIELD_MAX_LENGTH);
    expect(issuesOf({ ...US, addressLine2: max })).to.deep.equal([]);
    for (const field of ['name', 'organization', 'addressLine1', 'addressLine2', 'city', 'sortingCode'] as const) {
      expect(issuesOf({ ...US, [field]: `${max}a` }), field).to.deep.equal([`${field}:too-long`]);
    }
  });

  it('counts characters, not UTF-16 units', () => {
    expect(issuesOf({ ...US, addressLine2: '🏠'.repeat(ADDRESS_FIELD_MAX_LENGTH) })).to.deep.equal([]);
  });

  const countries: [string, string[]][] = [
    ['', ['country:required']],
    ['XX', ['country:unsupported-country']],
    ['ZZ', ['country:unsupported-country']],
    ['EU', ['country:unsupported-country']],
    ['UK', ['country:unsupported-country']], // GB is the code
    ['USA', ['country:unsupported-country']],
    ['us', []],
    ['RU', []], // known country without its own format: the generic one applies
  ];
  for (const [country, expected] of countries) {
    it(`country ${JSON.stringify(country)}: ${expected.join(', ') || 'fine'}`, () => {
      const address = { country, name: 'A', addressLine1: 'B', city: 'C', region: 'CA', postalCode: '94105' };
      expect(issuesOf(address).filter((issue) => issue.startsWith('country'))).to.deep.equal(expected);
    });
  }
});

describe('normalizeAddress', () => {
  it('trims, collapses white space, drops empty optional fields and stores the region code', () => {
    expect(
      normalizeAddress({
        country: ' us ',
        name: '  Jane   Doe ',
        organization: '  ',
        addressLine1: '1 Market St\n',
        city: 'San Francisco',
        region: 'california',
        postalCode: ' 94105 ',
      }),
    ).to.deep.equal({
      country: 'US',
      name: 'Jane Doe',
      addressLine1: '1 Market St',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
    });
  });

  it('keeps an unlisted region as typed', () => {
    expect(normalizeAddress({ ...US, country: 'GB', region: ' Greater  London ' }).region).to.equal('Greater London');
    expect(normalizeAddress({ ...US, region: 'Narnia' }).region).to.equal('Narnia');
  });

  const regions: [string, string, string][] = [
    ['JP', 'tokyo', '13'],
    ['ID', 'West Java', 'JB'],
    ['AE', 'Dubai', 'DU'],
    ['CN', '广东省', '44'],
  ];
  for (const [country, typed, code] of regions) {
    it(`${country}: stores region ${typed} as ${code}`, () => {
      expect(normalizeAddress({ country, name: 'A', addressLine1: 'B', region: typed }).region).to.equal(code);
    });
  }
});

describe('formatAddressLines', () => {
  it('US: city, state and ZIP on one line, the country last in capitals', () => {
    expect(
      formatAddressLines({ ...US, organization: 'Acme', addressLine2: 'Suite 5', region: 'California' }),
    ).to.deep.equal(['Jane Doe', 'Acme', '1 Market St', 'Suite 5', 'San Francisco, CA 94105', 'UNITED STATES']);
  });

  it('DE: postal code before the city', () => {
    expect(
      formatAddressLines({ country: 'DE', name: 'Max Mustermann', addressLine1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' }),
    ).to.deep.equal(['Max Mustermann', 'Unter den Linden 1', '10117 Berlin', 'GERMANY']);
  });

  it('JP in Japanese: 〒 postal code first, prefecture, street, name last', () => {
    expect(
      formatAddressLines({ country: 'JP', name: '山田太郎', addressLine1: '千代田区千代田1-1', region: 'Tokyo', postalCode: '1000001' }),
    ).to.deep.equal(['〒100-0001', '東京都', '千代田区千代田1-1', '山田太郎', 'JAPAN']);
  });

  it('JP in Latin script: name first, prefecture after the street, postal code last', () => {
    expect(
      formatAddressLines({
        country: 'JP',
        name: 'Taro Yamada',
        addressLine1: '1-1 Chiyoda, Chiyoda-ku',
        addressLine2: 'Room 201',
        region: '13',
        postalCode: '100-0001',
      }),
    ).to.deep.equal(['Taro Yamada', '1-1 Chiyoda, Chiyoda-ku', 'Room 201, Tokyo', '100-0001', 'JAPAN']);
  });

  it('JP without a postal code drops the 〒 with it', () => {
    const lines = formatAddressLines({ country: 'JP', name: '山田太郎', addressLine1: '千代田1-1', region: '13' });
    expect(lines[0]).to.equal('東京都');
  });

  it('CN in Chinese: postal code, then province, city and district on one line, name last', () => {
    expect(
      formatAddressLines({
        country: 'CN',
        name: '王伟',
        addressLine1: '人民路1号',
        city: '广州市',
        dependentLocality: '越秀区',
        region: 'Guangdong',
        postalCode: '510030',
      }),
    ).to.deep.equal(['510030', '广东省广州市越秀区', '人民路1号', '王伟', 'CHINA']);
  });

  it('CN in Latin script: name first, province and postal code last', () => {
    expect(
      formatAddressLines({
        country: 'CN',
        name: 'Wang Wei',
        addressLine1: '1 Renmin Road',
        city: 'Guangzhou',
        dependentLocality: 'Yuexiu',
        region: '44',
        postalCode: '510030',
      }),
    ).to.deep.equal(['Wang Wei', '1 Renmin Road', 'Yuexiu', 'Guangzhou', 'Guangdong, 510030', 'CHINA']);
  });

  it('keeps the literal text of the format: SINGAPORE before the code, L- in Luxembourg', () => {
    const singapore = { country: 'SG', name: 'Tan Ah Kow', addressLine1: '1 Raffles Place', postalCode: '048616' };
    expect(formatAddressLines(singapore)).to.deep.equal(['Tan Ah Kow', '1 Raffles Place', 'SINGAPORE 048616', 'SINGAPORE']);
    expect(
      formatAddressLines({ country: 'LU', name: 'Anna', addressLine1: '2 rue', city: 'Luxembourg', postalCode: 'L-2998' }),
    ).to.include('L-2998 Luxembourg');
  });

  it('drops the separator next to an empty field', () => {
    const lines = formatAddressLines({ country: 'US', name: 'A', addressLine1: 'B', region: 'NY', postalCode: '10001' });
    expect(lines).to.include('NY 10001');
  });

  it('prints a field the format does not use rather than lose it', () => {
    const lines = formatAddressLines({ country: 'AE', name: 'Ali', addressLine1: 'Villa 1', city: 'Jumeirah', region: 'DU' });
    expect(lines).to.deep.equal(['Ali', 'Villa 1', 'Dubai', 'Jumeirah', 'UNITED ARAB EMIRATES']);
  });

  it('formats a country without its own entry with the generic order', () => {
    expect(
      formatAddressLines({ country: 'RU', name: 'Ivan', addressLine1: 'Tverskaya 1', city: 'Moscow', postalCode: '125009' }),
    ).to.deep.equal(['Ivan', 'Tverskaya 1', 'Moscow', '125009', 'RUSSIA']);
  });
});

describe('countryName', () => {
  const cases: [string, string, string][] = [
    ['JP', 'en', 'Japan'],
    ['JP', 'id', 'Jepang'],
    ['DE', 'en', 'Germany'],
    ['DE', 'id', 'Jerman'],
    ['US', 'id', 'Amerika Serikat'],
    ['NL', 'id', 'Belanda'],
    ['SA', 'id', 'Arab Saudi'],
    ['sg', 'en', 'Singapore'],
  ];
  for (const [code, locale, name] of cases) {
    it(`${code} in ${locale} is ${name}`, () => {
      expect(countryName(code, locale)).to.equal(name);
    });
  }

  it('falls back to the code for one it cannot name', () => {
    expect(countryName('QZ', 'en')).to.equal('QZ');
    expect(countryName('123x', 'en')).to.equal('123X');
  });

  it('falls back to English for an invalid locale tag', () => {
    expect(countryName('JP', 'not a locale!')).to.equal('Japan');
  });
});

describe('countryOptions', () => {
  it('offers every country with its own format by default', () => {
    const codes = countryOptions('en').map((option) => option.code);
    expect(codes).to.have.members(DESTINATIONS);
  });

  for (const locale of ['en', 'id']) {
    it(`sorts by name the way ${locale} sorts`, () => {
      const names = countryOptions(locale).map((option) => option.name);
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, locale)));
    });
  }

  it('names the given codes in the buyer’s language', () => {
    expect(countryOptions('id', ['jp', 'SG', 'de', 'DE'])).to.deep.equal([
      { code: 'JP', name: 'Jepang' },
      { code: 'DE', name: 'Jerman' },
      { code: 'SG', name: 'Singapura' },
    ]);
  });
});
