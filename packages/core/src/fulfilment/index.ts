// Fulfilment: the order statuses, which status may follow which, and the carriers a merchant
// ships with. DOM-free and pure; the reference server enforces these rules and the merchant
// dashboard shows them, so both read them from here. Problems are codes, never sentences.

/** Every status an order can have, in the order an order normally goes through them. */
export const ORDER_STATUSES = ['pending_payment', 'paid', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Which status may follow which. `packed` is optional: a merchant who packs and ships in one go
 * moves a paid order straight to shipped. `cancelled` and `refunded` are final.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  pending_payment: Object.freeze(['paid', 'cancelled'] as const),
  paid: Object.freeze(['packed', 'shipped', 'cancelled', 'refunded'] as const),
  packed: Object.freeze(['shipped', 'cancelled', 'refunded'] as const),
  shipped: Object.freeze(['delivered', 'refunded'] as const),
  delivered: Object.freeze(['refunded'] as const),
  cancelled: Object.freeze([] as const),
  refunded: Object.freeze([] as const),
});

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** The statuses an order in `from` may move to (none for an unknown status). */
export function nextStatuses(from: string): readonly OrderStatus[] {
  return isOrderStatus(from) ? ORDER_TRANSITIONS[from] : [];
}

/** The statuses from which an order may move to `to`. */
export function previousStatuses(to: string): OrderStatus[] {
  return ORDER_STATUSES.filter((from) => (ORDER_TRANSITIONS[from] as readonly string[]).includes(to));
}

export interface Carrier {
  /** Stable id stored with a shipment ('dhl-express'). */
  readonly id: string;
  /** The carrier's own name, the same in every language. */
  readonly name: string;
  /**
   * The public tracking page with `{number}` where the tracking number goes (URI-encoded).
   * Absent where the carrier has no stable link for one shipment: the merchant gives the link.
   */
  readonly trackingUrl?: string;
}

/**
 * Carriers Indonesian shops send abroad with. Only links the carriers publish for one shipment
 * are templated; postal parcels (POS Indonesia, EMS) are tracked on the destination post's site,
 * so their link is the merchant's to give.
 */
export const CARRIERS: readonly Carrier[] = Object.freeze([
  { id: 'pos-indonesia', name: 'POS Indonesia' },
  { id: 'ems', name: 'EMS (POS Indonesia)' },
  { id: 'dhl-express', name: 'DHL Express', trackingUrl: 'https://www.dhl.com/id-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}' },
  { id: 'fedex', name: 'FedEx', trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr={number}' },
  { id: 'ups', name: 'UPS', trackingUrl: 'https://www.ups.com/track?tracknum={number}' },
  { id: 'jne', name: 'JNE' },
  { id: 'jnt', name: 'J&T Express' },
  { id: 'sf-express', name: 'SF Express', trackingUrl: 'https://www.sf-express.com/id/en/dynamic_function/waybill/#search/bill-number/{number}' },
].map((c) => Object.freeze(c)));

const normalise = (text: string) => text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '');

/** A known carrier by id or name, ignoring case, spaces and punctuation ('DHL express' → dhl-express). */
export function findCarrier(idOrName: string): Carrier | undefined {
  const key = normalise(idOrName);
  if (!key) return undefined;
  return CARRIERS.find((c) => normalise(c.id) === key || normalise(c.name) === key);
}

/** The carrier's tracking page for one tracking number, when the carrier is known and has one. */
export function trackingUrlFor(carrier: string, trackingNumber: string): string | undefined {
  const template = findCarrier(carrier)?.trackingUrl;
  const number = trackingNumber.trim();
  return template && number ? template.replace('{number}', encodeURIComponent(number)) : undefined;
}

/** What a shipment records: who carries it, its number and where the buyer follows it. */
export interface Shipment {
  /** A known carrier's id, or the carrier as the merchant wrote it. */
  readonly carrier: string;
  readonly carrierName: string;
  readonly trackingNumber: string;
  readonly trackingUrl?: string;
}

export interface ShipmentInput {
  readonly carrier?: string | undefined;
  readonly trackingNumber?: string | undefined;
  readonly trackingUrl?: string | undefined;
}

export type ShipmentIssueCode = 'shipment.carrier-required' | 'shipment.tracking-required' | 'shipment.tracking-invalid' | 'shipment.tracking-url-invalid';
export interface ShipmentIssue {
  readonly code: ShipmentIssueCode;
  readonly field: 'carrier' | 'trackingNumber' | 'trackingUrl';
}

/** Letters, digits and the separators carriers print in numbers; 4–40 characters. */
const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ._/-]{2,38}[A-Za-z0-9]$/;

/**
 * Checks what a merchant typed for a shipment and fills the rest: a known carrier's id and name,
 * the tracking link from the carrier's template when none is given. A given link must be https.
 */
export function checkShipment(input: ShipmentInput): { shipment?: Shipment; issues: ShipmentIssue[] } {
  const issues: ShipmentIssue[] = [];
  const carrierText = input.carrier?.trim() ?? '';
  const number = input.trackingNumber?.trim() ?? '';
  const url = input.trackingUrl?.trim() ?? '';
  if (!carrierText) issues.push({ code: 'shipment.carrier-required', field: 'carrier' });
  if (!number) issues.push({ code: 'shipment.tracking-required', field: 'trackingNumber' });
  else if (!TRACKING_NUMBER.test(number)) issues.push({ code: 'shipment.tracking-invalid', field: 'trackingNumber' });
  if (url && !isHttpsUrl(url)) issues.push({ code: 'shipment.tracking-url-invalid', field: 'trackingUrl' });
  if (issues.length) return { issues };
  const known = findCarrier(carrierText);
  const trackingUrl = url || trackingUrlFor(carrierText, number);
  return {
    shipment: { carrier: known?.id ?? carrierText, carrierName: known?.name ?? carrierText, trackingNumber: number, ...(trackingUrl ? { trackingUrl } : {}) },
    issues,
  };
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}
