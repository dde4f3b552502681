/**
 * The HTTP layer: a fastify app with strict JSON-schema validation, errors as problem+json,
 * and the Storefront API routes. Everything it needs is passed in (no module state), so tests
 * and the CLI build it the same way.
 */
import Fastify from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { destinationCountries } from '@mendunia/core/checkout/index.js';
import { isStale, DEFAULT_MAX_RATE_AGE_MS } from '@mendunia/core';
import { safeEqual, sha256Hex } from './canonical.js';
import { fieldError, HttpProblem, problem, PROBLEM_CONTENT_TYPE, segmentsOf } from './problem.js';
import { issueQuote } from './quotes.js';
import { applyPaymentNotification, changeOrderStatus, orderAccessToken, orderView, paymentView, placeOrder } from './orders.js';
import * as S from './schemas.js';
import { openApiDocument } from './openapi.js';
import { docsPage } from './docs-page.js';
import { adminRoutes } from './admin/routes.js';
import type { Repository, StoredPayment } from './db/index.js';
import type { CartLine, Shop } from './quotes.js';
import type { RatesProvider } from './sources.js';
import type { PaymentAdapter } from './payments/index.js';
import type { AdminSettings, Timeouts } from './settings.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OrderRequestBody } from './orders.js';
import type { Problem } from './problem.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface AppOptions {
  repo: Repository;
  shop: Shop;
  ratesProvider: RatesProvider;
  secret: string;
  merchantToken: string;
  payments: Record<string, PaymentAdapter>;
  /** the adapter POST /payment uses */
  paymentAdapter: string;
  webhooks: boolean;
  onEvent?: () => void;
  quoteTtlMs: number;
  bodyLimit: number;
  corsOrigin: string;
  logLevel: string | undefined;
  /** defaults: those of readSettings */
  timeouts?: Timeouts;
  /** public POSTs per client address and route; absent or max 0: no limit */
  rateLimit?: { max: number, windowMs: number };
  /** whose X-Forwarded-For gives the client address (default: nobody's) */
  trustProxy?: boolean | number | string[];
  /** the dashboard at /admin (default: 2h idle, 7 days at most, @mendunia/admin's dist) */
  admin?: AdminSettings;
}

/** The settings' defaults (docs/storefront-api.md#settings). */
const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 10_000, connectionMs: 60_000 };

const WELL_FORMED = 'x-wellFormedStrings';
/** NUL, or (with the u flag, where a proper pair is one code point) a surrogate on its own. */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const ILL_FORMED = /[\u0000\uD800-\uDFFF]/u;
export const ILL_FORMED_MESSAGE = 'must not contain NUL (U+0000) or an unpaired surrogate (U+D800–U+DFFF)';

/**
 * The Ajv keyword behind WELL_FORMED: one error per ill-formed string or key, at its own path.
 */
