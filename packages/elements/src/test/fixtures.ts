// Test data shared by the element tests: a small real catalog and rate table, and a storefront
// built from them with the real core (memory storage so tests do not leak into each other).
import {
  createStorefront,
  memoryStorage,
  staticRates,
  setDefaultStorefront,
  type KeyValueStorage,
  type Storefront,
  type StorefrontConfig,
} from '@mendunia/core';

export const RATES = {
  base: 'EUR',
  date: new Date().toISOString().slice(0, 10),
  rates: { IDR: '19300', USD: '1.16', SGD: '1.50', JPY: '176', MYR: '4.85', AUD: '1.77' },
};


export const CATALOG = {
  version: 1,
  currency: 'IDR',
  merchant: { name: 'Toko Uji', country: 'ID' },
  categories: [{ id: 'kopi', name: { id: 'Kopi', en: 'Coffee' } }],
  products: [
    {
      id: 'kopi-gayo',
      name: { id: 'Kopi Arabika Gayo', en: 'Gayo Arabica Coffee' },
      description: { id: 'Biji kopi sangrai dari Aceh.', en: 'Roasted coffee beans from Aceh.' },
      category: 'kopi',
      price: 150000,
      images: [{ src: '/packages/elements/src/test/product.svg', width: 400, height: 300, alt: { en: 'A pouch of coffee', id: 'Sekantong kopi' } }],
      weightGrams: 300,
      hsCode: '0901.21',
      variants: [
        { id: 'beans', name: { id: 'Biji', en: 'Whole bean' }, price: 150000, stock: 10, weightGrams: 300 },
        { id: 'ground', name: { id: 'Bubuk', en: 'Ground' }, price: 155000, stock: 0, weightGrams: 300 },
        { id: '1kg', name: { id: '1 kg', en: '1 kg' }, price: 520000, stock: 2, weightGrams: 1100 },
      ],
    },
    {
      id: 'cengkeh',
      name: 'Cengkeh Maluku',
      price: 45000,
      images: [],
      weightGrams: 150,
      stock: 3,
    },
    {
      id: 'batik-habis',
      name: { en: 'Sold-out Batik', id: 'Batik Habis' },
      price: 850000,
      images: [],
      weightGrams: 350,
      stock: 0,
    },
  ],
};

export interface TestStore {
  storefront: Storefront;
  storage: KeyValueStorage;
}

/** A ready storefront (catalog and rates loaded) with memory storage. */
export async function readyStorefront(config: Partial<StorefrontConfig> = {}): Promise<TestStore> {
  const storage = config.storage ?? memoryStorage();
  const storefront = createStorefront({
    catalog: CATALOG,
    rates: staticRates(RATES),
    locale: 'en',
    defaultCurrency: 'USD',
    storage,
    ...config,
  });
  await Promise.all([storefront.loadCatalog(), storefront.loadRates()]);
  return { storefront, storage };
}

/** Captures console.error/warn calls during `fn`. */
export async function captureConsole<T>(fn: () => Promise<T> | T): Promise<{ result: T; errors: string[]; warnings: string[] }> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    const result = await fn();
    return { result, errors, warnings };
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** Polls until `predicate` holds (for work that settles over several tasks, e.g. fetches). */
export async function waitFor(predicate: () => boolean, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(() => {
  setDefaultStorefront(undefined);
  // Stores built from HTML use the real localStorage; one test's saved choices must not leak.
  localStorage.clear();
});
