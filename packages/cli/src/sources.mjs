/**
 * Reading the three inputs of a quote (catalog, exchange rates, checkout settings) from a file or
 * an http(s) URL, and turning them into core values. Every failure names the file or URL.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECB_SOURCE_NAME, loadCatalog, parseCatalogText, parseEcbXml, parseRateJson, RateSourceError } from '@mendunia/core';
import { parseCheckoutConfig } from '@mendunia/core/checkout/index.js';
import { InputError } from './errors.mjs';

/** @typedef {import('@mendunia/core').Catalog} Catalog */
/** @typedef {import('@mendunia/core').CatalogIssue} CatalogIssue */
/** @typedef {import('@mendunia/core').RateSet} RateSet */
/** @typedef {import('@mendunia/core/checkout/index.js').CheckoutConfig} CheckoutConfig */

export const FETCH_TIMEOUT_MS = 15_000;
/** Larger inputs are refused: a real catalog is far smaller, a rate table a few kB. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** @param {string} location */
export const isUrl = (location) => /^https?:\/\//i.test(location);

/** A path as given, or the path of a file: URL. */
function pathOf(/** @type {string} */ location) {
  return /^file:/i.test(location) ? fileURLToPath(location) : location;
}

/** A file or URL that could not be read; `reason` is the message without the location. */
export class ReadError extends InputError {
  /** @param {string} what  @param {string} location  @param {string} reason  @param {unknown} [cause] */
  constructor(what, location, reason, cause) {
    super(`${what} ${location} could not be read: ${reason}`, { cause });
    this.location = location;
    this.reason = reason;
  }
}

/**
 * The text of a file, or of an http(s) URL fetched with a 15 s timeout. Fails with a ReadError
 * naming the file or URL (`what` says which input it is: "catalog file", "checkout file").
 * @param {string} location
 * @param {string} what
 * @param {string} accept
 * @returns {Promise<{ text: string, contentType: string }>}
 */
export async function readText(location, what, accept) {
  /** @type {(reason: string, cause?: unknown) => ReadError} */
  const fail = (reason, cause) => new ReadError(what, location, reason, cause);
  if (isUrl(location)) return fetchText(location, accept, fail);
  const path = pathOf(location);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw fail(code === 'ENOENT' ? 'no such file' : (code ?? String(error)), error);
  }
  if (info.isDirectory()) throw fail('it is a directory, expected a file');
  if (info.size > MAX_INPUT_BYTES) throw fail(`too large (${info.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
  try {
    return { text: await readFile(path, 'utf8'), contentType: '' };
  } catch (error) {
    throw fail(/** @type {NodeJS.ErrnoException} */ (error).code ?? String(error), error);
  }
}

/**
 * @param {string} url
 * @param {string} accept
 * @param {(reason: string, cause?: unknown) => ReadError} fail
 */
async function fetchText(url, accept, fail) {
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal, headers: { accept } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw fail(`HTTP ${response.status}`);
    }
    if (Number(response.headers.get('content-length')) > MAX_INPUT_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      throw fail(`larger than ${MAX_INPUT_BYTES} bytes`);
    }
    const text = await response.text();
    if (text.length > MAX_INPUT_BYTES) throw fail(`larger than ${MAX_INPUT_BYTES} bytes`);
    return { text, contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    if (error instanceof ReadError) throw error;
    if (signal.aborted) throw fail(`no answer within ${FETCH_TIMEOUT_MS / 1000} s`, error);
    throw fail(`network error (${networkReason(error)})`, error);
  }
}

/** Node's fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND …). */
function networkReason(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return String(error);
  const cause = /** @type {{ code?: string, message?: string } | undefined} */ (error.cause);
  return cause?.message ? `${error.message}: ${cause.message}` : cause?.code ? `${error.message}: ${cause.code}` : error.message;
}

/**
 * The catalog, validated by core. Products with problems are left out by core and listed in
 * `issues`; a catalog whose top level is wrong throws CatalogError naming the source.
 * @param {string} location
 * @returns {Promise<{ catalog: Catalog, issues: readonly CatalogIssue[], source: string }>}
 */
export async function readCatalog(location) {
  if (isUrl(location)) {
    const { catalog, issues } = await loadCatalog(location, { timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_INPUT_BYTES });
    return { catalog, issues, source: location };
  }
  const { text } = await readText(location, 'catalog file', 'application/json');
  const { catalog, issues } = parseCatalogText(text, location);
  return { catalog, issues, source: location };
}

/**
 * Rates from the documented rates JSON or the ECB eurofxref XML, told apart by the content
 * (a body starting with "<" is XML), so a URL without an extension works.
 * @param {string} location
 * @returns {Promise<RateSet>}
 */
export async function readRates(location) {
  let fetched;
  try {
    fetched = await readText(location, 'rates file', 'application/json, application/xml;q=0.9, text/xml;q=0.9');
  } catch (error) {
    // Worded like core's other rate errors: "Rates from <where> could not be used: <why>".
    if (error instanceof ReadError) throw new RateSourceError(location, error.reason, { cause: error });
    throw error;
  }
  const { text, contentType } = fetched;
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new RateSourceError(location, 'the file is empty');
  if (/\btext\/html\b/i.test(contentType) || /^<(!doctype\s+html|html[\s>])/i.test(body)) {
    throw new RateSourceError(location, 'expected rates JSON or the ECB XML, got an HTML page (check the URL)');
  }
  if (body.startsWith('<') || /\bxml\b/i.test(contentType) || extname(isUrl(location) ? new URL(location).pathname : location).toLowerCase() === '.xml') {
    return parseEcbXml(body, `${ECB_SOURCE_NAME} (${location})`);
  }
  let data;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new RateSourceError(location, `expected rates JSON (docs/currencies-and-rates.md) or the ECB XML, got text that is not valid JSON (${detail})`);
  }
  return parseRateJson(data, location);
}

/**
 * The checkout settings: `--checkout` when given, else `checkout.json` beside the catalog (in
 * its folder, or at its URL's folder).
 * @param {string | undefined} location
 * @param {string} catalogLocation
 * @returns {Promise<{ config: CheckoutConfig, source: string }>}
 */
export async function readCheckout(location, catalogLocation) {
  const source = location ?? besideCatalog(catalogLocation);
  let text;
  try {
    ({ text } = await readText(source, 'checkout file', 'application/json'));
  } catch (error) {
    if (location === undefined && error instanceof ReadError) {
      throw new InputError(
        `no checkout settings: --checkout was not given and ${source} could not be read (${error.reason}); ` +
          'pass --checkout <file|url> with the shipping and tax settings (like examples/plain-html/checkout.json)',
        { cause: error },
      );
    }
    throw error;
  }
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(`checkout file ${source} is not JSON: ${detail}`);
  }
  try {
    return { config: parseCheckoutConfig(data), source };
  } catch (error) {
    // Core's message lists the fields but not the file.
    if (error instanceof Error && error.name === 'CheckoutConfigError') throw new InputError(`${source}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** checkout.json in the catalog's folder. */
function besideCatalog(/** @type {string} */ catalogLocation) {
  if (isUrl(catalogLocation)) return new URL('checkout.json', catalogLocation).href;
  return join(dirname(pathOf(catalogLocation)), 'checkout.json');
}
