/**
 * The one reader of rates text, wherever it came from: a fetch in the browser (jsonRates,
 * ecbRates), a file or URL read by the server or the quote CLI (`@mendunia/core/node/index.js`).
 */
import { looksLikeHtml } from '../util/fetch.js';
import { ECB_SOURCE_NAME, readEcbXml } from './ecb.js';
import { parseRateJson } from './json.js';
import { RateSourceError, type RateSet } from './types.js';

/** `json`: the documented rates JSON; `ecb`: the ECB eurofxref XML; `auto`: told apart by content. */
export type RatesFormat = 'json' | 'ecb' | 'auto';

export interface ParseRatesTextOptions {
  /** Where the text came from (URL, file path): names it in errors, and is JSON rates' `source`. */
  readonly source: string;
  /** The Content-Type it came with, if any: `text/html` is refused, an XML type means ECB. */
  readonly contentType?: string;
  /** Default 'auto'. */
  readonly format?: RatesFormat;
}

const EXPECTED: Record<RatesFormat, string> = {
  json: 'JSON',
  ecb: 'the ECB XML',
  auto: 'rates JSON or the ECB XML',
};

/**
 * Rates text → RateSet. With `format: 'auto'` a body starting with "<" (or served as XML) is read
 * as the ECB file, anything else as rates JSON, so a URL without an extension works. An HTML page
 * (a wrong URL, an SPA fallback, a login page), an empty body and broken JSON are refused with a
 * RateSourceError naming `source`. ECB rates are named ECB_SOURCE_NAME; JSON rates `source`.
 */
export function parseRatesText(text: string, options: ParseRatesTextOptions): RateSet {
  const { source, contentType = '' } = options;
  const requested = options.format ?? 'auto';
  const fail = (reason: string, cause?: unknown) =>
    new RateSourceError(source, reason, cause === undefined ? {} : { cause });
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw fail(`expected ${EXPECTED[requested]}, got an empty body`);
  if (looksLikeHtml(body, contentType)) throw fail(`expected ${EXPECTED[requested]}, got HTML (check the URL)`);

  const format = requested !== 'auto' ? requested : body.startsWith('<') || /\bxml\b/i.test(contentType) ? 'ecb' : 'json';
  if (format === 'ecb') return readEcbXml(body, source, ECB_SOURCE_NAME);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fail(`expected ${EXPECTED[requested]}, got text that is not valid JSON (${detail})`, error);
  }
  return parseRateJson(data, source);
}
