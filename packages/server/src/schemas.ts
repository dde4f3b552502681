/**
 * JSON Schemas of the Storefront API: the routes validate requests with them (Ajv, all errors,
 * no coercion and no removal of unknown fields in bodies) and the OpenAPI document is built from
 * the same objects, so the documentation cannot drift from what the server accepts.
 */
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '@mendunia/core';
import { ORDER_STATUSES as STATUSES } from '@mendunia/core/fulfilment/index.js';

/** Core's fulfilment statuses (packed is optional between paid and shipped). */
export const ORDER_STATUSES = STATUSES;
// The cart limits of the browser's cart (core's limits.ts): a cart it accepts is never refused here.

const idr = { type: 'integer', minimum: 0, description: 'Whole rupiah' };
const text = (max = 200) => ({ type: 'string', maxLength: max });

export const Country = { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2', examples: ['SG'] };
export const ProductId = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' };
export const Reference = { type: 'string', pattern: '^[A-Z]{2,8}-\\d{6}-[2-9A-HJ-KMNP-Z]{5}$', examples: ['MDN-261129-7KQ4M'] };

export const CartLine = {
  type: 'object',
  description: 'A product (and variant) and how many. Prices are never sent: the server takes them from its catalog.',
  required: ['productId', 'quantity'],
  additionalProperties: false,
  properties: {
    productId: ProductId,
    variantId: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    quantity: { type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY },
  },
};

/** The buyer's subdivision, ISO 3166-2 of the destination: where import taxes depend on it (Canada's HST). */
const Region = {
  type: 'string',
  pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$',
  description: "The buyer's subdivision (ISO 3166-2, e.g. CA-ON) where the destination's import taxes depend on it; without it the estimate says the range",
};

export const QuoteRequest = {
  type: 'object',
  required: ['lines', 'destination'],
  additionalProperties: false,
  properties: {
    lines: { type: 'array', minItems: 1, maxItems: MAX_CART_LINES, items: CartLine },
    destination: Country,
    serviceId: { type: 'string', minLength: 1, maxLength: 64, description: 'A shipping service id; default: the cheapest available' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: "The buyer's display currency, for an estimate beside the IDR totals" },
    region: Region,
  },
};

export const QuoteLine = {
  type: 'object',
  required: ['productId', 'quantity', 'name', 'unitPriceIdr', 'lineTotalIdr'],
  additionalProperties: false,
  properties: {
    productId: ProductId,
    variantId: { type: 'string', maxLength: 64 },
    quantity: { type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY },
    name: text(500),
    unitPriceIdr: idr,
    lineTotalIdr: idr,
  },
};

export const Totals = {
  type: 'object',
  required: ['goodsIdr', 'shippingIdr', 'taxesAtCheckoutIdr', 'totalIdr', 'onDeliveryIdr'],
  additionalProperties: false,
  properties: {
    goodsIdr: idr,
    shippingIdr: idr,
    taxesAtCheckoutIdr: { ...idr, description: 'Import charges collected with the order (registered schemes, or all of them under DDP)' },
    totalIdr: { ...idr, description: 'What the buyer pays: goods + shipping + taxes at checkout' },
    onDeliveryIdr: { ...idr, description: 'Estimated import charges the buyer pays the carrier on delivery (DAP)' },
  },
};

export const SignedQuote = {
  type: 'object',
  description:
    'An authoritative quote, signed by the server (HMAC-SHA256 over its canonical JSON) and valid until expiresAt. Send it back unchanged with the order; any change makes the signature fail.',
  required: ['id', 'issuedAt', 'expiresAt', 'destination', 'currency', 'lines', 'shipping', 'taxes', 'totals', 'ratesDate', 'signature'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^qt_[A-Za-z0-9_-]{10,64}$' },
    issuedAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    destination: Country,
    region: Region,
    currency: { const: 'IDR' },
    lines: { type: 'array', minItems: 1, maxItems: MAX_CART_LINES, items: QuoteLine },
    shipping: {
      type: 'object',
      required: ['serviceId', 'carrier', 'priceIdr', 'parcels', 'days'],
      additionalProperties: false,
      properties: {
        serviceId: text(64),
        carrier: text(),
        priceIdr: idr,
        parcels: { type: 'integer', minimum: 1 },
        days: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2 },
      },
    },
    taxes: {
      type: ['object', 'null'],
      required: ['regime', 'incoterm', 'atCheckoutIdr', 'onDeliveryIdr'],
      additionalProperties: false,
      properties: {
        regime: { enum: ['nothing-due', 'collected-at-checkout', 'due-on-arrival', 'not-allowed'] },
        incoterm: { enum: ['DAP', 'DDP'] },
        atCheckoutIdr: idr,
        onDeliveryIdr: idr,
      },
    },
    totals: Totals,
    ratesDate: { type: ['string', 'null'], maxLength: 40, description: 'Date of the exchange rates the duty thresholds were converted with' },
    signature: { type: 'string', pattern: '^v1\\.[A-Za-z0-9_-]{43}$' },
  },
};

