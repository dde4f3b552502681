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
