import { expect } from '@open-wc/testing';
import {
  $loadedLanguages,
  displayLanguage,
  i18n,
  jsonLanguageLoader,
  loadLanguage,
  setLanguageLoader,
  translator,
  type SupportedLanguage,
} from './instance.js';
import { dirOf } from './direction.js';

/** Collects console.warn calls while `body` runs. */
async function warnings(body: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return seen;
}

// The tests share the page's one i18next instance: each uses a language no earlier test loaded.
describe('loading languages on demand', () => {
  afterEach(() => setLanguageLoader(undefined));

  it('shows English until a language is loaded, then its own strings (main and checkout)', async () => {
    expect(translator('ja')('product.addToCart')).to.equal('Add to cart');
    expect(displayLanguage('ja-JP')).to.equal('en');
    const seen: (readonly SupportedLanguage[])[] = [];
    const off = $loadedLanguages.listen((languages) => seen.push(languages));
    const first = loadLanguage('ja-JP');
    expect(loadLanguage('ja')).to.equal(first);
    await first;
    off();
    expect(seen).to.deep.equal([['en', 'id', 'ja']]);
    expect($loadedLanguages.get()).to.deep.equal(['en', 'id', 'ja']);
    expect(displayLanguage('ja-JP')).to.equal('ja');
    const t = translator('ja');
    expect(t('product.addToCart')).to.equal('カートに入れる');
    expect(t('product.lowStock', { count: 2 })).to.equal('残り2点');
    // from the checkout file, and from the main file's checkout section: both kept
    expect(t('checkout.review.place')).to.equal('注文を確定する');
    expect(t('checkout.loading')).to.equal('ご購入手続きを読み込み中…');
  });

  it('resolves at once, without loading, for the bundled languages', async () => {
    let calls = 0;
    setLanguageLoader(() => {
      calls++;
      return Promise.resolve({});
    });
    await Promise.all([loadLanguage('en'), loadLanguage('id-ID'), loadLanguage('fr'), loadLanguage(undefined)]);
    expect(calls).to.equal(0);
    expect(displayLanguage('fr')).to.equal('en');
  });

  it('falls back to English for a key the language lacks, never the raw key', async () => {
    await loadLanguage('ja');
    i18n.addResourceBundle('en', 'translation', { test: { onlyEnglish: 'Only in English', things_one: '{{count}} thing', things_other: '{{count}} things' } }, true, false);
    const t = translator('ja');
    expect(t('test.onlyEnglish')).to.equal('Only in English');
    // English's plural rules pick the English form.
    expect(t('test.things', { count: 1 })).to.equal('1 thing');
    expect(t('test.things', { count: 5 })).to.equal('5 things');
  });

  it('uses a loader set by the page, once per language, and tells subscribers', async () => {
    const calls: string[] = [];
    setLanguageLoader(async (lang) => {
      calls.push(lang);
      await new Promise((r) => setTimeout(r, 10));
      return { cart: { title: `${lang} cart` } };
    });
    const seen: (readonly SupportedLanguage[])[] = [];
    const off = $loadedLanguages.listen((languages) => seen.push(languages));
    expect(await Promise.all([loadLanguage('ms'), loadLanguage('ms-MY'), loadLanguage('ms_SG')])).to.deep.equal([true, true, true]);
    await loadLanguage('ms');
    off();
    expect(calls).to.deep.equal(['ms']);
    expect(seen).to.deep.equal([['en', 'id', 'ja', 'ms']]);
    expect(translator('ms')('cart.title')).to.equal('ms cart');
    // what the loader did not have is English
    expect(translator('ms')('cart.close')).to.equal('Close cart');
  });

  it('warns once, naming the URL, and stays in English when a language cannot be loaded; a later call tries again', async () => {
    const missing = new URL('./no-such-folder/', import.meta.url);
    setLanguageLoader(jsonLanguageLoader(missing));
    const logged = await warnings(() => Promise.all([loadLanguage('ko'), loadLanguage('ko-KR')]).then(() => undefined));
    expect(logged).to.have.length(1);
    expect(logged[0]).to.include(new URL('ko.json', missing).href);
    expect(translator('ko')('cart.title')).to.equal('Your cart');
    expect(displayLanguage('ko')).to.equal('en');
    expect($loadedLanguages.get()).not.to.include('ko');

    // (A fixture, not ./locales/ko.json: the test server caches by URL, and other test files
    // import that file as a JSON module.)
    setLanguageLoader(jsonLanguageLoader(new URL('./fixtures/locales/', import.meta.url)));
    expect(await warnings(() => loadLanguage('ko'))).to.deep.equal([]);
    expect(translator('ko')('cart.title')).to.equal('장바구니');
    expect(translator('ko')('checkout.review.place')).to.equal('주문하기');
  });

  it('names the URL when the server answers with something that is not JSON (an HTML fallback page)', async () => {
    const folder = new URL('./fixtures/html/', import.meta.url);
    setLanguageLoader(jsonLanguageLoader(folder));
    const logged = await warnings(() => loadLanguage('zh'));
    expect(logged).to.have.length(1);
    expect(logged[0]).to.include(`${new URL('zh.json', folder).href}: `);
    expect(displayLanguage('zh')).to.equal('en');
  });

  it('warns when the loader fails in any other way, too', async () => {
    setLanguageLoader(() => Promise.reject(new Error('offline')));
    let result: boolean | undefined;
    const logged = await warnings(async () => void (result = await loadLanguage('zh-CN')));
    expect(result, 'loadLanguage resolves false when the strings could not be loaded').to.equal(false);
    expect(logged).to.deep.equal(['Mendunia: no zh strings (Error: offline); showing English.']);
    expect(translator('zh-CN')('product.addToCart')).to.equal('Add to cart');
  });

  it('picks the Arabic plural forms', async () => {
    await loadLanguage('ar');
    const t = translator('ar-EG');
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102].map((count) => t('cart.lines', { count }))).to.deep.equal([
      'لا توجد منتجات',
      'منتج واحد',
      'منتجان',
      '3 منتجات',
      '10 منتجات',
      '11 منتجًا',
      '99 منتجًا',
      '100 منتج',
      '102 منتج',
    ]);
  });

  it('gives right-to-left to Arabic once its strings are shown', async () => {
    expect(dirOf(displayLanguage('ar'))).to.equal('rtl'); // loaded by the test above
    expect(dirOf(displayLanguage('he'))).to.equal('ltr'); // Hebrew is not translated: English, left to right
    expect(dirOf('he')).to.equal('rtl');
  });
});
