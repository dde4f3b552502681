/**
 * Address rules per destination country: which fields the checkout asks for, in which order and
 * under which label, how they are validated and normalised, and how the postal label reads.
 * The per-country data is Google's address metadata (libaddressinput, CC-BY 4.0), kept in
 * ./data/address-formats.json; docs/addresses.md says where each piece comes from.
 */
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { isCountryCode } from './countries.js';
import { balanceBidi } from '../util/bidi.js';

export type AddressFieldName =
  | 'name'
  | 'organization'
  | 'addressLine1'
  | 'addressLine2'
  | 'city'
  | 'dependentLocality'
  | 'region'
  | 'postalCode'
  | 'sortingCode';

export interface AddressField {
  readonly name: AddressFieldName;
  readonly required: boolean;
  /** i18n key: 'address.state', 'address.prefecture', 'address.zip' … (docs/addresses.md lists them). */
  readonly labelKey: string;
  /** HTML autocomplete token. */
  readonly autocomplete: string;
  /** Subdivisions when the country has a list; `code` is what normalizeAddress stores. */
  readonly options?: readonly { readonly code: string; readonly name: string }[];
  /** The country's post writes this field in capitals (a hint for the form and labels). */
  readonly uppercase?: boolean;
}

export interface AddressFormat {
  readonly country: string;
  /** Layout: fields on the same row. */
  readonly rows: readonly (readonly AddressFieldName[])[];
  /** In order. */
  readonly fields: readonly AddressField[];
  readonly postalCodeExample?: string;
  readonly hasPostalCode: boolean;
}

export interface Address {
  readonly country: string;
  readonly name: string;
  readonly organization?: string;
  readonly addressLine1: string;
  readonly addressLine2?: string;
  readonly city?: string;
  readonly dependentLocality?: string;
  readonly region?: string;
  readonly postalCode?: string;
  readonly sortingCode?: string;
}

export interface AddressIssue {
  readonly field: AddressFieldName | 'country';
  readonly code: 'required' | 'invalid-postal-code' | 'unknown-region' | 'too-long' | 'unsupported-country';
  /** English fallback; the UI translates by `code` (and the field's labelKey). */
  readonly message: string;
}

/** Longest value accepted for any one field, in characters. */
export const ADDRESS_FIELD_MAX_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Data

interface RegionData {
  readonly code: string;
  readonly name: string;
  /** The name in the country's own script (JP, CN, AE), printed on a label written in it. */
  readonly local?: string;
  readonly aliases?: readonly string[];
}

/** One country as stored: Google's keys, reduced to what this module reads. */
interface CountryData {
  readonly fmt: string;
  readonly lfmt?: string;
  readonly require: string;
  readonly upper: string;
  readonly zip_name_type: string;
  readonly state_name_type: string;
  readonly locality_name_type: string;
  readonly sublocality_name_type: string;
  readonly zipex?: string;
  readonly postprefix?: string;
  readonly regionOnLabel?: 'code' | 'name';
  readonly regions?: readonly RegionData[];
}

/** The registered formats (see registerAddressFormats): every country in Node, the chosen ones in a browser. */
const COUNTRIES = new Map<string, CountryData>();
/** Google's 'ZZ' entry: the format of a country without one of its own (and of one not yet loaded). */
const GENERIC: CountryData = {
  fmt: '%N%n%O%n%A%n%C%n%S%n%Z',
  require: 'AC',
  upper: '',
  zip_name_type: 'postal',
  state_name_type: 'region',
  locality_name_type: 'city',
  sublocality_name_type: 'suburb',
};
/**
 * Every country with its own entry in data/address-formats.json (a test keeps the two equal):
 * known before any of them is loaded, for the country picker.
 */
export const ADDRESS_FORMAT_COUNTRIES: readonly string[] = Object.freeze(
  'US CA MX BR GB IE DE FR NL BE LU AT IT ES PT CH SE DK NO FI PL CZ GR AU NZ SG MY TH PH VN BN JP KR CN HK TW IN SA AE QA KW ID'.split(' '),
);
const DATA_CODES = ADDRESS_FORMAT_COUNTRIES;

/**
 * Registers address formats, keyed by country (the shape of data/address-formats.json; keys that
 * are not two capital letters, such as '_source', and 'ZZ' are skipped). Formats built before
 * are rebuilt on next use.
 */
