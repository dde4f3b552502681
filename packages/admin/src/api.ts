/**
 * The dashboard's client of the reference server's admin API (docs/dashboard.md): headless, no
 * DOM, every request through core's fetchText (timeout, size cap, errors naming the URL). The
 * session lives in an HttpOnly cookie the browser sends by itself (same origin); this client
 * keeps only the CSRF token, in memory, and sends it with every change.
 */
import { fetchText, parseJsonText } from '@mendunia/core';
import type { Order } from '@mendunia/core/checkout/index.js';

/** The statuses and their order are core's fulfilment rules, which the server enforces. */
export { ORDER_STATUSES, type OrderStatus } from '@mendunia/core/fulfilment/index.js';
import type { OrderStatus } from '@mendunia/core/fulfilment/index.js';

export interface ShopSender {
  readonly name: string;
  readonly lines: readonly string[];
  readonly country: string;
  readonly phone?: string;
}

export interface AdminShop {
  readonly name: string;
  readonly whatsapp?: string;
  readonly email?: string;
  readonly sender: ShopSender;
}

export interface AdminSession {
  readonly csrfToken: string;
  readonly shop: AdminShop;
}

export interface AdminOrderSummary {
  readonly reference: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: OrderStatus;
  /** ISO 3166-1 alpha-2. */
  readonly destination: string;
  readonly buyerName: string;
  readonly totalIdr: number;
  /**
   * The total in the buyer's currency, major units ("41.25"): an estimate at the server's current
   * rates of `ratesDate` (the order keeps the buyer's currency, not the amount they saw).
   */
  readonly display?: { readonly currency: string; readonly total: string; readonly ratesDate?: string };
}

export interface AdminOrderEvent {
  readonly at: string;
  readonly type: string;
  readonly from?: string | null;
  readonly to?: string | null;
  /** 'dashboard' | 'api' | 'cli' | 'payment:<adapter>' … */
  readonly actor?: string | null;
  readonly note?: string | null;
  /** What came with the change: `{ shipment }` of a change to shipped. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface AdminShipment {
  readonly carrier: string;
  readonly carrierName: string;
  readonly trackingNumber: string;
  readonly trackingUrl?: string;
  readonly shippedAt: string;
}

/** A stored order document; `language` (the buyer's) when the checkout recorded it. */
export type AdminOrderDocument = Order & { readonly language?: string };

export interface AdminOrderDetail {
  readonly summary: AdminOrderSummary;
  readonly order: AdminOrderDocument;
  readonly allowedTransitions: readonly OrderStatus[];
  readonly events: readonly AdminOrderEvent[];
  readonly payments: readonly { readonly adapter: string; readonly status: string; readonly createdAt: string; readonly updatedAt: string }[];
  readonly shipment?: AdminShipment;
  readonly carriers: readonly { readonly id: string; readonly name: string }[];
}

export interface OrderFilters {
  readonly status?: string;
  /** YYYY-MM-DD, inclusive. */
  readonly since?: string;
  readonly until?: string;
  readonly q?: string;
}

export interface StatusChange {
  readonly status: OrderStatus;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly trackingUrl?: string;
  readonly note?: string;
}

/**
 * Why a request failed, as a code the dashboard words: `unauthorized` (no or an ended session,
 * or a wrong token at sign-in), `forbidden` (CSRF), `not-found`, `conflict` (`allowed` lists the
 * statuses possible now), `invalid` (`fields` names them), `rate-limited`, `http` (any other
 * status), `network` (no answer; `reason` says why, in English).
 */
export type AdminErrorCode = 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'rate-limited' | 'http' | 'network';

export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  readonly code: AdminErrorCode;
  readonly status: number;
  readonly allowed: readonly string[];
  readonly fields: readonly string[];

  constructor(code: AdminErrorCode, status: number, reason: string, extra: { allowed?: readonly string[]; fields?: readonly string[] } = {}) {
    super(reason);
    this.code = code;
    this.status = status;
    this.allowed = extra.allowed ?? [];
    this.fields = extra.fields ?? [];
  }
}

const CODES: Record<number, AdminErrorCode> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 422: 'invalid', 429: 'rate-limited' };

