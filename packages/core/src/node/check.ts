/**
 * Checking a shop's three data files where they are written (`mendunia check`, and the Storefront
 * API server at start): the catalog, the checkout settings and the exchange rates, each through the
 * same parser the browser and the server use (parseCatalogText, parseCheckoutConfig,
 * parseRatesText), with every problem returned as data — which file, which field, what is wrong —
 * instead of the first one thrown.
 *
 * Which file is which is given, or told from the content (a catalog has `products`, checkout
 * settings `shipping`, rates `rates` or the ECB XML), then from the file name.
 */
import { parseCatalogText } from '../catalog/parse.js';
import { CatalogError, type CatalogIssue } from '../catalog/types.js';
import { parseCheckoutConfig, destinationCountries } from '../checkout/config.js';
// Every country's duty rules (an override's `extends` names one) and the rest of the checkout data.
import '../checkout/data/all.js';
import { MAX_RATES_BYTES } from '../limits.js';
import { parseRatesText } from '../rates/text.js';
import { RateSourceError } from '../rates/types.js';
import { FetchError, parseJsonText, type FetchErrorCode } from '../util/fetch.js';
import { ConfigError, isPlainObject, type ConfigIssue } from '../util/schema.js';
import { isUrl, pathOf, readSource, type ReadSourceOptions } from './read.js';

export type ShopFileKind = 'catalog' | 'checkout' | 'rates';

export const SHOP_FILE_KINDS: readonly ShopFileKind[] = ['catalog', 'checkout', 'rates'];

/**
 * What kind of problem, for programs (the message says it in English for the person who writes
 * the file):
 * - `unreadable`: the file or URL could not be read (`reason` says why: `not-found`, `too-large` …);
 * - `not-json`: the text is not JSON (or is an HTML page);
 * - `unknown-kind`: neither the content nor the name says which of the three files it is;
 * - `invalid`: a field fails the schema (`path` names it); for the catalog, the product is left out;
 * - `ignored`: a warning, a field the shop will do without (a catalog's unknown category);
 * - `too-complex`: the data is nested too deeply to be checked.
 */
export type ShopFileIssueCode = 'unreadable' | 'not-json' | 'unknown-kind' | 'invalid' | 'ignored' | 'too-complex';

export interface ShopFileIssue {
  readonly code: ShopFileIssueCode;
  readonly severity: 'error' | 'warning';
  /** The field, from the file's root (`products[3].price`, `shipping.services[0].zones`); '' for the whole file. */
  readonly path: string;
  /** What is wrong, in English, without the file or the path. */
  readonly message: string;
  /** The catalog product the issue belongs to, when its id could be read. */
  readonly productId?: string;
  /** For `unreadable` and `not-json`: why the read failed. */
  readonly reason?: FetchErrorCode;
}

/** What a valid file holds, in numbers; only the keys of its kind are present. */
export interface ShopFileSummary {
  /** Catalog: the products a buyer can see (those with errors are left out). */
  readonly products?: number;
  /** Rates: the currencies they convert IDR to, the base included (IDR itself not counted). */
  readonly currencies?: number;
  /** Rates: the date they are valid for. */
  readonly date?: string;
  /** Checkout: the countries it ships to. */
  readonly destinations?: number;
  /** Checkout: its shipping services. */
  readonly services?: number;
}

export interface ShopFileReport {
  /** The path or URL, as given. */
  readonly file: string;
  /** null when it could not be told (see the `unknown-kind` issue). */
  readonly kind: ShopFileKind | null;
  /** No issue of severity 'error'. */
  readonly valid: boolean;
  readonly issues: readonly ShopFileIssue[];
  /** Present when the file could be parsed (even with product-level errors, for a catalog). */
  readonly summary?: ShopFileSummary;
}

export interface ShopFileInput {
  /** A file path, a file: URL or an http(s) URL. */
  readonly location: string;
  /** Which file it is; default: told from the content, then the name. */
  readonly kind?: ShopFileKind;
}

export interface ShopCheckReport {
  /** Every file is valid. */
  readonly valid: boolean;
  /** In the order given. */
  readonly files: readonly ShopFileReport[];
  /** The valid files' numbers together (products, currencies, destinations). */
  readonly summary: ShopFileSummary;
}

