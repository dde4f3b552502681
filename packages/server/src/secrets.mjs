/**
 * Secrets the server needs and can make itself: the quote-signing key, the merchant's API token
 * and the webhook signing secret. Given in the environment they are used as they are; otherwise
 * each is generated once into a file (mode 0600) in the data directory and read from it after.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates the data directory if needed, with a .gitignore that keeps its contents (orders,
 * secrets) out of any repository it sits in.
 * @param {string} dataDir
 */
export function ensureDataDir(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const ignore = join(dataDir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Mendunia server data: the orders database and generated secrets. Never commit it.\n*\n');
}

/**
 * @param {string} dataDir
 * @param {string} name
 * @param {string | undefined} given
 * @returns {{ value: string, file?: string, created: boolean }}
 */
export function loadSecret(dataDir, name, given) {
  if (given) return { value: given, created: false };
  const file = join(dataDir, name);
  try {
    const value = readFileSync(file, 'utf8').trim();
    if (value) return { value, file, created: false };
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
  ensureDataDir(dataDir);
  const value = randomBytes(32).toString('base64url');
  try {
    // 'wx': when two processes start at once, the second reads what the first wrote.
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') return { value: readFileSync(file, 'utf8').trim(), file, created: false };
    throw error;
  }
  return { value, file, created: true };
}