export const QuoteResponse = {
  type: 'object',
  required: ['quote', 'shippingOptions', 'landedCost'],
  properties: {
    quote: SignedQuote,
    shippingOptions: { type: 'array', items: { type: 'object' }, description: 'Every configured service, available or with the reason it is not' },
    landedCost: { type: ['object', 'null'], description: 'The import duties and taxes estimate with its explanation and sources (docs/duties-and-taxes.md)' },
    dutiesUnavailable: {
      type: 'object',
      description: 'Why there is no duty estimate, as a message code (docs/duties-and-taxes.md#messages) to word in the buyer\'s language',
      required: ['code'],
      properties: { code: { type: 'string' }, params: { type: 'object', additionalProperties: true } },
    },
    display: {
      type: 'object',
      description: "Totals converted to the buyer's currency, an estimate: the order is charged in IDR",
      properties: { currency: { type: 'string' }, goods: { type: 'object' }, shipping: { type: 'object' }, total: { type: 'object' }, ratesDate: { type: 'string' } },
    },
  },
};

export const Contact = {
  type: 'object',
  required: ['name', 'email', 'phone'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    email: { type: 'string', format: 'email', maxLength: 254 },
    phone: { type: 'string', minLength: 3, maxLength: 40, description: 'National or international format; stored as E.164' },
  },
};

export const Address = {
  type: 'object',
  description: 'Fields per country as in docs/addresses.md; validated with the destination country rules',
  required: ['country', 'name', 'addressLine1'],
  additionalProperties: false,
  properties: {
    country: Country,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    organization: text(),
    addressLine1: { type: 'string', minLength: 1, maxLength: 200 },
    addressLine2: text(),
    city: text(),
    dependentLocality: text(),
    region: text(),
    postalCode: text(20),
    sortingCode: text(20),
  },
};

export const OrderRequest = {
  type: 'object',
  required: ['quote', 'contact', 'address'],
  additionalProperties: false,
  properties: {
    quote: SignedQuote,
    contact: Contact,
    address: Address,
    displayCurrency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'The currency the buyer saw prices in (the order is charged in IDR)' },
  },
};

export const IdempotencyHeaders = {
  type: 'object',
  required: ['idempotency-key'],
  properties: {
    'idempotency-key': { type: 'string', minLength: 8, maxLength: 255, pattern: '^[\\x21-\\x7E]+$', description: 'A unique key per order attempt (a UUID); retries reuse it' },
  },
};

export const OrderDocument = {
  type: 'object',
  description: 'The order as the merchant receives it (format mendunia.order/1): lines, delivery, shipping, import charges, totals and the CN22/CN23 customs lines',
  required: ['format', 'reference', 'createdAt', 'contact', 'address', 'addressLines', 'lines', 'shipping', 'importCharges', 'totals', 'displayCurrency', 'customs'],
  properties: {
    format: { const: 'mendunia.order/1' },
    reference: Reference,
    createdAt: { type: 'string', format: 'date-time' },
    contact: Contact,
    address: Address,
    addressLines: { type: 'array', items: { type: 'string' } },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['productId', 'name', 'quantity', 'unitPriceIdr', 'lineTotalIdr', 'unitWeightGrams'],
        properties: {
          productId: ProductId,
          variantId: { type: 'string' },
          name: { type: 'string' },
          quantity: { type: 'integer' },
          unitPriceIdr: idr,
          lineTotalIdr: idr,
          unitWeightGrams: { type: 'integer' },
          hsCode: { type: 'string' },
        },
      },
    },
    shipping: { type: 'object' },
    importCharges: { type: ['object', 'null'] },
    totals: Totals,
    displayCurrency: { type: 'string' },
    customs: {
      type: 'object',
      required: ['form', 'lines', 'totalValueIdr', 'totalWeightGrams', 'currency'],
      properties: {
        form: { enum: ['CN22', 'CN23'] },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              description: { type: 'string' },
              quantity: { type: 'integer' },
              netWeightGrams: { type: 'integer' },
              valueIdr: idr,
              hsCode: { type: 'string' },
              originCountry: { const: 'ID' },
            },
          },
        },
        totalValueIdr: idr,
        totalWeightGrams: { type: 'integer' },
        currency: { const: 'IDR' },
      },
    },
  },
};

export const OrderCreated = {
  type: 'object',
  required: ['reference', 'status', 'createdAt', 'accessToken', 'order', 'links'],
  properties: {
    reference: Reference,
    status: { enum: ORDER_STATUSES },
    createdAt: { type: 'string', format: 'date-time' },
    accessToken: { type: 'string', description: "Lets the buyer read this order (Authorization: Bearer …); the merchant token reads every order" },
    order: OrderDocument,
    links: { type: 'object', properties: { self: { type: 'string' }, payment: { type: 'string' } } },
  },
};

