/**
 * The shop's inputs: catalog, checkout settings and exchange rates, each from a file or an
 * http(s) URL, parsed by @mendunia/core (the same way the `mendunia quote` command reads them).
 * Rates from a URL are refreshed on a schedule and cached in the data directory with their date,
 * so a restart without network still has the last good table and says how old it is.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FetchError, RateSourceError } from '@mendunia/core';
import { parseCheckoutConfig } from '@mendunia/core/checkout/index.js';
import { describeReadError, isUrl, readCatalogSource, readJsonSource, readRatesSource } from '@mendunia/core/node/index.js';

import type { RateSet } from '@mendunia/core';
import type { CheckoutConfig } from '@mendunia/core/checkout/index.js';

export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/**
 * A SourceError worded by core for a FetchError (`catalog file x could not be read: no such file`);
 * any other error unchanged.
 */
function asSourceError(what: string, error: unknown) {
  return error instanceof FetchError ? new SourceError(describeReadError(what, error), { cause: error }) : error;
}

/**
 * The catalog, validated by core. Products with errors are left out by core and reported in
 * `issues` (the server logs them at start).
 */
export async function loadCatalog(location: string) {
  try {
    return await readCatalogSource(location);
  } catch (error) {
    throw asSourceError('catalog file', error);
  }
}

export async function loadCheckout(location: string): Promise<CheckoutConfig> {
  let data;
  try {
    data = await readJsonSource(location);
  } catch (error) {
    throw asSourceError('checkout file', error);
  }
  try {
    return parseCheckoutConfig(data);
  } catch (error) {
    throw new SourceError(`${location}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Exchange rates with their date. A file is read once; a URL is fetched at start and every
 * `refreshMs`, the last good table kept in `<dataDir>/rates-cache.json` and used when the
 * source cannot be reached.
 */
export class RatesProvider {
  location: string | undefined;
  cacheFile: string;
  refreshMs: number;
  log: (message: string) => void;
  /** The rates in use; undefined until some were read. */
  current: RateSet | undefined;
  /** Why the rates are missing or old, for the log and GET /api/health. */
  lastError: string | undefined;
  timer: NodeJS.Timeout | undefined;

  constructor(options: { location: string | undefined, dataDir: string, refreshMs: number, log?: (message: string) => void }) {
    this.location = options.location;
    this.cacheFile = join(options.dataDir, 'rates-cache.json');
    this.refreshMs = options.refreshMs;
    this.log = options.log ?? (() => undefined);
    this.current = undefined;
    this.lastError = undefined;
    this.timer = undefined;
  }

  /** Loads the rates once; for a URL also starts the refresh timer. */
  async start() {
    if (!this.location) {
      this.lastError = 'no rates configured (MENDUNIA_RATES): import duties and taxes are not estimated';
      return;
    }
    if (!isUrl(this.location)) {
      this.current = { ...(await readRatesSource(this.location)), fetchedAt: new Date().toISOString() };
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
    const location = this.location as string;
    try {
      const set = { ...(await readRatesSource(location)), fetchedAt: new Date().toISOString() };
      this.current = set;
      this.lastError = undefined;
      const temp = `${this.cacheFile}.tmp`;
      await writeFile(temp, JSON.stringify({ location, set }));
      await rename(temp, this.cacheFile);
    } catch (error) {
      // A source that cannot be reached is said like the other inputs ("rates <url> could not be
      // read: …"); rates that came but are wrong keep core's wording ("Rates from … could not be used").
      const cause = error instanceof RateSourceError ? error.cause : undefined;
      this.lastError = cause instanceof FetchError ? describeReadError('rates', cause) : (error as Error).message;
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
