/**
 * Import duties and taxes a buyer abroad can expect on a parcel from Indonesia: an estimate,
 * line by line, with who collects each line and on what basis (docs/duties-and-taxes.md).
 *
 * Every number and date is data (data/duties.json), never code; merchants can replace a
 * country's rule with their own. Money is exact: thresholds are compared in the threshold's own
 * currency from exact rates, each line is computed in rupiah from exact ratios and rounded half-up
 * once, and every total is the sum of the rounded lines it shows.
 */
import {
  add,
  convertIdr,
  crossRate,
  currencyForRegion,
  mul,
  parseDecimal,
  ratio,
  requireCurrency,
  roundRatio,
  type Money,
  type Ratio,
} from '../money/index.js';
import type { RateSet } from '../rates/index.js';
import { message, type Message } from '../util/message.js';
import {
  checkOverlaps,
  deepFreeze,
  DutyRuleError,
  parseDutyRule,
  parseDutyRulesFile,
  REGISTRATIONS,
  SUBDIVISION_PATTERN,
  type DutyBand,
  type DutyRule,
  type DutySource,
  type Registration,
} from './duties-schema.js';
import { bandName, dutyLabel, inSentence, registerShippedTexts, ruleText, vatLabel } from './duties-wording.js';
import { addCountryDataPart, countryDataLoader } from './country-data-loader.js';

export { DutyRuleError, REGISTRATIONS, SUBDIVISION_PATTERN, type DutyBand, type DutyRule, type DutySource, type Registration };
export { DUTY_CODES, dutyRuleTexts, type DutyCode } from './duties-wording.js';

/** What the estimate needs of a parcel item: a structural subset of ParcelItem (items.ts). */
export interface DutyItem {
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceIdr: number;
  readonly hsCode?: string;
  readonly category?: string;
  readonly tags: readonly string[];
}

export type Regime = 'nothing-due' | 'collected-at-checkout' | 'due-on-arrival' | 'not-allowed';

export interface MerchantTaxSettings {
  /** Who pays import charges: the buyer on delivery (DAP, default) or the merchant (DDP). */
  readonly incoterm?: 'DAP' | 'DDP';
  /** Schemes the merchant is registered in (a typical UMKM: none). */
  readonly registrations?: readonly Registration[];
  /** Claim FTA rates (IA-CEPA, ATIGA, IJEPA, IK-CEPA, RCEP) for Indonesian-origin goods. Default false. */
  readonly claimPreferentialOrigin?: boolean;
  /**
   * Rule objects replacing the shipped rule for their countries (validated: DutyRuleError). An
   * override with `"extends": "<shipped id>"` names only what changes (a rate, a threshold, a
   * date): it is the shipped rule with those fields replaced (objects merged, arrays replaced).
   */
  readonly overrides?: readonly unknown[];
}

export interface TaxLine {
  readonly kind: 'duty' | 'vat' | 'gst' | 'sales-tax' | 'consumption-tax' | 'flat-duty' | 'processing-fee';
  /**
   * `rules.duties.line.*`: "Import VAT (DE, 19 %)", "Customs duty (HS 6205, 12 %)",
   * "EU flat duty €3 × 2 tariff subheadings" (docs/duties-and-taxes.md lists the codes).
   */
  readonly label: Message;
  /** As the data says (19, 12); absent for flat amounts. */
  readonly ratePercent?: number;
  /** The value the rate applies to, in whole rupiah (for flat amounts: the goods' value). */
  readonly basisIdr: number;
  /** `rules.duties.basis.*`: "goods + shipping (CIF)", "goods only (FOB)", "CIF + duty". */
  readonly basis: Message;
  /** Whole rupiah, rounded half-up once. */
  readonly amountIdr: number;
  /** `amountIdr` in the destination's currency (no markup). */
  readonly amount: Money;
  /** seller = at checkout (registered scheme); carrier = on arrival. */
  readonly collectedBy: 'seller' | 'carrier';
  /** Which rule and which part of it the line comes from, and its sources (for `mendunia quote`). */
  readonly from: LineOrigin;
}

export interface LineOrigin {
  /** The rule's id (`eu`, `ca`); absent for a merchant's override without one. */
  readonly ruleId?: string;
  /** True when the rule is the merchant's (an override in checkout.json). */
  readonly override: boolean;
  /** The part of the rule: `duty`, `duty.additional.3`, `below.flatDuty`, `vat`, `vat.subdivisions.0`, `above.fees.1`. */
  readonly field: string;
  /** That part's own source when it has one, else the rule's sources. */
  readonly source: readonly DutySource[];
}

export interface LandedCostInput {
  readonly items: readonly DutyItem[];
  /** International shipping charged to the buyer, whole rupiah. */
  readonly shippingIdr: number;
  readonly insuranceIdr?: number;
  /** ISO 3166-1 alpha-2. */
  readonly destination: string;
  /**
   * The buyer's subdivision, ISO 3166-2 ("CA-ON"), where the destination's taxes depend on it.
   * Without it such a destination's estimate says which range applies.
   */
  readonly subdivision?: string;
  readonly rates: RateSet;
  readonly merchant?: MerchantTaxSettings;
  /** Which dated rules apply (compared as a UTC calendar day). Default: now. */
  readonly now?: Date;
}

