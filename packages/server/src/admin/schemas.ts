/**
 * JSON Schemas of the dashboard's API (/admin/api): the routes validate requests with them and
 * the OpenAPI document (src/openapi.ts) is built from the same objects, responses included.
 */
import { Country, OrderDocument, ORDER_STATUSES, Reference } from '../schemas.js';

const status = { enum: ORDER_STATUSES };
const day = (description: string) => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

/** The list's and the CSV's filters: dates are whole UTC days. */
const FILTERS = {
  status,
  since: day('First day (UTC), inclusive: YYYY-MM-DD'),
  until: day('Last day (UTC), inclusive: YYYY-MM-DD'),
  q: { type: 'string', maxLength: 100, description: 'Reference prefix or part of the buyer name, any case' },
};

/** Query of the list: the filters and a page. */
export const AdminOrdersQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...FILTERS,
    limit: { type: 'integer', minimum: 1, maximum: 200, description: '50 when absent' },
    offset: { type: 'integer', minimum: 0 },
  },
};

/** The CSV takes the list's filters, without paging (every matching order). */
export const AdminOrdersCsvQuery = { type: 'object', additionalProperties: false, properties: FILTERS };

export const AdminSignIn = {
  type: 'object',
  required: ['token'],
  additionalProperties: false,
  properties: { token: { type: 'string', minLength: 1, maxLength: 500 } },
};

export const AdminStatusChange = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status,
    carrier: { type: 'string', maxLength: 80, description: 'Required for shipped: a known carrier id (see carriers) or the carrier as written' },
    trackingNumber: { type: 'string', maxLength: 40, description: 'Required for shipped' },
    trackingUrl: { type: 'string', maxLength: 500, description: 'https; filled from the carrier when not given' },
    note: { type: 'string', maxLength: 1000 },
  },
};

export const AdminShop = {
  type: 'object',
  required: ['name', 'sender'],
  description: 'The shop (catalog merchant, checkout hand-off contacts); the sender printed on the customs declaration',
  properties: {
    name: { type: 'string' },
    whatsapp: { type: 'string', description: 'International number, digits only' },
    email: { type: 'string' },
    sender: {
      type: 'object',
      required: ['name', 'lines', 'country'],
      properties: { name: { type: 'string' }, lines: { type: 'array', items: { type: 'string' } }, country: { const: 'ID' }, phone: { type: 'string' } },
    },
  },
};

export const AdminSession = {
  type: 'object',
  required: ['csrfToken', 'shop'],
  properties: { csrfToken: { type: 'string', description: 'Send it as X-CSRF-Token with every request that changes something' }, shop: AdminShop },
};

export const AdminOrderSummary = {
  type: 'object',
  required: ['reference', 'createdAt', 'updatedAt', 'status', 'destination', 'buyerName', 'totalIdr'],
  properties: {
    reference: Reference,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    status,
    destination: Country,
    buyerName: { type: 'string' },
    totalIdr: { type: 'integer', minimum: 0 },
    display: {
      type: 'object',
      description: "The total in the buyer's currency, estimated at the server's current rates (the order keeps only the currency); absent for IDR or without rates",
      properties: { currency: { type: 'string' }, total: { type: 'string', description: 'Major units, e.g. "84.15"' }, ratesDate: { type: 'string' } },
    },
  },
};

export const AdminShipment = {
  type: 'object',
  required: ['carrier', 'carrierName', 'trackingNumber', 'shippedAt'],
  properties: {
    carrier: { type: 'string', description: 'A known carrier id, or the carrier as written' },
    carrierName: { type: 'string' },
    trackingNumber: { type: 'string' },
    trackingUrl: { type: 'string', description: "Given, or filled from the carrier's template" },
    shippedAt: { type: 'string', format: 'date-time' },
  },
};

export const AdminOrderDetail = {
  type: 'object',
  required: ['summary', 'order', 'allowedTransitions', 'events', 'payments', 'carriers'],
  properties: {
    summary: AdminOrderSummary,
    order: OrderDocument,
    allowedTransitions: { type: 'array', items: status, description: 'The statuses the order may move to now' },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          at: { type: 'string' }, type: { type: 'string' }, from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] },
          actor: { type: 'string', description: "Who: 'api' (the buyer's order), 'merchant' (merchant token), 'dashboard', 'cli', 'payment:<adapter>'" },
          note: { type: ['string', 'null'] }, data: { type: 'object', description: 'e.g. { shipment } of a change to shipped' },
        },
      },
    },
    payments: { type: 'array', items: { type: 'object', properties: { adapter: { type: 'string' }, status: { type: 'string' }, createdAt: { type: 'string' }, updatedAt: { type: 'string' } } } },
    shipment: AdminShipment,
    carriers: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
  },
};

/** The dashboard's schemas, named in the OpenAPI document's components. */
export const ADMIN_SCHEMAS = { AdminSignIn, AdminSession, AdminShop, AdminOrderSummary, AdminOrderDetail, AdminShipment, AdminStatusChange };
