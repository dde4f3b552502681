import { findProduct, findVariant, localise, type Catalog, type LocalisedText } from '@mendunia/core';
import type { Order } from '@mendunia/core/checkout/index.js';

/** "Kemeja Batik Lasem — L": the product's name and its variant's in `locale`, from the catalog. */
export function itemTitle(catalog: Catalog, productId: string, variantId: string | undefined, locale: string): string {
  const product = findProduct(catalog, productId);
  if (!product) return variantId ? `${productId} — ${variantId}` : productId;
  const variant = findVariant(product, variantId);
  const name = localise(product.name, locale);
  return variant ? `${name} — ${localise(variant.name, locale)}` : variantId ? `${name} — ${variantId}` : name;
}

/**
 * An order line's title in `lang`: the names the order carries (any language the catalog had),
 * else its English name; the variant's name, else its id. Orders made before variants were named
 * still show which variant was ordered.
 */
export function orderLineTitle(line: Order['lines'][number], lang: string): string {
  const extra = line as typeof line & { readonly productName?: LocalisedText; readonly variant?: { readonly id: string; readonly name?: LocalisedText } };
  const name = extra.productName ? localise(extra.productName, lang) : line.name;
  const variant = extra.variant?.name ? localise(extra.variant.name, lang) : line.variantId;
  return variant ? `${name} — ${variant}` : name;
}
