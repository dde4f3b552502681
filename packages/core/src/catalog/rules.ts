/**
 * The catalog's rules that need no validator library: patterns, limits and the normalising
 * functions. schema.ts (the valibot schemas, the authority) and guard.ts (the browser's fast path)
 * both call these, so the two can never normalise differently.
 */
import { balanceBidi } from '../util/bidi.js';

/** Product, variant and category ids: safe in URLs, CSS selectors and cart keys without escaping. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** 6–10 digits; dots and spaces between them are allowed in the file and removed on reading. */
export const HS_CODE_PATTERN = /^[ .]*(?:[0-9][ .]*){6,10}$/;
/** The shape of a BCP 47 tag as used for text keys ('id', 'en', 'en-GB', 'zh-Hant'). */
export const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** Longest accepted text, in UTF-16 code units, after trimming. */
export const LIMITS = {
  name: 200,
  description: 5000,
  alt: 500,
  city: 100,
  sku: 64,
  tag: 50,
  src: 2048,
} as const;

// C0 and C1 controls except tab and newline: invisible, they break layouts and hide text in logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Normalises line ends to \n, strips control characters (keeping tab and newline) and unpaired
 * bidi controls (an unclosed override would reverse what follows the text, e.g. a price), trims, NFC.
 */
export function cleanText(text: string): string {
  return balanceBidi(text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '')).trim().normalize('NFC');
}

/**
 * True for a relative path or an http(s) URL. Decided by the same URL parser the browser will use
 * (it drops tabs and newlines and lower-cases the scheme before reading it), so spellings such as
 * "JavaScript:", " javascript:" or "java\tscript:" are seen for what the browser would run.
 */
export function isSafeImageSrc(src: string): boolean {
  try {
    const { protocol } = new URL(src, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Canonical case of a language key ('EN-gb' → 'en-GB'), or the key unchanged when Intl refuses it. */
export function canonicalLanguage(key: string): string {
  try {
    return Intl.getCanonicalLocales(key)[0] ?? key;
  } catch {
    return key;
  }
}

/** "6214.90" → "621490": the dots and spaces allowed in the file are removed on reading. */
export function hsCodeDigits(code: string): string {
  return code.replace(/[ .]/g, '');
}
