import { expect } from '@open-wc/testing';
import { MAX_RATES_BYTES } from '../limits.js';
import { jsonRates } from './http.js';
import { parseRateJson } from './json.js';
import { RateSourceError, type RateSet } from './types.js';

/**
 * A fixture's URL on the test server. The server's esbuild plugin (json: true, for i18n's JSON
 * imports) serves any path ending in ".json" as a JavaScript module; an encoded dot keeps the
 * plugin away while the static file server decodes it to the real file, sent as JSON.
 */
function fixtureUrl(name: string): string {
  return new URL(`./fixtures/${name.replace(/\.json$/, '%2Ejson')}`, import.meta.url).href;
}

async function failure(promise: Promise<unknown>): Promise<RateSourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(RateSourceError);
    return error as RateSourceError;
  }
  throw new Error('expected the promise to reject');
}

function refusal(run: () => unknown): RateSourceError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(RateSourceError);
    return error as RateSourceError;
  }
  throw new Error('expected a RateSourceError');
}

describe('parseRateJson', () => {
  it('reads the documented format, with numbers or decimal strings', () => {
    const set = parseRateJson(
      { base: 'IDR', date: '2026-11-27', rates: { USD: 0.0000597, SGD: '0.0000776', XAU: 3.8e-8 } },
      'https://shop.example/rates.json',
    );
    expect(set).to.deep.equal({
      base: 'IDR',
      date: '2026-11-27',
      source: 'https://shop.example/rates.json',
      // Codes we do not display (gold) are kept; they are simply never offered.
      rates: { USD: '0.0000597', SGD: '0.0000776', XAU: '0.000000038' },
    });
  });

  it('defaults the base to IDR and ignores other fields', () => {
    const set = parseRateJson({ date: '2026-11-27', rates: { USD: '0.0000614' }, note: 'from BCA' }, 'test');
    expect(set.base).to.equal('IDR');
    expect(set).not.to.have.property('note');
  });

  it('drops the base from the rates when it is given as 1', () => {
    const set = parseRateJson({ base: 'USD', date: '2026-11-27', rates: { USD: 1, IDR: '16273.5' } }, 'test');
    expect(set.rates).to.deep.equal({ IDR: '16273.5' });
  });

  const invalid: [string, unknown, string][] = [
    ['not an object', null, 'expected an object like {"date"'],
    ['an array', [], 'expected an object like {"date"'],
    ['no date', { rates: { USD: 1 } }, 'date: required'],
    ['an impossible date', { date: '2026-02-30', rates: { USD: 1 } }, 'date: expected an ISO date'],
    ['a date-time without zone', { date: '2026-11-27T10:00', rates: { USD: 1 } }, 'date: expected an ISO date'],
    ['no rates', { date: '2026-11-27' }, 'rates: required'],
    ['rates that are not an object', { date: '2026-11-27', rates: 'USD=1' }, 'rates: expected an object of rates'],
    ['empty rates', { date: '2026-11-27', rates: {} }, 'rates: expected at least one rate'],
    ['a text rate', { date: '2026-11-27', rates: { USD: 'abc' } }, 'rates.USD: expected a positive number'],
    ['a "NaN" string', { date: '2026-11-27', rates: { SGD: 'NaN' } }, 'rates.SGD: expected a positive number'],
    ['a NaN number', { date: '2026-11-27', rates: { USD: Number.NaN } }, 'rates.USD: expected a positive number'],
    ['Infinity', { date: '2026-11-27', rates: { USD: Number.POSITIVE_INFINITY } }, 'rates.USD: expected a positive number'],
    ['a negative rate', { date: '2026-11-27', rates: { USD: -0.00006 } }, 'rates.USD: expected a positive number'],
    ['a zero rate', { date: '2026-11-27', rates: { USD: '0' } }, 'rates.USD: expected a positive number'],
    ['null', { date: '2026-11-27', rates: { USD: null } }, 'rates.USD: expected a positive number'],
    ['a boolean', { date: '2026-11-27', rates: { USD: true } }, 'rates.USD: expected a positive number'],
    ['a lower-case code', { date: '2026-11-27', rates: { usd: 1 } }, 'rates.usd: expected a 3-letter upper-case ISO 4217 code'],
    ['a 4-letter code', { date: '2026-11-27', rates: { USDT: 1 } }, 'rates.USDT: expected a 3-letter'],
    ['a lower-case base', { base: 'usd', date: '2026-11-27', rates: { IDR: 1 } }, 'base: expected a 3-letter'],
    ['a base rate other than 1', { base: 'USD', date: '2026-11-27', rates: { USD: 2, IDR: 16000 } }, "rates.USD: the base currency's rate must be 1, got 2"],
    ['a USD table without IDR', { base: 'USD', date: '2026-11-27', rates: { SGD: 1.34 } }, 'rates.IDR: missing'],
  ];
  for (const [name, data, reason] of invalid) {
    it(`refuses ${name}, naming the field`, () => {
      const error = refusal(() => parseRateJson(data, 'https://shop.example/rates.json'));
      expect(error.source).to.equal('https://shop.example/rates.json');
      expect(error.message).to.contain(`Rates from https://shop.example/rates.json could not be used: ${reason}`);
    });
  }
});

