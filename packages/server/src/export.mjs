/**
 * Orders out of the store for the merchant: a table for the terminal, a detailed text view of one
 * order, and CSV / JSON exports that carry the customs lines (CN22/CN23: description, quantity,
 * net weight, value, HS code, origin) next to each order line.
 */

import { lineNames, lineTitle } from '@mendunia/core/checkout/index.js';

/** @typedef {import('./db/index.mjs').StoredOrder} StoredOrder */

/** The merchant's language: Indonesian, then English for couriers, customs and anyone else. */
const MERCHANT_LANGUAGE = 'id';

export const CSV_COLUMNS = [
  'reference', 'created_at', 'status', 'destination', 'customer_name', 'email', 'phone', 'address', 'shipping_service', 'shipping_idr',
  'taxes_at_checkout_idr', 'total_idr', 'customs_form', 'line_no', 'product_id', 'variant_id', 'product_name_id', 'variant_name_id',
  'product_name_en', 'variant_name_en', 'description', 'quantity', 'unit_price_idr',
  'value_idr', 'net_weight_grams', 'hs_code', 'origin_country',
];

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed
 * with an apostrophe (OWASP "CSV injection"); numbers are written as they are.
 * @param {unknown} value
 */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per order line (= customs line). The names come in Indonesian (`_id`) and English
 * (`_en`); a line stored before names were kept has its English name and its variant id there.
 * @param {readonly StoredOrder[]} orders
 */
export function ordersCsv(orders) {
  const rows = [CSV_COLUMNS.join(',')];
  for (const o of orders) {
    const d = o.order;
    d.lines.forEach((line, i) => {
      const customs = d.customs.lines[i];
      rows.push(
        [
          o.reference, o.createdAt, o.status, d.address.country, d.contact.name, d.contact.email, d.contact.phone, d.addressLines.join(' / '),
          `${d.shipping.carrier} ${d.shipping.serviceId}`, d.shipping.priceIdr, d.totals.taxesAtCheckoutIdr, d.totals.totalIdr, d.customs.form, i + 1,
          line.productId, line.variantId ?? '', ...names(line, MERCHANT_LANGUAGE), ...names(line, 'en'), customs?.description ?? line.name, line.quantity, line.unitPriceIdr, customs?.valueIdr ?? line.lineTotalIdr,
          customs?.netWeightGrams ?? line.unitWeightGrams * line.quantity, customs?.hsCode ?? line.hsCode ?? '', customs?.originCountry ?? 'ID',
        ]
          .map(csvField)
          .join(','),
      );
    });
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** A line's product and variant names in `lang`, for two CSV columns. @param {import('./db/index.mjs').StoredOrder['order']['lines'][number]} line  @param {string} lang */
function names(line, lang) {
  const n = lineNames(line, lang);
  return [n.product, n.variant ?? ''];
}

/** @param {readonly StoredOrder[]} orders  @param {Date} [now] */
export function ordersJson(orders, now = new Date()) {
  return `${JSON.stringify(
    {
      format: 'mendunia.orders-export/1',
      exportedAt: now.toISOString(),
      orders: orders.map((o) => ({ reference: o.reference, status: o.status, createdAt: o.createdAt, updatedAt: o.updatedAt, order: o.order })),
    },
    null,
    2,
  )}\n`;
}

const rupiah = new Intl.NumberFormat('id-ID');
/** @param {number} n */
const idr = (n) => `IDR ${rupiah.format(n)}`;

/** @param {readonly StoredOrder[]} orders */
export function ordersTable(orders) {
  if (orders.length === 0) return 'No orders.\n';
  const rows = orders.map((o) => [o.reference, o.createdAt.slice(0, 16).replace('T', ' '), o.status, o.destination, idr(o.totalIdr), String(o.lineCount), o.contactEmail]);
  const head = ['REFERENCE', 'CREATED (UTC)', 'STATUS', 'TO', 'TOTAL', 'LINES', 'EMAIL'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => /** @type {string} */ (r[i]).length)));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => (i === 4 ? c.padStart(/** @type {number} */ (widths[i])) : c.padEnd(/** @type {number} */ (widths[i])))).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n${orders.length} order${orders.length === 1 ? '' : 's'}\n`;
}

/** @param {import('./db/index.mjs').OrderDetail} detail */
export function orderText(detail) {
  const o = detail.summary;
  const d = o.order;
  const out = [
    `Order ${o.reference} — ${o.status}`,
    `Created ${o.createdAt}, updated ${o.updatedAt}`,
    '',
    `Buyer    ${d.contact.name} <${d.contact.email}> ${d.contact.phone}`,
    'Ship to',
    ...d.addressLines.map((l) => `  ${l}`),
    '',
    'Lines',
    ...d.lines.flatMap((l, i) => {
      // Indonesian first (the merchant's), then English and the catalog ids to pick the goods by.
      const local = lineTitle(l, MERCHANT_LANGUAGE);
      const english = lineTitle(l, 'en');
      const ids = `product ${l.productId}${l.variantId ? `, variant ${l.variantId}` : ''}`;
      return [`  ${i + 1}. ${l.quantity} × ${local} @ ${idr(l.unitPriceIdr)} = ${idr(l.lineTotalIdr)}`, `     ${english === local ? '' : `${english} `}(${ids})`];
    }),
    `Shipping ${d.shipping.carrier} ${d.shipping.serviceId}, ${d.shipping.parcels} parcel(s), ${d.shipping.chargeableGrams} g chargeable: ${idr(d.shipping.priceIdr)}`,
    ...(d.importCharges ? [`Import   ${d.importCharges.regime} (${d.importCharges.incoterm}): at checkout ${idr(d.importCharges.atCheckoutIdr)}, on delivery ≈ ${idr(d.importCharges.onDeliveryIdr)}`] : []),
    `Total    ${idr(d.totals.totalIdr)}`,
    '',
    `Customs  ${d.customs.form}, ${d.customs.totalWeightGrams} g, value ${idr(d.customs.totalValueIdr)}`,
    ...d.customs.lines.map((c) => `  ${c.quantity} × ${c.description} | HS ${c.hsCode ?? '—'} | ${c.netWeightGrams} g | ${idr(c.valueIdr)} | origin ${c.originCountry}`),
    '',
    'History',
    ...detail.events.map((e) => `  ${e.at} ${e.type}${e.from ? ` ${e.from} →` : ''} ${e.to ?? ''} (${e.source})${e.note ? ` ${e.note}` : ''}`),
    ...(detail.payments.length ? ['', 'Payments', ...detail.payments.map((p) => `  ${p.adapter} ${p.status}${p.redirectUrl ? ` ${p.redirectUrl}` : ''}`)] : []),
  ];
  if (o.storedLines !== o.lineCount) out.push('', `WARNING: ${o.storedLines} of ${o.lineCount} lines are in the database`);
  return `${out.join('\n')}\n`;
}
