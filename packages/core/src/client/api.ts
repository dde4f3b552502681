// The client of the Storefront API (packages/server, docs/storefront-api.md). With an API the
// browser's prices are only a preview: the server prices the cart from its own catalog, signs
// the quote, and turns it into an order exactly once per Idempotency-Key.
import { DEFAULT_FETCH_TIMEOUT_MS } from '../limits.js';
import { fetchText, FetchError, parseJsonText, type FetchedText } from '../util/fetch.js';

/** An `application/problem+json` error from the server, or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly type: string,
    readonly errors: readonly { readonly path: string; readonly message: string }[] = [],
  ) {
    super(message);
  }
  /** Worth trying again: the network, a timeout, the server busy or failing. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface ApiCartLine {
  readonly productId: string;
  readonly variantId?: string;
  readonly quantity: number;
}

/** The signed quote as the server returns it; send it back unchanged with the order. */
export interface SignedQuote {
  readonly id: string;
  readonly expiresAt: string;
  readonly destination: string;
  readonly lines: readonly { readonly productId: string; readonly variantId?: string; readonly quantity: number; readonly name: string; readonly unitPriceIdr: number; readonly lineTotalIdr: number }[];
  readonly shipping: { readonly serviceId: string; readonly carrier: string; readonly priceIdr: number } | null;
  readonly totals: { readonly goodsIdr: number; readonly shippingIdr: number; readonly taxesAtCheckoutIdr: number; readonly totalIdr: number; readonly onDeliveryIdr: number };
  readonly signature: string;
  readonly [key: string]: unknown;
}

export interface ApiQuoteResponse {
  readonly quote: SignedQuote;
  readonly [key: string]: unknown;
}

export interface ApiOrderResponse {
  readonly reference: string;
  readonly status: string;
  readonly accessToken: string;
  readonly order: unknown;
  readonly links: { readonly self: string; readonly payment: string };
}

export interface ApiPayment {
  readonly status: string;
  /** Where to send the buyer (Midtrans Snap, the shop's payment link), when anywhere. */
  readonly redirectUrl?: string | null;
  /** With the manual adapter: 'payment-link' or 'payment-details' (the shop's bank or QRIS details below). */
  readonly method?: string;
  readonly amountIdr?: number;
  readonly currency?: string;
  readonly reference?: string;
  readonly bank?: { readonly name: string; readonly accountName: string; readonly accountNumber: string; readonly swift?: string };
  readonly qrisImage?: string;
  readonly note?: string | Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

export interface StorefrontApi {
  readonly baseUrl: string;
  readonly catalogUrl: string;
  readonly ratesUrl: string;
  /** The shop's checkout configuration as the server has it (checkout.json). */
  readonly checkoutUrl: string;
  /** `region`: the buyer's ISO 3166-2 subdivision ("CA-ON"), where the destination's import taxes depend on it. */
  quote(request: { lines: readonly ApiCartLine[]; destination: string; region?: string; serviceId?: string; currency?: string }): Promise<ApiQuoteResponse>;
  /** Retried with the same key, so a lost response never makes a second order. */
  placeOrder(body: { quote: SignedQuote; contact: unknown; address: unknown; displayCurrency?: string }, idempotencyKey: string): Promise<ApiOrderResponse>;
  payment(reference: string, accessToken: string): Promise<ApiPayment>;
}

export interface ApiOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Attempts for requests that are safe to repeat (default 3). */
  readonly attempts?: number;
  /** First backoff delay; doubled each time (default 400 ms). */
  readonly backoffMs?: number;
}

/** A random idempotency key for one checkout attempt (kept with the checkout draft). */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export function createApi(baseUrl: string, options: ApiOptions = {}): StorefrontApi {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 400;

  async function once<T>(path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }): Promise<T> {
    let fetched: FetchedText;
    try {
      fetched = await fetchText(`${base}${path}`, {
        method: init.method,
        accept: 'application/json',
        headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
        ...(options.fetch && { fetch: options.fetch }),
        timeoutMs,
        // Problem details come with 4xx and 5xx: every status is an answer to read.
        acceptStatus: () => true,
      });
    } catch (e) {
      if (!(e instanceof FetchError)) throw e;
      const cause = e.code === 'too-large' ? `an answer ${e.reason}` : e.reason;
      throw new ApiError(`The shop's server at ${base} could not be reached: ${cause}`, e.status ?? 0, e.code === 'too-large' ? 'invalid-response' : 'network');
    }
    let data: unknown;
    try {
      data = fetched.text ? parseJsonText(fetched.text, fetched.url, fetched.contentType) : undefined;
    } catch {
      data = undefined;
    }
    const { status } = fetched;
    if (status < 200 || status >= 300) {
      const problem = (data ?? {}) as { type?: string; title?: string; detail?: string; errors?: { path: string; message: string }[] };
      throw new ApiError(problem.detail ?? problem.title ?? `HTTP ${status}`, status, problem.type ?? `http-${status}`, problem.errors ?? []);
    }
    if (data === undefined) throw new ApiError(`The shop's server sent an unreadable answer for ${path}.`, status, 'invalid-response');
    return data as T;
  }

  async function withRetries<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        if (!(e instanceof ApiError) || !e.retryable || attempt >= attempts) throw e;
        await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  return {
    baseUrl: base,
    catalogUrl: `${base}/api/catalog`,
    ratesUrl: `${base}/api/rates`,
    checkoutUrl: `${base}/api/checkout`,
    // A quote changes nothing on the server: safe to repeat.
    quote: (request) => withRetries(() => once<ApiQuoteResponse>('/api/quotes', { method: 'POST', body: request })),
    placeOrder: (body, idempotencyKey) =>
      withRetries(() => once<ApiOrderResponse>('/api/orders', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } })),
    payment: (reference, accessToken) =>
      withRetries(() =>
        once<ApiPayment>(`/api/orders/${encodeURIComponent(reference)}/payment`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } }),
      ),
  };
}
