// The dashboard's numbers, dates and names in the merchant's language, each formatter cached per
// locale (render runs often; Intl objects are not cheap).
import { formatMoney, idr, parseDecimal, ratio, mul, requireCurrency, roundRatio, type Money } from '@mendunia/core';

export { formatDate } from '@mendunia/elements';
export { countryName } from '@mendunia/core/checkout/address.js';

/** Rupiah as the merchant reads them: "Rp 1.250.000". */
export const rupiah = (amount: number, lang: string): string => formatMoney(idr(amount), lang);

/**
 * The buyer's money from the major-unit text the server sends ("41.25" USD); undefined for an
 * unknown currency or unreadable text, which the dashboard then leaves out rather than guess.
 */
export function moneyFromMajor(currency: string, major: string): Money | undefined {
  try {
    const info = requireCurrency(currency.toUpperCase());
    const amount = roundRatio(mul(parseDecimal(major), ratio(10n ** BigInt(info.digits))), { type: 'none' }, info);
    return { amount, currency: info.code };
  } catch {
    return undefined;
  }
}

/**
 * The buyer's total in their currency, or '' when there is none besides IDR. Marked "≈": the
 * server estimates it at its current rates (the order keeps the currency, not that amount).
 */
export function displayTotal(display: { currency: string; total: string } | undefined, lang: string): string {
  if (!display || display.currency.toUpperCase() === 'IDR') return '';
  const money = moneyFromMajor(display.currency, display.total);
  return money ? `≈ ${formatMoney(money, lang)}` : '';
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** A moment with its time, in the merchant's time zone: "7 Des 2026, 14.05". */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimes.get(lang);
  if (!format) dateTimes.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(date);
}

const weights = new Map<string, Intl.NumberFormat>();

/** Grams as kilograms with up to three decimals: "0,6 kg" (id), "0.6 kg" (en). */
export function formatKg(grams: number, lang: string, unit = true): string {
  const key = `${lang}|${unit}`;
  let format = weights.get(key);
  if (!format) {
    weights.set(
      key,
      (format = new Intl.NumberFormat(lang, unit ? { style: 'unit', unit: 'kilogram', maximumFractionDigits: 3 } : { minimumFractionDigits: 3, maximumFractionDigits: 3 })),
    );
  }
  return format.format(grams / 1000);
}