export function registerAddressFormats(data: Readonly<Record<string, unknown>>): void {
  for (const [code, entry] of Object.entries(data)) {
    if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ' || typeof entry !== 'object' || entry === null) continue;
    if (typeof (entry as CountryData).fmt !== 'string') throw new TypeError(`address format ${code}: expected a "fmt" string`);
    COUNTRIES.set(code, entry as CountryData);
    formats.delete(code);
  }
}

/** Whether `country`'s address format is registered, or it has none of its own (the generic one then). */
export function hasAddressFormat(country: string): boolean {
  const code = country.trim().toUpperCase();
  return COUNTRIES.has(code) || !DATA_CODES.includes(code);
}

const LETTER_FIELD: Readonly<Record<string, AddressFieldName>> = {
  N: 'name',
  O: 'organization',
  C: 'city',
  D: 'dependentLocality',
  S: 'region',
  Z: 'postalCode',
  X: 'sortingCode',
};
const FIELD_LETTER: Readonly<Record<AddressFieldName, string>> = {
  name: 'N',
  organization: 'O',
  addressLine1: 'A',
  addressLine2: 'A',
  city: 'C',
  dependentLocality: 'D',
  region: 'S',
  postalCode: 'Z',
  sortingCode: 'X',
};
const AUTOCOMPLETE: Readonly<Record<AddressFieldName, string>> = {
  name: 'name',
  organization: 'organization',
  addressLine1: 'address-line1',
  addressLine2: 'address-line2',
  city: 'address-level2',
  dependentLocality: 'address-level3',
  region: 'address-level1',
  postalCode: 'postal-code',
  // No standard token exists for a CEDEX-style sorting code.
  sortingCode: 'off',
};

/** English text per label key: the messages below, and the values for the English locale file. */
const ENGLISH_LABELS: Readonly<Record<string, string>> = {
  name: 'Full name',
  organization: 'Company',
  addressLine1: 'Address',
  addressLine2: 'Apartment, suite, etc.',
  city: 'City',
  postTown: 'Post town',
  suburb: 'Suburb',
  district: 'District',
  neighborhood: 'Neighborhood',
  villageTownship: 'Village / township',
  townland: 'Townland',
  dependentLocality: 'Locality',
  state: 'State',
  province: 'Province',
  county: 'County',
  prefecture: 'Prefecture',
  doSi: 'Province / metropolitan city',
  area: 'Area',
  emirate: 'Emirate',
  island: 'Island',
  parish: 'Parish',
  department: 'Department',
  oblast: 'Oblast',
  region: 'State / province / region',
  zip: 'ZIP code',
  postalCode: 'Postal code',
  pin: 'PIN code',
  eircode: 'Eircode',
  sortingCode: 'Sorting code',
};

/** Google's name types ('do_si', 'post_town') as label keys ('address.doSi', 'address.postTown'). */
function labelKey(field: AddressFieldName, country: CountryData): string {
  const types: Partial<Record<AddressFieldName, string>> = {
    city: country.locality_name_type,
    dependentLocality: country.sublocality_name_type,
    region: country.state_name_type,
    postalCode: country.zip_name_type === 'postal' ? 'postalCode' : country.zip_name_type,
  };
  const type = types[field];
  const key = type?.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()) ?? field;
  // A name type added to the data later without a label falls back to the field's own key.
  return `address.${key in ENGLISH_LABELS ? key : field}`;
}

// ---------------------------------------------------------------------------------------------
// Formats

type Token = { readonly field: AddressFieldName | 'street' } | { readonly literal: string };

/** "%N%n%A%n%C, %S %Z" → lines of tokens; %A (the street lines) becomes 'street'. */
function parseFormat(fmt: string): Token[][] {
  return fmt.split('%n').map((line) => {
    const tokens: Token[] = [];
    for (const part of line.split(/(%[A-Z])/)) {
      if (part === '') continue;
      const letter = /^%([A-Z])$/.exec(part)?.[1];
      if (letter === 'A') tokens.push({ field: 'street' });
      else if (letter && LETTER_FIELD[letter]) tokens.push({ field: LETTER_FIELD[letter]! });
      else if (!letter) tokens.push({ literal: part });
    }
    return tokens;
  });
}

const formats = new Map<string, AddressFormat>();

function countryData(code: string): CountryData {
  return COUNTRIES.get(code) ?? GENERIC;
}

