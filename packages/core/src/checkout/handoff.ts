// Order hand-off without a backend: links that open WhatsApp, the mail app or a payment page
// with the order already written out. The text itself is composed (and translated) by the UI.

/** https://wa.me/<digits>?text=<message>. The number must be international, digits only. */
export function whatsappUrl(number: string, text: string): string {
  const digits = number.replace(/\D/g, '');
  if (!/^[1-9]\d{7,14}$/.test(digits)) throw new RangeError(`"${number}" is not an international WhatsApp number (digits only, e.g. 6281234567890)`);
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}

/** mailto: with subject and body, encoded so that any order text survives. */
export function mailtoUrl(email: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
}

/**
 * Fills a merchant payment link: {amount} (whole IDR), {currency} (IDR), {reference}. Each
 * value is URL-encoded; only https links are produced.
 */
export function paymentLinkUrl(template: string, values: { amountIdr: number; reference: string; currency?: string }): string {
  const url = template
    .replace(/\{amount\}/g, encodeURIComponent(String(values.amountIdr)))
    .replace(/\{currency\}/g, encodeURIComponent(values.currency ?? 'IDR'))
    .replace(/\{reference\}/g, encodeURIComponent(values.reference));
  if (!/^https:\/\//i.test(url)) throw new RangeError('A payment link must start with https://');
  return url;
}
