/**
 * The duty and import-tax rule data (data/duties.json, docs/duties-and-taxes.md) and merchant
 * overrides, checked once when read. Every problem names its field:
 * `overrides[0].vat.percent: expected a percentage from 0 to 100, such as 19`.
 *
 * Objects are strict: a misspelt property ("treshold") is an error rather than silently dropped,
 * because a dropped threshold would quietly turn a duty-free parcel into a dutiable one.
 */
import * as v from 'valibot';
import { deepFreeze } from '../util/freeze.js';
import { SCHEMA_MESSAGES } from '../util/schema.js';
import { cleanText, COUNTRY_PATTERN, ID_PATTERN, isPlainObject } from '../catalog/schema.js';
import { isKnownCurrency, requireCurrency } from '../money/currencies.js';
import { decimalString, parseDecimal } from '../money/decimal.js';

/** Registration schemes a merchant can hold; a scheme lets the seller collect a tax at checkout. */
export const REGISTRATIONS = [
  'EU_IOSS',
  'UK_VAT',
  'AU_GST',
  'SG_OVR',
  'MY_LVG',
  'NZ_GST',
  'CA_GST',
  'JP_CT',
  'KR_VAT',
  'CN_CBEC',
  'SA_VAT',
  'AE_VAT',
] as const;
export type Registration = (typeof REGISTRATIONS)[number];

/** Rule data is unusable: the message says where (`rules[3].vat.percent`) and what. */
export class DutyRuleError extends Error {
  override readonly name = 'DutyRuleError';
  /** Where the first problem is, e.g. `overrides[0].vat.percent` (empty for the top level). */
  readonly path: string;

  constructor(message: string, path = '') {
    super(message);
    this.path = path;
  }
}

const M = {
  ...SCHEMA_MESSAGES,
  unknown: 'unknown property (check the spelling)',
  percent: 'expected a percentage from 0 to 100, such as 19',
  valuation: 'expected a percentage greater than 0 and at most 100, such as 60',
  amount: 'expected a positive decimal amount such as "150" or 150',
  amountOrZero: 'expected a decimal amount of 0 or more, such as "50"',
  country: 'expected a two-letter country code such as "DE"',
  countries: 'expected "country": "DE" or "countries": ["DE", "FR"] (one of them)',
  currency: 'expected a currency code Mendunia knows, such as "EUR" or "AUD"',
  hs: 'expected an HS code prefix of 2 to 10 digits, such as "6205" or "0901.21"',
  subdivision: 'expected an ISO 3166-2 subdivision code such as "CA-ON"',
  subdivisionCountry: (code: string) => `is not a subdivision of the rule's countries (${code})`,
  registration: `expected one of ${REGISTRATIONS.join(', ')}`,
  untilOrder: 'must be after the start date',
  band: (name: string) => `the band uses ${name}, but the rule defines no "${name}"`,
  belowRequired: 'required when the rule has a threshold',
  minorUnits: (code: string) => `has more decimals than ${code} has`,
} as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function isDecimal(value: string | number, allowZero: boolean): boolean {
  try {
    const parsed = parseDecimal(value);
    return allowZero || parsed.n > 0n;
  } catch {
    return false;
  }
}

/** A strict object: arrays refused, missing keys read "required", unknown keys are named. */
function strict<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, M.object), v.strictObject(entries));
}

const text = v.pipe(v.string(M.text), v.transform(cleanText), v.nonEmpty(M.empty), v.maxLength(500, 'too long (at most 500 characters)'));
const flag = v.boolean(M.boolean);
const percent = v.pipe(v.number(M.percent), v.finite(M.percent), v.minValue(0, M.percent), v.maxValue(100, M.percent));
const isoDate = v.pipe(v.string(M.date), v.check(isIsoDate, M.date));
const country = v.pipe(v.string(M.country), v.regex(COUNTRY_PATTERN, M.country));
const currency = v.pipe(v.string(M.currency), v.check((code: string) => isKnownCurrency(code), M.currency));
const registration = v.picklist(REGISTRATIONS, M.registration);
const url = v.pipe(v.string(M.url), v.check((s) => /^https?:\/\/\S+$/i.test(s), M.url));