/**
 * What the checkout asks for an address in `country` (ISO 3166-1 alpha-2, any case), in the
 * order the country's post writes it in Latin script. A country without its own entry gets the
 * generic format: name, organization, street lines, city (required), region and postal code
 * (optional).
 */
export function addressFormat(country: string): AddressFormat {
  const code = country.trim().toUpperCase();
  let format = formats.get(code);
  if (!format) {
    format = buildFormat(code, countryData(code));
    // Only well-formed codes are kept, so text typed into a country field cannot grow the cache.
    if (/^[A-Z]{2}$/.test(code)) formats.set(code, format);
  }
  return format;
}

function buildFormat(code: string, country: CountryData): AddressFormat {
  const rows: AddressFieldName[][] = [];
  for (const line of parseFormat(country.lfmt ?? country.fmt)) {
    let row: AddressFieldName[] = [];
    for (const token of line) {
      if (!('field' in token)) continue;
      if (token.field === 'street') {
        // The street lines take a row each, whatever shares their line on the label.
        if (row.length) rows.push(row);
        rows.push(['addressLine1'], ['addressLine2']);
        row = [];
      } else if (!row.includes(token.field)) row.push(token.field);
    }
    if (row.length) rows.push(row);
  }
  const fields = rows.flat().map((name): AddressField => {
    const letter = FIELD_LETTER[name];
    const required = name === 'name' || (name !== 'addressLine2' && country.require.includes(letter));
    const options = name === 'region' ? country.regions?.map((r) => ({ code: r.code, name: r.name })) : undefined;
    return {
      name,
      required,
      labelKey: labelKey(name, country),
      autocomplete: AUTOCOMPLETE[name],
      ...(options ? { options } : {}),
      ...(country.upper.includes(letter) || (name === 'postalCode' && /[A-Z]/.test(country.zipex ?? ''))
        ? { uppercase: true }
        : {}),
    };
  });
  const example = country.zipex?.split(',')[0];
  return {
    country: code,
    rows,
    fields,
    ...(example ? { postalCodeExample: example } : {}),
    hasPostalCode: fields.some((field) => field.name === 'postalCode'),
  };
}

// ---------------------------------------------------------------------------------------------
// Countries

const displayNames = new Map<string, Intl.DisplayNames>();

function regionNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    try {
      names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
    } catch {
      // A malformed tag from a data attribute must not take the checkout down.
      names = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });
    }
    displayNames.set(locale, names);
  }
  return names;
}

/** The country's name in `locale` (Intl.DisplayNames, cached); the code itself when unknown. */
export function countryName(code: string, locale: string): string {
  const wanted = code.trim().toUpperCase();
  try {
    return regionNames(locale).of(wanted) ?? wanted;
  } catch {
    return wanted;
  }
}

/** One list of countries for the whole checkout: ISO 3166-1 alpha-2 (countries.ts). */
const isCountry = isCountryCode;

const collators = new Map<string, Intl.Collator>();

function collator(locale: string): Intl.Collator {
  let found = collators.get(locale);
  if (!found) {
    try {
      found = new Intl.Collator(locale);
    } catch {
      found = new Intl.Collator('en');
    }
    collators.set(locale, found);
  }
  return found;
}

/**
 * Countries for a picker, named in `locale` and sorted the way that language sorts.
 * Defaults to every country with its own address format.
 */
export function countryOptions(
  locale: string,
  codes: readonly string[] = DATA_CODES,
): { code: string; name: string }[] {
  const unique = [...new Set(codes.map((code) => code.trim().toUpperCase()))];
  const compare = collator(locale);
  return unique
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => compare.compare(a.name, b.name));
}

// ---------------------------------------------------------------------------------------------
// Normalising and validating

const TEXT_FIELDS = [
  'name',
  'organization',
  'addressLine1',
  'addressLine2',
  'city',
  'dependentLocality',
  'region',
  'postalCode',
  'sortingCode',
] as const satisfies readonly AddressFieldName[];

/** Trimmed, runs of white space (a pasted line break too) as one space. */
/** One line, single spaces, no unpaired bidi control (it would re-order the rest of an order message). */
function tidy(value: string | undefined): string {
  return balanceBidi((value ?? '').replace(/\s+/g, ' ')).trim();
}

