/**
 * Import duties and taxes a buyer abroad can expect on a parcel from Indonesia: an estimate,
 * line by line, with who collects each line and on what basis (docs/duties-and-taxes.md).
 *
 * Every number and date is data (data/duties.json), never code; merchants can replace a
 * country's rule with their own. Money is exact: thresholds are compared in the threshold's own
 * currency from exact rates, each line is computed in rupiah from exact ratios and rounded half-up
 * once, and every total is the sum of the rounded lines it shows.
 */
import data from './data/duties.json';
import {
  add,
  convertIdr,
  crossRate,
  currencyForRegion,
  formatMoney,
  mul,
  parseDecimal,
  ratio,
  requireCurrency,
  roundRatio,
  type Money,
  type Ratio,
} from '../money/index.js';
import type { RateSet } from '../rates/index.js';
import {
  checkOverlaps,
  deepFreeze,
  DutyRuleError,
  parseDutyRule,
  parseDutyRulesFile,
  REGISTRATIONS,
  type DutyBand,
  type DutyRule,
  type Registration,
} from './duties-schema.js';

export { DutyRuleError, REGISTRATIONS, type DutyBand, type DutyRule, type Registration };

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
  /** Rule objects replacing the shipped rule for their countries (validated: DutyRuleError). */
  readonly overrides?: readonly unknown[];
}

export interface TaxLine {
  readonly kind: 'duty' | 'vat' | 'gst' | 'sales-tax' | 'consumption-tax' | 'flat-duty' | 'processing-fee';
  /** "Import VAT (DE, 19 %)", "Customs duty (HS 6205, 12 %)", "EU flat duty €3 × 2 tariff subheadings". */
  readonly label: string;
  /** As the data says (19, 12); absent for flat amounts. */
  readonly ratePercent?: number;
  /** The value the rate applies to, in whole rupiah (for flat amounts: the goods' value). */
  readonly basisIdr: number;
  /** "goods + shipping (CIF)", "goods only (FOB)", "CIF + duty". */
  readonly basis: string;
  /** Whole rupiah, rounded half-up once. */
  readonly amountIdr: number;
  /** `amountIdr` in the destination's currency (no markup). */
  readonly amount: Money;
  /** seller = at checkout (registered scheme); carrier = on arrival. */
  readonly collectedBy: 'seller' | 'carrier';
}

