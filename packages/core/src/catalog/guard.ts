/**
 * The browser's fast path for catalogs: a structural guard that accepts only the simple case (every
 * field already in the form the schema would produce, no issue of any kind) and builds the Catalog
 * with the same functions parse.ts uses. Whenever it is not sure it declines (undefined), and the
 * caller runs the full validator (parse.ts, valibot), which stays the only authority on what is
 * valid and the only one that words problems. guard.test.ts runs both on every fixture and on
 * mutations of them: an accepted input always deep-equals the full parser's output.
 */
import { MAX_UNIT_PRICE_IDR } from '../limits.js';
import { isPlainObject } from '../util/guard.js';
import { finishCatalog, toBaseUrl, toProduct } from './output.js';
import type { ParseCatalogOptions, ParsedCatalog } from './parse.js';
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
import type { ImageOutput, ProductOutput, VariantOutput } from './schema.js';
import type { Category, CatalogIssue, LocalisedText, Merchant, Product } from './types.js';

/** Thrown inside the guard when it declines; never leaves this module. */
const DECLINE = Symbol('decline');
type Decline = typeof DECLINE;

function need(condition: boolean): asserts condition {
  if (!condition) throw DECLINE;
}

const absent = (value: unknown): value is null | undefined => value === undefined || value === null;

function wholeNumber(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  need(typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max);
  return value;
}

/** Text that cleanText would leave unchanged, not empty, within `max`. */
function cleanString(value: unknown, max: number): string {
  need(typeof value === 'string' && value !== '' && value.length <= max && cleanText(value) === value);
  return value;
}

function localised(value: unknown, max: number): LocalisedText {
  if (typeof value === 'string') return cleanString(value, max);
  need(isPlainObject(value) && Object.getPrototypeOf(value) === Object.prototype);
  const out: Record<string, string> = {};
  const entries = Object.entries(value);
  need(entries.length > 0);
  for (const [key, text] of entries) {
    need(LANGUAGE_TAG_PATTERN.test(key) && canonicalLanguage(key) === key);
    out[key] = cleanString(text, max);
  }
  return out;
}

function plain(value: unknown): Record<string, unknown> {
  need(isPlainObject(value) && Object.getPrototypeOf(value) === Object.prototype);
  return value;
}

function id(value: unknown): string {
  need(typeof value === 'string' && ID_PATTERN.test(value));
  return value;
}

function variant(raw: unknown): VariantOutput {
  const o = plain(raw);
  return {
    id: id(o['id']),
    name: localised(o['name'], LIMITS.name),
    price: absent(o['price']) ? undefined : wholeNumber(o['price'], 0, MAX_UNIT_PRICE_IDR),
    stock: absent(o['stock']) ? undefined : wholeNumber(o['stock'], 0),
    weightGrams: absent(o['weightGrams']) ? undefined : wholeNumber(o['weightGrams'], 1),
    sku: absent(o['sku']) ? undefined : cleanString(o['sku'], LIMITS.sku),
  };
}

function image(raw: unknown): ImageOutput {
  const o = plain(raw);
  const src = cleanString(o['src'], LIMITS.src);
  need(isSafeImageSrc(src));
  return {
    src,
    width: wholeNumber(o['width'], 1),
    height: wholeNumber(o['height'], 1),
    alt: absent(o['alt']) ? undefined : localised(o['alt'], LIMITS.alt),
  };
}

function centimetres(value: unknown): number {
  need(typeof value === 'number' && Number.isFinite(value) && value > 0);
  return value;
}

function list<T>(value: unknown, item: (raw: unknown) => T): T[] | undefined {
  if (absent(value)) return undefined;
  need(Array.isArray(value));
  // Array.from visits holes (as undefined), so a sparse array declines instead of staying sparse.
  return Array.from(value as unknown[], item);
}

function product(raw: unknown): ProductOutput {
  const o = plain(raw);
  const variants = list(o['variants'], variant);
  if (variants) need(new Set(variants.map((item) => item.id)).size === variants.length);
  const category = o['category'];
  need(absent(category) || (typeof category === 'string' && cleanText(category) === category));
  const hsCode = o['hsCode'];
  need(absent(hsCode) || (typeof hsCode === 'string' && HS_CODE_PATTERN.test(hsCode)));
  const dimensions = o['dimensionsCm'];
  return {
    id: id(o['id']),
    name: localised(o['name'], LIMITS.name),
    description: absent(o['description']) ? undefined : localised(o['description'], LIMITS.description),
    category: absent(category) ? undefined : category,
    price: wholeNumber(o['price'], 0, MAX_UNIT_PRICE_IDR),
    images: list(o['images'], image),
    weightGrams: wholeNumber(o['weightGrams'], 1),
    dimensionsCm: absent(dimensions)
      ? undefined
      : (({ length, width, height }) => ({
          length: centimetres(length),
          width: centimetres(width),
          height: centimetres(height),
        }))(plain(dimensions)),
    hsCode: absent(hsCode) ? undefined : hsCodeDigits(hsCode),
    stock: absent(o['stock']) ? undefined : wholeNumber(o['stock'], 0),
    variants,
    tags: list(o['tags'], (tag) => cleanString(tag, LIMITS.tag)),
  };
}

function merchantOf(raw: unknown): Merchant | undefined {
  if (absent(raw)) return undefined;
  const o = plain(raw);
  const city = o['city'];
  const country = o['country'];
  need(absent(country) || (typeof country === 'string' && COUNTRY_PATTERN.test(country)));
  return {
    name: cleanString(o['name'], LIMITS.name),
    ...(!absent(city) && { city: cleanString(city, LIMITS.city) }),
    country: absent(country) ? 'ID' : country,
  };
}

function unique(ids: readonly string[]): void {
  need(new Set(ids).size === ids.length);
}

/**
 * The Catalog parseCatalog(data, source, options) would return, when `data` is the simple case
 * (no issue at all, nothing to normalise but HS code punctuation); undefined otherwise.
 */
export function guardCatalog(data: unknown, options: ParseCatalogOptions = {}): ParsedCatalog | undefined {
  try {
    const top = plain(data);
    need(top['version'] === 1 && top['currency'] === 'IDR' && Array.isArray(top['products']));
    const merchant = merchantOf(top['merchant']);
    const categories: Category[] =
      list(top['categories'], (raw) => {
        const o = plain(raw);
        return { id: id(o['id']), name: localised(o['name'], LIMITS.name) };
      }) ?? [];
    unique(categories.map((category) => category.id));
    const outputs = list(top['products'], product) ?? [];
    unique(outputs.map((output) => output.id));
    const categoryIds = new Set(categories.map((category) => category.id));
    const base = toBaseUrl(options.baseUrl);
    const issues: CatalogIssue[] = [];
    const products: Product[] = outputs.map((output, index) =>
      toProduct(output, `products[${index}]`, categoryIds, base, issues),
    );
    // A warning (unknown category, stock beside variants) is worded by the full parser.
    need(issues.length === 0);
    return finishCatalog(merchant, categories, products, issues);
  } catch (error) {
    if (error === (DECLINE as Decline)) return undefined;
    throw error;
  }
}