function comparable(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The listed region `value` names: its code ('CA', 'US-CA'), name, local name or an alias. */
function findRegion(country: string, data: CountryData, value: string): RegionData | undefined {
  const wanted = comparable(value);
  const prefix = `${country.toLowerCase()}-`;
  const code = wanted.startsWith(prefix) ? wanted.slice(prefix.length) : wanted;
  const regions = data.regions ?? [];
  return (
    regions.find((region) => region.code.toLowerCase() === code) ??
    regions.find((region) =>
      [region.name, region.local, ...(region.aliases ?? [])].some((name) => name && comparable(name) === wanted),
    )
  );
}

interface PostalCheck {
  readonly value: string;
  /** undefined: no pattern known for the country, anything non-empty passes. */
  readonly valid: boolean | undefined;
}

/**
 * Tidies a postal code and checks it with postcode-validator. Besides the code as typed, the
 * code is tried in the shape of the country's example with the same number of characters
 * ('1000001' → '100-0001' in JP, 'sw1a1aa' → 'SW1A 1AA' in GB); the first shape that passes is
 * the normalised one. The country's own prefix ('L-', 'CH-') is dropped: the format prints it.
 */
function checkPostalCode(country: string, data: CountryData, raw: string): PostalCheck {
  let value = tidy(raw).toUpperCase();
  if (data.postprefix && value.startsWith(data.postprefix)) value = value.slice(data.postprefix.length).trim();
  if (!postcodeValidatorExistsForCountry(country)) return { value, valid: undefined };
  const compact = value.replace(/[^0-9A-Z]/g, '');
  const example = data.zipex?.split(',').find((each) => each.replace(/[^0-9A-Z]/g, '').length === compact.length);
  const candidates = new Set<string>();
  if (example && compact) {
    let at = 0;
    candidates.add(example.replace(/[0-9A-Z]/g, () => compact[at++]!));
  }
  candidates.add(value);
  for (const candidate of candidates) {
    if (postcodeValidator(candidate, country)) return { value: candidate, valid: true };
  }
  return { value, valid: false };
}

/**
 * The address's subdivision as ISO 3166-2 ("CA-ON" for Ontario, typed "Ontario", "ON" or "on"),
 * for the duties estimate; undefined when the region is empty or not one the country lists.
 */
export function addressSubdivision(address: Pick<Address, 'country' | 'region'>): string | undefined {
  const country = tidy(address.country).toUpperCase();
  const region = tidy(address.region);
  if (!region || !/^[A-Z]{2}$/.test(country)) return undefined;
  const found = findRegion(country, countryData(country), region);
  const code = found && `${country}-${found.code.toUpperCase()}`;
  return code && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code) ? code : undefined;
}

/**
 * The address trimmed (white space runs as one space, empty optional fields left out), the
 * country code in capitals, a listed region as its code, and the postal code tidied into the
 * country's usual shape. Fields the country's format does not use are kept as they are.
 */
export function normalizeAddress(address: Address): Address {
  const country = tidy(address.country).toUpperCase();
  const data = countryData(country);
  const out: Record<string, string> = { country };
  for (const field of TEXT_FIELDS) {
    const value = tidy(address[field]);
    if (value === '' && field !== 'name' && field !== 'addressLine1') continue;
    out[field] = value;
  }
  if (out['region']) out['region'] = findRegion(country, data, out['region'])?.code ?? out['region'];
  if (out['postalCode']) out['postalCode'] = checkPostalCode(country, data, out['postalCode']).value;
  if (out['sortingCode']) out['sortingCode'] = out['sortingCode'].toUpperCase();
  return out as unknown as Address;
}

