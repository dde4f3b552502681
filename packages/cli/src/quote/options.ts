/**
 * `mendunia quote` options: parsed with node:util parseArgs, then checked one by one so each
 * mistake gets a message that names the option and says what was expected.
 */
import { parseArgs } from 'node:util';
import { findProduct, findVariant, MAX_LINE_QUANTITY, type CartLine, type Catalog, type CatalogIssue } from '@mendunia/core';
import { addressSubdivision } from '@mendunia/core/checkout/index.js';
import { InputError } from '../errors.js';

/** One entry of --items as written, before the catalog is consulted. */
export interface ItemSpec {
  /** The entry, for messages. */
  readonly text: string;
  readonly productId: string;
  /** Variant or quantity: decided against the catalog. */
  readonly second?: string;
  /** Digits, when the entry has three parts. */
  readonly quantity?: string;
}

export interface QuoteOptions {
  readonly catalog: string;
  readonly rates: string;
  readonly checkout?: string;
  /** Upper-case ISO 3166-1 alpha-2. */
  readonly to: string;
  /** The buyer's subdivision, ISO 3166-2 of `to` ("CA-ON"). */
  readonly region?: string;
  readonly items: ItemSpec[];
  readonly service?: string;
  readonly json: boolean;
  /** The day whose dated rules apply (UTC midnight). */
  readonly now: Date;
  /** That day, YYYY-MM-DD. */
  readonly date: string;
  readonly lang: 'en' | 'id';
}

export const LANGUAGES = ['en', 'id'] as const;
/** The most one line may hold: the same limit as the cart, the checkout and the server (core's limits). */
export const MAX_QUANTITY = MAX_LINE_QUANTITY;

const OPTIONS = {
  catalog: { type: 'string' },
  rates: { type: 'string' },
  checkout: { type: 'string' },
  to: { type: 'string' },
  region: { type: 'string' },
  items: { type: 'string' },
  service: { type: 'string' },
  json: { type: 'boolean' },
  date: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Codes Intl knows that are not countries one can ship to (the same list as core's address rules). */
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN|UK)$/;
const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/**
 * The arguments after `quote`. `{ help: true }` when --help is among them (nothing else is checked).
 */
export function parseQuoteArgs(argv: readonly string[]): { help: true } | { help: false; options: QuoteOptions } {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new InputError(usageMessage(error));
  }
  if (values.help) return { help: true };

  for (const name of ['catalog', 'rates', 'to', 'items'] as const) {
    if (values[name] === undefined) throw new InputError(`missing --${name} (see mendunia quote --help)`);
  }
  for (const name of ['catalog', 'rates', 'checkout', 'to', 'region', 'items', 'service', 'date', 'lang'] as const) {
    if (values[name] !== undefined && values[name].trim() === '') throw new InputError(`--${name} is empty`);
  }

  const to = (values.to as string).trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(to) || NOT_A_COUNTRY.test(to) || regionNames.of(to) === undefined) {
    throw new InputError(`--to ${values.to}: expected a two-letter ISO 3166-1 country code such as DE, SG or US`);
  }

  const region = values.region === undefined ? undefined : parseRegion(values.region, to);

  const lang = values.lang?.trim().toLowerCase() ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    throw new InputError(`--lang ${values.lang}: expected one of ${LANGUAGES.join(', ')}`);
  }

  const { now, date } = parseDate(values.date);
  return {
    help: false,
    options: {
      catalog: (values.catalog as string).trim(),
      rates: (values.rates as string).trim(),
      ...(values.checkout !== undefined && { checkout: values.checkout.trim() }),
      to,
      ...(region !== undefined && { region }),
      items: parseItems(values.items as string),
      ...(values.service !== undefined && { service: values.service.trim() }),
      json: Boolean(values.json),
      now,
      date,
      lang: lang as 'en' | 'id',
    },
  };
}

/** parseArgs' messages, shorter and with the way out (`command`'s help). */
export function usageMessage(error: unknown, command = 'quote'): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const see = `(see mendunia ${command} --help)`;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message} ${see}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? `${option ?? 'an option'} needs a value ${see}` : `${option ?? 'an option'} takes no value ${see}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''} ${see}`.replace('  ', ' ');
  return `${message} ${see}`;
}

/**
 * --region: the buyer's subdivision as ISO 3166-2 of --to ("CA-ON"); a listed region may also be
 * given by its own code or name ("ON", "Ontario"), as the checkout's address form accepts it.
 */
function parseRegion(text: string, to: string): string {
  const listed = addressSubdivision({ country: to, region: text });
  if (listed) return listed;
  const code = text.trim().toUpperCase();
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code) && code.startsWith(`${to}-`)) return code;
  throw new InputError(`--region ${text}: expected a subdivision of ${to} as ISO 3166-2, such as ${to === 'CA' ? 'CA-ON' : `${to}-XX`}`);
}

/**
 * --date YYYY-MM-DD, or today (UTC). Duty rules are dated and compared as a UTC calendar day.
 */
