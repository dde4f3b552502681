/**
 * Manual payment: a bank transfer or QRIS to the merchant (the `payment` section of checkout.json,
 * the same details the checkout shows), or the merchant's own payment link (PayPal.me, a Midtrans
 * or Xendit payment link, a bank page). The answer is data, not a sentence: the amount, the order
 * reference to quote and the merchant's details, which the checkout words in the buyer's language.
 * The merchant (or the link provider's automation) confirms the payment with the merchant token,
 * which is the notification this adapter verifies.
 */
import { paymentLinkUrl } from '@mendunia/core/checkout/index.js';
import { safeEqual } from '../canonical.js';
import { HttpProblem, fieldError } from '../problem.js';
import type { BankAccount, PaymentDetails } from '@mendunia/core/checkout/index.js';
import type { PaymentAdapter, PaymentStatus } from './index.js';

/**
 * What the manual adapter stores and answers for a payment (`data` of CreatedPayment).
 */
export type ManualPaymentData = {
  /** payment-link: `redirectUrl` is the merchant's link */
  method: 'payment-link' | 'payment-details';
  /** the order total, whole rupiah: exactly what the merchant must receive */
  amountIdr: number;
  currency: 'IDR';
  /** to quote in the transfer description or payment note */
  reference: string;
  bank?: BankAccount;
  qrisImage?: string;
  note?: PaymentDetails['note'];
};

/**
 * @param options
 *   `details` and `paymentLink` as parsed from checkout.json (`payment`, `handoff.paymentLink`).
 */
export function createManualAdapter(options: { details?: PaymentDetails, paymentLink?: string, merchantToken: string }): PaymentAdapter {
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
      const data: ManualPaymentData = {
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
      const n = (body ?? {}) as { reference?: unknown, status?: unknown, amountIdr?: unknown };
      if (typeof n.reference !== 'string' || !['paid', 'cancelled', 'refunded'].includes(String(n.status))) {
        throw new HttpProblem('validation-error', 'Expected { reference, status: paid | cancelled | refunded, amountIdr? }.', {
          errors: [fieldError(['status'], 'expected paid, cancelled or refunded')],
        });
      }
      const amountIdr = typeof n.amountIdr === 'number' ? n.amountIdr : null;
      return {
        reference: n.reference,
        status: (n.status as PaymentStatus),
        amountIdr,
        dedupeKey: `manual:${n.reference}:${String(n.status)}`,
        raw: body,
      };
    },
  };
}
