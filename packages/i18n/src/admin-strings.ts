import { i18n } from './instance.js';
import en from './locales/admin/en.json';
import id from './locales/admin/id.json';
import shipmentAr from './locales/shipment/ar.json';
import shipmentEn from './locales/shipment/en.json';
import shipmentId from './locales/shipment/id.json';
import shipmentJa from './locales/shipment/ja.json';
import shipmentKo from './locales/shipment/ko.json';
import shipmentMs from './locales/shipment/ms.json';
import shipmentZh from './locales/shipment/zh.json';

/**
 * The merchant dashboard's strings: Indonesian and English `admin.*`, the customs warnings
 * `customs.*` (core's codes, for describe()), the English-only paperwork `paperwork.*`, and the
 * shipment notice the merchant sends a buyer in all seven languages (`shipmentNotice.*`).
 * Only @mendunia/admin imports this module: storefront pages never download them.
 */
export const SHIPMENT_NOTICE_STRINGS = {
  en: shipmentEn,
  id: shipmentId,
  ms: shipmentMs,
  zh: shipmentZh,
  ja: shipmentJa,
  ko: shipmentKo,
  ar: shipmentAr,
} as const;

let added = false;

/** Adds the dashboard's strings to the shared instance (once). */
export function addAdminStrings(): void {
  if (added) return;
  added = true;
  i18n.addResourceBundle('en', 'translation', en, true, false);
  i18n.addResourceBundle('id', 'translation', id, true, false);
  for (const [lang, strings] of Object.entries(SHIPMENT_NOTICE_STRINGS)) i18n.addResourceBundle(lang, 'translation', strings, true, false);
}