function wellFormedStrings(_schema: unknown, data: unknown, _parentSchema: unknown, dataCtx?: { instancePath: string }) {
  const errors: { keyword: string, instancePath: string, params: Record<string, unknown>, message: string }[] = [];
  const pointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (ILL_FORMED.test(value)) errors.push({ keyword: WELL_FORMED, instancePath: path, params: {}, message: ILL_FORMED_MESSAGE });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}/${i}`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (ILL_FORMED.test(key)) errors.push({ keyword: WELL_FORMED, instancePath: path + pointer(key), params: {}, message: `(a key) ${ILL_FORMED_MESSAGE}` });
        else walk(item, path + pointer(key));
      }
    }
  };
  walk(data, dataCtx?.instancePath ?? '');
  // Ajv reads a validate keyword's errors from the function itself.
  ((wellFormedStrings) as { errors?: unknown[] }).errors = errors;
  return errors.length === 0;
}

export async function buildApp(options: AppOptions) {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const app = Fastify({
    bodyLimit: options.bodyLimit,
    // Slow or idle clients are cut off: headers and the whole request have deadlines (Node answers
    // 408 and closes), idle sockets are closed. Node checks the deadlines every
    // connectionsCheckingInterval (30 s by default), so check often enough for short deadlines.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(timeouts.headersMs / 4))) },
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.connectionMs,
    // Tokens never reach the log: requests are logged with secrets in the URL replaced and
    // without headers (Authorization is redacted should anything log them).
    logger: options.logLevel
      ? {
          level: options.logLevel,
          redact: { paths: ['req.headers.authorization', 'headers.authorization', 'request.headers.authorization'], censor: '[redacted]' },
          serializers: {
            req: (request) => ({ method: request.method, url: redactUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort }),
          },
        }
      : false,
    // The client address (rate limit, logs): the socket's, unless the proxy in front is trusted.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
    return503OnClosing: true,
    forceCloseConnections: true,
  });

  // Bodies: every error reported, nothing coerced or silently dropped. Parameters, query and
  // headers arrive as strings and are coerced to their schema types.
  const bodyAjv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, strict: false });
  const paramAjv = new Ajv({ allErrors: true, coerceTypes: true, removeAdditional: false, strict: false });
  addFormats(bodyAjv, ['email', 'date-time', 'uri']);
  addFormats(paramAjv, ['email', 'date-time', 'uri']);
  // Every string of every request (body, query, parameters, headers), at any depth, keys too, must
  // be well-formed text: no NUL and no unpaired surrogate (PostgreSQL cannot store them, and they
  // are never a name or an address). One keyword at the root of each request schema, so no field
  // can forget it; the error names the field like any schema error.
  for (const ajv of [bodyAjv, paramAjv]) ajv.addKeyword({ keyword: WELL_FORMED, schemaType: 'boolean', errors: true, validate: wellFormedStrings });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : paramAjv).compile({ ...schema, [WELL_FORMED]: true }));

  // An empty body sent as JSON (fetch with a content-type and no body) is no body, not an error;
  // everything else goes through fastify's own parser (prototype-poisoning checks included).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    return parseJson(request, text, done);
  });

  await app.register(cors, {
    origin: options.corsOrigin === '*' ? '*' : options.corsOrigin.split(',').map((o) => o.trim()),
    exposedHeaders: ['Idempotent-Replayed', 'Location', 'ETag', 'Retry-After'],
    maxAge: 600,
  });

  // Public POSTs (quotes, orders, payment creation) are limited per client address and route;
  // payment notifications are not (they come from the provider, which retries).
  const limit = options.rateLimit?.max ? options.rateLimit : undefined;
  if (limit) {
    await app.register(rateLimit, {
      global: false,
      max: limit.max,
      timeWindow: limit.windowMs,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem('rate-limited', `At most ${context.max} requests per ${formatMs(limit.windowMs)} from one address to this route; retry in ${context.after}.`, {
          headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        }),
    });
  }
  /** Route options that apply the rate limit. */
  const limited = limit ? { config: { rateLimit: {} } } : {};

  /** Method and path of every route, for the test that holds the OpenAPI document to them. */
  const routes: { method: string, url: string }[] = [];
  app.decorate('storefrontRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url });
  });

  app.setErrorHandler((error, request, reply) => sendError(error as ThrownError, request, reply));
  app.setNotFoundHandler((request, reply) => sendProblem(reply, problem('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`)));

  const ctx = { repo: options.repo, shop: options.shop, secret: options.secret, webhooks: options.webhooks, onEvent: options.onEvent };
  const openapi = openApiDocument();
  const catalogJson = JSON.stringify(options.shop.catalog);
  const catalogEtag = `"${sha256Hex(catalogJson).slice(0, 32)}"`;

  /** Merchant token, or (when `reference` is given) that order's access token. */
  function authorize(request: FastifyRequest, reference?: string) {
    // The header only: a token in a URL ends up in logs, browser history and Referer headers.
    const header = String(request.headers.authorization ?? '');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (token && safeEqual(token, options.merchantToken)) return 'merchant';
    if (token && reference && safeEqual(token, orderAccessToken(options.secret, reference))) return 'buyer';
    throw new HttpProblem('unauthorized', reference ? 'Send the order access token or the merchant token as Authorization: Bearer <token>.' : 'Send the merchant token as Authorization: Bearer <token>.', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }

  // ----- storefront ---------------------------------------------------------------------------

  app.get('/api/health', async () => ({
    status: 'ok',
    storage: options.repo.kind,
    products: options.shop.catalog.products.length,
    rates: options.shop.rates()?.date ?? null,
  }));

  app.get('/api/catalog', async (request, reply) => {
    reply.header('etag', catalogEtag).header('cache-control', 'public, max-age=60');
    if (request.headers['if-none-match'] === catalogEtag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(catalogJson);
  });

  app.get('/api/rates', async () => {
    const rates = options.shop.rates();
    if (!rates) throw new HttpProblem('service-unavailable', options.ratesProvider.lastError ?? 'No exchange rates are loaded.');
    return { ...rates, stale: isStale(rates, DEFAULT_MAX_RATE_AGE_MS), ...(options.ratesProvider.lastError ? { error: options.ratesProvider.lastError } : {}) };
  });

  // The shop's checkout configuration (shipping tables, tax settings, hand-off contacts): public,
  // so a page with only `api` set can show the checkout's estimates without its own checkout.json.
  app.get('/api/checkout', async () => options.shop.config);

  app.get('/api/destinations', async () => ({
    countries: destinationCountries(options.shop.config),
    services: options.shop.config.shipping.services.map((s) => ({ id: s.id, carrier: s.carrier, name: s.name, tracked: s.tracked })),
  }));

  app.post('/api/quotes', { ...limited, schema: { body: S.QuoteRequest } }, async (request) => {
    const body = (request.body as { lines: CartLine[], destination: string, serviceId?: string, currency?: string });
    return issueQuote(options.shop, options.secret, options.quoteTtlMs, { ...body, destination: body.destination.toUpperCase() });
  });

  // ----- orders -------------------------------------------------------------------------------

  app.post('/api/orders', { ...limited, schema: { body: S.OrderRequest, headers: S.IdempotencyHeaders } }, async (request, reply) => {
    const key = request.headers['idempotency-key'] as string;
    const result = await placeOrder(ctx, { key, body: (request.body as OrderRequestBody) });
    reply.code(result.statusCode).header('location', `/api/orders/${result.body.reference}`);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  });

  const listQuery = {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { enum: S.ORDER_STATUSES },
      since: { type: 'string', format: 'date-time' },
      until: { type: 'string', format: 'date-time' },
      limit: { type: 'integer', minimum: 1, maximum: 1000 },
      offset: { type: 'integer', minimum: 0 },
    },
  };
  app.get('/api/orders', { schema: { querystring: listQuery } }, async (request) => {
    authorize(request);
    const q = request.query as { status?: string, since?: string, until?: string, limit?: number, offset?: number };
    const orders = await options.repo.listOrders({ ...q, limit: q.limit ?? 100 });
    return {
      orders: orders.map((o) => ({ reference: o.reference, status: o.status, createdAt: o.createdAt, updatedAt: o.updatedAt, destination: o.destination, totalIdr: o.totalIdr, lineCount: o.lineCount, contactEmail: o.contactEmail })),
    };
  });

  const referenceParams = { type: 'object', required: ['reference'], properties: { reference: { type: 'string', maxLength: 40 } } };

  app.get('/api/orders/:reference', { schema: { params: referenceParams } }, async (request) => {
    const { reference } = request.params as { reference: string };
    authorize(request, reference);
    const detail = await options.repo.getOrder(reference);
    if (!detail) throw new HttpProblem('not-found', `No order ${reference}.`);
    return orderView(detail);
  });

  app.get('/api/orders/:reference/status', { schema: { params: referenceParams } }, async (request) => {
    const { reference } = request.params as { reference: string };
    authorize(request, reference);
    const detail = await options.repo.getOrder(reference);
    if (!detail) throw new HttpProblem('not-found', `No order ${reference}.`);
    return { reference, status: detail.summary.status, updatedAt: detail.summary.updatedAt };
  });

  app.post('/api/orders/:reference/status', { schema: { params: referenceParams, body: S.StatusChangeRequest } }, async (request) => {
    const { reference } = request.params as { reference: string };
    if (authorize(request) !== 'merchant') throw new HttpProblem('forbidden');
    const body = request.body as { status: string, note?: string };
    return changeOrderStatus(ctx, reference, { to: body.status, source: 'merchant', ...(body.note ? { note: body.note } : {}) });
  });

  // ----- payments -----------------------------------------------------------------------------

  /** Coalesces concurrent payment creation for one order inside this process. */
  const creating: Map<string, Promise<unknown>> = new Map();
  app.post('/api/orders/:reference/payment', { ...limited, schema: { params: referenceParams } }, async (request, reply) => {
    const { reference } = request.params as { reference: string };
    authorize(request, reference);
    const adapter = options.payments[options.paymentAdapter];
    if (!adapter) throw new HttpProblem('service-unavailable', `Payment adapter ${options.paymentAdapter} is not configured.`);
    let pending = creating.get(reference);
    if (!pending) {
      pending = (async () => {
        const existing = await options.repo.getPayment(reference, adapter.id);
        if (existing) return { created: false, payment: existing };
        const detail = await options.repo.getOrder(reference);
        if (!detail) throw new HttpProblem('not-found', `No order ${reference}.`);
        if (detail.summary.status !== 'pending_payment') throw new HttpProblem('conflict', `Order ${reference} is ${detail.summary.status}, not awaiting payment.`);
        const made = await adapter.createPayment(detail.summary.order);
        const payment = await options.repo.savePayment({ reference, adapter: adapter.id, status: made.status, redirectUrl: made.redirectUrl, data: made.data, now: new Date() });
        return { created: true, payment };
      })().finally(() => creating.delete(reference));
      creating.set(reference, pending);
    }
    const { created, payment } = (await pending as { created: boolean, payment: StoredPayment });
    reply.code(created ? 201 : 200);
    return paymentView(payment);
  });

  app.post(
    '/api/payments/notifications/:adapter',
    { schema: { params: { type: 'object', required: ['adapter'], properties: { adapter: { type: 'string', maxLength: 40 } } }, body: { type: 'object' } } },
    async (request) => {
      const { adapter: id } = request.params as { adapter: string };
      const adapter = Object.hasOwn(options.payments, id) ? options.payments[id] : undefined;
      if (!adapter) throw new HttpProblem('not-found', `No payment adapter "${id}" (configured: ${Object.keys(options.payments).join(', ')}).`);
      const verified = await adapter.verifyNotification({ headers: request.headers, body: request.body });
      return applyPaymentNotification(ctx, adapter.id, verified);
    },
  );

  // ----- the merchant dashboard (src/admin/) --------------------------------------------------

  await app.register(adminRoutes, { ctx, merchantToken: options.merchantToken, settings: options.admin ?? { idleMs: 2 * 3_600_000, maxAgeMs: 7 * 86_400_000, assetsDir: undefined }, limited });

  // ----- documentation ------------------------------------------------------------------------

  app.get('/api/openapi.json', async () => openapi);
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage(openapi)));

  return app;
}

