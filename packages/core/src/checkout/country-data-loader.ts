// Where missing country data comes from (see country-data.ts): a module of its own, so the script
// tag can set the loader without pulling the phone and address rules into every chunk that
// imports the checkout entry (the landed-cost estimate does, and needs neither).

/** Fetches one country's data file (the script tag's loader) and resolves to its contents. */
export type CountryDataLoader = (country: string) => Promise<unknown>;

let loader: CountryDataLoader | undefined;

/** Sets how missing countries are fetched (once per page: the script tag's checkout does). */
export function setCountryDataLoader(load: CountryDataLoader | undefined): void {
  loader = load;
}

/** The loader set, if any (none in Node or ESM builds: every country is registered there). */
export function countryDataLoader(): CountryDataLoader | undefined {
  return loader;
}
