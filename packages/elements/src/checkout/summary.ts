import { balanceBidi, formatMoney, type Pricing } from '@mendunia/core';
import { lineTitle, type Order } from '@mendunia/core/checkout/index.js';
import type { TFunction } from '@mendunia/i18n';
import { serviceName } from './service-name.js';

/**
 * The order written out for WhatsApp and email, in the buyer's language: every line with its
 * variant, shipping, import charges, the total in IDR (and about how much in the buyer's
 * currency), the delivery address and the reference. Plain text: it is sent, not rendered, and
 * no unpaired bidi control in it can re-order a line (a name's RLO turning the price around).
 */
export function orderSummary(order: Order, shop: string, pricing: Pricing, t: TFunction, lang: string): string {
  const idr = (amount: number) => formatMoney({ amount, currency: 'IDR' }, pricing.locale);
  const lines = [
    t('checkout.summary.greeting', { shop }),
    t('checkout.summary.reference', { reference: order.reference }),
    '',
    ...order.lines.map((l) => t('checkout.summary.line', { quantity: l.quantity, name: lineTitle(l, lang), amount: idr(l.lineTotalIdr) })),
    t('checkout.summary.shipping', { service: serviceName(order.shipping, pricing.locale), amount: idr(order.shipping.priceIdr) }),
  ];
  if (order.totals.taxesAtCheckoutIdr > 0) lines.push(t('checkout.summary.duties', { amount: idr(order.totals.taxesAtCheckoutIdr) }));
  const total = pricing.price(order.totals.totalIdr);
  lines.push(t('checkout.summary.total', { amount: idr(order.totals.totalIdr) }) + (total.approximate ? ` ${t('checkout.summary.approx', { amount: total.text.replace(/^≈\s*/, '') })}` : ''));
  if (order.totals.onDeliveryIdr > 0) lines.push(t('checkout.summary.onDelivery', { amount: idr(order.totals.onDeliveryIdr) }));
  lines.push('', t('checkout.summary.deliverTo'), ...order.addressLines, '', t('checkout.summary.contact', { ...order.contact }));
  // Catalog and buyer text were balanced when read; a saved order from an older version may not be.
  return balanceBidi(lines.join('\n'));
}
