import type { RateSet } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Rates older than this are shown as stale. Daily feeds publish on working days only: Friday's
 * ECB rates (dated Friday, published ~16:00 CET) are still the newest on Monday afternoon, 3 days
 * and 16 hours after their date. Four days covers a weekend with margin, and still flags a feed
 * that has stopped. Long closures (Easter: Friday to Monday) do show as stale for a day, which
 * is true: the rates are then that old.
 */
export const DEFAULT_MAX_RATE_AGE_MS = 4 * DAY;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Milliseconds since the epoch for an ISO date (2026-11-27, read as UTC midnight) or date-time
 * with a zone (2026-11-27T15:00:00Z, …+01:00); undefined for anything else, including impossible
 * dates such as 2026-02-30 and date-times without a zone (their meaning depends on the reader's
 * clock).
 */
export function parseRateDate(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  // Date.UTC rolls 2026-02-30 over to March; a date that does not survive the trip is not real.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const time = Date.parse(text);
  return Number.isFinite(time) ? time : undefined;
}

/**
 * How old the rates are, in ms: `now` minus the start of their date. Future dates count as 0;
 * an unreadable date as Infinity (so it is always stale).
 */
export function rateAgeMs(set: RateSet, now: number = Date.now()): number {
  const time = parseRateDate(set.date);
  return time === undefined ? Number.POSITIVE_INFINITY : Math.max(0, now - time);
}

/** True when the rates are older than `maxAgeMs`. */
export function isStale(set: RateSet, maxAgeMs: number, now: number = Date.now()): boolean {
  return rateAgeMs(set, now) > maxAgeMs;
}

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
};

/**
 * Reads a duration as written in config: '4d', '36h', '90m', '2w', '30s', '1d12h'. Returns ms;
 * throws RangeError on anything else.
 */
export function parseDuration(text: string): number {
  const compact = String(text).trim().toLowerCase();
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;
  let total = 0;
  let index = 0;
  while (index < compact.length) {
    part.lastIndex = index;
    const match = part.exec(compact);
    if (!match) break;
    total += Number(match[1]) * UNITS[match[2]!]!;
    index = part.lastIndex;
  }
  if (compact.length === 0 || index !== compact.length || !Number.isFinite(total)) {
    throw new RangeError(`Invalid duration "${text}": expected a number and a unit, such as 4d, 36h, 90m or 2w`);
  }
  return Math.round(total);
}
