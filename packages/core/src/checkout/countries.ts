/**
 * Country codes a merchant writes in configuration (shipping zones, destinations, rule scopes):
 * ISO 3166-1 alpha-2 from a list, not a pattern, so that "UK" or "EL" is named rather than
 * accepted and then matched by no buyer. libphonenumber-js and the address data each hold a list
 * of their own, but neither is ISO 3166-1 (the first adds AC, TA and XK and lacks AQ, BV, GS, HM,
 * PN, TF and UM; the second covers 45 countries), hence this one.
 */

// The 249 officially assigned codes (ISO 3166 Maintenance Agency, online browsing platform),
// plus XK: user-assigned, but the code the EU, CLDR, carriers and libphonenumber use for Kosovo,
// and the one a buyer there is offered by the address form.
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR ' +
  'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ ' +
  'EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW ' +
  'GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY ' +
  'KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV ' +
  'MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
  'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ' +
  'ZM ZW';

/** Every accepted country code, upper case. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(' '));

/** True for an ISO 3166-1 alpha-2 code (or XK), written in upper case. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

// Codes people write that are not the ISO code of what they mean: the EU's and the UPU's
// exceptions (UK, EL), language codes mistaken for countries, and abbreviations of names.
const MISTAKES: Readonly<Record<string, string>> = {
  UK: 'GB',
  EN: 'GB',
  EL: 'GR',
  JA: 'JP',
  KO: 'KR',
  ZH: 'CN',
  DA: 'DK',
  SP: 'ES',
  EI: 'IE',
  USA: 'US',
  UAE: 'AE',
  KSA: 'SA',
  ROK: 'KR',
  PRC: 'CN',
  RSA: 'ZA',
};

let namesIndex: Map<string, string> | undefined;

const normaliseName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Country names in English and Indonesian (the merchant's languages) → code, built on first use. */
function namesToCodes(): Map<string, string> {
  if (namesIndex) return namesIndex;
  namesIndex = new Map();
  for (const locale of ['en', 'id']) {
    for (const style of ['long', 'short'] as const) {
      let names: Intl.DisplayNames;
      try {
        names = new Intl.DisplayNames(locale, {
          type: 'region',
          style,
          fallback: 'none',
        });
      } catch {
        continue; // A runtime without region names: the code table still works.
      }
      for (const code of COUNTRY_CODES) {
        const name = names.of(code);
        if (name) namesIndex.set(normaliseName(name), code);
      }
    }
  }
  return namesIndex;
}

/**
 * The code someone most likely meant by `input` when it is not one: "UK" → "GB", "EL" → "GR",
 * "u.k." → "GB", "Germany" or "Jerman" → "DE". Undefined when there is no confident guess
 * (and for a valid code, which needs no correction).
 */
export function suggestCountryCode(input: string): string | undefined {
  if (isCountryCode(input)) return undefined;
  const letters = input.replace(/[^A-Za-z]/g, '').toUpperCase();
  const known = MISTAKES[letters] ?? (letters.length === 2 && isCountryCode(letters) ? letters : undefined);
  return known ?? namesToCodes().get(normaliseName(input));
}

/**
 * Why `input` is not a country code, for configuration errors: with a suggestion when there is
 * one (`"UK" is not an ISO 3166-1 country code; did you mean "GB" (United Kingdom)?`).
 */
export function countryCodeMessage(input: unknown): string {
  if (typeof input !== 'string') return 'expected a two-letter ISO 3166-1 country code such as "SG"';
  const suggestion = suggestCountryCode(input);
  const shown = JSON.stringify(input);
  if (!suggestion) return `${shown} is not an ISO 3166-1 country code (expected two letters such as "SG")`;
  return `${shown} is not an ISO 3166-1 country code; did you mean "${suggestion}"${nameOf(suggestion)}?`;
}

function nameOf(code: string): string {
  try {
    const name = new Intl.DisplayNames('en', {
      type: 'region',
      fallback: 'none',
    }).of(code);
    return name ? ` (${name})` : '';
  } catch {
    return '';
  }
}
