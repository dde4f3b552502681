import { expect } from '@open-wc/testing';
import en from './locales/en.json';
import id from './locales/id.json';
import ms from './locales/ms.json';
import zh from './locales/zh.json';
import ja from './locales/ja.json';
import ko from './locales/ko.json';
import ar from './locales/ar.json';
import checkoutEn from './locales/checkout/en.json';
import checkoutId from './locales/checkout/id.json';
import checkoutMs from './locales/checkout/ms.json';
import checkoutZh from './locales/checkout/zh.json';
import checkoutJa from './locales/checkout/ja.json';
import checkoutKo from './locales/checkout/ko.json';
import checkoutAr from './locales/checkout/ar.json';
import { i18n, loadLanguage, SUPPORTED_LANGUAGES, translator } from './instance.js';
import { isMessage, type Message, type MessageValue, type RateSet } from '@mendunia/core';
import {
  checkRestrictions,
  DEFAULT_RESTRICTIONS,
  DUTY_CODES,
  DUTY_RULES,
  dutyRuleTexts,
  estimateLandedCost,
  QUOTE_CODES,
  LANDED_CODES,
  quoteShipping,
  REGISTRATIONS,
  restrictionReasonKey,
  SHIPPING_CODES,
  type DutyItem,
  type ShippingService,
} from '@mendunia/core/checkout/index.js';

type Strings = { readonly [key: string]: string | Strings };

const LANGUAGES: Record<string, readonly [Strings, Strings]> = {
  id: [id, checkoutId],
  ms: [ms, checkoutMs],
  zh: [zh, checkoutZh],
  ja: [ja, checkoutJa],
  ko: [ko, checkoutKo],
  ar: [ar, checkoutAr],
};
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a strings object: [dotted key with its plural suffix, text]. */
function leaves(obj: Strings, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  );
}

/** Leaves grouped by key without plural suffix: key → (suffix or '' → text). */
function grouped(obj: Strings): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, text] of leaves(obj)) {
    const suffix = PLURAL.exec(key)?.[1] ?? '';
    const base = suffix ? key.slice(0, -suffix.length - 1) : key;
    if (!out.has(base)) out.set(base, new Map());
    out.get(base)!.set(suffix, text);
  }
  return out;
}

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();

describe('translations', () => {
  it('ship for every supported language', () => {
    expect([...SUPPORTED_LANGUAGES].sort()).to.deep.equal(['en', ...Object.keys(LANGUAGES)].sort());
  });

  for (const [lang, files] of Object.entries(LANGUAGES)) {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
    for (const [part, index] of [['main', 0], ['checkout', 1]] as const) {
      const english = grouped([en, checkoutEn][index]);
      const mine = grouped(files[index]);

      it(`${lang} (${part}) has every English key and no others`, () => {
        expect([...mine.keys()].sort()).to.deep.equal([...english.keys()].sort());
      });

      it(`${lang} (${part}) has exactly the plural forms of ${lang} (${categories.join(', ')}) where English has plurals`, () => {
        for (const [key, forms] of english) {
          const expected = forms.has('') ? [''] : [...categories].sort();
          expect([...(mine.get(key)?.keys() ?? [])].sort(), key).to.deep.equal(expected);
        }
      });

      it(`${lang} (${part}) keeps English's placeholders in every string`, () => {
        for (const [key, forms] of mine) {
          const englishForms = english.get(key);
          if (!englishForms) continue;
          const expected = placeholders(englishForms.get('') ?? englishForms.get('other')!);
          for (const [suffix, text] of forms) {
            expect(text.trim(), `${lang} ${key}_${suffix} is empty`).not.to.equal('');
            let found = placeholders(text);
            // "one item", "two items", "no items": a form for one exact number may leave the number out.
            if (['zero', 'one', 'two'].includes(suffix) && !found.includes('count') && expected.includes('count')) {
              found = [...found, 'count'].sort();
            }
            expect(found, `${lang} ${key}${suffix ? `_${suffix}` : ''}: "${text}"`).to.deep.equal(expected);
          }
        }
      });
    }
  }

  it('ends the order confirmation title with the reference in every language (the checkout appends it)', () => {
    for (const [lang, [, checkout]] of Object.entries({ en: [en, checkoutEn] as const, ...LANGUAGES })) {
      const title = (checkout.checkout as Strings).done as Strings;
      expect(title.title, lang).to.match(/\{\{reference\}\}$/);
    }
  });

  it('loads every non-bundled language whole, main and checkout strings merged', async () => {
    await Promise.all(SUPPORTED_LANGUAGES.map((lang) => loadLanguage(lang)));
    for (const lang of ['ms', 'zh', 'ja', 'ko', 'ar']) {
      for (const [key, text] of [...leaves(LANGUAGES[lang][0]), ...leaves(LANGUAGES[lang][1])]) {
        expect(i18n.getResource(lang, 'translation', key), `${lang} ${key}`).to.equal(text);
      }
    }
  });

  it('never shows a raw key in a loaded language', () => {
    for (const lang of ['ms', 'zh', 'ja', 'ko', 'ar']) {
      const t = translator(lang);
      for (const key of grouped(en).keys()) {
        expect(t(key, { count: 3 }), `${lang} ${key}`).not.to.equal(key);
      }
      for (const key of grouped(checkoutEn).keys()) {
        expect(t(key, { count: 3 }), `${lang} ${key}`).not.to.equal(key);
      }
    }
  });
});

