// Public API of @mendunia/core. Everything here is headless and DOM-free.
export * from './money/index.js';
export * from './rates/index.js';
export * from './storage/index.js';
export * from './catalog/index.js';
export * from './cart/index.js';
export * from './client/index.js';
export * from './store/index.js';
export * from './util/message.js';
export * from './limits.js';
export { balanceBidi, isolate } from './util/bidi.js';
export {
  fetchJson,
  fetchText,
  FetchError,
  looksLikeHtml,
  parseJsonText,
  type FetchedText,
  type FetchErrorCode,
  type FetchOptions,
} from './util/fetch.js';
export { ConfigError, formatIssue, type ConfigIssue } from './util/schema.js';
