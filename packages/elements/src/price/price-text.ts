import type { Pricing } from '@mendunia/core';
import type { TFunction } from '@mendunia/i18n';
import { formatDate } from '../shared/intl.js';

/** The tooltip of a converted price: what is charged, which rates, and whether they are old. */
export function priceTitle(pricing: Pricing, charged: string, t: TFunction): string {
  const parts = [charged];
  if (pricing.rates) {
    parts.push(t('price.rateInfo', { date: formatDate(pricing.rates.date, pricing.locale), source: pricing.rates.source }));
  }
  if (pricing.stale) parts.push(t('price.stale'));
  return parts.join(' · ');
}
