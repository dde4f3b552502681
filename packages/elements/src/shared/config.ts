import {
  currencyInfo,
  ECB_DAILY_URL,
  ecbRates,
  jsonRates,
  parseDuration,
  parseRoundingRule,
  staticRates,
  type RateSource,
  type RoundingRule,
  type StorefrontConfig,
} from '@mendunia/core';
import { preferredRegions } from './intl.js';

/**
 * The storefront settings a page can write as text: `<mendunia-store>` attributes and the
 * script tag's `data-*` attributes use the same names and the same parsing.
 */
export interface TextConfig {
  readonly catalog?: string;
  readonly rates?: string;
  readonly ratesFormat?: string;
  readonly currency?: string;
  readonly currencies?: string;
  readonly locale?: string;
  readonly markup?: string | number;
  readonly rounding?: string;
  readonly maxRateAge?: string;
  readonly storeId?: string;
  /** Base URL of the shop's Storefront API server. */
  readonly api?: string;
  /** URL of checkout.json (shipping, taxes, hand-off). */
  readonly checkout?: string;
  readonly whatsapp?: string;
  readonly email?: string;
  readonly paymentLink?: string;
  /** Catalog data already parsed (inline JSON). */
  readonly inlineCatalog?: unknown;
  /** Rate table already parsed (inline JSON). */
  readonly inlineRates?: unknown;
}

/** Turns text settings into a storefront config; a bad value is reported and left out. */
export function storefrontConfig(text: TextConfig, baseUrl: string): StorefrontConfig {
  return {
    id: text.storeId || 'default',
    catalog: text.inlineCatalog ?? (text.catalog ? new URL(text.catalog, baseUrl).href : undefined),
    rates: rateSource(text, baseUrl),
    currencies: text.currencies?.split(/[\s,]+/).filter(Boolean),
    defaultCurrency: text.currency && text.currency !== 'auto' ? text.currency : undefined,
    markupPercent: markup(text.markup),
    rounding: rounding(text.rounding),
    maxRateAgeMs: maxAge(text.maxRateAge),
    locale: text.locale,
    preferredRegions: preferredRegions(),
    checkout: text.checkout ? new URL(text.checkout, baseUrl).href : undefined,
    api: text.api ? new URL(text.api, baseUrl).href : undefined,
    handoff: {
      ...(text.whatsapp ? { whatsapp: text.whatsapp } : {}),
      ...(text.email ? { email: text.email } : {}),
      ...(text.paymentLink ? { paymentLink: text.paymentLink } : {}),
    },
  };
}

function rateSource(text: TextConfig, baseUrl: string): RateSource | undefined {
  if (text.inlineRates !== undefined) {
    try {
      return staticRates(text.inlineRates as Parameters<typeof staticRates>[0], 'inline rate table');
    } catch (e) {
      console.error(`Mendunia: ${(e as Error).message}`);
    }
  }
  if (!text.rates) return undefined;
  if (text.rates === 'ecb') return ecbRates(ECB_DAILY_URL);
  const url = new URL(text.rates, baseUrl).href;
  const format = text.ratesFormat ?? (/\.xml($|[?#])/i.test(url) ? 'ecb' : 'json');
  if (format !== 'ecb' && format !== 'json') {
    console.error(`Mendunia: rates format "${format}" is not known; use "json" or "ecb". Reading ${url} as JSON.`);
  }
  return format === 'ecb' ? ecbRates(url) : jsonRates(url);
}

function markup(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0 && n <= 100) return n;
  console.error(`Mendunia: markup "${value}" ignored: expected a percentage between 0 and 100, e.g. 2.5.`);
  return undefined;
}

/** `USD=charm:0.99 JPY=nearest:10` → rules per currency. */
function rounding(value: string | undefined): Record<string, RoundingRule> | undefined {
  if (!value) return undefined;
  const rules: Record<string, RoundingRule> = {};
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const [code, rule] = entry.split('=');
    const info = currencyInfo(code?.toUpperCase() ?? '');
    try {
      if (!info || !rule) throw new Error('expected CODE=rule, e.g. USD=charm:0.99');
      rules[info.code] = parseRoundingRule(rule, info);
    } catch (e) {
      console.error(`Mendunia: rounding "${entry}" ignored: ${(e as Error).message}`);
    }
  }
  return rules;
}

function maxAge(value: string | undefined): number | undefined {
  if (!value) return undefined;
  try {
    return parseDuration(value);
  } catch (e) {
    console.error(`Mendunia: max-rate-age "${value}" ignored: ${(e as Error).message}`);
    return undefined;
  }
}