/** The query string of a list or its CSV export; empty filters are left out. */
export function filterQuery(filters: OrderFilters, paging?: { limit: number; offset: number }): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'since', 'until', 'q'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (paging) {
    params.set('limit', String(paging.limit));
    params.set('offset', String(paging.offset));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface AdminApiOptions {
  /** Where the API is, default `/admin/api` (the reference server). */
  readonly base?: string;
  /** For fetchText: a test's or a proxy's fetch. */
  readonly fetch?: typeof fetch;
}

export class AdminApi {
  readonly base: string;
  #csrf = '';
  readonly #fetch: typeof fetch | undefined;

  constructor(options: AdminApiOptions = {}) {
    this.base = (options.base ?? '/admin/api').replace(/\/+$/, '');
    this.#fetch = options.fetch;
  }

  /** The current session, or undefined when there is none (401). */
  async session(): Promise<AdminSession | undefined> {
    try {
      return this.#remember(await this.#request<AdminSession>('GET', '/session'));
    } catch (error) {
      if (error instanceof AdminApiError && error.code === 'unauthorized') return undefined;
      throw error;
    }
  }

  /** Exchanges the merchant token for the session cookie (the token goes in the body only). */
  async signIn(token: string): Promise<AdminSession> {
    return this.#remember(await this.#request<AdminSession>('POST', '/session', { token }));
  }

  async signOut(): Promise<void> {
    try {
      await this.#request('DELETE', '/session');
    } finally {
      this.#csrf = '';
    }
  }

  orders(filters: OrderFilters, paging: { limit: number; offset: number }): Promise<{ orders: AdminOrderSummary[]; total: number }> {
    return this.#request('GET', `/orders${filterQuery(filters, paging)}`);
  }

  order(reference: string): Promise<AdminOrderDetail> {
    return this.#request('GET', `/orders/${encodeURIComponent(reference)}`);
  }

  setStatus(reference: string, change: StatusChange): Promise<AdminOrderDetail> {
    return this.#request('POST', `/orders/${encodeURIComponent(reference)}/status`, change);
  }

  /** The CSV export of the filtered list: a link (the cookie goes with it), not a fetch. */
  csvUrl(filters: OrderFilters): string {
    return `${this.base}/orders.csv${filterQuery(filters)}`;
  }

  #remember(session: AdminSession): AdminSession {
    this.#csrf = session.csrfToken;
    return session;
  }

  async #request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.base}${path}`;
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.#csrf) headers['x-csrf-token'] = this.#csrf;
    let fetched;
    try {
      fetched = await fetchText(url, {
        method,
        headers,
        accept: 'application/json',
        acceptStatus: () => true,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(this.#fetch ? { fetch: this.#fetch } : {}),
      });
    } catch (error) {
      throw new AdminApiError('network', 0, error instanceof Error ? error.message : String(error));
    }
    const { status, text } = fetched;
    if (status === 204) return undefined as T;
    if (status >= 200 && status < 300) {
      try {
        return parseJsonText(text, fetched.url, fetched.contentType) as T;
      } catch (error) {
        throw new AdminApiError('http', status, error instanceof Error ? error.message : String(error));
      }
    }
    const problem = readProblem(text);
    const reason = problem.detail ?? problem.title ?? `HTTP ${status}`;
    throw new AdminApiError(CODES[status] ?? 'http', status, reason, { allowed: problem.allowed, fields: problem.fields });
  }
}

/** What a problem+json body says (anything unreadable says nothing). */
function readProblem(text: string): { title?: string; detail?: string; allowed?: string[]; fields?: string[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  const errors = Array.isArray(b.errors) ? b.errors : [];
  // The server names each field in errors[].path ("trackingNumber", "address.postalCode").
  const fields = errors.map((e) => (typeof e === 'object' && e !== null ? str((e as { path?: unknown }).path) : undefined)).filter((f): f is string => !!f);
  const title = str(b.title);
  const detail = str(b.detail);
  const allowed = strings(b.allowed);
  return { ...(title ? { title } : {}), ...(detail ? { detail } : {}), ...(allowed ? { allowed } : {}), ...(fields.length ? { fields } : {}) };
}
