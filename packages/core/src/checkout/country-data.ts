/**
 * The per-country data of the checkout rules: address format, phone metadata, duty and
 * restriction rules. The rules read it from registries (address.ts, phone.ts, duties.ts,
 * restrictions.ts) and never fetch: in Node, and for ESM users, ./data/all.ts registers every
 * country when the checkout entry loads; the script tag's build leaves that module out and sets a
 * loader (setCountryDataLoader) that fetches one small JSON file per destination
 * (dist/data/<version>/<CC>.json, written by the build) with core's fetch helper.
 * createCheckout() asks for the draft's country when it opens and for each country the buyer
 * picks (loadCountryData), and says where it stands in $countryData; <mendunia-landed-cost> asks
 * for the rules only (loadCountryRules, in ./country-data-loader.ts).
 */
import { hasAddressFormat, registerAddressFormats } from './address.js';
import { hasPhoneData, registerPhoneData, type PhoneData } from './phone.js';
import { acceptCountryFile, countryDataLoader, countryFile, loadCountryRules } from './country-data-loader.js';

export { hasCountryRules, loadCountryRules, setCountryDataLoader, type CountryDataLoader } from './country-data-loader.js';

/** One country's data file, as the script tag's build writes it. */
export interface CountryDataFile {
  /** ISO 3166-1 alpha-2: the country the file is for. */
  readonly country: string;
  /** The country's entry of data/address-formats.json, when it has one of its own. */
  readonly address?: Readonly<Record<string, unknown>>;
  readonly phone?: PhoneData;
  /** The rules of data/duties.json that name the country (the EU's rule in each EU country's file), in the file's own shape. */
  readonly duties?: { readonly version: 1; readonly updated: string; readonly rules: readonly unknown[] };
  /** The rules of data/restrictions.json that apply to the country (every export rule, its import rules). */
  readonly restrictions?: { readonly updated?: string; readonly rules: readonly unknown[] };
}

function checkPhonePart(file: CountryDataFile, source: string): void {
  const phone = file.phone as Partial<PhoneData> | undefined;
  if (phone !== undefined && (typeof phone.metadata !== 'object' || typeof phone.metadata?.countries !== 'object' || typeof phone.metadata?.country_calling_codes !== 'object')) {
    throw new TypeError(`${source}: "phone.metadata" must be libphonenumber-js metadata`);
  }
}

function registerAddressAndPhone(file: CountryDataFile): void {
  if (file.address !== undefined) registerAddressFormats({ [file.country]: file.address });
  if (file.phone) registerPhoneData(file.phone);
  loaded.add(file.country);
}

/**
 * Checks the shape of a fetched file and registers it (its duty and restriction rules are
 * validated as data/duties.json and data/restrictions.json are); throws a TypeError,
 * DutyRuleError or RestrictionConfigError naming what is wrong.
 */
export function registerCountryData(file: unknown, source = 'country data'): void {
  const data = file as Partial<CountryDataFile> | null;
  if (typeof data !== 'object' || data === null || typeof data.country !== 'string' || !/^[A-Z]{2}$/.test(data.country)) {
    throw new TypeError(`${source}: expected an object with a two-letter "country"`);
  }
  checkPhonePart(data as CountryDataFile, source);
  acceptCountryFile(data, source);
  registerAddressAndPhone(data as CountryDataFile);
}

const loaded = new Set<string>();

/** Whether the rules have what they need for `country` (always, where every country is registered). */
export function hasCountryData(country: string): boolean {
  const code = country.trim().toUpperCase();
  if (loaded.has(code) || !countryDataLoader()) return true;
  return hasAddressFormat(code) && hasPhoneData(code);
}

/**
 * Makes sure `country`'s data is registered: at once when it is (or when there is no loader, as
 * in Node), else fetched once (concurrent calls share the request, and a file that
 * loadCountryRules already brought is not fetched again; a failure is forgotten so a retry
 * fetches again). Rejects with the loader's error.
 */
export async function loadCountryData(country: string): Promise<void> {
  const code = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || hasCountryData(code)) return;
  await loadCountryRules(code);
  const file = countryFile(code) as CountryDataFile | undefined;
  if (file && !loaded.has(code)) {
    checkPhonePart(file, `country data ${code}`);
    registerAddressAndPhone(file);
  }
}
