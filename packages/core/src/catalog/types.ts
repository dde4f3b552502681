/**
 * The catalog as the rest of Mendunia sees it: already validated, normalised and frozen.
 * The JSON a shop owner writes is described in docs/catalog.md and catalog.schema.json;
 * parse.ts turns that JSON into these types.
 */

/** A plain string (one language) or BCP 47 language tag → text, e.g. `{ id: 'Kopi', en: 'Coffee' }`. */
export type LocalisedText = string | Readonly<Record<string, string>>;

export interface ProductImage {
  /** Relative path or http(s) URL; loadCatalog() makes relative paths absolute against the catalog URL. */
  readonly src: string;
  /** Intrinsic size in pixels, so the page can reserve space before the image arrives. */
  readonly width: number;
  readonly height: number;
  readonly alt?: LocalisedText;
}

export interface Variant {
  readonly id: string;
  readonly name: LocalisedText;
  /** Whole rupiah (IDR). Defaults to the product's price when the catalog omits it. */
  readonly price: number;
  /** null = stock not tracked (unlimited). */
  readonly stock: number | null;
  /** Shipping weight in grams, packaging included. Defaults to the product's. */
  readonly weightGrams: number;
  readonly sku?: string;
}

/** Centimetres. */
export interface Dimensions {
  readonly length: number;
  readonly width: number;
  readonly height: number;
}

export interface Product {
  readonly id: string;
  readonly name: LocalisedText;
  readonly description?: LocalisedText;
  /** Always one of `catalog.categories[].id` (unknown categories are removed with a warning). */
  readonly category?: string;
  /** Whole rupiah (IDR). */
  readonly price: number;
  readonly images: readonly ProductImage[];
  /** Shipping weight in grams, packaging included. */
  readonly weightGrams: number;
  readonly dimensionsCm?: Dimensions;
  /** Harmonized System code, digits only (the catalog may write "6214.90"). */
  readonly hsCode?: string;
  /** null = not tracked (unlimited). Always null when the product has variants: stock is per variant. */
  readonly stock: number | null;
  readonly variants: readonly Variant[];
  readonly tags: readonly string[];
}

export interface Category {
  readonly id: string;
  readonly name: LocalisedText;
}

export interface Merchant {
  readonly name: string;
  readonly city?: string;
  /** ISO 3166-1 alpha-2, upper case. Defaults to 'ID'. */
  readonly country: string;
}

export interface Catalog {
  readonly version: 1;
  readonly currency: 'IDR';
  readonly merchant?: Merchant;
  readonly categories: readonly Category[];
  readonly products: readonly Product[];
}

/**
 * One problem found while reading a catalog.
 * `severity: 'error'` means the thing at `path` was left out (a product, category or the merchant);
 * `'warning'` means it was kept, possibly without the offending field.
 * Issues made by this module also turn into `${path}: ${message}` with String(issue).
 */
export interface CatalogIssue {
  /** From the catalog root, e.g. 'products[3].price' ('' is the root itself). Indexes are the ones in the file. */
  readonly path: string;
  readonly message: string;
  /** The product the issue belongs to, when its id could be read. */
  readonly productId?: string;
  /** Absent means 'error'. */
  readonly severity?: 'error' | 'warning';
}

/**
 * The whole catalog is unusable: not reachable, not JSON, or its top level is wrong.
 * Messages made by this module read `Catalog from <source> could not be loaded: <reason>`.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  /** The URL, or a description such as 'inline data', that the catalog came from. */
  readonly source: string;
  /** Validation problems that made the catalog unusable; empty for network and JSON syntax errors. */
  readonly issues: readonly CatalogIssue[];

  constructor(
    message: string,
    source: string,
    issues: readonly CatalogIssue[] = [],
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.source = source;
    this.issues = Object.freeze([...issues]);
  }
}

/** A CatalogError whose message names the source, the form used throughout this module. */
export function catalogError(
  source: string,
  reason: string,
  issues: readonly CatalogIssue[] = [],
  cause?: unknown,
): CatalogError {
  return new CatalogError(
    `Catalog from ${source} could not be loaded: ${reason}`,
    source,
    issues,
    cause === undefined ? {} : { cause },
  );
}