describe('rule words (core codes)', () => {
  const CHECKOUT: Record<string, Strings> = {
    en: checkoutEn,
    id: checkoutId,
    ms: checkoutMs,
    zh: checkoutZh,
    ja: checkoutJa,
    ko: checkoutKo,
    ar: checkoutAr,
  };
  const has = (strings: Strings, code: string): boolean => grouped(strings).has(code);

  /** Every code a message uses, its nested messages' included. */
  function codesOf(value: MessageValue | undefined, into: Set<string>): Set<string> {
    if (Array.isArray(value)) for (const v of value as readonly MessageValue[]) codesOf(v, into);
    else if (isMessage(value)) {
      into.add((value as Message).code);
      for (const v of Object.values((value as Message).params ?? {})) codesOf(v, into);
    }
    return into;
  }

  const RATES: RateSet = {
    base: 'EUR',
    date: '2026-11-26',
    source: 'test',
    rates: { IDR: '19300', USD: '1.16', GBP: '0.875', AUD: '1.77', SGD: '1.50', MYR: '4.85', JPY: '176', KRW: '1690', CNY: '8.2', SAR: '4.35', AED: '4.26', HKD: '9.03', TWD: '37.4', CAD: '1.62', NZD: '1.95' },
  };

  /** What the shipped rules can say: every rule, on each of its dates, at many values, for every kind of merchant. */
  function producedCodes(): Set<string> {
    const codes = new Set<string>();
    const item = (unitPriceIdr: number, hsCode?: string): DutyItem => ({ name: 'Item', quantity: 1, unitPriceIdr, ...(hsCode && { hsCode }), tags: [] });
    const parcels = [10_000, 300_000, 900_000, 2_000_000, 2_900_000, 5_000_000, 12_000_000, 40_000_000].flatMap((idr) => [
      [item(idr, '6205.20')],
      [item(Math.round(idr / 2), '0901.21'), item(Math.round(idr / 2))],
    ]);
    const merchants = [{}, { incoterm: 'DDP' as const }, { claimPreferentialOrigin: true }, ...REGISTRATIONS.map((r) => ({ registrations: [r] }))];
    for (const rule of DUTY_RULES) {
      const days = [rule.effective, ...(rule.threshold?.until ? [rule.threshold.until] : []), '2025-06-01', '2026-03-01', '2026-07-01'].filter(
        (day) => day >= rule.effective && (rule.until === undefined || day < rule.until),
      );
      for (const day of days)
        for (const items of parcels)
          for (const merchant of merchants) {
            const cost = estimateLandedCost({ items, shippingIdr: 300_000, insuranceIdr: 10_000, destination: rule.countries[0]!, rates: RATES, merchant, now: new Date(day) });
            for (const m of [...cost.explanation, ...cost.lines.flatMap((l) => [l.label, l.basis]), ...(cost.handlingFeeNote ? [cost.handlingFeeNote] : [])]) codesOf(m, codes);
          }
    }
    codesOf(estimateLandedCost({ items: [item(100_000)], shippingIdr: 0, destination: 'BR', rates: RATES }).explanation as MessageValue, codes);
    const service: ShippingService = {
      id: 's',
      carrier: 'Pos',
      name: 'EMS',
      tracked: true,
      maxParcelGrams: 2000,
      maxLengthCm: 100,
      zones: [{ id: 'z', countries: ['SG'], rates: [{ upToGrams: 1000, priceIdr: 1 }], days: [1, 2] }],
    };
    const unit = (grams: number, length = 10) => ({ productId: 'p', name: 'P', quantity: 1, unitPriceIdr: 1, unitWeightGrams: grams, dimensionsCm: { length, width: 1, height: 1 }, tags: [] });
    for (const [items, to, split] of [[[], 'SG', false], [[unit(10)], 'BR', false], [[unit(10, 200)], 'SG', false], [[unit(3000)], 'SG', false], [[unit(3000)], 'SG', true], [[unit(1500)], 'SG', false]] as const) {
      for (const option of quoteShipping(items, to, { origin: 'ID', services: [{ ...service, splitOversize: split }] })) if (!option.available) codesOf(option.message, codes);
    }
    for (const rule of DEFAULT_RESTRICTIONS) {
      const hits = checkRestrictions([{ ...unit(1), tags: [...(rule.match.tags ?? [])], ...(rule.match.categories && { category: rule.match.categories[0] }), ...(rule.match.hsPrefixes && { hsCode: rule.match.hsPrefixes[0] }) }], rule.destinations === '*' ? 'DE' : rule.destinations[0]!);
      for (const hit of hits) codesOf(hit.reason, codes);
    }
    return codes;
  }

  const listed = [
    ...DUTY_CODES,
    ...DUTY_RULES.flatMap((rule) => dutyRuleTexts(rule).map(([key]) => key)),
    ...SHIPPING_CODES,
    ...QUOTE_CODES,
    ...LANDED_CODES,
    ...DEFAULT_RESTRICTIONS.map((rule) => restrictionReasonKey(rule.id)),
  ];

  it('lists every code the shipped rules produce (walking the data)', () => {
    const produced = producedCodes();
    produced.delete('text'); // merchant text: shown as written
    expect(produced.size).to.be.greaterThan(100);
    expect([...produced].filter((code) => !listed.includes(code)), 'codes produced but not listed').to.deep.equal([]);
  });

  for (const [lang, strings] of Object.entries(CHECKOUT)) {
    it(`has words for every rule code in ${lang}`, () => {
      expect(listed.filter((code) => !has(strings, code)), lang).to.deep.equal([]);
    });
  }

  it('has English words for a shipped text that are the text itself (the data stays the source)', () => {
    const english = grouped(checkoutEn);
    for (const rule of DUTY_RULES) for (const [key, text] of dutyRuleTexts(rule)) expect(english.get(key)?.get(''), key).to.equal(text);
    for (const rule of DEFAULT_RESTRICTIONS) expect(english.get(restrictionReasonKey(rule.id))?.get(''), rule.id).to.equal(rule.reason);
  });
});
