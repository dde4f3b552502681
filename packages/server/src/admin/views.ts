/**
 * What the dashboard reads (docs/storefront-api.md#merchant-dashboard): an order's summary for
 * the list, its detail page, and the shop (the sender of the paperwork). Built from the stored
 * order document and its events; the buyer's words are data, escaped by the dashboard's views.
 */
import { convertIdr, toMajorString } from '@mendunia/core';
import { CARRIERS, nextStatuses } from '@mendunia/core/fulfilment/index.js';
import { paymentView } from '../orders.js';

import type { RateSet } from '@mendunia/core';
import type { OrderStatus } from '@mendunia/core/fulfilment/index.js';
import type { OrderDetail, StoredOrder } from '../db/index.js';
import type { Shop } from '../quotes.js';

export interface AdminOrderSummaryView {
  reference: string;
  createdAt: string;
  updatedAt: string;
  status: string;
  destination: string;
  buyerName: string;
  totalIdr: number;
  /** the total in the buyer's currency at the server's current rates (an estimate) */
  display?: { currency: string, total: string, ratesDate: string };
}

export interface AdminShopView {
  name: string;
  whatsapp?: string;
  email?: string;
  sender: { name: string, lines: string[], country: 'ID', phone?: string };
}

/**
 * One order in the list. The order keeps only the buyer's currency, not the amount they saw in it,
 * so `display` is an estimate at the server's current rates (with their date); none for IDR.
 */
export function adminSummary(o: StoredOrder, rates: RateSet | undefined): AdminOrderSummaryView {
  const summary: AdminOrderSummaryView = {
    reference: o.reference,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    status: o.status,
    destination: o.destination,
    buyerName: o.order.contact.name,
    totalIdr: o.totalIdr,
  };
  const currency = o.order.displayCurrency;
  if (!rates || !currency || currency === 'IDR') return summary;
  try {
    return { ...summary, display: { currency, total: toMajorString(convertIdr(o.totalIdr, currency, rates)), ratesDate: rates.date } };
  } catch {
    return summary; // a currency the rates do not have
  }
}

/** The latest shipment recorded with a change to shipped. */
function latestShipment(events: OrderDetail['events']): Record<string, unknown> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const shipment = events[i]?.data?.['shipment'];
    if (shipment && typeof shipment === 'object') return shipment as Record<string, unknown>;
  }
  return undefined;
}

export function adminDetail(detail: OrderDetail, rates: RateSet | undefined) {
  const shipment = latestShipment(detail.events);
  return {
    summary: adminSummary(detail.summary, rates),
    order: detail.summary.order,
    allowedTransitions: nextStatuses(detail.summary.status) as readonly OrderStatus[],
    events: detail.events.map((e) => ({ at: e.at, type: e.type, from: e.from, to: e.to, actor: e.source, note: e.note, ...(e.data ? { data: e.data } : {}) })),
    payments: detail.payments.map((p) => {
      const { adapter, status, createdAt } = paymentView(p);
      return { adapter, status, createdAt, updatedAt: p.updatedAt };
    }),
    ...(shipment ? { shipment } : {}),
    carriers: CARRIERS.map((c) => ({ id: c.id, name: c.name })),
  };
}

/**
 * The shop as the dashboard shows it and prints it as the sender: the catalog's merchant, the
 * checkout's hand-off contacts.
 */
export function shopView(shop: Shop): AdminShopView {
  const merchant = shop.catalog.merchant;
  const name = merchant?.name ?? 'Mendunia shop';
  const { whatsapp, email } = shop.config.handoff;
  return {
    name,
    ...(whatsapp ? { whatsapp } : {}),
    ...(email ? { email } : {}),
    sender: { name, lines: [merchant?.city, 'Indonesia'].filter((l): l is string => typeof l === 'string' && l !== ''), country: 'ID', ...(whatsapp ? { phone: `+${whatsapp}` } : {}) },
  };
}
