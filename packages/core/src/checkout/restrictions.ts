/**
 * What may not leave Indonesia, or may not enter the buyer's country: rules by HS code prefix,
 * category or tag → prohibited (never sellable through the checkout) or restricted (needs a
 * permit: blocked unless the merchant says they hold it). The default rules are dated data with
 * sources (data/restrictions.json, explained in docs/shipping-and-restrictions.md).
 */
import * as v from 'valibot';
import { cleanText, COUNTRY_PATTERN, ID_PATTERN, isPlainObject } from '../catalog/schema.js';
import { message, verbatim, type Message } from '../util/message.js';
import { objectOf, SCHEMA_MESSAGES } from '../util/schema.js';
import type { ParcelItem } from './items.js';
import { ConfigIssuesError, deepFreeze, toConfigIssues, uniqueIds, type ConfigIssue } from './shipping-schema.js';
import { addCountryDataPart } from './country-data-loader.js';

export interface RestrictionRule {
  readonly id: string;
  /** restricted = needs a permit: blocked by default, the merchant may allow it. */
  readonly level: 'prohibited' | 'restricted';
  /** export: leaving Indonesia; import: entering the destination(s). */
  readonly scope: 'export' | 'import';
  /** ISO alpha-2 codes, or '*' for every destination. */
  readonly destinations: readonly string[] | '*';
  /** Any one match triggers the rule. HS prefixes are digits only once parsed. */
  readonly match: {
    readonly hsPrefixes?: readonly string[];
    readonly categories?: readonly string[];
    readonly tags?: readonly string[];
  };
  /**
   * English, plain, for the merchant (docs, CLI). A buyer reads a shipped rule's reason in their
   * language (`rules.restrictions.<id>`); a merchant's own reason is shown as written.
   */
  readonly reason: string;
  readonly source: { readonly name: string; readonly url?: string; readonly date: string };
  /** What is uncertain or what to check before relying on the rule. */
  readonly note?: string;
}

export interface RestrictionHit {
  readonly productId: string;
  readonly variantId?: string;
  readonly name: string;
  readonly ruleId: string;
  readonly level: 'prohibited' | 'restricted';
  /** `rules.restrictions.<rule id>` for a shipped rule, else the merchant's text (`verbatim`). */
  readonly reason: Message;
  /** The official name of the law or list, not translated: label it in the buyer's language. */
  readonly source: RestrictionRule['source'];
}

export interface RestrictionOptions {
  /** Replaces the default rules entirely. */
  readonly rules?: readonly RestrictionRule[];
  /** Added to the rules; one with the id of an existing rule replaces that rule. */
  readonly extraRules?: readonly RestrictionRule[];
  /** Ids of restricted rules the merchant holds the permit for. Allowing a prohibited rule throws. */
  readonly allow?: readonly string[];
}

/** Rule data or restriction options that cannot be used; `issues` lists every problem. */
export class RestrictionConfigError extends ConfigIssuesError {
  override readonly name = 'RestrictionConfigError';

  constructor(issues: readonly ConfigIssue[]) {
    super('Restriction rule data', issues);
  }
}

const M = {
  ...SCHEMA_MESSAGES,
  nonEmpty: SCHEMA_MESSAGES.empty,
  level: 'expected "prohibited" or "restricted"',
  scope: 'expected "export" or "import"',
  destinations: 'expected "*" or a list of two-letter country codes such as ["AU", "NZ"]',
  country: 'expected a two-letter country code such as "AU"',
  hsPrefix: 'expected the first 2 to 10 digits of an HS code, such as "1401.20" or "26"',
  match: 'expected at least one of hsPrefixes, categories or tags',
  date: 'expected a date such as "2024-08-29"',
} as const;

const HS_PREFIX_PATTERN = /^[ .]*(?:[0-9][ .]*){2,10}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;



const text = (max: number) =>
  v.pipe(v.string(M.text), v.transform(cleanText), v.nonEmpty(M.nonEmpty), v.maxLength(max, `too long (at most ${max} characters)`));

const words = v.pipe(v.array(text(64), M.array), v.minLength(1, M.nonEmpty));

