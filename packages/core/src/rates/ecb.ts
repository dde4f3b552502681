import { mul, parseDecimal, toDecimalString } from '../money/decimal.js';
import { looksLikeHtml } from '../util/fetch.js';
import { parseRateDate } from './staleness.js';
import { finishRateSet, RateSourceError, type RateSet } from './types.js';

/** The ECB's daily euro reference rates (about 30 currencies, working days around 16:00 CET). */
export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

/** `RateSet.source` of rates read from the ECB file, wherever it was fetched from. */
export const ECB_SOURCE_NAME = 'ECB euro reference rates';

/**
 * Currencies fixed to the US dollar that the ECB does not publish; parseEcbXml derives them from
 * its USD rate. Units per 1 USD.
 */
export const USD_PEGS: Readonly<Record<string, { readonly rate: string; readonly source: string }>> = Object.freeze({
  SAR: Object.freeze({ rate: '3.75', source: 'Saudi Central Bank: riyal pegged at 3.75 per US dollar since 1986' }),
  AED: Object.freeze({ rate: '3.6725', source: 'Central Bank of the UAE: dirham pegged at 3.6725 per US dollar since 1997' }),
});

const CUBE_TAG = /<Cube\b([^>]*)>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) found.set(match[1]!, match[2] ?? match[3] ?? '');
  return found;
}

/**
 * The ECB file → RateSet, errors naming `errorSource` (where it was read), the set naming
 * `setSource` (whose rates they are). parseEcbXml and parseRatesText (text.ts) call this.
 */
export function readEcbXml(xml: string, errorSource: string, setSource: string): RateSet {
  const fail = (reason: string) => new RateSourceError(errorSource, reason);
  if (looksLikeHtml(xml)) throw fail('expected the ECB XML, got HTML (check the URL)');
  // A string scan, not a DOM parser: core runs in Node and workers, where there is no DOMParser.
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  let date: string | undefined;
  const rates: Record<string, string> = {};
  for (const tag of body.matchAll(CUBE_TAG)) {
    const attrs = attributes(tag[1]!);
    const time = attrs.get('time');
    if (time !== undefined) {
      // Multi-day files (hist-90d) list the newest day first; keep that one.
      if (date !== undefined) break;
      if (parseRateDate(time) === undefined) throw fail(`time="${time}": expected a date such as 2026-11-27`);
      date = time;
      continue;
    }
    const currency = attrs.get('currency');
    const rate = attrs.get('rate');
    if (date === undefined || currency === undefined || rate === undefined) continue;
    if (!/^[A-Z]{3}$/.test(currency)) throw fail(`currency="${currency}": expected a 3-letter ISO 4217 code`);
    let positive = false;
    try {
      positive = parseDecimal(rate).n > 0n;
    } catch {
      // reported below
    }
    if (!positive) throw fail(`rates.${currency}: expected a positive number, got "${rate}"`);
    rates[currency] ??= rate.trim();
  }
  if (date === undefined) throw fail('no date found (<Cube time="…">): is this the ECB eurofxref XML?');
  if (Object.keys(rates).length === 0) throw fail(`no rates found for ${date}`);

  const usd = rates['USD'];
  if (usd !== undefined) {
    for (const [code, peg] of Object.entries(USD_PEGS)) {
      rates[code] ??= toDecimalString(mul(parseDecimal(usd), parseDecimal(peg.rate)));
    }
  }
  return finishRateSet({ base: 'EUR', date, rates, source: setSource }, errorSource);
}

/**
 * Reads the ECB eurofxref XML (daily, or the newest day of a multi-day file) without a DOM:
 * base EUR, date from `<Cube time=…>`, one rate per `<Cube currency=… rate=…/>`. Adds SAR and
 * AED from the USD rate (see USD_PEGS). Throws RateSourceError naming `source` when there is no
 * date, no rate, or a malformed one.
 */
export function parseEcbXml(xml: string, source: string = ECB_SOURCE_NAME): RateSet {
  return readEcbXml(xml, source, source);
}
