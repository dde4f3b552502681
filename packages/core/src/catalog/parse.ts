/**
 * Turns catalog JSON into a frozen Catalog plus a list of issues.
 *
 * The rule: only a broken top level (not an object, no products array, wrong version or currency)
 * throws. Everything below is checked item by item, so a typo in one product hides that product
 * only, and the shop owner gets every problem at once instead of one per reload.
 */
import { toConfigIssues } from '../util/schema.js';
import * as v from 'valibot';
import {
  CatalogEnvelopeSchema,
  CategorySchema,
  MerchantSchema,
  ProductSchema,
  isPlainObject,
  type CategoryOutput,
} from './schema.js';
import { catalogError, type Catalog, type CatalogIssue, type Category, type Merchant, type Product } from './types.js';
import { finishCatalog, formatIssues, INLINE_SOURCE, issue, readCatalogJson, toBaseUrl, toProduct } from './output.js';

// Re-exported: formatIssues lives with the other valibot-free helpers (output.ts).
export { formatIssues };

export interface ParsedCatalog {
  readonly catalog: Catalog;
  readonly issues: readonly CatalogIssue[];
}

export interface ParseCatalogOptions {
  /**
   * Relative image paths are made absolute against this URL (loadCatalog passes the catalog's own
   * URL). Without it they are kept as written, which suits a catalog inlined in the page.
   */
  readonly baseUrl?: string | URL;
}

export function parseCatalog(
  data: unknown,
  source: string = INLINE_SOURCE,
  options: ParseCatalogOptions = {},
): ParsedCatalog {
  const envelope = v.safeParse(CatalogEnvelopeSchema, data);
  if (!envelope.success) {
    const issues = toIssues(envelope.issues, '');
    throw catalogError(source, issues.map(qualified).join('; '), issues);
  }
  const top = envelope.output;
  const issues: CatalogIssue[] = [];

  let merchant: Merchant | undefined;
  if (top.merchant !== undefined && top.merchant !== null) {
    const result = v.safeParse(MerchantSchema, top.merchant);
    if (result.success) {
      const { name, city, country } = result.output;
      merchant = { name, ...(city != null && { city }), country };
    } else {
      issues.push(...toIssues(result.issues, 'merchant'));
    }
  }

  const categories = readCategories(top.categories, issues);
  const categoryIds = new Set(categories.map((category) => category.id));
  const base = toBaseUrl(options.baseUrl);

  const products: Product[] = [];
  const firstIndexById = new Map<string, number>();
  top.products.forEach((raw, index) => {
    const at = `products[${index}]`;
    const rawId = isPlainObject(raw) && typeof raw['id'] === 'string' ? raw['id'].trim() : undefined;
    const result = v.safeParse(ProductSchema, raw);
    if (!result.success) {
      issues.push(...toIssues(result.issues, at, rawId));
      return;
    }
    const output = result.output;
    const first = firstIndexById.get(output.id);
    if (first !== undefined) {
      issues.push(
        issue(`${at}.id`, `duplicate product id "${output.id}" (products[${first}] is used)`, {
          productId: output.id,
        }),
      );
      return;
    }
    firstIndexById.set(output.id, index);
    products.push(toProduct(output, at, categoryIds, base, issues));
  });

  return finishCatalog(merchant, categories, products, issues);
}

/**
 * JSON text → ParsedCatalog. Names the common mistakes: an HTML page (a wrong URL that the server
 * answered with its 404 or index page) and invalid JSON with the parser's own position message.
 */
export function parseCatalogText(
  text: string,
  source: string = INLINE_SOURCE,
  options: ParseCatalogOptions = {},
): ParsedCatalog {
  return parseCatalog(readCatalogJson(text, source), source, options);
}

function readCategories(raw: unknown, issues: CatalogIssue[]): Category[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push(issue('categories', 'expected an array'));
    return [];
  }
  const categories: Category[] = [];
  const firstIndexById = new Map<string, number>();
  raw.forEach((item: unknown, index) => {
    const at = `categories[${index}]`;
    const result = v.safeParse(CategorySchema, item);
    if (!result.success) {
      issues.push(...toIssues(result.issues, at));
      return;
    }
    const { id, name }: CategoryOutput = result.output;
    const first = firstIndexById.get(id);
    if (first !== undefined) {
      issues.push(issue(`${at}.id`, `duplicate category id "${id}" (categories[${first}] is used)`));
      return;
    }
    firstIndexById.set(id, index);
    categories.push({ id, name: name });
  });
  return categories;
}

function toIssues(found: readonly v.BaseIssue<unknown>[], prefix: string, productId?: string): CatalogIssue[] {
  return toConfigIssues(found, prefix).map(({ path, message }) =>
    issue(path, message, productId === undefined ? {} : { productId }),
  );
}

/** `catalog.products[3].price: …` — the form used inside CatalogError messages. */
function qualified(item: CatalogIssue): string {
  if (item.path === '') return `catalog: ${item.message}`;
  return `catalog${item.path.startsWith('[') ? '' : '.'}${item.path}: ${item.message}`;
}
