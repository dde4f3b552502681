export { i18n, resolveLanguage, translator, SUPPORTED_LANGUAGES } from './instance.js';
export type { SupportedLanguage } from './instance.js';
export type { TFunction } from 'i18next';