export interface LandedCostInput {
  readonly items: readonly DutyItem[];
  /** International shipping charged to the buyer, whole rupiah. */
  readonly shippingIdr: number;
  readonly insuranceIdr?: number;
  /** ISO 3166-1 alpha-2. */
  readonly destination: string;
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
  /** Seller-collected lines, plus under DDP the carrier lines too (the merchant pays them). */
  readonly atCheckoutIdr: number;
  /** Carrier lines under DAP (0 under DDP). */
  readonly onDeliveryIdr: number;
  /** "plus the carrier's handling fee, typically …" when something is due on arrival. */
  readonly handlingFeeNote?: string;
  /** Short English sentences a buyer can read, in order. */
  readonly explanation: readonly string[];
  readonly rule: {
    readonly country: string;
    readonly source: readonly { name: string; url?: string; date: string }[];
    readonly effective: string;
    readonly verify?: boolean;
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

/** The shipped rule table, validated when this module loads. */
export const DUTY_RULES: readonly DutyRule[] = parseDutyRulesFile(data, 'checkout/data/duties.json').rules;

const IDR = requireCurrency('IDR');
const ZERO = ratio(0n);

function dayOf(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('now: expected a valid Date');
  return now.toISOString().slice(0, 10);
}

const inForce = (from: string, until: string | undefined, day: string): boolean => from <= day && (until === undefined || day < until);

const parsedOverrides = new WeakMap<readonly unknown[], readonly DutyRule[]>();

function overridesOf(list: readonly unknown[]): readonly DutyRule[] {
  let rules = parsedOverrides.get(list);
  if (!rules) {
    if (!Array.isArray(list)) throw new DutyRuleError('overrides: expected an array', 'overrides');
    rules = Object.freeze(list.map((raw, index) => parseDutyRule(raw, `overrides[${index}]`)));
    checkOverlaps(rules, 'merchant overrides', 'overrides');
    parsedOverrides.set(list, rules);
  }
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

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Money formatting for sentences: "€62.10", and whole amounts without decimals ("€150"). */
function say(money: Money, whole = false): string {
  const text = formatMoney(money, 'en');
  return whole ? text.replace(/\.0+(?!\d)/, '') : text;
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

function valuedPrefix(rule: DutyRule): string {
  return rule.valuationPercent !== undefined && rule.valuationPercent !== 100 ? `${rule.valuationPercent} % of ` : '';
}

function basisText(kind: string, rule: DutyRule, insuranceIdr: number): string {
  const goods = `${valuedPrefix(rule)}goods`;
  const freight = insuranceIdr > 0 ? ' + shipping + insurance' : ' + shipping';
  switch (kind) {
    case 'goods':
      return `${goods} only`;
    case 'FOB':
      return `${goods} only (FOB)`;
    case 'goods+shipping':
      return `${goods}${freight}`;
    case 'CIF':
      return `${goods}${freight} (CIF)`;
    case 'CIF+duty':
      return 'CIF + duty';
    default:
      return `${goods} + duty (FOB + duty)`;
  }
}

interface Built {
  readonly lines: TaxLine[];
  readonly sentences: string[];
  readonly verify: boolean;
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
}

function buildLines(ctx: Context): Built {
  const { rule, band, priced, currency, convert } = ctx;
  const lines: TaxLine[] = [];
  const sentences: string[] = [];
  let verify = Boolean(band.verify);
  const purpose = `the import charges in ${rule.name}`;
  const push = (line: Omit<TaxLine, 'amount'>, amount?: Money) =>
    lines.push({ ...line, amount: amount ?? convert.line(line.amountIdr, currency, purpose) });

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
    const under = preferential ? ` under ${preferential.agreement}` : '';
    for (const group of groups.values()) {
      const what = group.prefix !== undefined ? hsLabel(group.prefix) : 'other goods';
      push({
        kind: 'duty',
        label: `${duty.label} (${what}, ${group.percent} %${under})`,
        ratePercent: group.percent,
        basisIdr: roundIdr(group.basis),
        basis: basisText(duty.basis, rule, ctx.insuranceIdr),
        amountIdr: roundIdr(mul(group.basis, pct(group.percent))),
        collectedBy: 'carrier',
      });
    }
    if (preferential) sentences.push(`Duty is charged at the ${preferential.agreement} rate because the seller claims Indonesian origin.`);
    if (unknownHs > 0) {
      sentences.push(`${unknownHs === 1 ? 'One item has' : `${unknownHs} items have`} no HS code, so the default duty rate is used.`);
    }
    for (const layer of duty.additional) {
      if (!inForce(layer.from, layer.until, ctx.day)) continue;
      verify ||= Boolean(layer.verify);
      const except = layer.exceptHs ?? [];
      const basis = priced
        .filter((p) => !except.some((prefix) => p.digits.startsWith(prefix)))
        .reduce((total, p) => add(total, duty.basis === 'CIF' ? p.cif : p.fob), ZERO);
      if (basis.n === 0n) continue;
      push({
        kind: 'duty',
        label: `${layer.label} (${layer.percent} %)`,
        ratePercent: layer.percent,
        basisIdr: roundIdr(basis),
        basis: basisText(duty.basis, rule, ctx.insuranceIdr),
        amountIdr: roundIdr(mul(basis, pct(layer.percent))),
        collectedBy: 'carrier',
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
        label: `${flat.label} ${say(per, true)} × ${count} tariff subheading${count === 1 ? '' : 's'}`,
        basisIdr: goodsIdr,
        basis: 'per distinct tariff subheading',
        amountIdr,
        collectedBy: taxCollector,
      },
      rule.currency === currency ? { amount: per.amount * count, currency } : undefined,
    );
    sentences.push(
      `${capital(rule.name)} charges a flat ${say(per, true)} duty for each kind of goods (tariff subheading) in a parcel: ${count} here.`,
    );
  }

  const vat = band.vatBasis ? rule.vat : undefined;
  if (vat && band.vatBasis && taxCollector) {
    verify ||= Boolean(vat.verify);
    const percent = vat.percent ?? 0;
    const dutyIdr = sum(lines.filter((l) => l.kind === 'duty' || l.kind === 'flat-duty').map((l) => l.amountIdr));
    const cif = add(ctx.goods, int(ctx.shippingIdr + ctx.insuranceIdr));
    const basis =
      band.vatBasis === 'goods'
        ? ctx.goods
        : band.vatBasis === 'FOB+duty'
          ? add(ctx.goods, int(dutyIdr))
          : band.vatBasis === 'CIF+duty'
            ? add(cif, int(dutyIdr))
            : cif;
    push({
      kind: vat.kind,
      label: `${vat.label} (${rule.countries[0]}, ${percent} %)`,
      ratePercent: percent,
      basisIdr: roundIdr(basis),
      basis: basisText(band.vatBasis, rule, ctx.insuranceIdr),
      amountIdr: roundIdr(mul(basis, pct(percent))),
      collectedBy: taxCollector,
    });
  }

  for (const fee of band.fees) {
    verify ||= Boolean(fee.verify);
    const money = minorOf(fee.amount, rule.currency);
    push(
      {
        kind: 'processing-fee',
        label: `${fee.label} (${say(money, true)})`,
        basisIdr: goodsIdr,
        basis: 'per consignment',
        amountIdr: roundIdr(convert.idr(parseDecimal(fee.amount), rule.currency, purpose)),
        collectedBy: 'carrier',
      },
      rule.currency === currency ? money : undefined,
    );
  }
  return { lines, sentences, verify };
}

// ---------------------------------------------------------------------------------------------
// The estimate.

const lowerLabel = (label: string) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Who collects what, in a sentence or two (the scheme first, then what is charged on import). */
function whoCollects(rule: DutyRule, band: DutyBand, lines: readonly TaxLine[], registered: boolean, incoterm: 'DAP' | 'DDP'): string[] {
  const out: string[] = [];
  const { scheme, schemeName, otherwise, otherwiseNote } = band.collection;
  const vatLabel = rule.vat ? lowerLabel(rule.vat.label) : 'tax';
  const onImport = incoterm === 'DDP' ? 'charged on import' : 'collected by the carrier on delivery';
  const viaScheme = scheme !== undefined && band.vatBasis !== undefined;
  if (viaScheme) {
    const name = schemeName ?? scheme;
    if (registered) out.push(`The seller is registered for ${name}, so ${vatLabel} is collected at checkout.`);
    else if (otherwise === 'carrier') out.push(`The seller is not registered for ${name}, so ${vatLabel} is ${onImport}.`);
    else {
      out.push(`The seller is not registered for ${name}, so no ${vatLabel} is collected on this parcel.`);
      if (otherwiseNote) out.push(otherwiseNote);
    }
  }
  const dutyWord = rule.duty && rule.duty.label !== 'Customs duty' ? lowerLabel(rule.duty.label) : 'duty';
  const kinds = [
    ...new Set(
      lines
        .filter((l) => l.amountIdr > 0 && l.collectedBy === 'carrier' && !(viaScheme && l.kind !== 'duty' && l.kind !== 'processing-fee'))
        .map((l) => (l.kind === 'duty' ? dutyWord : l.kind === 'processing-fee' ? 'processing charges' : vatLabel)),
    ),
  ];
  if (kinds.length > 0) {
    const verb = kinds.length === 1 && kinds[0] !== 'processing charges' ? 'is' : 'are';
    out.push(`${capital(listOf(kinds))} ${verb} charged on import${incoterm === 'DDP' ? '' : ' and collected by the carrier'}.`);
  }
  return out;
}

function checkInput(input: LandedCostInput): { code: string; incoterm: 'DAP' | 'DDP' } {
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
  const incoterm = input.merchant?.incoterm ?? 'DAP';
  if (incoterm !== 'DAP' && incoterm !== 'DDP') throw new RangeError(`merchant.incoterm: expected "DAP" or "DDP", got ${String(incoterm)}`);
  for (const registration of input.merchant?.registrations ?? []) {
    if (!(REGISTRATIONS as readonly string[]).includes(registration)) {
      throw new RangeError(`merchant.registrations: unknown scheme "${String(registration)}" (expected one of ${REGISTRATIONS.join(', ')})`);
    }
  }
  return { code, incoterm };
}

/**
 * Estimates the duties and import taxes on one parcel to `destination`: which lines apply, on
 * what basis, who collects them, and what the buyer pays at checkout and on delivery.
 * Never throws for an unlisted destination (it answers "due-on-arrival" without lines). Throws
 * RangeError for bad input, DutyRuleError for an invalid override, MissingDutyRateError when the
 * rates cannot reach a currency the estimate needs.
 */
export function estimateLandedCost(input: LandedCostInput): LandedCost {
  const { code, incoterm } = checkInput(input);
  const now = input.now ?? new Date();
  const day = dayOf(now);
  const merchant = input.merchant;
  const rule = dutyRuleFor(code, merchant, now);
  const goodsIdr = sum(input.items.map((item) => item.quantity * item.unitPriceIdr));
  checkIdr(goodsIdr, 'items (total value)');
  const shippingIdr = input.shippingIdr;
  const insuranceIdr = input.insuranceIdr ?? 0;
  const currency = currencyForRegion(code) ?? rule?.currency ?? 'IDR';
  const base = { destination: code, currency, incoterm, goodsIdr, shippingIdr };

  if (!rule) {
    return deepFreeze({
      ...base,
      regime: 'due-on-arrival',
      lines: [],
      atCheckoutIdr: 0,
      onDeliveryIdr: 0,
      handlingFeeNote: "plus the carrier's handling fee, which varies by carrier",
      explanation: [
        `We cannot estimate import duties and taxes for ${code} yet: any that apply are payable to the carrier on delivery.`,
      ],
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

  const explanation: string[] = [];
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
    const worth =
      rule.valuationPercent !== undefined && rule.valuationPercent !== 100
        ? `Your parcel's customs value is ${say(consignmentValue)} (${rule.valuationPercent} % of the goods' price${limit.basis === 'goods' ? '' : ', plus shipping'})`
        : `Your parcel is worth ${say(consignmentValue)}${limit.basis === 'goods' ? '' : ' with shipping'}`;
    const where = equal(value, amount) ? (below ? 'exactly at' : 'not under') : below ? 'under' : 'over';
    explanation.push(`${worth}, ${where} ${possessive} ${say(amountMoney, true)} limit.`);
    if (limit.verify) explanation.push('This limit is still to be confirmed.');
  } else if (rule.noThresholdNote) {
    explanation.push(rule.noThresholdNote);
  }

  const band = (limit && below ? rule.below : rule.above) ?? rule.above;
  const single = input.items.length === 1 && input.items[0]!.quantity === 1;
  const finish = (regime: Regime, built: Built, extra: readonly string[]): LandedCost => {
    const seller = sum(built.lines.filter((l) => l.collectedBy === 'seller').map((l) => l.amountIdr));
    const carrier = sum(built.lines.filter((l) => l.collectedBy === 'carrier').map((l) => l.amountIdr));
    const onDeliveryIdr = incoterm === 'DDP' ? 0 : carrier;
    const verify = Boolean(rule.verify || limit?.verify || built.verify);
    return deepFreeze({
      ...base,
      regime,
      ...(threshold && { threshold }),
      lines: built.lines,
      atCheckoutIdr: incoterm === 'DDP' ? seller + carrier : seller,
      onDeliveryIdr,
      ...(onDeliveryIdr > 0 && {
        handlingFeeNote: `plus the carrier's handling fee, ${rule.handlingFee ?? 'which varies by carrier'}`,
      }),
      explanation: [...explanation, ...built.sentences, ...extra],
      rule: {
        country: code,
        source: rule.source,
        effective: rule.effective,
        ...(verify && { verify: true }),
      },
    } satisfies LandedCost);
  };

  if (band.notAllowed && !(band.notAllowed.unlessSingleItem && single)) {
    return finish('not-allowed', { lines: [], sentences: [], verify: Boolean(band.verify) }, [band.notAllowed.reason]);
  }
  const extra: string[] = [];
  if (band.notAllowed) extra.push('A single indivisible item may go over the limit if customs accepts it is for personal use.');

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
  });

  if (band.waiveIfTotalAtMost !== undefined && built.lines.length > 0) {
    const total = sum(built.lines.map((l) => l.amountIdr));
    const purpose = `${possessive} ${band.waiveIfTotalAtMost} ${rule.currency} tax waiver`;
    if (lessOrEqual(convert.major(int(total), rule.currency, purpose), parseDecimal(band.waiveIfTotalAtMost))) {
      const waived = convert.money(int(total), rule.currency, purpose);
      const upTo = minorOf(band.waiveIfTotalAtMost, rule.currency);
      return finish('nothing-due', { lines: [], sentences: [], verify: built.verify }, [
        ...extra,
        `The tax of ${say(waived)} is waived because it is not more than ${say(upTo, true)}.`,
      ]);
    }
  }

  extra.push(...whoCollects(rule, band, built.lines, registered, incoterm));
  const total = sum(built.lines.map((l) => l.amountIdr));
  const carrierTotal = sum(built.lines.filter((l) => l.collectedBy === 'carrier').map((l) => l.amountIdr));
  let regime: Regime;
  if (total === 0) {
    regime = 'nothing-due';
    extra.push('No duty or tax is due on this parcel.');
  } else if (incoterm === 'DDP' || carrierTotal === 0) {
    regime = 'collected-at-checkout';
    if (incoterm === 'DDP' && carrierTotal > 0) {
      extra.push('The seller pays the import charges for you (DDP), so they are included in what you pay at checkout.');
    }
  } else {
    regime = 'due-on-arrival';
    extra.push('These amounts are estimates, payable to the carrier on delivery.');
  }
  if (band.note) extra.push(band.note);
  extra.push(...rule.notes);
  return finish(regime, built, extra);
}
