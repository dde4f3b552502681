/**
 * What every validator of merchant data shares (catalog, rates, shipping, duties, restrictions,
 * checkout configuration, saved carts): the wording of valibot's messages, plain-object schemas
 * whose missing keys read "required", and one error that carries every problem with its path.
 *
 * Messages are English for the people who write the files (shop owners reading a console or the
 * CLI); what a buyer sees goes through codes and @mendunia/i18n instead.
 */
import * as v from 'valibot';
import { isPlainObject } from './guard.js';
import { joinPath } from './issue-path.js';

/** Messages for the checks every config file has; a module adds only the ones its fields need. */
export const SCHEMA_MESSAGES = {
  object: 'expected an object',
  array: 'expected an array',
  required: 'required',
  text: 'expected text',
  empty: 'must not be empty',
  boolean: 'expected true or false',
  tooLong: (max: number) => `too long (at most ${max} characters)`,
  localised: 'expected text, or an object of language code → text',
  language: 'expected a language code such as "id", "en" or "zh-Hant"',
  id: 'expected an id: a-z, 0-9, ".", "_" or "-", starting with a letter or digit, at most 64 characters',
  price: 'expected integer IDR',
  grams: 'expected whole grams greater than 0',
  centimetres: 'expected centimetres greater than 0',
  positive: 'expected a positive number',
  country: 'expected a two-letter country code such as "ID"',
  currency: 'expected a 3-letter upper-case ISO 4217 code such as USD',
  url: 'expected an http(s) URL',
  date: 'expected a date such as "2026-07-01"',
} as const;

// Defined without valibot (util/guard.ts) so the browser's structural guards can share it.
export { isPlainObject };

/**
 * An object with the given entries; unknown keys are dropped (newer files load in older SDKs).
 * Arrays are refused up front (v.object alone would accept one), and a missing required key
 * reads "required" rather than valibot's "Invalid key".
 */
export function objectOf<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, SCHEMA_MESSAGES.object),
    v.object(entries, SCHEMA_MESSAGES.required),
  );
}

/** Like objectOf, but an unknown key is an error (for rules where a typo must not pass silently). */
export function strictObjectOf<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, SCHEMA_MESSAGES.object),
    v.strictObject(entries, SCHEMA_MESSAGES.required),
  );
}

/** One problem in a file: where (`services[0].zones[1].days`, '' for the whole) and what. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/** `path: message`, or the message alone for the whole file. */
export function formatIssue(issue: ConfigIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/**
 * Valibot issues → ConfigIssues with readable paths (`products[3].price`), `prefix` in front.
 * One bad value can fail several checks with the same message (integer, then ≥ 0): kept once.
 */
export function toConfigIssues(found: readonly v.BaseIssue<unknown>[], prefix = ''): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const problem of found) {
    const path = joinPath(prefix, problem.path);
    const key = `${path}\n${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message: problem.message });
  }
  return out;
}

/**
 * Configuration that cannot be used. `issues` lists every problem found, not just the first, and
 * the message shows them one per line:
 * `Checkout configuration is invalid:\n  handoff.email: expected an email address`.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** What was being read: 'Checkout configuration', 'Shipping configuration'. */
  readonly what: string;
  readonly issues: readonly ConfigIssue[];

  constructor(what: string, issues: readonly ConfigIssue[], options?: { readonly cause?: unknown }) {
    super(`${what} is invalid:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`, options);
    this.what = what;
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ path: issue.path, message: issue.message })));
  }
}

/**
 * Validates `data` with `schema`; on failure throws ConfigError(what, every issue). `prefix`
 * goes in front of each path (e.g. 'handoff' when only that part is checked).
 */
export function parseWith<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  data: unknown,
  what: string,
  prefix = '',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data);
  if (!result.success) throw new ConfigError(what, toConfigIssues(result.issues, prefix));
  return result.output;
}
