import type { Money } from '../money/index.js';

/**
 * A value a message puts into its words: text and numbers as they are, money formatted in the
 * reader's locale, another message translated, a list joined the reader's way ("A, B and C").
 */
export type MessageValue = string | number | Money | Message | Region | readonly MessageValue[];

/** A country or region by its ISO 3166 code, named in the reader's language ("Jerman" for DE in Indonesian). */
export interface Region {
  readonly region: string;
}

/**
 * What core says instead of a sentence: a code (an i18next key of `@mendunia/i18n`, e.g.
 * `rules.duties.threshold.under`) and the values it needs. The checkout, the quote command and a
 * server turn it into words in their reader's language (`describe()` in `@mendunia/i18n`).
 * Text a merchant wrote (a custom rule's reason) travels as `{ code: 'text', params: { text } }`
 * and is shown as written.
 */
export interface Message {
  readonly code: string;
  readonly params?: Readonly<Record<string, MessageValue>>;
}

export function message(code: string, params?: Readonly<Record<string, MessageValue>>): Message {
  return params ? { code, params } : { code };
}

/** Merchant-written text, shown as it is in every language. */
export const verbatim = (text: string): Message => ({ code: 'text', params: { text } });

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).code === 'string';
