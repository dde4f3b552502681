// Payment adapters: Midtrans Snap against the local FAKE Midtrans (test/fake-midtrans.mjs, which
// follows Midtrans' documentation), and the manual adapter with the checkout configuration's
// payment details, through real server processes on SQLite.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseCheckoutConfig } from '@mendunia/core/checkout/index.js';
import { createRepository } from '../dist/db/index.js';
import { createManualAdapter } from '../dist/payments/manual.js';
import { mapStatus, snapRequest } from '../dist/payments/midtrans.js';
import { DEFAULT_CONFIG_DIR, readSettings, SettingsError } from '../dist/settings.js';
import { startFakeMidtrans } from './fake-midtrans.mjs';
import { MERCHANT_TOKEN, startServer, tempDir } from './support/server.mjs';
import { getJson, newKey, orderBody, postJson, quote } from './support/shop.mjs';

const SERVER_KEY = 'SB-Mid-server-TEST0123456789abcdef';
const demoCheckout = JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, 'checkout.json'), 'utf8'));
const merchant = { authorization: `Bearer ${MERCHANT_TOKEN}` };

describe('Midtrans Snap adapter (against the fake Midtrans)', () => {
  /** @type {Awaited<ReturnType<typeof startFakeMidtrans>>} */
  let fake;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  const dir = tempDir();

  before(async () => {
    fake = await startFakeMidtrans({ serverKey: SERVER_KEY });
    server = await startServer({ dataDir: dir.dir, env: { MENDUNIA_PAYMENT: 'midtrans', MIDTRANS_SERVER_KEY: SERVER_KEY, MIDTRANS_SNAP_URL: fake.snapUrl, MIDTRANS_API_URL: fake.apiUrl, MIDTRANS_FINISH_URL: 'https://shop.example/thanks' } });
  });
  after(async () => {
    await server?.stop();
    await fake?.close();
    dir.remove();
  });

  /** @returns {Promise<any>} */
  async function newOrder() {
    const q = await quote(server.url);
    const r = await postJson(`${server.url}/api/orders`, orderBody(q), { 'idempotency-key': newKey('midtrans') });
    assert.equal(r.status, 201);
    return r.body;
  }

  test('creating the payment gets a Snap token and redirect URL; the request follows the Snap API', async () => {
    const order = await newOrder();
    const r = await postJson(`${server.url}/api/orders/${order.reference}/payment`, {}, { authorization: `Bearer ${order.accessToken}` });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.adapter, 'midtrans');
    const t = fake.transactions.get(order.reference);
    assert.ok(t);
    assert.equal(r.body.token, t.token);
    assert.equal(r.body.redirectUrl, `${fake.base}/snap/v4/redirection/${t.token}`);
    assert.equal(t.grossAmount, order.order.totals.totalIdr);
    assert.equal(t.request.callbacks.finish, 'https://shop.example/thanks');
    assert.equal(t.request.customer_details.email, 'weiling@example.sg');
    // Repeating returns the stored payment; Midtrans is not asked twice (it would refuse the order_id).
    const again = await postJson(`${server.url}/api/orders/${order.reference}/payment`, {}, merchant);
    assert.equal(again.status, 200);
    assert.equal(again.body.token, t.token);
    assert.equal(fake.requests.filter((q) => q.body.transaction_details.order_id === order.reference).length, 1);
  });

  test('a settlement notification with a valid signature marks the order paid; forged, wrong-amount and repeated ones do not', async () => {
    const order = await newOrder();
    await postJson(`${server.url}/api/orders/${order.reference}/payment`, {}, merchant);
    const url = `${server.url}/api/payments/notifications/midtrans`;
    const status = async () => (await getJson(`${server.url}/api/orders/${order.reference}/status`, merchant)).body.status;

    const forged = await fake.notify(url, fake.notification(order.reference, 'settlement', { signatureKey: 'f'.repeat(128) }));
    assert.equal(forged.status, 403);
    assert.equal(forged.body.type, 'https://mendunia.dev/problems/forbidden');
    // Signed, but Midtrans says the transaction is still pending: the posted status is not used.
    const unpaid = await fake.notify(url, fake.notification(order.reference, 'settlement'));
    assert.equal(unpaid.status, 200);
    assert.equal(unpaid.body.paymentStatus, 'pending');
    assert.equal(await status(), 'pending_payment');

    const pending = await fake.notify(url, fake.update(order.reference, 'pending'));
    assert.equal(pending.status, 200);
    assert.equal(pending.body.status, 'pending_payment');
    const paid = await fake.notify(url, fake.update(order.reference, 'settlement'));
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal(paid.body.status, 'paid');
    const repeat = await fake.notify(url, fake.notification(order.reference, 'settlement'));
    assert.equal(repeat.status, 200);
    assert.equal(repeat.body.duplicate, true);
    const view = await getJson(`${server.url}/api/orders/${order.reference}`, merchant);
    assert.equal(view.body.status, 'paid');
    assert.equal(view.body.history.at(-1).source, 'payment:midtrans');
    // Every notification was checked with the status API, with the server key.
    const asked = fake.statusRequests.filter((r) => r.url === `/v2/${order.reference}/status`);
    assert.equal(asked.length, 4);
    assert.ok(asked.every((r) => r.authorization === `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`));
  });

  test('a genuine settlement replayed with "transaction_status":"refund" changes nothing', async () => {
    const order = await newOrder();
    await postJson(`${server.url}/api/orders/${order.reference}/payment`, {}, merchant);
    const url = `${server.url}/api/payments/notifications/midtrans`;
    assert.equal((await fake.notify(url, fake.update(order.reference, 'settlement'))).body.status, 'paid');
    // The signature covers order_id + status_code + gross_amount only: the edited copy still verifies.
    const replay = { ...fake.notification(order.reference, 'settlement'), transaction_status: 'refund' };
    const r = await fake.notify(url, replay);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.duplicate, true);
    assert.equal(r.body.paymentStatus, 'paid');
    const view = await getJson(`${server.url}/api/orders/${order.reference}`, merchant);
    assert.equal(view.body.status, 'paid');
    assert.equal(view.body.history.filter((/** @type {any} */ e) => e.source === 'payment:midtrans').length, 1);
  });

  test('a challenged capture replayed with "fraud_status":"accept" changes nothing; the real review result does', async () => {
    const order = await newOrder();
    await postJson(`${server.url}/api/orders/${order.reference}/payment`, {}, merchant);
    const url = `${server.url}/api/payments/notifications/midtrans`;
    const challenge = fake.update(order.reference, 'capture', { fraudStatus: 'challenge' });
    assert.equal((await fake.notify(url, challenge)).body.status, 'pending_payment');
    const r = await fake.notify(url, { ...challenge, fraud_status: 'accept' });
    assert.equal(r.status, 200);
    assert.equal(r.body.duplicate, true);
    assert.equal(r.body.status, 'pending_payment');
    assert.equal((await getJson(`${server.url}/api/orders/${order.reference}/status`, merchant)).body.status, 'pending_payment');
    assert.equal((await fake.notify(url, fake.update(order.reference, 'capture', { fraudStatus: 'accept' }))).body.status, 'paid');
  });

  test('the status API unreachable: 503 so that Midtrans retries, and the order is unchanged', async () => {
    const order = await newOrder();
    await postJson(`${server.url}/api/orders/${order.reference}/payment`, {}, merchant);
    const url = `${server.url}/api/payments/notifications/midtrans`;
    const settlement = fake.update(order.reference, 'settlement');
    fake.statusApi = 'down';
    try {
      const r = await fake.notify(url, settlement);
      assert.equal(r.status, 503, JSON.stringify(r.body));
      assert.equal(r.body.type, 'https://mendunia.dev/problems/service-unavailable');
      assert.match(r.body.detail, /status API/);
      assert.equal((await getJson(`${server.url}/api/orders/${order.reference}/status`, merchant)).body.status, 'pending_payment');
    } finally {
      fake.statusApi = 'up';
    }
    // Midtrans' retry, once the status API answers, goes through (it was not recorded as seen).
    assert.equal((await fake.notify(url, settlement)).body.status, 'paid');
  });

  test('a confirmed amount other than the order total is refused (422) and changes nothing', async () => {
    const order = await newOrder();
    await postJson(`${server.url}/api/orders/${order.reference}/payment`, {}, merchant);
    const url = `${server.url}/api/payments/notifications/midtrans`;
    const t = fake.transactions.get(order.reference);
    assert.ok(t);
    t.grossAmount = 1000;
    const cheap = await fake.notify(url, fake.update(order.reference, 'settlement'));
    assert.equal(cheap.status, 422);
    assert.equal(cheap.body.type, 'https://mendunia.dev/problems/payment-invalid');
    assert.equal((await getJson(`${server.url}/api/orders/${order.reference}/status`, merchant)).body.status, 'pending_payment');
  });

  test('expire cancels an unpaid order', async () => {
    const url = `${server.url}/api/payments/notifications/midtrans`;
    const a = await newOrder();
    await postJson(`${server.url}/api/orders/${a.reference}/payment`, {}, merchant);
    assert.equal((await fake.notify(url, fake.update(a.reference, 'expire'))).body.status, 'cancelled');
  });

  test('a notification for an unknown order is 404; one that is not a Midtrans notification is 400', async () => {
    const url = `${server.url}/api/payments/notifications/midtrans`;
    assert.equal((await fake.notify(url, fake.notification('MDN-000000-AAAAA', 'settlement', { grossAmount: 5 }))).status, 404);
    const r = await postJson(url, { hello: 'world' });
    assert.equal(r.status, 400);
    assert.ok(r.body.errors.some((/** @type {any} */ e) => e.path === 'signature_key'));
    assert.equal((await postJson(`${server.url}/api/payments/notifications/stripe`, {})).status, 404);
  });

  test('a wrong server key: Midtrans refuses and the API answers 502 problem+json', async () => {
    const other = tempDir();
    const wrong = await startServer({ dataDir: other.dir, env: { MENDUNIA_PAYMENT: 'midtrans', MIDTRANS_SERVER_KEY: 'SB-Mid-server-WRONG', MIDTRANS_SNAP_URL: fake.snapUrl } });
    try {
      const q = await quote(wrong.url);
      const order = await postJson(`${wrong.url}/api/orders`, orderBody(q), { 'idempotency-key': newKey('wrong') });
      const r = await postJson(`${wrong.url}/api/orders/${order.body.reference}/payment`, {}, merchant);
      assert.equal(r.status, 502);
      assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.match(r.body.detail, /unauthorized transaction/);
    } finally {
      await wrong.stop();
      other.remove();
    }
  });
});