/** The English label as it reads inside a sentence: 'postal code', but 'ZIP code', 'Eircode'. */
function englishLabel(field: AddressField | undefined, name: AddressFieldName): string {
  const key = (field?.labelKey ?? `address.${name}`).slice('address.'.length);
  const label = ENGLISH_LABELS[key] ?? ENGLISH_LABELS[name]!;
  return /^[A-Z]{2}/.test(label) || key === 'eircode' ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * Everything wrong with an address for its country, in form order; empty when it can be
 * shipped to. Values are trimmed first. Checks: the country is a real one; required fields are
 * filled; the postal code matches the country's pattern (postcode-validator); a region is one of
 * the country's list when it has one (code or name, any case); no field is over 200 characters.
 */
export function validateAddress(address: Address): AddressIssue[] {
  const issues: AddressIssue[] = [];
  const country = tidy(address.country).toUpperCase();
  if (country === '') {
    issues.push({ field: 'country', code: 'required', message: 'Choose the country.' });
  } else if (!isCountry(country)) {
    issues.push({ field: 'country', code: 'unsupported-country', message: 'Choose the country from the list.' });
  }
  const data = countryData(country);
  const format = addressFormat(country);
  const byName = new Map(format.fields.map((field) => [field.name, field]));

  for (const name of TEXT_FIELDS) {
    const field = byName.get(name);
    const value = tidy(address[name]);
    const label = englishLabel(field, name);
    if ([...value].length > ADDRESS_FIELD_MAX_LENGTH) {
      issues.push({
        field: name,
        code: 'too-long',
        message: `Shorten the ${label} to ${ADDRESS_FIELD_MAX_LENGTH} characters or fewer.`,
      });
      continue;
    }
    if (!field) continue; // not part of this country's address: nothing to check
    if (value === '') {
      if (field.required) issues.push({ field: name, code: 'required', message: `Enter the ${label}.` });
      continue;
    }
    if (name === 'postalCode' && checkPostalCode(country, data, value).valid === false) {
      const example = format.postalCodeExample ? `, for example ${format.postalCodeExample}` : '';
      issues.push({
        field: name,
        code: 'invalid-postal-code',
        message: `Check the ${label}: it does not look like one from ${countryName(country, 'en')}${example}.`,
      });
    }
    if (name === 'region' && field.options && !findRegion(country, data, value)) {
      issues.push({
        field: name,
        code: 'unknown-region',
        message: `Choose the ${label} from the list.`,
      });
    }
  }
  // Form order, so the first issue is the first field to fix.
  const order = (issue: AddressIssue): number =>
    issue.field === 'country' ? -1 : format.fields.findIndex((field) => field.name === issue.field);
  return issues.sort((a, b) => order(a) - order(b));
}

// ---------------------------------------------------------------------------------------------
// Postal label

/** Letters of any script but Latin: the address is written in the country's own script. */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The address as the lines of a postal label, in the country's order, for the order summary
 * (WhatsApp, email) and customs documents; the last line is the country's English name in
 * capitals, as the UPU asks for international mail. An address written in the country's own
 * script (Japanese, Chinese, Korean …) follows the country's native order (〒 postal code first
 * in Japan); one in Latin script follows the Latin order (name first). A field the format does
 * not use but the address has is printed on a line before the country, so nothing is lost.
 */
export function formatAddressLines(address: Address): string[] {
  const normal = normalizeAddress(address);
  const country = normal.country;
  const data = countryData(country);
  const native = TEXT_FIELDS.some((field) => NON_LATIN.test(normal[field] ?? ''));
  const fmt = native ? data.fmt : (data.lfmt ?? data.fmt);

  const region = normal.region ? findRegion(country, data, normal.region) : undefined;
  const street = [normal.addressLine1, normal.addressLine2].filter((line): line is string => !!line);
  const value = (field: LineField): string => {
    if (field === 'street') return street.at(-1) ?? '';
    if (field === 'region' && region) {
      if (data.regionOnLabel === 'code') return region.code;
      return native ? (region.local ?? region.name) : region.name;
    }
    return normal[field] ?? '';
  };

  const used = new Set<LineField>();
  const lines: string[] = [];
  for (const tokens of parseFormat(fmt)) {
    // Street lines keep a line each; what shares their line on the label joins the last one.
    if (tokens.some((token) => 'field' in token && token.field === 'street')) lines.push(...street.slice(0, -1));
    const line = renderLine(tokens, value, used);
    if (line) lines.push(line);
  }
  const leftover = TEXT_FIELDS.filter(
    (field) => field !== 'addressLine1' && field !== 'addressLine2' && !used.has(field) && value(field) !== '',
  );
  if (leftover.length) lines.push(leftover.map(value).join(', '));
  lines.push(countryName(country, 'en').toUpperCase());
  return lines;
}

type LineField = AddressFieldName | 'street';

/**
 * One label line. A literal before the line's first field is that field's prefix ("〒", "L-")
 * and goes with it; one between fields is a separator, kept only between two fields with values.
 */
function renderLine(tokens: readonly Token[], value: (field: LineField) => string, used: Set<LineField>): string {
  let line = '';
  let pending = '';
  let seenField = false;
  for (const token of tokens) {
    if ('literal' in token) {
      pending += token.literal;
      continue;
    }
    used.add(token.field);
    const text = value(token.field);
    if (text !== '') line += line !== '' || !seenField ? pending + text : text;
    pending = '';
    seenField = true;
  }
  return line.trim();
}
