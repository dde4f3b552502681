import * as v from 'valibot';
import { cleanText, isPlainObject } from '../catalog/schema.js';
import type { LocalisedText } from '../catalog/index.js';
import { deepFreeze } from '../util/freeze.js';
import { SCHEMA_MESSAGES } from '../util/schema.js';
import { parseShippingConfig, ShippingConfigError, type ShippingConfig } from './shipping.js';
import {
  boundedText,
  ConfigIssuesError,
  countryCode,
  localisedText,
  objectOf,
  toConfigIssues,
  type ConfigIssue,
} from './shipping-schema.js';
import {
  checkRestrictions,
  parseRestrictionRules,
  RestrictionConfigError,
  type RestrictionRule,
} from './restrictions.js';
import { DutyRuleError, dutyRuleFor, REGISTRATIONS, type MerchantTaxSettings } from './duties.js';
import { countryCodeMessage, isCountryCode } from './countries.js';

/**
 * Everything a merchant configures for the checkout, usually one `checkout.json` beside the
 * catalog: carriers and rates, tax settings, restriction permits, where orders go and how the
 * buyer pays.
 */
export interface CheckoutConfig {
  readonly shipping: ShippingConfig;
  readonly taxes: MerchantTaxSettings;
  readonly restrictions: {
    readonly allow: readonly string[];
    readonly extraRules: readonly RestrictionRule[];
  };
  /** The hand-off settings that are valid; each invalid one is left out and listed in `problems`. */
  readonly handoff: HandoffConfig;
  /**
   * How the buyer pays the shop directly (bank transfer, QRIS), shown with the amount and the
   * order reference. Absent when not configured (or invalid): then there is nothing to pay "now"
   * with the manual method, and the checkout offers no such button.
   */
  readonly payment?: PaymentDetails;
  /** Destinations offered (ISO alpha-2); default: every country a shipping service has a zone for. */
  readonly countries?: readonly string[];
  /**
   * Settings that were left out because they are invalid (`handoff.whatsapp`,
   * `payment.bank.accountNumber` …): the rest of the checkout works without them. Log them where
   * the merchant looks (the browser console, the server log); empty when all is well.
   */
  readonly problems: readonly ConfigIssue[];
}

export interface HandoffConfig {
  /** WhatsApp number in international format, digits only (62812…). */
  readonly whatsapp?: string;
  readonly email?: string;
  /** https URL with {amount}, {currency} and {reference} placeholders (e.g. a payment link). */
  readonly paymentLink?: string;
}

/** The merchant's details for paying by hand: at least one of `bank` and `qrisImage`. */
export interface PaymentDetails {
  readonly bank?: BankAccount;
  /** The shop's QRIS code as an image: an https URL, or a path relative to checkout.json. */
  readonly qrisImage?: string;
  /** Shown with the details, in the buyer's language when given per language. */
  readonly note?: LocalisedText;
}

export interface BankAccount {
  /** The bank's name as the buyer's bank will know it: "Bank Central Asia (BCA)". */
  readonly name: string;
  /** The account holder, exactly as the bank has it. */
  readonly accountName: string;
  /** Letters and digits only (spaces, dots and dashes are removed): "0123456789". */
  readonly accountNumber: string;
  /** SWIFT/BIC for transfers from abroad, 8 or 11 characters: "CENAIDJA". */
  readonly swift?: string;
}

export interface ParseCheckoutConfigOptions {
  /** Replaces keys of `handoff` (the store's data-whatsapp, data-email, data-payment-link). */
  readonly handoff?: HandoffConfig;
  /**
   * Where the configuration was read from: a relative `payment.qrisImage` is made absolute
   * against it. Without it, relative paths are kept as written.
   */
  readonly baseUrl?: string | URL;
}

/**
 * The configuration cannot be used: a shipping table, tax setting, destination or restriction
 * that the checkout cannot work without. `issues` names every problem by its path in the file.
 */
export class CheckoutConfigError extends ConfigIssuesError {
  override readonly name = 'CheckoutConfigError';

  constructor(issues: readonly ConfigIssue[], message?: string) {
    super('Checkout configuration', issues);
    if (message !== undefined) this.message = message;
  }
}

const M = {
  whatsapp: 'expected an international phone number, digits only, e.g. 6281234567890',
  // Indonesian merchants write their own number the local way: say what it is in full.
  whatsappLocal: (digits: string) =>
    `expected the international format: the country code instead of the leading 0 (${`62${digits.slice(1)}`} for an Indonesian number)`,
  whatsappExtra: 'expected only the number, e.g. 6281234567890 (without a link or "&text=")',
  email: 'expected an email address',
  ...SCHEMA_MESSAGES,
  url: 'expected a URL',
  https: 'expected an https:// URL',
  accountNumber: 'expected an account number: 5 to 34 letters or digits (spaces, dots and dashes are removed)',
  swift: 'expected a SWIFT/BIC code of 8 or 11 characters, such as "CENAIDJA"',
  qrisImage: 'expected an https:// URL or a relative path to the QRIS image',
  paymentEmpty: 'expected "bank" (name, accountName, accountNumber) and/or "qrisImage"',
} as const;

