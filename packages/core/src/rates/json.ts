import * as v from 'valibot';
import { decimalString, parseDecimal } from '../money/decimal.js';
import { formatIssue, SCHEMA_MESSAGES, toConfigIssues } from '../util/schema.js';
import { parseRateDate } from './staleness.js';
import { finishRateSet, RateSourceError, type RateSet } from './types.js';

const POSITIVE = SCHEMA_MESSAGES.positive;
const CODE = SCHEMA_MESSAGES.currency;
const DATE = 'expected an ISO date such as 2026-11-27 (or a date-time with a zone, 2026-11-27T16:00:00Z)';

function isPositiveDecimal(text: string): boolean {
  try {
    return parseDecimal(text).n > 0n;
  } catch {
    return false;
  }
}

const currencyCode = v.pipe(v.string(CODE), v.regex(/^[A-Z]{3}$/, CODE));

/**
 * The documented rates JSON:
 * `{ "base": "IDR", "date": "2026-11-27", "rates": { "USD": 0.0000597, "SGD": "0.0000776" } }`.
 * `base` defaults to IDR; rates are units per 1 base, as positive numbers or decimal strings;
 * keys are upper-case 3-letter codes (codes we do not display are kept, just not offered).
 */
export const rateJsonSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    'expected an object like {"date": "2026-11-27", "rates": {"USD": 0.0000597}}',
  ),
  v.object(
    {
      base: v.optional(currencyCode, 'IDR'),
      date: v.pipe(v.string(DATE), v.check((text) => parseRateDate(text) !== undefined, DATE)),
      rates: v.pipe(
        v.record(
          currencyCode,
          v.union(
            [
              v.pipe(v.number(POSITIVE), v.finite(POSITIVE), v.gtValue(0, POSITIVE)),
              v.pipe(v.string(POSITIVE), v.check(isPositiveDecimal, POSITIVE)),
            ],
            POSITIVE,
          ),
          'expected an object of rates such as {"USD": 0.0000597}',
        ),
        v.check((rates) => Object.keys(rates).length > 0, 'expected at least one rate'),
      ),
    },
    // valibot reports a missing key with the object's message: "date: required".
    SCHEMA_MESSAGES.required,
  ),
);

/**
 * Validates rates JSON (already parsed) into a RateSet whose `source` is `source`. Numbers become
 * exact decimal strings. Throws RateSourceError naming every bad field:
 * `rates.USD: expected a positive number; date: required` (also in its `issues`).
 */
export function parseRateJson(data: unknown, source: string): RateSet {
  const result = v.safeParse(rateJsonSchema, data);
  if (!result.success) {
    const issues = toConfigIssues(result.issues);
    throw new RateSourceError(source, issues.map(formatIssue).join('; '), { issues });
  }
  const { base, date } = result.output;
  const rates: Record<string, string> = {};
  for (const [code, value] of Object.entries(result.output.rates)) {
    const text = decimalString(value);
    if (code !== base) rates[code] = text;
    else if (text !== '1') {
      throw new RateSourceError(source, `rates.${code}: the base currency's rate must be 1, got ${text}`);
    }
  }
  return finishRateSet({ base, date, rates, source }, source);
}
