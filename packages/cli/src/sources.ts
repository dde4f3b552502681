/**
 * Reading the three inputs of a quote (catalog, exchange rates, checkout settings) from a file or
 * an http(s) URL, and turning them into core values. Every failure names the file or URL.
 */
import { dirname, join } from 'node:path';
import { FetchError, type Catalog, type CatalogIssue, type RateSet } from '@mendunia/core';
import { parseCheckoutConfig, type CheckoutConfig } from '@mendunia/core/checkout/index.js';
import { describeReadError, isUrl, pathOf, readCatalogSource, readJsonSource, readRatesSource } from '@mendunia/core/node/index.js';
import { InputError } from './errors.js';

/**
 * A file or URL that could not be read, or is not JSON, worded for the person at the terminal:
 * `catalog file shop/catalog.json could not be read: no such file`.
 */
export class ReadError extends InputError {
  readonly location: string;
  readonly reason: string;
  readonly code: FetchError['code'];

  constructor(what: string, error: FetchError) {
    super(describeReadError(what, error), { cause: error });
    this.location = error.url;
    this.reason = error.reason;
    this.code = error.code;
  }
}

/**
 * The catalog, validated by core. Products with problems are left out by core and listed in
 * `issues`; a catalog whose top level is wrong throws CatalogError naming the source.
 */
export async function readCatalog(location: string): Promise<{ catalog: Catalog; issues: readonly CatalogIssue[]; source: string }> {
  try {
    const { catalog, issues } = await readCatalogSource(location);
    return { catalog, issues, source: location };
  } catch (error) {
    if (error instanceof FetchError) throw new ReadError('catalog file', error);
    throw error;
  }
}

/**
 * Rates from the documented rates JSON or the ECB eurofxref XML, told apart by the content, so a
 * URL without an extension works. Failures are core's RateSourceError naming the file or URL.
 */
export const readRates = (location: string): Promise<RateSet> => readRatesSource(location);

/**
 * The checkout settings: `--checkout` when given, else `checkout.json` beside the catalog (in
 * its folder, or at its URL's folder).
 */
export async function readCheckout(location: string | undefined, catalogLocation: string): Promise<{ config: CheckoutConfig; source: string }> {
  const source = location ?? besideCatalog(catalogLocation);
  let data: unknown;
  try {
    data = await readJsonSource(source);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const unreadable = error.code !== 'not-json' && error.code !== 'html';
    if (location === undefined && unreadable) {
      throw new InputError(
        `no checkout settings: --checkout was not given and ${source} could not be read (${error.reason}); ` +
          'pass --checkout <file|url> with the shipping and tax settings (like examples/plain-html/checkout.json)',
        { cause: error },
      );
    }
    throw new ReadError('checkout file', error);
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
function besideCatalog(catalogLocation: string): string {
  if (isUrl(catalogLocation)) return new URL('checkout.json', catalogLocation).href;
  return join(dirname(pathOf(catalogLocation)), 'checkout.json');
}