describe('Midtrans mapping', () => {
  test('transaction_status and fraud_status → payment status, as the notification guide describes', () => {
    assert.deepEqual(
      [['capture', 'accept'], ['capture', 'challenge'], ['capture', 'deny'], ['settlement'], ['pending'], ['deny'], ['cancel'], ['expire'], ['refund'], ['partial_refund'], ['failure']].map(([t, f]) => mapStatus(/** @type {string} */ (t), f)),
      ['paid', 'challenge', 'failed', 'paid', 'pending', 'failed', 'cancelled', 'cancelled', 'refunded', 'partially-refunded', 'failed'],
    );
  });

  test('item_details add up to gross_amount, with shipping and import charges as items', () => {
    const order = /** @type {any} */ ({
      reference: 'MDN-261129-ABCDE',
      lines: [{ productId: 'a', variantId: 'x', name: 'A very long product name that is certainly longer than fifty characters', quantity: 2, unitPriceIdr: 100000 }],
      shipping: { priceIdr: 50000, carrier: 'Pos Indonesia', serviceId: 'pos-ems' },
      totals: { taxesAtCheckoutIdr: 12345, totalIdr: 262345 },
      contact: { name: 'Tan Wei Ling', email: 't@example.sg', phone: '+6591234567' },
      address: { name: 'Tan Wei Ling', addressLine1: '1 Raffles Place', city: undefined, postalCode: '048616' },
    });
    const request = snapRequest(order, undefined);
    const sum = request.item_details.reduce((n, i) => n + i.price * i.quantity, 0);
    assert.equal(sum, request.transaction_details.gross_amount);
    assert.ok(request.item_details.every((i) => i.name.length <= 50));
    assert.equal(request.customer_details.first_name, 'Tan');
    assert.equal(request.customer_details.last_name, 'Wei Ling');
  });
});

