/**
 * Checks that need no validator library, shared by the valibot schemas and by the browser's
 * structural guards (catalog/guard.ts, cart/persist.ts, rates/json.ts), which accept only what
 * the schemas accept and hand anything else to the full validator.
 */

/** An object that is not an array or null (what a JSON object parses to). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
