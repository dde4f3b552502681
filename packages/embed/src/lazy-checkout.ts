import { translator } from '@mendunia/i18n';
import { getDefaultStorefront, type Storefront } from '@mendunia/core';
import type { MenduniaCheckoutStartEvent } from '@mendunia/elements';

const CHUNK = 'mendunia-checkout.js';
/** The Trusted Types policy of the loader; a page with a `trusted-types` list allows it by name. */
export const TRUSTED_TYPES_POLICY = 'mendunia';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
type TrustedTypesFactory = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };

/**
 * A page served with `require-trusted-types-for 'script'` refuses a plain string as a script's
 * src. The loader creates one script, from one URL it computed itself, so its policy lets that
 * URL through and nothing else. Without Trusted Types (or when the page's `trusted-types` list
 * leaves 'mendunia' out, which the console is told) the URL is used as it is.
 */
let policy: ScriptUrlPolicy | null | undefined;
function scriptUrlFor(url: string): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  // Created once: a retry must not ask for a second policy of the same name (refused by a
  // trusted-types list without 'allow-duplicates').
  if (policy === undefined) {
    try {
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL: (value) => {
          if (value !== url) throw new TypeError(`Mendunia: not the checkout's URL: ${value}`);
          return value;
        },
      });
    } catch (error) {
      policy = null;
      console.error(`Mendunia: could not create the Trusted Types policy '${TRUSTED_TYPES_POLICY}' (${(error as Error).message}); add it to the page's trusted-types list.`);
    }
  }
  return policy ? (policy.createScriptURL(url) as string) : url;
}

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
 * `<mendunia-checkout>` of its own), from the same folder as mendunia.js. While it loads the
 * buyer sees a message; if it fails, a retry. Nothing in the cart is lost either way.
 */
export function setUpLazyCheckout(scriptSrc: string | undefined): void {
  // Once per page, whatever the version: with two Mendunia versions on a page the elements are
  // the first one's, so its checkout is the one that fits them; a second listener would load a
  // second checkout.
  const flags = globalThis as unknown as Record<symbol, boolean>;
  if (flags[LAZY_CHECKOUT]) return;
  flags[LAZY_CHECKOUT] = true;
  const base = scriptSrc ? new URL('.', scriptSrc).href : document.baseURI;
  let loading: Promise<void> | undefined;

  const load = (): Promise<void> => {
    if (customElements.get('mendunia-checkout')) return Promise.resolve();
    return (loading ??= new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      const url = new URL(CHUNK, base).href;
      script.src = scriptUrlFor(url);
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => {
        script.remove();
        loading = undefined;
        reject(new Error(`Mendunia: the checkout could not be loaded from ${url}.`));
      };
      document.head.append(script);
    }));
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
