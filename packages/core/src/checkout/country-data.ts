/**
 * The per-country data of the checkout rules: address format and phone metadata. The rules read
 * it from registries (address.ts, phone.ts) and never fetch: in Node, and for ESM users,
 * ./data/all.ts registers every country when the checkout entry loads; the script tag's build
 * leaves that module out and sets a loader (setCountryDataLoader) that fetches one small JSON
 * file per destination (dist/data/<version>/<CC>.json, written by the build) with core's fetch
 * helper. createCheckout() asks for the draft's country when it opens and for each country the
 * buyer picks (loadCountryData), and says where it stands in $countryData.
 */
import { hasAddressFormat, registerAddressFormats } from './address.js';
import { hasPhoneData, registerPhoneData, type PhoneData } from './phone.js';
import { countryDataLoader } from './country-data-loader.js';

export { setCountryDataLoader, type CountryDataLoader } from './country-data-loader.js';

/** One country's data file, as the script tag's build writes it. */
export interface CountryDataFile {
  /** ISO 3166-1 alpha-2: the country the file is for. */
  readonly country: string;
  /** The country's entry of data/address-formats.json, when it has one of its own. */
  readonly address?: Readonly<Record<string, unknown>>;
  readonly phone?: PhoneData;
}

/** Checks the shape of a fetched file and registers it; throws a TypeError naming what is wrong. */
export function registerCountryData(file: unknown, source = 'country data'): void {
  const data = file as Partial<CountryDataFile> | null;
  if (typeof data !== 'object' || data === null || typeof data.country !== 'string' || !/^[A-Z]{2}$/.test(data.country)) {
    throw new TypeError(`${source}: expected an object with a two-letter "country"`);
  }
  const phone = data.phone as Partial<PhoneData> | undefined;
  if (phone !== undefined && (typeof phone.metadata !== 'object' || typeof phone.metadata?.countries !== 'object' || typeof phone.metadata?.country_calling_codes !== 'object')) {
    throw new TypeError(`${source}: "phone.metadata" must be libphonenumber-js metadata`);
  }
  if (data.address !== undefined) registerAddressFormats({ [data.country]: data.address });
  if (phone) registerPhoneData(phone as PhoneData);
  loaded.add(data.country);
}

const loaded = new Set<string>();
const pending = new Map<string, Promise<void>>();

/** Whether the rules have what they need for `country` (always, where every country is registered). */
export function hasCountryData(country: string): boolean {
  const code = country.trim().toUpperCase();
  if (loaded.has(code) || !countryDataLoader()) return true;
  return hasAddressFormat(code) && hasPhoneData(code);
}

/**
 * Makes sure `country`'s data is registered: at once when it is (or when there is no loader, as
 * in Node), else fetched once (concurrent calls share the request; a failure is forgotten so a
 * retry fetches again). Rejects with the loader's error.
 */
export function loadCountryData(country: string): Promise<void> {
  const code = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || hasCountryData(code)) return Promise.resolve();
  let request = pending.get(code);
  if (!request) {
    request = countryDataLoader()!(code)
      .then((file) => {
        const country = (file as { country?: unknown } | null)?.country;
        if (country !== code) throw new TypeError(`country data ${code}: expected the file of ${code}, got ${JSON.stringify(country)}`);
        registerCountryData(file, `country data ${code}`);
      })
      .finally(() => pending.delete(code));
    pending.set(code, request);
  }
  return request;
}
