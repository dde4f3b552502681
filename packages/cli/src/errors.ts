/**
 * Errors the user can fix: bad options, unreadable or invalid input files. main() prints their
 * message after "mendunia: " and exits 2, without a stack trace.
 */
export class InputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
  }
}

/**
 * Errors @mendunia/core throws for invalid data; their messages already name the source and the
 * field (`Rates from x could not be used: rates.USD: …`), so they are shown as they are.
 * Matched by name: the classes live in several core modules and a name survives bundling.
 */
const CORE_INPUT_ERRORS = new Set([
  'CatalogError',
  'RateSourceError',
  'CheckoutConfigError',
  'ShippingConfigError',
  'RestrictionConfigError',
  'DutyRuleError',
]);

export function isInputError(error: unknown): error is Error {
  return error instanceof InputError || (error instanceof Error && CORE_INPUT_ERRORS.has(error.name));
}
