// Core speaks in codes ({ code, params }); this turns them into the reader's language with the
// one i18next instance. Used by the checkout, the quote command and anything else that shows
// what core decided.
import { formatMoney, localise, type Message, type MessageValue, type Money } from '@mendunia/core';
import { countryName } from '@mendunia/core/checkout/address.js';
import { addCheckoutStrings } from './checkout-strings.js';
import { i18n, translator, resolveLanguage } from './instance.js';
import { dirOf } from './direction.js';

const isMoney = (value: MessageValue): value is Money =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'amount' in value && 'currency' in value;

/*
 * `{{label, lowerfirst}}`: "Import VAT" → "import VAT" inside an English sentence ("GST" stays).
 * A translation that needs no such change leaves the format out.
 */
i18n.services.formatter?.add('lowerfirst', (value: unknown) => {
  const text = String(value ?? '');
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
});

const lists = new Map<string, Intl.ListFormat>();

function listOf(items: readonly string[], lang: string): string {
  let format = lists.get(lang);
  if (!format) lists.set(lang, (format = new Intl.ListFormat(lang, { type: 'conjunction' })));
  return format.format(items);
}

const zeroFractions = new Map<string, RegExp>();

/**
 * Money in a sentence: as formatMoney writes it in `lang`, but a whole amount without its zero
 * decimals ("the EU's €150 limit", "150 €" in German), as people write limits and fees.
 */
function moneyText(money: Money, lang: string): string {
  const text = formatMoney(money, lang);
  let zeros = zeroFractions.get(lang);
  if (!zeros) {
    const parts = new Intl.NumberFormat(lang, { minimumFractionDigits: 1 }).formatToParts(0);
    const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    const zero = parts.find((p) => p.type === 'fraction')?.value ?? '0';
    const digits = new Intl.NumberFormat(lang, { useGrouping: false }).format(1234567890);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    zeros = new RegExp(`${escape(decimal)}${escape(zero)}+(?![${escape(digits)}])`, 'u');
    zeroFractions.set(lang, zeros);
  }
  return text.replace(zeros, '');
}

function valueText(value: MessageValue, lang: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toLocaleString(lang);
  if (Array.isArray(value)) return listOf((value as readonly MessageValue[]).map((v) => valueText(v, lang)), lang);
  if (isMoney(value as MessageValue)) return moneyText(value as Money, lang);
  if ('region' in value) return countryName(value.region, lang);
  return describe(value as Message, lang);
}

/** Merchant text: `{ text }`, or `{ text, id: '…', ja: '…' }` when the merchant wrote it per language. */
function merchantText(params: Message['params'], lang: string): string {
  const { text, ...byLanguage } = params ?? {};
  const written = Object.fromEntries(Object.entries(byLanguage).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const fallback = typeof text === 'string' ? text : '';
  if (Object.keys(written).length === 0) return fallback;
  return localise({ en: fallback, ...written }, lang) || fallback;
}

/**
 * A message in the language of `tag` (English until that language's strings are loaded): money
 * formatted for that locale (whole amounts without zero decimals), numbers in its digits, a
 * region (`{ region: 'DE' }`) by its name ("Jerman"), nested messages translated, lists joined
 * ("A, B and C"). `count` stays a number for i18next's plurals.
 * Text a merchant wrote (`code: 'text'`) comes back as written, in the reader's language when
 * the merchant wrote several (`{ text, id: '…' }`, picked as `localise()` does).
 * An unknown code shows the code itself, which a test of the locale files catches.
 * The rule words (`rules.*`) ship with the checkout strings, which this adds.
 */
export function describe(message: Message, tag: string | null | undefined): string {
  const lang = resolveLanguage(tag);
  if (message.code === 'text') return merchantText(message.params, lang);
  addCheckoutStrings();
  // In a right-to-left sentence a value of its own direction (a phone number "+49 …", a Latin
  // product name, an amount "€150") is isolated (FSI … PDI), or its "+" and digits are reordered.
  const rtl = dirOf(lang) === 'rtl';
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) {
    if (key === 'count' && typeof value === 'number') values[key] = value;
    else values[key] = rtl ? `\u2068${valueText(value, lang)}\u2069` : valueText(value, lang);
  }
  return translator(lang)(message.code, values);
}
