/** An exact non-negative-denominator rational number n/d (d > 0), always in lowest terms. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n/d in lowest terms with a positive denominator. Throws RangeError when d is 0. */
export function ratio(n: bigint, d: bigint = 1n): Ratio {
  if (d === 0n) throw new RangeError('Division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/** a × b, exactly. */
export function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.n, a.d * b.d);
}

/** a ÷ b, exactly. Throws RangeError when b is 0. */
export function div(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d, a.d * b.n);
}

/** a + b, exactly. */
export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

// Exponents past this are no money or rate anyone means; refusing them keeps a hostile
// "1e999999999" from allocating a gigantic bigint.
const MAX_EXPONENT = 400;
const DECIMAL = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal as digits × 10^-scale; scale may be negative ("5e3" is 5 with scale -3). */
interface Scaled {
  readonly digits: bigint;
  readonly scale: number;
}

function describe(value: string | number): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function scan(value: string | number): Scaled {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Expected a non-negative finite number, got ${describe(value)}`);
    }
  } else if (typeof value !== 'string') {
    throw new RangeError(`Expected a decimal number, got ${typeof value}`);
  }
  // String(number) is the shortest text that reads back as the same double, i.e. the decimal
  // the author typed (0.0000615, 1e-7), not the binary value's long expansion.
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole.length + fraction.length === 0) {
    throw new RangeError(`Expected a non-negative decimal number such as 17345.67, got "${describe(value)}"`);
  }
  const exponent = match[3] === undefined ? 0 : Number(match[3]);
  if (Math.abs(exponent) > MAX_EXPONENT) {
    throw new RangeError(`Exponent out of range in "${describe(value)}"`);
  }
  return { digits: BigInt(whole + fraction), scale: fraction.length - exponent };
}

/**
 * Reads a non-negative decimal exactly: "17345.67", 0.0000615, "1e-5". Throws RangeError on NaN,
 * Infinity, negatives, empty text and anything that is not a number (such as "<html>").
 */
export function parseDecimal(value: string | number): Ratio {
  const { digits, scale } = scan(value);
  return scale >= 0 ? ratio(digits, 10n ** BigInt(scale)) : ratio(digits * 10n ** BigInt(-scale));
}

/**
 * The plain decimal text of a ratio ("0.0000597", "16273", no exponent). Exact when the value has
 * at most `maxFractionDigits` decimals; otherwise rounded half-up to that many.
 */
export function toDecimalString(value: Ratio, maxFractionDigits = 20): string {
  const negative = value.n < 0n;
  const n = negative ? -value.n : value.n;
  // The fewest decimals that hold the value exactly (remainder of n·10^places by d reaches 0).
  let places = 0;
  for (let rest = n % value.d; rest !== 0n && places < maxFractionDigits; places++) {
    rest = (rest * 10n) % value.d;
  }
  const unit = 10n ** BigInt(places);
  const scaled = (2n * n * unit + value.d) / (2n * value.d);
  let text = scaled.toString().padStart(places + 1, '0');
  if (places > 0) {
    text = `${text.slice(0, -places)}.${text.slice(-places)}`.replace(/\.?0+$/, '');
  }
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** The canonical plain form of a decimal input: "6.15e-7" → "0.000000615", 1.50 → "1.5". */
export function decimalString(value: string | number): string {
  return toDecimalString(parseDecimal(value), MAX_EXPONENT * 2);
}
