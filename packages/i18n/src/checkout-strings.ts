import { i18n } from './instance.js';
import en from './locales/checkout/en.json';
import id from './locales/checkout/id.json';

let added = false;

/**
 * Adds the checkout's strings (and the address field labels) to the shared instance. They
 * ship with the checkout module, not with the product card: pages without a checkout do not
 * download them.
 */
export function addCheckoutStrings(): void {
  if (added) return;
  added = true;
  i18n.addResourceBundle('en', 'translation', en, true, false);
  i18n.addResourceBundle('id', 'translation', id, true, false);
}