/** Query parameters whose values are secrets (token, access_token, key, signature …). */
const SECRET_PARAM = /([?&][^=&#]*(?:token|key|secret|password|signature|auth)[^=&#]*=)[^&#]*/gi;

/** A URL for the log: values of secret-looking query parameters replaced. */
export function redactUrl(url: string) {
  return url.replace(SECRET_PARAM, '$1[redacted]');
}

/** Trust the first `hops` proxies in front of the server (what proxy-addr does for a number). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const formatMs = (ms: number) => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);

function sendProblem(reply: FastifyReply, body: Problem, headers: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** What sendError reads of a thrown value: fastify's errors (code, statusCode, validation) and others. */
type ThrownError = Error & { code?: string, statusCode?: number } & (SchemaFailure | { validation?: undefined, validationContext?: undefined });
/** fastify's error for a request that does not match a route's schema (ajv's errors). */
interface SchemaFailure {
  validation: { keyword: string, instancePath?: string, params: Record<string, string>, message?: string }[];
  validationContext: string;
}

/**
 * Every error becomes problem+json: schema failures with their field paths, fastify's body
 * errors (bad JSON, too large, wrong media type) with their status, our HttpProblems as built,
 * anything else as a 500 without internals.
 */
function sendError(error: ThrownError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpProblem) return sendProblem(reply, error.toJSON(), error.headers);
  if (error.validation) {
    const where = error.validationContext === 'body' ? [] : [error.validationContext === 'querystring' ? 'query' : error.validationContext];
    const errors = error.validation.map((e) => {
      const segments = [...where, ...segmentsOf(e.instancePath ?? '')];
      if (e.keyword === 'required') return fieldError([...segments, e.params.missingProperty], 'is required');
      if (e.keyword === 'additionalProperties') {
        const name = e.params.additionalProperty;
        return fieldError([...segments, name], /price|total|amount/i.test(name) ? 'is not accepted: prices are computed by the server' : 'is not a known field');
      }
      const field = fieldError(segments, e.message ?? 'is not valid');
      return field.path ? field : { ...field, path: error.validationContext };
    });
    return sendProblem(reply, problem('validation-error', `The ${error.validationContext === 'querystring' ? 'query' : error.validationContext} does not match the schema.`, { errors }));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, problem('body-too-large', `The body is over the limit of ${request.routeOptions.bodyLimit ?? 'the server'} bytes.`));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, problem('unsupported-media-type', `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted.`));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, problem('malformed-json', 'The body is empty.'));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendProblem(reply, problem('malformed-json', error.message));
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return sendProblem(reply, problem('malformed-json', error.message));
  const status = Number(error.statusCode);
  if (status >= 400 && status < 500) return sendProblem(reply, { ...problem('validation-error', error.message), status, title: 'Bad request' });
  request.log.error(error);
  if (!request.log.level || request.log.level === 'silent') process.stderr.write(`mendunia-server: ${request.method} ${redactUrl(request.url)}: ${error.stack ?? error}\n`);
  return sendProblem(reply, problem('internal-error', 'The server failed; the error is in its log.'));
}