export interface LandedCost {
  readonly destination: string;
  /** The destination's currency. */
  readonly currency: string;
  readonly regime: Regime;
  readonly incoterm: 'DAP' | 'DDP';
  readonly goodsIdr: number;
  readonly shippingIdr: number;
  readonly threshold?: {
    readonly amount: Money;
    readonly basis: 'goods' | 'goods+shipping';
    readonly consignmentValue: Money;
    readonly below: boolean;
  };
  readonly lines: readonly TaxLine[];
  /** The subdivision the rates are for, when one was given ("CA-ON"). */
  readonly subdivision?: string;
  /**
   * Set when the tax depends on the buyer's subdivision and none was given: the lines use the
   * lowest rate, and the explanation says the range (`rules.duties.subdivision.range`).
   */
  readonly subdivisionRange?: { readonly minPercent: number; readonly maxPercent: number; readonly highIdr: number };
  /** Seller-collected lines, plus under DDP the carrier lines too (the merchant pays them). */
  readonly atCheckoutIdr: number;
  /** Carrier lines under DAP (0 under DDP). */
  readonly onDeliveryIdr: number;
  /** "plus the carrier's handling fee, typically …" when something is due on arrival. */
  readonly handlingFeeNote?: Message;
  /** Short sentences a buyer can read, in order (`rules.duties.*` and the rule's own texts). */
  readonly explanation: readonly Message[];
  readonly rule: {
    readonly country: string;
    /** The shipped rule's id (`eu`), absent for a merchant's override without one and for no rule. */
    readonly id?: string;
    readonly source: readonly { name: string; url?: string; date: string }[];
    readonly effective: string;
    readonly verify?: boolean;
    /** True when the rule is the merchant's own (checkout.json `taxes.overrides`). */
    readonly override?: boolean;
  };
}

/** The rate set cannot convert rupiah into a currency the estimate needs; the message says which. */
export class MissingDutyRateError extends Error {
  override readonly name = 'MissingDutyRateError';
  readonly currency: string;

  constructor(currency: string, rates: RateSet, purpose: string) {
    super(`No exchange rate from IDR to ${currency} in ${rates.source} (${rates.date}): needed for ${purpose}`);
    this.currency = currency;
  }
}

/**
 * The shipped rules registered so far (frozen; a new array after each registration): every
 * rule of data/duties.json in Node and ESM builds (./data/all.ts registers them), the rules of
 * the countries loaded so far in the script tag (each country's file carries its rules).
 */
// A live binding: the registry's current table (importers see each new one).
export let DUTY_RULES: readonly DutyRule[] = Object.freeze([]);

/** The shipped rule data (as written) for an id, for overrides that extend it. */
const shippedData = new Map<string, unknown>();
/** Bumped by each registration: overrides parsed before it are parsed again (an `extends` may now resolve). */
let generation = 0;

/**
 * Registers shipped rules, in the shape of data/duties.json (`{ version: 1, updated, rules }`),
 * validated as that file is (DutyRuleError naming the field). A rule with the id of one already
 * registered replaces it (the EU's rule comes with each EU country's file); two rules must not
 * cover one country on the same dates.
 */
export function registerDutyRules(file: unknown, source = 'duty rules'): void {
  const rules = parseDutyRulesFile(file, source).rules;
  const byId = new Map<string, DutyRule>();
  const anonymous: DutyRule[] = [];
  for (const rule of [...DUTY_RULES, ...rules]) {
    if (rule.id === undefined) anonymous.push(rule);
    else byId.set(rule.id, rule);
  }
  const next = [...byId.values(), ...anonymous];
  checkOverlaps(next, source);
  registerShippedTexts(rules);
  for (const raw of (file as { rules: Record<string, unknown>[] }).rules) if (typeof raw['id'] === 'string') shippedData.set(raw['id'], raw);
  DUTY_RULES = Object.freeze(next);
  generation++;
}

addCountryDataPart((file, source) => {
  if (file['duties'] !== undefined) registerDutyRules(file['duties'], `${source}: duties`);
});

const IDR = requireCurrency('IDR');
const ZERO = ratio(0n);

function dayOf(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('now: expected a valid Date');
  return now.toISOString().slice(0, 10);
}

const inForce = (from: string, until: string | undefined, day: string): boolean => from <= day && (until === undefined || day < until);

const parsedOverrides = new WeakMap<readonly unknown[], { readonly generation: number; readonly rules: readonly DutyRule[] }>();

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `base` with `patch` on top: objects merged key by key, anything else (arrays too) replaced. A
 * `source` is replaced whole: a new document must not keep the old one's URL.
 */
function merged(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = key in base && key !== 'source' ? merged(base[key], value) : value;
  return out;
}

/** An override as a full rule: `extends` resolved against the shipped data, then validated. */
function parseOverride(raw: unknown, at: string): DutyRule | undefined {
  if (isRecord(raw) && 'extends' in raw) {
    const { extends: id, ...patch } = raw;
    const base = typeof id === 'string' ? shippedData.get(id) : undefined;
    if (base === undefined) {
      // The script tag: the rule it extends comes with its countries' file, not loaded yet, and
      // until then it applies to none of the countries loaded (`mendunia check` checks it whole).
      if (countryDataLoader() && typeof id === 'string') return undefined;
      throw new DutyRuleError(`${at}.extends: expected the id of a shipped rule (${[...shippedData.keys()].join(', ')})`, `${at}.extends`);
    }
    // The country fields go together: an override for one EU country writes `country` only.
    const start = 'country' in patch || 'countries' in patch ? (({ country: _c, countries: _cs, ...rest }) => rest)(base as Record<string, unknown>) : base;
    return parseDutyRule(merged(start, patch), at);
  }
  return parseDutyRule(raw, at);
}

