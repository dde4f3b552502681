import { requireCurrency, type CurrencyInfo } from './currencies.js';
import { mul, parseDecimal, ratio, type Ratio } from './decimal.js';

/**
 * How a converted price is rounded to what the buyer sees. Amounts are in minor units of the
 * display currency.
 * - `none`: half-up to the currency's minor unit.
 * - `increment`: half-up to the nearest multiple of `step` minor units (USD 0.05 → step 5,
 *   JPY nearest 10 → step 10).
 * - `charm`: up to the next price that ends `ending` minor units below a multiple of `unit`
 *   (.99 → ending 1, .95 → ending 5). `unit` defaults to one major unit, or for 0-digit
 *   currencies to the smallest power of ten above `ending` (JPY ending 20 → ¥980, ¥1,980 …
 *   in steps of 100); `unit: 1000` gives ¥980, ¥1,980, ¥2,980.
 */
export type RoundingRule =
  | { readonly type: 'none' }
  | { readonly type: 'increment'; readonly step: number }
  | { readonly type: 'charm'; readonly ending: number; readonly unit?: number };

const RULE_SYNTAX = 'expected none, nearest:<step> (e.g. nearest:0.05) or charm:<ending> (e.g. charm:0.99)';

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** The smallest power of ten that is above `ending` and at least one major unit. */
function defaultCharmUnit(ending: bigint, digits: number): bigint {
  let unit = pow10(digits);
  while (unit <= ending) unit *= 10n;
  return unit;
}

/** `value` (major units) in whole minor units, or undefined when it has finer decimals. */
function toMinor(value: Ratio, currency: CurrencyInfo): bigint | undefined {
  const minor = mul(value, ratio(pow10(currency.digits)));
  return minor.d === 1n ? minor.n : undefined;
}

/**
 * Reads the rounding syntax used in HTML attributes and config, in major units of `currency`:
 * `none`, `nearest:0.05`, `nearest:10` (JPY), `charm:0.99`, `charm:0.95`, `charm:980` (JPY ¥1,980).
 * Throws RangeError for anything else, or for a value finer than the currency's minor unit.
 */
export function parseRoundingRule(text: string, currency: CurrencyInfo | string): RoundingRule {
  const info = typeof currency === 'string' ? requireCurrency(currency) : currency;
  const fail = (why: string): never => {
    throw new RangeError(`Invalid rounding rule "${text}" for ${info.code}: ${why}`);
  };
  const match = /^\s*(none|nearest|charm)\s*(?::\s*(\S+?)\s*)?$/i.exec(text);
  if (!match) return fail(RULE_SYNTAX);
  const kind = match[1]!.toLowerCase();
  const rawValue = match[2];
  if (kind === 'none') return rawValue === undefined ? { type: 'none' } : fail(RULE_SYNTAX);
  if (rawValue === undefined) return fail(`${kind} needs a value, e.g. ${kind === 'nearest' ? 'nearest:0.05' : 'charm:0.99'}`);

  let value: Ratio;
  try {
    value = parseDecimal(rawValue);
  } catch {
    return fail(`"${rawValue}" is not a non-negative decimal number`);
  }
  const minor = toMinor(value, info);
  if (minor === undefined) {
    return fail(`${rawValue} is finer than ${info.code}'s smallest unit (${info.digits} decimals)`);
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return fail(`${rawValue} is too large`);

  if (kind === 'nearest') {
    if (minor === 0n) return fail('the step must be greater than 0');
    return { type: 'increment', step: Number(minor) };
  }
  // charm:<x> names the price ending; the block it repeats in is the next power of ten.
  const unit = defaultCharmUnit(minor, info.digits);
  const ending = (unit - minor) % unit;
  return unit === defaultCharmUnit(ending, info.digits)
    ? { type: 'charm', ending: Number(ending) }
    : { type: 'charm', ending: Number(ending), unit: Number(unit) };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

function wholeNumber(value: number, name: string, min: number): bigint {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`Invalid rounding rule: ${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return BigInt(value);
}

/** Half-up (away from zero) to a multiple of `step`. */
function nearest(value: Ratio, step: bigint): bigint {
  const magnitude = value.n < 0n ? -value.n : value.n;
  const rounded = floorDiv(2n * magnitude + value.d * step, 2n * value.d * step) * step;
  return value.n < 0n ? -rounded : rounded;
}

function charm(value: Ratio, ending: bigint, unit: bigint): bigint {
  // Free stays free, and nothing goes below zero.
  if (value.n <= 0n) return 0n;
  // The smallest k·unit − ending that is ≥ value.
  return ceilDiv(value.n + ending * value.d, unit * value.d) * unit - ending;
}

/**
 * Rounds an exact amount in minor units of `currency` with `rule`, once. Returns an integer
 * number of minor units; throws RangeError for an invalid rule or when the result is not a safe
 * integer.
 */
export function roundRatio(value: Ratio, rule: RoundingRule, currency: CurrencyInfo): number {
  let result: bigint;
  switch (rule.type) {
    case 'none':
      result = nearest(value, 1n);
      break;
    case 'increment':
      result = nearest(value, wholeNumber(rule.step, 'step', 1));
      break;
    case 'charm': {
      const ending = wholeNumber(rule.ending, 'ending', 0);
      const unit = rule.unit === undefined
        ? defaultCharmUnit(ending, currency.digits)
        : wholeNumber(rule.unit, 'unit', 1);
      if (unit <= ending) {
        throw new RangeError(`Invalid rounding rule: unit (${unit}) must be greater than ending (${ending})`);
      }
      result = charm(value, ending, unit);
      break;
    }
    default:
      throw new RangeError(`Unknown rounding rule type "${(rule as { type: unknown }).type}"`);
  }
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Rounded amount ${result} ${currency.code} minor units is beyond safe integers`);
  }
  return Number(result);
}
