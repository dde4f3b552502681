/**
 * Turns catalog JSON into a frozen Catalog plus a list of issues.
 *
 * The rule: only a broken top level (not an object, no products array, wrong version or currency)
 * throws. Everything below is checked item by item, so a typo in one product hides that product
 * only, and the shop owner gets every problem at once instead of one per reload.
 */
import { deepFreeze } from '../util/freeze.js';
import { FetchError, parseJsonText } from '../util/fetch.js';
import { toConfigIssues } from '../util/schema.js';
import * as v from 'valibot';
import {
  CatalogEnvelopeSchema,
  CategorySchema,
  MerchantSchema,
  ProductSchema,
  isPlainObject,
  type CategoryOutput,
  type ImageOutput,
  type ProductOutput,
} from './schema.js';
import {
  catalogError,
  type Catalog,
  type CatalogIssue,
  type Category,
  type Merchant,
  type Product,
  type ProductImage,
  type Variant,
} from './types.js';

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

const INLINE_SOURCE = 'inline data';

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

  const catalog: Catalog = {
    version: 1,
    currency: 'IDR',
    ...(merchant && { merchant }),
    categories,
    products,
  };
  return deepFreeze({ catalog, issues });
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
  let data: unknown;
  try {
    // The one reader of JSON text (util/fetch.ts): a byte order mark is allowed, an HTML page and
    // broken JSON are named as such.
    data = parseJsonText(text, source);
  } catch (error) {
    if (error instanceof FetchError) throw catalogError(source, error.reason, [], error.cause ?? error);
    throw error;
  }
  return parseCatalog(data, source, options);
}

/** One line per issue, for the console: `error   products[3].price: expected integer IDR (product "x")`. */
export function formatIssues(issues: readonly CatalogIssue[]): string {
  return issues
    .map((item) => {
      const level = item.severity === 'warning' ? 'warning' : 'error  ';
      const product = item.productId === undefined ? '' : ` (product "${item.productId}")`;
      return `${level} ${item.path}: ${item.message}${product}`;
    })
    .join('\n');
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

function toProduct(
  output: ProductOutput,
  at: string,
  categoryIds: ReadonlySet<string>,
  base: URL | undefined,
  issues: CatalogIssue[],
): Product {
  const productId = output.id;
  let category = output.category ?? undefined;
  // A misspelt category should not take the product off sale; the field is removed so that
  // Product.category always names a real category.
  if (category !== undefined && !categoryIds.has(category)) {
    issues.push(
      issue(`${at}.category`, `unknown category "${category}" (not in categories); ignored`, {
        productId,
        severity: 'warning',
      }),
    );
    category = undefined;
  }

  const variants: Variant[] = (output.variants ?? []).map((variant) => ({
    id: variant.id,
    name: variant.name,
    price: variant.price ?? output.price,
    stock: variant.stock ?? null,
    weightGrams: variant.weightGrams ?? output.weightGrams,
    ...(variant.sku != null && { sku: variant.sku }),
  }));

  let stock = output.stock ?? null;
  if (stock !== null && variants.length > 0) {
    issues.push(
      issue(`${at}.stock`, 'ignored: a product with variants counts stock per variant', {
        productId,
        severity: 'warning',
      }),
    );
    stock = null;
  }

  return {
    id: productId,
    name: output.name,
    ...(output.description != null && { description: output.description }),
    ...(category !== undefined && { category }),
    price: output.price,
    images: (output.images ?? []).map((image) => toImage(image, base)),
    weightGrams: output.weightGrams,
    ...(output.dimensionsCm != null && { dimensionsCm: { ...output.dimensionsCm } }),
    ...(output.hsCode != null && { hsCode: output.hsCode }),
    stock,
    variants,
    tags: output.tags ?? [],
  };
}

function toImage(image: ImageOutput, base: URL | undefined): ProductImage {
  return {
    src: base ? resolveAgainst(image.src, base) : image.src,
    width: image.width,
    height: image.height,
    ...(image.alt != null && { alt: image.alt }),
  };
}

function resolveAgainst(src: string, base: URL): string {
  const absolute = new URL(src, base);
  // A file: or blob: catalog URL would turn relative paths into URLs no shopper's browser can open.
  return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : src;
}

function toBaseUrl(baseUrl: string | URL | undefined): URL | undefined {
  if (baseUrl === undefined) return undefined;
  try {
    return new URL(baseUrl);
  } catch {
    return undefined;
  }
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

function issue(
  path: string,
  message: string,
  extra: { readonly productId?: string; readonly severity?: 'error' | 'warning' } = {},
): CatalogIssue {
  const made: CatalogIssue = {
    path,
    message,
    ...(extra.productId !== undefined && { productId: extra.productId }),
    severity: extra.severity ?? 'error',
  };
  // Non-enumerable, so issues still compare and serialise as plain data.
  Object.defineProperty(made, 'toString', { value: issueToString, enumerable: false });
  return made;
}

function issueToString(this: CatalogIssue): string {
  return `${this.path}: ${this.message}`;
}