const overrideRules = new WeakSet<DutyRule>();

function overridesOf(list: readonly unknown[]): readonly DutyRule[] {
  const known = parsedOverrides.get(list);
  if (known?.generation === generation) return known.rules;
  if (!Array.isArray(list)) throw new DutyRuleError('overrides: expected an array', 'overrides');
  const parsed = list.map((raw, index) => parseOverride(raw, `overrides[${index}]`));
  const rules = Object.freeze(parsed.filter((rule): rule is DutyRule => rule !== undefined));
  for (const rule of rules) overrideRules.add(rule);
  // Numbered as written when every override could be read (always, where every rule is registered).
  checkOverlaps(rules, 'merchant overrides', rules.length === parsed.length ? 'overrides' : 'overrides (those loaded)');
  parsedOverrides.set(list, { generation, rules });
  return rules;
}

const resolved = new WeakMap<DutyRule, Map<string, DutyRule>>();

/** The rule narrowed to one country: `countries: [code]` and its own VAT rate. */
function narrow(rule: DutyRule, code: string): DutyRule {
  if (rule.countries.length === 1 && !rule.vat?.percentByCountry) return rule;
  let byCountry = resolved.get(rule);
  if (!byCountry) resolved.set(rule, (byCountry = new Map()));
  let one = byCountry.get(code);
  if (!one) {
    let vat = rule.vat;
    if (vat) {
      const { percentByCountry, ...rest } = vat;
      const percent = percentByCountry?.[code] ?? rest.percent;
      vat = Object.freeze(percent === undefined ? rest : { ...rest, percent });
    }
    one = Object.freeze({ ...rule, countries: Object.freeze([code]), ...(vat && { vat }) }) as DutyRule;
    if (overrideRules.has(rule)) overrideRules.add(one);
    byCountry.set(code, one);
  }
  return one;
}

/**
 * The rule that applies to `country` on `now`: the merchant's override for that country when one
 * is in force that day, else the shipped rule; a variant for a registration the merchant holds wins over the
 * general rule. Undefined for a destination with no rule (estimateLandedCost still answers).
 * Throws DutyRuleError when an override is invalid.
 */
