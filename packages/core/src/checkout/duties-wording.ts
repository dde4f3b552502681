/**
 * What the duties estimate says, as codes (`{ code, params }`, util/message.ts) that
 * @mendunia/i18n words in the buyer's language: the sentences of `LandedCost.explanation`, the
 * line labels and bases, the handling-fee note. Every code is listed in DUTY_CODES and documented
 * in docs/duties-and-taxes.md.
 *
 * The rule data's own texts (a destination's name, a tax's label, notes) are English in
 * data/duties.json. A shipped rule's text is said through `rules.dutyRules.<rule id>.<field>`, so
 * it reaches the buyer in their language; a text a merchant wrote in an override is shown as
 * written (`verbatim`). Official names (sources, agreements such as IA-CEPA) are never translated.
 */
import { message, verbatim, type Message } from '../util/message.js';
import type { DutyBand, DutyRule } from './duties-schema.js';

/** The codes the estimate itself produces (the data's texts add `rules.dutyRules.<id>.<field>`). */
export const DUTY_CODES = [
  'rules.duties.worth.goods',
  'rules.duties.worth.goodsShipping',
  'rules.duties.worth.valued',
  'rules.duties.worth.valuedShipping',
  'rules.duties.threshold.under',
  'rules.duties.threshold.at',
  'rules.duties.threshold.notUnder',
  'rules.duties.threshold.over',
  'rules.duties.threshold.unconfirmed',
  'rules.duties.unlisted',
  'rules.duties.preferential',
  'rules.duties.noHsCode',
  'rules.duties.flatDuty',
  'rules.duties.singleItem',
  'rules.duties.waived',
  'rules.duties.scheme.registered',
  'rules.duties.scheme.carrier',
  'rules.duties.scheme.carrierDdp',
  'rules.duties.scheme.none',
  'rules.duties.charged',
  'rules.duties.chargedDdp',
  'rules.duties.charge.duty',
  'rules.duties.charge.fees',
  'rules.duties.charge.tax',
  'rules.duties.charge.named',
  'rules.duties.nothingDue',
  'rules.duties.ddp',
  'rules.duties.onDelivery',
  'rules.duties.handlingFee',
  'rules.duties.handlingFeeVaries',
  'rules.duties.customsDuty',
  'rules.duties.line.duty',
  'rules.duties.line.dutyPreferential',
  'rules.duties.line.otherGoods',
  'rules.duties.line.rated',
  'rules.duties.line.flat',
  'rules.duties.line.vat',
  'rules.duties.line.vatRange',
  'rules.duties.line.vatRangeNamed',
  'rules.duties.subdivision.range',
  'rules.duties.basis.withFees',
  'rules.duties.line.fee',
  'rules.duties.basis.goods',
  'rules.duties.basis.valuedGoods',
  'rules.duties.basis.shipping',
  'rules.duties.basis.shippingInsurance',
  'rules.duties.basis.goodsOnly',
  'rules.duties.basis.fob',
  'rules.duties.basis.goodsShipping',
  'rules.duties.basis.cif',
  'rules.duties.basis.cifDuty',
  'rules.duties.basis.fobDuty',
  'rules.duties.basis.perSubheading',
  'rules.duties.basis.perConsignment',
] as const;

export type DutyCode = (typeof DUTY_CODES)[number];

/** The duty label the schema gives a rule that names none; said through `rules.duties.customsDuty`. */
const DEFAULT_DUTY_LABEL = 'Customs duty';

/**
 * Every text of a rule that a buyer may read, as [i18n key, English text]. Keys follow the
 * field's place in the rule: `rules.dutyRules.eu.name`, `rules.dutyRules.us.notes.0`,
 * `rules.dutyRules.au.above.fees.1.label`. A rule without an id has none (its texts are verbatim).
 */
export function dutyRuleTexts(rule: DutyRule): [string, string][] {
  if (rule.id === undefined) return [];
  const out: [string, string][] = [];
  const add = (path: string, text: string | undefined) => {
    if (text !== undefined) out.push([`rules.dutyRules.${rule.id}.${path}`, text]);
  };
  add('name', rule.name);
  add('noThresholdNote', rule.noThresholdNote);
  add('handlingFee', rule.handlingFee);
  rule.notes.forEach((note, index) => add(`notes.${index}`, note));
  if (rule.duty && rule.duty.label !== DEFAULT_DUTY_LABEL) add('duty.label', rule.duty.label);
  rule.duty?.additional.forEach((layer, index) => add(`duty.additional.${index}.label`, layer.label));
  add('vat.label', rule.vat?.label);
  rule.vat?.subdivisions?.forEach((entry, index) => add(`vat.subdivisions.${index}.label`, entry.label));
  for (const name of ['below', 'above'] as const) {
    const band = rule[name];
    if (!band) continue;
    add(`${name}.note`, band.note);
    add(`${name}.notAllowed.reason`, band.notAllowed?.reason);
    add(`${name}.notAllowed.singleItemNote`, band.notAllowed?.singleItemNote);
    add(`${name}.flatDuty.label`, band.flatDuty?.label);
    add(`${name}.collection.schemeName`, band.collection.schemeName);
    add(`${name}.collection.otherwiseNote`, band.collection.otherwiseNote);
    band.fees.forEach((fee, index) => add(`${name}.fees.${index}.label`, fee.label));
  }
  return out;
}

/** i18n key → English, for the shipped rules (filled once by duties.ts). */
const shipped = new Map<string, string>();

export function registerShippedTexts(rules: readonly DutyRule[]): void {
  for (const rule of rules) for (const [key, text] of dutyRuleTexts(rule)) shipped.set(key, text);
}

/**
 * A text of `rule` at `path` (as in dutyRuleTexts) as a message: the shipped words when the rule
 * has a shipped id and the text is the shipped one, else the text as written.
 */
export function ruleText(rule: DutyRule, path: string, text: string): Message {
  const key = `rules.dutyRules.${rule.id ?? ''}.${path}`;
  return rule.id !== undefined && shipped.get(key) === text ? message(key) : verbatim(text);
}

/** The band's field path ('below' or 'above') inside its rule. */
export function bandName(rule: DutyRule, band: DutyBand): 'below' | 'above' {
  return rule.below === band ? 'below' : 'above';
}

/** The duty table's label: "Customs duty" unless the rule names its own ("Postal articles tax"). */
export function dutyLabel(rule: DutyRule): Message {
  const label = rule.duty?.label ?? DEFAULT_DUTY_LABEL;
  return label === DEFAULT_DUTY_LABEL ? message('rules.duties.customsDuty') : ruleText(rule, 'duty.label', label);
}

/** The VAT/GST label ("Import VAT", "GST"), or undefined when the rule has no such tax. */
export function vatLabel(rule: DutyRule): Message | undefined {
  return rule.vat ? ruleText(rule, 'vat.label', rule.vat.label) : undefined;
}

/** A label said inside a sentence ("import VAT" in English; other languages as they write it). */
export const inSentence = (label: Message): Message => message('rules.duties.charge.named', { label });
