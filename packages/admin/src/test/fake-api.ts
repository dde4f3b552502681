/**
 * A small in-memory stand-in for the reference server's admin API (docs/dashboard.md), for the
 * dashboard's browser tests and the screenshot page: the same routes, statuses, cookie-less
 * session (the fake's own flag) and CSRF check. Test support only: never shipped.
 */
import { ORDER_TRANSITIONS } from '@mendunia/core/fulfilment/index.js';
import type { AdminOrderDetail, AdminOrderSummary, AdminSession, OrderStatus } from '../api.js';

export const TOKEN = 'merchant-token-123';
export const CSRF = 'csrf-abc';

export const SHOP: AdminSession['shop'] = {
  name: 'Batik Lasem Sari',
  whatsapp: '6281234567890',
  email: 'halo@batiklasem.example',
  sender: { name: 'Batik Lasem Sari (Sari Wulandari)', lines: ['Jl. Dasun No. 12', 'Lasem, Rembang 59271', 'Jawa Tengah', 'INDONESIA'], country: 'ID', phone: '+62 812 3456 7890' },
};

/** The server's rules (core's fulfilment), so the fake cannot drift from them. */
const NEXT = ORDER_TRANSITIONS;

function germanOrder(): AdminOrderDetail {
  const reference = 'MDN-261207-K7QXM';
  const summary: AdminOrderSummary = {
    reference,
    createdAt: '2026-12-07T03:15:00.000Z',
    updatedAt: '2026-12-07T03:15:00.000Z',
    status: 'pending_payment',
    destination: 'DE',
    buyerName: 'Anna Schmidt',
    totalIdr: 1_462_000,
    display: { currency: 'EUR', total: '81.87' },
  };
  return {
    summary,
    order: {
      format: 'mendunia.order/1',
      reference,
      createdAt: summary.createdAt,
      language: 'de',
      contact: { name: 'Anna Schmidt', email: 'anna.schmidt@example.de', phone: '+4915112345678' },
      address: { country: 'DE', name: 'Anna Schmidt', addressLine1: 'Hauptstraße 5', addressLine2: '2. OG', city: 'Berlin', postalCode: '10115' },
      addressLines: ['Anna Schmidt', 'Hauptstraße 5', '2. OG', '10115 Berlin', 'GERMANY'],
      lines: [
        {
          productId: 'kemeja-lasem',
          variantId: 'l',
          name: 'Lasem Batik Short-sleeve Shirt',
          productName: { en: 'Lasem Batik Short-sleeve Shirt', id: 'Kemeja Batik Lasem Lengan Pendek' },
          variantName: { en: 'L', id: 'L' },
          quantity: 2,
          unitPriceIdr: 425_000,
          lineTotalIdr: 850_000,
          unitWeightGrams: 300,
          hsCode: '62052000',
        },
        {
          productId: 'kemeja-lasem',
          variantId: 'm',
          name: 'Lasem Batik Short-sleeve Shirt',
          productName: { en: 'Lasem Batik Short-sleeve Shirt', id: 'Kemeja Batik Lasem Lengan Pendek' },
          variantName: { en: 'M', id: 'M' },
          quantity: 1,
          unitPriceIdr: 425_000,
          lineTotalIdr: 425_000,
          unitWeightGrams: 290,
          hsCode: '62052000',
        },
      ],
      shipping: { serviceId: 'pos-ems', carrier: 'pos', name: { en: 'Pos Indonesia EMS', id: 'Pos Indonesia EMS' }, priceIdr: 187_000, parcels: 1, chargeableGrams: 1200, days: [7, 14] },
      importCharges: null,
      totals: { goodsIdr: 1_275_000, shippingIdr: 187_000, taxesAtCheckoutIdr: 0, totalIdr: 1_462_000, onDeliveryIdr: 277_780 },
      displayCurrency: 'EUR',
      customs: {
        form: 'CN23',
        lines: [
          { description: 'Lasem Batik Short-sleeve Shirt, L', quantity: 2, netWeightGrams: 600, valueIdr: 850_000, hsCode: '62052000', originCountry: 'ID' },
          { description: 'Lasem Batik Short-sleeve Shirt, M', quantity: 1, netWeightGrams: 290, valueIdr: 425_000, hsCode: '62052000', originCountry: 'ID' },
        ],
        totalValueIdr: 1_275_000,
        totalWeightGrams: 1100,
        currency: 'IDR',
      },
    },
    allowedTransitions: NEXT.pending_payment,
    events: [{ at: summary.createdAt, type: 'created', from: null, to: 'pending_payment', actor: 'api', note: null }],
    payments: [{ adapter: 'manual', status: 'pending', createdAt: summary.createdAt, updatedAt: summary.createdAt }],
    carriers: [
      { id: 'pos', name: 'Pos Indonesia' },
      { id: 'dhl', name: 'DHL Express' },
    ],
  };
}

