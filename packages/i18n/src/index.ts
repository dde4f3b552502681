export {
  i18n,
  resolveLanguage,
  translator,
  SUPPORTED_LANGUAGES,
  loadLanguage,
  setLanguageLoader,
  jsonLanguageLoader,
  displayLanguage,
  $loadedLanguages,
} from './instance.js';
export { dirOf } from './direction.js';
export type { SupportedLanguage, LanguageLoader, LanguageStrings } from './instance.js';
export type { TFunction } from 'i18next';
