/**
 * FAKE Midtrans — a local stand-in for Midtrans Snap used only by the tests. It is not Midtrans
 * and not a Midtrans library; it follows Midtrans' public documentation (docs.midtrans.com:
 * "Snap Integration Guide", "Handle Notifications", "HTTP(S) Notification / Webhooks"):
 *
 *  - POST /snap/v1/transactions with HTTP Basic auth (server key as user, empty password):
 *    401 { error_messages } for a wrong key; 400 { error_messages } when order_id is missing or
 *    already used, gross_amount is not a positive whole number (IDR), or item_details do not add
 *    up to gross_amount; else 201 { token, redirect_url }.
 *  - GET /v2/{order_id}/status ("Get Transaction Status", Core API), same Basic auth: 401 for a
 *    wrong key; 404 { status_code: "404" } for an unknown order; else 200 with the transaction's
 *    CURRENT state (transaction_status, fraud_status, gross_amount, transaction_id, …).
 *  - update(orderId, status, { fraudStatus }) moves a transaction to a new state (what happens at
 *    Midtrans when the buyer pays, the card is reviewed, the merchant refunds) and returns the
 *    notification Midtrans sends for it; notification(orderId, status) builds one without changing
 *    the state — a replayed or edited notification, as an attacker would send it.
 *  - notify(url, notification): POSTs a notification to the merchant's URL the way Midtrans does:
 *    order_id, status_code, gross_amount as "<amount>.00", transaction_status, fraud_status,
 *    transaction_id, payment_type, signature_key = SHA512(order_id + status_code + gross_amount +
 *    server key).
 *  - statusApi = 'down' makes the status API drop every connection (Midtrans unreachable).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

/** status_code per transaction_status as in the notification examples. */
const STATUS_CODES = /** @type {Record<string, string>} */ ({ capture: '200', settlement: '200', pending: '201', deny: '202', cancel: '202', expire: '202', refund: '200' });

/**
 * @param {{ serverKey: string }} options
 */