export function dutyRuleFor(country: string, merchant?: MerchantTaxSettings, now: Date = new Date()): DutyRule | undefined {
  const code = country.trim().toUpperCase();
  const day = dayOf(now);
  const overrides = merchant?.overrides ? overridesOf(merchant.overrides) : [];
  const inForceFor = (pool: readonly DutyRule[]) =>
    pool.filter((rule) => rule.countries.includes(code) && inForce(rule.effective, rule.until, day));
  // An override replaces the shipped rule on the days it is in force.
  const overridden = inForceFor(overrides);
  const live = overridden.length > 0 ? overridden : inForceFor(DUTY_RULES);
  const held = new Set(merchant?.registrations ?? []);
  const latest = (rules: DutyRule[]) => rules.sort((a, b) => (a.effective < b.effective ? 1 : -1))[0];
  const chosen =
    latest(live.filter((rule) => rule.whenRegistered !== undefined && held.has(rule.whenRegistered))) ??
    latest(live.filter((rule) => rule.whenRegistered === undefined));
  return chosen && narrow(chosen, code);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic helpers (exact until a line is rounded).

const lessOrEqual = (a: Ratio, b: Ratio): boolean => a.n * b.d <= b.n * a.d;
const equal = (a: Ratio, b: Ratio): boolean => a.n === b.n && a.d === b.d;
const pct = (percent: number): Ratio => mul(parseDecimal(percent), ratio(1n, 100n));
const int = (value: number): Ratio => ratio(BigInt(value));
const roundIdr = (value: Ratio): number => roundRatio(value, { type: 'none' }, IDR);
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function checkIdr(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field}: expected whole rupiah (an integer of 0 or more), got ${String(value)}`);
  }
  return value;
}

/** "IDR per unit" conversions for one estimate, failing with the currency and the reason. */
class Converter {
  constructor(private readonly rates: RateSet) {}

  private rate(currency: string, purpose: string): Ratio {
    const rate = crossRate(this.rates, 'IDR', currency);
    if (!rate) throw new MissingDutyRateError(currency, this.rates, purpose);
    return rate;
  }

  /** An exact rupiah value in minor units of `currency`, rounded half-up once. */
  money(idr: Ratio, currency: string, purpose: string): Money {
    const info = requireCurrency(currency);
    const minor = mul(mul(idr, this.rate(currency, purpose)), ratio(10n ** BigInt(info.digits)));
    return { amount: roundRatio(minor, { type: 'none' }, info), currency };
  }

  /** An exact rupiah value in major units of `currency` (for comparisons). */
  major(idr: Ratio, currency: string, purpose: string): Ratio {
    return mul(idr, this.rate(currency, purpose));
  }

  /** An exact amount of `currency` (major units) in exact rupiah. */
  idr(amount: Ratio, currency: string, purpose: string): Ratio {
    const rate = this.rate(currency, purpose);
    return mul(amount, ratio(rate.d, rate.n));
  }

  line(amountIdr: number, currency: string, purpose: string): Money {
    this.rate(currency, purpose);
    return convertIdr(amountIdr, currency, this.rates);
  }
}

/** Minor units of a decimal amount that the schema checked fits the currency. */
function minorOf(amount: string, currency: string): Money {
  const info = requireCurrency(currency);
  const minor = mul(parseDecimal(amount), ratio(10n ** BigInt(info.digits)));
  return { amount: Number(minor.n / minor.d), currency };
}

// ---------------------------------------------------------------------------------------------
// Lines.

interface PricedItem {
  readonly item: DutyItem;
  /** The HS code, digits only ('' when the item has none). */
  readonly digits: string;
  /** Goods value after valuation, and with its share of shipping and insurance for CIF. */
  readonly fob: Ratio;
  readonly cif: Ratio;
}

function longestPrefix(digits: string, table: Readonly<Record<string, number>>): string | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(table)) {
    if (digits.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best;
}

const hsLabel = (prefix: string) => `HS ${prefix.length > 4 ? `${prefix.slice(0, 4)}.${prefix.slice(4)}` : prefix}`;

const valued = (rule: DutyRule): boolean => rule.valuationPercent !== undefined && rule.valuationPercent !== 100;

function basisOf(kind: string, rule: DutyRule, insuranceIdr: number): Message {
  const goods = valued(rule)
    ? message('rules.duties.basis.valuedGoods', { percent: rule.valuationPercent! })
    : message('rules.duties.basis.goods');
  const freight = message(insuranceIdr > 0 ? 'rules.duties.basis.shippingInsurance' : 'rules.duties.basis.shipping');
  switch (kind) {
    case 'goods':
      return message('rules.duties.basis.goodsOnly', { goods });
    case 'FOB':
      return message('rules.duties.basis.fob', { goods });
    case 'goods+shipping':
      return message('rules.duties.basis.goodsShipping', { goods, freight });
    case 'CIF':
      return message('rules.duties.basis.cif', { goods, freight });
    case 'CIF+duty':
      return message('rules.duties.basis.cifDuty');
    default:
      return message('rules.duties.basis.fobDuty', { goods });
  }
}

interface Built {
  readonly lines: TaxLine[];
  readonly sentences: Message[];
  readonly verify: boolean;
  readonly subdivisionRange?: LandedCost['subdivisionRange'];
  /** The name of the tax charged on import, where it depends on the buyer's subdivision (HST in Ontario). */
  readonly taxLabel?: Message;
}

interface VatRate {
  readonly percent: number;
  readonly label: Message;
  readonly field: string;
  readonly source?: DutySource;
}

/**
 * The VAT/GST rate for the buyer's subdivision (or the band's own rate), and when the rate depends
 * on a subdivision that was not given, every rate that may apply (lowest first).
 */
function vatRates(rule: DutyRule, band: DutyBand, subdivision: string | undefined): { rate: VatRate; range?: readonly VatRate[] } {
  const vat = rule.vat!;
  const where = bandName(rule, band);
  const own: VatRate = band.vatPercent !== undefined
    ? { percent: band.vatPercent, label: vatLabel(rule)!, field: `${where}.vatPercent` }
    : { percent: vat.percent ?? 0, label: vatLabel(rule)!, field: 'vat', ...(vat.source && { source: vat.source }) };
  const entries = band.vatPercent === undefined ? (vat.subdivisions ?? []) : [];
  if (entries.length === 0) return { rate: own };
  const rateOf = (index: number): VatRate => {
    const entry = entries[index]!;
    return {
      percent: entry.percent,
      label: entry.label !== undefined ? ruleText(rule, `vat.subdivisions.${index}.label`, entry.label) : own.label,
      field: `vat.subdivisions.${index}`,
      ...((entry.source ?? vat.source) && { source: entry.source ?? vat.source }),
    };
  };
  if (subdivision !== undefined) {
    const index = entries.findIndex((entry) => entry.codes.includes(subdivision));
    return { rate: index >= 0 ? rateOf(index) : own };
  }
  const all = [own, ...entries.map((_, index) => rateOf(index))].sort((a, b) => a.percent - b.percent);
  return { rate: all[0]!, range: all };
}

interface Context {
  readonly rule: DutyRule;
  readonly band: DutyBand;
  readonly day: string;
  readonly priced: readonly PricedItem[];
  readonly goods: Ratio;
  readonly shippingIdr: number;
  readonly insuranceIdr: number;
  readonly currency: string;
  readonly convert: Converter;
  readonly registered: boolean;
  readonly preferential: boolean;
  readonly subdivision?: string;
  readonly override: boolean;
}

function buildLines(ctx: Context): Built {
  const { rule, band, priced, currency, convert } = ctx;
  const lines: TaxLine[] = [];
  const sentences: Message[] = [];
  const where = bandName(rule, band);
  let verify = Boolean(band.verify);
  const purpose = `the import charges in ${rule.name}`;
  const push = (line: Omit<TaxLine, 'amount'>, amount?: Money) =>
    lines.push({ ...line, amount: amount ?? convert.line(line.amountIdr, currency, purpose) });
  const from = (field: string, own?: DutySource): LineOrigin => ({
    ...(rule.id !== undefined && { ruleId: rule.id }),
    override: ctx.override,
    field,
    source: own ? [own] : rule.source,
  });
  let subdivisionRange: LandedCost['subdivisionRange'];
  let taxLabel: Message | undefined;

  const dutyCollector: 'seller' | 'carrier' = ctx.registered && band.collection.includesDuty ? 'seller' : 'carrier';
  const duty = band.duty ? rule.duty : undefined;
  if (duty) {
    verify ||= Boolean(duty.verify);
    const preferential = ctx.preferential ? duty.preferential : undefined;
    verify ||= Boolean(preferential?.verify);
    const table = preferential ? preferential.byHs : duty.byHs;
    const fallback = preferential ? preferential.percent : duty.percent;
    const groups = new Map<string, { prefix?: string; percent: number; basis: Ratio }>();
    let unknownHs = 0;
    for (const p of priced) {
      const prefix = longestPrefix(p.digits, table);
      const percent = prefix !== undefined ? table[prefix]! : fallback;
      if (p.digits === '') unknownHs += 1;
      // Shown as the item's heading, or the longer code the rate came from ("HS 6205", "HS 0901.21").
      const matched = longestPrefix(p.digits, duty.byHs) ?? prefix ?? '';
      const shown = p.digits.length >= 4 ? p.digits.slice(0, Math.max(4, matched.length)) : matched || undefined;
      const key = `${shown ?? '*'}|${percent}`;
      const group = groups.get(key) ?? { ...(shown !== undefined && { prefix: shown }), percent, basis: ZERO };
      group.basis = add(group.basis, duty.basis === 'CIF' ? p.cif : p.fob);
      groups.set(key, group);
    }
    const label = dutyLabel(rule);
    for (const group of groups.values()) {
      const goods = group.prefix !== undefined ? hsLabel(group.prefix) : message('rules.duties.line.otherGoods');
      push({
        kind: 'duty',
        label: preferential
          ? message('rules.duties.line.dutyPreferential', { label, goods, percent: group.percent, agreement: preferential.agreement })
          : message('rules.duties.line.duty', { label, goods, percent: group.percent }),
        ratePercent: group.percent,
        basisIdr: roundIdr(group.basis),
        basis: basisOf(duty.basis, rule, ctx.insuranceIdr),
        amountIdr: roundIdr(mul(group.basis, pct(group.percent))),
        collectedBy: dutyCollector,
        from: from(preferential ? 'duty.preferential' : 'duty', duty.source),
      });
    }
    if (preferential) sentences.push(message('rules.duties.preferential', { agreement: preferential.agreement }));
    if (unknownHs > 0) sentences.push(message('rules.duties.noHsCode', { count: unknownHs }));
    for (const [index, layer] of duty.additional.entries()) {
      if (!inForce(layer.from, layer.until, ctx.day)) continue;
      verify ||= Boolean(layer.verify);
      const except = layer.exceptHs ?? [];
      const basis = priced
        .filter((p) => !except.some((prefix) => p.digits.startsWith(prefix)))
        .reduce((total, p) => add(total, duty.basis === 'CIF' ? p.cif : p.fob), ZERO);
      if (basis.n === 0n) continue;
      push({
        kind: 'duty',
        label: message('rules.duties.line.rated', {
          label: ruleText(rule, `duty.additional.${index}.label`, layer.label),
          percent: layer.percent,
        }),
        ratePercent: layer.percent,
        basisIdr: roundIdr(basis),
        basis: basisOf(duty.basis, rule, ctx.insuranceIdr),
        amountIdr: roundIdr(mul(basis, pct(layer.percent))),
        collectedBy: dutyCollector,
        from: from(`duty.additional.${index}`, layer.source),
      });
    }
  }

  const goodsIdr = roundIdr(ctx.goods);
  const taxCollector: 'seller' | 'carrier' | undefined = ctx.registered ? 'seller' : band.collection.otherwise === 'carrier' ? 'carrier' : undefined;

  const flat = band.flatDuty;
  if (flat && inForce(flat.from, flat.until, ctx.day) && (flat.appliesTo === 'all' || ctx.registered) && taxCollector) {
    verify ||= Boolean(flat.verify);
    const keys = new Set(priced.map((p) => (p.digits.length >= 6 ? p.digits.slice(0, 6) : `name:${p.item.name}`)));
    const count = keys.size;
    const per = minorOf(flat.perSubheading, rule.currency);
    const amountIdr = roundIdr(convert.idr(mul(parseDecimal(flat.perSubheading), int(count)), rule.currency, purpose));
    push(
      {
        kind: 'flat-duty',
        label: message('rules.duties.line.flat', { label: ruleText(rule, `${where}.flatDuty.label`, flat.label), amount: per, count }),
        basisIdr: goodsIdr,
        basis: message('rules.duties.basis.perSubheading'),
        amountIdr,
        collectedBy: taxCollector,
        from: from(`${where}.flatDuty`, flat.source),
      },
      rule.currency === currency ? { amount: per.amount * count, currency } : undefined,
    );
    sentences.push(message('rules.duties.flatDuty', { place: ruleText(rule, 'name', rule.name), amount: per, kinds: count }));
  }

  // Fees first: one that is part of the VAT base (Saudi customs fees) must be known before VAT.
  const fees = band.fees.map((fee, index) => {
    verify ||= Boolean(fee.verify);
    const money = minorOf(fee.amount, rule.currency);
    return {
      line: {
        kind: 'processing-fee' as const,
        label: message('rules.duties.line.fee', { label: ruleText(rule, `${where}.fees.${index}.label`, fee.label), amount: money }),
        basisIdr: goodsIdr,
        basis: message('rules.duties.basis.perConsignment'),
        amountIdr: roundIdr(convert.idr(parseDecimal(fee.amount), rule.currency, purpose)),
        collectedBy: 'carrier' as const,
        from: from(`${where}.fees.${index}`, fee.source),
      },
      money,
      inVatBase: Boolean(fee.inVatBase),
    };
  });

  const vat = band.vatBasis ? rule.vat : undefined;
  if (vat && band.vatBasis && taxCollector) {
    verify ||= Boolean(vat.verify);
    const dutyIdr = sum(lines.filter((l) => l.kind === 'duty' || l.kind === 'flat-duty').map((l) => l.amountIdr));
    const feesIdr = sum(fees.filter((f) => f.inVatBase).map((f) => f.line.amountIdr));
    const cif = add(ctx.goods, int(ctx.shippingIdr + ctx.insuranceIdr));
    const base =
      band.vatBasis === 'goods'
        ? ctx.goods
        : band.vatBasis === 'FOB+duty'
          ? add(ctx.goods, int(dutyIdr))
          : band.vatBasis === 'CIF+duty'
            ? add(cif, int(dutyIdr))
            : cif;
    const basis = add(base, int(feesIdr));
    const { rate, range } = vatRates(rule, band, ctx.subdivision);
    taxLabel = rate.label;
    const country = rule.countries[0]!;
    const amountIdr = roundIdr(mul(basis, pct(rate.percent)));
    let label = message('rules.duties.line.vat', { label: rate.label, country, percent: rate.percent });
    if (range) {
      const top = range[range.length - 1]!;
      const other = range.find((r) => r.label.code !== rate.label.code);
      label = other
        ? message('rules.duties.line.vatRangeNamed', { label: rate.label, other: other.label, country, min: rate.percent, max: top.percent })
        : message('rules.duties.line.vatRange', { label: rate.label, country, min: rate.percent, max: top.percent });
      const highIdr = roundIdr(mul(basis, pct(top.percent)));
      subdivisionRange = { minPercent: rate.percent, maxPercent: top.percent, highIdr };
      sentences.push(
        message('rules.duties.subdivision.range', {
          tax: inSentence(rate.label),
          country: { region: country },
          min: rate.percent,
          max: top.percent,
          low: convert.line(amountIdr, currency, purpose),
          high: convert.line(highIdr, currency, purpose),
        }),
      );
    }
    push({
      kind: vat.kind,
      label,
      ratePercent: rate.percent,
      basisIdr: roundIdr(basis),
      basis: feesIdr > 0 ? message('rules.duties.basis.withFees', { basis: basisOf(band.vatBasis, rule, ctx.insuranceIdr) }) : basisOf(band.vatBasis, rule, ctx.insuranceIdr),
      amountIdr,
      collectedBy: taxCollector,
      from: from(rate.field, rate.source),
    });
  }

  for (const fee of fees) push(fee.line, rule.currency === currency ? fee.money : undefined);
  return { lines, sentences, verify, ...(subdivisionRange && { subdivisionRange }), ...(taxLabel && { taxLabel }) };
}

// ---------------------------------------------------------------------------------------------
// The estimate.

/** Who collects what, in a sentence or two (the scheme first, then what is charged on import). */
function whoCollects(rule: DutyRule, band: DutyBand, built: Built, registered: boolean, incoterm: 'DAP' | 'DDP'): Message[] {
  const out: Message[] = [];
  const { lines } = built;
  const { scheme, schemeName, otherwise, otherwiseNote } = band.collection;
  // The tax as charged: the subdivision's own name where it has one (HST in Ontario, GST in Alberta).
  const vat = built.taxLabel ?? vatLabel(rule);
  const tax = vat ? inSentence(vat) : message('rules.duties.charge.tax');
  const viaScheme = scheme !== undefined && band.vatBasis !== undefined;
  if (viaScheme) {
    const where = bandName(rule, band);
    const params = { scheme: schemeName ? ruleText(rule, `${where}.collection.schemeName`, schemeName) : scheme, tax };
    if (registered) out.push(message('rules.duties.scheme.registered', params));
    else if (otherwise === 'carrier') out.push(message(incoterm === 'DDP' ? 'rules.duties.scheme.carrierDdp' : 'rules.duties.scheme.carrier', params));
    else {
      out.push(message('rules.duties.scheme.none', params));
      if (otherwiseNote) out.push(ruleText(rule, `${where}.collection.otherwiseNote`, otherwiseNote));
    }
  }
  const label = dutyLabel(rule);
  const duty = label.code === 'rules.duties.customsDuty' ? message('rules.duties.charge.duty') : inSentence(label);
  const charges = new Map<string, Message>();
  for (const line of lines) {
    if (line.amountIdr === 0 || line.collectedBy !== 'carrier') continue;
    if (line.kind === 'duty') charges.set('duty', duty);
    else if (line.kind === 'processing-fee') charges.set('fees', message('rules.duties.charge.fees'));
    else if (!viaScheme) charges.set('tax', tax);
  }
  if (charges.size > 0) out.push(message(incoterm === 'DDP' ? 'rules.duties.chargedDdp' : 'rules.duties.charged', { charges: [...charges.values()] }));
  return out;
}

function checkInput(input: LandedCostInput): { code: string; incoterm: 'DAP' | 'DDP'; subdivision?: string } {
  if (!Array.isArray(input.items)) throw new RangeError('items: expected an array');
  input.items.forEach((item, index) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw new RangeError(`items[${index}].quantity: expected a whole number of at least 1, got ${String(item.quantity)}`);
    }
    checkIdr(item.unitPriceIdr, `items[${index}].unitPriceIdr`);
  });
  checkIdr(input.shippingIdr, 'shippingIdr');
  if (input.insuranceIdr !== undefined) checkIdr(input.insuranceIdr, 'insuranceIdr');
  const code = typeof input.destination === 'string' ? input.destination.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(code)) throw new RangeError(`destination: expected a two-letter country code such as "DE", got ${String(input.destination)}`);
  let subdivision: string | undefined;
  if (input.subdivision !== undefined && input.subdivision !== '') {
    subdivision = typeof input.subdivision === 'string' ? input.subdivision.trim().toUpperCase() : '';
    if (!SUBDIVISION_PATTERN.test(subdivision) || !subdivision.startsWith(`${code}-`)) {
      throw new RangeError(`subdivision: expected an ISO 3166-2 code of ${code} such as "${code}-ON", got ${String(input.subdivision)}`);
    }
  }
  const incoterm = input.merchant?.incoterm ?? 'DAP';
  if (incoterm !== 'DAP' && incoterm !== 'DDP') throw new RangeError(`merchant.incoterm: expected "DAP" or "DDP", got ${String(incoterm)}`);
  for (const registration of input.merchant?.registrations ?? []) {
    if (!(REGISTRATIONS as readonly string[]).includes(registration)) {
      throw new RangeError(`merchant.registrations: unknown scheme "${String(registration)}" (expected one of ${REGISTRATIONS.join(', ')})`);
    }
  }
  return { code, incoterm, ...(subdivision && { subdivision }) };
}

/**
 * Estimates the duties and import taxes on one parcel to `destination`: which lines apply, on
 * what basis, who collects them, and what the buyer pays at checkout and on delivery.
 * Never throws for an unlisted destination (it answers "due-on-arrival" without lines). Throws
 * RangeError for bad input, DutyRuleError for an invalid override, MissingDutyRateError when the
 * rates cannot reach a currency the estimate needs.
 */
export function estimateLandedCost(input: LandedCostInput): LandedCost {
  const { code, incoterm, subdivision } = checkInput(input);
  const now = input.now ?? new Date();
  const day = dayOf(now);
  const merchant = input.merchant;
  const rule = dutyRuleFor(code, merchant, now);
  const override = rule !== undefined && overrideRules.has(rule);
  const goodsIdr = sum(input.items.map((item) => item.quantity * item.unitPriceIdr));
  checkIdr(goodsIdr, 'items (total value)');
  const shippingIdr = input.shippingIdr;
  const insuranceIdr = input.insuranceIdr ?? 0;
  const currency = currencyForRegion(code) ?? rule?.currency ?? 'IDR';
  const base = { destination: code, currency, incoterm, goodsIdr, shippingIdr, ...(subdivision && { subdivision }) };

  if (!rule) {
    return deepFreeze({
      ...base,
      regime: 'due-on-arrival',
      lines: [],
      atCheckoutIdr: 0,
      onDeliveryIdr: 0,
      handlingFeeNote: message('rules.duties.handlingFeeVaries'),
      explanation: [message('rules.duties.unlisted', { country: { region: code } })],
      rule: { country: code, source: [], effective: '', verify: true },
    } satisfies LandedCost);
  }

  const convert = new Converter(input.rates);
  const valuation = rule.valuationPercent === undefined ? ratio(1n) : pct(rule.valuationPercent);
  const goods = mul(int(goodsIdr), valuation);
  const freightIdr = shippingIdr + insuranceIdr;
  const priced: PricedItem[] = input.items.map((item, index) => {
    const lineIdr = item.quantity * item.unitPriceIdr;
    const fob = mul(int(lineIdr), valuation);
    // Freight is shared by value; a parcel of free goods puts it all on the first item.
    const share = goodsIdr > 0 ? ratio(BigInt(freightIdr) * BigInt(lineIdr), BigInt(goodsIdr)) : index === 0 ? int(freightIdr) : ZERO;
    return { item, digits: (item.hsCode ?? '').replace(/\D/g, ''), fob, cif: add(fob, share) };
  });

  const explanation: Message[] = [];
  const place = ruleText(rule, 'name', rule.name);
  // Only said in a developer's error (MissingDutyRateError), so English.
  const possessive = `${rule.name}'s`;
  let threshold: LandedCost['threshold'];
  let below = false;
  const limit = rule.threshold && inForce('0000-01-01', rule.threshold.until, day) ? rule.threshold : undefined;
  if (limit) {
    const valueIdr = limit.basis === 'goods' ? goods : add(goods, int(freightIdr));
    const purpose = `${possessive} ${limit.amount} ${rule.currency} threshold`;
    const value = convert.major(valueIdr, rule.currency, purpose);
    const amount = parseDecimal(limit.amount);
    below = limit.inclusive ? lessOrEqual(value, amount) : !lessOrEqual(amount, value);
    const amountMoney = minorOf(limit.amount, rule.currency);
    const consignmentValue = convert.money(valueIdr, rule.currency, purpose);
    threshold = { amount: amountMoney, basis: limit.basis, consignmentValue, below };
    const shipping = limit.basis !== 'goods';
    const worth = valued(rule)
      ? message(shipping ? 'rules.duties.worth.valuedShipping' : 'rules.duties.worth.valued', {
          amount: consignmentValue,
          percent: rule.valuationPercent!,
        })
      : message(shipping ? 'rules.duties.worth.goodsShipping' : 'rules.duties.worth.goods', { amount: consignmentValue });
    const where = equal(value, amount) ? (below ? 'at' : 'notUnder') : below ? 'under' : 'over';
    explanation.push(message(`rules.duties.threshold.${where}`, { worth, place, limit: amountMoney }));
    if (limit.verify) explanation.push(message('rules.duties.threshold.unconfirmed'));
  } else if (rule.noThresholdNote) {
    explanation.push(ruleText(rule, 'noThresholdNote', rule.noThresholdNote));
  }

  const band = (limit && below ? rule.below : rule.above) ?? rule.above;
  const single = input.items.length === 1 && input.items[0]!.quantity === 1;
  const finish = (regime: Regime, built: Built, extra: readonly Message[]): LandedCost => {
    const seller = sum(built.lines.filter((l) => l.collectedBy === 'seller').map((l) => l.amountIdr));
    const carrier = sum(built.lines.filter((l) => l.collectedBy === 'carrier').map((l) => l.amountIdr));
    const onDeliveryIdr = incoterm === 'DDP' ? 0 : carrier;
    const verify = Boolean(rule.verify || limit?.verify || built.verify);
    return deepFreeze({
      ...base,
      regime,
      ...(threshold && { threshold }),
      lines: built.lines,
      ...(built.subdivisionRange && { subdivisionRange: built.subdivisionRange }),
      atCheckoutIdr: incoterm === 'DDP' ? seller + carrier : seller,
      onDeliveryIdr,
      ...(onDeliveryIdr > 0 && {
        handlingFeeNote: rule.handlingFee
          ? message('rules.duties.handlingFee', { fee: ruleText(rule, 'handlingFee', rule.handlingFee) })
          : message('rules.duties.handlingFeeVaries'),
      }),
      explanation: [...explanation, ...built.sentences, ...extra],
      rule: {
        country: code,
        ...(rule.id !== undefined && { id: rule.id }),
        source: rule.source,
        effective: rule.effective,
        ...(verify && { verify: true }),
        ...(override && { override: true }),
      },
    } satisfies LandedCost);
  };

  if (band.notAllowed && !(band.notAllowed.unlessSingleItem && single)) {
    const reason = ruleText(rule, `${bandName(rule, band)}.notAllowed.reason`, band.notAllowed.reason);
    return finish('not-allowed', { lines: [], sentences: [], verify: Boolean(band.verify) }, [reason]);
  }
  const extra: Message[] = [];
  const allowed = band.notAllowed;
  if (allowed) {
    extra.push(
      allowed.singleItemNote !== undefined
        ? ruleText(rule, `${bandName(rule, band)}.notAllowed.singleItemNote`, allowed.singleItemNote)
        : message('rules.duties.singleItem'),
    );
  }

  const scheme = band.collection.scheme;
  const registered = scheme !== undefined && (merchant?.registrations ?? []).includes(scheme);
  const built = buildLines({
    rule,
    band,
    day,
    priced,
    goods,
    shippingIdr,
    insuranceIdr,
    currency,
    convert,
    registered,
    preferential: Boolean(merchant?.claimPreferentialOrigin),
    ...(subdivision && { subdivision }),
    override,
  });

  if (band.waiveIfTotalAtMost !== undefined && built.lines.length > 0) {
    const total = sum(built.lines.map((l) => l.amountIdr));
    const purpose = `${possessive} ${band.waiveIfTotalAtMost} ${rule.currency} tax waiver`;
    if (lessOrEqual(convert.major(int(total), rule.currency, purpose), parseDecimal(band.waiveIfTotalAtMost))) {
      const waived = convert.money(int(total), rule.currency, purpose);
      const upTo = minorOf(band.waiveIfTotalAtMost, rule.currency);
      return finish('nothing-due', { lines: [], sentences: [], verify: built.verify }, [
        ...extra,
        message('rules.duties.waived', { amount: waived, limit: upTo }),
      ]);
    }
  }

  extra.push(...whoCollects(rule, band, built, registered, incoterm));
  const total = sum(built.lines.map((l) => l.amountIdr));
  const carrierTotal = sum(built.lines.filter((l) => l.collectedBy === 'carrier').map((l) => l.amountIdr));
  let regime: Regime;
  if (total === 0) {
    regime = 'nothing-due';
    extra.push(message('rules.duties.nothingDue'));
  } else if (incoterm === 'DDP' || carrierTotal === 0) {
    regime = 'collected-at-checkout';
    if (incoterm === 'DDP' && carrierTotal > 0) {
      extra.push(message('rules.duties.ddp'));
    }
  } else {
    regime = 'due-on-arrival';
    extra.push(message('rules.duties.onDelivery'));
  }
  if (band.note) extra.push(ruleText(rule, `${bandName(rule, band)}.note`, band.note));
  extra.push(...rule.notes.map((note, index) => ruleText(rule, `notes.${index}`, note)));
  return finish(regime, built, extra);
}
