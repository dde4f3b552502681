import { atom, computed, type ReadableAtom } from '../store/index.js';
import type { Catalog } from '../catalog/index.js';
import { findProduct, findVariant, stockOf } from '../catalog/index.js';

/** One line of the cart: a product (and variant) and how many. Prices are never stored. */
export interface CartLine {
  readonly productId: string;
  readonly variantId?: string;
  readonly quantity: number;
}

export type AddToCartResult =
  | { readonly ok: true; readonly quantity: number; readonly limited: boolean }
  | {
      readonly ok: false;
      readonly reason: 'unknown-product' | 'unknown-variant' | 'variant-required' | 'sold-out' | 'invalid-quantity';
      readonly quantity: number;
    };

export interface Cart {
  /** The lines, in the order they were first added. */
  readonly $lines: ReadableAtom<readonly CartLine[]>;
  /** Total number of items. */
  readonly $count: ReadableAtom<number>;
  /**
   * Adds `quantity` of a product (merging with an existing line), never beyond the stock in
   * the catalog: asking for more than is available adds what is left and says `limited`.
   */
  add(productId: string, variantId: string | undefined, quantity: number): AddToCartResult;
  clear(): void;
}

export function createCart(getCatalog: () => Catalog | undefined): Cart {
  const $lines = atom<readonly CartLine[]>([]);
  const $count = computed([$lines], (lines) => lines.reduce((n, l) => n + l.quantity, 0));

  function add(productId: string, variantId: string | undefined, quantity: number): AddToCartResult {
    const catalog = getCatalog();
    const product = catalog && findProduct(catalog, productId);
    if (!Number.isSafeInteger(quantity) || quantity < 1) return { ok: false, reason: 'invalid-quantity', quantity: 0 };
    if (!product) return { ok: false, reason: 'unknown-product', quantity: 0 };
    const variant = findVariant(product, variantId);
    if (variantId !== undefined && !variant) return { ok: false, reason: 'unknown-variant', quantity: 0 };
    if (!variant && product.variants.length > 0) return { ok: false, reason: 'variant-required', quantity: 0 };

    const key = (l: CartLine) => l.productId === productId && l.variantId === variant?.id;
    const lines = $lines.get();
    const existing = lines.find(key)?.quantity ?? 0;
    const stock = stockOf(product, variant);
    const wanted = existing + quantity;
    const next = stock === null ? wanted : Math.min(wanted, stock);
    if (next <= existing) return { ok: false, reason: 'sold-out', quantity: existing };

    const line: CartLine = variant ? { productId, variantId: variant.id, quantity: next } : { productId, quantity: next };
    $lines.set(existing ? lines.map((l) => (key(l) ? line : l)) : [...lines, line]);
    return { ok: true, quantity: next, limited: next < wanted };
  }

  return { $lines, $count, add, clear: () => $lines.set([]) };
}
