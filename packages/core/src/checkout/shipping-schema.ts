/**
 * The merchant's shipping configuration (docs/shipping-and-restrictions.md), checked once when it
 * is read: every problem is reported with the field it is in, e.g.
 * `services[0].zones[1].rates[2].priceIdr: expected integer IDR`.
 * Unknown properties are dropped, so a newer config still loads in an older SDK.
 */
import * as v from 'valibot';
import { deepFreeze } from '../util/freeze.js';
import { ConfigError, formatIssue, objectOf, SCHEMA_MESSAGES, toConfigIssues, type ConfigIssue } from '../util/schema.js';
import { cleanText, ID_PATTERN, isPlainObject, LANGUAGE_TAG_PATTERN } from '../catalog/schema.js';
import type { LocalisedText } from '../catalog/index.js';
import { countryCodeMessage, isCountryCode } from './countries.js';
import type { ShippingConfig, ShippingService, ShippingZone, WeightStep, ZoneRate } from './shipping.js';

export type { ConfigIssue };

/**
 * Configuration data that cannot be used; `issues` lists every problem found, not just the first.
 * `what` names the data: "Shipping configuration" → "Shipping configuration is invalid: …".
 */
export class ConfigIssuesError extends ConfigError {}

/** The shipping configuration cannot be used. */
export class ShippingConfigError extends ConfigIssuesError {
  override readonly name = 'ShippingConfigError';

  constructor(issues: readonly ConfigIssue[]) {
    super('Shipping configuration', issues);
  }
}

const M = {
  ...SCHEMA_MESSAGES,
  localised: 'expected text, or an object of language code → text such as {"en": "Express", "id": "Kilat"}',
  origin: 'expected "ID": Mendunia ships from Indonesia',
  packaging: 'expected whole grams, 0 or more',
  divisor: 'expected whole cm³ per kg greater than 0, such as 5000 or 6000',
  days: 'expected [fewest, most] whole days, such as [3, 7]',
  daysOrder: 'the fewest days must not be more than the most days',
  nonEmpty: 'must not be empty',
  ascending: (previous: number) => `must be greater than the previous row's upToGrams (${previous})`,
  lastStepOnly: 'required (only the last step may leave it out, meaning "and above")',
  duplicateId: (kind: string, id: string) => `duplicate ${kind} id "${id}"`,
  duplicateCountry: (country: string, zone: string) => `"${country}" is already in zone "${zone}" of this service`,
} as const;

export { objectOf };

function arrayOf<const TItem extends v.GenericSchema>(item: TItem) {
  return v.pipe(v.array(item, M.array), v.minLength(1, M.nonEmpty));
}

/** Text as a merchant writes it: cleaned, not empty, at most `max` characters. */
export const boundedText = (max: number) =>
  v.pipe(v.string(M.text), v.transform(cleanText), v.nonEmpty(M.nonEmpty), v.maxLength(max, `too long (at most ${max} characters)`));

const text = boundedText(200);

/** Text, or an object of language code → text (`{"en": "Express", "id": "Kilat"}`). */
export const localisedText = v.lazy((input) =>
  isPlainObject(input)
    ? v.pipe(
        v.record(
          v.pipe(v.string(), v.regex(LANGUAGE_TAG_PATTERN, M.language)),
          v.pipe(v.string(M.text), v.transform(cleanText), v.nonEmpty(M.nonEmpty)),
        ),
        v.check((byLanguage) => Object.keys(byLanguage).length > 0, M.localised),
      )
    : v.pipe(v.string(M.localised), v.transform(cleanText), v.nonEmpty(M.nonEmpty)),
);

const id = v.pipe(v.string(M.id), v.regex(ID_PATTERN, M.id));
const price = v.pipe(v.number(M.price), v.safeInteger(M.price), v.minValue(0, M.price));
const grams = v.pipe(v.number(M.grams), v.safeInteger(M.grams), v.minValue(1, M.grams));
const packaging = v.pipe(v.number(M.packaging), v.safeInteger(M.packaging), v.minValue(0, M.packaging));
/**
 * An ISO 3166-1 alpha-2 code in any case ("sg" → "SG"); anything else is named with a
 * suggestion when there is one ("UK" → did you mean "GB"?). Shared by the checkout config.
 */