const RuleSchema = objectOf({
  id: v.pipe(v.string(M.id), v.regex(ID_PATTERN, M.id)),
  level: v.picklist(['prohibited', 'restricted'], M.level),
  scope: v.picklist(['export', 'import'], M.scope),
  destinations: v.union(
    [
      v.literal('*'),
      v.pipe(
        v.array(
          v.pipe(v.string(M.country), v.transform((c) => c.trim().toUpperCase()), v.regex(COUNTRY_PATTERN, M.country)),
          M.destinations,
        ),
        v.minLength(1, M.destinations),
      ),
    ],
    M.destinations,
  ),
  match: v.pipe(
    objectOf({
      hsPrefixes: v.optional(
        v.pipe(
          v.array(
            v.pipe(v.string(M.hsPrefix), v.regex(HS_PREFIX_PATTERN, M.hsPrefix), v.transform(digitsOnly)),
            M.array,
          ),
          v.minLength(1, M.nonEmpty),
        ),
      ),
      categories: v.optional(words),
      tags: v.optional(words),
    }),
    v.check((m) => Boolean(m.hsPrefixes?.length || m.categories?.length || m.tags?.length), M.match),
  ),
  reason: text(500),
  source: objectOf({
    name: text(300),
    url: v.optional(v.pipe(v.string(M.url), v.url(M.url), v.regex(/^https?:\/\//i, M.url))),
    date: v.pipe(v.string(M.date), v.regex(DATE_PATTERN, M.date), v.check(isRealDate, M.date)),
  }),
  note: v.optional(text(1000)),
});

const RulesSchema = v.pipe(v.array(RuleSchema, M.array), uniqueIds('rule'));

/**
 * Validates rule data: an array of rules, or an object with a `rules` array (the form of
 * data/restrictions.json). Returns frozen rules with HS prefixes reduced to digits.
 * Throws RestrictionConfigError naming each bad field (`rules[3].source.date: …`).
 */
export function parseRestrictionRules(data: unknown): RestrictionRule[] {
  const wrapped = isPlainObject(data) && 'rules' in data;
  const list = wrapped ? data['rules'] : data;
  const result = v.safeParse(RulesSchema, list, { abortEarly: false });
  if (!result.success) throw new RestrictionConfigError(toConfigIssues(result.issues, wrapped ? 'rules' : ''));
  return result.output.map((raw) =>
    deepFreeze<RestrictionRule>({
      id: raw.id,
      level: raw.level,
      scope: raw.scope,
      destinations: raw.destinations === '*' ? '*' : [...raw.destinations],
      match: {
        ...(raw.match.hsPrefixes && { hsPrefixes: [...raw.match.hsPrefixes] }),
        ...(raw.match.categories && { categories: [...raw.match.categories] }),
        ...(raw.match.tags && { tags: [...raw.match.tags] }),
      },
      reason: raw.reason,
      source: { name: raw.source.name, ...(raw.source.url !== undefined && { url: raw.source.url }), date: raw.source.date },
      ...(raw.note !== undefined && { note: raw.note }),
    }),
  );
}

/**
 * The rules shipped with Mendunia (data/restrictions.json) registered so far (frozen; a new
 * array after each registration): all of them in Node and ESM builds (./data/all.ts registers
 * them), those of the countries loaded so far in the script tag (each country's file carries the
 * export rules and its own import rules).
 */
// A live binding: the registry's current rules (importers see each new one).
export let DEFAULT_RESTRICTIONS: readonly RestrictionRule[] = Object.freeze([]);

const shippedReasons = new Map<string, string>();

/**
 * Registers shipped rules, in the shape of data/restrictions.json (validated the same way:
 * RestrictionConfigError). A rule with the id of one already registered replaces it, in place
 * (every country's file carries the export rules).
 */
export function registerRestrictionRules(data: unknown): void {
  const byId = new Map(DEFAULT_RESTRICTIONS.map((rule) => [rule.id, rule] as const));
  for (const rule of parseRestrictionRules(data)) {
    byId.set(rule.id, rule);
    shippedReasons.set(rule.id, rule.reason);
  }
  DEFAULT_RESTRICTIONS = Object.freeze([...byId.values()]);
}

addCountryDataPart((file) => {
  if (file['restrictions'] !== undefined) registerRestrictionRules(file['restrictions']);
});

/** The i18n key of a shipped rule's reason: `rules.restrictions.<id>`. */
export const restrictionReasonKey = (id: string): string => `rules.restrictions.${id}`;

/**
 * What a buyer reads for a rule: the shipped words when the rule has a shipped id and its
 * shipped reason (a merchant may replace a shipped rule but keep its reason), else the reason
 * as the merchant wrote it.
 */
export function restrictionReason(rule: RestrictionRule): Message {
  return shippedReasons.get(rule.id) === rule.reason ? message(restrictionReasonKey(rule.id)) : verbatim(rule.reason);
}

/**
 * Every (item, rule) pair that stops `items` going to `destination`, in item order then rule
 * order. Export rules apply to every destination outside Indonesia that they list; import rules
 * to the destinations they list. Restricted rules named in `options.allow` are skipped.
 *
 * Throws RestrictionConfigError when `allow` names a prohibited rule: call it once with no items
 * when the shop's settings are loaded to catch that early.
 */
export function checkRestrictions(
  items: readonly ParcelItem[],
  destination: string,
  options: RestrictionOptions = {},
): RestrictionHit[] {
  const rules = effectiveRules(options);
  const country = destination.trim().toUpperCase();
  const applicable = rules.filter(
    (rule) =>
      !(rule.scope === 'export' && country === 'ID') &&
      (rule.destinations === '*' || rule.destinations.includes(country)),
  );
  const matchers = applicable.map((rule) => ({ rule, matches: matcherFor(rule) }));

  const hits: RestrictionHit[] = [];
  for (const item of items) {
    const hs = item.hsCode ? digitsOnly(item.hsCode) : '';
    const category = item.category === undefined ? undefined : normaliseWord(item.category);
    const tags = new Set(item.tags.map(normaliseWord));
    for (const { rule, matches } of matchers) {
      if (!matches(hs, category, tags)) continue;
      hits.push({
        productId: item.productId,
        ...(item.variantId !== undefined && { variantId: item.variantId }),
        name: item.name,
        ruleId: rule.id,
        level: rule.level,
        reason: restrictionReason(rule),
        source: rule.source,
      });
    }
  }
  return hits;
}

function effectiveRules(options: RestrictionOptions): RestrictionRule[] {
  const byId = new Map<string, RestrictionRule>();
  for (const rule of options.rules ?? DEFAULT_RESTRICTIONS) byId.set(rule.id, rule);
  // Map.set keeps an existing key's position, so a replaced default stays where it was.
  for (const rule of options.extraRules ?? []) byId.set(rule.id, rule);

  const allow = new Set(options.allow ?? []);
  const refused: ConfigIssue[] = [];
  (options.allow ?? []).forEach((id, index) => {
    const rule = byId.get(id);
    if (rule?.level === 'prohibited') {
      refused.push({
        path: `allow[${index}]`,
        message: `"${id}" is a prohibited rule (${rule.reason}) and cannot be allowed; only restricted rules can be allowed by a merchant who holds the permit`,
      });
    }
  });
  if (refused.length > 0) throw new RestrictionConfigError(refused);
  // An id that matches no rule is ignored: the goods it was meant for stay blocked, the safe side.
  return [...byId.values()].filter((rule) => !(rule.level === 'restricted' && allow.has(rule.id)));
}

function matcherFor(rule: RestrictionRule): (hs: string, category: string | undefined, tags: ReadonlySet<string>) => boolean {
  const prefixes = (rule.match.hsPrefixes ?? []).map(digitsOnly).filter((p) => p !== '');
  const categories = new Set((rule.match.categories ?? []).map(normaliseWord));
  const tags = (rule.match.tags ?? []).map(normaliseWord);
  return (hs, category, itemTags) =>
    (hs !== '' && prefixes.some((prefix) => hs.startsWith(prefix))) ||
    (category !== undefined && categories.has(category)) ||
    tags.some((tag) => itemTags.has(tag));
}

function digitsOnly(code: string): string {
  return code.replace(/\D/g, '');
}

/** "Python Skin", "python_skin" and "python-skin" are one tag. */
function normaliseWord(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
