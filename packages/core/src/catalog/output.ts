/**
 * What both catalog readers share and what needs no validator library: building the Catalog from
 * checked values, issues and their console form, reading JSON text. parse.ts (valibot, the
 * authority) and guard.ts (the browser's fast path) both build their output here, so an accepted
 * catalog is the same object whichever of the two read it.
 */
import { FetchError, parseJsonText } from '../util/fetch.js';
import { deepFreeze } from '../util/freeze.js';
import type { ParsedCatalog } from './parse.js';
import type { ImageOutput, ProductOutput } from './schema.js';
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

export const INLINE_SOURCE = 'inline data';

/** JSON text → data, with the errors parseCatalogText documents (CatalogError naming `source`). */
export function readCatalogJson(text: string, source: string): unknown {
  try {
    // The one reader of JSON text (util/fetch.ts): a byte order mark is allowed, an HTML page and
    // broken JSON are named as such.
    return parseJsonText(text, source);
  } catch (error) {
    if (error instanceof FetchError) throw catalogError(source, error.reason, [], error.cause ?? error);
    throw error;
  }
}

/** One line per issue, for the console: `error   products[3].price: expected integer IDR (product "x")`. */
/** The frozen result both readers return. */
export function finishCatalog(
  merchant: Merchant | undefined,
  categories: Category[],
  products: Product[],
  issues: CatalogIssue[],
): ParsedCatalog {
  const catalog: Catalog = {
    version: 1,
    currency: 'IDR',
    ...(merchant && { merchant }),
    categories,
    products,
  };
  return deepFreeze({ catalog, issues });
}

export function formatIssues(issues: readonly CatalogIssue[]): string {
  return issues
    .map((item) => {
      const level = item.severity === 'warning' ? 'warning' : 'error  ';
      const product = item.productId === undefined ? '' : ` (product "${item.productId}")`;
      return `${level} ${item.path}: ${item.message}${product}`;
    })
    .join('\n');
}

export function toProduct(
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
    ...(output.dimensionsCm != null && {
      dimensionsCm: { ...output.dimensionsCm },
    }),
    ...(output.hsCode != null && { hsCode: output.hsCode }),
    stock,
    variants,
    tags: output.tags ?? [],
  };
}

export function toImage(image: ImageOutput, base: URL | undefined): ProductImage {
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

export function toBaseUrl(baseUrl: string | URL | undefined): URL | undefined {
  if (baseUrl === undefined) return undefined;
  try {
    return new URL(baseUrl);
  } catch {
    return undefined;
  }
}

export function issue(
  path: string,
  message: string,
  extra: {
    readonly productId?: string;
    readonly severity?: 'error' | 'warning';
  } = {},
): CatalogIssue {
  const made: CatalogIssue = {
    path,
    message,
    ...(extra.productId !== undefined && { productId: extra.productId }),
    severity: extra.severity ?? 'error',
  };
  // Non-enumerable, so issues still compare and serialise as plain data.
  Object.defineProperty(made, 'toString', {
    value: issueToString,
    enumerable: false,
  });
  return made;
}

function issueToString(this: CatalogIssue): string {
  return `${this.path}: ${this.message}`;
}
