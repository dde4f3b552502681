import { expect } from '@open-wc/testing';
import { memoryStorage, readJson, safeLocalStorage, writeJson, type KeyValueStorage } from './storage.js';

const KEY = 'mendunia:test:storage';

describe('memoryStorage', () => {
  it('stores, reads and removes strings', () => {
    const storage = memoryStorage();
    expect(storage.getItem(KEY)).to.equal(null);
    storage.setItem(KEY, 'a');
    expect(storage.getItem(KEY)).to.equal('a');
    storage.removeItem(KEY);
    expect(storage.getItem(KEY)).to.equal(null);
  });

  it('keeps instances apart', () => {
    const a = memoryStorage();
    a.setItem(KEY, 'a');
    expect(memoryStorage().getItem(KEY)).to.equal(null);
  });
});

describe('readJson / writeJson', () => {
  const asNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);

  it('round-trips a value', () => {
    const storage = memoryStorage();
    expect(writeJson(storage, KEY, { v: 1, list: [1, 2] })).to.equal(true);
    expect(readJson(storage, KEY, (value) => value)).to.deep.equal({ v: 1, list: [1, 2] });
  });

  const unreadable: [string, string | null][] = [
    ['missing', null],
    ['corrupt JSON', '{"v":1,'],
    ['rejected by the parser', '"a string"'],
    ['empty', ''],
  ];
  for (const [name, raw] of unreadable) {
    it(`gives undefined for ${name}`, () => {
      const storage = memoryStorage();
      if (raw !== null) storage.setItem(KEY, raw);
      expect(readJson(storage, KEY, asNumber)).to.equal(undefined);
    });
  }

  it('gives undefined when the parser throws', () => {
    const storage = memoryStorage();
    storage.setItem(KEY, '1');
    expect(
      readJson(storage, KEY, () => {
        throw new Error('bad');
      }),
    ).to.equal(undefined);
  });

  it('gives undefined when the storage itself throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readJson(broken, KEY, asNumber)).to.equal(undefined);
    expect(writeJson(broken, KEY, 1)).to.equal(false);
  });

  it('reports values JSON cannot hold instead of throwing', () => {
    const storage = memoryStorage();
    expect(writeJson(storage, KEY, 1n)).to.equal(false);
    expect(writeJson(storage, KEY, undefined)).to.equal(false);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(writeJson(storage, KEY, cyclic)).to.equal(false);
    expect(storage.getItem(KEY)).to.equal(null);
  });
});

describe('safeLocalStorage (real localStorage in Chromium)', () => {
  // Some tests replace globalThis.localStorage to play a browser that blocks it; put it back.
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    localStorage.removeItem(KEY);
  });

  it('has the real localStorage to test against', () => {
    expect(original, 'window.localStorage is an own property').not.to.equal(undefined);
    expect(localStorage).to.be.instanceOf(Storage);
  });

  it('writes through to localStorage when it works', () => {
    const storage = safeLocalStorage();
    storage.setItem(KEY, 'kept');
    expect(localStorage.getItem(KEY)).to.equal('kept');
    expect(storage.getItem(KEY)).to.equal('kept');
    storage.removeItem(KEY);
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('leaves no probe key behind', () => {
    safeLocalStorage();
    expect(localStorage.getItem('mendunia:probe')).to.equal(null);
  });

  it('keeps a value that exceeds the quota in memory instead of throwing', () => {
    const storage = safeLocalStorage();
    storage.setItem(KEY, 'old');
    // Chromium allows about 5 million characters per origin.
    const huge = 'x'.repeat(6_000_000);
    expect(() => localStorage.setItem(`${KEY}:direct`, huge), 'the quota is real').to.throw();
    expect(() => storage.setItem(KEY, huge)).not.to.throw();
    expect(storage.getItem(KEY)).to.equal(huge);
    expect(localStorage.getItem(KEY), 'the outdated value is not left behind').to.equal(null);
    storage.setItem(KEY, 'small again');
    expect(localStorage.getItem(KEY)).to.equal('small again');
    expect(storage.getItem(KEY)).to.equal('small again');
    storage.setItem(KEY, huge);
    storage.removeItem(KEY);
    expect(storage.getItem(KEY)).to.equal(null);
  });

  it('falls back to memory when reading localStorage throws (cookies blocked, sandboxed frame)', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const storage = safeLocalStorage();
    storage.setItem(KEY, 'in memory');
    expect(storage.getItem(KEY)).to.equal('in memory');
  });

  it('falls back to memory when every write throws (old private mode)', () => {
    const real = localStorage;
    const readOnly: KeyValueStorage = {
      getItem: (key) => real.getItem(key),
      setItem: () => {
        throw new DOMException('quota 0', 'QuotaExceededError');
      },
      removeItem: (key) => real.removeItem(key),
    };
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: readOnly });
    const storage = safeLocalStorage();
    storage.setItem(KEY, 'in memory');
    expect(storage.getItem(KEY)).to.equal('in memory');
    expect(real.getItem(KEY)).to.equal(null);
  });

  it('falls back to memory where there is no localStorage (Node, workers)', () => {
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: undefined });
    const storage = safeLocalStorage();
    storage.setItem(KEY, 'in memory');
    expect(storage.getItem(KEY)).to.equal('in memory');
  });
});
