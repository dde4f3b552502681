import { useCallback, useSyncExternalStore } from 'react';
import type { ReadableAtom } from '@mendunia/core';

/**
 * The current value of one of a storefront's stores (`$currency`, `$cart`, `cart.$count`…),
 * re-rendering the component when it changes. For headless UIs built on `createStorefront()`.
 *
 * ```tsx
 * const count = useStorefrontStore(storefront.cart.$count);
 * ```
 */
export function useStorefrontStore<T>($store: ReadableAtom<T>): T {
  const subscribe = useCallback((onChange: () => void) => $store.listen(() => onChange()), [$store]);
  // Our stores return the same value until an input changes, as useSyncExternalStore requires.
  return useSyncExternalStore(subscribe, $store.get, $store.get);
}
