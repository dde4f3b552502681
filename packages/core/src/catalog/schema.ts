/**
 * Valibot schemas for the catalog JSON a shop owner writes (docs/catalog.md).
 *
 * These are the authority on what is valid. catalog.schema.json is the same rules for editors,
 * and schema.test.ts fails when the two disagree on property names or required fields.
 * Unknown properties are dropped (v.object), so newer catalogs still load in older SDKs.
 */
import * as v from 'valibot';
import { MAX_UNIT_PRICE_IDR } from '../limits.js';
import { balanceBidi } from '../util/bidi.js';
import { isPlainObject, objectOf, SCHEMA_MESSAGES } from '../util/schema.js';

// Re-exported: the checkout's config schemas import it from here.
export { isPlainObject };

/** Product, variant and category ids: safe in URLs, CSS selectors and cart keys without escaping. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** 6–10 digits; dots and spaces between them are allowed in the file and removed on reading. */
export const HS_CODE_PATTERN = /^[ .]*(?:[0-9][ .]*){6,10}$/;
/** The shape of a BCP 47 tag as used for text keys ('id', 'en', 'en-GB', 'zh-Hant'). */
export const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** Longest accepted text, in UTF-16 code units, after trimming. */
export const LIMITS = {
  name: 200,
  description: 5000,
  alt: 500,
  city: 100,
  sku: 64,
  tag: 50,
  src: 2048,
} as const;

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

// C0 and C1 controls except tab and newline: invisible, they break layouts and hide text in logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Normalises line ends to \n, strips control characters (keeping tab and newline) and unpaired
 * bidi controls (an unclosed override would reverse what follows the text, e.g. a price), trims, NFC.
 */
export function cleanText(text: string): string {
  return balanceBidi(text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '')).trim().normalize('NFC');
}

/**
 * True for a relative path or an http(s) URL. Decided by the same URL parser the browser will use
 * (it drops tabs and newlines and lower-cases the scheme before reading it), so spellings such as
 * "JavaScript:", " javascript:" or "java\tscript:" are seen for what the browser would run.
 */
export function isSafeImageSrc(src: string): boolean {
  try {
    const { protocol } = new URL(src, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

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
  v.transform((key) => {
    try {
      return Intl.getCanonicalLocales(key)[0] ?? key;
    } catch {
      return key;
    }
  }),
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
  v.transform((code) => code.replace(/[ .]/g, '')),
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
