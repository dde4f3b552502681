export { atom, computed } from './atom.js';
export type { ReadableAtom, WritableAtom, Listener } from './atom.js';
