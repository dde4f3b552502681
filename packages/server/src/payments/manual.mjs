/**
 * Manual payment: bank transfer or the merchant's own payment link (PayPal.me, a Midtrans or
 * Xendit payment link, a bank page). The buyer gets instructions with the exact amount and the
 * order reference; the merchant (or the link provider's automation) confirms the payment with
 * the merchant token, which is the notification this adapter verifies.
 */
import { paymentLinkUrl } from '@mendunia/core/checkout/index.js';
import { safeEqual } from '../canonical.mjs';
import { HttpProblem, fieldError } from '../problem.mjs';

/**
 * @param {{ paymentLink?: string, bankTransfer?: string, merchantToken: string }} options
 * @returns {import('./index.mjs').PaymentAdapter}
 */
export function createManualAdapter(options) {
  return {
    id: 'manual',
    async createPayment(order) {
      const amount = order.totals.totalIdr;
      const redirectUrl = options.paymentLink ? paymentLinkUrl(options.paymentLink, { amountIdr: amount, reference: order.reference, currency: 'IDR' }) : null;
      const how = redirectUrl
        ? `Pay IDR ${amount} through the payment link and write the order reference ${order.reference} in the note.`
        : `Transfer exactly IDR ${amount} ${options.bankTransfer ? `to ${options.bankTransfer}` : 'to the account the shop gives you'} with the order reference ${order.reference} as the transfer description.`;
      return {
        status: 'pending',
        redirectUrl,
        data: { method: redirectUrl ? 'payment-link' : 'bank-transfer', amountIdr: amount, currency: 'IDR', reference: order.reference, instructions: how, ...(options.bankTransfer ? { account: options.bankTransfer } : {}) },
      };
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
