/** The part of the Web Storage API we use; localStorage fits it, so does a Map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that lives as long as the page (or process): for Node, tests and fallbacks. */
export function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

const PROBE_KEY = 'mendunia:probe';

function usableLocalStorage(): KeyValueStorage | undefined {
  try {
    // Even reading the property throws (SecurityError) in sandboxed frames and with cookies
    // blocked; Safari's old private mode had it but threw on every write.
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (!storage) return undefined;
    storage.setItem(PROBE_KEY, PROBE_KEY);
    storage.removeItem(PROBE_KEY);
    return storage;
  } catch {
    return undefined;
  }
}

/**
 * globalThis.localStorage when it works, else a memoryStorage(). Never throws: a write that
 * fails (QuotaExceededError) keeps that key in memory instead, so the page carries on.
 */
export function safeLocalStorage(): KeyValueStorage {
  const storage = usableLocalStorage();
  if (!storage) return memoryStorage();
  // Keys whose last write did not fit; they are read from here until a write fits again.
  const overflow = new Map<string, string>();
  return {
    getItem(key) {
      const kept = overflow.get(key);
      if (kept !== undefined) return kept;
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        storage.setItem(key, value);
        overflow.delete(key);
      } catch {
        overflow.set(key, String(value));
        try {
          // The old value would otherwise outlive the page and be read back as current.
          storage.removeItem(key);
        } catch {
          // Nothing more to do: memory has the value.
        }
      }
    },
    removeItem(key) {
      overflow.delete(key);
      try {
        storage.removeItem(key);
      } catch {
        // Storage gone since the probe; nothing to remove.
      }
    },
  };
}

/**
 * Reads JSON stored under `key` and hands it to `parse` for validation. Never throws: missing,
 * unreadable, corrupt or rejected (parse returns undefined or throws) all give undefined.
 */
export function readJson<T>(
  storage: KeyValueStorage,
  key: string,
  parse: (value: unknown) => T | undefined,
): T | undefined {
  try {
    const text = storage.getItem(key);
    return text === null ? undefined : parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON under `key`. False (never a throw) when it could not be stored. */
export function writeJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return false;
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
