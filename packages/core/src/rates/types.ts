import type { ConfigIssue } from '../util/schema.js';

/** A table of exchange rates from one source, valid for one date. Immutable. */
export interface RateSet {
  /** The currency the rates are quoted against: 'EUR' for ECB, 'IDR' or 'USD' for merchant tables. */
  readonly base: string;
  /**
   * Units of each currency per 1 `base`, as exact decimal strings. The base itself may be
   * omitted (it is 1).
   */
  readonly rates: Readonly<Record<string, string>>;
  /** ISO date (YYYY-MM-DD) or date-time the rates are valid for. */
  readonly date: string;
  /** Human name of where the rates came from: 'ECB euro reference rates', 'merchant table', a URL. */
  readonly source: string;
  /** ISO date-time when we obtained them. */
  readonly fetchedAt?: string;
}

/** Somewhere rates come from. `id` names it in error messages (the URL, or 'merchant table'). */
export interface RateSource {
  readonly id: string;
  load(signal?: AbortSignal): Promise<RateSet>;
}

/**
 * Rates from a source could not be used. The message names the source and the problem:
 * `Rates from https://x/rates.json could not be used: HTTP 404`.
 */
export class RateSourceError extends Error {
  /** The source's id (URL or name). */
  readonly source: string;
  /** What went wrong, without the source: `HTTP 404`, `rates.USD: expected a positive number`. */
  readonly reason: string;
  /** Every field that failed validation, with its path (empty when the data was not read at all). */
  readonly issues: readonly ConfigIssue[];

  constructor(source: string, reason: string, options: { cause?: unknown; issues?: readonly ConfigIssue[] } = {}) {
    super(`Rates from ${source} could not be used: ${reason}`, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'RateSourceError';
    this.source = source;
    this.reason = reason;
    this.issues = Object.freeze([...(options.issues ?? [])]);
  }
}

/**
 * Freezes a parsed rate set after the checks every source shares. Rates must reach IDR, since
 * every price starts in rupiah; a table that cannot convert IDR is refused here so that the
 * caller falls back to the last good one instead of showing nothing.
 */
export function finishRateSet(set: RateSet, errorSource: string): RateSet {
  if (set.base !== 'IDR' && !Object.hasOwn(set.rates, 'IDR')) {
    throw new RateSourceError(errorSource, `rates.IDR: missing; rates based on ${set.base} need an IDR rate to convert rupiah prices`);
  }
  Object.freeze(set.rates);
  return Object.freeze(set);
}
