/**
 * A postal customs declaration (CN22 / CN23) filled from a stored order: the merchant's
 * dashboard prints it, and anything else that needs the same paperwork (a courier's commercial
 * invoice, the CLI) can read the same structure. Pure data, English descriptions, codes for
 * anything worth a warning: the words are the caller's (the dashboard's i18n).
 */
import type { Order } from '../checkout/order.js';
import { formatAddressLines } from '../checkout/address.js';
import { currencyInfo } from '../money/currencies.js';
import type { Money } from '../money/convert.js';
import { div, mul, parseDecimal, ratio } from '../money/decimal.js';
import { roundRatio } from '../money/round.js';
import { message, type Message } from '../util/message.js';

/** Who sends or receives the parcel, as printed on the form. */
export interface CustomsParty {
  readonly name: string;
  /** Address lines, country last. */
  readonly lines: readonly string[];
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface DeclarationLine {
  /** English, as customs forms are written. */
  readonly description: string;
  readonly hsCode?: string;
  readonly quantity: number;
  readonly netWeightGrams: number;
  readonly valueIdr: number;
  /** The value in the declared currency, when one besides IDR is known. */
  readonly value?: Money;
  readonly originCountry: string;
}

export interface CustomsDeclaration {
  readonly form: 'CN22' | 'CN23';
  readonly reference: string;
  /** YYYY-MM-DD, the day the form is filled. */
  readonly date: string;
  readonly sender: CustomsParty;
  readonly recipient: CustomsParty;
  /** CN22/CN23 box "category of item": an order is always a sale. */
  readonly category: 'sale-of-goods';
  readonly lines: readonly DeclarationLine[];
  readonly totalWeightGrams: number;
  readonly totalValueIdr: number;
  /** The declared currency (the buyer's), or undefined when only IDR is known. */
  readonly currency?: string;
  readonly totalValue?: Money;
  /**
   * What the form lacks or the merchant should check, as codes: `customs.missingHsCode`
   * `{ line }` (1-based), `customs.noSenderAddress`, `customs.missingWeight` `{ line }`.
   */
  readonly warnings: readonly Message[];
}

/** The buyer's currency and the amount they saw for the order total (major units, "41.25"). */
export interface DeclaredCurrency {
  readonly currency: string;
  readonly total: string;
}

export interface DeclarationOptions {
  readonly sender: CustomsParty;
  /** The buyer's currency and the total they saw; the line values are converted in proportion. */
  readonly declared?: DeclaredCurrency;
  readonly now?: Date;
}

/**
 * The order's customs lines, totals and parties as a CN22 or CN23 (the form the order chose when
 * it was placed: CN22 for one small packet up to 2 kg and 300 SDR, CN23 otherwise).
 *
 * Values in the declared currency use the rate the buyer saw (their total ÷ the IDR total), so
 * the form agrees with what the buyer paid; each line is rounded once to the currency's minor
 * unit and the total is the sum of the lines (a customs officer adds them up).
 */
export function customsDeclaration(order: Order, options: DeclarationOptions): CustomsDeclaration {
  const warnings: Message[] = [];
  const factor = declaredFactor(order, options.declared);
  const currency = factor ? options.declared!.currency.toUpperCase() : undefined;
  const info = currency ? currencyInfo(currency) : undefined;

  const lines: DeclarationLine[] = order.customs.lines.map((line, i) => {
    if (!line.hsCode) warnings.push(message('customs.missingHsCode', { line: i + 1 }));
    if (!(line.netWeightGrams > 0)) warnings.push(message('customs.missingWeight', { line: i + 1 }));
    const value: Money | undefined = factor && info && currency
      ? { amount: roundRatio(mul(ratio(BigInt(line.valueIdr)), factor), { type: 'none' }, info), currency }
      : undefined;
    return {
      description: line.description,
      ...(line.hsCode ? { hsCode: line.hsCode } : {}),
      quantity: line.quantity,
      netWeightGrams: line.netWeightGrams,
      valueIdr: line.valueIdr,
      ...(value ? { value } : {}),
      originCountry: line.originCountry,
    };
  });
  if (options.sender.lines.length === 0) warnings.push(message('customs.noSenderAddress'));

  const totalValue: Money | undefined = currency
    ? { amount: lines.reduce((n, l) => n + (l.value?.amount ?? 0), 0), currency }
    : undefined;
  const now = options.now ?? new Date();
  return {
    form: order.customs.form,
    reference: order.reference,
    date: now.toISOString().slice(0, 10),
    sender: options.sender,
    recipient: {
      name: order.contact.name,
      lines: order.addressLines?.length ? order.addressLines : formatAddressLines(order.address),
      country: order.address.country,
      ...(order.contact.phone ? { phone: order.contact.phone } : {}),
      ...(order.contact.email ? { email: order.contact.email } : {}),
    },
    category: 'sale-of-goods',
    lines,
    totalWeightGrams: order.customs.totalWeightGrams,
    totalValueIdr: order.customs.totalValueIdr,
    ...(currency ? { currency } : {}),
    ...(totalValue ? { totalValue } : {}),
    warnings,
  };
}

/**
 * Minor units of the declared currency per rupiah, from the buyer's total; undefined when there
 * is none to use (IDR itself, an unknown currency, an unreadable or zero amount).
 */
function declaredFactor(order: Order, declared: DeclaredCurrency | undefined) {
  if (!declared || order.totals.totalIdr <= 0) return undefined;
  const info = currencyInfo(declared.currency.toUpperCase());
  if (!info || info.code === 'IDR') return undefined;
  let total;
  try {
    total = parseDecimal(declared.total);
  } catch {
    return undefined;
  }
  if (total.n <= 0n) return undefined;
  return div(mul(total, ratio(10n ** BigInt(info.digits))), ratio(BigInt(order.totals.totalIdr)));
}
