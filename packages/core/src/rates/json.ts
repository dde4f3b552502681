import * as v from 'valibot';
import { decimalString, parseDecimal } from '../money/decimal.js';
import { parseRateDate } from './staleness.js';
import { finishRateSet, RateSourceError, type RateSet, type RateSource } from './types.js';

const POSITIVE = 'expected a positive number';
const CODE = 'expected a 3-letter upper-case ISO 4217 code such as USD';
const DATE = 'expected an ISO date such as 2026-11-27 (or a date-time with a zone, 2026-11-27T16:00:00Z)';

function isPositiveDecimal(text: string): boolean {
  try {
    return parseDecimal(text).n > 0n;
  } catch {
    return false;
  }
}

const currencyCode = v.pipe(v.string(CODE), v.regex(/^[A-Z]{3}$/, CODE));

/**
 * The documented rates JSON:
 * `{ "base": "IDR", "date": "2026-11-27", "rates": { "USD": 0.0000597, "SGD": "0.0000776" } }`.
 * `base` defaults to IDR; rates are units per 1 base, as positive numbers or decimal strings;
 * keys are upper-case 3-letter codes (codes we do not display are kept, just not offered).
 */
export const rateJsonSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    'expected an object like {"date": "2026-11-27", "rates": {"USD": 0.0000597}}',
  ),
  v.object(
    {
      base: v.optional(currencyCode, 'IDR'),
      date: v.pipe(v.string(DATE), v.check((text) => parseRateDate(text) !== undefined, DATE)),
      rates: v.pipe(
        v.record(
          currencyCode,
          v.union(
            [
              v.pipe(v.number(POSITIVE), v.finite(POSITIVE), v.gtValue(0, POSITIVE)),
              v.pipe(v.string(POSITIVE), v.check(isPositiveDecimal, POSITIVE)),
            ],
            POSITIVE,
          ),
          'expected an object of rates such as {"USD": 0.0000597}',
        ),
        v.check((rates) => Object.keys(rates).length > 0, 'expected at least one rate'),
      ),
    },
    // valibot reports a missing key with the object's message: "date: required".
    'required',
  ),
);

/**
 * Validates rates JSON (already parsed) into a RateSet whose `source` is `source`. Numbers become
 * exact decimal strings. Throws RateSourceError naming the field: `rates.USD: expected a positive
 * number`.
 */
export function parseRateJson(data: unknown, source: string): RateSet {
  const result = v.safeParse(rateJsonSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    throw new RateSourceError(source, path ? `${path}: ${issue.message}` : issue.message);
  }
  const { base, date } = result.output;
  const rates: Record<string, string> = {};
  for (const [code, value] of Object.entries(result.output.rates)) {
    const text = decimalString(value);
    if (code !== base) rates[code] = text;
    else if (text !== '1') {
      throw new RateSourceError(source, `rates.${code}: the base currency's rate must be 1, got ${text}`);
    }
  }
  return finishRateSet({ base, date, rates, source }, source);
}

/** Options for sources that fetch over HTTP. */
export interface HttpSourceOptions {
  /** The fetch to use (a proxy's, a test's); default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Give up after this long; default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_RATE_TIMEOUT_MS = 10_000;
/** Rate bodies larger than this are refused: a real table is a few kB. */
export const MAX_RATE_BODY_BYTES = 1_000_000;

async function readLimited(response: Response, source: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => new RateSourceError(source, `response larger than ${MAX_RATE_BODY_BYTES / 1_000_000} MB refused`);
  if (declared > MAX_RATE_BODY_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  // Streamed with a running count: Content-Length can be absent or wrong.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RATE_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** A fetched body and its content type. */
export interface FetchedText {
  readonly text: string;
  readonly contentType: string;
}

/**
 * GETs `url` as text for a rate source. Every failure but the caller's own abort becomes a
 * RateSourceError naming `url`: HTTP status, network failure, timeout, oversized body.
 */
export async function fetchRateText(
  url: string,
  accept: string,
  options: HttpSourceOptions,
  signal?: AbortSignal,
): Promise<FetchedText> {
  signal?.throwIfAborted();
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_RATE_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    const response = await fetchImpl(url, { signal: controller.signal, headers: { accept } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new RateSourceError(url, `HTTP ${response.status}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    return { text: await readLimited(response, url), contentType };
  } catch (error) {
    if (error instanceof RateSourceError) throw error;
    // The caller gave up: not the source's fault, so no error about the source.
    if (signal?.aborted) throw signal.reason;
    if (timedOut) throw new RateSourceError(url, `no answer within ${timeoutMs / 1000} s`, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    // Browsers report unreachable hosts, offline and CORS refusals alike ("Failed to fetch").
    throw new RateSourceError(url, `network error (${detail}): offline, unreachable, or blocked by CORS`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/** True when a body meant as data is an HTML page (an SPA fallback, a login or error page). */
export function looksLikeHtml(fetched: FetchedText): boolean {
  return /\btext\/html\b/i.test(fetched.contentType) || /^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(fetched.text);
}

/**
 * Rates from a JSON file in the documented format (see rateJsonSchema), e.g. a merchant's
 * rates.json next to the catalog. Non-2xx, network failure, timeout, an HTML page, invalid JSON
 * or invalid rates, and bodies over 1 MB become a RateSourceError naming the URL.
 */
export function jsonRates(url: string | URL, options: HttpSourceOptions = {}): RateSource {
  const id = String(url);
  return {
    id,
    async load(signal?: AbortSignal): Promise<RateSet> {
      const fetched = await fetchRateText(id, 'application/json', options, signal);
      if (looksLikeHtml(fetched)) throw new RateSourceError(id, 'expected JSON, got HTML');
      if (fetched.text.trim() === '') throw new RateSourceError(id, 'expected JSON, got an empty body');
      let data: unknown;
      try {
        data = JSON.parse(fetched.text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new RateSourceError(id, `expected JSON, got text that is not valid JSON (${detail})`);
      }
      return parseRateJson(data, id);
    },
  };
}
