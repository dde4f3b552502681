import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import en from './locales/en.json';
import id from './locales/id.json';

/** Languages whose strings ship in the package. Others fall back to English. */
export const SUPPORTED_LANGUAGES = ['id', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * The one i18next instance every Mendunia element translates through. It is created with
 * `createInstance()` so a host page's own i18next (global instance) is never touched.
 */
export const i18n: I18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, id: { translation: id } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...SUPPORTED_LANGUAGES],
  nonExplicitSupportedLngs: true,
  // Lit escapes everything interpolated into templates; escaping here too would double it.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  // A shop's console is the merchant's: no library advertising in it.
  showSupportNotice: false,
});

/**
 * The supported language that best matches a BCP 47 tag: exact, then its base language
 * ('en-GB' → 'en'), else English.
 */
export function resolveLanguage(tag: string | null | undefined): SupportedLanguage {
  const lower = (tag ?? '').trim().toLowerCase();
  const exact = SUPPORTED_LANGUAGES.find((l) => l === lower);
  if (exact) return exact;
  const base = lower.split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((l) => l === base) ?? 'en';
}

const translators = new Map<string, TFunction>();

/**
 * A translate function fixed to one language. Each store or element can show its own
 * language without switching the shared instance; the functions are cached per language.
 */
export function translator(tag: string | null | undefined): TFunction {
  const lang = resolveLanguage(tag);
  let t = translators.get(lang);
  if (!t) {
    t = i18n.getFixedT(lang);
    translators.set(lang, t);
  }
  return t;
}
