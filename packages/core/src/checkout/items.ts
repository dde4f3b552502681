/**
 * What goes into a parcel, as shipping quotes, restriction checks, duty estimates and customs
 * declarations need it: one shape shared by all of them, built from the cart and the catalog.
 */
import { findProduct, findVariant, localise, priceOf, type Catalog, type LocalisedText } from '../catalog/index.js';
import type { CartLine } from '../cart/index.js';

export interface ParcelItem {
  readonly productId: string;
  readonly variantId?: string;
  /** The product's name in English: customs declarations (CN22/CN23, courier invoices) are written in English. */
  readonly name: string;
  /**
   * The product's name in every language the catalog gives, so an order can name it in the
   * buyer's language and in the merchant's. Always set by itemsFromCart().
   */
  readonly productName?: LocalisedText;
  /** The variant's name in every language the catalog gives ("L", "Biji utuh"); set with variantId. */
  readonly variantName?: LocalisedText;
  readonly quantity: number;
  /** Whole rupiah per unit. */
  readonly unitPriceIdr: number;
  /** Per unit, the product's own packaging included (the catalog's weightGrams). */
  readonly unitWeightGrams: number;
  /** Per unit, centimetres. */
  readonly dimensionsCm?: { readonly length: number; readonly width: number; readonly height: number };
  /** Digits only, 6–10 of them. */
  readonly hsCode?: string;
  readonly category?: string;
  readonly tags: readonly string[];
}

/**
 * One ParcelItem per cart line, priced and weighed from the catalog (never from the line).
 * A line goes to `missing` instead when it cannot be an item any more: its product or variant is
 * gone from the catalog, it names no variant while the product now has variants, or its quantity
 * is not a whole number of at least 1. The checkout tells the buyer about those and leaves them out.
 */
export function itemsFromCart(
  catalog: Catalog,
  lines: readonly CartLine[],
): { items: ParcelItem[]; missing: CartLine[] } {
  const items: ParcelItem[] = [];
  const missing: CartLine[] = [];
  for (const line of lines) {
    const product = findProduct(catalog, line.productId);
    const variant = product && findVariant(product, line.variantId);
    const usable =
      product !== undefined &&
      (line.variantId === undefined ? product.variants.length === 0 : variant !== undefined) &&
      Number.isSafeInteger(line.quantity) &&
      line.quantity >= 1;
    if (!usable) {
      missing.push(line);
      continue;
    }
    const dimensions = product.dimensionsCm;
    items.push({
      productId: product.id,
      ...(variant && { variantId: variant.id }),
      name: localise(product.name, 'en'),
      productName: product.name,
      ...(variant && { variantName: variant.name }),
      quantity: line.quantity,
      unitPriceIdr: priceOf(product, variant),
      unitWeightGrams: variant ? variant.weightGrams : product.weightGrams,
      ...(dimensions && {
        dimensionsCm: { length: dimensions.length, width: dimensions.width, height: dimensions.height },
      }),
      ...(product.hsCode !== undefined && { hsCode: product.hsCode }),
      ...(product.category !== undefined && { category: product.category }),
      tags: [...product.tags],
    });
  }
  return { items, missing };
}
