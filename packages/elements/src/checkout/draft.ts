import type { KeyValueStorage } from '@mendunia/core';
import type { Address, Order } from '@mendunia/core/checkout/index.js';

export type Step = 'contact' | 'address' | 'shipping' | 'review' | 'done';
export const STEPS: readonly Step[] = ['contact', 'address', 'shipping', 'review', 'done'];

export interface Contact {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

/**
 * What the buyer has entered so far, saved on every change so that a reload, a closed tab or
 * a failed step loses nothing. Once an order is placed it is kept here too: reopening the
 * checkout shows the same order and reference instead of making a second one.
 */
export interface Draft {
  readonly v: 1;
  readonly step: Step;
  readonly contact: Contact;
  readonly address: Address;
  readonly serviceId?: string;
  readonly order?: Order;
  /** With a Storefront API: the key of this checkout attempt, reused by every retry. */
  readonly idempotencyKey?: string;
  /** With a Storefront API: how the buyer reaches their order on the server (payment, status). */
  readonly server?: { readonly reference: string; readonly accessToken: string };
}

export function emptyDraft(country: string): Draft {
  return { v: 1, step: 'contact', contact: { name: '', email: '', phone: '' }, address: { country, name: '', addressLine1: '' } };
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length <= 1000;

/** Reads a saved draft; anything unexpected starts a fresh one (never a crash). */
export function readDraft(storage: KeyValueStorage, key: string, country: string): Draft {
  try {
    const raw = storage.getItem(key);
    if (!raw) return emptyDraft(country);
    const data = JSON.parse(raw) as Partial<Draft>;
    const contact = data.contact as Partial<Contact> | undefined;
    const address = data.address as Partial<Address> | undefined;
    if (
      data.v !== 1 ||
      !STEPS.includes(data.step as Step) ||
      !contact || !isString(contact.name) || !isString(contact.email) || !isString(contact.phone) ||
      !address || !isString(address.country) || !isString(address.name) || !isString(address.addressLine1) ||
      Object.values(address).some((value) => value !== undefined && !isString(value)) ||
      (data.order !== undefined && (typeof data.order !== 'object' || !isString((data.order as Order).reference)))
    ) {
      console.warn(`Mendunia: the saved checkout (${key}) could not be read and was discarded.`);
      storage.removeItem(key);
      return emptyDraft(country);
    }
    return data as Draft;
  } catch {
    return emptyDraft(country);
  }
}

export function writeDraft(storage: KeyValueStorage, key: string, draft: Draft): void {
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    // safeLocalStorage keeps it in memory when the disk is full
  }
}
