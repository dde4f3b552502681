/**
 * Manual payment: a bank transfer or QRIS to the merchant (the `payment` section of checkout.json,
 * the same details the checkout shows), or the merchant's own payment link (PayPal.me, a Midtrans
 * or Xendit payment link, a bank page). The answer is data, not a sentence: the amount, the order
 * reference to quote and the merchant's details, which the checkout words in the buyer's language.
 * The merchant (or the link provider's automation) confirms the payment with the merchant token,
 * which is the notification this adapter verifies.
 */
import { paymentLinkUrl } from '@mendunia/core/checkout/index.js';
import { safeEqual } from '../canonical.mjs';
import { HttpProblem, fieldError } from '../problem.mjs';

/**
 * What the manual adapter stores and answers for a payment (`data` of CreatedPayment).
 * @typedef {object} ManualPaymentData
 * @property {'payment-link' | 'payment-details'} method  payment-link: `redirectUrl` is the merchant's link
 * @property {number} amountIdr   the order total, whole rupiah: exactly what the merchant must receive
 * @property {'IDR'} currency
 * @property {string} reference   to quote in the transfer description or payment note
 * @property {import('@mendunia/core/checkout/index.js').BankAccount} [bank]
 * @property {string} [qrisImage]
 * @property {import('@mendunia/core/checkout/index.js').PaymentDetails['note']} [note]
 */

/**
 * @param {{ details?: import('@mendunia/core/checkout/index.js').PaymentDetails, paymentLink?: string, merchantToken: string }} options
 *   `details` and `paymentLink` as parsed from checkout.json (`payment`, `handoff.paymentLink`).
 * @returns {import('./index.mjs').PaymentAdapter}
 */
export function createManualAdapter(options) {
  const { details, paymentLink } = options;
  return {
    id: 'manual',
    async createPayment(order) {
      if (!details && !paymentLink) {
        // A payment the buyer cannot make: say so rather than promise an account nobody gave.
        throw new HttpProblem(
          'service-unavailable',
          'Manual payment has no details to give the buyer: add payment.bank or payment.qrisImage (or handoff.paymentLink) to the checkout configuration.',
        );
      }
      const amountIdr = order.totals.totalIdr;
      const redirectUrl = paymentLink ? paymentLinkUrl(paymentLink, { amountIdr, reference: order.reference, currency: 'IDR' }) : null;
      /** @type {ManualPaymentData} */
      const data = {
        method: redirectUrl ? 'payment-link' : 'payment-details',
        amountIdr,
        currency: 'IDR',
        reference: order.reference,
        ...(details?.bank ? { bank: details.bank } : {}),
        ...(details?.qrisImage ? { qrisImage: details.qrisImage } : {}),
        ...(details?.note ? { note: details.note } : {}),
      };
      return { status: 'pending', redirectUrl, data };
    },
    async verifyNotification({ headers, body }) {
      const auth = String(headers.authorization ?? '');
      const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      if (!token || !safeEqual(token, options.merchantToken)) throw new HttpProblem('unauthorized', 'Manual payments are confirmed with the merchant token (Authorization: Bearer …).');
      const n = /** @type {{ reference?: unknown, status?: unknown, amountIdr?: unknown }} */ (body ?? {});
      if (typeof n.reference !== 'string' || !['paid', 'cancelled', 'refunded'].includes(String(n.status))) {
        throw new HttpProblem('validation-error', 'Expected { reference, status: paid | cancelled | refunded, amountIdr? }.', {
          errors: [fieldError(['status'], 'expected paid, cancelled or refunded')],
        });
      }
      const amountIdr = typeof n.amountIdr === 'number' ? n.amountIdr : null;
      return {
        reference: n.reference,
        status: /** @type {import('./index.mjs').PaymentStatus} */ (n.status),
        amountIdr,
        dedupeKey: `manual:${n.reference}:${String(n.status)}`,
        raw: body,
      };
    },
  };
}
