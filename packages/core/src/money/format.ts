import type { Money } from './convert.js';
import { requireCurrency, type CurrencyInfo } from './currencies.js';

/**
 * Put before an estimated price: "≈ US$12.40". A plain space, as the contract and the elements
 * expect; keep the price on one line with CSS (`white-space: nowrap`) where it could wrap.
 */
export const APPROXIMATE_PREFIX = '≈ ';

const numberFormats = new Map<string, Intl.NumberFormat>();

function cacheKey(locale: string, currency: string): string {
  return `${locale}\u0000${currency}`;
}

function createNumberFormat(locale: string, info: CurrencyInfo, narrow = info.code === 'IDR'): Intl.NumberFormat {
  const options: Intl.NumberFormatOptions = {
    style: 'currency',
    currency: info.code,
    // Explicit, from our table: browsers disagree on IDR (Chrome 0 decimals, Firefox/Safari 2).
    minimumFractionDigits: info.digits,
    maximumFractionDigits: info.digits,
    // IDR: "Rp", never "IDR", in every locale.
    ...(narrow ? { currencyDisplay: 'narrowSymbol' } : {}),
  };
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    // A malformed tag (from a data attribute, "en_US") must not take the price display down.
    return new Intl.NumberFormat('en', options);
  }
}

/**
 * A currency formatter for `locale` and `currency`, created once and cached: the currency's
 * digits from our table, IDR as "Rp". An invalid locale tag falls back to 'en'.
 * Throws UnknownCurrencyError for a currency not in CURRENCIES.
 */
export function numberFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = cacheKey(locale, currency);
  let format = numberFormats.get(key);
  if (!format) {
    format = createNumberFormat(locale, requireCurrency(currency));
    numberFormats.set(key, format);
  }
  return format;
}

interface MoneyFormatter {
  readonly digits: number;
  readonly format: (major: string) => string;
}

const moneyFormatters = new Map<string, MoneyFormatter>();

// Intl reads a numeric string as an exact decimal (Intl.NumberFormat v3, Chrome 106+), so
// amounts beyond 2^53 / 10^digits still show every digit; TypeScript's ES2022 lib only types
// number and bigint.
const exactDecimal = (major: string): number => major as unknown as number;

function moneyFormatter(locale: string, currency: string): MoneyFormatter {
  const key = cacheKey(locale, currency);
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    const info = requireCurrency(currency);
    const prefix = info.prefix;
    // Dollar-like currencies are laid out with their narrow symbol "$" and that part is then
    // replaced: the locale keeps its placement and spacing ("US$12.40" in en, "12,40 US$" in de),
    // without the gap a locale puts after a code ("SGD 16.50" in en-US would give "S$ 16.50").
    const format = prefix ? createNumberFormat(locale, info, true) : numberFormat(locale, currency);
    formatter = {
      digits: info.digits,
      format: prefix
        ? (major) =>
            format
              .formatToParts(exactDecimal(major))
              .map((part) => (part.type === 'currency' ? prefix : part.value))
              .join('')
        : (major) => format.format(exactDecimal(major)),
    };
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

// Formatted prices by locale, currency and amount. Kept across pricing snapshots: switching
// back to a currency, or new rates that leave most prices unchanged, formats nothing again.
const formatted = new Map<string, string>();
/** Past this many texts the cache starts afresh (a 10,000-product catalog in a few currencies fits). */
const FORMATTED_LIMIT = 50_000;

function majorString(amount: number, digits: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Expected an integer amount of ${currency} minor units, got ${amount}`);
  }
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const sign = amount < 0 ? '-' : '';
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * The price as a buyer reads it in `locale`: "Rp 150.000", "US$12.40", "12,40 €". Dollar-like
 * currencies always show their prefix (US$, S$, A$, …). `approximate` marks an estimate
 * ("≈ US$12.40"). Throws UnknownCurrencyError or RangeError for a non-integer amount.
 */
export function formatMoney(money: Money, locale: string, options?: { approximate?: boolean }): string {
  const key = `${locale}\u0000${money.currency}\u0000${money.amount}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const formatter = moneyFormatter(locale, money.currency);
    text = formatter.format(majorString(money.amount, formatter.digits, money.currency));
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    formatted.set(key, text);
  }
  return options?.approximate ? APPROXIMATE_PREFIX + text : text;
}

/** The amount in major units as a plain machine string ("12.40", "150000", "1.250"). */
export function toMajorString(money: Money): string {
  return majorString(money.amount, requireCurrency(money.currency).digits, money.currency);
}
