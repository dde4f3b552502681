/**
 * The one way core reads something over HTTP: catalogs, rate feeds, the checkout configuration,
 * locale strings and the Storefront API all come through fetchText(). It gives up after a
 * timeout, stops reading past a byte cap (streamed, so a huge or endless body is never held in
 * memory), and turns every failure a shop owner can cause into a FetchError naming the URL.
 * Cancellation by the caller is not a failure: it rejects with the signal's reason, unchanged.
 */
import { DEFAULT_FETCH_TIMEOUT_MS, MAX_SOURCE_BYTES } from '../limits.js';

/**
 * Why a read failed. `not-found`, `not-a-file` and `unreadable` come from files, read by the
 * Node entry (`@mendunia/core/node/index.js`); the rest from HTTP.
 */
export type FetchErrorCode =
  | 'invalid-url'
  | 'timeout'
  | 'network'
  | 'http'
  | 'too-large'
  | 'html'
  | 'not-json'
  | 'not-found'
  | 'not-a-file'
  | 'unreadable';

export interface FetchErrorDetails {
  /** The HTTP status, for `http` (and `too-large` when the response said its size). */
  readonly status?: number;
  /** The cap in bytes, for `too-large`. */
  readonly maxBytes?: number;
  /** The size, for `too-large` when it was known before reading (Content-Length, file size). */
  readonly size?: number;
  /** The time allowed, for `timeout`. */
  readonly timeoutMs?: number;
  /** What the platform said: the network error, the JSON parser's message, the file error code. */
  readonly detail?: string;
  readonly cause?: unknown;
}

/**
 * A URL (or file) could not be read. `code` says why, for programs; `message` says it in English
 * for consoles and logs, naming the URL: `https://shop.example/checkout.json: HTTP 404`.
 * `reason` is the message without the URL, for wrapping in an error of one's own.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: FetchErrorCode;
  /** The absolute URL (or the file path) that was read. */
  readonly url: string;
  readonly reason: string;
  readonly status?: number;
  readonly maxBytes?: number;
  readonly size?: number;
  readonly timeoutMs?: number;
  readonly detail?: string;

  constructor(code: FetchErrorCode, url: string, details: FetchErrorDetails = {}) {
    const reason = fetchReason(code, details);
    super(`${url}: ${reason}`, 'cause' in details ? { cause: details.cause } : undefined);
    this.code = code;
    this.url = url;
    this.reason = reason;
    if (details.status !== undefined) this.status = details.status;
    if (details.maxBytes !== undefined) this.maxBytes = details.maxBytes;
    if (details.size !== undefined) this.size = details.size;
    if (details.timeoutMs !== undefined) this.timeoutMs = details.timeoutMs;
    if (details.detail !== undefined) this.detail = details.detail;
  }
}

/** The English reason for a code: one wording for every reader of URLs and files. */
function fetchReason(code: FetchErrorCode, d: FetchErrorDetails): string {
  switch (code) {
    case 'invalid-url':
      return 'not a valid URL';
    case 'timeout':
      return `no answer within ${(d.timeoutMs ?? 0) / 1000} s`;
    case 'network':
      // Browsers report unreachable hosts, offline and CORS refusals alike ("Failed to fetch").
      return `network error (${d.detail ?? 'unknown'}): offline, unreachable, or blocked by CORS`;
    case 'http':
      return `HTTP ${d.status ?? 0}`;
    case 'too-large':
      return d.size !== undefined
        ? `too large (${d.size} bytes; the limit is ${d.maxBytes} bytes)`
        : `too large (more than ${d.maxBytes} bytes)`;
    case 'html':
      return 'not JSON (got HTML, check the URL)';
    case 'not-json':
      return `not JSON: ${d.detail ?? 'the text is empty'}`;
    case 'not-found':
      return 'no such file';
    case 'not-a-file':
      return 'it is a directory, expected a file';
    case 'unreadable':
      return d.detail ?? 'unreadable';
  }
}

export interface FetchOptions {
  /** The fetch to use (a proxy's, a worker's, a test's); default globalThis.fetch. */
  readonly fetch?: typeof fetch;
  /** Aborting rejects with the signal's reason (an AbortError), not with a FetchError. */
  readonly signal?: AbortSignal;
  /** Give up (`timeout`) when the whole body has not arrived by then. Default 15 s. */
  readonly timeoutMs?: number;
  /** Refuse (`too-large`) a body larger than this. Default MAX_SOURCE_BYTES (5 MiB). */
  readonly maxBytes?: number;
  /** The Accept header. */
  readonly accept?: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Which statuses are answers; others fail with `http`. Default: 200–299. */
  readonly acceptStatus?: (status: number) => boolean;
}

