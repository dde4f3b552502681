// Declarative add buttons: a shop owner writes
//   <button data-mendunia-add data-product-id="kopi-gayo-arabika" data-variant-id="250g" data-quantity="2">
// anywhere on the page, and a click adds to the cart of the closest <mendunia-store> (else the
// page's default store), exactly as a product card's button would.
import { findProduct, findVariant, getDefaultStorefront, priceOf, stockOf, type CatalogState, type Product, type Storefront, type Variant } from '@mendunia/core';
import { MenduniaAddToCartEvent } from '../../elements/src/shared/events.js'; // not the index: see main.ts

const ATTRIBUTE = 'data-mendunia-add';
/** Version-free: two copies of Mendunia on a page (any versions) install one listener. */
const INSTALLED = Symbol.for('mendunia.declarative-add@1');

/** What the button says after its last click, for the page's CSS: `[data-mendunia-result="added"]`. */
export type AddResult = 'added' | 'limited' | 'sold-out' | 'unavailable' | 'cancelled';

/** Installs the page's one delegated click listener (once per page, whatever the copy). */
export function setUpDeclarativeButtons(doc: Document = document): void {
  const flags = globalThis as unknown as Record<symbol, boolean>;
  if (flags[INSTALLED]) return;
  flags[INSTALLED] = true;
  doc.addEventListener('click', (event) => {
    // composedPath, not target: finds the button through open shadow roots and from a click on
    // an icon inside it.
    const button = event.composedPath().find((n): n is HTMLElement => n instanceof Element && n.hasAttribute(ATTRIBUTE));
    if (!button) return;
    // The button only adds: no form submit, no link navigation.
    event.preventDefault();
    void add(button);
  });
}

async function add(button: HTMLElement): Promise<void> {
  const productId = button.dataset.productId?.trim();
  if (!productId) {
    console.error(`Mendunia: a [${ATTRIBUTE}] button has no data-product-id, so it adds nothing.`, button);
    return;
  }
  const store = button.closest('mendunia-store') as (Element & { storefront?: Storefront }) | null;
  const storefront = store?.storefront ?? getDefaultStorefront();
  if (!storefront) {
    console.error(`Mendunia: the button for "${productId}" has no store. Put it inside <mendunia-store>, or add data-catalog="…" to the mendunia.js script tag.`);
    return;
  }
  const state = await ready(storefront);
  if (state.status !== 'ready') return; // The cards already show the load error.
  const product = findProduct(state.catalog, productId);
  const variant = product && chosenVariant(product, button.dataset.variantId?.trim());
  if (!product || variant === null) {
    const what = product ? `variant "${button.dataset.variantId}" of "${productId}"` : `product "${productId}"`;
    console.error(`Mendunia: a [${ATTRIBUTE}] button names ${what}, which is not in the catalog.`);
    return result(button, 'unavailable');
  }
  // Like a card's disabled button: a sold-out product is not even asked for.
  if (stockOf(product, variant) === 0) return result(button, 'sold-out');
  const quantity = parseQuantity(button.dataset.quantity);
  const event = new MenduniaAddToCartEvent({ productId: product.id, variantId: variant?.id, quantity, unitPriceIdr: priceOf(product, variant) });
  if (!button.dispatchEvent(event)) return result(button, 'cancelled');
  const outcome = storefront.cart.add(product.id, variant?.id, quantity);
  // Success is announced by the cart button's live region (the count changed).
  result(button, outcome.ok ? (outcome.limited ? 'limited' : 'added') : outcome.reason === 'sold-out' ? 'sold-out' : 'unavailable');
}

function result(button: HTMLElement, value: AddResult): void {
  button.setAttribute('data-mendunia-result', value);
}

/** The catalog once it has loaded (or failed): a click before that waits instead of failing. */
function ready(storefront: Storefront): Promise<CatalogState> {
  const now = storefront.$catalog.get();
  if (now.status === 'ready' || now.status === 'error') return Promise.resolve(now);
  return new Promise((resolve) => {
    const off = storefront.$catalog.listen((state) => {
      if (state.status !== 'ready' && state.status !== 'error') return;
      off();
      resolve(state);
    });
  });
}

/**
 * The variant named on the button (null when it does not exist); without one, what a product
 * card would preselect: the first variant in stock, else the first.
 */
function chosenVariant(product: Product, variantId: string | undefined): Variant | undefined | null {
  if (variantId) return findVariant(product, variantId) ?? null;
  return product.variants.find((v) => v.stock !== 0) ?? product.variants[0];
}

function parseQuantity(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 1;
  const n = Number(text);
  if (Number.isSafeInteger(n) && n >= 1) return n;
  console.error(`Mendunia: data-quantity="${text}" is not a whole number of at least 1; adding 1.`);
  return 1;
}