function amount(allowZero = false) {
  const message = allowZero ? M.amountOrZero : M.amount;
  return v.pipe(
    v.union([v.string(message), v.number(message)], message),
    v.check((value) => isDecimal(value, allowZero), message),
    v.transform((value) => decimalString(value)),
  );
}

/** HS prefixes are kept as digits only: "0901.21" → "090121". */
const hsPrefix = v.pipe(
  v.string(M.hs),
  v.transform((s) => s.replace(/[ .]/g, '')),
  v.regex(/^\d{2,10}$/, M.hs),
);
const ratesByHs = v.pipe(
  v.record(v.string(), percent, M.object),
  v.check((rates) => Object.keys(rates).every((key) => /^\d{2,10}$/.test(key)), M.hs),
);

const sourceSchema = strict({ name: text, url: v.optional(url), date: isoDate });

/** ISO 3166-2: the country, a hyphen, 1–3 letters or digits ("CA-ON", "AU-NSW", "FR-75"). */
export const SUBDIVISION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const subdivision = v.pipe(v.string(M.subdivision), v.transform((s) => s.trim().toUpperCase()), v.regex(SUBDIVISION_PATTERN, M.subdivision));

function dated<const TEntries extends v.ObjectEntries>(entries: TEntries, start: 'from' | 'effective') {
  return v.pipe(
    strict(entries),
    v.check((value) => {
      const record = value as Record<string, unknown>;
      const begin = record[start];
      const until = record['until'];
      return typeof until !== 'string' || typeof begin !== 'string' || until > begin;
    }, M.untilOrder),
  );
}

const additionalDutySchema = dated(
  {
    label: text,
    percent,
    from: isoDate,
    until: v.optional(isoDate),
    /** HS prefixes the layer does not apply to (exempted goods). */
    exceptHs: v.optional(v.array(hsPrefix, M.array)),
    verify: v.optional(flag),
    source: v.optional(sourceSchema),
  },
  'from',
);

const dutySchema = strict({
  /** Shown in line labels; "Customs duty" by default ("Postal articles tax" for CN). */
  label: v.optional(text, 'Customs duty'),
  basis: v.picklist(['CIF', 'FOB'], 'expected "CIF" (goods + freight + insurance) or "FOB" (goods only)'),
  /** The rate for goods whose HS code matches no prefix in byHs (or that have no HS code). */
  percent,
  /** Rates by HS prefix (digits); the longest matching prefix wins. */
  byHs: v.optional(ratesByHs, {}),
  preferential: v.optional(
    strict({ agreement: text, percent, byHs: v.optional(ratesByHs, {}), verify: v.optional(flag) }),
  ),
  additional: v.optional(v.array(additionalDutySchema, M.array), []),
  verify: v.optional(flag),
  /** Where the rates come from, when not the rule's own sources (shown per line). */
  source: v.optional(sourceSchema),
});

const vatSchema = strict({
  kind: v.picklist(['vat', 'gst', 'sales-tax', 'consumption-tax'], 'expected "vat", "gst", "sales-tax" or "consumption-tax"'),
  /** "Import VAT", "GST", "Consumption tax": the start of the line label. */
  label: text,
  /** The rate, unless every country has its own in percentByCountry. */
  percent: v.optional(percent),
  /** For a rule covering several countries with different rates (the EU). */
  percentByCountry: v.optional(
    v.pipe(
      v.record(v.string(), percent, M.object),
      v.check((rates) => Object.keys(rates).every((key) => COUNTRY_PATTERN.test(key)), M.country),
    ),
  ),
  /**
   * Rates that depend on the buyer's subdivision (Canada's HST provinces). A subdivision not listed
   * pays `percent`; without a subdivision the estimate says which range applies.
   */
  subdivisions: v.optional(
    v.array(
      strict({
        codes: v.pipe(v.array(subdivision, M.array), v.minLength(1, M.subdivision)),
        percent,
        /** "HST": the line label there, instead of the tax's own label. */
        label: v.optional(text),
        source: v.optional(sourceSchema),
      }),
      M.array,
    ),
  ),
  verify: v.optional(flag),
  source: v.optional(sourceSchema),
});

