import * as v from 'valibot';
import { parseShippingConfig, ShippingConfigError, type ShippingConfig } from './shipping.js';
import { checkRestrictions, parseRestrictionRules, type RestrictionRule } from './restrictions.js';
import { dutyRuleFor, REGISTRATIONS, type MerchantTaxSettings } from './duties.js';

/**
 * Everything a merchant configures for the checkout, usually one `checkout.json` beside the
 * catalog: carriers and rates, tax settings, restriction permits, and where orders go.
 */
export interface CheckoutConfig {
  readonly shipping: ShippingConfig;
  readonly taxes: MerchantTaxSettings;
  readonly restrictions: { readonly allow: readonly string[]; readonly extraRules: readonly RestrictionRule[] };
  readonly handoff: HandoffConfig;
  /** Destinations offered (ISO alpha-2); default: every country a shipping service has a zone for. */
  readonly countries?: readonly string[];
}

export interface HandoffConfig {
  /** WhatsApp number in international format, digits only (62812…). */
  readonly whatsapp?: string;
  readonly email?: string;
  /** https URL with {amount}, {currency} and {reference} placeholders (e.g. a payment link). */
  readonly paymentLink?: string;
}

export class CheckoutConfigError extends Error {
  override readonly name = 'CheckoutConfigError';
}

const country = v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'expected a 2-letter ISO country code'));

const handoffSchema = v.object({
  whatsapp: v.optional(v.pipe(v.string(), v.transform((s) => s.replace(/[\s+()-]/g, '')), v.regex(/^[1-9]\d{7,14}$/, 'expected an international phone number, digits only, e.g. 6281234567890'))),
  email: v.optional(v.pipe(v.string(), v.trim(), v.email('expected an email address'))),
  paymentLink: v.optional(v.pipe(v.string(), v.url('expected a URL'), v.startsWith('https://', 'expected an https:// URL'))),
});

const topSchema = v.object({
  shipping: v.unknown(),
  taxes: v.optional(
    v.object({
      incoterm: v.optional(v.picklist(['DAP', 'DDP'])),
      registrations: v.optional(v.array(v.picklist(REGISTRATIONS as unknown as [string, ...string[]]))),
      claimPreferentialOrigin: v.optional(v.boolean()),
      overrides: v.optional(v.array(v.unknown())),
    }),
  ),
  restrictions: v.optional(v.object({ allow: v.optional(v.array(v.string())), extraRules: v.optional(v.array(v.unknown())) })),
  handoff: v.optional(handoffSchema),
  countries: v.optional(v.array(country)),
});

/** Validates a checkout configuration; every problem is named by its path. */
export function parseCheckoutConfig(data: unknown, overrides: { handoff?: HandoffConfig } = {}): CheckoutConfig {
  const result = v.safeParse(topSchema, data);
  if (!result.success) {
    throw new CheckoutConfigError(
      `Checkout configuration is invalid:\n${result.issues.map((i) => `  ${v.getDotPath(i) ?? 'checkout'}: ${i.message}`).join('\n')}`,
    );
  }
  const raw = result.output;
  let shipping: ShippingConfig;
  try {
    shipping = parseShippingConfig(raw.shipping);
  } catch (e) {
    if (e instanceof ShippingConfigError) throw new CheckoutConfigError(`In checkout.shipping: ${e.message}`);
    throw e;
  }
  const handoff = v.safeParse(handoffSchema, { ...raw.handoff, ...overrides.handoff });
  if (!handoff.success) {
    throw new CheckoutConfigError(`Order hand-off settings are invalid: ${handoff.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ')}`);
  }
  const taxes = (raw.taxes ?? {}) as MerchantTaxSettings;
  const restrictions = {
    allow: raw.restrictions?.allow ?? [],
    extraRules: raw.restrictions?.extraRules ? parseRestrictionRules(raw.restrictions.extraRules) : [],
  };
  // Mistakes that would otherwise surface only when a quote is built, mid-checkout.
  try {
    dutyRuleFor('DE', taxes);
    checkRestrictions([], 'SG', restrictions);
  } catch (e) {
    throw new CheckoutConfigError(`Checkout configuration is invalid: ${(e as Error).message}`);
  }
  return {
    shipping,
    taxes,
    restrictions,
    handoff: handoff.output,
    ...(raw.countries ? { countries: raw.countries } : {}),
  };
}

/** Destinations the checkout offers: the configured list, else every country with a zone. */
export function destinationCountries(config: CheckoutConfig): string[] {
  if (config.countries) return [...config.countries];
  const set = new Set<string>();
  for (const service of config.shipping.services) for (const zone of service.zones) for (const c of zone.countries) set.add(c);
  return [...set].sort();
}
