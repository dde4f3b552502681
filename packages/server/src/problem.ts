/**
 * Errors as RFC 9457 problem details (application/problem+json): `type`, `title`, `status`,
 * `detail`, and for input problems `errors: [{ path, pointer, message }]` naming each field
 * (`lines[0].quantity`, JSON pointer `/lines/0/quantity`).
 */

export const PROBLEM_TYPE_BASE = 'https://mendunia.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export type FieldError = { path: string, pointer: string, message: string };
export type Problem = { type: string, title: string, status: number, detail?: string, errors?: FieldError[], [extra: string]: unknown };

/** What each problem type means; the OpenAPI document lists the same table. */
export const PROBLEM_TYPES = ({
  'validation-error': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unauthorized': { status: 401, title: 'A valid bearer token is required' },
  'forbidden': { status: 403, title: 'This token may not do that' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'conflict': { status: 409, title: 'Conflict with the current state' },
  'quote-outdated': { status: 409, title: 'Prices changed since the quote was made; ask for a new quote' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  'body-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send the body as application/json' },
  'quote-tampered': { status: 422, title: 'The quote was changed after the server signed it' },
  'quote-expired': { status: 422, title: 'The quote has expired; ask for a new quote' },
  'cart-invalid': { status: 422, title: 'The cart cannot be quoted' },
  'not-orderable': { status: 422, title: 'This cart cannot be shipped to that destination' },
  'address-invalid': { status: 422, title: 'The delivery address or contact is not valid' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used for a different request' },
  'payment-invalid': { status: 422, title: 'The payment notification does not match the order' },
  'rate-limited': { status: 429, title: 'Too many requests; retry after the time in Retry-After' },
  'payment-provider-error': { status: 502, title: 'The payment provider did not accept the request' },
  'service-unavailable': { status: 503, title: 'The service is not ready' },
  'internal-error': { status: 500, title: 'Internal server error' },
} as const);

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** An error that becomes a problem response; thrown by routes and services. */
export class HttpProblem extends Error {
  type: ProblemType;
  status: number;
  detail: string | undefined;
  errors: FieldError[] | undefined;
  extra: Record<string, unknown> | undefined;
  headers: Record<string, string> | undefined;

  constructor(type: ProblemType, detail?: string, options: { errors?: FieldError[], status?: number, extra?: Record<string, unknown>, headers?: Record<string, string> } = {}) {
    super(detail ?? PROBLEM_TYPES[type].title);
    this.name = 'HttpProblem';
    this.type = type;
    this.status = options.status ?? PROBLEM_TYPES[type].status;
    this.detail = detail;
    this.errors = options.errors;
    this.extra = options.extra;
    this.headers = options.headers;
  }

  toJSON(): Problem {
    return problem(this.type, this.detail, { errors: this.errors, status: this.status, extra: this.extra });
  }
}

export function problem(type: ProblemType, detail?: string, options: { errors?: FieldError[], status?: number, extra?: Record<string, unknown> } = {}): Problem {
  return {
    type: PROBLEM_TYPE_BASE + type,
    title: PROBLEM_TYPES[type].title,
    status: options.status ?? PROBLEM_TYPES[type].status,
    ...(detail ? { detail } : {}),
    ...(options.errors?.length ? { errors: options.errors } : {}),
    ...options.extra,
  };
}

/**
 * A field error from a path given as segments: ['lines', 0, 'quantity'] →
 * { path: 'lines[0].quantity', pointer: '/lines/0/quantity' }.
 */
export function fieldError(segments: readonly (string | number)[], message: string): FieldError {
  return { path: dotPath(segments), pointer: pointerOf(segments), message };
}

export function dotPath(segments: readonly (string | number)[]) {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number' || /^\d+$/.test(s)) out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

function pointerOf(segments: readonly (string | number)[]) {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** JSON pointer → segments ('/lines/0/quantity' → ['lines', '0', 'quantity']). */
export function segmentsOf(pointer: string) {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
