import { translator } from '@mendunia/i18n';
import { getDefaultStorefront, type Storefront } from '@mendunia/core';
import type { MenduniaCheckoutStartEvent } from '@mendunia/elements';

const LAZY_CHECKOUT = Symbol.for('mendunia.lazy-checkout@1');

// Shown, light DOM, while the checkout's code loads or when it failed to load. An adopted
// stylesheet, not a <style> element or a style attribute: it works under a strict CSP.
const fallbackCss = `
mendunia-checkout:not(:defined) { position: fixed; inset: 0; z-index: 2147483000; display: grid; place-items: center; background: rgb(20 16 12 / .5); }
mendunia-checkout:not(:defined) > div { max-inline-size: min(28rem, 90vw); padding: 1.25rem; border-radius: 8px; background: #fff; color: #1f1a17; font: 1rem system-ui, sans-serif; display: grid; gap: .75rem; }
mendunia-checkout:not(:defined) button { font: inherit; padding: .5rem 1rem; }
`;

/**
 * Loads the checkout when a buyer first continues to checkout (or when the page has a
 * `<mendunia-checkout>` of its own): `importCheckout` imports its chunk (see loader.ts). While it
 * loads the buyer sees a message; if it fails, a retry. Nothing in the cart is lost either way.
 */
export function setUpLazyCheckout(importCheckout: () => Promise<unknown>): void {
  // Once per page, whatever the version: with two Mendunia versions on a page the elements are
  // the first one's, so its checkout is the one that fits them; a second listener would load a
  // second checkout.
  const flags = globalThis as unknown as Record<symbol, boolean>;
  if (flags[LAZY_CHECKOUT]) return;
  flags[LAZY_CHECKOUT] = true;
  let loading: Promise<void> | undefined;

  const load = (): Promise<void> => {
    if (customElements.get('mendunia-checkout')) return Promise.resolve();
    return (loading ??= importCheckout().then(
      () => undefined,
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  };

  const adopt = () => {
    if (!('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(fallbackCss);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  };
  let adopted = false;

  const show = (el: Element, storefront: Storefront | undefined) => {
    if (customElements.get('mendunia-checkout')) return;
    if (!adopted) {
      adopt();
      adopted = true;
    }
    // These four strings are in the main locale files, not the checkout's: this message shows
    // exactly when the checkout chunk (and the strings it brings) has not arrived.
    const t = translator(storefront?.$locale.get() ?? document.documentElement.lang);
    const box = document.createElement('div');
    const message = document.createElement('p');
    message.setAttribute('role', 'status');
    message.textContent = t('checkout.loading');
    box.append(message);
    el.replaceChildren(box);
    load().catch((error: Error) => {
      console.error(error.message);
      message.setAttribute('role', 'alert');
      message.textContent = t('checkout.loadError');
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.textContent = t('checkout.retry');
      retry.addEventListener('click', () => show(el, storefront));
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = t('checkout.close');
      close.addEventListener('click', () => {
        storefront?.closeCheckout();
        el.replaceChildren();
      });
      box.append(retry, close);
      retry.focus();
    });
  };

  // The cart opens the checkout unless the page cancelled the event: make sure there is a
  // <mendunia-checkout> beside that cart (so it finds the same store) and its code loads.
  document.addEventListener('mendunia-checkout-start', (event) => {
    const e = event as MenduniaCheckoutStartEvent;
    if (e.defaultPrevented) return;
    const cart = e.composedPath()[0] as Element;
    const store = cart.closest('mendunia-store') as (Element & { storefront?: Storefront }) | null;
    let checkout = (store ?? document).querySelector('mendunia-checkout');
    if (!checkout) {
      checkout = document.createElement('mendunia-checkout');
      cart.after(checkout);
    }
    show(checkout, store?.storefront ?? getDefaultStorefront());
  });

  const existing = document.querySelector('mendunia-checkout');
  if (existing) void load().catch((error: Error) => console.error(error.message));
}