describe('manual payment (bank transfer, QRIS, payment link) from the checkout configuration', () => {
  const details = parseCheckoutConfig(demoCheckout).payment;
  const order = /** @type {any} */ ({ reference: 'MDN-261129-ABCDE', totals: { totalIdr: 318000 } });
  const merchantToken = 'manual-token-0123456789';

  test('answers with data: the exact amount as a number, the reference and the shop’s bank account', async () => {
    assert.ok(details?.bank, 'the demo checkout.json has payment.bank');
    const made = await createManualAdapter({ details, merchantToken }).createPayment(order);
    assert.deepEqual(made, {
      status: 'pending',
      redirectUrl: null,
      data: {
        method: 'payment-details',
        amountIdr: 318000,
        currency: 'IDR',
        reference: 'MDN-261129-ABCDE',
        bank: { name: 'Bank Central Asia (BCA)', accountName: 'Rumah Nusantara', accountNumber: '0123456789', swift: 'CENAIDJA' },
        note: details.note,
      },
    });
  });

  test('a payment link is filled in and the details still travel with it', async () => {
    const made = await createManualAdapter({ details: { qrisImage: 'https://shop.example/qris.png' }, paymentLink: 'https://pay.example/x?a={amount}&r={reference}', merchantToken }).createPayment(order);
    assert.equal(made.redirectUrl, 'https://pay.example/x?a=318000&r=MDN-261129-ABCDE');
    assert.deepEqual(made.data, { method: 'payment-link', amountIdr: 318000, currency: 'IDR', reference: 'MDN-261129-ABCDE', qrisImage: 'https://shop.example/qris.png' });
  });

  test('without details or a link it refuses rather than promise an account nobody gave', async () => {
    await assert.rejects(createManualAdapter({ merchantToken }).createPayment(order), (/** @type {any} */ e) => e.type === 'service-unavailable' && /payment\.bank/.test(e.message));
  });

  test('MENDUNIA_BANK_TRANSFER is refused with where the account goes now', () => {
    assert.throws(() => readSettings({}, { MENDUNIA_BANK_TRANSFER: 'BCA 123 a.n. X' }), (/** @type {any} */ e) => e instanceof SettingsError && /checkout\.json.*"payment"/.test(e.message));
  });

  test('a server stores the configuration’s details with the payment; one without details answers 503 and says why at start-up', async () => {
    const dir = tempDir();
    const bare = join(dir.dir, 'checkout.json');
    // The demo shop without payment details and with a WhatsApp link pasted where the number goes.
    writeFileSync(bare, JSON.stringify({ ...demoCheckout, payment: undefined, handoff: { whatsapp: 'https://wa.me/6281227771234?text=Halo' } }));
    const withDetails = await startServer({ dataDir: join(dir.dir, 'a') });
    const without = await startServer({ dataDir: join(dir.dir, 'b'), env: { MENDUNIA_CHECKOUT: bare } });
    try {
      const q = await quote(withDetails.url);
      const created = await postJson(`${withDetails.url}/api/orders`, orderBody(q), { 'idempotency-key': newKey('manual-details') });
      const paid = await postJson(`${withDetails.url}/api/orders/${created.body.reference}/payment`, {}, merchant);
      assert.equal(paid.status, 201, JSON.stringify(paid.body));
      assert.equal(paid.body.adapter, 'manual');
      await withDetails.stop();
      const repo = await createRepository({ dataDir: join(dir.dir, 'a') });
      try {
        const stored = await repo.getPayment(created.body.reference, 'manual');
        assert.deepEqual(stored?.data, { method: 'payment-details', amountIdr: q.totals.totalIdr, currency: 'IDR', reference: created.body.reference, bank: details?.bank, note: details?.note });
      } finally {
        await repo.close();
      }

      assert.match(without.output(), /handoff\.whatsapp: expected only the number/);
      assert.match(without.output(), /no payment details/);
      const q2 = await quote(without.url);
      const order2 = await postJson(`${without.url}/api/orders`, orderBody(q2), { 'idempotency-key': newKey('manual-bare') });
      assert.equal(order2.status, 201, 'the checkout works without the bad hand-off setting');
      const refused = await postJson(`${without.url}/api/orders/${order2.body.reference}/payment`, {}, merchant);
      assert.equal(refused.status, 503);
      assert.match(refused.body.detail, /payment\.bank or payment\.qrisImage/);
    } finally {
      await withDetails.stop();
      await without.stop();
      dir.remove();
    }
  });
});
