/**
 * Read-side helpers every view needs: pick the text for a locale, find a product or variant,
 * and answer price and stock questions the same way everywhere.
 */
import type { Catalog, LocalisedText, Product, Variant } from './types.js';

/**
 * The text for `locale`, falling back in this order:
 * the exact tag ('en-GB') → its shorter forms ('zh-Hant-TW' → 'zh-Hant' → 'zh') → another region
 * of the same language ('en' finds 'en-US') → English → Indonesian → whatever is written first.
 * Tags compare case-insensitively and '_' is read as '-', so 'en_gb' from a server locale works.
 */
export function localise(text: LocalisedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  // Blank values are skipped so a placeholder translation falls back instead of showing nothing.
  const entries = Object.entries(text).filter(([, value]) => typeof value === 'string' && value !== '');
  if (entries.length === 0) return '';

  const wanted = locale.trim().replaceAll('_', '-').toLowerCase();
  for (let tag = wanted; tag !== ''; tag = tag.slice(0, Math.max(tag.lastIndexOf('-'), 0))) {
    const exact = entries.find(([key]) => key.toLowerCase() === tag);
    if (exact) return exact[1];
  }
  for (const language of [baseLanguage(wanted), 'en', 'id']) {
    const hit =
      entries.find(([key]) => key.toLowerCase() === language) ??
      entries.find(([key]) => baseLanguage(key) === language);
    if (hit) return hit[1];
  }
  return entries[0]![1];
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-', 1)[0] ?? '';
}

const productIndexes = new WeakMap<Catalog, ReadonlyMap<string, Product>>();

/** O(1) after the first call per catalog; the index lives as long as the catalog object does. */
export function findProduct(catalog: Catalog, id: string): Product | undefined {
  let index = productIndexes.get(catalog);
  if (!index) {
    index = new Map(catalog.products.map((product) => [product.id, product]));
    productIndexes.set(catalog, index);
  }
  return index.get(id);
}

export function findVariant(product: Product, variantId: string | undefined): Variant | undefined {
  if (variantId === undefined) return undefined;
  return product.variants.find((variant) => variant.id === variantId);
}

/** Whole rupiah. */
export function priceOf(product: Product, variant?: Variant): number {
  return variant ? variant.price : product.price;
}

/**
 * Units available; null means not tracked (unlimited).
 * For a product with variants and no variant chosen: the sum over variants, or null as soon as
 * one variant is untracked (then some of the product can always be bought).
 */
export function stockOf(product: Product, variant?: Variant): number | null {
  if (variant) return variant.stock;
  if (product.variants.length === 0) return product.stock;
  let total = 0;
  for (const each of product.variants) {
    if (each.stock === null) return null;
    total += each.stock;
  }
  return total;
}

export function isSoldOut(product: Product, variant?: Variant): boolean {
  const stock = stockOf(product, variant);
  return stock !== null && stock <= 0;
}
