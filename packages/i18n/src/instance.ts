import { fetchJson } from '@mendunia/core';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import en from './locales/en.json';
import id from './locales/id.json';
import { importLanguage, type LanguageStrings } from './lazy-locales.js';

/**
 * Languages Mendunia has strings for. English (the fallback) and Indonesian (the shops' own
 * language) are bundled; the others are loaded on demand by `loadLanguage()` and show English
 * until they arrive.
 */
export const SUPPORTED_LANGUAGES = ['id', 'en', 'ms', 'zh', 'ja', 'ko', 'ar'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/*
 * i18next puts each value in with `str.replace("{{email}}", value)`, which replaces the first
 * "{{email}}" in the string so far, so a value written earlier that contains one (a buyer who
 * types "{{email}}" in the name field, a product named so) takes the later value and the
 * message comes out rearranged. Values therefore go in with every "{" escaped, so that no
 * placeholder can start inside one, and a post-processor turns them back. U+E000 (private use)
 * is the escape character and escapes itself, so any text survives the round trip.
 */
const ESCAPE = '\uE000';
const protectValue = (value: string): string => value.replace(/[{\uE000]/g, (c) => (c === '{' ? `${ESCAPE}o` : `${ESCAPE}e`));
const KEEP_VALUES = {
  type: 'postProcessor',
  name: 'mendunia-keep-values',
  process: (text: string): string => text.replace(/\uE000([oe])/g, (_, c: string) => (c === 'o' ? '{' : ESCAPE)),
} as const;

/**
 * The one i18next instance every Mendunia element translates through. It is created with
 * `createInstance()` so a host page's own i18next (global instance) is never touched.
 */
export const i18n: I18n = i18next.createInstance();
i18n.use(KEEP_VALUES);
void i18n.init({
  resources: { en: { translation: en }, id: { translation: id } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...SUPPORTED_LANGUAGES],
  nonExplicitSupportedLngs: true,
  // Lit escapes for HTML when rendering; this escape only keeps values from being read as
  // placeholders (see KEEP_VALUES), and the post-processor undoes it.
  interpolation: { escapeValue: true, escape: protectValue },
  postProcess: [KEEP_VALUES.name],
  initAsync: false,
  returnNull: false,
  // A shop's console is the merchant's: no library advertising in it.
  showSupportNotice: false,
});

/**
 * The supported language that best matches a BCP 47 tag: exact, then its base language
 * ('en-GB' → 'en', 'zh-TW' → 'zh'), else English.
 */
export function resolveLanguage(tag: string | null | undefined): SupportedLanguage {
  const lower = (tag ?? '').trim().toLowerCase();
  const exact = SUPPORTED_LANGUAGES.find((l) => l === lower);
  if (exact) return exact;
  const base = lower.split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((l) => l === base) ?? 'en';
}

const translators = new Map<string, TFunction>();

/** Strings already translated, per language: `key` or `key` + options → text. */
const memos = new Map<string, Map<string, string>>();
/** Past this many strings, a language's memo starts afresh (prices in `price.charged` are many). */
const MEMO_LIMIT = 20_000;

// Strings added, removed or a language changed: every memoised text may be out of date.
const forget = (): void => memos.clear();
i18n.store.on('added', forget);
i18n.store.on('removed', forget);
i18n.on('languageChanged', forget);

/** The memo key of a call, or undefined for options that cannot be keyed (objects, functions). */
function memoKey(key: unknown, options: unknown): string | undefined {
  if (typeof key !== 'string') return undefined;
  if (options === undefined) return key;
  if (typeof options !== 'object' || options === null) return undefined;
  let out = key;
  for (const [name, value] of Object.entries(options)) {
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean' && value !== undefined) return undefined;
    out += `\u0000${name}\u0001${type.charAt(0)}${String(value)}`;
  }
  return out;
}

/**
 * A translate function fixed to one language. Each store or element can show its own
 * language without switching the shared instance; the functions are cached per language.
 * For a language whose strings are not loaded yet it returns English (see `loadLanguage()`).
 *
 * i18next stays the engine; each string is resolved through it once per language and options
 * (then remembered), so re-rendering 1,000 cards does not run 8,000 lookups. The memo is
 * cleared whenever strings are added or removed (a language loaded, a host's own strings).
 */
export function translator(tag: string | null | undefined): TFunction {
  const lang = resolveLanguage(tag);
  let t = translators.get(lang);
  if (!t) {
    const fixed = i18n.getFixedT(lang) as unknown as ((...args: unknown[]) => unknown) & Record<'lng' | 'ns' | 'keyPrefix', unknown>;
    const memoised = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
      const id = rest.length ? undefined : memoKey(key, options);
      if (id === undefined) return fixed(key, options, ...rest);
      let memo = memos.get(lang);
      if (!memo || memo.size >= MEMO_LIMIT) memos.set(lang, (memo = new Map()));
      let text = memo.get(id);
      if (text === undefined) {
        const result = fixed(key, options);
        // Only strings are remembered (returnObjects and the like go through every time).
        if (typeof result !== 'string') return result;
        memo.set(id, (text = result));
      }
      return text;
    };
    t = Object.assign(memoised, { lng: fixed.lng, ns: fixed.ns, keyPrefix: fixed.keyPrefix }) as unknown as TFunction;
    translators.set(lang, t);
  }
  return t;
}

// ── Languages loaded on demand ──────────────────────────────────────────────────────────────

export type { LanguageStrings };

/** Fetches or imports one language's strings (main and checkout) for `loadLanguage()`. */
export type LanguageLoader = (lang: SupportedLanguage) => Promise<LanguageStrings>;

let loaded: readonly SupportedLanguage[] = ['en', 'id'];
const listeners = new Set<(languages: readonly SupportedLanguage[]) => void>();

/**
 * The languages whose strings are loaded, as a tiny store (`get()` and `listen()`, as in
 * `@mendunia/core`'s atoms). Elements re-render when it changes.
 */
export const $loadedLanguages = {
  get: (): readonly SupportedLanguage[] => loaded,
  /** Calls `listener` on every change (not now); returns the unsubscribe function. */
  listen(listener: (languages: readonly SupportedLanguage[]) => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

let loader: LanguageLoader | undefined = importLanguage;
let loaderSet = (): void => {};
// The script-tag bundle has no loader until its start-up code sets one: loads wait for it.
const hasLoader = loader ? Promise.resolve() : new Promise<void>((resolve) => (loaderSet = resolve));
const loading = new Map<SupportedLanguage, Promise<boolean>>();

/**
 * Sets how `loadLanguage()` gets a language's strings: the script-tag bundle fetches
 * `locales/<lang>.json` next to mendunia.js. `undefined` restores the default (dynamic import()
 * of the package's JSON modules, which bundlers split into chunks).
 */
export function setLanguageLoader(next: LanguageLoader | undefined): void {
  loader = next ?? importLanguage;
  if (loader) loaderSet();
}

/**
 * Makes sure the strings of `tag`'s language are loaded (once; en and id always are), then
 * resolves with `true`. It never rejects: when loading fails (say `locales/` was not copied next
 * to mendunia.js) it warns once per attempt, resolves with `false`, the widgets stay in English,
 * and a later call tries again. `$loadedLanguages` changes when a language arrives.
 */
export function loadLanguage(tag: string | null | undefined): Promise<boolean> {
  const lang = resolveLanguage(tag);
  if (loaded.includes(lang)) return Promise.resolve(true);
  let done = loading.get(lang);
  if (!done) {
    done = hasLoader
      .then(() => loader!(lang))
      .then(
        (strings) => {
          // overwrite = false: strings a host added for this language beforehand win.
          i18n.addResourceBundle(lang, 'translation', strings, true, false);
          loaded = [...loaded, lang];
          for (const listener of [...listeners]) listener(loaded);
          return true;
        },
        (error: unknown) => {
          loading.delete(lang);
          console.warn(`Mendunia: no ${lang} strings (${String(error)}); showing English.`);
          return false;
        },
      );
    loading.set(lang, done);
  }
  return done;
}

/**
 * The language `translator(tag)` shows right now: `tag`'s supported language once its strings
 * are loaded, else English. Use it for an element's `lang` and, with `dirOf()`, its `dir`.
 */
export function displayLanguage(tag: string | null | undefined): SupportedLanguage {
  const lang = resolveLanguage(tag);
  return loaded.includes(lang) ? lang : 'en';
}

/**
 * A loader that fetches `<folder><lang>.json` (main and checkout strings in one file), as the
 * script-tag build writes them to dist/locales/. Its errors name the URL.
 */
export function jsonLanguageLoader(folder: string | URL): LanguageLoader {
  // fetchJson's errors (HTTP status, timeout, an HTML fallback page, broken JSON) name the URL.
  return async (lang) => {
    const url = new URL(`${lang}.json`, folder).href;
    const strings = await fetchJson(url);
    if (typeof strings !== 'object' || strings === null || Array.isArray(strings)) {
      throw new Error(`${url}: expected an object of strings`);
    }
    return strings as LanguageStrings;
  };
}
