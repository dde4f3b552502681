/**
 * Fetches a catalog over HTTP. Every failure a shop owner can cause (wrong URL, HTML error page,
 * file too big, server down) becomes a CatalogError that names the URL, so the console says
 * which file to fix. Cancellation by the caller is not an error and is passed through unchanged.
 */
import { parseCatalogText, type ParsedCatalog } from './parse.js';
import { CatalogError, catalogError } from './types.js';

export interface LoadCatalogOptions {
  /** Defaults to globalThis.fetch; pass one to add headers or credentials. */
  fetch?: typeof fetch;
  /** Aborting rejects with the signal's reason (an AbortError), not with a CatalogError. */
  signal?: AbortSignal;
  /** Larger bodies are refused before parsing. Default 5 MB. */
  maxBytes?: number;
  /** Default 15000. */
  timeoutMs?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

export async function loadCatalog(url: string, options: LoadCatalogOptions = {}): Promise<ParsedCatalog> {
  const { signal, maxBytes = DEFAULT_MAX_BYTES, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  // Called as a plain function: browsers throw "Illegal invocation" for fetch called as options.fetch().
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const href = absoluteUrl(url);
  if (href === undefined) throw catalogError(url, 'not a valid URL');

  signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

  try {
    const response = await doFetch(href, { signal: combined, headers: { accept: 'application/json' } });
    if (!response.ok) throw catalogError(href, `HTTP ${response.status}`);
    const text = await readText(response, maxBytes, href);
    // After redirects, relative image paths are relative to where the file really is.
    const baseUrl = response.url || href;
    return parseCatalogText(text, href, { baseUrl });
  } catch (error) {
    if (error instanceof CatalogError) throw error;
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) {
      throw catalogError(href, `timed out after ${timeoutMs} ms`, [], error);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw catalogError(
      href,
      `network error: ${reason} (offline, wrong host, or the server does not allow cross-origin requests)`,
      [],
      error,
    );
  }
}

/** Relative URLs are resolved against the page (or worker) location when there is one. */
function absoluteUrl(url: string): string | undefined {
  const location = (globalThis as { location?: { href?: string } }).location;
  try {
    return new URL(url, location?.href).href;
  } catch {
    return undefined;
  }
}

/**
 * Reads the body as UTF-8, refusing it once it passes maxBytes. Content-Length is checked first to
 * avoid downloading at all, and the bytes are counted too, because the header can be absent
 * (chunked responses) or describe the compressed size.
 */
async function readText(response: Response, maxBytes: number, href: string): Promise<string> {
  const tooLarge = (size: string) =>
    catalogError(href, `too large (${size}; the limit is ${maxBytes} bytes)`);

  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(`${declared} bytes`);
  if (!response.body) return '';

  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
