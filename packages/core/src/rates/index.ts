export { RateSourceError, type RateSet, type RateSource } from './types.js';
export { staticRates } from './static.js';
export {
  DEFAULT_RATE_TIMEOUT_MS,
  jsonRates,
  MAX_RATE_BODY_BYTES,
  parseRateJson,
  rateJsonSchema,
  type HttpSourceOptions,
} from './json.js';
export { ECB_DAILY_URL, ECB_SOURCE_NAME, ecbRates, parseEcbXml, USD_PEGS } from './ecb.js';
export { DEFAULT_MAX_RATE_AGE_MS, isStale, parseDuration, parseRateDate, rateAgeMs } from './staleness.js';
export { loadRates, type LoadRatesOptions, type RatesResult } from './load.js';
