export { memoryStorage, readJson, safeLocalStorage, writeJson, type KeyValueStorage } from './storage.js';
