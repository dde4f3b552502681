import type { CountryDataFile } from '../../core/src/checkout/country-data.js';

/** One country's data file, sliced from every country's data (what the build writes). */
export function countryDataFile(
  country: string,
  sources: {
    addressFormats: Readonly<Record<string, unknown>>;
    metadata: { version: number; country_calling_codes: Record<string, string[]>; countries: Record<string, unknown[]> };
    examples: Readonly<Record<string, string>>;
    /** data/duties.json and data/restrictions.json (a file without them carries no rules). */
    duties?: { version: number; updated: string; rules: readonly { country?: string; countries?: readonly string[] }[] };
    restrictions?: { updated?: string; rules: readonly { destinations: '*' | readonly string[] }[] };
  },
): CountryDataFile;