export const countryCode = v.pipe(
  v.string(countryCodeMessage(undefined)),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const code = dataset.value.trim().toUpperCase();
    if (isCountryCode(code)) return code;
    addIssue({ message: countryCodeMessage(dataset.value) });
    return NEVER;
  }),
);
const wholeDays = v.pipe(v.number(M.days), v.safeInteger(M.days), v.minValue(0, M.days));

type PathItem = v.IssuePathItem;

/** The path of `key` in row `index` of `list`, for issues added by raw checks. */
function rowPath(
  list: readonly unknown[],
  index: number,
  row: Record<string, unknown>,
  key: string,
): [PathItem, PathItem] {
  return [
    { type: 'array', origin: 'value', input: list as unknown[], key: index, value: row },
    { type: 'object', origin: 'value', input: row, key, value: row[key] },
  ];
}

function rowsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

const stepSchema = objectOf({ upToGrams: v.optional(grams), stepGrams: grams });
const steps = v.pipe(
  arrayOf(stepSchema),
  v.rawCheck<{ upToGrams?: number; stepGrams: number }[]>(({ dataset, addIssue }) => {
    const list = rowsOf(dataset.value);
    list.forEach((row, index) => {
      if (isPlainObject(row) && row['upToGrams'] === undefined && index < list.length - 1) {
        addIssue({ message: M.lastStepOnly, path: rowPath(list, index, row, 'upToGrams') });
      }
    });
  }),
  increasing(),
);

const rateSchema = objectOf({ upToGrams: grams, priceIdr: price });

const zoneSchema = objectOf({
  id,
  countries: arrayOf(countryCode),
  rates: v.pipe(arrayOf(rateSchema), increasing()),
  additionalPerKgIdr: v.optional(price),
  days: v.pipe(
    v.tuple([wholeDays, wholeDays], M.days),
    v.check(([fewest, most]) => fewest <= most, M.daysOrder),
  ),
});

const zones = v.pipe(
  arrayOf(zoneSchema),
  uniqueIds('zone'),
  // A country in two zones of one service would have two prices; say which zone has it first.
  v.rawCheck<v.InferOutput<typeof zoneSchema>[]>(({ dataset, addIssue }) => {
    const list = rowsOf(dataset.value);
    const owner = new Map<string, string>();
    list.forEach((zone, zoneIndex) => {
      if (!isPlainObject(zone) || !Array.isArray(zone['countries'])) return;
      const countries = zone['countries'] as unknown[];
      const zoneId = typeof zone['id'] === 'string' ? zone['id'] : `#${zoneIndex}`;
      countries.forEach((code, countryIndex) => {
        if (typeof code !== 'string') return;
        const key = code.trim().toUpperCase();
        const first = owner.get(key);
        if (first !== undefined && first !== zoneId) {
          addIssue({
            message: M.duplicateCountry(key, first),
            path: [
              ...rowPath(list, zoneIndex, zone, 'countries'),
              { type: 'array', origin: 'value', input: countries, key: countryIndex, value: code },
            ],
          });
        } else owner.set(key, zoneId);
      });
    });
  }),
);

const serviceSchema = objectOf({
  id,
  carrier: text,
  name: localisedText,
  tracked: v.boolean(M.boolean),
  volumetricDivisor: v.optional(
    v.pipe(v.number(M.divisor), v.safeInteger(M.divisor), v.minValue(1, M.divisor)),
  ),
  steps: v.optional(steps),
  maxParcelGrams: v.optional(grams),
  maxLengthCm: v.optional(v.pipe(v.number(M.centimetres), v.finite(M.centimetres), v.gtValue(0, M.centimetres))),
  splitOversize: v.optional(v.boolean(M.boolean)),
  packagingGrams: v.optional(packaging),
  dutyPaid: v.optional(v.boolean(M.boolean)),
  zones,
});

