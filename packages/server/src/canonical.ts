/**
 * Canonical JSON and the keyed hashes built on it. A quote's signature and an idempotency key's
 * request fingerprint must not depend on key order or whitespace, so both hash this form.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth and no whitespace; `undefined` members are left
 * out as JSON.stringify does. Only plain data is expected (what JSON.parse produces).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

export function sha256Hex(value: unknown) {
  return createHash('sha256').update(typeof value === 'string' ? value : canonicalJson(value)).digest('hex');
}

/** HMAC-SHA256, base64url. */
export function hmacBase64url(key: string | Buffer, text: string) {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** HMAC-SHA256, hex. */
export function hmacHex(key: string | Buffer, text: string) {
  return createHmac('sha256', key).update(text).digest('hex');
}

/** Constant-time comparison of two strings (false when the lengths differ). */
export function safeEqual(a: string, b: string) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}
