/**
 * Orders out of the store for the merchant: a table for the terminal, a detailed text view of one
 * order, and CSV / JSON exports that carry the customs lines (CN22/CN23: description, quantity,
 * net weight, value, HS code, origin) next to each order line.
 */

import { lineNames, lineTitle } from '@mendunia/core/checkout/index.js';

import type { OrderDetail, StoredOrder } from './db/index.js';

/** The merchant's language: Indonesian, then English for couriers, customs and anyone else. */
const MERCHANT_LANGUAGE = 'id';

export const CSV_COLUMNS = [
  'reference', 'created_at', 'status', 'destination', 'customer_name', 'email', 'phone', 'address', 'shipping_service', 'shipping_idr',
  'taxes_at_checkout_idr', 'total_idr', 'customs_form', 'line_no', 'product_id', 'variant_id', 'product_name_id', 'variant_name_id',
  'product_name_en', 'variant_name_en', 'description', 'quantity', 'unit_price_idr',
  'value_idr', 'net_weight_grams', 'hs_code', 'origin_country',
];

/* eslint-disable no-control-regex -- control characters are what these look for */
/**
 * Terminal escape sequences: CSI (`ESC [ … final byte`), OSC (`ESC ] … BEL or ESC \`, titles and
 * hyperlinks), DCS/SOS/PM/APC strings, any other `ESC x`, and the 8-bit CSI/OSC forms (U+009B, U+009D).
 */
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[PX^_][^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[ -~]?|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
/** C0 and C1 controls, DEL, and the bidi controls that reorder what follows (ALM, LRM/RLM, LRE…RLO, LRI…PDI). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw of those (it escapes C0 itself; its own line breaks must stay). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Buyer text made safe to print in a terminal: escape sequences and control characters removed,
 * line breaks and tabs turned into spaces (a name cannot clear the screen, recolour the output, or
 * forge a line of its own).
 */
export function terminalText(text: string) {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/[\t\n\r\v\f]+/g, ' ').replace(CONTROLS, '');
}

/**
 * A copy of `value` with every string passed through terminalText (keys too).
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return (terminalText(value) as T);
  if (Array.isArray(value)) return (value.map(terminalSafe) as T);
  if (value && typeof value === 'object') return (Object.fromEntries(Object.entries(value).map(([k, v]) => [terminalText(k), terminalSafe(v)])) as T);
  return value;
}

/**
 * JSON for a terminal (and for files): the data unchanged, but control and bidi characters
 * written as \uXXXX escapes — JSON.stringify escapes C0 only and would print C1 controls and
 * bidi overrides raw.
 */
export function jsonForTerminal(value: unknown, indent?: number) {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What starts a formula in a spreadsheet: = + - @ (and their full-width forms), or a tab / CR before them. */
const FORMULA_START = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** The same after a separator a spreadsheet may split on ("," or ";" — an Indonesian Excel splits on ";"). */
const FORMULA_AFTER_SEPARATOR = /([,;]\s*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * One CSV field (OWASP "CSV injection"): control characters removed as for the terminal, and text
 * that a spreadsheet would run as a formula is prefixed with an apostrophe — at the start of the
 * cell and after every "," or ";" inside it, since a spreadsheet set to another separator splits
 * the cell there (`Tan;=1+1` → `Tan;'=1+1`). Text with a separator, a quote or a line break is
 * quoted; numbers are written as they are.
 */
export function csvField(value: unknown) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = terminalText(String(value)).replace(FORMULA_AFTER_SEPARATOR, "$1'");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per order line (= customs line). The names come in Indonesian (`_id`) and English
 * (`_en`); a line stored before names were kept has its English name and its variant id there.
 */
export function ordersCsv(orders: readonly StoredOrder[]) {
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

/** A line's product and variant names in `lang`, for two CSV columns. */
function names(line: StoredOrder['order']['lines'][number], lang: string) {
  const n = lineNames(line, lang);
  return [n.product, n.variant ?? ''];
}

export function ordersJson(orders: readonly StoredOrder[], now: Date = new Date()) {
  return `${jsonForTerminal(
    {
      format: 'mendunia.orders-export/1',
      exportedAt: now.toISOString(),
      orders: orders.map((o) => ({ reference: o.reference, status: o.status, createdAt: o.createdAt, updatedAt: o.updatedAt, order: o.order })),
    },
    2,
  )}\n`;
}

const rupiah = new Intl.NumberFormat('id-ID');
const idr = (n: number) => `IDR ${rupiah.format(n)}`;

/** Buyer text is printed through terminalText. */
export function ordersTable(list: readonly StoredOrder[]) {
  if (list.length === 0) return 'No orders.\n';
  const orders = terminalSafe(list);
  const rows = orders.map((o) => [o.reference, o.createdAt.slice(0, 16).replace('T', ' '), o.status, o.destination, idr(o.totalIdr), String(o.lineCount), o.contactEmail]);
  const head = ['REFERENCE', 'CREATED (UTC)', 'STATUS', 'TO', 'TOTAL', 'LINES', 'EMAIL'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]) => r.map((c, i) => (i === 4 ? c.padStart((widths[i] as number)) : c.padEnd((widths[i] as number)))).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n${orders.length} order${orders.length === 1 ? '' : 's'}\n`;
}

/** Buyer text is printed through terminalText. */
export function orderText(stored: OrderDetail) {
  const detail = terminalSafe(stored);
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
