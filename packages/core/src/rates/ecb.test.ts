import { expect } from '@open-wc/testing';
import { convertIdr } from '../money/convert.js';
import { ECB_DAILY_URL, ECB_SOURCE_NAME, parseEcbXml, USD_PEGS } from './ecb.js';
import { ecbRates } from './http.js';
import { RateSourceError } from './types.js';

const daily = new URL('./fixtures/eurofxref-daily.xml', import.meta.url).href;
const twoDays = new URL('./fixtures/eurofxref-hist-2days.xml', import.meta.url).href;

const ECB_CURRENCIES =
  'USD JPY CZK DKK GBP HUF PLN RON SEK CHF ISK NOK TRY AUD BRL CAD CNY HKD IDR ILS INR KRW MXN MYR NZD PHP SGD THB ZAR';

const envelope = (cubes: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>${cubes}</Cube>
</gesmes:Envelope>`;

function refusal(run: () => unknown): RateSourceError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(RateSourceError);
    return error as RateSourceError;
  }
  throw new Error('expected a RateSourceError');
}

describe('parseEcbXml', () => {
  let xml: string;
  before(async () => {
    xml = await (await fetch(daily)).text();
  });

  it('reads the daily file: base EUR, its date, every currency', () => {
    const set = parseEcbXml(xml);
    expect(set.base).to.equal('EUR');
    expect(set.date).to.equal('2026-11-27');
    expect(set.source).to.equal(ECB_SOURCE_NAME);
    for (const code of ECB_CURRENCIES.split(' ')) expect(set.rates, code).to.have.property(code);
    expect(set.rates['USD']).to.equal('1.0823');
    expect(set.rates['IDR']).to.equal('17612.35');
    expect(set.rates['SEK']).to.equal('11.3540');
  });

  it('adds the US dollar pegs, exactly, from the USD rate', () => {
    const set = parseEcbXml(xml);
    expect(USD_PEGS['SAR']?.rate).to.equal('3.75');
    expect(USD_PEGS['AED']?.rate).to.equal('3.6725');
    expect(set.rates['SAR']).to.equal('4.058625'); // 1.0823 × 3.75
    expect(set.rates['AED']).to.equal('3.97474675'); // 1.0823 × 3.6725
    expect(Object.keys(set.rates)).to.have.length(29 + 2);
  });

  it('leaves out what the ECB does not publish and is not pegged', () => {
    const set = parseEcbXml(xml);
    for (const code of ['TWD', 'VND', 'KWD', 'EUR']) expect(set.rates, code).not.to.have.property(code);
  });

  it('converts rupiah like the published cross rate (about 16,273 IDR per USD)', () => {
    const set = parseEcbXml(xml);
    expect(convertIdr(16273, 'USD', set)).to.deep.equal({ amount: 100, currency: 'USD' });
    // 4 US$ at the 3.75 peg
    expect(convertIdr(16273 * 4, 'SAR', set)).to.deep.equal({ amount: 1500, currency: 'SAR' });
  });

  it('names the source it is given', () => {
    expect(parseEcbXml(xml, 'https://shop.example/ecb.xml').source).to.equal('https://shop.example/ecb.xml');
  });

  const variants: [string, string, Record<string, string>][] = [
    [
      'double quotes and attributes in any order',
      `<Cube time="2026-11-27"><Cube rate="1.0823" currency="USD"/><Cube currency="IDR" rate="17612.35" /></Cube>`,
      { USD: '1.0823', IDR: '17612.35', SAR: '4.058625', AED: '3.97474675' },
    ],
    [
      'no USD: no pegs',
      `<Cube time='2026-11-27'><Cube currency='IDR' rate='17612.35'/></Cube>`,
      { IDR: '17612.35' },
    ],
    [
      'a published SAR is kept',
      `<Cube time='2026-11-27'><Cube currency='USD' rate='1'/><Cube currency='SAR' rate='3.76'/><Cube currency='IDR' rate='17612.35'/></Cube>`,
      { USD: '1', SAR: '3.76', AED: '3.6725', IDR: '17612.35' },
    ],
    [
      'commented-out rates are ignored',
      `<Cube time='2026-11-27'><!-- <Cube currency='GBP' rate='0.8'/> --><Cube currency='IDR' rate='17612.35'/></Cube>`,
      { IDR: '17612.35' },
    ],
  ];
  for (const [name, cubes, rates] of variants) {
    it(`reads ${name}`, () => expect(parseEcbXml(envelope(cubes)).rates).to.deep.equal(rates));
  }

  const invalid: [string, string, string][] = [
    ['an HTML page', '<!DOCTYPE html><html><body>Maintenance</body></html>', 'expected the ECB XML, got HTML'],
    ['an empty body', '', 'no date found'],
    ['no date', envelope(`<Cube currency='USD' rate='1.0823'/>`), 'no date found'],
    ['a bad date', envelope(`<Cube time='27.11.2026'><Cube currency='IDR' rate='1'/></Cube>`), 'time="27.11.2026"'],
    ['no rates', envelope(`<Cube time='2026-11-27'></Cube>`), 'no rates found for 2026-11-27'],
    ['a rate that is not a number', envelope(`<Cube time='2026-11-27'><Cube currency='USD' rate='n/a'/></Cube>`), 'rates.USD: expected a positive number, got "n/a"'],
    ['a zero rate', envelope(`<Cube time='2026-11-27'><Cube currency='USD' rate='0'/></Cube>`), 'rates.USD: expected a positive number'],
    ['a bad currency code', envelope(`<Cube time='2026-11-27'><Cube currency='us dollar' rate='1'/></Cube>`), 'currency="us dollar"'],
    ['no IDR', envelope(`<Cube time='2026-11-27'><Cube currency='USD' rate='1.0823'/></Cube>`), 'rates.IDR: missing'],
  ];
  for (const [name, text, reason] of invalid) {
    it(`refuses ${name}`, () => {
      const error = refusal(() => parseEcbXml(text));
      expect(error.message).to.contain(`Rates from ${ECB_SOURCE_NAME} could not be used: ${reason}`);
    });
  }
});

describe('ecbRates (against the test server)', () => {
  it('defaults to the ECB daily file', () => {
    expect(ECB_DAILY_URL).to.equal('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml');
    expect(ecbRates().id).to.equal(ECB_DAILY_URL);
  });

  it('loads a same-origin copy of the daily file', async () => {
    const source = ecbRates(daily);
    expect(source.id).to.equal(daily);
    const set = await source.load();
    expect(set.source).to.equal(ECB_SOURCE_NAME);
    expect(set.date).to.equal('2026-11-27');
    expect(set.rates['IDR']).to.equal('17612.35');
  });

  it('takes the newest day of a multi-day file', async () => {
    const set = await ecbRates(new URL(twoDays)).load();
    expect(set.date).to.equal('2026-11-27');
    expect(set.rates['USD']).to.equal('1.0823');
    expect(set.rates).not.to.have.property('SGD'); // only in the older day
  });

  const failures: [string, string, string][] = [
    ['a missing file', new URL('./fixtures/no-such-file.xml', import.meta.url).href, 'HTTP 404'],
    [
      'an HTML page',
      new URL('./fixtures/html-instead-of-json%2Ejson', import.meta.url).href,
      'expected the ECB XML, got HTML',
    ],
    ['an unreachable server', 'http://127.0.0.1:9/eurofxref-daily.xml', 'network error'],
  ];
  for (const [name, url, reason] of failures) {
    it(`fails with a RateSourceError naming the URL for ${name}`, async () => {
      let caught: unknown;
      await ecbRates(url).load().catch((error: unknown) => (caught = error));
      expect(caught).to.be.instanceOf(RateSourceError);
      expect((caught as RateSourceError).message).to.contain(`Rates from ${url} could not be used: ${reason}`);
    });
  }
});