const bandSchema = strict({
  /** Customs duty (the rule's `duty` table) applies. */
  duty: v.optional(flag, false),
  /** What VAT/GST is charged on; absent → no VAT/GST in this band. */
  vatBasis: v.optional(
    v.picklist(['goods', 'goods+shipping', 'CIF', 'CIF+duty', 'FOB+duty'], 'expected "goods", "goods+shipping", "CIF", "CIF+duty" or "FOB+duty"'),
  ),
  flatDuty: v.optional(
    dated(
      {
        label: text,
        /** In the rule's currency, per distinct tariff subheading (6-digit HS) in the parcel. */
        perSubheading: amount(),
        from: isoDate,
        until: v.optional(isoDate),
        /** "registered": only for sellers registered in the band's scheme (IOSS); "all": every parcel. */
        appliesTo: v.picklist(['registered', 'all'], 'expected "registered" or "all"'),
        verify: v.optional(flag),
        source: v.optional(sourceSchema),
      },
      'from',
    ),
  ),
  /** The VAT/GST rate in this band when it differs from the rule's (CN CBEC: 70 % of 13 % within the limits). */
  vatPercent: v.optional(percent),
  /** Fixed charges in the rule's currency (import processing charge). Collected on arrival. */
  fees: v.optional(
    v.array(
      strict({
        label: text,
        amount: amount(),
        /** The fee is part of the VAT base (Saudi Arabia: customs fees are in the VAT base). */
        inVatBase: v.optional(flag),
        verify: v.optional(flag),
        source: v.optional(sourceSchema),
      }),
      M.array,
    ),
    [],
  ),
  /** Who collects VAT/GST (and a flat duty): the seller when registered in `scheme`, else `otherwise`. */
  collection: v.optional(
    strict({
      scheme: v.optional(registration),
      /** How the scheme is called to buyers: "IOSS", "Australian GST". */
      schemeName: v.optional(text),
      otherwise: v.picklist(['carrier', 'none'], 'expected "carrier" or "none"'),
      /** Said to the buyer when nothing is collected because the seller is not registered. */
      otherwiseNote: v.optional(text),
      /** A registered seller collects the customs duty too (China's CBEC channel: the platform withholds both). */
      includesDuty: v.optional(flag),
    }),
    { otherwise: 'carrier' as const },
  ),
  /** In the rule's currency: when all charges together are at most this, nothing is charged (CN RMB 50). */
  waiveIfTotalAtMost: v.optional(amount(true)),
  /** The parcel cannot be sent in this band (CN over RMB 1,000). */
  notAllowed: v.optional(
    strict({
      reason: text,
      unlessSingleItem: v.optional(flag, false),
      /** Said when a single item does go through (default: the postal "indivisible item" sentence). */
      singleItemNote: v.optional(text),
    }),
  ),
  note: v.optional(text),
  verify: v.optional(flag),
});

