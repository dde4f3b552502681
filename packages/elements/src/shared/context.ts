import { createContext } from '@lit/context';
import type { Storefront } from '@mendunia/core';

/**
 * The storefront a `<mendunia-store>` provides to the elements inside it. The key is a global
 * symbol so that elements from another copy of the library still find it.
 */
export const storefrontContext = createContext<Storefront | undefined>(
  Symbol.for('mendunia.storefront-context@1'),
);
