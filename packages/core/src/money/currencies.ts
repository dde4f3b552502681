/** What we need to know about a currency to store, convert and display it. */
export interface CurrencyInfo {
  /** ISO 4217 code, upper case. */
  readonly code: string;
  /**
   * Our minor-unit exponent, used for storage and display alike. ISO 4217's, except IDR: ISO says
   * 2 but the sen is not used, prices are whole rupiah and Midtrans takes integer IDR.
   */
  readonly digits: number;
  /**
   * Disambiguated symbol for dollar-like currencies. A bare "$" on a store selling to the world
   * could be any of a dozen currencies, so these always show their prefix whatever the locale.
   */
  readonly prefix?: string;
}

function info(code: string, digits: number, prefix?: string): CurrencyInfo {
  return Object.freeze(prefix === undefined ? { code, digits } : { code, digits, prefix });
}

/** The currencies Mendunia can display, keyed by ISO 4217 code. */
export const CURRENCIES: Readonly<Record<string, CurrencyInfo>> = Object.freeze({
  IDR: info('IDR', 0),
  USD: info('USD', 2, 'US$'),
  SGD: info('SGD', 2, 'S$'),
  MYR: info('MYR', 2),
  CNY: info('CNY', 2),
  JPY: info('JPY', 0),
  KRW: info('KRW', 0),
  EUR: info('EUR', 2),
  GBP: info('GBP', 2),
  AUD: info('AUD', 2, 'A$'),
  NZD: info('NZD', 2, 'NZ$'),
  CAD: info('CAD', 2, 'CA$'),
  HKD: info('HKD', 2, 'HK$'),
  TWD: info('TWD', 2, 'NT$'),
  THB: info('THB', 2),
  PHP: info('PHP', 2),
  VND: info('VND', 0),
  INR: info('INR', 2),
  SAR: info('SAR', 2),
  AED: info('AED', 2),
  QAR: info('QAR', 2),
  KWD: info('KWD', 3),
  BHD: info('BHD', 3),
  OMR: info('OMR', 3),
  JOD: info('JOD', 3),
  TND: info('TND', 3),
  CHF: info('CHF', 2),
  SEK: info('SEK', 2),
  NOK: info('NOK', 2),
  DKK: info('DKK', 2),
  ISK: info('ISK', 0),
  PLN: info('PLN', 2),
  CZK: info('CZK', 2),
  HUF: info('HUF', 2),
  RON: info('RON', 2),
  TRY: info('TRY', 2),
  ILS: info('ILS', 2),
  BND: info('BND', 2, 'B$'),
  CLP: info('CLP', 0),
  MXN: info('MXN', 2, 'MX$'),
  BRL: info('BRL', 2),
  ZAR: info('ZAR', 2),
  UGX: info('UGX', 0),
});

/** Thrown when a currency code is not in {@link CURRENCIES}. */
export class UnknownCurrencyError extends Error {
  readonly code: string;

  constructor(code: string) {
    super(`Unknown currency "${code}": expected an ISO 4217 code such as USD, SGD or EUR`);
    this.name = 'UnknownCurrencyError';
    this.code = code;
  }
}

/** The currency's entry, or undefined. Codes are exact: "usd" is not USD. */
export function currencyInfo(code: string): CurrencyInfo | undefined {
  // hasOwn: "constructor" or "__proto__" must not look like currencies.
  return Object.hasOwn(CURRENCIES, code) ? CURRENCIES[code] : undefined;
}

/** True when `code` is a currency Mendunia knows (exact upper-case ISO code). */
export function isKnownCurrency(code: unknown): code is string {
  return typeof code === 'string' && Object.hasOwn(CURRENCIES, code);
}

/** The entry for `code`, or an {@link UnknownCurrencyError}. */
export function requireCurrency(code: string): CurrencyInfo {
  const found = currencyInfo(code);
  if (!found) throw new UnknownCurrencyError(code);
  return found;
}

// Regions (ISO 3166-1 alpha-2) grouped by the currency they use, including territories and
// countries that use another's currency officially (euro outside the EU, the US dollar in
// Ecuador and Timor-Leste, ...). Bulgaria adopted the euro on 1 January 2026.
const REGIONS_BY_CURRENCY: Readonly<Record<string, string>> = {
  IDR: 'ID',
  USD: 'US PR GU VI AS MP UM EC SV TL PW FM MH BQ TC VG IO',
  SGD: 'SG',
  MYR: 'MY',
  CNY: 'CN',
  JPY: 'JP',
  KRW: 'KR',
  EUR:
    'AT BE BG HR CY EE FI FR DE GR IE IT LV LT LU MT NL PT SK SI ES ' +
    'AD MC SM VA ME XK AX GF GP MQ YT RE BL MF PM TF',
  GBP: 'GB IM JE GG',
  AUD: 'AU CX CC NF KI NR TV HM',
  NZD: 'NZ CK NU PN TK',
  CAD: 'CA',
  HKD: 'HK',
  TWD: 'TW',
  THB: 'TH',
  PHP: 'PH',
  VND: 'VN',
  INR: 'IN',
  SAR: 'SA',
  AED: 'AE',
  QAR: 'QA',
  KWD: 'KW',
  BHD: 'BH',
  OMR: 'OM',
  JOD: 'JO',
  TND: 'TN',
  CHF: 'CH LI',
  SEK: 'SE',
  NOK: 'NO SJ BV',
  DKK: 'DK GL FO',
  ISK: 'IS',
  PLN: 'PL',
  CZK: 'CZ',
  HUF: 'HU',
  RON: 'RO',
  TRY: 'TR',
  ILS: 'IL',
  BND: 'BN',
  CLP: 'CL',
  MXN: 'MX',
  BRL: 'BR',
  ZAR: 'ZA',
  UGX: 'UG',
};

const CURRENCY_BY_REGION: ReadonlyMap<string, string> = new Map(
  Object.entries(REGIONS_BY_CURRENCY).flatMap(([currency, regions]) =>
    regions.split(' ').map((region) => [region, currency] as const),
  ),
);

/**
 * The currency used in a region (ISO 3166-1 alpha-2, any case: "US" → "USD", "de" → "EUR"),
 * or undefined when that currency is not one we display.
 */
export function currencyForRegion(region: string): string | undefined {
  return CURRENCY_BY_REGION.get(region.toUpperCase());
}
