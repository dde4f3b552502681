import { atom, computed, type ReadableAtom } from '../store/index.js';
import type { Catalog, LocalisedText, Product, Variant } from '../catalog/index.js';
import { findProduct, findVariant, priceOf, stockOf } from '../catalog/index.js';
import { memoryStorage, type KeyValueStorage } from '../storage/index.js';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '../limits.js';
import { parseStoredCart, readCart, writeCart, type StoredCart } from './persist.js';
import { openCartChannel } from './sync.js';

/**
 * One line of the cart: a product (and variant) and how many. `priceIdr` and the names are
 * what the buyer last saw, kept only to tell them when the catalog changed; what is charged
 * is always recomputed from the catalog.
 */
export interface CartLine {
  readonly productId: string;
  readonly variantId?: string;
  readonly quantity: number;
  readonly priceIdr?: number;
  readonly name?: LocalisedText;
  readonly variantName?: LocalisedText;
}

/** Something the buyer must be told about their cart after the catalog was checked. */
export type CartNotice =
  | { readonly kind: 'removed'; readonly productId: string; readonly variantId?: string; readonly name?: LocalisedText }
  | { readonly kind: 'sold-out'; readonly productId: string; readonly variantId?: string; readonly name: LocalisedText }
  | { readonly kind: 'price-changed'; readonly productId: string; readonly variantId?: string; readonly name: LocalisedText; readonly previousIdr: number; readonly priceIdr: number }
  | { readonly kind: 'quantity-reduced'; readonly productId: string; readonly variantId?: string; readonly name: LocalisedText; readonly previous: number; readonly quantity: number };

export type CartChangeResult =
  | { readonly ok: true; readonly quantity: number; readonly limited: boolean }
  | {
      readonly ok: false;
      readonly reason: 'unknown-product' | 'unknown-variant' | 'variant-required' | 'sold-out' | 'invalid-quantity' | 'not-in-cart';
      readonly quantity: number;
    };

export interface Cart {
  /** The lines, in the order they were first added. */
  readonly $lines: ReadableAtom<readonly CartLine[]>;
  /** Total number of items. */
  readonly $count: ReadableAtom<number>;
  /** What changed since the buyer last saw the cart (removed products, new prices, less stock). */
  readonly $notices: ReadableAtom<readonly CartNotice[]>;
  /** Adds (merging with the same product and variant), never beyond the stock. */
  add(productId: string, variantId: string | undefined, quantity: number): CartChangeResult;
  /** Sets a line's quantity, limited to the stock; 0 removes the line. */
  setQuantity(productId: string, variantId: string | undefined, quantity: number): CartChangeResult;
  remove(productId: string, variantId: string | undefined): boolean;
  clear(): void;
  /**
   * Checks every line against the catalog: removes lines whose product or variant is gone or
   * sold out, lowers quantities above the stock, updates prices; each change becomes a notice.
   */
  revalidate(catalog: Catalog): readonly CartNotice[];
  dismissNotices(): void;
  /** Stops listening to other tabs. */
  close(): void;
}

export interface CartOptions {
  readonly getCatalog: () => Catalog | undefined;
  readonly storage?: KeyValueStorage;
  /** Storage key and cross-tab channel name; namespaced per store. */
  readonly key?: string;
  readonly logger?: Pick<Console, 'warn'>;
}

const sameLine = (productId: string, variantId: string | undefined) => (l: CartLine) =>
  l.productId === productId && l.variantId === variantId;

function snapshot(product: Product, variant: Variant | undefined, quantity: number): CartLine {
  return {
    productId: product.id,
    ...(variant ? { variantId: variant.id } : {}),
    quantity,
    priceIdr: priceOf(product, variant),
    name: product.name,
    ...(variant ? { variantName: variant.name } : {}),
  };
}