/** Checks every file (read in parallel); the report keeps their order. */
export async function checkShopFiles(inputs: readonly ShopFileInput[], options: ReadSourceOptions = {}): Promise<ShopCheckReport> {
  const files = await Promise.all(inputs.map((input) => checkShopFile(input, options)));
  const summary: Record<string, number | string> = {};
  for (const report of files) {
    if (!report.valid || !report.summary) continue;
    for (const [key, value] of Object.entries(report.summary)) summary[key] ??= value;
  }
  return Object.freeze({ valid: files.every((f) => f.valid), files, summary: summary as ShopFileSummary });
}

/** Checks one file. Never throws for anything the file holds: every problem is an issue. */
export async function checkShopFile(input: ShopFileInput, options: ReadSourceOptions = {}): Promise<ShopFileReport> {
  const file = input.location;
  const report = (kind: ShopFileKind | null, issues: readonly ShopFileIssue[], summary?: ShopFileSummary): ShopFileReport =>
    Object.freeze({
      file,
      kind,
      valid: !issues.some((i) => i.severity === 'error'),
      issues: Object.freeze(issues),
      ...(summary && { summary }),
    });

  let text: string;
  let contentType: string;
  try {
    ({ text, contentType } = await readSource(file, options));
  } catch (error) {
    if (error instanceof FetchError) return report(input.kind ?? null, [fetchIssue(error)]);
    throw error;
  }
  // No JSON or XML text holds a NUL character.
  if (text.includes('\u0000')) return report(input.kind ?? null, [binary()]);
  const kind = input.kind ?? kindOf(text, file);
  if (kind === undefined) return report(null, [unknownKind(text, file, contentType)]);
  // Rates have their own, smaller cap (they are fetched by every buyer's browser).
  if (kind === 'rates' && Buffer.byteLength(text) > MAX_RATES_BYTES) {
    return report(kind, [fetchIssue(new FetchError('too-large', file, { size: Buffer.byteLength(text), maxBytes: MAX_RATES_BYTES }))]);
  }
  try {
    if (kind === 'catalog') return checkCatalog(text, file, contentType, report);
    if (kind === 'checkout') return checkCheckout(text, file, contentType, report);
    return checkRates(text, file, contentType, report);
  } catch (error) {
    // Data nested deeper than a validator can walk: the one failure that is not a schema issue.
    if (error instanceof RangeError) return report(kind, [issue('too-complex', '', 'nested too deeply to be checked')]);
    throw error;
  }
}

type Report = (kind: ShopFileKind, issues: readonly ShopFileIssue[], summary?: ShopFileSummary) => ShopFileReport;

function checkCatalog(text: string, file: string, contentType: string, report: Report): ShopFileReport {
  if (/\btext\/html\b/i.test(contentType)) return report('catalog', [fetchIssue(new FetchError('html', file))]);
  try {
    const { catalog, issues } = parseCatalogText(text, file, isUrl(file) ? { baseUrl: file } : {});
    return report('catalog', issues.map(catalogIssue), { products: catalog.products.length });
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    const cause = error.cause;
    if (cause instanceof FetchError) return report('catalog', [fetchIssue(cause)]);
    if (cause instanceof SyntaxError) return report('catalog', [issue('not-json', '', `not JSON: ${cause.message}`, { reason: 'not-json' })]);
    const found = error.issues.length > 0 ? error.issues.map(catalogIssue) : [issue('invalid', '', error.message)];
    return report('catalog', found);
  }
}

function checkCheckout(text: string, file: string, contentType: string, report: Report): ShopFileReport {
  let data: unknown;
  try {
    data = parseJsonText(text, file, contentType);
  } catch (error) {
    if (error instanceof FetchError) return report('checkout', [fetchIssue(error)]);
    throw error;
  }
  try {
    const config = parseCheckoutConfig(data, isUrl(file) ? { baseUrl: file } : {});
    // A bad hand-off or payment setting is left out by the checkout, not fatal: still a mistake.
    return report('checkout', config.problems.map(configIssue), {
      destinations: destinationCountries(config).length,
      services: config.shipping.services.length,
    });
  } catch (error) {
    if (error instanceof ConfigError) return report('checkout', error.issues.map(configIssue));
    throw error;
  }
}

