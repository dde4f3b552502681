import * as v from 'valibot';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '../limits.js';
import type { KeyValueStorage } from '../storage/index.js';
import { formatIssue, toConfigIssues } from '../util/schema.js';
import type { CartLine } from './cart.js';

/**
 * The cart as stored in localStorage, by schema version. Version 1 held only what was
 * bought; version 2 also keeps the unit price and name seen when the line was last
 * checked, so a price change or a product removed from the catalog can be told to the buyer.
 * Every older version is migrated forward on read; anything else is discarded with a warning.
 */
export const CART_SCHEMA_VERSION = 2;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
// A cart saved under a higher limit (an older version) is kept, its lines cut down to today's limits.
const quantity = v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.transform((q) => Math.min(q, MAX_LINE_QUANTITY)));
const text = v.union([v.pipe(v.string(), v.maxLength(200)), v.record(v.pipe(v.string(), v.maxLength(35)), v.pipe(v.string(), v.maxLength(200)))]);

const lineV1 = v.object({ productId: id, variantId: v.optional(id), quantity });
const lineV2 = v.object({
  productId: id,
  variantId: v.optional(id),
  quantity,
  priceIdr: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))),
  name: v.optional(text),
  variantName: v.optional(text),
});
/** Lines beyond MAX_CART_LINES are dropped; far more than that is not a cart we wrote. */
function linesOf<T extends v.GenericSchema>(line: T) {
  return v.pipe(v.array(line), v.maxLength(MAX_CART_LINES * 10), v.transform((lines) => lines.slice(0, MAX_CART_LINES)));
}
const storedV1 = v.object({ v: v.literal(1), lines: linesOf(lineV1) });
const storedV2 = v.object({ v: v.literal(2), lines: linesOf(lineV2), updatedAt: v.optional(v.string()) });

export interface StoredCart {
  readonly lines: readonly CartLine[];
  readonly updatedAt?: string;
}

/** Reads any known version; undefined (with a reason) for anything else. */
export function parseStoredCart(data: unknown): { cart?: StoredCart; problem?: string } {
  const version = typeof data === 'object' && data !== null ? (data as { v?: unknown }).v : undefined;
  const schema = version === 1 ? storedV1 : version === 2 ? storedV2 : undefined;
  if (!schema) return { problem: `unknown cart format (version ${JSON.stringify(version) ?? 'missing'})` };
  const result = v.safeParse(schema, data);
  if (!result.success) {
    return { problem: toConfigIssues(result.issues, 'cart').map(formatIssue).join('; ') };
  }
  // v1 → v2: nothing to add; prices and names are filled in when the catalog is checked.
  const output = result.output as StoredCart;
  return { cart: { lines: output.lines.map(stripUndefined), updatedAt: output.updatedAt } };
}

function stripUndefined(line: CartLine): CartLine {
  return Object.fromEntries(Object.entries(line).filter(([, value]) => value !== undefined)) as unknown as CartLine;
}

export function readCart(storage: KeyValueStorage, key: string, logger: Pick<Console, 'warn'>): StoredCart {
  let raw: string | null = null;
  try {
    raw = storage.getItem(key);
  } catch {
    raw = null;
  }
  if (raw === null) return { lines: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    data = undefined;
  }
  const { cart, problem } = data === undefined ? { problem: 'not JSON' } : parseStoredCart(data);
  if (cart) return cart;
  logger.warn(`Mendunia: the saved cart (${key}) could not be read and was discarded: ${problem}.`);
  try {
    storage.removeItem(key);
  } catch {
    // storage refused: the bad value will be overwritten by the next change
  }
  return { lines: [] };
}

export function writeCart(storage: KeyValueStorage, key: string, cart: StoredCart): void {
  try {
    if (cart.lines.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ v: CART_SCHEMA_VERSION, lines: cart.lines, updatedAt: cart.updatedAt }));
  } catch {
    // safeLocalStorage already keeps failed writes in memory; a custom storage may throw.
  }
}
