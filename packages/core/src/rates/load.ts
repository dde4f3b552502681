import { readJson, safeLocalStorage, writeJson, type KeyValueStorage } from '../storage/storage.js';
import { parseRateJson } from './json.js';
import { DEFAULT_MAX_RATE_AGE_MS, isStale } from './staleness.js';
import { RateSourceError, type RateSet, type RateSource } from './types.js';

/** What a page can show after trying to load rates. */
export type RatesResult =
  | {
      readonly status: 'ready';
      readonly rates: RateSet;
      /** Older than the maximum age: show when they date from. */
      readonly stale: boolean;
      /** The source failed and these are the last good rates, saved earlier. */
      readonly fromCache: boolean;
      /** Why the source failed, when `fromCache`. */
      readonly error?: RateSourceError;
    }
  | {
      /** No rates at all: prices stay in IDR. */
      readonly status: 'unavailable';
      readonly error: RateSourceError;
    };

export interface LoadRatesOptions {
  /** Where the last good rates are kept; default safeLocalStorage(). */
  storage?: KeyValueStorage;
  /** Default 'mendunia:rates:' + source.id. */
  cacheKey?: string;
  /** Default DEFAULT_MAX_RATE_AGE_MS (4 days). */
  maxAgeMs?: number;
  now?: () => number;
  /** Default console. */
  logger?: Pick<Console, 'error' | 'warn'>;
  signal?: AbortSignal;
}

const CACHE_VERSION = 1;

function asSourceError(source: RateSource, error: unknown): RateSourceError {
  if (error instanceof RateSourceError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new RateSourceError(source.id, reason, { cause: error });
}

/** A cached entry back into a RateSet, or undefined when it is not one we wrote. */
function parseCacheEntry(value: unknown): RateSet | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, set } = value as { v?: unknown; set?: unknown };
  if (v !== CACHE_VERSION || typeof set !== 'object' || set === null) return undefined;
  const { source, fetchedAt } = set as { source?: unknown; fetchedAt?: unknown };
  if (typeof source !== 'string') return undefined;
  if (fetchedAt !== undefined && typeof fetchedAt !== 'string') return undefined;
  // The same checks as fresh rates: storage is as untrusted as the network.
  const parsed = parseRateJson(set, source);
  return Object.freeze(fetchedAt === undefined ? parsed : { ...parsed, fetchedAt });
}

/**
 * Loads rates from `source`. On success they are saved (as the last good rates) and returned.
 * On failure: one logger.error naming the source, then the last good rates from storage
 * (`fromCache: true`, with the error), or `{ status: 'unavailable' }` when there are none, in
 * which case prices stay in IDR. Rejects only when `signal` aborts.
 */
export async function loadRates(source: RateSource, options: LoadRatesOptions = {}): Promise<RatesResult> {
  const storage = options.storage ?? safeLocalStorage();
  const key = options.cacheKey ?? `mendunia:rates:${source.id}`;
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_RATE_AGE_MS;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? console;

  let error: RateSourceError;
  try {
    let rates = await source.load(options.signal);
    if (rates.fetchedAt === undefined) rates = Object.freeze({ ...rates, fetchedAt: new Date(now()).toISOString() });
    writeJson(storage, key, { v: CACHE_VERSION, set: rates });
    return { status: 'ready', rates, stale: isStale(rates, maxAgeMs, now()), fromCache: false };
  } catch (caught) {
    if (options.signal?.aborted) throw options.signal.reason;
    error = asSourceError(source, caught);
  }

  logger.error(`Mendunia: ${error.message}`);
  const cached = readJson(storage, key, parseCacheEntry);
  if (cached) {
    return { status: 'ready', rates: cached, stale: isStale(cached, maxAgeMs, now()), fromCache: true, error };
  }
  if (hasEntry(storage, key)) {
    logger.warn(`Mendunia: ignoring saved rates under "${key}": they are not valid rates (the entry was removed)`);
    try {
      storage.removeItem(key);
    } catch {
      // A storage that fails here fails everywhere; the entry is ignored either way.
    }
  }
  return { status: 'unavailable', error };
}

function hasEntry(storage: KeyValueStorage, key: string): boolean {
  try {
    return storage.getItem(key) !== null;
  } catch {
    return false;
  }
}