export async function startFakeMidtrans({ serverKey }) {
  /** @type {Map<string, { request: any, token: string, grossAmount: number, transactionId: string, authorization: string, transactionStatus: string, fraudStatus: string }>} */
  const transactions = new Map();
  /** @type {any[]} */
  const requests = [];
  const expected = `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`;

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const send = (/** @type {number} */ status, /** @type {unknown} */ body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const statusPath = /^\/v2\/([^/]+)\/status$/.exec(req.url ?? '');
      if (req.method === 'GET' && statusPath) {
        statusRequests.push({ url: req.url, authorization: req.headers.authorization });
        if (fake.statusApi === 'down') return void req.socket.destroy();
        if (req.headers.authorization !== expected) return send(401, { status_code: '401', status_message: 'Access denied due to unauthorized transaction, please check client or server key' });
        const orderId = decodeURIComponent(/** @type {string} */ (statusPath[1]));
        const t = transactions.get(orderId);
        if (!t) return send(404, { status_code: '404', status_message: "Transaction doesn't exist.", id: randomUUID() });
        return send(200, transactionBody(orderId, t.transactionStatus, t.fraudStatus, t.grossAmount, t.transactionId));
      }
      if (req.method !== 'POST' || req.url !== '/snap/v1/transactions') return send(404, { error_messages: ['Not found'] });
      if (req.headers.authorization !== expected) {
        return send(401, { error_messages: ['Access denied due to unauthorized transaction, please check client or server key', 'Visit https://snap-docs.midtrans.com/#request-headers for more details'] });
      }
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return send(400, { error_messages: ['Invalid JSON'] });
      }
      requests.push({ headers: req.headers, body });
      const details = body?.transaction_details ?? {};
      const errors = [];
      if (typeof details.order_id !== 'string' || details.order_id === '') errors.push('transaction_details.order_id is required');
      else if (details.order_id.length > 50 || !/^[A-Za-z0-9\-_.~]+$/.test(details.order_id)) errors.push('transaction_details.order_id format is invalid');
      else if (transactions.has(details.order_id)) errors.push('transaction_details.order_id has already been taken');
      if (!Number.isInteger(details.gross_amount) || details.gross_amount < 1) errors.push('transaction_details.gross_amount must be a positive whole number for IDR');
      if (Array.isArray(body.item_details)) {
        const sum = body.item_details.reduce((/** @type {number} */ n, /** @type {any} */ i) => n + i.price * i.quantity, 0);
        if (sum !== details.gross_amount) errors.push('transaction_details.gross_amount is not equal to the sum of item_details');
        for (const i of body.item_details) if (typeof i.name !== 'string' || i.name.length > 50) errors.push('item_details.name is too long');
      }
      if (errors.length) return send(400, { error_messages: errors });
      const token = randomUUID();
      transactions.set(details.order_id, { request: body, token, grossAmount: details.gross_amount, transactionId: randomUUID(), authorization: String(req.headers.authorization), transactionStatus: 'pending', fraudStatus: 'accept' });
      return send(201, { token, redirect_url: `${base}/snap/v4/redirection/${token}` });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const base = `http://127.0.0.1:${address.port}`;

  /**
   * A transaction as Midtrans describes it, in notifications and in status answers.
   * @param {string} orderId  @param {string} transactionStatus  @param {string} fraudStatus  @param {number} amount  @param {string} transactionId  @param {string} [signatureKey]
   */
  function transactionBody(orderId, transactionStatus, fraudStatus, amount, transactionId, signatureKey) {
    const grossAmount = `${amount}.00`;
    const statusCode = STATUS_CODES[transactionStatus] ?? '200';
    return {
      transaction_time: new Date().toISOString().replace('T', ' ').slice(0, 19),
      transaction_status: transactionStatus,
      transaction_id: transactionId,
      status_message: 'midtrans payment notification',
      status_code: statusCode,
      signature_key: signatureKey ?? createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest('hex'),
      payment_type: 'bank_transfer',
      order_id: orderId,
      merchant_id: 'G000000000',
      gross_amount: grossAmount,
      fraud_status: fraudStatus,
      currency: 'IDR',
    };
  }

  /** @type {{ url: string | undefined, authorization: string | undefined }[]} */
  const statusRequests = [];
  const fake = {
    base,
    snapUrl: `${base}/snap/v1`,
    /** MIDTRANS_API_URL for the status API. */
    apiUrl: base,
    transactions,
    requests,
    statusRequests,
    /** 'down': the status API drops connections. @type {'up' | 'down'} */
    statusApi: /** @type {'up' | 'down'} */ ('up'),
    /**
     * A notification body for a transaction, signed like Midtrans signs it, WITHOUT changing the
     * transaction at Midtrans: what a replay or an edited notification looks like.
     * @param {string} orderId
     * @param {string} transactionStatus
     * @param {{ fraudStatus?: string, grossAmount?: number, signatureKey?: string }} [options]
     */
    notification(orderId, transactionStatus, options = {}) {
      const t = transactions.get(orderId);
      return transactionBody(orderId, transactionStatus, options.fraudStatus ?? 'accept', options.grossAmount ?? t?.grossAmount ?? 0, t?.transactionId ?? randomUUID(), options.signatureKey);
    },
    /**
     * The transaction changes at Midtrans (the buyer paid, the review ended, a refund): the status
     * API answers the new state from now on. Returns the notification Midtrans sends for it.
     * @param {string} orderId  @param {string} transactionStatus  @param {{ fraudStatus?: string }} [options]
     */
    update(orderId, transactionStatus, options = {}) {
      const t = transactions.get(orderId);
      if (!t) throw new Error(`fake Midtrans: no transaction ${orderId}`);
      t.transactionStatus = transactionStatus;
      t.fraudStatus = options.fraudStatus ?? 'accept';
      return transactionBody(orderId, t.transactionStatus, t.fraudStatus, t.grossAmount, t.transactionId);
    },
    /** POSTs a notification to `url` like Midtrans does. @param {string} url  @param {unknown} notification */
    async notify(url, notification) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(notification) });
      return { status: response.status, body: /** @type {any} */ (await response.json()) };
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
  return fake;
}
