// Text direction of a language, for the `dir` of each element's root. Host pages keep their
// own `dir`: an Arabic widget on an English page is right-to-left inside its own box only.
import { i18n } from './instance.js';

const cache = new Map<string, 'ltr' | 'rtl'>();

/**
 * `'rtl'` for a locale written right to left (`ar`, `ar-EG`, `he`, `fa`, `ur`, `pa-Arab` …),
 * else `'ltr'` (also for an empty or invalid tag). i18next's `dir()` answers: the browser's
 * `Intl.Locale` text info where it has it, else i18next's list of right-to-left languages
 * and the Arabic script subtag. Cached: elements ask on every render.
 */
export function dirOf(tag: string | null | undefined): 'ltr' | 'rtl' {
  if (!tag) return 'ltr';
  let dir = cache.get(tag);
  if (!dir) cache.set(tag, (dir = i18n.dir(tag)));
  return dir;
}
