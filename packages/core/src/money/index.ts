export {
  CURRENCIES,
  currencyForRegion,
  currencyInfo,
  isKnownCurrency,
  requireCurrency,
  UnknownCurrencyError,
  type CurrencyInfo,
} from './currencies.js';
export { add, decimalString, div, mul, parseDecimal, ratio, toDecimalString, type Ratio } from './decimal.js';
export { parseRoundingRule, roundRatio, type RoundingRule } from './round.js';
export { convertIdr, crossRate, idr, MissingRateError, type ConvertOptions, type Money } from './convert.js';
export { APPROXIMATE_PREFIX, formatMoney, numberFormat, toMajorString } from './format.js';