const whatsapp = v.pipe(
  v.string(M.whatsapp),
  v.check((s) => !/[?&=/]/.test(s), M.whatsappExtra),
  v.transform((s) => s.replace(/[\s+().-]/g, '')),
  v.check(
    (s) => !/^0/.test(s),
    (issue) => M.whatsappLocal(String(issue.input)),
  ),
  v.regex(/^[1-9]\d{7,14}$/, M.whatsapp),
);

const HANDOFF = {
  whatsapp,
  email: v.pipe(v.string(M.email), v.trim(), v.email(M.email)),
  paymentLink: v.pipe(v.string(M.url), v.trim(), v.url(M.url), v.regex(/^https:\/\//i, M.https)),
} as const;

const bankSchema = objectOf({
  name: boundedText(100),
  accountName: boundedText(100),
  accountNumber: v.pipe(
    v.string(M.accountNumber),
    v.transform((s) => s.replace(/[\s.-]/g, '').toUpperCase()),
    v.regex(/^[0-9A-Z]{5,34}$/, M.accountNumber),
  ),
  swift: v.optional(
    v.pipe(
      v.string(M.swift),
      v.transform((s) => s.replace(/\s/g, '').toUpperCase()),
      v.regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/, M.swift),
      // Letters 5–6 are the bank's country: "BCA1IDJA" is a typo, not a bank.
      v.check((s) => isCountryCode(s.slice(4, 6)), M.swift),
    ),
  ),
});

/**
 * A relative path or an https URL. Not http: a QR code fetched over plain HTTP can be swapped on
 * the way, and then the buyer pays someone else.
 */
const qrisImage = v.pipe(
  v.string(M.qrisImage),
  v.transform(cleanText),
  v.nonEmpty(M.qrisImage),
  v.maxLength(2048, M.tooLong(2048)),
  v.check((src) => {
    try {
      return new URL(src, 'https://relative.invalid/').protocol === 'https:';
    } catch {
      return false;
    }
  }, M.qrisImage),
);

const topSchema = v.object({
  shipping: v.optional(v.unknown()),
  taxes: v.optional(
    v.object({
      incoterm: v.optional(v.picklist(['DAP', 'DDP'])),
      registrations: v.optional(v.array(v.picklist(REGISTRATIONS as unknown as [string, ...string[]]))),
      claimPreferentialOrigin: v.optional(v.boolean()),
      overrides: v.optional(v.array(v.unknown())),
    }),
  ),
  restrictions: v.optional(
    v.object({
      allow: v.optional(v.array(v.string())),
      extraRules: v.optional(v.array(v.unknown())),
    }),
  ),
  // Checked one setting at a time below: a bad one is left out, not fatal.
  handoff: v.optional(v.unknown()),
  payment: v.optional(v.unknown()),
  countries: v.optional(v.array(countryCode)),
});

/**
 * Validates a checkout configuration. Problems the checkout cannot work around (shipping, taxes,
 * destinations, restrictions) throw CheckoutConfigError naming every one by its path; a bad
 * hand-off or payment setting is left out and listed in `problems`, so one typo in a WhatsApp
 * number does not take the whole checkout down.
 */
export function parseCheckoutConfig(data: unknown, options: ParseCheckoutConfigOptions = {}): CheckoutConfig {
  const result = v.safeParse(topSchema, data, { abortEarly: false });
  const issues: ConfigIssue[] = result.success ? [] : toConfigIssues(result.issues);
  const raw = isPlainObject(data) ? data : {};
  let shipping: ShippingConfig | undefined;
  try {
    shipping = parseShippingConfig(raw['shipping']);
  } catch (e) {
    if (!(e instanceof ShippingConfigError)) throw e;
    issues.push(
      ...(raw['shipping'] === undefined ? [{ path: 'shipping', message: 'required' }] : prefixed('shipping', e.issues)),
    );
  }
  let extraRules: RestrictionRule[] = [];
  const rawRules = isPlainObject(raw['restrictions']) ? raw['restrictions']['extraRules'] : undefined;
  if (Array.isArray(rawRules)) {
    try {
      extraRules = parseRestrictionRules(rawRules);
      issues.push(...unknownDestinations(extraRules));
    } catch (e) {
      if (!(e instanceof RestrictionConfigError)) throw e;
      issues.push(...prefixed('restrictions.extraRules', e.issues));
    }
  }
  if (!result.success || !shipping || issues.length > 0) throw new CheckoutConfigError(issues);

  const top = result.output;
  const taxes = (top.taxes ?? {}) as MerchantTaxSettings;
  const restrictions = { allow: top.restrictions?.allow ?? [], extraRules };
  // Mistakes that would otherwise surface only when a quote is built, mid-checkout.
  try {
    dutyRuleFor('DE', taxes);
  } catch (e) {
    if (!(e instanceof DutyRuleError)) throw e;
    // Named where the merchant wrote it: taxes.overrides[0].vat.percent.
    const at = e.path ? `taxes.${e.path}` : 'taxes.overrides';
    const what = e.path && e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
    throw new CheckoutConfigError([{ path: at, message: what }]);
  }
  try {
    checkRestrictions([], 'SG', restrictions);
  } catch (e) {
    const reason = (e as Error).message;
    throw new CheckoutConfigError([{ path: '', message: reason }], `Checkout configuration is invalid: ${reason}`);
  }

  const problems: ConfigIssue[] = [];
  const handoff = parseHandoff(top.handoff, options.handoff, problems);
  const payment = parsePayment(top.payment, options.baseUrl, problems);
  return deepFreeze({
    shipping,
    taxes,
    restrictions,
    handoff,
    ...(payment && { payment }),
    ...(top.countries && { countries: top.countries }),
    problems,
  });
}

/** The hand-off settings of the file with `overrides` on top, each checked on its own. */
function parseHandoff(fromFile: unknown, overrides: HandoffConfig | undefined, problems: ConfigIssue[]): HandoffConfig {
  let merged: Record<string, unknown> = {};
  if (isPlainObject(fromFile)) merged = { ...fromFile };
  else if (fromFile !== undefined) problems.push({ path: 'handoff', message: M.object });
  for (const [key, value] of Object.entries(overrides ?? {})) if (value !== undefined) merged[key] = value;

  const whatsapp = setting(HANDOFF.whatsapp, merged['whatsapp'], 'handoff.whatsapp', problems);
  const email = setting(HANDOFF.email, merged['email'], 'handoff.email', problems);
  const paymentLink = setting(HANDOFF.paymentLink, merged['paymentLink'], 'handoff.paymentLink', problems);
  return { ...(whatsapp && { whatsapp }), ...(email && { email }), ...(paymentLink && { paymentLink }) };
}

function parsePayment(input: unknown, base: string | URL | undefined, problems: ConfigIssue[]): PaymentDetails | undefined {
  if (input === undefined) return undefined;
  if (!isPlainObject(input)) {
    problems.push({ path: 'payment', message: M.object });
    return undefined;
  }
  if (input['bank'] === undefined && input['qrisImage'] === undefined) {
    problems.push({ path: 'payment', message: M.paymentEmpty });
    return undefined;
  }
  const bank = setting(bankSchema, input['bank'], 'payment.bank', problems);
  const qris = setting(qrisImage, input['qrisImage'], 'payment.qrisImage', problems);
  const note = setting(localisedText, input['note'], 'payment.note', problems) as LocalisedText | undefined;
  // A note alone tells the buyer nothing about where to pay.
  if (!bank && !qris) return undefined;
  return {
    ...(bank && { bank }),
    ...(qris && { qrisImage: resolveAgainst(qris, base) }),
    ...(note && { note }),
  };
}

/** One optional setting: its parsed value, or undefined with its problems recorded under `path`. */
function setting<const S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  path: string,
  problems: ConfigIssue[],
): v.InferOutput<S> | undefined {
  if (value === undefined) return undefined;
  const parsed = v.safeParse(schema, value, { abortPipeEarly: true });
  if (parsed.success) return parsed.output;
  problems.push(...toConfigIssues(parsed.issues, path));
  return undefined;
}

