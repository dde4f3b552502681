import { expect } from '@open-wc/testing';
import { DEFAULT_MAX_RATE_AGE_MS, isStale, parseDuration, parseRateDate, rateAgeMs } from './staleness.js';
import type { RateSet } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dated = (date: string): RateSet => ({ base: 'EUR', date, rates: { IDR: '17612.35' }, source: 'test' });

describe('parseRateDate', () => {
  const cases: [string, number | undefined][] = [
    ['2026-11-27', Date.UTC(2026, 10, 27)],
    ['2026-11-27T16:00:00Z', Date.UTC(2026, 10, 27, 16)],
    ['2026-11-27T16:00:00.250Z', Date.UTC(2026, 10, 27, 16, 0, 0, 250)],
    ['2026-11-27T16:00+01:00', Date.UTC(2026, 10, 27, 15)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2026-02-29', undefined], // not a leap year
    ['2026-02-30', undefined],
    ['2026-13-01', undefined],
    ['2026-11-27T24:00:00Z', undefined],
    ['2026-11-27T16:00:00', undefined], // no zone: would depend on the reader's clock
    ['27/11/2026', undefined],
    ['2026-11-27 ', undefined],
    ['', undefined],
    ['yesterday', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected === undefined ? 'undefined' : new Date(expected).toISOString()}`, () => {
      expect(parseRateDate(text)).to.equal(expected);
    });
  }
});

describe('rateAgeMs / isStale', () => {
  const friday = dated('2026-11-27');
  const cases: [string, RateSet, number, number][] = [
    ['same day, published 16:00 CET', friday, Date.UTC(2026, 10, 27, 15), 15 * HOUR],
    ['Monday before the new rates', friday, Date.UTC(2026, 10, 30, 14, 59), 3 * DAY + 14 * HOUR + 59 * 60_000],
    ['dated in the future counts as new', friday, Date.UTC(2026, 10, 26), 0],
    ['unreadable date is infinitely old', dated('someday'), Date.UTC(2026, 10, 27), Number.POSITIVE_INFINITY],
  ];
  for (const [name, set, now, age] of cases) {
    it(name, () => expect(rateAgeMs(set, now)).to.equal(age));
  }

  it('is stale only past the maximum age', () => {
    const start = Date.UTC(2026, 10, 27);
    expect(isStale(friday, DAY, start + DAY)).to.equal(false);
    expect(isStale(friday, DAY, start + DAY + 1)).to.equal(true);
  });

  it('by default a Friday rate is fresh through Monday publication and stale by Tuesday evening', () => {
    expect(DEFAULT_MAX_RATE_AGE_MS).to.equal(4 * DAY);
    // Monday 15:59 CET = 14:59 UTC: Friday's rates are the newest there are.
    expect(isStale(friday, DEFAULT_MAX_RATE_AGE_MS, Date.UTC(2026, 10, 30, 14, 59))).to.equal(false);
    // Tuesday 17:00 CET: Monday's and Tuesday's were due; still Friday's means the feed stopped.
    expect(isStale(friday, DEFAULT_MAX_RATE_AGE_MS, Date.UTC(2026, 11, 1, 16))).to.equal(true);
  });

  it('uses the current time by default', () => {
    expect(isStale(dated(new Date().toISOString().slice(0, 10)), DAY + HOUR)).to.equal(false);
    expect(isStale(dated('2020-01-01'), DAY)).to.equal(true);
  });
});

describe('parseDuration', () => {
  const cases: [string, number][] = [
    ['4d', 4 * DAY],
    ['36h', 36 * HOUR],
    ['90m', 90 * 60_000],
    ['2w', 14 * DAY],
    ['30s', 30_000],
    ['250ms', 250],
    ['1.5d', 36 * HOUR],
    ['1d12h', 36 * HOUR],
    [' 4D ', 4 * DAY],
    ['0d', 0],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected} ms`, () => expect(parseDuration(text)).to.equal(expected));
  }

  for (const text of ['', '4', 'd', '4 days', '-1d', '4x', 'abc', '1d 12h', '1e3d', '4d!']) {
    it(`refuses "${text}"`, () => expect(() => parseDuration(text)).to.throw(RangeError, 'Invalid duration'));
  }
});
