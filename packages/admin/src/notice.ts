/**
 * "Send tracking to the buyer": the message the merchant sends with one click, written in the
 * buyer's language (the order's `language`, else English), as a WhatsApp link and a mailto
 * link through core's hand-off helpers. Nothing is sent by the server: the merchant checks the
 * text in their own app and presses send, as in the checkout's hand-off.
 */
import { mailtoUrl, whatsappUrl } from '@mendunia/core/checkout/index.js';
import { addAdminStrings } from '@mendunia/i18n/admin-strings.js';
import { resolveLanguage, translator, type SupportedLanguage } from '@mendunia/i18n';
import type { AdminOrderDetail, AdminShop } from './api.js';

export interface ShipmentNotice {
  /** The language the message is written in. */
  readonly language: SupportedLanguage;
  readonly subject: string;
  readonly text: string;
  /** wa.me link, when the buyer's phone is an international number. */
  readonly whatsapp?: string;
  /** mailto: link, when the buyer gave an email address. */
  readonly mailto?: string;
}

/** The notice for a shipped order, or undefined before it has a shipment. */
export function shipmentNotice(detail: AdminOrderDetail, shop: AdminShop): ShipmentNotice | undefined {
  const { shipment, order } = detail;
  if (!shipment) return undefined;
  addAdminStrings();
  const language = order.language ? resolveLanguage(order.language) : 'en';
  const t = translator(language);
  const values = {
    name: order.contact.name,
    reference: order.reference,
    shop: shop.name,
    carrier: shipment.carrierName || shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl ?? '',
  };
  const subject = t('shipmentNotice.subject', values);
  const text = [t('shipmentNotice.body', values), ...(shipment.trackingUrl ? [t('shipmentNotice.link', values)] : []), '', t('shipmentNotice.thanks'), shop.name].join('\n');
  let whatsapp: string | undefined;
  try {
    whatsapp = order.contact.phone ? whatsappUrl(order.contact.phone, text) : undefined;
  } catch {
    whatsapp = undefined; // not an international number: the email link remains
  }
  const mailto = order.contact.email ? mailtoUrl(order.contact.email, subject, text) : undefined;
  return { language, subject, text, ...(whatsapp ? { whatsapp } : {}), ...(mailto ? { mailto } : {}) };
}
