/**
 * Valibot schemas for the catalog JSON a shop owner writes (docs/catalog.md).
 *
 * These are the authority on what is valid. catalog.schema.json is the same rules for editors,
 * and schema.test.ts fails when the two disagree on property names or required fields.
 * Unknown properties are dropped (v.object), so newer catalogs still load in older SDKs.
 */
import * as v from 'valibot';
import { MAX_UNIT_PRICE_IDR } from '../limits.js';
import {
  canonicalLanguage,
  cleanText,
  COUNTRY_PATTERN,
  HS_CODE_PATTERN,
  hsCodeDigits,
  ID_PATTERN,
  isSafeImageSrc,
  LANGUAGE_TAG_PATTERN,
  LIMITS,
} from './rules.js';
import { isPlainObject, objectOf, SCHEMA_MESSAGES } from '../util/schema.js';

// Re-exported: the checkout's config schemas import it from here.
export { isPlainObject };

export {
  canonicalLanguage,
  cleanText,
  COUNTRY_PATTERN,
  HS_CODE_PATTERN,
  hsCodeDigits,
  ID_PATTERN,
  isSafeImageSrc,
  LANGUAGE_TAG_PATTERN,
  LIMITS,
} from './rules.js';

/** The shared messages (util/schema.ts) plus the ones only catalog fields need. */
export const MESSAGES = {
  ...SCHEMA_MESSAGES,
  noLanguage: 'expected text in at least one language',
  pixels: 'expected whole pixels greater than 0',
  stock: 'expected a whole number of 0 or more, or null when stock is not tracked',
  src: 'expected a relative path or an http(s) URL',
  hsCode: 'expected an HS code of 6 to 10 digits, e.g. "6214.90"',
  version: 'expected 1',
  currency: 'expected "IDR"',
  priceLimit: `expected at most ${MAX_UNIT_PRICE_IDR} IDR (MAX_UNIT_PRICE_IDR): larger amounts could overflow a cart's totals`,
  duplicateVariant: (id: string) => `duplicate variant id "${id}"`,
} as const;

function text(max: number, typeMessage: string = MESSAGES.text) {
  return v.pipe(
    v.string(typeMessage),
    v.transform(cleanText),
    v.nonEmpty(MESSAGES.empty),
    v.maxLength(max, MESSAGES.tooLong(max)),
  );
}

const languageKey = v.pipe(
  v.string(),
  v.check((key) => LANGUAGE_TAG_PATTERN.test(key), MESSAGES.language),
  // Canonical case ('EN-gb' → 'en-GB') so lookups in localise() meet the same spelling.
  v.transform(canonicalLanguage),
);

function localisedText(max: number) {
  const single = text(max, MESSAGES.localised);
  const perLanguage = v.pipe(
    v.record(
      languageKey,
      v.pipe(
        v.string(MESSAGES.text),
        v.transform(cleanText),
        v.maxLength(max, MESSAGES.tooLong(max)),
      ),
    ),
    // A blank translation is a placeholder, not a translation: dropping it lets localise() fall back.
    v.transform((byLanguage) =>
      Object.fromEntries(Object.entries(byLanguage).filter(([, value]) => value !== '')),
    ),
    v.check((byLanguage) => Object.keys(byLanguage).length > 0, MESSAGES.noLanguage),
  );
  // Chosen by input shape, so an error inside the object keeps its own path (name.en) and message.
  return v.lazy((input) => (isPlainObject(input) ? perLanguage : single));
}

const id = v.pipe(v.string(MESSAGES.id), v.transform(cleanText), v.regex(ID_PATTERN, MESSAGES.id));

const price = v.pipe(
  v.number(MESSAGES.price),
  v.safeInteger(MESSAGES.price),
  v.minValue(0, MESSAGES.price),
  v.maxValue(MAX_UNIT_PRICE_IDR, MESSAGES.priceLimit),
);

const grams = v.pipe(
  v.number(MESSAGES.grams),
  v.safeInteger(MESSAGES.grams),
  v.minValue(1, MESSAGES.grams),
);

const pixels = v.pipe(
  v.number(MESSAGES.pixels),
  v.safeInteger(MESSAGES.pixels),
  v.minValue(1, MESSAGES.pixels),
);

const centimetres = v.pipe(
  v.number(MESSAGES.centimetres),
  v.finite(MESSAGES.centimetres),
  v.gtValue(0, MESSAGES.centimetres),
);

