import type { Pricing } from '@mendunia/core';
import type { TFunction } from '@mendunia/i18n';
import { formatDate } from '../shared/intl.js';

// The part about the rates is the same for every price of one pricing snapshot.
const rateNotes = new WeakMap<Pricing, string>();

/** The tooltip of a converted price: what is charged, which rates, and whether they are old. */
export function priceTitle(pricing: Pricing, charged: string, t: TFunction): string {
  let note = rateNotes.get(pricing);
  if (note === undefined) {
    const parts: string[] = [];
    if (pricing.rates) {
      parts.push(t('price.rateInfo', { date: formatDate(pricing.rates.date, pricing.locale), source: pricing.rates.source }));
    }
    if (pricing.stale) parts.push(t('price.stale'));
    note = parts.map((p) => ` · ${p}`).join('');
    rateNotes.set(pricing, note);
  }
  return charged + note;
}
