// Names from Intl, cached: a currency or language list re-renders on every locale switch.
const displayNames = new Map<string, Intl.DisplayNames | null>();

function names(locale: string, type: 'currency' | 'language' | 'region'): Intl.DisplayNames | null {
  const key = `${locale}|${type}`;
  let dn = displayNames.get(key);
  if (dn === undefined) {
    try {
      dn = new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' });
    } catch {
      dn = null;
    }
    displayNames.set(key, dn);
  }
  return dn;
}

/** "US Dollar" in English, "Dolar Amerika Serikat" in Indonesian; the code when Intl has no name. */
export function currencyName(code: string, locale: string): string {
  return names(locale, 'currency')?.of(code) ?? code;
}

/** A language's name in that language itself ("Bahasa Indonesia", "English"). */
export function languageAutonym(lang: string): string {
  const name = names(lang, 'language')?.of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();
const formattedDates = new Map<string, string>();

/**
 * A date as the locale writes it, e.g. "27 Nov 2026". Dates without time are read as UTC.
 * Cached: every price's tooltip shows the rates' date, on every re-render.
 */
export function formatDate(isoDate: string, locale: string): string {
  const key = `${locale}|${isoDate}`;
  const cached = formattedDates.get(key);
  if (cached !== undefined) return cached;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T00:00:00Z` : isoDate);
  let text = isoDate;
  if (!Number.isNaN(date.getTime())) {
    let format = dateFormats.get(locale);
    if (format === undefined) {
      try {
        format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      } catch {
        format = null;
      }
      dateFormats.set(locale, format);
    }
    text = format ? format.format(date) : date.toISOString().slice(0, 10);
  }
  formattedDates.set(key, text);
  return text;
}

/** The buyer's regions from navigator.languages ('en-SG' → 'SG', 'ja' → 'JP'), most preferred first. */
export function preferredRegions(languages: readonly string[] = globalThis.navigator?.languages ?? []): string[] {
  const regions: string[] = [];
  for (const tag of languages) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && !regions.includes(region)) regions.push(region);
    } catch {
      // an invalid tag from the browser says nothing about the buyer's region
    }
  }
  return regions;
}
