/**
 * Phone numbers on the shipping address: couriers call or message the recipient, so the number
 * must be dialable from abroad. libphonenumber-js with its 'min' metadata (about 80 kB, loaded
 * with the checkout, not with the product card).
 */
import {
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/examples.mobile.json';

export interface PhoneCheck {
  readonly valid: boolean;
  /** '+6281234567890' */
  readonly e164?: string;
  /** '+62 812 3456 7890' */
  readonly international?: string;
  /**
   * Why not valid: 'required' (empty) or 'invalid'. 'wrong-country' comes with `valid: true`:
   * a real number of another country than the address's (an Indonesian WhatsApp number on an
   * address in Singapore). Many buyers abroad keep their home number, so it is a notice to show,
   * not a reason to refuse the order.
   */
  readonly issue?: 'required' | 'invalid' | 'wrong-country';
}

function supported(country: string): CountryCode | undefined {
  const code = country.trim().toUpperCase();
  return isSupportedCountry(code) ? code : undefined;
}

function parse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  const phone = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  return phone?.isValid() ? phone : undefined;
}

/**
 * Checks a phone number typed for an address in `country`: the national format of that country
 * ('0812-3456-7890' in ID, '(415) 555-2671' in US) or any international one ('+62 812 …', and
 * '0062 812 …' where 00 is how the buyer dials abroad).
 */
export function checkPhone(input: string, country: string): PhoneCheck {
  const text = input.trim();
  if (text === '') return { valid: false, issue: 'required' };
  const region = supported(country);
  const phone = parse(text, region) ?? (/^00[1-9]/.test(text) ? parse(`+${text.slice(2)}`, undefined) : undefined);
  if (!phone) return { valid: false, issue: 'invalid' };
  const result = { valid: true, e164: phone.number, international: phone.formatInternational() };
  const elsewhere = phone.country
    ? region !== undefined && phone.country !== region
    : region !== undefined && phone.countryCallingCode !== getCountryCallingCode(region);
  return elsewhere ? { ...result, issue: 'wrong-country' } : result;
}

/** The country's calling code without '+': 'SG' → '65'; undefined for a code it does not know. */
export function callingCode(country: string): string | undefined {
  const region = supported(country);
  return region ? getCountryCallingCode(region) : undefined;
}

/**
 * A mobile number of `country` as its people write it internationally ('+49 1512 3456789'), for
 * the phone field's hint and message; undefined for a code libphonenumber-js does not know.
 * The examples come from libphonenumber-js (about 1.4 kB gzip, with the checkout only).
 */
export function examplePhone(country: string): string | undefined {
  const region = supported(country);
  if (!region) return undefined;
  // Asked on every render of the address step: formatted once per country.
  if (!exampleCache.has(region)) exampleCache.set(region, getExampleNumber(region, examples)?.formatInternational());
  return exampleCache.get(region);
}

const exampleCache = new Map<string, string | undefined>();