export const Payment = {
  type: 'object',
  required: ['adapter', 'status', 'redirectUrl'],
  properties: {
    adapter: { enum: ['manual', 'midtrans'] },
    status: { type: 'string' },
    redirectUrl: { type: ['string', 'null'], description: 'Where to send the buyer to pay (Snap page, payment link), if anywhere' },
    token: { type: 'string', description: 'Midtrans Snap token, for snap.js pay(token)' },
    method: { enum: ['payment-link', 'payment-details'], description: "Manual payment: through the merchant's link (redirectUrl) or with the details below" },
    amountIdr: { ...idr, description: 'Manual payment: exactly what the merchant must receive' },
    currency: { const: 'IDR' },
    reference: { ...Reference, description: 'Manual payment: to quote in the transfer description' },
    bank: {
      type: 'object',
      required: ['name', 'accountName', 'accountNumber'],
      properties: { name: { type: 'string' }, accountName: { type: 'string' }, accountNumber: { type: 'string' }, swift: { type: 'string' } },
    },
    qrisImage: { type: 'string', description: "The merchant's QRIS code: an https URL or a path relative to checkout.json" },
    note: { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }], description: 'Text or language → text' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export const OrderView = {
  type: 'object',
  required: ['reference', 'status', 'createdAt', 'updatedAt', 'order', 'payments', 'history'],
  properties: {
    reference: Reference,
    status: { enum: ORDER_STATUSES },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    order: OrderDocument,
    payments: { type: 'array', items: Payment },
    history: {
      type: 'array',
      items: { type: 'object', properties: { at: { type: 'string' }, type: { type: 'string' }, from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] }, source: { type: 'string' }, note: { type: ['string', 'null'] } } },
    },
  },
};

export const OrderSummary = {
  type: 'object',
  properties: {
    reference: Reference,
    status: { enum: ORDER_STATUSES },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    destination: Country,
    totalIdr: idr,
    lineCount: { type: 'integer' },
    contactEmail: { type: 'string' },
  },
};

export const StatusChangeRequest = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { enum: ORDER_STATUSES },
    note: { type: 'string', maxLength: 1000, description: 'e.g. the tracking number' },
  },
};

export const ManualPaymentNotification = {
  type: 'object',
  required: ['reference', 'status'],
  properties: {
    reference: Reference,
    status: { enum: ['paid', 'cancelled', 'refunded'] },
    amountIdr: { ...idr, description: 'If given, must equal the order total' },
  },
};

export const MidtransNotification = {
  type: 'object',
  description: 'As Midtrans sends it (docs.midtrans.com, HTTP notification); verified by signature_key',
  required: ['order_id', 'status_code', 'gross_amount', 'signature_key', 'transaction_status'],
  properties: {
    order_id: { type: 'string' },
    status_code: { type: 'string' },
    gross_amount: { type: 'string', examples: ['1585000.00'] },
    signature_key: { type: 'string', description: 'SHA512(order_id + status_code + gross_amount + server key), hex' },
    transaction_status: { type: 'string' },
    fraud_status: { type: 'string' },
    transaction_id: { type: 'string' },
    payment_type: { type: 'string' },
  },
};

export const WebhookEvent = {
  type: 'object',
  description:
    'POSTed to MENDUNIA_WEBHOOK_URL with X-Mendunia-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> (webhook secret), X-Mendunia-Event and X-Mendunia-Delivery (= id). Answer 2xx; anything else is retried with exponential back-off. Deliveries can repeat: use id to ignore duplicates.',
  required: ['id', 'type', 'createdAt', 'data'],
  properties: {
    id: { type: 'string' },
    type: { enum: ['order.created', 'order.status_changed'] },
    createdAt: { type: 'string', format: 'date-time' },
    data: {
      type: 'object',
      properties: {
        reference: Reference,
        status: { enum: ORDER_STATUSES },
        previousStatus: { enum: ORDER_STATUSES },
        source: { type: 'string' },
        note: { type: 'string' },
        order: OrderDocument,
      },
    },
  },
};

export const ProblemDetails = {
  type: 'object',
  description: 'RFC 9457 problem details, served as application/problem+json',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri', examples: ['https://mendunia.dev/problems/quote-tampered'] },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'pointer', 'message'],
        properties: {
          path: { type: 'string', examples: ['lines[0].quantity'] },
          pointer: { type: 'string', description: 'JSON pointer into the request', examples: ['/lines/0/quantity'] },
          message: { type: 'string' },
        },
      },
    },
  },
};

/** Named schemas: the OpenAPI components, in this order. */
export const NAMED_SCHEMAS = {
  Country, ProductId, Reference, CartLine, QuoteRequest, QuoteLine, Totals, SignedQuote, QuoteResponse, Contact, Address,
  OrderRequest, OrderDocument, OrderCreated, OrderView, OrderSummary, Payment, StatusChangeRequest, ManualPaymentNotification,
  MidtransNotification, WebhookEvent, ProblemDetails,
};
