import { localise, type LocalisedText } from '../catalog/index.js';
import type { Address } from './address.js';
import { formatAddressLines, normalizeAddress } from './address.js';
import { balanceBidi } from '../util/bidi.js';
import type { Quote } from './quote.js';
import type { TaxLine } from './duties.js';

/** Who the buyer is, as the checkout's contact step collects it. */
export interface OrderContact {
  readonly name: string;
  readonly email: string;
  /** E.164, e.g. +6281234567890. */
  readonly phone: string;
}

/** One line of a postal customs declaration (CN22/CN23) or a courier's commercial invoice. */
export interface CustomsLine {
  readonly description: string;
  readonly quantity: number;
  readonly netWeightGrams: number;
  readonly valueIdr: number;
  readonly hsCode?: string;
  readonly originCountry: 'ID';
}

export interface OrderLine {
  readonly productId: string;
  readonly variantId?: string;
  /** The product's name in English (customs forms are English). */
  readonly name: string;
  /**
   * The product's name in every language of the catalog: pick the buyer's or the merchant's
   * (Indonesian, `id`) with lineTitle() or localise(). Orders written before it was added lack it.
   */
  readonly productName?: LocalisedText;
  /** The variant's name in every language of the catalog; present when variantId is (same caveat). */
  readonly variantName?: LocalisedText;
  readonly quantity: number;
  readonly unitPriceIdr: number;
  readonly lineTotalIdr: number;
  readonly unitWeightGrams: number;
  readonly hsCode?: string;
}

/**
 * An order as the merchant receives it (downloadable JSON in the no-backend mode): the lines,
 * the delivery, the shipping service, the import estimate, the totals in IDR and everything a
 * CN22/CN23 or a courier invoice needs. Prices come from the quote, which came from the catalog.
 */
export interface Order {
  readonly format: 'mendunia.order/1';
  readonly reference: string;
  readonly createdAt: string;
  readonly contact: OrderContact;
  readonly address: Address;
  /** The address as a label, one line each, country last. */
  readonly addressLines: readonly string[];
  readonly lines: readonly OrderLine[];
  readonly shipping: { readonly serviceId: string; readonly carrier: string; readonly name: LocalisedText; readonly priceIdr: number; readonly parcels: number; readonly chargeableGrams: number; readonly days: readonly [number, number] };
  readonly importCharges: {
    readonly regime: string;
    readonly incoterm: 'DAP' | 'DDP';
    readonly lines: readonly TaxLine[];
    readonly atCheckoutIdr: number;
    readonly onDeliveryIdr: number;
  } | null;
  readonly totals: Quote['totals'];
  /** The currency the buyer saw prices in (an estimate); the order is charged in IDR. */
  readonly displayCurrency: string;
  readonly customs: {
    /** CN22 for small packets (≤ 2 kg and ≤ 300 SDR); CN23 otherwise. */
    readonly form: 'CN22' | 'CN23';
    readonly lines: readonly CustomsLine[];
    readonly totalValueIdr: number;
    readonly totalWeightGrams: number;
    readonly currency: 'IDR';
  };
}

/**
 * 300 SDR in IDR, the CN22 value limit. The SDR is not in the ECB's table, so its IDR value is
 * kept here as dated data (IMF: 1 SDR ≈ US$1.37, USD/IDR ≈ 16,600 in Nov 2026 — verify).
 */
export const CN22_LIMIT_IDR = 6_822_000;
export const CN22_LIMIT_GRAMS = 2000;

/** What lineNames() and lineTitle() read: an OrderLine, a ParcelItem or an order line stored before names were kept. */
export interface NamedLine {
  readonly productId?: string;
  readonly variantId?: string;
  readonly name: string;
  readonly productName?: LocalisedText;
  readonly variantName?: LocalisedText;
}

/**
 * A line's product and variant names in `lang`, falling back as localise() does (→ English →
 * Indonesian → the first written). A line without the catalog's names (an order stored before
 * they were kept) falls back to its English `name` and its `variantId`, so two variants of one
 * product never read alike.
 */
export function lineNames(line: NamedLine, lang: string): { product: string; variant?: string } {
  const product = localise(line.productName, lang) || line.name || line.productId || '';
  const variant = localise(line.variantName, lang) || line.variantId;
  return variant ? { product, variant } : { product };
}

