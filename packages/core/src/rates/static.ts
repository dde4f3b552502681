import { parseRateJson } from './json.js';
import type { RateSet, RateSource } from './types.js';

/**
 * Rates typed into the store's config: a merchant table in the same shape as the rates JSON,
 * e.g. `staticRates({ date: '2026-11-27', rates: { USD: '0.0000597' } })` (base defaults to IDR).
 * Validated now, so a typo fails at start-up with a RateSourceError, not at the first price.
 */
export function staticRates(
  table: { base?: string; date: string; rates: Record<string, string | number> },
  id = 'merchant table',
): RateSource {
  const set: RateSet = parseRateJson(table, id);
  return {
    id,
    load(signal?: AbortSignal): Promise<RateSet> {
      // Promise.reject rather than throw: callers of an async API expect a rejected promise.
      if (signal?.aborted) return Promise.reject(signal.reason);
      return Promise.resolve(set);
    },
  };
}
