import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchDefaultStorefront, type ReadableAtom, type Storefront } from '@mendunia/core';
import { $loadedLanguages, dirOf, displayLanguage } from '@mendunia/i18n';
import { storefrontContext } from './context.js';

/** How long after the page loaded an element may still have no store before we say so. */
const NO_STORE_GRACE_MS = 3000;
let warnedNoStore = false;

export interface StorefrontHost extends ReactiveControllerHost, HTMLElement {
  storefront?: Storefront;
}

/**
 * Finds the storefront an element belongs to — its `storefront` property, else the nearest
 * `<mendunia-store>` (context), else the page's default — and re-renders the element when the
 * stores it reads change, or when a language's strings arrive. (nanostores' StoreController
 * pattern, plus the resolution order.) It also gives the element's shadow root content the
 * storefront's `lang` and `dir` (WCAG 3.1.2): the host page keeps its own, so a screen reader
 * reads an Arabic widget with an Arabic voice on an English page.
 */
export class StorefrontController implements ReactiveController {
  private fromContext: Storefront | undefined;
  private fromPage: Storefront | undefined;
  private current: Storefront | undefined;
  private unsubscribe: (() => void)[] = [];
  private unwatchPage?: () => void;
  private unwatchLanguages?: () => void;

  constructor(
    private readonly host: StorefrontHost,
    private readonly stores: (storefront: Storefront) => readonly ReadableAtom<unknown>[],
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: storefrontContext,
      subscribe: true,
      callback: (value) => {
        this.fromContext = value;
        this.resolve();
      },
    });
  }

  /** The resolved storefront, or undefined when there is none yet. */
  get value(): Storefront | undefined {
    return this.current;
  }

  hostConnected(): void {
    // A language's strings arrived (loaded on demand): show them.
    this.unwatchLanguages = $loadedLanguages.listen(() => this.host.requestUpdate());
    this.unwatchPage = watchDefaultStorefront((s) => {
      this.fromPage = s;
      this.resolve();
    });
    if (!warnedNoStore) this.warnIfStoreless();
  }

  /** An element with no store renders nothing useful forever: tell the developer once. */
  private warnIfStoreless(): void {
    const check = () =>
      setTimeout(() => {
        if (warnedNoStore || this.current || !this.host.isConnected) return;
        warnedNoStore = true;
        console.warn(
          `Mendunia: <${this.host.localName}> has no store. Put it inside <mendunia-store catalog="…">, or add data-catalog="…" to the mendunia.js script tag.`,
        );
      }, NO_STORE_GRACE_MS);
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  }

  hostDisconnected(): void {
    this.unwatchLanguages?.();
    this.unwatchPage?.();
    this.unwatchPage = undefined;
    this.fromPage = undefined;
    this.swap(undefined);
  }

  /** The language the element shows: the storefront's, else the page's. */
  get lang(): string {
    return displayLanguage(this.current?.$locale.get() ?? document.documentElement.lang);
  }

  /** Marks every top-level element of the shadow root (the part a host's `lang` cannot reach). */
  hostUpdated(): void {
    const lang = this.lang;
    const dir = dirOf(lang);
    for (const el of this.host.shadowRoot?.children ?? []) {
      if (el.localName === 'style') continue;
      if (el.getAttribute('lang') !== lang) el.setAttribute('lang', lang);
      if (el.getAttribute('dir') !== dir) el.setAttribute('dir', dir);
    }
  }

  /** Picks up a changed `storefront` property before the host renders. */
  hostUpdate(): void {
    this.resolve(false);
  }

  private resolve(requestUpdate = true): void {
    if (!this.host.isConnected) return;
    const next = this.host.storefront ?? this.fromContext ?? this.fromPage;
    if (next === this.current) return;
    this.swap(next);
    if (requestUpdate) this.host.requestUpdate();
  }

  private swap(next: Storefront | undefined): void {
    for (const off of this.unsubscribe) off();
    this.current = next;
    this.unsubscribe = next
      ? [...new Set([next.$locale, ...this.stores(next)])].map((store) => store.listen(() => this.host.requestUpdate()))
      : [];
  }
}
