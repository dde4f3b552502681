import type { Storefront } from './storefront.js';

/**
 * The page's default storefront, kept on globalThis under a symbol keyed by the major version,
 * so a bare `<mendunia-price>` finds it even when two copies of Mendunia (two script tags,
 * or a bundle plus a script tag) are on one page.
 */
const KEY = Symbol.for('mendunia.storefront@1');

interface Registry {
  storefront: Storefront | undefined;
  readonly listeners: Set<(storefront: Storefront | undefined) => void>;
}

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { storefront: undefined, listeners: new Set() });
}

export function getDefaultStorefront(): Storefront | undefined {
  return registry().storefront;
}

/** Makes `storefront` the page default (or clears it) and tells every waiting element. */
export function setDefaultStorefront(storefront: Storefront | undefined): void {
  const r = registry();
  if (r.storefront === storefront) return;
  r.storefront = storefront;
  for (const listener of [...r.listeners]) listener(storefront);
}

/** Calls `listener` now and whenever the default storefront changes; returns the unsubscribe. */
export function watchDefaultStorefront(
  listener: (storefront: Storefront | undefined) => void,
): () => void {
  const r = registry();
  r.listeners.add(listener);
  listener(r.storefront);
  return () => r.listeners.delete(listener);
}
