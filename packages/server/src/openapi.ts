/**
 * The OpenAPI 3.1 document of the Storefront API, built from the same schema objects the routes
 * validate with. Served at /api/openapi.json; docs/openapi.json is this document written out by
 * `mendunia-server openapi` (a test keeps the two equal).
 */
import { readFileSync } from 'node:fs';
import { NAMED_SCHEMAS } from './schemas.js';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES } from './problem.js';
import { ADMIN_SCHEMAS, AdminOrdersCsvQuery, AdminOrdersQuery } from './admin/schemas.js';

/** Every named schema: the Storefront API's and the dashboard's. */
const SCHEMAS = { ...NAMED_SCHEMAS, ...ADMIN_SCHEMAS };

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Replaces nested named schemas by $refs to their components. */
function refify(schema: unknown, root: unknown = schema): unknown {
  if (Array.isArray(schema)) return schema.map((s) => refify(s, root));
  if (!schema || typeof schema !== 'object') return schema;
  if (schema !== root) {
    for (const [name, named] of Object.entries(SCHEMAS)) if (named === schema) return { $ref: `#/components/schemas/${name}` };
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, refify(v, root)]));
}

const ref = (name: keyof typeof SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const problemResponse = (description: string, types: string[]) => ({
  description: `${description} (${types.map((t) => `\`${t}\``).join(', ')})`,
  content: { 'application/problem+json': { schema: ref('ProblemDetails') } },
});
const common = {
  400: problemResponse(
    'Malformed JSON or a request that does not match the schema; `errors` names each field. Any string of a request (body, query, header, at any depth, keys included) containing NUL (U+0000) or an unpaired surrogate is refused here too',
    ['validation-error', 'malformed-json'],
  ),
  413: problemResponse('Body over the size limit (64 KiB by default)', ['body-too-large']),
  415: problemResponse('Body not sent as application/json', ['unsupported-media-type']),
};
/** Public POSTs are rate-limited per client address and route (MENDUNIA_RATE_LIMIT, on by default). */
const rateLimited = {
  429: {
    ...problemResponse('Too many requests from this address to this route in the window (MENDUNIA_RATE_LIMIT per MENDUNIA_RATE_LIMIT_WINDOW); retry after Retry-After seconds', ['rate-limited']),
    headers: { 'Retry-After': { description: 'Seconds until the window resets', schema: { type: 'integer', minimum: 1 } } },
  },
};
const referenceParam = { name: 'reference', in: 'path', required: true, schema: ref('Reference') };

/** Query parameters from a query schema's properties. */
const queryParams = (schema: { properties: Record<string, object> }) => Object.entries(schema.properties).map(([name, s]) => ({ name, in: 'query', schema: s }));
const session = [{ adminSession: [] }];
const signedOut = { 401: problemResponse('No session cookie, or the session expired or was signed out', ['unauthorized']) };
const csrf = {
  parameters: [{ name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' }, description: "The session's csrfToken" }],
  403: problemResponse('Missing or wrong X-CSRF-Token; nothing changed', ['forbidden']),
};

/** The dashboard's API (src/admin/): cookie session, CSRF token on every change. */
const adminPaths = {
  '/admin/api/session': {
    post: {
      tags: ['dashboard'],
      operationId: 'adminSignIn',
      summary: 'Sign in with the merchant token (in the body only); sets the session cookie mendunia_admin (HttpOnly, SameSite=Strict, Path=/admin; Secure over https)',
      requestBody: { required: true, content: json(ref('AdminSignIn')) },
      responses: {
        200: { description: 'Signed in; Set-Cookie carries the session', content: json(ref('AdminSession')) },
        ...common,
        401: problemResponse('Not the merchant token', ['unauthorized']),
        ...rateLimited,
      },
    },
    get: { tags: ['dashboard'], operationId: 'adminSession', summary: "The session's CSRF token and the shop", security: session, responses: { 200: { description: 'Signed in', content: json(ref('AdminSession')) }, ...signedOut } },
    delete: {
      tags: ['dashboard'],
      operationId: 'adminSignOut',
      summary: 'Sign out: the session is revoked on the server (every instance) and the cookie cleared',
      security: session,
      parameters: csrf.parameters,
      responses: { 204: { description: 'Signed out' }, ...signedOut, 403: csrf[403] },
    },
  },
  '/admin/api/orders': {
    get: {
      tags: ['dashboard'],
      operationId: 'adminListOrders',
      summary: 'Orders, newest first: filter by status and days (UTC, inclusive), search by reference prefix or buyer name; paged',
      security: session,
      parameters: queryParams(AdminOrdersQuery),
      responses: {
        200: { description: 'A page of orders and how many match', content: json({ type: 'object', required: ['orders', 'total'], properties: { orders: { type: 'array', items: ref('AdminOrderSummary') }, total: { type: 'integer' } } }) },
        400: common[400],
        ...signedOut,
      },
    },
  },
  '/admin/api/orders.csv': {
    get: {
      tags: ['dashboard'],
      operationId: 'adminExportOrders',
      summary: 'Every order matching the filters as CSV, one row per line (= customs line); formula-safe (see docs/storefront-api.md#merchant-command-line)',
      security: session,
      parameters: queryParams(AdminOrdersCsvQuery),
      responses: { 200: { description: 'Attachment orders-YYYY-MM-DD.csv', content: { 'text/csv': { schema: { type: 'string' } } } }, 400: common[400], ...signedOut },
    },
  },
  '/admin/api/orders/{reference}': {
    get: {
      tags: ['dashboard'],
      operationId: 'adminGetOrder',
      summary: 'An order with its lines, buyer, landed cost, events (with actor), payments, shipment, the statuses it may move to and the known carriers',
      security: session,
      parameters: [referenceParam],
      responses: { 200: { description: 'The order', content: json(ref('AdminOrderDetail')) }, ...signedOut, 404: problemResponse('No such order', ['not-found']) },
    },
  },
  '/admin/api/orders/{reference}/status': {
    post: {
      tags: ['dashboard'],
      operationId: 'adminSetOrderStatus',
      summary: 'Move an order (paid, packed, shipped with carrier and tracking number, delivered, cancelled, refunded); recorded with actor "dashboard" and sent to the webhook',
      security: session,
      parameters: [referenceParam, ...csrf.parameters],
      requestBody: { required: true, content: json(ref('AdminStatusChange')) },
      responses: {
        200: { description: 'The order after the change (unchanged when it already had that status)', content: json(ref('AdminOrderDetail')) },
        ...common,
        ...signedOut,
        403: csrf[403],
        404: problemResponse('No such order', ['not-found']),
        409: problemResponse('Not allowed from the current status; `current` and `allowed` say what is', ['conflict']),
      },
    },
  },
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mendunia Storefront API',
      version: VERSION,
      summary: 'Catalog, rates, authoritative quotes and idempotent orders for a Mendunia shop',
      description:
        'Prices are in whole Indonesian rupiah (IDR). The server recomputes every price, conversion, shipping charge and import duty from its own catalog and rules: ' +
        'a quote is signed and expires, an order must bring its quote back unchanged, and POST /api/orders needs an Idempotency-Key. ' +
        'Errors are RFC 9457 problem details (application/problem+json) whose `errors` name the fields. Guide: docs/storefront-api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'storefront', description: 'Public: what a shop page calls' },
      { name: 'orders', description: 'Orders: created by buyers, read with their access token or the merchant token' },
      { name: 'payments', description: 'Payment creation and provider notifications' },
      { name: 'merchant', description: 'Merchant only (bearer merchant token)' },
      {
        name: 'dashboard',
        description:
          'The merchant dashboard at /admin (an HTML page and its files under /admin/assets/, served with a strict Content-Security-Policy) and the API it calls: ' +
          'sign in once with the merchant token for a session cookie; every change needs the X-CSRF-Token of the session. Guide: docs/dashboard.md; API: docs/storefront-api.md#merchant-dashboard.',
      },
    ],
    paths: {
      '/api/catalog': {
        get: {
          tags: ['storefront'],
          operationId: 'getCatalog',
          summary: 'The catalog the server prices from (docs/catalog.md); supports ETag / If-None-Match',
          responses: { 200: { description: 'The catalog', content: json({ type: 'object', description: 'catalog.schema.json of @mendunia/core' }) }, 304: { description: 'Not modified' } },
        },
      },
      '/api/rates': {
        get: {
          tags: ['storefront'],
          operationId: 'getRates',
          summary: 'The exchange rates in use, with their date and source',
          responses: {
            200: {
              description: 'Rates',
              content: json({
                type: 'object',
                properties: {
                  base: { type: 'string' }, date: { type: 'string' }, source: { type: 'string' }, fetchedAt: { type: 'string' },
                  rates: { type: 'object', additionalProperties: { type: 'string' } }, stale: { type: 'boolean' }, error: { type: 'string' },
                },
              }),
            },
            503: problemResponse('No rates loaded', ['service-unavailable']),
          },
        },
      },
      '/api/checkout': {
        get: {
          tags: ['storefront'],
          operationId: 'getCheckoutConfig',
          summary: "The shop's checkout configuration (checkout.json as parsed): shipping services and rates, tax settings, hand-off contacts",
          responses: { 200: { description: 'Checkout configuration', content: json({ type: 'object' }) } },
        },
      },
      '/api/destinations': {
        get: {
          tags: ['storefront'],
          operationId: 'getDestinations',
          summary: 'Countries the shop ships to and its shipping services',
          responses: { 200: { description: 'Destinations', content: json({ type: 'object', properties: { countries: { type: 'array', items: ref('Country') }, services: { type: 'array', items: { type: 'object' } } } }) } },
        },
      },
      '/api/quotes': {
        post: {
          tags: ['storefront'],
          operationId: 'createQuote',
          summary: 'Price a cart for a destination: lines, shipping, import duties and taxes, total; signed, with an expiry',
          requestBody: { required: true, content: json(ref('QuoteRequest')) },
          responses: {
            200: { description: 'The signed quote and its explanation', content: json(ref('QuoteResponse')) },
            ...common,
            422: problemResponse('Unknown product or variant, quantity over stock, item not allowed at the destination, no carrier', ['cart-invalid', 'not-orderable']),
            ...rateLimited,
          },
        },
      },
      '/api/orders': {
        post: {
          tags: ['orders'],
          operationId: 'createOrder',
          summary: 'Place an order from a signed quote; idempotent per Idempotency-Key',
          description:
            'The quote is verified (signature, expiry) and priced again; the order and its lines are written in one transaction. ' +
            'Repeating the request with the same Idempotency-Key and body returns the first response (header Idempotent-Replayed: true); the same key with another body is refused.',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: NAMED_SCHEMAS_HEADER }],
          requestBody: { required: true, content: json(ref('OrderRequest')) },
          responses: {
            201: { description: 'Created (or the replay of the first response for this key)', content: json(ref('OrderCreated')) },
            ...common,
            409: problemResponse('Prices changed since the quote (ask for a new one)', ['quote-outdated']),
            422: problemResponse('Changed quote, expired quote, cart no longer valid, invalid address or phone, key reused with another body (or a key whose record was purged after MENDUNIA_IDEMPOTENCY_TTL)', [
              'quote-tampered', 'quote-expired', 'cart-invalid', 'not-orderable', 'address-invalid', 'idempotency-key-reused',
            ]),
            ...rateLimited,
          },
        },
        get: {
          tags: ['merchant'],
          operationId: 'listOrders',
          summary: 'List orders (merchant)',
          security: [{ merchantToken: [] }],
          parameters: [
            { name: 'status', in: 'query', schema: { enum: NAMED_SCHEMAS.OrderSummary.properties.status.enum } },
            { name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
          ],
          responses: { 200: { description: 'Orders, oldest first', content: json({ type: 'object', properties: { orders: { type: 'array', items: ref('OrderSummary') } } }) }, 401: problemResponse('No or wrong token', ['unauthorized']) },
        },
      },
      '/api/orders/{reference}': {
        get: {
          tags: ['orders'],
          operationId: 'getOrder',
          summary: 'An order with its status, payments and history',
          security: [{ orderToken: [] }, { merchantToken: [] }],
          parameters: [referenceParam],
          responses: { 200: { description: 'The order', content: json(ref('OrderView')) }, 401: problemResponse('No or wrong token', ['unauthorized']), 404: problemResponse('No such order', ['not-found']) },
        },
      },
      '/api/orders/{reference}/status': {
        get: {
          tags: ['orders'],
          operationId: 'getOrderStatus',
          summary: 'Just the status (for polling after payment)',
          security: [{ orderToken: [] }, { merchantToken: [] }],
          parameters: [referenceParam],
          responses: {
            200: { description: 'Status', content: json({ type: 'object', properties: { reference: ref('Reference'), status: { enum: NAMED_SCHEMAS.OrderSummary.properties.status.enum }, updatedAt: { type: 'string' } } }) },
            401: problemResponse('No or wrong token', ['unauthorized']),
            404: problemResponse('No such order', ['not-found']),
          },
        },
        post: {
          tags: ['merchant'],
          operationId: 'setOrderStatus',
          summary: 'Move an order along: pending_payment → paid → (packed →) shipped → delivered; cancelled; refunded (see the dashboard for a shipment with a tracking number)',
          security: [{ merchantToken: [] }],
          parameters: [referenceParam],
          requestBody: { required: true, content: json(ref('StatusChangeRequest')) },
          responses: {
            200: { description: 'The new status', content: json({ type: 'object', properties: { reference: ref('Reference'), status: { type: 'string' }, previousStatus: { type: 'string' }, changed: { type: 'boolean' } } }) },
            ...common,
            401: problemResponse('No or wrong token', ['unauthorized']),
            404: problemResponse('No such order', ['not-found']),
            409: problemResponse('Not allowed from the current status', ['conflict']),
          },
        },
      },
      '/api/orders/{reference}/payment': {
        post: {
          tags: ['payments'],
          operationId: 'createPayment',
          summary: "Create the order's payment with the configured adapter (manual: instructions / payment link; midtrans: Snap token and redirect URL). Repeating returns the same payment.",
          security: [{ orderToken: [] }, { merchantToken: [] }],
          parameters: [referenceParam],
          responses: {
            201: { description: 'Created', content: json(ref('Payment')) },
            200: { description: 'Already created', content: json(ref('Payment')) },
            401: problemResponse('No or wrong token', ['unauthorized']),
            404: problemResponse('No such order', ['not-found']),
            409: problemResponse('The order is no longer awaiting payment', ['conflict']),
            502: problemResponse('The provider refused or could not be reached', ['payment-provider-error']),
            ...rateLimited,
          },
        },
      },
      '/api/payments/notifications/{adapter}': {
        post: {
          tags: ['payments'],
          operationId: 'paymentNotification',
          summary: "A payment provider's notification (Midtrans HTTP notification; manual: the merchant's confirmation with the merchant token)",
          description:
            'Midtrans: the signature_key must match, then the transaction is read back from the Midtrans status API (GET /v2/{order_id}/status) and only its confirmed ' +
            'transaction_status, fraud_status and gross_amount are used; notifications are recorded once per confirmed state (transaction_id + status), so a replayed or edited notification changes nothing.',
          parameters: [{ name: 'adapter', in: 'path', required: true, schema: { enum: ['manual', 'midtrans'] } }],
          requestBody: { required: true, content: json({ oneOf: [ref('MidtransNotification'), ref('ManualPaymentNotification')] }) },
          responses: {
            200: { description: 'Received (also for duplicates)', content: json({ type: 'object', properties: { received: { const: true }, duplicate: { type: 'boolean' }, status: { type: 'string' } } }) },
            ...common,
            401: problemResponse('Manual confirmation without the merchant token', ['unauthorized']),
            403: problemResponse('Signature does not match', ['forbidden']),
            404: problemResponse('Unknown adapter or order', ['not-found']),
            422: problemResponse('The amount confirmed by the provider differs from the order total', ['payment-invalid']),
            503: {
              ...problemResponse('Midtrans: the notification could not be confirmed with the status API; nothing changed, the provider retries', ['service-unavailable']),
              headers: { 'Retry-After': { description: 'Seconds', schema: { type: 'integer' } } },
            },
          },
        },
      },
      '/api/openapi.json': { get: { tags: ['storefront'], operationId: 'getOpenApi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
      '/api/health': { get: { tags: ['storefront'], operationId: 'health', summary: 'Liveness and what is loaded', responses: { 200: { description: 'OK', content: json({ type: 'object' }) } } } },
      ...adminPaths,
    },
    webhooks: {
      orderEvent: {
        post: {
          summary: 'Order events sent to the merchant (MENDUNIA_WEBHOOK_URL), signed and retried',
          parameters: [
            { name: 'X-Mendunia-Signature', in: 'header', required: true, schema: { type: 'string', examples: ['t=1764400000,v1=5f0c…'] } },
            { name: 'X-Mendunia-Event', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'X-Mendunia-Delivery', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: json(ref('WebhookEvent')) },
          responses: { 200: { description: 'Any 2xx acknowledges the event; anything else is retried' } },
        },
      },
    },
    components: {
      schemas: Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, refify(schema)])),
      securitySchemes: {
        merchantToken: { type: 'http', scheme: 'bearer', description: 'MENDUNIA_MERCHANT_TOKEN, or the token generated in <data dir>/merchant-token; in the Authorization header only (a token in the URL is refused)' },
        orderToken: { type: 'http', scheme: 'bearer', description: 'The accessToken returned when the order was created (reads that order only)' },
        adminSession: { type: 'apiKey', in: 'cookie', name: 'mendunia_admin', description: 'The dashboard session from POST /admin/api/session (HttpOnly; changes also need X-CSRF-Token)' },
      },
    },
    'x-problem-types': Object.fromEntries(Object.entries(PROBLEM_TYPES).map(([name, p]) => [PROBLEM_TYPE_BASE + name, p])),
  };
}

const NAMED_SCHEMAS_HEADER = { type: 'string', minLength: 8, maxLength: 255, description: 'A unique key per order attempt (a UUID); retries reuse it' };
