import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import { callingCode, checkPhone } from './phone.js';

describe('checkPhone', () => {
  // [country, typed, e164, international]
  const valid: [string, string, string, string][] = [
    ['ID', '0812-3456-7890', '+6281234567890', '+62 812 3456 7890'],
    ['ID', '+62 812 3456 7890', '+6281234567890', '+62 812 3456 7890'],
    ['ID', '6281234567890', '+6281234567890', '+62 812 3456 7890'],
    ['ID', '(021) 3190 1234', '+622131901234', '+62 21 31901234'],
    ['SG', '9123 4567', '+6591234567', '+65 9123 4567'],
    ['SG', '+65 6123 4567', '+6561234567', '+65 6123 4567'],
    ['US', '(415) 555-2671', '+14155552671', '+1 415 555 2671'],
    ['US', '+1 212 555 0123', '+12125550123', '+1 212 555 0123'],
    ['DE', '030 901820', '+4930901820', '+49 30 901820'],
    ['DE', '0151 23456789', '+4915123456789', '+49 1512 3456789'],
    ['JP', '090-1234-5678', '+819012345678', '+81 90 1234 5678'],
    ['JP', '03-1234-5678', '+81312345678', '+81 3 1234 5678'],
    ['jp', ' +81 90 1234 5678 ', '+819012345678', '+81 90 1234 5678'],
  ];
  for (const [country, typed, e164, international] of valid) {
    it(`${country}: accepts ${typed} as ${e164}`, () => {
      expect(checkPhone(typed, country)).to.deep.equal({ valid: true, e164, international });
    });
  }

  const invalid: [string, string][] = [
    ['ID', '0812345'],
    ['ID', '+62 12'],
    ['SG', '1234 5678'],
    ['SG', '91234'],
    ['US', '555-2671'],
    ['US', '(123) 456-7890'],
    ['DE', '12'],
    ['JP', '0120'],
    ['JP', 'call me'],
  ];
  for (const [country, typed] of invalid) {
    it(`${country}: refuses ${typed}`, () => {
      expect(checkPhone(typed, country)).to.deep.equal({ valid: false, issue: 'invalid' });
    });
  }

  for (const typed of ['', '   ']) {
    it(`asks for a number when given ${JSON.stringify(typed)}`, () => {
      expect(checkPhone(typed, 'ID')).to.deep.equal({ valid: false, issue: 'required' });
    });
  }

  it('accepts another country’s number and says so (an Indonesian WhatsApp number in Singapore)', () => {
    expect(checkPhone('+62 812 3456 7890', 'SG')).to.deep.equal({
      valid: true,
      e164: '+6281234567890',
      international: '+62 812 3456 7890',
      issue: 'wrong-country',
    });
  });

  it('reads 00 as the international prefix when the national reading fails', () => {
    expect(checkPhone('0062 812 3456 7890', 'SG')).to.include({ valid: true, e164: '+6281234567890' });
  });

  it('needs the + for a country it does not know', () => {
    expect(checkPhone('+65 9123 4567', 'ZZ')).to.deep.equal({
      valid: true,
      e164: '+6591234567',
      international: '+65 9123 4567',
    });
    expect(checkPhone('9123 4567', 'ZZ')).to.deep.equal({ valid: false, issue: 'invalid' });
  });
});

describe('callingCode', () => {
  const cases: [string, string | undefined][] = [
    ['SG', '65'],
    ['ID', '62'],
    ['US', '1'],
    ['JP', '81'],
    ['de', '49'],
    ['ZZ', undefined],
    ['', undefined],
  ];
  for (const [country, code] of cases) {
    it(`${JSON.stringify(country)} → ${code}`, () => {
      expect(callingCode(country)).to.equal(code);
    });
  }
});
