import * as v from 'valibot';
import type { KeyValueStorage } from '../storage/index.js';
import { ADDRESS_FIELD_MAX_LENGTH, type Address } from './address.js';
import type { Order } from './order.js';

export type CheckoutStep = 'contact' | 'address' | 'shipping' | 'review' | 'done';
export const CHECKOUT_STEPS: readonly CheckoutStep[] = ['contact', 'address', 'shipping', 'review', 'done'];

export interface CheckoutContact {
  readonly name: string;
  readonly email: string;
  /** As typed; checked against the destination (or its own +CC) on the address step. */
  readonly phone: string;
}

/**
 * What the buyer has entered so far, saved on every change so that a reload, a closed tab or a
 * failed step loses nothing. Once an order is placed it is kept here too: reopening the
 * checkout shows the same order and reference instead of making a second one.
 */
export interface CheckoutDraft {
  readonly v: 1;
  readonly step: CheckoutStep;
  readonly contact: CheckoutContact;
  readonly address: Address;
  readonly serviceId?: string;
  readonly order?: Order;
  /** With a Storefront API: the key of this checkout attempt, reused by every retry. */
  readonly idempotencyKey?: string;
  /** With a Storefront API: how the buyer reaches their order on the server (payment, status). */
  readonly server?: { readonly reference: string; readonly accessToken: string };
}

export function emptyDraft(country: string): CheckoutDraft {
  return { v: 1, step: 'contact', contact: { name: '', email: '', phone: '' }, address: { country, name: '', addressLine1: '' } };
}

const text = v.pipe(v.string(), v.maxLength(ADDRESS_FIELD_MAX_LENGTH * 5));
const optionalText = v.optional(text);

const draftSchema = v.object({
  v: v.literal(1),
  step: v.picklist(CHECKOUT_STEPS as [CheckoutStep, ...CheckoutStep[]]),
  contact: v.object({ name: text, email: text, phone: text }),
  address: v.object({
    country: text,
    name: text,
    organization: optionalText,
    addressLine1: text,
    addressLine2: optionalText,
    city: optionalText,
    dependentLocality: optionalText,
    region: optionalText,
    postalCode: optionalText,
    sortingCode: optionalText,
  }),
  serviceId: optionalText,
  // The order was made by this code (or the shop's server) and is shown as it was saved.
  order: v.optional(v.looseObject({ format: v.string(), reference: text, lines: v.array(v.unknown()), totals: v.looseObject({ totalIdr: v.number() }) })),
  idempotencyKey: optionalText,
  server: v.optional(v.object({ reference: text, accessToken: text })),
});

/** Reads a saved draft; anything unexpected starts a fresh one (never a crash), with a warning. */
export function readDraft(storage: KeyValueStorage, key: string, country: string, logger: Pick<Console, 'warn'> = console): CheckoutDraft {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return emptyDraft(country);
  }
  if (!raw) return emptyDraft(country);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    data = undefined;
  }
  const result = v.safeParse(draftSchema, data);
  if (!result.success) {
    logger.warn(`Mendunia: the saved checkout (${key}) could not be read and was discarded.`);
    try {
      storage.removeItem(key);
    } catch {
      // nothing to clean up
    }
    return emptyDraft(country);
  }
  return result.output as unknown as CheckoutDraft;
}

export function writeDraft(storage: KeyValueStorage, key: string, draft: CheckoutDraft): void {
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    // safeLocalStorage keeps it in memory when the disk is full
  }
}