function japaneseOrder(): AdminOrderDetail {
  const base = germanOrder();
  const reference = 'MDN-261206-3HPRT';
  const summary: AdminOrderSummary = { ...base.summary, reference, createdAt: '2026-12-06T09:40:00.000Z', updatedAt: '2026-12-06T11:00:00.000Z', status: 'paid', destination: 'JP', buyerName: 'Yuki Tanaka', totalIdr: 612_000, display: { currency: 'JPY', total: '5832' } };
  return {
    ...base,
    summary,
    order: {
      ...base.order,
      reference,
      language: 'ja',
      createdAt: summary.createdAt,
      contact: { name: 'Yuki Tanaka', email: 'yuki@example.jp', phone: '+819012345678' },
      address: { country: 'JP', name: 'Yuki Tanaka', addressLine1: '1-2-3 Jingumae', city: 'Shibuya-ku', region: 'Tokyo', postalCode: '150-0001' },
      addressLines: ['Yuki Tanaka', '1-2-3 Jingumae', 'Shibuya-ku, Tokyo 150-0001', 'JAPAN'],
      lines: [{ ...base.order.lines[1], quantity: 1 }],
      totals: { goodsIdr: 425_000, shippingIdr: 187_000, taxesAtCheckoutIdr: 0, totalIdr: 612_000, onDeliveryIdr: 0 },
      displayCurrency: 'JPY',
      customs: { form: 'CN22', lines: [base.order.customs.lines[1]], totalValueIdr: 425_000, totalWeightGrams: 290, currency: 'IDR' },
    },
    allowedTransitions: NEXT.paid,
    events: [
      { at: summary.createdAt, type: 'created', from: null, to: 'pending_payment', actor: 'api', note: null },
      { at: summary.updatedAt, type: 'status', from: 'pending_payment', to: 'paid', actor: 'payment:midtrans', note: null },
    ],
    payments: [{ adapter: 'midtrans', status: 'settlement', createdAt: summary.createdAt, updatedAt: summary.updatedAt }],
  };
}

export interface FakeRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: unknown;
}

/** The fake server: `fetch` to put in place of globalThis.fetch, and what it received. */
export class FakeAdminApi {
  signedIn = false;
  orders: AdminOrderDetail[] = [germanOrder(), japaneseOrder()];
  readonly requests: FakeRequest[] = [];
  /** Answer every request with this status instead (a server that went away, a session that ended). */
  failWith?: number;

  constructor(options: { signedIn?: boolean; orders?: number } = {}) {
    this.signedIn = options.signedIn ?? false;
    // More orders for paging: copies of the Japanese one with other references.
    for (let i = 0; i < (options.orders ?? 0); i++) {
      const copy = japaneseOrder();
      const reference = `MDN-261201-${String(i).padStart(5, 'A')}`;
      this.orders.push({ ...copy, summary: { ...copy.summary, reference, createdAt: `2026-12-01T0${i % 10}:00:00.000Z` }, order: { ...copy.order, reference } });
    }
  }

