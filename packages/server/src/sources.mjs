/**
 * The shop's inputs: catalog, checkout settings and exchange rates, each from a file or an
 * http(s) URL, parsed by @mendunia/core (the same way the `mendunia quote` command reads them).
 * Rates from a URL are refreshed on a schedule and cached in the data directory with their date,
 * so a restart without network still has the last good table and says how old it is.
 */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ECB_SOURCE_NAME, parseCatalogText, parseEcbXml, parseRateJson, RateSourceError } from '@mendunia/core';
import { parseCheckoutConfig } from '@mendunia/core/checkout/index.js';

/** @typedef {import('@mendunia/core').Catalog} Catalog */
/** @typedef {import('@mendunia/core').RateSet} RateSet */
/** @typedef {import('@mendunia/core/checkout/index.js').CheckoutConfig} CheckoutConfig */

export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export class SourceError extends Error {
  /** @param {string} message  @param {{ cause?: unknown }} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/** @param {string} location */
const isUrl = (location) => /^https?:\/\//i.test(location);

/**
 * @param {string} location
 * @param {string} what   "catalog file", "checkout file", "rates"
 * @returns {Promise<{ text: string, contentType: string }>}
 */
async function readText(location, what) {
  if (isUrl(location)) {
    let response;
    try {
      response = await fetch(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json, application/xml;q=0.9' } });
    } catch (error) {
      throw new SourceError(`${what} ${location} could not be read: ${/** @type {Error} */ (error).message}`, { cause: error });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new SourceError(`${what} ${location} could not be read: HTTP ${response.status}`);
    }
    const text = await response.text();
    if (text.length > MAX_INPUT_BYTES) throw new SourceError(`${what} ${location} is larger than ${MAX_INPUT_BYTES} bytes`);
    return { text, contentType: response.headers.get('content-type') ?? '' };
  }
  try {
    const info = await stat(location);
    if (info.size > MAX_INPUT_BYTES) throw new SourceError(`${what} ${location} is too large (${info.size} bytes)`);
    return { text: await readFile(location, 'utf8'), contentType: '' };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw new SourceError(`${what} ${location} could not be read: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`, { cause: error });
  }
}

/**
 * The catalog, validated by core. Products with errors are left out by core and reported in
 * `issues` (the server logs them at start).
 * @param {string} location
 */
export async function loadCatalog(location) {
  const { text } = await readText(location, 'catalog file');
  return parseCatalogText(text, location);
}

/** @param {string} location @returns {Promise<CheckoutConfig>} */
export async function loadCheckout(location) {
  const { text } = await readText(location, 'checkout file');
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SourceError(`checkout file ${location} is not JSON: ${/** @type {Error} */ (error).message}`);
  }
  try {
    return parseCheckoutConfig(data);
  } catch (error) {
    throw new SourceError(`${location}: ${/** @type {Error} */ (error).message}`, { cause: error });
  }
}

/**
 * Rates JSON (docs/currencies-and-rates.md) or the ECB's eurofxref XML, told apart by content.
 * @param {string} text  @param {string} contentType  @param {string} location
 * @returns {RateSet}
 */
export function parseRatesText(text, contentType, location) {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new RateSourceError(location, 'the file is empty');
  const path = isUrl(location) ? new URL(location).pathname : location;
  if (body.startsWith('<') || /\bxml\b/i.test(contentType) || extname(path).toLowerCase() === '.xml') {
    return parseEcbXml(body, `${ECB_SOURCE_NAME} (${location})`);
  }
  let data;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new RateSourceError(location, `expected rates JSON or the ECB XML: ${/** @type {Error} */ (error).message}`);
  }
  return parseRateJson(data, location);
}

/**
 * Exchange rates with their date. A file is read once; a URL is fetched at start and every
 * `refreshMs`, the last good table kept in `<dataDir>/rates-cache.json` and used when the
 * source cannot be reached.
 */
export class RatesProvider {
  /**
   * @param {{ location: string | undefined, dataDir: string, refreshMs: number, log?: (message: string) => void }} options
   */
  constructor(options) {
    this.location = options.location;
    this.cacheFile = join(options.dataDir, 'rates-cache.json');
    this.refreshMs = options.refreshMs;
    this.log = options.log ?? (() => undefined);
    /** @type {RateSet | undefined} */
    this.current = undefined;
    /** @type {string | undefined} */
    this.lastError = undefined;
    /** @type {NodeJS.Timeout | undefined} */
    this.timer = undefined;
  }

  /** Loads the rates once; for a URL also starts the refresh timer. */
  async start() {
    if (!this.location) {
      this.lastError = 'no rates configured (MENDUNIA_RATES): import duties and taxes are not estimated';
      return;
    }
    if (!isUrl(this.location)) {
      const { text, contentType } = await readText(this.location, 'rates file');
      this.current = { ...parseRatesText(text, contentType, this.location), fetchedAt: new Date().toISOString() };
      return;
    }
    await this.readCache();
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh() {
    const location = /** @type {string} */ (this.location);
    try {
      const { text, contentType } = await readText(location, 'rates');
      const set = { ...parseRatesText(text, contentType, location), fetchedAt: new Date().toISOString() };
      this.current = set;
      this.lastError = undefined;
      const temp = `${this.cacheFile}.tmp`;
      await writeFile(temp, JSON.stringify({ location, set }));
      await rename(temp, this.cacheFile);
    } catch (error) {
      this.lastError = /** @type {Error} */ (error).message;
      this.log(`rates: ${this.lastError}${this.current ? ` (keeping the rates of ${this.current.date})` : ''}`);
    }
  }

  async readCache() {
    try {
      const cached = JSON.parse(await readFile(this.cacheFile, 'utf8'));
      if (cached.location === this.location && cached.set) this.current = Object.freeze({ ...cached.set, rates: Object.freeze({ ...cached.set.rates }) });
    } catch {
      // No cache yet, or an unreadable one: the refresh below decides.
    }
  }
}