function checkRates(text: string, file: string, contentType: string, report: Report): ShopFileReport {
  try {
    const rates = parseRatesText(text, { source: file, contentType });
    const currencies = new Set([rates.base, ...Object.keys(rates.rates)]);
    currencies.delete('IDR');
    return report('rates', [], { currencies: currencies.size, date: rates.date });
  } catch (error) {
    if (!(error instanceof RateSourceError)) throw error;
    if (error.issues.length > 0) return report('rates', error.issues.map(configIssue));
    // Not read at all: an empty body, HTML, broken JSON or XML; the reason says which.
    const notJson = /not valid JSON|got HTML|empty body/.test(error.reason);
    return report('rates', [issue(notJson ? 'not-json' : 'invalid', '', error.reason, notJson ? { reason: 'not-json' } : {})]);
  }
}

/**
 * The kind told from the content: a JSON object with `products` is a catalog, with `shipping`
 * checkout settings, with `rates` rates; XML is the ECB's rates. Otherwise from the file name
 * (catalog*.json, checkout*.json, rates*.json, eurofxref*, *.xml); undefined when neither says.
 */
export function kindOf(text: string, location: string): ShopFileKind | undefined {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('<?xml') || /^<(gesmes:)?Envelope\b/.test(body)) return 'rates';
  if (body.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      data = undefined;
    }
    if (isPlainObject(data)) {
      if ('products' in data) return 'catalog';
      if ('shipping' in data) return 'checkout';
      if ('rates' in data) return 'rates';
    }
  }
  const name = (isUrl(location) ? new URL(location).pathname : pathOf(location)).split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (name.includes('catalog')) return 'catalog';
  if (name.includes('checkout')) return 'checkout';
  if (name.includes('rates') || name.includes('eurofxref') || name.endsWith('.xml')) return 'rates';
  return undefined;
}

/** Why a file of no known kind is none: not text, not JSON, or JSON of another shape. */
function unknownKind(text: string, file: string, contentType: string): ShopFileIssue {
  // Undecodable bytes: an image, an archive, a spreadsheet saved in its own format.
  if (text.includes('\uFFFD')) return binary();
  if (!text.replace(/^\uFEFF/, '').trimStart().startsWith('<')) {
    try {
      parseJsonText(text, file, contentType);
    } catch (error) {
      if (error instanceof FetchError) return fetchIssue(error);
      throw error;
    }
  }
  return issue(
    'unknown-kind',
    '',
    'cannot tell whether this is the catalog, the checkout settings or the exchange rates (name it with --catalog, --checkout or --rates)',
  );
}

const binary = () => issue('not-json', '', 'not JSON: binary data (a JSON or XML text file is expected)', { reason: 'not-json' });

function issue(
  code: ShopFileIssueCode,
  path: string,
  message: string,
  extra: { readonly productId?: string; readonly reason?: FetchErrorCode; readonly severity?: 'error' | 'warning' } = {},
): ShopFileIssue {
  return Object.freeze({
    code,
    severity: extra.severity ?? 'error',
    path,
    message,
    ...(extra.productId !== undefined && { productId: extra.productId }),
    ...(extra.reason !== undefined && { reason: extra.reason }),
  });
}

function fetchIssue(error: FetchError): ShopFileIssue {
  const notJson = error.code === 'not-json' || error.code === 'html';
  return issue(notJson ? 'not-json' : 'unreadable', '', notJson ? error.reason : `could not be read: ${error.reason}`, { reason: error.code });
}

function catalogIssue(found: CatalogIssue): ShopFileIssue {
  const warning = found.severity === 'warning';
  return issue(warning ? 'ignored' : 'invalid', found.path, found.message, {
    severity: warning ? 'warning' : 'error',
    ...(found.productId !== undefined && { productId: found.productId }),
  });
}

const configIssue = (found: ConfigIssue): ShopFileIssue => issue('invalid', found.path, found.message);