  detail(reference: string): AdminOrderDetail | undefined {
    return this.orders.find((o) => o.summary.reference === reference);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), globalThis.location.href);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, url, headers, body });
    if (this.failWith) return problem(this.failWith, 'Failed');
    const path = url.pathname.replace(/^\/admin\/api/, '');
    if (method !== 'GET' && path !== '/session' && !this.signedIn) return problem(401, 'Unauthorized');
    if (method !== 'GET' && this.signedIn && headers.get('x-csrf-token') !== CSRF && !(path === '/session' && method === 'POST')) return problem(403, 'Bad CSRF token');

    if (path === '/session') {
      if (method === 'POST') {
        if ((body as { token?: string }).token !== TOKEN) return problem(401, 'Wrong token');
        this.signedIn = true;
        return json({ csrfToken: CSRF, shop: SHOP });
      }
      if (method === 'DELETE') {
        this.signedIn = false;
        return new Response(null, { status: 204 });
      }
      return this.signedIn ? json({ csrfToken: CSRF, shop: SHOP }) : problem(401, 'No session');
    }
    if (!this.signedIn) return problem(401, 'No session');
    if (path === '/orders' && method === 'GET') {
      const p = url.searchParams;
      const q = p.get('q')?.toLowerCase();
      let list = this.orders.map((o) => o.summary);
      if (p.get('status')) list = list.filter((o) => o.status === p.get('status'));
      if (p.get('since')) list = list.filter((o) => o.createdAt.slice(0, 10) >= p.get('since')!);
      if (p.get('until')) list = list.filter((o) => o.createdAt.slice(0, 10) <= p.get('until')!);
      if (q) list = list.filter((o) => o.reference.toLowerCase().startsWith(q) || o.buyerName.toLowerCase().includes(q));
      const offset = Number(p.get('offset') ?? 0);
      const limit = Number(p.get('limit') ?? 50);
      return json({ orders: list.slice(offset, offset + limit), total: list.length });
    }
    const match = /^\/orders\/([^/]+)(\/status)?$/.exec(path);
    const found = match ? this.detail(decodeURIComponent(match[1])) : undefined;
    if (match && !found) return problem(404, 'No such order');
    if (found && !match![2] && method === 'GET') return json(found);
    if (found && match![2] && method === 'POST') {
      const change = body as { status: OrderStatus; carrier?: string; trackingNumber?: string; trackingUrl?: string; note?: string };
      if (!found.allowedTransitions.includes(change.status)) return json({ title: 'Conflict', status: 409, current: found.summary.status, allowed: found.allowedTransitions }, 409);
      if (change.status === 'shipped' && (!change.carrier || !change.trackingNumber)) {
        return json({ title: 'Bad request', status: 400, errors: [{ path: change.carrier ? 'trackingNumber' : 'carrier', pointer: change.carrier ? '/trackingNumber' : '/carrier', message: 'is required for shipped' }] }, 400);
      }
      const at = '2026-12-08T02:00:00.000Z';
      const updated: AdminOrderDetail = {
        ...found,
        summary: { ...found.summary, status: change.status, updatedAt: at },
        allowedTransitions: NEXT[change.status],
        events: [...found.events, { at, type: 'status', from: found.summary.status, to: change.status, actor: 'dashboard', note: change.note ?? null }],
        ...(change.status === 'shipped'
          ? { shipment: { carrier: change.carrier!, carrierName: found.carriers.find((c) => c.id === change.carrier)?.name ?? change.carrier!, trackingNumber: change.trackingNumber!, ...(change.trackingUrl ? { trackingUrl: change.trackingUrl } : {}), shippedAt: at } }
          : {}),
      };
      this.orders = this.orders.map((o) => (o === found ? updated : o));
      return json(updated);
    }
    return problem(404, 'Not found');
  };
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

function problem(status: number, title: string): Response {
  return json({ type: 'about:blank', title, status }, status);
}
