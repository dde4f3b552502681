import { expect } from '@open-wc/testing';
import { add, decimalString, div, mul, parseDecimal, ratio, toDecimalString, type Ratio } from './decimal.js';

const r = (n: bigint, d = 1n): Ratio => ({ n, d });

describe('parseDecimal', () => {
  const valid: [string | number, Ratio][] = [
    ['17345.67', r(1734567n, 100n)],
    [0.0000615, r(123n, 2000000n)], // the decimal the author wrote, not the double's expansion
    [6.15e-7, r(123n, 200000000n)],
    ['1e-5', r(1n, 100000n)],
    ['1E-5', r(1n, 100000n)],
    ['5e3', r(5000n)],
    ['2.5e+2', r(250n)],
    [1e21, r(10n ** 21n)],
    ['0', r(0n)],
    [0, r(0n)],
    [-0, r(0n)],
    ['0.50', r(1n, 2n)],
    ['.5', r(1n, 2n)],
    ['5.', r(5n)],
    ['  12  ', r(12n)],
    ['007', r(7n)],
    ['17612.35', r(352247n, 20n)],
    [0.1, r(1n, 10n)],
    ['123456789012345678901234567890', r(123456789012345678901234567890n)],
  ];
  for (const [input, expected] of valid) {
    it(`reads ${typeof input === 'string' ? JSON.stringify(input) : input}`, () => {
      expect(parseDecimal(input)).to.deep.equal(expected);
    });
  }

  const invalid: (string | number)[] = [
    Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.5,
    '-1', '', '   ', 'abc', '<html>', 'NaN', 'Infinity', '1,5', '1.2.3', '0x10', '1e', 'e5', '.', '+-1',
    '1 000', '1e999', '1e-999',
  ];
  for (const input of invalid) {
    it(`refuses ${typeof input === 'string' ? JSON.stringify(input) : input} with a RangeError`, () => {
      expect(() => parseDecimal(input)).to.throw(RangeError);
    });
  }

  it('refuses a non-string, non-number at run time (untyped JSON)', () => {
    expect(() => parseDecimal(null as unknown as string)).to.throw(RangeError);
    expect(() => parseDecimal({} as unknown as string)).to.throw(RangeError);
  });

  it('quotes the bad input in the message', () => {
    expect(() => parseDecimal('<html>')).to.throw('"<html>"');
  });
});

describe('ratio arithmetic', () => {
  const cases: [string, () => Ratio, Ratio][] = [
    ['reduces', () => ratio(6n, 8n), r(3n, 4n)],
    ['moves the sign to the numerator', () => ratio(2n, -4n), r(-1n, 2n)],
    ['keeps zero as 0/1', () => ratio(0n, 7n), r(0n, 1n)],
    ['mul reduces', () => mul(r(2n, 3n), r(3n, 4n)), r(1n, 2n)],
    ['div reduces', () => div(r(1n, 2n), r(1n, 4n)), r(2n)],
    ['div crosses exactly', () => div(parseDecimal('1.0823'), parseDecimal('17612.35')), r(10823n, 176123500n)],
    ['add', () => add(r(1n, 6n), r(1n, 3n)), r(1n, 2n)],
  ];
  for (const [name, compute, expected] of cases) {
    it(name, () => expect(compute()).to.deep.equal(expected));
  }

  it('refuses division by zero', () => {
    expect(() => div(r(1n), r(0n))).to.throw(RangeError);
    expect(() => ratio(1n, 0n)).to.throw(RangeError);
  });
});

describe('toDecimalString / decimalString', () => {
  const cases: [Ratio, number | undefined, string][] = [
    [r(1n, 8n), undefined, '0.125'],
    [r(123n, 2000000n), undefined, '0.0000615'],
    [r(10n), undefined, '10'],
    [r(0n), undefined, '0'],
    [r(-1n, 2n), undefined, '-0.5'],
    [r(1n, 3n), 4, '0.3333'],
    [r(2n, 3n), 2, '0.67'], // half-up when it cannot be exact
    [r(999n, 1000n), 2, '1'],
    [r(1n, 3n), 0, '0'],
    [r(32469n, 8000n), undefined, '4.058625'],
  ];
  for (const [value, places, expected] of cases) {
    it(`${value.n}/${value.d}${places === undefined ? '' : ` to ${places}`} → ${expected}`, () => {
      expect(toDecimalString(value, places)).to.equal(expected);
    });
  }

  const canonical: [string | number, string][] = [
    ['6.15e-7', '0.000000615'],
    [0.0000597, '0.0000597'],
    ['1.50', '1.5'],
    ['0017', '17'],
    [1e21, '1000000000000000000000'],
    ['17612.35', '17612.35'],
  ];
  for (const [input, expected] of canonical) {
    it(`decimalString(${JSON.stringify(input)}) → ${expected}`, () => {
      expect(decimalString(input)).to.equal(expected);
    });
  }

  it('round-trips random decimals exactly', () => {
    let seed = 20261127;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 500; i++) {
      const whole = String(Math.floor(random() * 1e9));
      const fraction = String(Math.floor(random() * 1e9)).padStart(9, '0').replace(/0+$/, '');
      const text = fraction ? `${whole}.${fraction}` : whole;
      expect(decimalString(text), text).to.equal(text);
    }
  });
});
