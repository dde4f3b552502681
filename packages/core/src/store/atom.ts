// Tiny reactive stores in the shape of nanostores (`$name.get()`, `.listen()`, `.subscribe()`).
// Written here rather than depending on nanostores because its builds read
// `process.env.NODE_ENV`, which throws in a browser that loads our ESM without a bundler.

export type Listener<T> = (value: T, previous: T) => void;

export interface ReadableAtom<T> {
  get(): T;
  /** Calls `listener` on every change (not now); returns the unsubscribe function. */
  listen(listener: Listener<T>): () => void;
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

export interface WritableAtom<T> extends ReadableAtom<T> {
  set(value: T): void;
}

export function atom<T>(initial: T): WritableAtom<T> {
  let value = initial;
  const listeners = new Set<Listener<T>>();
  const self: WritableAtom<T> = {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      const previous = value;
      value = next;
      // A listener may unsubscribe others while we notify: iterate over a copy.
      for (const l of [...listeners]) l(value, previous);
    },
    listen(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    subscribe(listener) {
      const off = self.listen(listener);
      listener(value);
      return off;
    },
  };
  return self;
}

type Values<S extends readonly ReadableAtom<unknown>[]> = { [K in keyof S]: S[K] extends ReadableAtom<infer V> ? V : never };

/**
 * A store derived from others. It recomputes when one of them changes, and only then, so
 * `get()` returns the same object until an input changes (elements can compare by identity).
 */
export function computed<T, S extends readonly ReadableAtom<unknown>[]>(
  stores: readonly [...S],
  compute: (...values: Values<S>) => T,
): ReadableAtom<T> {
  const read = () => compute(...(stores.map((s) => s.get()) as Values<S>));
  const out = atom(read());
  for (const s of stores) s.listen(() => out.set(read()));
  return { get: out.get, listen: out.listen, subscribe: out.subscribe };
}