function parseDate(text: string | undefined): { now: Date; date: string } {
  if (text === undefined) {
    const now = new Date();
    return { now, date: now.toISOString().slice(0, 10) };
  }
  const date = text.trim();
  const now = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(now.getTime()) || !now.toISOString().startsWith(date)) {
    throw new InputError(`--date ${text}: expected a real date written YYYY-MM-DD, such as 2026-11-29`);
  }
  return { now, date };
}

/**
 * --items "id[:variant][:qty],…". Only the syntax is checked here; see resolveItems.
 */
export function parseItems(text: string): ItemSpec[] {
  return text.split(',').map((raw, index) => {
    const entry = raw.trim();
    if (entry === '') throw new InputError(`--items: entry ${index + 1} is empty (write id[:variant][:qty],…)`);
    const parts = entry.split(':').map((part) => part.trim());
    if (parts.length > 3 || parts.some((part) => part === '')) {
      throw new InputError(`--items: "${entry}" is not id, id:qty, id:variant or id:variant:qty`);
    }
    const [productId, second, quantity] = parts as [string, string | undefined, string | undefined];
    if (quantity !== undefined) checkQuantity(quantity, entry);
    return { text: entry, productId, ...(second !== undefined && { second }), ...(quantity !== undefined && { quantity }) };
  });
}

function checkQuantity(text: string, entry: string): number {
  const quantity = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(quantity >= 1 && quantity <= MAX_QUANTITY)) {
    throw new InputError(`--items: "${entry}": the quantity must be a whole number from 1 to ${MAX_QUANTITY}, got "${text}"`);
  }
  return quantity;
}

/**
 * The cart lines for --items, checked against the catalog: every product and variant must exist.
 * Two parts (`id:x`): x is the quantity when it is all digits, else a variant (quantity 1); to name
 * a variant whose id is all digits, give the quantity too (`id:500:1`). The same product and
 * variant listed twice is one line with the quantities added.
 * `issues` say why products were left out of the catalog; `source` is the catalog's file or URL,
 * for messages.
 */
export function resolveItems(specs: readonly ItemSpec[], catalog: Catalog, issues: readonly CatalogIssue[], source: string): CartLine[] {
  const lines = new Map<string, { productId: string; variantId?: string; quantity: number }>();
  for (const spec of specs) {
    const product = findProduct(catalog, spec.productId);
    if (!product) throw new InputError(unknownProduct(spec.productId, catalog, issues, source));
    const digits = spec.second !== undefined && spec.quantity === undefined && /^\d+$/.test(spec.second);
    const variantId = digits ? undefined : spec.second;
    const quantity = spec.quantity !== undefined ? Number(spec.quantity) : digits ? checkQuantity(spec.second as string, spec.text) : 1;
    const variantIds = product.variants.map((v) => v.id);
    if (variantId === undefined && variantIds.length > 0) {
      throw new InputError(
        `--items: product "${product.id}" has variants (${variantIds.join(', ')}): write ${product.id}:<variant>:<qty>, e.g. ${product.id}:${variantIds[0]}:1`,
      );
    }
    if (variantId !== undefined && !findVariant(product, variantId)) {
      if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(variantId) && spec.quantity === undefined) {
        throw new InputError(`--items: "${spec.text}": the quantity must be a whole number from 1 to ${MAX_QUANTITY}, got "${variantId}"`);
      }
      throw new InputError(
        variantIds.length === 0
          ? `--items: product "${product.id}" has no variants, so "${variantId}" cannot be one: write ${product.id} or ${product.id}:<qty>`
          : `--items: product "${product.id}" has no variant "${variantId}" (its variants: ${variantIds.join(', ')})`,
      );
    }
    const key = `${product.id}\u0000${variantId ?? ''}`;
    const line = lines.get(key);
    const total = (line?.quantity ?? 0) + quantity;
    if (total > MAX_QUANTITY) throw new InputError(`--items: ${product.id}${variantId ? `:${variantId}` : ''} adds up to ${total}, more than ${MAX_QUANTITY}`);
    lines.set(key, { productId: product.id, ...(variantId !== undefined && { variantId }), quantity: total });
  }
  return [...lines.values()];
}

/** "unknown product", with why when core left it out of the catalog, or the nearest id. */
function unknownProduct(id: string, catalog: Catalog, issues: readonly CatalogIssue[], source: string): string {
  const own = issues.filter((issue) => issue.productId === id && issue.severity !== 'warning');
  if (own.length > 0) {
    return `--items: product "${id}" is in ${source} but was left out because it is invalid: ${own.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  }
  const near = nearest(id, catalog.products.map((p) => p.id));
  return `--items: unknown product "${id}": it is not in ${source}${near ? ` (did you mean "${near}"?)` : ''}`;
}

/** The id closest to `id` by edit distance, when it is close enough to be a typo. */
function nearest(id: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const distance = candidate.startsWith(id) || id.startsWith(candidate) ? 1 : editDistance(id, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