/**
 * The words for one line in `lang`, the same in the checkout, the hand-off texts and the
 * server's views: "Kemeja Batik Lasem Lengan Pendek — L", or the product's name alone.
 */
export function lineTitle(line: NamedLine, lang: string): string {
  const { product, variant } = lineNames(line, lang);
  return variant ? `${product} — ${variant}` : product;
}

/**
 * A customs description: English, the variant after a comma ("Lasem Batik Short-sleeve Shirt, L"),
 * plain ASCII punctuation because carriers' systems and hand-written forms take it.
 */
export function customsDescription(line: NamedLine): string {
  const { product, variant } = lineNames(line, 'en');
  return variant ? `${product}, ${variant}` : product;
}

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A short order reference a buyer can read out on the phone: prefix, date and 5 characters
 * without look-alikes (no 0/O, 1/I/L). `random` is injectable for tests.
 */
export function orderReference(prefix = 'MDN', now = new Date(), random: () => number = Math.random): string {
  const date = now.toISOString().slice(2, 10).replace(/-/g, '');
  let code = '';
  for (let i = 0; i < 5; i++) code += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${prefix}-${date}-${code}`;
}

export interface CreateOrderOptions {
  readonly reference?: string;
  readonly now?: Date;
  readonly displayCurrency?: string;
}

/** Turns a quote that can be ordered into an order; throws for a quote whose status is not ok. */
export function createOrder(quote: Quote, contact: OrderContact, address: Address, options: CreateOrderOptions = {}): Order {
  if (quote.status !== 'ok' || !quote.service) throw new Error(`This quote cannot be ordered (${quote.status}).`);
  const now = options.now ?? new Date();
  const normalized = normalizeAddress(address);
  const lines: OrderLine[] = quote.items.map((i) => ({
    productId: i.productId,
    ...(i.variantId ? { variantId: i.variantId } : {}),
    name: i.name,
    ...(i.productName !== undefined ? { productName: i.productName } : {}),
    ...(i.variantName !== undefined ? { variantName: i.variantName } : {}),
    quantity: i.quantity,
    unitPriceIdr: i.unitPriceIdr,
    lineTotalIdr: i.unitPriceIdr * i.quantity,
    unitWeightGrams: i.unitWeightGrams,
    ...(i.hsCode ? { hsCode: i.hsCode } : {}),
  }));
  const customsLines: CustomsLine[] = quote.items.map((i) => ({
    description: customsDescription(i),
    quantity: i.quantity,
    netWeightGrams: i.unitWeightGrams * i.quantity,
    valueIdr: i.unitPriceIdr * i.quantity,
    ...(i.hsCode ? { hsCode: i.hsCode } : {}),
    originCountry: 'ID',
  }));
  const totalWeightGrams = quote.service.parcels.reduce((n, p) => n + p.actualGrams, 0);
  const totalValueIdr = quote.totals.goodsIdr;
  const lc = quote.landedCost;
  return {
    format: 'mendunia.order/1',
    reference: options.reference ?? orderReference('MDN', now),
    createdAt: now.toISOString(),
    // What the buyer typed goes into the shop's messages: no unpaired bidi control may re-order them.
    contact: { name: balanceBidi(contact.name).trim(), email: balanceBidi(contact.email).trim(), phone: balanceBidi(contact.phone).trim() },
    address: normalized,
    addressLines: formatAddressLines(normalized),
    lines,
    shipping: {
      serviceId: quote.service.serviceId,
      carrier: quote.service.carrier,
      name: quote.service.name,
      priceIdr: quote.service.priceIdr,
      parcels: quote.service.parcels.length,
      chargeableGrams: quote.service.parcels.reduce((n, p) => n + p.chargeableGrams, 0),
      days: quote.service.days,
    },
    importCharges: lc ? { regime: lc.regime, incoterm: lc.incoterm, lines: lc.lines, atCheckoutIdr: lc.atCheckoutIdr, onDeliveryIdr: lc.onDeliveryIdr } : null,
    totals: quote.totals,
    displayCurrency: options.displayCurrency ?? 'IDR',
    customs: {
      form: totalWeightGrams <= CN22_LIMIT_GRAMS && totalValueIdr <= CN22_LIMIT_IDR && quote.service.parcels.length === 1 ? 'CN22' : 'CN23',
      lines: customsLines,
      totalValueIdr,
      totalWeightGrams,
      currency: 'IDR',
    },
  };
}
