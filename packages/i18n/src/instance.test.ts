import { expect } from '@open-wc/testing';
import en from './locales/en.json';
import id from './locales/id.json';
import checkoutEn from './locales/checkout/en.json';
import checkoutId from './locales/checkout/id.json';
import { addCheckoutStrings } from './checkout-strings.js';
import { i18n, resolveLanguage, translator } from './instance.js';

/** Every leaf key path of a nested strings object, without i18next plural suffixes. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

describe('i18n', () => {
  for (const [name, enStrings, idStrings] of [
    ['main', en, id],
    ['checkout', checkoutEn, checkoutId],
  ] as const) {
    it(`has every English ${name} key in Indonesian and no extra ones`, () => {
      const enKeys = [...new Set(keys(enStrings))].sort();
      const idKeys = [...new Set(keys(idStrings))].sort();
      expect(idKeys).to.deep.equal(enKeys);
    });
  }

  it('adds the checkout strings on demand, once', () => {
    expect(translator('en')('checkout.review.place')).to.equal('checkout.review.place');
    addCheckoutStrings();
    addCheckoutStrings();
    expect(translator('en')('checkout.review.place')).to.equal('Place order');
    expect(translator('id')('address.prefecture')).to.equal('Prefektur');
  });

  for (const [tag, expected] of [
    ['id', 'id'],
    ['id-ID', 'id'],
    ['EN-gb', 'en'],
    ['en', 'en'],
    ['fr', 'en'],
    ['ms-MY', 'ms'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['ja-JP', 'ja'],
    ['ko', 'ko'],
    ['ar-EG', 'ar'],
    ['he', 'en'],
    ['', 'en'],
    [null, 'en'],
  ] as const) {
    it(`resolves ${String(tag)} to ${expected}`, () => {
      expect(resolveLanguage(tag)).to.equal(expected);
    });
  }

  it('translates with interpolation and plurals in each language', () => {
    expect(translator('id')('product.addToCart')).to.equal('Tambah ke keranjang');
    expect(translator('en')('product.lowStock', { count: 2 })).to.equal('Only 2 left');
    expect(translator('id-ID')('product.lowStock', { count: 1 })).to.equal('Tinggal 1');
  });

  it('does not escape interpolated values (Lit escapes when rendering)', () => {
    expect(translator('en')('price.charged', { amount: '<b>Rp 1</b>' })).to.equal(
      'You will be charged <b>Rp 1</b>',
    );
  });

  it('falls back to English, never a raw key, for an unsupported language', () => {
    expect(translator('fr')('currency.label')).to.equal('Currency');
  });

  describe('translations resolved once per language', () => {
    /** Counts the lookups that reach i18next while `fn` runs. */
    function lookups(fn: () => void): number {
      const original = i18n.t;
      let calls = 0;
      i18n.t = ((...args: Parameters<typeof original>) => {
        calls++;
        return original.apply(i18n, args);
      }) as typeof original;
      try {
        fn();
      } finally {
        i18n.t = original;
      }
      return calls;
    }

    it('asks i18next once per key and options, then remembers the text', () => {
      const t = translator('en');
      let texts: string[] = [];
      const calls = lookups(() => {
        for (let i = 0; i < 50; i++) {
          texts = [t('product.lowStock', { count: 702 }), t('product.lowStock', { count: 703 })];
        }
      });
      // (counts no earlier test used, so nothing was remembered before)
      expect(calls).to.equal(2);
      expect(texts).to.deep.equal(['Only 702 left', 'Only 703 left']);
      // Another language is another text.
      expect(translator('id')('product.lowStock', { count: 2 })).to.equal('Tinggal 2');
    });

    it('keeps options apart that a naive key would mix up', () => {
      const t = translator('en');
      expect(t('price.charged', { amount: '1' })).to.equal('You will be charged 1');
      expect(t('price.charged', { amount: 1 })).to.equal('You will be charged 1');
      expect(t('product.lowStock', { count: 1 })).to.not.equal(t('product.lowStock', { count: 10 }));
    });

    it('forgets what it remembered when strings are added', () => {
      const t = translator('en');
      i18n.addResourceBundle('en', 'translation', { test: { memo: 'first' } }, true, true);
      expect(t('test.memo')).to.equal('first');
      i18n.addResourceBundle('en', 'translation', { test: { memo: 'second' } }, true, true);
      expect(t('test.memo')).to.equal('second');
    });

    it('passes calls it cannot key straight to i18next', () => {
      const t = translator('en');
      const calls = lookups(() => {
        t('test.none', 'a default');
        t('test.none', 'a default');
        t('grid.all', { context: undefined, list: ['a'] } as never);
        t('grid.all', { context: undefined, list: ['a'] } as never);
      });
      expect(calls).to.equal(4);
      expect(t('test.none', 'a default')).to.equal('a default');
    });
  });
});
