/**
 * The merchant dashboard's routes under /admin (docs/storefront-api.md#merchant-dashboard): the
 * page and its files, sign-in / sign-out, and the orders API the page calls. A Fastify plugin,
 * registered by app.ts with what it needs; every /admin/api route except sign-in needs the
 * session cookie (401 without it), and every one that changes something the session's CSRF token
 * in X-CSRF-Token (403 without it) — checked before the body is even read, so nothing changes.
 */
import { checkShipment } from '@mendunia/core/fulfilment/index.js';
import { safeEqual, sha256Hex } from '../canonical.js';
import { ordersCsv } from '../export.js';
import { changeOrderStatus } from '../orders.js';
import { fieldError, HttpProblem } from '../problem.js';
import { Reference } from '../schemas.js';
import { ADMIN_ENTRY, defaultAssetsDir, isBuilt, notBuiltHtml, readAsset, SECURITY_HEADERS, shellHtml } from './assets.js';
import { AdminOrdersCsvQuery, AdminOrdersQuery, AdminSignIn, AdminStatusChange } from './schemas.js';
import { createSessions, CSRF_HEADER, csrfMatches, sessionCookie, sessionIdFrom } from './session.js';
import { adminDetail, adminSummary, shopView } from './views.js';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Shipment, ShipmentIssueCode } from '@mendunia/core/fulfilment/index.js';
import type { AdminSessionRecord, OrderDetail, OrderFilter, StoredOrder } from '../db/index.js';
import type { OrderContext } from '../orders.js';
import type { AdminSettings } from '../settings.js';

/** The actor recorded with changes made here. */
export const DASHBOARD_ACTOR = 'dashboard';

export interface AdminOptions {
  ctx: OrderContext;
  merchantToken: string;
  settings: AdminSettings;
  /** route options that apply the public rate limit (sign-in) */
  limited: { config?: { rateLimit: Record<string, never> } };
}

interface FilterQuery { status?: string, since?: string, until?: string, q?: string }
interface ListQuery extends FilterQuery { limit?: number, offset?: number }
interface StatusChangeBody { status: string, carrier?: string, trackingNumber?: string, trackingUrl?: string, note?: string }

const referenceParams = { type: 'object', required: ['reference'], properties: { reference: Reference } };
const DAY_MS = 86_400_000;

/** The API's words for core's shipment codes (the dashboard words them itself, in Indonesian). */
const SHIPMENT_MESSAGES: Record<ShipmentIssueCode, string> = {
  'shipment.carrier-required': 'is required for shipped',
  'shipment.tracking-required': 'is required for shipped',
  'shipment.tracking-invalid': 'expected 4–40 letters, digits, spaces or . _ / -',
  'shipment.tracking-url-invalid': 'expected an https URL',
};

/** The repository filter of a list or CSV query (a day that does not exist, like 2026-02-30, is a 400). */
function filterOf(query: FilterQuery): OrderFilter {
  for (const name of ['since', 'until'] as const) {
    const day = query[name];
    if (day && new Date(Date.parse(`${day}T00:00:00.000Z`) || 0).toISOString().slice(0, 10) !== day) {
      throw new HttpProblem('validation-error', 'The query does not match the schema.', { errors: [fieldError(['query', name], 'is not a date (YYYY-MM-DD)')] });
    }
  }
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.since ? { since: `${query.since}T00:00:00.000Z` } : {}),
    ...(query.until ? { until: new Date(Date.parse(`${query.until}T00:00:00.000Z`) + DAY_MS).toISOString() } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    newestFirst: true,
  };
}

