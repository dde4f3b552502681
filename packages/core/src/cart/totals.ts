import type { Catalog, LocalisedText, Product, ProductImage, Variant } from '../catalog/index.js';
import { findProduct, findVariant, priceOf, stockOf } from '../catalog/index.js';
import { formatMoney, type Money } from '../money/index.js';
import type { PriceView, Pricing } from '../client/pricing.js';
import type { CartLine } from './cart.js';

export interface CartLineView {
  readonly line: CartLine;
  readonly product: Product;
  readonly variant?: Variant;
  readonly name: LocalisedText;
  readonly variantName?: LocalisedText;
  readonly image?: ProductImage;
  readonly quantity: number;
  /** The most the buyer can have of this line (stock); null when not tracked. */
  readonly maxQuantity: number | null;
  readonly unit: PriceView;
  /** The line total: the displayed unit price times the quantity (and the exact IDR total). */
  readonly total: PriceView;
}

/**
 * The cart priced for display. The rule (documented in docs/cart.md): each line's displayed total
 * is its displayed unit price times the quantity (what a buyer checks by hand); the displayed subtotal is the sum of the displayed line totals,
 * so the numbers a buyer adds up always match. The IDR subtotal (what is charged) is the
 * exact sum of the IDR lines.
 */
export interface CartTotals {
  readonly lines: readonly CartLineView[];
  readonly count: number;
  readonly subtotalIdr: number;
  readonly subtotal: Money;
  /** The displayed subtotal, "≈ US$123.40" when converted. */
  readonly subtotalText: string;
  /** The IDR subtotal formatted: what the buyer is charged before shipping and duties. */
  readonly chargeText: string;
  readonly approximate: boolean;
  readonly currency: string;
}

/** Prices the cart's lines that exist in the catalog (revalidate() removes the others). */
export function cartTotals(lines: readonly CartLine[], catalog: Catalog, pricing: Pricing): CartTotals {
  const views: CartLineView[] = [];
  let subtotalIdr = 0;
  let subtotalDisplay = 0;
  let count = 0;
  for (const line of lines) {
    const product = findProduct(catalog, line.productId);
    if (!product) continue;
    const variant = findVariant(product, line.variantId);
    if (line.variantId !== undefined && !variant) continue;
    const unitIdr = priceOf(product, variant);
    const lineIdr = unitIdr * line.quantity;
    const total = pricing.line(unitIdr, line.quantity);
    views.push({
      line,
      product,
      ...(variant ? { variant, variantName: variant.name } : {}),
      name: product.name,
      ...(product.images[0] ? { image: product.images[0] } : {}),
      quantity: line.quantity,
      maxQuantity: stockOf(product, variant),
      unit: pricing.price(unitIdr),
      total,
    });
    subtotalIdr += lineIdr;
    subtotalDisplay += total.display.amount;
    count += line.quantity;
  }
  const subtotal: Money = { amount: subtotalDisplay, currency: pricing.currency };
  const approximate = pricing.currency !== pricing.chargeCurrency;
  const chargeText = formatMoney({ amount: subtotalIdr, currency: 'IDR' }, pricing.locale);
  return {
    lines: views,
    count,
    subtotalIdr,
    subtotal,
    subtotalText: approximate ? formatMoney(subtotal, pricing.locale, { approximate: true }) : chargeText,
    chargeText,
    approximate,
    currency: pricing.currency,
  };
}
