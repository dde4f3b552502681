/// <reference types="node" />
/**
 * Reading a shop's inputs (catalog, checkout settings, exchange rates) from a file path, a file:
 * URL or an http(s) URL with the same caps and the same FetchError as core's fetchText, then
 * parsing them by the same core functions the browser uses. Part of the Node entry (index.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../catalog/load.js';
import { parseCatalogText, type ParsedCatalog } from '../catalog/parse.js';
import { DEFAULT_RATES_TIMEOUT_MS, MAX_RATES_BYTES, MAX_SOURCE_BYTES } from '../limits.js';
import { ECB_SOURCE_NAME } from '../rates/ecb.js';
import { parseRatesText } from '../rates/text.js';
import { RateSourceError, type RateSet } from '../rates/types.js';
import { fetchText, FetchError, parseJsonText, type FetchedText, type FetchOptions } from '../util/fetch.js';

export type ReadSourceOptions = Pick<FetchOptions, 'fetch' | 'signal' | 'timeoutMs' | 'maxBytes' | 'accept'>;

/** True for an http(s) URL; anything else is a file path or a file: URL. */
export const isUrl = (location: string): boolean => /^https?:\/\//i.test(location);

/** A path as given, or the path of a file: URL. */
export function pathOf(location: string): string {
  return /^file:/i.test(location) ? fileURLToPath(location) : location;
}

/**
 * The text of a file or of an http(s) URL. A URL goes through fetchText (timeout, byte cap); a
 * file is refused before reading when it is larger than `maxBytes` (default MAX_SOURCE_BYTES).
 * Failures are FetchErrors naming the location: for files `not-found`, `not-a-file`,
 * `too-large` or `unreadable` (with the system's code, e.g. EACCES). A file's `status` is 0.
 */
export async function readSource(location: string, options: ReadSourceOptions = {}): Promise<FetchedText> {
  if (isUrl(location)) return fetchText(location, options);
  const path = pathOf(location);
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const fileError = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new FetchError('not-found', location, { cause: error });
    if (code === 'EISDIR') return new FetchError('not-a-file', location, { cause: error });
    return new FetchError('unreadable', location, { detail: code ?? String(error), cause: error });
  };
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new FetchError('not-a-file', location);
    size = info.size;
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw fileError(error);
  }
  if (size > maxBytes) throw new FetchError('too-large', location, { size, maxBytes });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(error);
  }
  // It may have grown since stat().
  if (bytes.byteLength > maxBytes) throw new FetchError('too-large', location, { size: bytes.byteLength, maxBytes });
  return { text: bytes.toString('utf8'), contentType: '', url: location, status: 0 };
}

/** readSource, then the text as JSON: also fails with `html` (a web page) or `not-json`. */
export async function readJsonSource(location: string, options: ReadSourceOptions = {}): Promise<unknown> {
  const read = await readSource(location, { accept: 'application/json', ...options });
  return parseJsonText(read.text, location, read.contentType);
}

/**
 * A catalog from a file or URL, validated by core: products with problems are left out and listed
 * in `issues`. A URL is loaded by loadCatalog (relative image paths become absolute against it)
 * and fails with a CatalogError; a file that cannot be read fails with a FetchError, one that is
 * not a catalog with a CatalogError.
 */
export async function readCatalogSource(location: string, options: ReadSourceOptions = {}): Promise<ParsedCatalog> {
  if (isUrl(location)) return loadCatalog(location, options);
  const { text } = await readSource(location, options);
  return parseCatalogText(text, location);
}

/**
 * Exchange rates from a file or URL: the documented rates JSON or the ECB eurofxref XML, told
 * apart by their content (parseRatesText), read with the rates limits (MAX_RATES_BYTES, 10 s).
 * ECB rates are named `ECB euro reference rates (<location>)`, JSON rates `<location>`.
 * Every failure is a RateSourceError: `Rates from <location> could not be used: <why>`.
 */
export async function readRatesSource(location: string, options: ReadSourceOptions = {}): Promise<RateSet> {
  let read: FetchedText;
  try {
    read = await readSource(location, {
      accept: 'application/json, application/xml;q=0.9, text/xml;q=0.9',
      maxBytes: MAX_RATES_BYTES,
      timeoutMs: DEFAULT_RATES_TIMEOUT_MS,
      ...options,
    });
  } catch (error) {
    if (error instanceof FetchError) throw new RateSourceError(location, error.reason, { cause: error });
    throw error;
  }
  const set = parseRatesText(read.text, { source: location, contentType: read.contentType });
  // A server or a quote says which copy of the ECB file its rates came from.
  return set.source === ECB_SOURCE_NAME ? Object.freeze({ ...set, source: `${ECB_SOURCE_NAME} (${location})` }) : set;
}

/**
 * One sentence for a FetchError from readSource or readJsonSource, saying which input it was:
 * `catalog file shop/catalog.json could not be read: no such file`,
 * `checkout file checkout.json is not JSON: Unexpected token …`.
 */
export function describeReadError(what: string, error: FetchError): string {
  const unreadable = error.code !== 'not-json' && error.code !== 'html';
  return `${what} ${error.url} ${unreadable ? 'could not be read: ' : 'is '}${error.reason}`;
}