const ruleEntries = {
  /**
   * A stable id (`eu`, `jp-2028`). The buyer reads a shipped rule's texts in their own language
   * from `rules.dutyRules.<id>.<field>` of @mendunia/i18n (docs/duties-and-taxes.md); an override
   * that keeps a shipped id and a shipped text gets those words too, other texts are shown as written.
   */
  id: v.optional(v.pipe(v.string(M.id), v.regex(ID_PATTERN, M.id))),
  country: v.optional(country),
  countries: v.optional(v.pipe(v.array(country, M.array), v.minLength(1, M.countries))),
  /** How buyers read the destination in a sentence: "the EU", "Australia". */
  name: text,
  /** The currency of the threshold and of every fixed amount in the rule. */
  currency,
  effective: isoDate,
  until: v.optional(isoDate),
  /** A variant that applies instead of the general rule when the merchant holds this registration. */
  whenRegistered: v.optional(registration),
  verify: v.optional(flag),
  source: v.pipe(v.array(sourceSchema, M.array), v.minLength(1, 'expected at least one source')),
  threshold: v.optional(
    strict({
      amount: amount(),
      basis: v.picklist(['goods', 'goods+shipping'], 'expected "goods" (intrinsic value) or "goods+shipping" (CIF)'),
      inclusive: flag,
      /** The threshold stops applying on this date (US de minimis). */
      until: v.optional(isoDate),
      verify: v.optional(flag),
    }),
  ),
  /** Goods are valued at this percentage of their price (JP personal imports: 60). */
  valuationPercent: v.optional(v.pipe(v.number(M.valuation), v.finite(M.valuation), v.gtValue(0, M.valuation), v.maxValue(100, M.valuation))),
  duty: v.optional(dutySchema),
  vat: v.optional(vatSchema),
  below: v.optional(bandSchema),
  above: bandSchema,
  /** Said when the rule has no threshold (or it has ended): "Every parcel is dutiable." */
  noThresholdNote: v.optional(text),
  /** "typically …": what carriers charge for clearing a parcel on which something is due. */
  handlingFee: v.optional(text),
  notes: v.optional(v.array(text, M.array), []),
};

/** One destination rule (or one dated version of it), as written in data or an override. */
export const dutyRuleSchema = v.pipe(
  strict(ruleEntries),
  v.forward(
    v.check((rule) => (rule['country'] === undefined) !== (rule['countries'] === undefined), M.countries),
    ['countries'],
  ),
  v.forward(
    v.check((rule) => typeof rule['until'] !== 'string' || rule['until'] > String(rule['effective']), M.untilOrder),
    ['until'],
  ),
  v.forward(
    v.check((rule) => rule['threshold'] === undefined || rule['below'] !== undefined, M.belowRequired),
    ['below'],
  ),
  v.transform(({ country: single, countries, ...rest }) => ({
    ...rest,
    countries: single !== undefined ? [single] : (countries ?? []),
  })),
);

type RuleOutput = v.InferOutput<typeof dutyRuleSchema>;

/** A validated rule. `countries` always lists its countries (data may write `country`). */
export type DutyRule = Readonly<RuleOutput>;
export type DutyBand = Readonly<NonNullable<RuleOutput['below']>>;
export type DutyTable = Readonly<NonNullable<RuleOutput['duty']>>;
export type DutyVat = Readonly<NonNullable<RuleOutput['vat']>>;
export type DutySource = Readonly<RuleOutput['source'][number]>;

export const dutyRulesFileSchema = strict({
  version: v.literal(1, 'expected 1'),
  /** When the table was last checked against its sources. */
  updated: isoDate,
  rules: v.array(v.unknown(), M.array),
});

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object') {
    if (issue.expected === 'never') return M.unknown;
    if (issue.received === 'undefined') return M.required;
  }
  return issue.message;
}