export const ShippingConfigSchema = objectOf({
  origin: v.optional(v.literal('ID', M.origin), 'ID'),
  packagingGrams: v.optional(packaging),
  services: v.pipe(arrayOf(serviceSchema), uniqueIds('service')),
});

/**
 * Each row's upToGrams must be above the previous one. Rows that are invalid themselves are
 * skipped (their own issue is reported), so one typo does not produce a cascade.
 */
function increasing<T extends readonly unknown[]>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const list = rowsOf(dataset.value);
    let previous: number | undefined;
    list.forEach((row, index) => {
      if (!isPlainObject(row)) return;
      const upTo = row['upToGrams'];
      if (typeof upTo !== 'number' || !Number.isFinite(upTo)) return;
      if (previous !== undefined && upTo <= previous) {
        addIssue({ message: M.ascending(previous), path: rowPath(list, index, row, 'upToGrams') });
      }
      previous = upTo;
    });
  });
}

/** Ids must be unique among their siblings; checked raw so it is reported next to other issues. */
export function uniqueIds<T extends readonly unknown[]>(kind: string) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const list = rowsOf(dataset.value);
    const seen = new Set<string>();
    list.forEach((row, index) => {
      if (!isPlainObject(row) || typeof row['id'] !== 'string') return;
      const value = row['id'];
      if (seen.has(value)) addIssue({ message: M.duplicateId(kind, value), path: rowPath(list, index, row, 'id') });
      seen.add(value);
    });
  });
}

/**
 * Validates a shipping configuration (the `shipping` object of checkout.json) and returns it
 * typed and frozen. Defaults are not filled in here; quoteShipping applies them, so a config built
 * in code behaves the same as one read from a file. Throws ShippingConfigError listing every issue.
 */
export function parseShippingConfig(data: unknown): ShippingConfig {
  const result = v.safeParse(ShippingConfigSchema, data, { abortEarly: false });
  if (!result.success) throw new ShippingConfigError(toConfigIssues(result.issues));
  const raw = result.output;
  const config: ShippingConfig = {
    origin: 'ID',
    ...(raw.packagingGrams !== undefined && { packagingGrams: raw.packagingGrams }),
    services: raw.services.map((service): ShippingService => ({
      id: service.id,
      carrier: service.carrier,
      name: service.name as LocalisedText,
      tracked: service.tracked,
      ...(service.volumetricDivisor !== undefined && { volumetricDivisor: service.volumetricDivisor }),
      ...(service.steps !== undefined && {
        steps: service.steps.map(
          (step): WeightStep => ({
            upToGrams: step.upToGrams ?? Number.MAX_SAFE_INTEGER,
            stepGrams: step.stepGrams,
          }),
        ),
      }),
      ...(service.maxParcelGrams !== undefined && { maxParcelGrams: service.maxParcelGrams }),
      ...(service.maxLengthCm !== undefined && { maxLengthCm: service.maxLengthCm }),
      ...(service.splitOversize !== undefined && { splitOversize: service.splitOversize }),
      ...(service.packagingGrams !== undefined && { packagingGrams: service.packagingGrams }),
      ...(service.dutyPaid !== undefined && { dutyPaid: service.dutyPaid }),
      zones: service.zones.map(
        (zone): ShippingZone => ({
          id: zone.id,
          countries: [...zone.countries],
          rates: zone.rates.map((rate): ZoneRate => ({ upToGrams: rate.upToGrams, priceIdr: rate.priceIdr })),
          ...(zone.additionalPerKgIdr !== undefined && { additionalPerKgIdr: zone.additionalPerKgIdr }),
          days: [zone.days[0], zone.days[1]],
        }),
      ),
    })),
  };
  return deepFreeze(config);
}

export { toConfigIssues, formatIssue };

export { deepFreeze };
