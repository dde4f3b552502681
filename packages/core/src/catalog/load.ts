/**
 * Fetches a catalog over HTTP. Every failure a shop owner can cause (wrong URL, HTML error page,
 * file too big, server down) becomes a CatalogError that names the URL, so the console says
 * which file to fix. Cancellation by the caller is not an error and is passed through unchanged.
 */
import { absoluteUrl, fetchText, FetchError, type FetchOptions } from '../util/fetch.js';
import { parseCatalogText, type ParsedCatalog } from './parse.js';
import { catalogError } from './types.js';

export type LoadCatalogOptions = Pick<FetchOptions, 'fetch' | 'signal' | 'maxBytes' | 'timeoutMs'>;

export async function loadCatalog(url: string, options: LoadCatalogOptions = {}): Promise<ParsedCatalog> {
  let fetched;
  try {
    fetched = await fetchText(url, { ...options, accept: 'application/json' });
  } catch (error) {
    if (error instanceof FetchError) throw catalogError(error.url, error.reason, [], error);
    throw error;
  }
  // Named by the URL asked for; relative image paths resolve against where the file really is
  // (after redirects).
  return parseCatalogText(fetched.text, absoluteUrl(url) ?? url, { baseUrl: fetched.url });
}
