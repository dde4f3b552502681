/**
 * Secrets the server needs and can make itself: the quote-signing key, the merchant's API token
 * and the webhook signing secret. Given in the environment they are used as they are; otherwise
 * each is generated once into a file (mode 0600) in the data directory and read from it after.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shorter secrets are warned about (refused with NODE_ENV=production): 32 bytes = 256 bits. */
export const MIN_SECRET_BYTES = 32;

/**
 * Creates the data directory if needed — mode 0700: it holds buyers' details and the secrets —
 * with a .gitignore that keeps its contents out of any repository it sits in.
 */
export function ensureDataDir(dataDir: string) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const ignore = join(dataDir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Mendunia server data: the orders database and generated secrets. Never commit it.\n*\n');
}

export function loadSecret(dataDir: string, name: string, given: string | undefined): { value: string, file?: string, created: boolean } {
  if (given) return { value: given, created: false };
  const file = join(dataDir, name);
  try {
    const value = readFileSync(file, 'utf8').trim();
    if (value) return { value, file, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  ensureDataDir(dataDir);
  const value = randomBytes(32).toString('base64url');
  try {
    // 'wx': when two processes start at once, the second reads what the first wrote.
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { value: readFileSync(file, 'utf8').trim(), file, created: false };
    throw error;
  }
  return { value, file, created: true };
}

/**
 * A warning when others than the owner may enter the data directory (one made by an older version
 * or by hand); undefined when it is private.
 */
export function dataDirWarning(dataDir: string) {
  const mode = statSync(dataDir).mode & 0o777;
  return mode & 0o077 ? `the data directory ${dataDir} is mode ${mode.toString(8).padStart(4, '0')}: other users may read the orders and secrets in it — chmod 700 it` : undefined;
}

/**
 * Creates `file` (if missing) readable by its owner only, and makes an existing one so: for the
 * SQLite database, whose journal files SQLite then creates with the same mode.
 */
export function privateFile(file: string) {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  for (const extra of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(extra)) chmodSync(extra, 0o600);
}

/**
 * Why a secret given in the environment is too weak, or undefined.
 */
export function weakSecret(name: string, given: string | undefined) {
  if (given === undefined) return undefined;
  const bytes = Buffer.byteLength(given);
  return bytes < MIN_SECRET_BYTES ? `${name} is ${bytes} bytes; use at least ${MIN_SECRET_BYTES} random bytes (openssl rand -base64 32), or leave it unset to have one generated` : undefined;
}
