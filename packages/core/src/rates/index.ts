export { RateSourceError, type RateSet, type RateSource } from './types.js';
export { staticRates } from './static.js';
export { parseRateJson, rateJsonSchema } from './json.js';
export { ECB_DAILY_URL, ECB_SOURCE_NAME, parseEcbXml, USD_PEGS } from './ecb.js';
export { parseRatesText, type ParseRatesTextOptions, type RatesFormat } from './text.js';
export { ecbRates, httpRates, jsonRates, type HttpSourceOptions } from './http.js';
export { DEFAULT_MAX_RATE_AGE_MS, isStale, parseDuration, parseRateDate, rateAgeMs } from './staleness.js';
export { loadRates, type LoadRatesOptions, type RatesResult } from './load.js';
