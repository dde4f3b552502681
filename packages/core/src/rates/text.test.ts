import { expect } from '@open-wc/testing';
import { ECB_SOURCE_NAME } from './ecb.js';
import { parseRatesText, type ParseRatesTextOptions } from './text.js';
import { RateSourceError } from './types.js';

const RATES_JSON = '{"date": "2026-11-27", "rates": {"USD": "0.0000614", "SGD": 0.0000825}}';
const ECB_XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <Cube><Cube time='2026-11-27'><Cube currency='USD' rate='1.0823'/><Cube currency='IDR' rate='17612.35'/></Cube></Cube>
</gesmes:Envelope>`;

function refusal(text: string, options: ParseRatesTextOptions): RateSourceError {
  try {
    parseRatesText(text, options);
  } catch (error) {
    expect(error).to.be.instanceOf(RateSourceError);
    return error as RateSourceError;
  }
  throw new Error('expected a RateSourceError');
}

describe('parseRatesText', () => {
  it('reads rates JSON, named by its source', () => {
    const set = parseRatesText(RATES_JSON, { source: 'rates.json' });
    expect(set).to.deep.include({ base: 'IDR', date: '2026-11-27', source: 'rates.json' });
    expect(set.rates).to.deep.equal({ USD: '0.0000614', SGD: '0.0000825' });
  });

  it('reads the ECB XML, told apart by its content, named as the ECB rates', () => {
    const set = parseRatesText(ECB_XML, { source: 'https://shop.example/rates' });
    expect(set).to.deep.include({ base: 'EUR', date: '2026-11-27', source: ECB_SOURCE_NAME });
    expect(set.rates['IDR']).to.equal('17612.35');
  });

  it('accepts a byte order mark and blank lines around the text', () => {
    expect(parseRatesText(`\uFEFF\n\n${RATES_JSON}\n`, { source: 'rates.json' }).date).to.equal('2026-11-27');
    expect(parseRatesText(`\uFEFF  ${ECB_XML}`, { source: 'ecb.xml' }).base).to.equal('EUR');
  });

  const refused: readonly (readonly [string, string, ParseRatesTextOptions, string])[] = [
    ['an HTML page', '<!DOCTYPE html><html><body>Not found</body></html>', { source: 'u' }, 'expected rates JSON or the ECB XML, got HTML (check the URL)'],
    ['a body served as text/html', RATES_JSON, { source: 'u', contentType: 'text/html' }, 'expected rates JSON or the ECB XML, got HTML (check the URL)'],
    ['an HTML page where JSON was expected', '<html><body>login</body></html>', { source: 'u', format: 'json' }, 'expected JSON, got HTML (check the URL)'],
    ['an HTML page where the ECB XML was expected', '<html>', { source: 'u', format: 'ecb' }, 'expected the ECB XML, got HTML (check the URL)'],
    ['an empty body', '  \n', { source: 'u' }, 'expected rates JSON or the ECB XML, got an empty body'],
    ['broken JSON', '{"date": NaN}', { source: 'u' }, 'expected rates JSON or the ECB XML, got text that is not valid JSON ('],
    ['XML where JSON was expected', ECB_XML, { source: 'u', format: 'json' }, 'expected JSON, got text that is not valid JSON ('],
    ['JSON that is not rates', '{"products": []}', { source: 'u' }, 'date: required; rates: required'],
    ['XML that is not the ECB file', '<rates><USD>1</USD></rates>', { source: 'u' }, 'no date found'],
  ];
  for (const [what, text, options, reason] of refused) {
    it(`refuses ${what}, naming the source`, () => {
      const error = refusal(text, options);
      expect(error.source).to.equal(options.source);
      expect(error.message.startsWith(`Rates from ${options.source} could not be used: ${reason}`), error.message).to.equal(true);
    });
  }

  it('reads XML by its content type even after a byte order mark', () => {
    expect(parseRatesText(ECB_XML, { source: 'u', contentType: 'application/xml' }).base).to.equal('EUR');
  });

  it('lists every bad field of rates JSON, also as issues', () => {
    const error = refusal('{"date": "soon", "rates": {"USD": -1}}', { source: 'rates.json' });
    expect(error.issues.map((issue) => issue.path)).to.deep.equal(['date', 'rates.USD']);
  });
});