/** Extra restriction rules must name real destinations, or they would silently match nothing. */
function unknownDestinations(rules: readonly RestrictionRule[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  rules.forEach((rule, index) => {
    if (rule.destinations === '*') return;
    rule.destinations.forEach((code, at) => {
      if (!isCountryCode(code)) {
        issues.push({
          path: `restrictions.extraRules[${index}].destinations[${at}]`,
          message: countryCodeMessage(code),
        });
      }
    });
  });
  return issues;
}

function prefixed(prefix: string, issues: readonly ConfigIssue[]): ConfigIssue[] {
  return issues.map((i) => ({
    path: i.path === '' ? prefix : i.path.startsWith('[') ? `${prefix}${i.path}` : `${prefix}.${i.path}`,
    message: i.message,
  }));
}

/**
 * `src` made absolute against where the configuration came from; as written without a base, or
 * when the base is a file: URL that no buyer's browser could open. (catalog/parse.ts does the same
 * for product images.)
 */
function resolveAgainst(src: string, base: string | URL | undefined): string {
  if (base === undefined) return src;
  try {
    const absolute = new URL(src, base);
    return absolute.protocol === 'https:' || absolute.protocol === 'http:' ? absolute.href : src;
  } catch {
    return src;
  }
}

/** Destinations the checkout offers: the configured list, else every country with a zone. */
export function destinationCountries(config: CheckoutConfig): string[] {
  if (config.countries) return [...config.countries];
  const set = new Set<string>();
  for (const service of config.shipping.services)
    for (const zone of service.zones) for (const c of zone.countries) set.add(c);
  return [...set].sort();
}