export async function adminRoutes(app: FastifyInstance, options: AdminOptions): Promise<void> {
  const { ctx, settings } = options;
  const sessions = createSessions(ctx.repo, settings);
  const assetsDir = settings.assetsDir ?? defaultAssetsDir();
  const shop = shopView(ctx.shop);
  /** The session of each request that passed the check below. */
  const sessionOf = new WeakMap<FastifyRequest, AdminSessionRecord>();

  const summary = (o: StoredOrder) => adminSummary(o, ctx.shop.rates());
  const detailOf = (d: OrderDetail) => adminDetail(d, ctx.shop.rates());

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Authentication and CSRF before anything else (body parsing, validation, the handler). Decided
  // by the route that matched, never by the URL as sent: `/admin/%61pi/orders` is routed to
  // /admin/api/orders too.
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (!route.startsWith('/admin/api/')) return;
    if (route === '/admin/api/session' && request.method === 'POST') return;
    const session = await sessions.find(sessionIdFrom(request.headers.cookie));
    if (!session) throw new HttpProblem('unauthorized', 'Sign in to the dashboard first (the session is missing, expired or signed out).');
    if (request.method !== 'GET' && request.method !== 'HEAD' && !csrfMatches(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw new HttpProblem('forbidden', `Send the session's CSRF token in ${CSRF_HEADER}.`);
    }
    sessionOf.set(request, session);
  });

  // ----- the page and its files ---------------------------------------------------------------

  const page = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!isBuilt(assetsDir)) return reply.code(503).type('text/html; charset=utf-8').send(notBuiltHtml(assetsDir));
    return reply.type('text/html; charset=utf-8').send(shellHtml(shop.name));
  };
  app.get('/admin', page);
  app.get('/admin/', page);

  app.get('/admin/assets/*', async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const asset = await readAsset(assetsDir, path);
    if (!asset) {
      if (path === ADMIN_ENTRY && !isBuilt(assetsDir)) throw new HttpProblem('service-unavailable', 'The dashboard bundle is not built (see /admin).');
      throw new HttpProblem('not-found', `No dashboard file ${path}.`);
    }
    reply.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.type(asset.type).send(asset.body);
  });

  // ----- session ------------------------------------------------------------------------------

  app.post('/admin/api/session', { ...options.limited, schema: { body: AdminSignIn } }, async (request, reply) => {
    const { token } = request.body as { token: string };
    // Hashes compared, so not even the token's length shows in the time taken.
    if (!safeEqual(sha256Hex(token), sha256Hex(options.merchantToken))) {
      throw new HttpProblem('unauthorized', 'That is not the merchant token.', { errors: [fieldError(['token'], 'is not the merchant token')] });
    }
    const { id, csrfToken } = await sessions.open();
    reply.header('set-cookie', sessionCookie(id, { maxAgeMs: settings.maxAgeMs, secure: request.protocol === 'https' }));
    return { csrfToken, shop };
  });

  app.get('/admin/api/session', async (request) => ({ csrfToken: sessionOf.get(request)?.csrfToken, shop }));

  app.delete('/admin/api/session', async (request, reply) => {
    const id = sessionIdFrom(request.headers.cookie);
    if (id) await sessions.revoke(id);
    reply.header('set-cookie', sessionCookie('', { maxAgeMs: 0, secure: request.protocol === 'https' }));
    return reply.code(204).send();
  });

  // ----- orders -------------------------------------------------------------------------------

  app.get('/admin/api/orders', { schema: { querystring: AdminOrdersQuery } }, async (request) => {
    const query = request.query as ListQuery;
    const filter = filterOf(query);
    const [orders, total] = await Promise.all([ctx.repo.listOrders({ ...filter, limit: query.limit ?? 50, offset: query.offset ?? 0 }), ctx.repo.countOrders(filter)]);
    return { orders: orders.map(summary), total };
  });

  app.get('/admin/api/orders.csv', { schema: { querystring: AdminOrdersCsvQuery } }, async (request, reply) => {
    const orders = await ctx.repo.listOrders(filterOf(request.query as FilterQuery));
    reply.header('content-disposition', `attachment; filename="orders-${new Date().toISOString().slice(0, 10)}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(ordersCsv(orders));
  });

  app.get('/admin/api/orders/:reference', { schema: { params: referenceParams } }, async (request) => {
    const { reference } = request.params as { reference: string };
    const detail = await ctx.repo.getOrder(reference);
    if (!detail) throw new HttpProblem('not-found', `No order ${reference}.`);
    return detailOf(detail);
  });

  app.post('/admin/api/orders/:reference/status', { schema: { params: referenceParams, body: AdminStatusChange } }, async (request) => {
    const { reference } = request.params as { reference: string };
    const body = request.body as StatusChangeBody;
    let shipment: Shipment | undefined;
    if (body.status === 'shipped') {
      const checked = checkShipment(body);
      if (!checked.shipment) {
        throw new HttpProblem('validation-error', 'A shipped order needs its carrier and tracking number.', {
          errors: checked.issues.map((i) => fieldError([i.field], SHIPMENT_MESSAGES[i.code])),
        });
      }
      shipment = checked.shipment;
    }
    const note = body.note?.trim();
    await changeOrderStatus(ctx, reference, { to: body.status, source: DASHBOARD_ACTOR, ...(note ? { note } : {}), ...(shipment ? { shipment } : {}) });
    const detail = await ctx.repo.getOrder(reference);
    if (!detail) throw new HttpProblem('not-found', `No order ${reference}.`);
    return detailOf(detail);
  });
}
