/**
 * Fetches a catalog over HTTP. Every failure a shop owner can cause (wrong URL, HTML error page,
 * file too big, server down) becomes a CatalogError that names the URL, so the console says
 * which file to fix. Cancellation by the caller is not an error and is passed through unchanged.
 */
import { absoluteUrl, fetchText, FetchError, type FetchOptions } from '../util/fetch.js';
import { guardCatalog } from './guard.js';
import { INLINE_SOURCE } from './output.js';
import { parseCatalogText, type ParseCatalogOptions, type ParsedCatalog } from './parse.js';
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
  // Still the sync parser: readCatalog takes over once the saved cart and the rates also have
  // their guards (until then valibot is on the initial path anyway, and the split only adds bytes).
  return parseCatalogText(fetched.text, absoluteUrl(url) ?? url, { baseUrl: fetched.url });
}

/**
 * parseCatalog for the browser: the same result, but the full validator (valibot, parse.ts) is
 * loaded only when the structural guard (guard.ts) declines, i.e. when the catalog has a problem
 * to name or text to normalise. A page whose catalog is clean never downloads it.
 */
export async function readCatalog(
  data: unknown,
  source: string = INLINE_SOURCE,
  options: ParseCatalogOptions = {},
): Promise<ParsedCatalog> {
  const fast = guardCatalog(data, options);
  if (fast) return fast;
  const { parseCatalog } = await import('./parse.js');
  return parseCatalog(data, source, options);
}
