/**
 * Phone numbers on the shipping address: couriers call or message the recipient, so the number
 * must be dialable from abroad. libphonenumber-js's core functions with metadata from a registry:
 * in Node (and for ESM users) ./data/all.ts registers the 'min' metadata of every country; the
 * script tag registers one country's slice at a time, fetched with its country data file
 * (./country-data.ts), so a buyer downloads the rules of the country they ship to only.
 */
import {
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type Examples,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';

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

/**
 * Phone data for some countries, as a country data file carries it: libphonenumber-js metadata
 * (`version`, `country_calling_codes` and `countries` for those countries only), their mobile
 * examples, and every calling code in use (to recognise a number of a country not loaded).
 */
export interface PhoneData {
  readonly metadata: MetadataJson;
  readonly examples?: Readonly<Record<string, string>>;
  readonly callingCodes?: readonly string[];
}

interface Registry {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
  nonGeographic?: Record<string, unknown>;
}
let metadata: Registry = { version: 4, country_calling_codes: {}, countries: {} };
const examples: Record<string, string> = {};
const knownCallingCodes = new Set<string>();

/**
 * Adds phone metadata (merged with what is registered). The countries of one calling code keep
 * the order the metadata gives them: libphonenumber-js reads the first as the code's main
 * country (CA's number formats are US's), so a slice for CA carries US too.
 */
export function registerPhoneData(data: PhoneData): void {
  const next: Registry = {
    ...metadata,
    version: (data.metadata as unknown as Registry).version,
    countries: { ...metadata.countries, ...(data.metadata as unknown as Registry).countries },
    country_calling_codes: { ...metadata.country_calling_codes },
  };
  const nonGeographic = (data.metadata as unknown as Registry).nonGeographic;
  if (nonGeographic) next.nonGeographic = { ...metadata.nonGeographic, ...nonGeographic };
  for (const [code, list] of Object.entries((data.metadata as unknown as Registry).country_calling_codes)) {
    const merged = [...new Set([...(next.country_calling_codes[code] ?? []), ...list])];
    // The main country first, as in the full metadata.
    next.country_calling_codes[code] = [...list.filter((c) => merged.includes(c)), ...merged.filter((c) => !list.includes(c))];
    knownCallingCodes.add(code);
  }
  for (const code of data.callingCodes ?? []) knownCallingCodes.add(code);
  Object.assign(examples, data.examples);
  metadata = next;
  exampleCache.clear();
}

/** Whether the phone metadata of `country` is registered. */
export function hasPhoneData(country: string): boolean {
  return supported(country) !== undefined;
}

const meta = () => metadata as unknown as MetadataJson;

function supported(country: string): CountryCode | undefined {
  const code = country.trim().toUpperCase();
  return isSupportedCountry(code as CountryCode, meta()) ? (code as CountryCode) : undefined;
}

function parse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  const phone = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : {}, meta());
  return phone?.isValid() ? phone : undefined;
}

/**
 * A number of a country whose metadata is not registered (the script tag loads the address's
 * country only): '+1 212 555 0123' on an address in Japan. Its calling code is real and its
 * length possible (E.164: at most 15 digits), so it is taken as written, with the notice that it
 * is another country's; the shop's server checks it again with every country's metadata.
 */
function elsewhereUnchecked(text: string): PhoneCheck | undefined {
  const international = text.startsWith('+') ? text : /^00[1-9]/.test(text) ? `+${text.slice(2)}` : undefined;
  if (!international || /[^\d\s().+-]/.test(international.slice(1))) return undefined;
  const digits = international.replace(/\D/g, '');
  const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => knownCallingCodes.has(c));
  if (!code || metadata.country_calling_codes[code] || digits.length < code.length + 6 || digits.length > 15) return undefined;
  return { valid: true, e164: `+${digits}`, international: `+${code} ${digits.slice(code.length)}`, issue: 'wrong-country' };
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
  if (!phone) return elsewhereUnchecked(text) ?? { valid: false, issue: 'invalid' };
  const result = { valid: true, e164: phone.number, international: phone.formatInternational() };
  const elsewhere = phone.country
    ? region !== undefined && phone.country !== region
    : region !== undefined && phone.countryCallingCode !== getCountryCallingCode(region, meta());
  return elsewhere ? { ...result, issue: 'wrong-country' } : result;
}

/** The country's calling code without '+': 'SG' → '65'; undefined for a code it does not know. */
export function callingCode(country: string): string | undefined {
  const region = supported(country);
  return region ? getCountryCallingCode(region, meta()) : undefined;
}

/**
 * A mobile number of `country` as its people write it internationally ('+49 1512 3456789'), for
 * the phone field's hint and message; undefined for a code libphonenumber-js does not know.
 * The examples come from libphonenumber-js (examples.mobile.json), one per registered country.
 */
export function examplePhone(country: string): string | undefined {
  const region = supported(country);
  if (!region) return undefined;
  // Asked on every render of the address step: formatted once per country.
  if (!exampleCache.has(region)) exampleCache.set(region, getExampleNumber(region, examples as Examples, meta())?.formatInternational());
  return exampleCache.get(region);
}

const exampleCache = new Map<string, string | undefined>();
