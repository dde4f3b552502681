// Where missing country data comes from (see country-data.ts), and the duty and restriction rules
// of a country's file: a module of its own, so the script tag can set the loader, and
// <mendunia-landed-cost> can load a country's rules, without pulling the phone and address rules
// into every chunk that imports the checkout entry (the landed-cost estimate needs neither).

/** Fetches one country's data file (the script tag's loader) and resolves to its contents. */
export type CountryDataLoader = (country: string) => Promise<unknown>;

/** One country's file as far as this module reads it: the part registries read the rest. */
export type CountryDataPartFile = Readonly<Record<string, unknown>> & { readonly country: string };

/** Registers one part of a country's file (duties.ts: `duties`; restrictions.ts: `restrictions`); throws when it is malformed. */
export type CountryDataPart = (file: CountryDataPartFile, source: string) => void;

let loader: CountryDataLoader | undefined;
const parts: CountryDataPart[] = [];
const files = new Map<string, { readonly file: CountryDataPartFile; readonly source: string }>();
const pending = new Map<string, Promise<void>>();

/** Sets how missing countries are fetched (once per page: the script tag's checkout does). */
export function setCountryDataLoader(load: CountryDataLoader | undefined): void {
  loader = load;
}

/** The loader set, if any (none in Node or ESM builds: every country is registered there). */
export function countryDataLoader(): CountryDataLoader | undefined {
  return loader;
}

/**
 * Adds a part registry (at module load); it is given every file registered so far, then each new
 * one. A file one of them refuses is forgotten, so the next load fetches it again and rejects.
 */
export function addCountryDataPart(part: CountryDataPart): void {
  parts.push(part);
  for (const [country, { file, source }] of files) {
    try {
      part(file, source);
    } catch (e) {
      files.delete(country);
      queueMicrotask(() => {
        throw e;
      });
    }
  }
}

const code = (country: string): string => country.trim().toUpperCase();

/** Checks that `file` names its country and gives it to every part registry; throws a TypeError (or the part's error) naming what is wrong. */
export function acceptCountryFile(file: unknown, source: string): CountryDataPartFile {
  const data = file as { country?: unknown } | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof data.country !== 'string' || !/^[A-Z]{2}$/.test(data.country)) {
    throw new TypeError(`${source}: expected an object with a two-letter "country"`);
  }
  const checked = data as CountryDataPartFile;
  for (const part of parts) part(checked, source);
  files.set(checked.country, { file: checked, source });
  return checked;
}

/** The file registered for `country`, if one was (the script tag's fetch, or registerCountryData). */
export function countryFile(country: string): CountryDataPartFile | undefined {
  return files.get(code(country))?.file;
}

/**
 * Whether the duty and restriction rules of `country` are registered: always where every country
 * is (Node, ESM builds: no loader), else once its file was loaded.
 */
export function hasCountryRules(country: string): boolean {
  return !loader || files.has(code(country));
}

/**
 * Makes sure `country`'s file is registered (its duty and restriction rules; loadCountryData adds
 * its address format and phone metadata): at once when it is or when there is no loader, else
 * fetched once (concurrent calls share the request; a failure is forgotten so a retry fetches
 * again). Rejects with the loader's error, or a TypeError when the file is not the country's.
 */
export function loadCountryRules(country: string): Promise<void> {
  const cc = code(country);
  if (!/^[A-Z]{2}$/.test(cc) || hasCountryRules(cc)) return Promise.resolve();
  let request = pending.get(cc);
  if (!request) {
    request = loader!(cc)
      .then((file) => {
        const named = (file as { country?: unknown } | null)?.country;
        if (named !== cc) throw new TypeError(`country data ${cc}: expected the file of ${cc}, got ${JSON.stringify(named)}`);
        acceptCountryFile(file, `country data ${cc}`);
      })
      .finally(() => pending.delete(cc));
    pending.set(cc, request);
  }
  return request;
}
