/** Rate sources that fetch over HTTP: a merchant's rates JSON, the ECB's daily XML. */
import { DEFAULT_RATES_TIMEOUT_MS, MAX_RATES_BYTES } from '../limits.js';
import { fetchText, FetchError } from '../util/fetch.js';
import { ECB_DAILY_URL } from './ecb.js';
import { parseRatesText, type RatesFormat } from './text.js';
import { RateSourceError, type RateSet, type RateSource } from './types.js';

/** Options for sources that fetch over HTTP. */
export interface HttpSourceOptions {
  /** The fetch to use (a proxy's, a test's); default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Give up after this long; default DEFAULT_RATES_TIMEOUT_MS (10 s). */
  timeoutMs?: number;
}

const ACCEPT: Record<RatesFormat, string> = {
  json: 'application/json',
  ecb: 'application/xml, text/xml',
  auto: 'application/json, application/xml;q=0.9, text/xml;q=0.9',
};

/**
 * Rates from `url` in `format`: fetched with the rates limits (MAX_RATES_BYTES, 10 s) and read
 * by parseRatesText. Every failure but the caller's abort is a RateSourceError naming the URL.
 */
export function httpRates(url: string | URL, format: RatesFormat = 'auto', options: HttpSourceOptions = {}): RateSource {
  const id = String(url);
  return {
    id,
    async load(signal?: AbortSignal): Promise<RateSet> {
      let fetched;
      try {
        fetched = await fetchText(id, {
          accept: ACCEPT[format],
          maxBytes: MAX_RATES_BYTES,
          timeoutMs: options.timeoutMs ?? DEFAULT_RATES_TIMEOUT_MS,
          ...(options.fetch && { fetch: options.fetch }),
          ...(signal && { signal }),
        });
      } catch (error) {
        if (error instanceof FetchError) throw new RateSourceError(id, error.reason, { cause: error });
        throw error;
      }
      return parseRatesText(fetched.text, { source: id, contentType: fetched.contentType, format });
    },
  };
}

/**
 * Rates from a JSON file in the documented format (see rateJsonSchema), e.g. a merchant's
 * rates.json next to the catalog. Non-2xx, network failure, timeout, an HTML page, invalid JSON
 * or invalid rates, and bodies over MAX_RATES_BYTES become a RateSourceError naming the URL.
 */
export function jsonRates(url: string | URL, options: HttpSourceOptions = {}): RateSource {
  return httpRates(url, 'json', options);
}

/**
 * The ECB's daily rates from `url` (default ECB_DAILY_URL). The ECB sends no CORS headers, so in a
 * browser point this at a same-origin copy or proxy of the file; the default URL works from
 * servers and Node.
 */
export function ecbRates(url: string | URL = ECB_DAILY_URL, options: HttpSourceOptions = {}): RateSource {
  return httpRates(url, 'ecb', options);
}