export function createCart(options: CartOptions | (() => Catalog | undefined)): Cart {
  const opts: CartOptions = typeof options === 'function' ? { getCatalog: options } : options;
  const storage = opts.storage ?? memoryStorage();
  const key = opts.key ?? 'mendunia:default:cart';
  const logger = opts.logger ?? console;

  const $lines = atom<readonly CartLine[]>(readCart(storage, key, logger).lines);
  const $count = computed([$lines], (lines) => lines.reduce((n, l) => n + l.quantity, 0));
  const $notices = atom<readonly CartNotice[]>([]);

  const channel = opts.key || opts.storage
    ? openCartChannel(key, (remote: StoredCart) => {
        const { cart } = parseStoredCart({ v: 2, lines: remote.lines, updatedAt: remote.updatedAt });
        if (!cart) return;
        $lines.set(cart.lines);
        const catalog = opts.getCatalog();
        if (catalog) revalidate(catalog);
      })
    : { post() {}, close() {} };

  function commit(lines: readonly CartLine[]): void {
    $lines.set(lines);
    const stored: StoredCart = { lines, updatedAt: new Date().toISOString() };
    writeCart(storage, key, stored);
    channel.post(stored);
  }

  type Resolved = { product: Product; variant: Variant | undefined } | { error: 'unknown-product' | 'unknown-variant' | 'variant-required' };
  function resolve(productId: string, variantId: string | undefined): Resolved {
    const catalog = opts.getCatalog();
    const product = catalog && findProduct(catalog, productId);
    if (!product) return { error: 'unknown-product' };
    const variant = findVariant(product, variantId);
    if (variantId !== undefined && !variant) return { error: 'unknown-variant' };
    if (!variant && product.variants.length > 0) return { error: 'variant-required' };
    return { product, variant };
  }

  function change(productId: string, variantId: string | undefined, wanted: (existing: number) => number, quantity: number): CartChangeResult {
    if (!Number.isSafeInteger(quantity) || quantity < 0) return { ok: false, reason: 'invalid-quantity', quantity: 0 };
    const found = resolve(productId, variantId);
    const lines = $lines.get();
    const key = sameLine(productId, 'error' in found ? variantId : found.variant?.id);
    const existing = lines.find(key)?.quantity ?? 0;
    if ('error' in found) return { ok: false, reason: found.error, quantity: existing };
    const { product, variant } = found;
    const target = wanted(existing);
    if (target === 0) {
      if (existing) commit(lines.filter((l) => !key(l)));
      return { ok: true, quantity: 0, limited: false };
    }
    if (!existing && lines.length >= MAX_CART_LINES) return { ok: false, reason: 'invalid-quantity', quantity: 0 };
    const stock = stockOf(product, variant);
    const next = Math.min(stock === null ? target : Math.min(target, stock), MAX_LINE_QUANTITY);
    if (next === 0 || (next <= existing && target > existing)) return { ok: false, reason: 'sold-out', quantity: existing };
    const line = snapshot(product, variant, next);
    commit(existing ? lines.map((l) => (key(l) ? line : l)) : [...lines, line]);
    return { ok: true, quantity: next, limited: next < target };
  }

  function add(productId: string, variantId: string | undefined, quantity: number): CartChangeResult {
    if (!Number.isSafeInteger(quantity) || quantity < 1) return { ok: false, reason: 'invalid-quantity', quantity: 0 };
    return change(productId, variantId, (existing) => existing + quantity, quantity);
  }

  function setQuantity(productId: string, variantId: string | undefined, quantity: number): CartChangeResult {
    if (!$lines.get().some(sameLine(productId, variantId))) return { ok: false, reason: 'not-in-cart', quantity: 0 };
    return change(productId, variantId, () => quantity, quantity);
  }

  function remove(productId: string, variantId: string | undefined): boolean {
    const lines = $lines.get();
    const next = lines.filter((l) => !sameLine(productId, variantId)(l));
    if (next.length === lines.length) return false;
    commit(next);
    return true;
  }

  function revalidate(catalog: Catalog): readonly CartNotice[] {
    const notices: CartNotice[] = [];
    const kept: CartLine[] = [];
    let changed = false;
    for (const line of $lines.get()) {
      const product = findProduct(catalog, line.productId);
      const variant = product && findVariant(product, line.variantId);
      const ref = { productId: line.productId, ...(line.variantId ? { variantId: line.variantId } : {}) };
      if (!product || (line.variantId !== undefined && !variant) || (!variant && product.variants.length > 0)) {
        notices.push({ kind: 'removed', ...ref, ...(line.name ? { name: line.name } : {}) });
        changed = true;
        continue;
      }
      const stock = stockOf(product, variant);
      if (stock === 0) {
        notices.push({ kind: 'sold-out', ...ref, name: product.name });
        changed = true;
        continue;
      }
      const quantity = stock === null ? line.quantity : Math.min(line.quantity, stock);
      if (quantity < line.quantity) notices.push({ kind: 'quantity-reduced', ...ref, name: product.name, previous: line.quantity, quantity });
      const price = priceOf(product, variant);
      if (line.priceIdr !== undefined && line.priceIdr !== price) {
        notices.push({ kind: 'price-changed', ...ref, name: product.name, previousIdr: line.priceIdr, priceIdr: price });
      }
      const next = snapshot(product, variant, quantity);
      if (next.quantity !== line.quantity || next.priceIdr !== line.priceIdr || line.name === undefined) changed = true;
      kept.push(next);
    }
    if (changed) commit(kept);
    if (notices.length) $notices.set([...$notices.get(), ...notices]);
    return notices;
  }

  return {
    $lines,
    $count,
    $notices,
    add,
    setQuantity,
    remove,
    clear: () => commit([]),
    revalidate,
    dismissNotices: () => $notices.set([]),
    close: () => channel.close(),
  };
}
