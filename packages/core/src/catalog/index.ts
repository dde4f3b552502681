// Public surface of the catalog module. Schemas and helpers in schema.ts stay internal so their
// shape can change without a breaking release; isSafeImageSrc is shared so views can apply the
// same rule to catalogs built in code rather than parsed.
export type {
  Catalog,
  CatalogIssue,
  Category,
  Dimensions,
  LocalisedText,
  Merchant,
  Product,
  ProductImage,
  Variant,
} from './types.js';
export { CatalogError } from './types.js';
export { parseCatalog, parseCatalogText } from './parse.js';
export { formatIssues } from './output.js';
export type { ParseCatalogOptions, ParsedCatalog } from './parse.js';
export { loadCatalog, readCatalog } from './load.js';
export type { LoadCatalogOptions } from './load.js';
export { findProduct, findVariant, isSoldOut, localise, priceOf, stockOf } from './localise.js';
export { isSafeImageSrc } from './rules.js';
