// The languages that are not bundled, each loaded on demand as two JSON modules (main and
// checkout strings) through dynamic import(): bundlers, and this package's own ESM build, put
// each language in chunks of its own. The script-tag build (rollup.config.mjs) replaces this
// module with `importLanguage = undefined` and fetches locales/<lang>.json files instead
// (see setLanguageLoader()). Imports nothing at run time, so that replacement leaves no trace.

/** A language's strings: nested objects of i18next keys, as in locales/en.json. */
export type LanguageStrings = { readonly [key: string]: string | LanguageStrings };

type Module = Promise<{ default: LanguageStrings }>;

const parts: Record<string, () => [Module, Module]> = {
  ms: () => [import('./locales/ms.json'), import('./locales/checkout/ms.json')],
  zh: () => [import('./locales/zh.json'), import('./locales/checkout/zh.json')],
  ja: () => [import('./locales/ja.json'), import('./locales/checkout/ja.json')],
  ko: () => [import('./locales/ko.json'), import('./locales/checkout/ko.json')],
  ar: () => [import('./locales/ar.json'), import('./locales/checkout/ar.json')],
};

/** Both files share top-level sections (`checkout`): merge them key by key. */
function merge(a: LanguageStrings, b: LanguageStrings): LanguageStrings {
  const out: Record<string, string | LanguageStrings> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const previous = out[key];
    out[key] = typeof value === 'object' && typeof previous === 'object' ? merge(previous, value) : value;
  }
  return out;
}

/** Loads a non-bundled language's strings; `undefined` in the script-tag build. */
export const importLanguage: ((lang: string) => Promise<LanguageStrings>) | undefined = (lang) => {
  const load = parts[lang];
  if (!load) return Promise.reject(new Error(`Mendunia has no strings for "${lang}"`));
  return Promise.all(load()).then(([main, checkout]) => merge(main.default, checkout.default));
};