describe('jsonRates (against the test server)', () => {
  it('loads rates.json', async () => {
    const url = fixtureUrl('rates.json');
    const source = jsonRates(url);
    expect(source.id).to.equal(url);
    const set: RateSet = await source.load();
    expect(set.base).to.equal('IDR');
    expect(set.date).to.equal('2026-11-27');
    expect(set.source).to.equal(url);
    expect(set.rates['USD']).to.equal('0.0000614');
    expect(set.rates['SGD']).to.equal('0.0000825');
    expect(Object.keys(set.rates)).to.have.length(6);
  });

  it('loads a USD-based table with a date-time', async () => {
    const set = await jsonRates(new URL(fixtureUrl('usd-base.json'))).load();
    expect(set.base).to.equal('USD');
    expect(set.date).to.equal('2026-11-27T09:00:00Z');
    expect(set.rates['IDR']).to.equal('16273.5');
  });

  const failures: [string, string, string][] = [
    ['an HTML page served as .json (SPA fallback)', fixtureUrl('html-instead-of-json.json'), 'expected JSON, got HTML'],
    ['NaN written by a Python script (not JSON)', fixtureUrl('nan.json'), 'expected JSON, got text that is not valid JSON'],
    ['a rate that is not a number', fixtureUrl('bad-rate.json'), 'rates.SGD: expected a positive number'],
    ['a missing file', fixtureUrl('no-such-rates.json'), 'HTTP 404'],
    ['an XML file', new URL('./fixtures/eurofxref-daily.xml', import.meta.url).href, 'expected JSON, got text that is not valid JSON'],
    ['an unreachable server', 'http://127.0.0.1:9/rates.json', 'network error'],
  ];
  for (const [name, url, reason] of failures) {
    it(`fails with a RateSourceError for ${name}`, async () => {
      const error = await failure(jsonRates(url).load());
      expect(error.source).to.equal(url);
      expect(error.message).to.contain(`Rates from ${url} could not be used: ${reason}`);
    });
  }

  it('gives up after timeoutMs on a slow network', async () => {
    const url = fixtureUrl('rates.json');
    // The real fetch, behind a network that answers only after 2 s (unless aborted).
    const slowFetch: typeof fetch = (input, init) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 2000);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason);
        });
      }).then(() => fetch(input, init));
    const started = performance.now();
    const error = await failure(jsonRates(url, { fetch: slowFetch, timeoutMs: 50 }).load());
    expect(error.message).to.contain('no answer within 0.05 s');
    expect(performance.now() - started).to.be.lessThan(1500);
  });

  it("rejects with the caller's abort reason, not a RateSourceError", async () => {
    const controller = new AbortController();
    const reason = new DOMException('left the page', 'AbortError');
    const loading = jsonRates(fixtureUrl('rates.json')).load(controller.signal);
    controller.abort(reason);
    let caught: unknown;
    await loading.catch((error: unknown) => (caught = error));
    expect(caught).to.equal(reason);
  });

  it('uses the fetch it is given (a proxy, a worker fetch)', async () => {
    const seen: string[] = [];
    const tracingFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    const url = fixtureUrl('rates.json');
    await jsonRates(url, { fetch: tracingFetch }).load();
    expect(seen).to.deep.equal([url]);
  });

  describe('body size limit', () => {
    const big = 'x'.repeat(MAX_RATES_BYTES + 1);
    // A real Response with a streamed body, as a server without Content-Length would send it.
    const streamed: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            const chunk = new TextEncoder().encode(big.slice(0, 64 * 1024));
            for (let sent = 0; sent <= MAX_RATES_BYTES; sent += chunk.byteLength) controller.enqueue(chunk);
            controller.close();
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    const declared: typeof fetch = async () =>
      new Response(big, { headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });

    for (const [name, fetchImpl] of [['streamed', streamed], ['declared', declared]] as const) {
      it(`refuses a body over 1 MB (${name})`, async () => {
        const error = await failure(jsonRates('https://shop.example/rates.json', { fetch: fetchImpl }).load());
        expect(error.reason).to.match(new RegExp(`^too large \\((${big.length} bytes; the limit is|more than) ${MAX_RATES_BYTES} bytes\\)$`));
      });
    }
  });
});
