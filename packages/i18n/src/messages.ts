// Core speaks in codes ({ code, params }); this turns them into the reader's language with the
// one i18next instance. Used by the checkout, the quote command and anything else that shows
// what core decided.
import { formatMoney, type Message, type MessageValue, type Money } from '@mendunia/core';
import { countryName } from '@mendunia/core/checkout/address.js';
import { translator, resolveLanguage } from './instance.js';

const isMoney = (value: MessageValue): value is Money =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'amount' in value && 'currency' in value;

const lists = new Map<string, Intl.ListFormat>();

function listOf(items: readonly string[], lang: string): string {
  let format = lists.get(lang);
  if (!format) lists.set(lang, (format = new Intl.ListFormat(lang, { type: 'conjunction' })));
  return format.format(items);
}

function valueText(value: MessageValue, lang: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toLocaleString(lang);
  if (Array.isArray(value)) return listOf((value as readonly MessageValue[]).map((v) => valueText(v, lang)), lang);
  if (isMoney(value as MessageValue)) return formatMoney(value as Money, lang);
  if ('region' in value) return countryName(value.region, lang);
  return describe(value as Message, lang);
}

/**
 * A message in the language of `tag` (English until that language's strings are loaded): money
 * formatted for that locale, nested messages translated, lists joined. Numbers stay numbers for
 * i18next's plurals (`count`). Text a merchant wrote (`code: 'text'`) comes back as written.
 * An unknown code shows the code itself, which a test of the locale files catches.
 */
export function describe(message: Message, tag: string | null | undefined): string {
  const lang = resolveLanguage(tag);
  if (message.code === 'text') return String(message.params?.['text'] ?? '');
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) {
    values[key] = key === 'count' && typeof value === 'number' ? value : valueText(value, lang);
  }
  return translator(lang)(message.code, values);
}