/** A body that was read, and what came with it. */
export interface FetchedText {
  readonly text: string;
  /** The Content-Type header ('' when absent). */
  readonly contentType: string;
  /** Where the body really came from, after redirects (relative links resolve against it). */
  readonly url: string;
  readonly status: number;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Relative URLs are resolved against the page (or worker) when there is one. */
export function absoluteUrl(url: string | URL): string | undefined {
  const location = (globalThis as { location?: { href?: string } }).location;
  try {
    return new URL(url, location?.href).href;
  } catch {
    return undefined;
  }
}

/**
 * GETs (or sends `method` with `body`) and reads the body as UTF-8 text. Fails with a FetchError
 * naming the URL: `invalid-url`, `timeout`, `network`, `http` (unless `acceptStatus` takes the
 * status), `too-large`.
 */
export async function fetchText(url: string | URL, options: FetchOptions = {}): Promise<FetchedText> {
  const { signal } = options;
  const href = absoluteUrl(url);
  if (href === undefined) throw new FetchError('invalid-url', String(url));
  signal?.throwIfAborted();

  // Called as a plain function: browsers throw "Illegal invocation" for fetch called as options.fetch().
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });

  try {
    const headers: Record<string, string> = { ...options.headers };
    if (options.accept !== undefined) headers['accept'] = options.accept;
    const response = await doFetch(href, {
      signal: controller.signal,
      headers,
      ...(options.method !== undefined && { method: options.method }),
      ...(options.body !== undefined && { body: options.body }),
    });
    if (!(options.acceptStatus ?? isSuccess)(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchError('http', href, { status: response.status });
    }
    const text = await readCapped(response, maxBytes, href);
    return { text, contentType: response.headers.get('content-type') ?? '', url: response.url || href, status: response.status };
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal?.aborted) throw signal.reason;
    if (timedOut) throw new FetchError('timeout', href, { timeoutMs, cause: error });
    throw new FetchError('network', href, { detail: networkDetail(error), cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * fetchText, then the body as JSON (`accept` defaults to application/json). Besides fetchText's
 * failures: `html` (a web page, e.g. an SPA fallback or a login page) and `not-json`.
 */
export async function fetchJson(url: string | URL, options: FetchOptions = {}): Promise<unknown> {
  const fetched = await fetchText(url, { accept: 'application/json', ...options });
  return parseJsonText(fetched.text, fetched.url, fetched.contentType);
}

/**
 * JSON text (a byte order mark is allowed, as Windows editors write one) → value, or a FetchError
 * naming `source`: `html` for a web page, `not-json` with the parser's message otherwise.
 */
export function parseJsonText(text: string, source: string, contentType = ''): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new FetchError('not-json', source);
  if (looksLikeHtml(body)) throw new FetchError('html', source);
  try {
    return JSON.parse(body);
  } catch (error) {
    if (/\btext\/html\b/i.test(contentType)) throw new FetchError('html', source, { cause: error });
    throw new FetchError('not-json', source, { detail: error instanceof Error ? error.message : String(error), cause: error });
  }
}

/** True when text meant as data is an HTML page (an SPA fallback, a login or error page). */
export function looksLikeHtml(text: string, contentType = ''): boolean {
  return /\btext\/html\b/i.test(contentType) || /^\uFEFF?\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text);
}

/**
 * Reads the body as UTF-8, refusing it once it passes maxBytes. Content-Length is checked first to
 * avoid downloading at all, and the bytes are counted too, because the header can be absent
 * (chunked responses) or describe the compressed size.
 */
async function readCapped(response: Response, maxBytes: number, href: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError('too-large', href, { size: declared, maxBytes, status: response.status });
  }
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
      throw new FetchError('too-large', href, { maxBytes, status: response.status });
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Node's fetch says only "fetch failed"; its cause says why (ECONNREFUSED, ENOTFOUND …). */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (cause?.message) return `${error.message}: ${cause.message}`;
  if (cause?.code) return `${error.message}: ${cause.code}`;
  return error.message;
}