function join(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

/** Static checks a schema cannot see across bands: a band may only use what the rule defines. */
function crossCheck(rule: DutyRule, at: string): void {
  for (const name of ['below', 'above'] as const) {
    const band = rule[name];
    if (!band) continue;
    if (band.duty && !rule.duty) throw new DutyRuleError(`${join(at, `${name}.duty`)}: ${M.band('duty')}`, join(at, `${name}.duty`));
    if (band.vatBasis && !rule.vat) {
      throw new DutyRuleError(`${join(at, `${name}.vatBasis`)}: ${M.band('vat')}`, join(at, `${name}.vatBasis`));
    }
  }
  rule.vat?.subdivisions?.forEach((entry, index) => {
    entry.codes.forEach((code, place) => {
      if (!rule.countries.includes(code.slice(0, 2))) {
        const where = join(at, `vat.subdivisions[${index}].codes[${place}]`);
        throw new DutyRuleError(`${where}: ${M.subdivisionCountry(rule.countries.join(', '))}`, where);
      }
    });
  });
  if (rule.vat) {
    const missing = rule.countries.find((code) => rule.vat?.percentByCountry?.[code] === undefined && rule.vat?.percent === undefined);
    if (missing) {
      throw new DutyRuleError(`${join(at, 'vat.percent')}: required (no rate for ${missing} in percentByCountry)`, join(at, 'vat.percent'));
    }
  }
  const threshold = rule.threshold && parseDecimal(rule.threshold.amount);
  const digits = requireCurrency(rule.currency).digits;
  if (threshold && (threshold.n * 10n ** BigInt(digits)) % threshold.d !== 0n) {
    throw new DutyRuleError(`${join(at, 'threshold.amount')}: ${M.minorUnits(rule.currency)}`, join(at, 'threshold.amount'));
  }
}

/**
 * Validates one rule (an override, or one entry of the data file) and freezes it. `at` prefixes
 * the field in messages: `overrides[0]`. Throws DutyRuleError naming the first bad field.
 */
export function parseDutyRule(data: unknown, at = ''): DutyRule {
  const result = v.safeParse(dutyRuleSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = join(at, pathOf(issue));
    throw new DutyRuleError(path ? `${path}: ${messageOf(issue)}` : messageOf(issue), path);
  }
  const rule = deepFreeze(result.output) as DutyRule;
  crossCheck(rule, at);
  return rule;
}

/** Validates the rule file (`{ version, updated, rules }`); `source` names it in messages. */
export function parseDutyRulesFile(data: unknown, source: string): { readonly updated: string; readonly rules: readonly DutyRule[] } {
  const top = v.safeParse(dutyRulesFileSchema, data);
  if (!top.success) {
    const issue = top.issues[0];
    const path = pathOf(issue);
    throw new DutyRuleError(`${source}: ${path ? `${path}: ` : ''}${messageOf(issue)}`, path);
  }
  const rules: DutyRule[] = [];
  top.output.rules.forEach((raw, index) => {
    try {
      rules.push(parseDutyRule(raw, `rules[${index}]`));
    } catch (error) {
      if (error instanceof DutyRuleError) throw new DutyRuleError(`${source}: ${error.message}`, error.path);
      throw error;
    }
  });
  checkOverlaps(rules, source);
  const ids = new Map<string, number>();
  rules.forEach((rule, index) => {
    if (rule.id === undefined) return;
    const first = ids.get(rule.id);
    if (first !== undefined) throw new DutyRuleError(`${source}: rules[${index}].id: "${rule.id}" is already the id of rules[${first}]`, `rules[${index}].id`);
    ids.set(rule.id, index);
  });
  return Object.freeze({ updated: top.output.updated, rules: Object.freeze(rules) });
}

/** Two versions of a country's rule for the same registration must not both apply on one day. */
export function checkOverlaps(rules: readonly DutyRule[], source: string, prefix = 'rules'): void {
  const seen = new Map<string, { index: number; from: string; until: string }[]>();
  rules.forEach((rule, index) => {
    for (const code of rule.countries) {
      const key = `${code}|${rule.whenRegistered ?? ''}`;
      const spans = seen.get(key) ?? [];
      const span = { index, from: rule.effective, until: rule.until ?? '9999-12-31' };
      const clash = spans.find((other) => span.from < other.until && other.from < span.until);
      if (clash) {
        const path = `${prefix}[${index}]`;
        throw new DutyRuleError(
          `${source}: ${path}: ${code} is already covered on the same dates by ${prefix}[${clash.index}]` +
            (rule.whenRegistered ? ` for ${rule.whenRegistered}` : ''),
          path,
        );
      }
      spans.push(span);
      seen.set(key, spans);
    }
  });
}


export { deepFreeze };