const stock = v.nullish(
  v.pipe(v.number(MESSAGES.stock), v.safeInteger(MESSAGES.stock), v.minValue(0, MESSAGES.stock)),
);

const hsCode = v.pipe(
  v.string(MESSAGES.hsCode),
  v.regex(HS_CODE_PATTERN, MESSAGES.hsCode),
  v.transform(hsCodeDigits),
);

const imageSrc = v.pipe(
  v.string(MESSAGES.src),
  v.transform(cleanText),
  v.nonEmpty(MESSAGES.src),
  v.maxLength(LIMITS.src, MESSAGES.tooLong(LIMITS.src)),
  v.check(isSafeImageSrc, MESSAGES.src),
);

export const ImageSchema = objectOf({
  src: imageSrc,
  width: pixels,
  height: pixels,
  alt: v.nullish(localisedText(LIMITS.alt)),
});

export const DimensionsSchema = objectOf({
  length: centimetres,
  width: centimetres,
  height: centimetres,
});

export const VariantSchema = objectOf({
  id,
  name: localisedText(LIMITS.name),
  price: v.nullish(price),
  stock,
  weightGrams: v.nullish(grams),
  sku: v.nullish(text(LIMITS.sku)),
});

const variants = v.pipe(
  v.array(VariantSchema, MESSAGES.array),
  // Cart lines are keyed by product id + variant id, so two variants may not share one.
  // A raw check (not v.check) so the duplicate is reported even when another variant is invalid.
  v.rawCheck(({ dataset, addIssue }) => {
    const list: readonly unknown[] = Array.isArray(dataset.value) ? dataset.value : [];
    const seen = new Set<string>();
    list.forEach((variant, index) => {
      if (!isPlainObject(variant) || typeof variant['id'] !== 'string') return;
      const variantId = variant['id'];
      if (seen.has(variantId)) {
        addIssue({
          message: MESSAGES.duplicateVariant(variantId),
          path: [
            { type: 'array', origin: 'value', input: list, key: index, value: variant },
            { type: 'object', origin: 'value', input: variant, key: 'id', value: variantId },
          ],
        });
      }
      seen.add(variantId);
    });
  }),
);

export const ProductSchema = objectOf({
  id,
  name: localisedText(LIMITS.name),
  description: v.nullish(localisedText(LIMITS.description)),
  // Any text here: whether it names a known category is checked against the catalog in parse.ts.
  category: v.nullish(v.pipe(v.string(MESSAGES.text), v.transform(cleanText))),
  price,
  images: v.nullish(v.array(ImageSchema, MESSAGES.array)),
  weightGrams: grams,
  dimensionsCm: v.nullish(DimensionsSchema),
  hsCode: v.nullish(hsCode),
  stock,
  variants: v.nullish(variants),
  tags: v.nullish(v.array(text(LIMITS.tag), MESSAGES.array)),
});

export const CategorySchema = objectOf({
  id,
  name: localisedText(LIMITS.name),
});

export const MerchantSchema = objectOf({
  name: text(LIMITS.name),
  city: v.nullish(text(LIMITS.city)),
  country: v.nullish(
    v.pipe(
      v.string(MESSAGES.country),
      v.transform((code) => cleanText(code).toUpperCase()),
      v.regex(COUNTRY_PATTERN, MESSAGES.country),
    ),
    'ID',
  ),
});

/**
 * The top level only. Merchant, categories and products are checked one by one in parse.ts, so
 * one bad product (or a bad merchant block) is reported and skipped instead of sinking the catalog.
 */
export const CatalogEnvelopeSchema = objectOf({
  $schema: v.nullish(v.unknown()),
  version: v.literal(1, MESSAGES.version),
  currency: v.literal('IDR', MESSAGES.currency),
  merchant: v.nullish(v.unknown()),
  categories: v.nullish(v.unknown()),
  products: v.array(v.unknown(), MESSAGES.array),
});

export type ProductOutput = v.InferOutput<typeof ProductSchema>;
export type VariantOutput = v.InferOutput<typeof VariantSchema>;
export type ImageOutput = v.InferOutput<typeof ImageSchema>;
export type CategoryOutput = v.InferOutput<typeof CategorySchema>;
export type MerchantOutput = v.InferOutput<typeof MerchantSchema>;
