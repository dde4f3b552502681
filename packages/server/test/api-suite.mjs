/**
 * The Storefront API acceptance suite, run against a real server process on a real database:
 * api-sqlite.test.mjs runs it on SQLite, api-postgres.test.mjs on a throwaway PostgreSQL cluster.
 * No database is mocked; "nothing stored" is checked through the merchant API and the
 * repository reading the same storage the server wrote.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServer } from 'node:http';
import { createRepository } from '../dist/db/index.js';
import { verifyWebhookSignature } from '../dist/webhooks.js';
import { MERCHANT_TOKEN, runCli, startServer } from './support/server.mjs';
import { ADDRESS, CART, CONTACT, getJson, newKey, orderBody, postJson, quote, resign } from './support/shop.mjs';
import { legacyOrder, writeVersion1Database } from './support/legacy.mjs';

/**
 * @typedef {{ dataDir: string, env: Record<string, string>, settings: { dataDir: string, databaseUrl?: string } }} Storage
 * @typedef {{ storage: (name: string) => Promise<Storage>, cleanup: () => Promise<void> }} Backend
 */

const PROBLEM = /^application\/problem\+json/;
const merchant = { authorization: `Bearer ${MERCHANT_TOKEN}` };

/** @param {{ status: number, headers: Headers, body: any }} r  @param {number} status  @param {string} type */
function assertProblem(r, status, type) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.match(r.headers.get('content-type') ?? '', PROBLEM);
  assert.equal(r.body.type, `https://mendunia.dev/problems/${type}`);
  assert.equal(r.body.status, status);
  assert.equal(typeof r.body.title, 'string');
}

/** @param {string} base */
async function orderCount(base) {
  const r = await getJson(`${base}/api/orders?limit=1000`, merchant);
  assert.equal(r.status, 200);
  return r.body.orders.length;
}

/**
 * @param {string} label
 * @param {() => Promise<Backend>} makeBackend
 */
export function defineApiSuite(label, makeBackend) {
  describe(`Storefront API on ${label}`, () => {
    /** @type {Backend} */
    let backend;
    /** @type {Storage} */
    let storage;
    /** @type {Awaited<ReturnType<typeof startServer>>} */
    let server;
    let base = '';

    before(async () => {
      backend = await makeBackend();
      storage = await backend.storage('main');
      server = await startServer({ dataDir: storage.dataDir, env: storage.env });
      base = server.url;
    });
    after(async () => {
      await server?.stop();
      await backend?.cleanup();
    });

    test('serves the catalog with an ETag, the rates with their date, the destinations and the OpenAPI document', async () => {
      const catalog = await getJson(`${base}/api/catalog`);
      assert.equal(catalog.status, 200);
      assert.ok(catalog.body.products.some((/** @type {any} */ p) => p.id === 'batik-kawung-cap'));
      const etag = catalog.headers.get('etag');
      assert.ok(etag);
      const again = await fetch(`${base}/api/catalog`, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);

      const rates = await getJson(`${base}/api/rates`);
      assert.equal(rates.status, 200);
      assert.match(rates.body.date, /^\d{4}-\d{2}-\d{2}/);
      assert.equal(typeof rates.body.rates.IDR, 'string');

      const checkout = await getJson(`${base}/api/checkout`);
      assert.ok(Array.isArray(checkout.body.shipping.services) && checkout.body.shipping.services.length > 0);
      const destinations = await getJson(`${base}/api/destinations`);
      assert.ok(destinations.body.countries.includes('SG'));

      const openapi = await getJson(`${base}/api/openapi.json`);
      assert.equal(openapi.body.openapi, '3.1.0');
      assert.ok(openapi.body.paths['/api/orders'].post);
      const docs = await fetch(`${base}/docs`);
      assert.match(await docs.text(), /Mendunia Storefront API/);
    });

    test('a quote is priced from the catalog, signed and dated', async () => {
      const r = await postJson(`${base}/api/quotes`, { ...CART, currency: 'SGD' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const q = r.body.quote;
      assert.match(q.signature, /^v1\./);
      assert.ok(Date.parse(q.expiresAt) > Date.now());
      assert.deepEqual(
        q.lines.map((/** @type {any} */ l) => [l.productId, l.quantity, l.unitPriceIdr, l.lineTotalIdr]),
        [['batik-kawung-cap', 2, 325000, 650000], ['kopi-gayo-arabika', 1, 135000, 135000]],
      );
      assert.equal(q.totals.goodsIdr, 785000);
      assert.equal(q.totals.totalIdr, q.totals.goodsIdr + q.totals.shippingIdr + q.totals.taxesAtCheckoutIdr);
      assert.equal(q.shipping.priceIdr, q.totals.shippingIdr);
      assert.equal(r.body.display.currency, 'SGD');
      assert.ok(Array.isArray(r.body.shippingOptions));
    });

    test('a quote for a province (region, ISO 3166-2) uses its tax, signs the region, and refuses another country\'s', async () => {
      const lines = [{ productId: 'batik-parang-tulis', quantity: 1 }];
      const on = await postJson(`${base}/api/quotes`, { lines, destination: 'CA', region: 'CA-ON' });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      assert.equal(on.body.quote.region, 'CA-ON');
      assert.equal(on.body.landedCost.lines.find((/** @type {any} */ l) => l.kind === 'gst').ratePercent, 13);
      const none = await postJson(`${base}/api/quotes`, { lines, destination: 'CA' });
      assert.equal(none.body.quote.region, undefined);
      assert.deepEqual(none.body.landedCost.subdivisionRange.maxPercent, 15);
      const wrong = await postJson(`${base}/api/quotes`, { lines, destination: 'CA', region: 'US-NY' });
      assertProblem(wrong, 422, 'cart-invalid');
      assert.equal(wrong.body.errors[0].path, 'region');
    });

    test('quote requests: unknown product, oversize quantity, a price in the cart, malformed JSON, 1 MB → problem+json with paths', async () => {
      const unknown = await postJson(`${base}/api/quotes`, { lines: [{ productId: 'no-such-thing', quantity: 1 }], destination: 'SG' });
      assertProblem(unknown, 422, 'cart-invalid');
      assert.equal(unknown.body.errors[0].path, 'lines[0].productId');

      const oversize = await postJson(`${base}/api/quotes`, { lines: [{ productId: 'batik-parang-tulis', quantity: 4 }], destination: 'SG' });
      assertProblem(oversize, 422, 'cart-invalid');
      assert.equal(oversize.body.errors[0].path, 'lines[0].quantity');

      const huge = await postJson(`${base}/api/quotes`, { lines: [{ productId: 'batik-kawung-cap', quantity: 100000 }], destination: 'SG' });
      assertProblem(huge, 400, 'validation-error');
      assert.equal(huge.body.errors[0].path, 'lines[0].quantity');

      const priced = await postJson(`${base}/api/quotes`, { lines: [{ productId: 'batik-kawung-cap', quantity: 1, unitPriceIdr: 1 }], destination: 'SG' });
      assertProblem(priced, 400, 'validation-error');
      assert.equal(priced.body.errors[0].path, 'lines[0].unitPriceIdr');

      assertProblem(await postJson(`${base}/api/quotes`, '{"lines": [', {}), 400, 'malformed-json');
      assertProblem(await postJson(`${base}/api/quotes`, JSON.stringify(CART), { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
      const empty = await postJson(`${base}/api/quotes`, '');
      assertProblem(empty, 400, 'validation-error');
      assert.equal(empty.body.errors[0].path, 'body');
      assertProblem(await postJson(`${base}/api/quotes`, { lines: [{ productId: 'x', quantity: 1 }], destination: 'SG', pad: 'x'.repeat(1024 * 1024) }), 413, 'body-too-large');
    });

    test('an order is created from a signed quote, its lines written, readable with its access token', async () => {
      const q = await quote(base);
      const r = await postJson(`${base}/api/orders`, orderBody(q), { 'idempotency-key': newKey('happy') });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.match(r.body.reference, /^MDN-\d{6}-[2-9A-Z]{5}$/);
      assert.equal(r.headers.get('location'), `/api/orders/${r.body.reference}`);
      assert.equal(r.body.status, 'pending_payment');
      assert.equal(r.body.order.totals.totalIdr, q.totals.totalIdr);
      assert.equal(r.body.order.contact.phone, '+6591234567');
      assert.equal(r.body.order.customs.lines.length, 2);

      assertProblem(await getJson(`${base}/api/orders/${r.body.reference}`), 401, 'unauthorized');
      const view = await getJson(`${base}/api/orders/${r.body.reference}`, { authorization: `Bearer ${r.body.accessToken}` });
      assert.equal(view.status, 200);
      assert.equal(view.body.order.lines.length, 2);
      assert.equal(view.body.history[0].type, 'created');
      const other = await getJson(`${base}/api/orders/MDN-000000-AAAAA`, { authorization: `Bearer ${r.body.accessToken}` });
      assertProblem(other, 401, 'unauthorized');
      assertProblem(await getJson(`${base}/api/orders`, { authorization: `Bearer ${r.body.accessToken}` }), 401, 'unauthorized');

      const repo = await createRepository(storage.settings);
      try {
        const stored = await repo.getOrder(r.body.reference);
        assert.equal(stored?.lines.length, 2);
        assert.equal(stored?.lines[0]?.unitPriceIdr, 325000);
      } finally {
        await repo.close();
      }
    });

    test('refused orders store nothing: tampered price, tampered total, forged signature, expired quote, unknown product, oversize quantity, malformed JSON, 1 MB, no key', async () => {
      const q = await quote(base);
      const before = await orderCount(base);
      const key = newKey('refused');
      const send = (/** @type {unknown} */ body, /** @type {Record<string, string>} */ headers = { 'idempotency-key': key }) => postJson(`${base}/api/orders`, body, headers);

      const cheap = structuredClone(q);
      cheap.lines[0].unitPriceIdr = 1000;
      const tampered = await send(orderBody(cheap));
      assertProblem(tampered, 422, 'quote-tampered');
      assert.ok(tampered.body.errors.some((/** @type {any} */ e) => e.path === 'quote.lines[0].unitPriceIdr'), JSON.stringify(tampered.body));

      const lowTotal = structuredClone(q);
      lowTotal.totals.totalIdr = 10;
      const total = await send(orderBody(lowTotal));
      assertProblem(total, 422, 'quote-tampered');
      assert.ok(total.body.errors.some((/** @type {any} */ e) => e.path === 'quote.totals.totalIdr'));

      const more = structuredClone(q);
      more.lines[0].quantity = 3;
      assertProblem(await send(orderBody(more)), 422, 'quote-tampered');

      const forged = { ...q, signature: `v1.${'A'.repeat(43)}` };
      const forgedR = await send(orderBody(forged));
      assertProblem(forgedR, 422, 'quote-tampered');
      assert.equal(forgedR.body.errors[0].path, 'quote.signature');

      const expired = resign(q, (b) => {
        b.expiresAt = new Date(Date.now() - 1000).toISOString();
      });
      const expiredR = await send(orderBody(expired));
      assertProblem(expiredR, 422, 'quote-expired');
      assert.equal(expiredR.body.errors[0].path, 'quote.expiresAt');

      const unknown = resign(q, (b) => {
        b.lines[0].productId = 'no-such-thing';
      });
      const unknownR = await send(orderBody(unknown));
      assertProblem(unknownR, 422, 'cart-invalid');
      assert.equal(unknownR.body.errors[0].path, 'quote.lines[0].productId');

      const oversize = resign(q, (b) => {
        b.lines[0].quantity = 500;
        b.lines[0].lineTotalIdr = 500 * b.lines[0].unitPriceIdr;
      });
      const oversizeR = await send(orderBody(oversize));
      assertProblem(oversizeR, 422, 'cart-invalid');
      assert.equal(oversizeR.body.errors[0].path, 'quote.lines[0].quantity');

      const drifted = resign(q, (b) => {
        b.shipping.priceIdr = 1;
      });
      assertProblem(await send(orderBody(drifted)), 409, 'quote-outdated');

      assertProblem(await send('{"quote": {"id": '), 400, 'malformed-json');
      assertProblem(await send({ ...orderBody(q), padding: 'x'.repeat(1024 * 1024) }), 413, 'body-too-large');
      const noKey = await send(orderBody(q), {});
      assertProblem(noKey, 400, 'validation-error');
      assert.equal(noKey.body.errors[0].path, 'headers.idempotency-key');
      const extra = await send({ ...orderBody(q), totalIdr: 5 });
      assertProblem(extra, 400, 'validation-error');
      assert.equal(extra.body.errors[0].path, 'totalIdr');

      const badAddress = await send({ ...orderBody(q), address: { ...ADDRESS, postalCode: '12' } });
      assertProblem(badAddress, 422, 'address-invalid');
      assert.equal(badAddress.body.errors[0].path, 'address.postalCode');
      const badPhone = await send({ ...orderBody(q), contact: { ...CONTACT, phone: '123' } });
      assertProblem(badPhone, 422, 'address-invalid');
      assert.equal(badPhone.body.errors[0].path, 'contact.phone');
      const wrongCountry = await send({ ...orderBody(q), address: { ...ADDRESS, country: 'MY' } });
      assertProblem(wrongCountry, 422, 'address-invalid');

      assert.equal(await orderCount(base), before, 'a refused request stored an order');
      // The key was not consumed by the refusals: it still makes the order.
      const ok = await send(orderBody(q));
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(await orderCount(base), before + 1);
    });

    test('NUL (U+0000) or an unpaired surrogate in any text is refused with 400 naming the field, and nothing is stored', async () => {
      const q = await quote(base);
      const before = await orderCount(base);
      const send = (/** @type {unknown} */ body) => postJson(`${base}/api/orders`, body, { 'idempotency-key': newKey('nul') });
      /** @param {any} r  @param {string[]} paths */
      const refused = (r, paths) => {
        assertProblem(r, 400, 'validation-error');
        for (const path of paths) assert.ok(r.body.errors.some((/** @type {any} */ e) => e.path === path && /U\+0000|surrogate/.test(e.message)), `${path} in ${JSON.stringify(r.body)}`);
      };
      refused(await send({ ...orderBody(q), contact: { ...CONTACT, name: 'Tan\u0000Wei Ling' } }), ['contact.name']);
      // JSON.stringify writes a lone surrogate as "\ud800": the server parses it back into one.
      refused(await send({ ...orderBody(q), address: { ...ADDRESS, addressLine1: '1 Raffles Place \ud800' } }), ['address.addressLine1']);
      refused(await send({ ...orderBody(q), address: { ...ADDRESS, city: 'Singa\udc00pore', addressLine2: '#20\u0000' } }), ['address.city', 'address.addressLine2']);
      const inQuote = structuredClone(q);
      inQuote.lines[0].name += '\u0000';
      refused(await send(orderBody(inQuote)), ['quote.lines[0].name']);
      // A well-formed pair (an emoji) is text like any other.
      const emoji = await send({ ...orderBody(q), contact: { ...CONTACT, name: 'Tan Wei Ling 🌸' } });
      assert.equal(emoji.status, 201, JSON.stringify(emoji.body));
      assert.equal(await orderCount(base), before + 1, 'only the well-formed order was stored');
      refused(await postJson(`${base}/api/quotes`, { ...CART, serviceId: 'pos\u0000' }), ['serviceId']);
      const status = await postJson(`${base}/api/orders/${emoji.body.reference}/status`, { status: 'cancelled', note: 'x\ud83d' }, merchant);
      refused(status, ['note']);
      assert.equal((await getJson(`${base}/api/orders/${emoji.body.reference}/status`, merchant)).body.status, 'pending_payment');
      refused(await getJson(`${base}/api/orders?since=${encodeURIComponent('2026-01-01T00:00:00Z')}&status=paid%00`, merchant), ['query.status']);
    });

    test('the same order POSTed 20 times at once with one key makes one order; another body with that key is refused', async () => {
      const q = await quote(base);
      const before = await orderCount(base);
      const key = newKey('burst');
      const body = orderBody(q);
      const results = await Promise.all(Array.from({ length: 20 }, () => postJson(`${base}/api/orders`, body, { 'idempotency-key': key })));
      for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
      const references = new Set(results.map((r) => r.body.reference));
      assert.equal(references.size, 1);
      assert.ok(results.filter((r) => r.headers.get('idempotent-replayed') === 'true').length >= 1);
      // The replay is the first response exactly (same fields in the same order).
      for (const r of results) assert.equal(JSON.stringify(r.body), JSON.stringify(results[0]?.body));
      assert.equal(await orderCount(base), before + 1);

      const reused = await postJson(`${base}/api/orders`, { ...body, contact: { ...CONTACT, name: 'Someone Else' } }, { 'idempotency-key': key });
      assertProblem(reused, 422, 'idempotency-key-reused');
      assert.equal(await orderCount(base), before + 1);
    });

    test('idempotency records are purged after MENDUNIA_IDEMPOTENCY_TTL; the spent key is refused, never a second order', async () => {
      const own = await backend.storage('purge');
      const purging = await startServer({ dataDir: own.dataDir, env: { ...own.env, MENDUNIA_IDEMPOTENCY_TTL: '2s' } });
      try {
        const q = await quote(purging.url);
        const key = newKey('purge');
        const first = await postJson(`${purging.url}/api/orders`, orderBody(q), { 'idempotency-key': key });
        assert.equal(first.status, 201, JSON.stringify(first.body));
        const replay = await postJson(`${purging.url}/api/orders`, orderBody(q), { 'idempotency-key': key });
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
        // Retried until the record is purged: a replay (201) before, a refusal after.
        let after = replay;
        for (const deadline = Date.now() + 20_000; after.status === 201 && Date.now() < deadline; ) {
          await new Promise((r) => setTimeout(r, 250));
          after = await postJson(`${purging.url}/api/orders`, orderBody(q), { 'idempotency-key': key });
        }
        assertProblem(after, 422, 'idempotency-key-reused');
        assert.equal(after.body.errors[0].path, 'headers.idempotency-key');
        assert.equal(await orderCount(purging.url), 1);
      } finally {
        await purging.stop();
      }
    });

    test('merchant moves an order through its statuses; wrong moves are refused', async () => {
      const q = await quote(base);
      const created = await postJson(`${base}/api/orders`, orderBody(q), { 'idempotency-key': newKey('status') });
      const ref = created.body.reference;
      const url = `${base}/api/orders/${ref}/status`;
      assertProblem(await postJson(url, { status: 'paid' }), 401, 'unauthorized');
      assertProblem(await postJson(url, { status: 'paid' }, { authorization: `Bearer ${created.body.accessToken}` }), 401, 'unauthorized');
      assertProblem(await postJson(url, { status: 'delivered' }, merchant), 409, 'conflict');
      assertProblem(await postJson(url, { status: 'lost' }, merchant), 400, 'validation-error');
      const paid = await postJson(url, { status: 'paid' }, merchant);
      assert.deepEqual(paid.body, { reference: ref, status: 'paid', previousStatus: 'pending_payment', changed: true });
      assert.equal((await postJson(url, { status: 'paid' }, merchant)).body.changed, false);
      assert.equal((await postJson(url, { status: 'shipped', note: 'RR123456789ID' }, merchant)).status, 200);
      const status = await getJson(`${base}/api/orders/${ref}/status`, { authorization: `Bearer ${created.body.accessToken}` });
      assert.equal(status.body.status, 'shipped');
      const view = await getJson(`${base}/api/orders/${ref}`, merchant);
      assert.deepEqual(view.body.history.map((/** @type {any} */ e) => e.to), ['pending_payment', 'paid', 'shipped']);
      assert.equal(view.body.history[2].note, 'RR123456789ID');
      assertProblem(await postJson(`${base}/api/orders/MDN-000000-AAAAA/status`, { status: 'paid' }, merchant), 404, 'not-found');
    });

    test('manual payment: amount, reference and the shop’s bank account as data, confirmed with the merchant token', async () => {
      const q = await quote(base);
      const created = await postJson(`${base}/api/orders`, orderBody(q), { 'idempotency-key': newKey('manual') });
      const ref = created.body.reference;
      const buyer = { authorization: `Bearer ${created.body.accessToken}` };
      // No body, as a browser's fetch(url, { method: 'POST', headers }) sends it.
      const created201 = await fetch(`${base}/api/orders/${ref}/payment`, { method: 'POST', headers: { ...buyer, 'content-type': 'application/json' } });
      assert.equal(created201.status, 201);
      const payment = { body: /** @type {any} */ (await created201.json()) };
      assert.equal(payment.body.adapter, 'manual');
      assert.deepEqual(
        { method: payment.body.method, amountIdr: payment.body.amountIdr, currency: payment.body.currency, reference: payment.body.reference, accountNumber: payment.body.bank?.accountNumber },
        { method: 'payment-details', amountIdr: q.totals.totalIdr, currency: 'IDR', reference: ref, accountNumber: '0123456789' },
      );
      assert.equal(payment.body.instructions, undefined, 'no English sentence');
      const again = await postJson(`${base}/api/orders/${ref}/payment`, {}, buyer);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, payment.body);

      const notify = `${base}/api/payments/notifications/manual`;
      assertProblem(await postJson(notify, { reference: ref, status: 'paid' }), 401, 'unauthorized');
      assertProblem(await postJson(notify, { reference: ref, status: 'paid', amountIdr: 1 }, merchant), 422, 'payment-invalid');
      const ok = await postJson(notify, { reference: ref, status: 'paid', amountIdr: q.totals.totalIdr }, merchant);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.status, 'paid');
      const dup = await postJson(notify, { reference: ref, status: 'paid', amountIdr: q.totals.totalIdr }, merchant);
      assert.equal(dup.body.duplicate, true);

      const cancelled = await postJson(`${base}/api/orders`, orderBody(q), { 'idempotency-key': newKey('cancelled') });
      await postJson(`${base}/api/orders/${cancelled.body.reference}/status`, { status: 'cancelled' }, merchant);
      assertProblem(await postJson(`${base}/api/orders/${cancelled.body.reference}/payment`, {}, merchant), 409, 'conflict');
    });

    test('merchant CLI lists, shows and exports orders with their customs lines', async () => {
      const q = await quote(base);
      const created = await postJson(`${base}/api/orders`, orderBody(q), { 'idempotency-key': newKey('cli') });
      const ref = created.body.reference;
      const env = { MENDUNIA_DATA_DIR: storage.dataDir, ...storage.env };
      const list = await runCli(['orders', 'list'], env);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, new RegExp(ref));
      const show = await runCli(['orders', 'show', ref], env);
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /Customs\s+CN2[23]/);
      assert.match(show.stdout, /HS 520852/);
      const csv = await runCli(['orders', 'export', '--format', 'csv'], env);
      assert.equal(csv.code, 0, csv.stderr);
      const rows = csv.stdout.trim().split('\r\n');
      assert.match(/** @type {string} */ (rows[0]), /^reference,created_at,status,.*hs_code,origin_country$/);
      const mine = rows.filter((r) => r.startsWith(`${ref},`));
      assert.equal(mine.length, 2);
      assert.match(
        /** @type {string} */ (mine[0]),
        /,batik-kawung-cap,,Kain Batik Cap Kawung Indigo,,Stamped Kawung Batik Cloth in Indigo,,Stamped Kawung Batik Cloth in Indigo,2,325000,650000,720,520852,ID$/,
      );
      assert.match(/** @type {string} */ (mine[0]), /,'\+6591234567,/);
      const json = await runCli(['orders', 'export', '--format', 'json'], env);
      const exported = JSON.parse(json.stdout);
      assert.equal(exported.format, 'mendunia.orders-export/1');
      const order = exported.orders.find((/** @type {any} */ o) => o.reference === ref);
      assert.equal(order.order.customs.lines[0].hsCode, '520852');
      const missing = await runCli(['orders', 'show', 'MDN-000000-AAAAA'], env);
      assert.equal(missing.code, 2);
    });

    test('merchant CLI: a buyer’s terminal escapes and bidi controls are not printed; CSV cells cannot start a formula', async () => {
      const q = await quote(base);
      const hostile = 'Tan\u001b[2J\u001b[1;1HWei\u009b31m\nPAID IN FULL\u202Egnil;=1+1';
      const created = await postJson(`${base}/api/orders`, { ...orderBody(q), contact: { ...CONTACT, name: hostile }, address: { ...ADDRESS, addressLine2: '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007' } }, { 'idempotency-key': newKey('cli-hostile') });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const ref = created.body.reference;
      const env = { MENDUNIA_DATA_DIR: storage.dataDir, ...storage.env };
      // eslint-disable-next-line no-control-regex
      const unsafe = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
      for (const args of [['orders', 'show', ref], ['orders', 'list'], ['orders', 'show', ref, '--format', 'json'], ['orders', 'list', '--format', 'json'], ['orders', 'list', '--format', 'csv']]) {
        const r = await runCli(args, env);
        assert.equal(r.code, 0, r.stderr);
        assert.doesNotMatch(r.stdout, unsafe, args.join(' '));
      }
      const show = await runCli(['orders', 'show', ref], env);
      assert.match(show.stdout, /^Buyer {4}TanWei PAID IN FULLgnil;=1\+1 </m);
      assert.doesNotMatch(show.stdout, /^PAID IN FULL/m, 'no forged line');
      assert.match(show.stdout, /^ {2}click$/m);
      const json = await runCli(['orders', 'show', ref, '--format', 'json'], env);
      // The order keeps the buyer's text as core stored it (core drops the unpaired U+202E when the
      // order is made: balanceBidi); the JSON output carries the rest, escaped.
      assert.equal(JSON.parse(json.stdout).order.contact.name, hostile.replace('\u202E', '').trim(), 'JSON keeps the data, escaped');
      const csv = await runCli(['orders', 'export', '--format', 'csv'], env);
      const row = /** @type {string} */ (csv.stdout.split('\r\n').find((r) => r.startsWith(`${ref},`)));
      assert.ok(row.includes(',"TanWei PAID IN FULLgnil;\'=1+1",'), row);
      // Split the way a ";" spreadsheet does: no cell starts a formula.
      for (const cell of row.split(/[;,]/)) assert.doesNotMatch(cell.replace(/^"/, ''), /^\s*[=+\-@]/, row);
    });

    test('an order of two variants of one product names both everywhere: the order, its stored lines, orders show, CSV and JSON exports, customs', async () => {
      const q = await quote(base, { lines: [{ productId: 'kemeja-batik-lasem', variantId: 's', quantity: 1 }, { productId: 'kemeja-batik-lasem', variantId: 'l', quantity: 2 }], destination: 'SG' });
      assert.deepEqual(q.lines.map((/** @type {any} */ l) => [l.productId, l.variantId, l.quantity]), [['kemeja-batik-lasem', 's', 1], ['kemeja-batik-lasem', 'l', 2]]);
      const created = await postJson(`${base}/api/orders`, orderBody(q), { 'idempotency-key': newKey('variants') });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const ref = created.body.reference;
      const shirt = { id: 'Kemeja Batik Lasem Lengan Pendek', en: 'Lasem Batik Short-sleeve Shirt' };
      assert.deepEqual(
        created.body.order.lines.map((/** @type {any} */ l) => [l.productId, l.variantId, l.name, l.productName, l.variantName]),
        [['kemeja-batik-lasem', 's', shirt.en, shirt, { id: 'S', en: 'S' }], ['kemeja-batik-lasem', 'l', shirt.en, shirt, { id: 'L', en: 'L' }]],
      );
      assert.deepEqual(created.body.order.customs.lines.map((/** @type {any} */ c) => c.description), ['Lasem Batik Short-sleeve Shirt, S', 'Lasem Batik Short-sleeve Shirt, L']);

      const repo = await createRepository(storage.settings);
      try {
        const stored = await repo.getOrder(ref);
        assert.deepEqual(
          stored?.lines.map((l) => [l.variantId, l.variantName, l.variantNames, l.productNames, l.quantity]),
          [['s', 'S', { id: 'S', en: 'S' }, shirt, 1], ['l', 'L', { id: 'L', en: 'L' }, shirt, 2]],
        );
        assert.deepEqual(stored?.summary.order.lines, created.body.order.lines);
      } finally {
        await repo.close();
      }

      const env = { MENDUNIA_DATA_DIR: storage.dataDir, ...storage.env };
      const show = await runCli(['orders', 'show', ref], env);
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /1\. 1 × Kemeja Batik Lasem Lengan Pendek — S @ IDR 465\.000 = IDR 465\.000\n\s+Lasem Batik Short-sleeve Shirt — S \(product kemeja-batik-lasem, variant s\)\n/);
      assert.match(show.stdout, /2\. 2 × Kemeja Batik Lasem Lengan Pendek — L @ IDR 465\.000 = IDR 930\.000\n\s+Lasem Batik Short-sleeve Shirt — L \(product kemeja-batik-lasem, variant l\)\n/);
      assert.match(show.stdout, /1 × Lasem Batik Short-sleeve Shirt, S \| HS 620520 \| 300 g/);
      assert.match(show.stdout, /2 × Lasem Batik Short-sleeve Shirt, L \| HS 620520 \| 640 g/);

      const csv = await runCli(['orders', 'export', '--format', 'csv'], env);
      assert.equal(csv.code, 0, csv.stderr);
      const [head, ...rows] = csv.stdout.trim().split('\r\n');
      const columns = /** @type {string} */ (head).split(',');
      const column = (/** @type {string} */ name) => columns.indexOf(name);
      assert.ok(['product_name_id', 'variant_name_id', 'product_name_en', 'variant_name_en'].every((c) => column(c) > column('variant_id')));
      const mine = rows.filter((r) => r.startsWith(`${ref},`));
      assert.deepEqual(mine.map((r) => /,kemeja-batik-lasem,(.*?),\d+,465000,/.exec(r)?.[1]), [
        's,Kemeja Batik Lasem Lengan Pendek,S,Lasem Batik Short-sleeve Shirt,S,"Lasem Batik Short-sleeve Shirt, S"',
        'l,Kemeja Batik Lasem Lengan Pendek,L,Lasem Batik Short-sleeve Shirt,L,"Lasem Batik Short-sleeve Shirt, L"',
      ]);

      const json = await runCli(['orders', 'show', ref, '--format', 'json'], env);
      assert.deepEqual(JSON.parse(json.stdout).order.lines.map((/** @type {any} */ l) => l.variantName.id), ['S', 'L']);
    });

    test('an order stored before variant names were kept is migrated and still shown, by its English name and variant id', async () => {
      const q = await quote(base, { lines: [{ productId: 'kemeja-batik-lasem', variantId: 's', quantity: 1 }, { productId: 'kemeja-batik-lasem', variantId: 'l', quantity: 1 }], destination: 'SG' });
      const created = await postJson(`${base}/api/orders`, orderBody(q), { 'idempotency-key': newKey('legacy') });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const old = legacyOrder(created.body.order, 'MDN-261101-LGCY2');
      const legacy = await backend.storage('legacy');
      await writeVersion1Database(legacy.settings, old);
      const env = { MENDUNIA_DATA_DIR: legacy.dataDir, ...legacy.env };

      const show = await runCli(['orders', 'show', old.reference], env);
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /1\. 1 × Lasem Batik Short-sleeve Shirt — s @ .*\n\s+\(product kemeja-batik-lasem, variant s\)\n/);
      assert.match(show.stdout, /2\. 1 × Lasem Batik Short-sleeve Shirt — l @ .*\n\s+\(product kemeja-batik-lasem, variant l\)\n/);
      assert.doesNotMatch(show.stdout, /WARNING/);

      const csv = await runCli(['orders', 'export', '--format', 'csv'], env);
      assert.equal(csv.code, 0, csv.stderr);
      const rows = csv.stdout.trim().split('\r\n').slice(1);
      assert.deepEqual(rows.map((r) => /,kemeja-batik-lasem,(.*?),\d+,465000,/.exec(r)?.[1]), [
        's,Lasem Batik Short-sleeve Shirt,s,Lasem Batik Short-sleeve Shirt,s,Lasem Batik Short-sleeve Shirt',
        'l,Lasem Batik Short-sleeve Shirt,l,Lasem Batik Short-sleeve Shirt,l,Lasem Batik Short-sleeve Shirt',
      ]);

      const repo = await createRepository(legacy.settings);
      try {
        assert.deepEqual(await repo.migrate(), []);
        const stored = await repo.getOrder(old.reference);
        assert.deepEqual(stored?.lines.map((l) => [l.variantId, l.name, l.variantName, l.productNames, l.variantNames]), [
          ['s', 'Lasem Batik Short-sleeve Shirt', null, null, null],
          ['l', 'Lasem Batik Short-sleeve Shirt', null, null, null],
        ]);
        // Migration 3 filled in the buyer's name from the document: the dashboard's search finds it.
        assert.deepEqual((await repo.listOrders({ q: 'WEI ling' })).map((o) => o.reference), [old.reference]);
        assert.equal(await repo.countOrders({ q: 'nobody' }), 0);
      } finally {
        await repo.close();
      }
    });

    test('webhooks to the merchant are signed and retried until acknowledged', async () => {
      /** @type {{ headers: import('node:http').IncomingHttpHeaders, body: string }[]} */
      const received = [];
      /** @type {string[]} events answered 2xx */
      const acknowledged = [];
      let failuresLeft = 3;
      const receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ headers: req.headers, body });
          if (failuresLeft > 0) {
            failuresLeft--;
            res.writeHead(500).end('not now');
          } else {
            acknowledged.push(/** @type {string} */ (req.headers['x-mendunia-event']));
            res.writeHead(204).end();
          }
        });
      });
      await new Promise((resolve) => receiver.listen(0, '127.0.0.1', () => resolve(undefined)));
      const address = /** @type {import('node:net').AddressInfo} */ (receiver.address());
      const hookStorage = await backend.storage('webhooks');
      const secret = 'whsec-test-0123456789';
      const hooked = await startServer({
        dataDir: hookStorage.dataDir,
        env: { ...hookStorage.env, MENDUNIA_WEBHOOK_URL: `http://127.0.0.1:${address.port}/hooks`, MENDUNIA_WEBHOOK_SECRET: secret, MENDUNIA_WEBHOOK_RETRY_BASE: '50ms', MENDUNIA_WEBHOOK_POLL: '50ms' },
      });
      try {
        const q = await quote(hooked.url);
        const created = await postJson(`${hooked.url}/api/orders`, orderBody(q), { 'idempotency-key': newKey('hook') });
        assert.equal(created.status, 201);
        await postJson(`${hooked.url}/api/orders/${created.body.reference}/status`, { status: 'paid' }, merchant);
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && acknowledged.length < 2) await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(acknowledged.sort(), ['order.created', 'order.status_changed']);
        const createdDeliveries = received.filter((r) => r.headers['x-mendunia-event'] === 'order.created');
        assert.ok(createdDeliveries.length >= 2, `order.created was tried ${createdDeliveries.length} times`);
        assert.equal(new Set(createdDeliveries.map((r) => r.headers['x-mendunia-delivery'])).size, 1, 'retries keep the delivery id');
        for (const r of received) assert.ok(verifyWebhookSignature(secret, /** @type {string} */ (r.headers['x-mendunia-signature']), r.body), 'signature');
        assert.equal(verifyWebhookSignature('wrong', /** @type {string} */ (received[0]?.headers['x-mendunia-signature']), /** @type {string} */ (received[0]?.body)), false);
        const event = JSON.parse(/** @type {string} */ (createdDeliveries.at(-1)?.body));
        assert.equal(event.type, 'order.created');
        assert.equal(event.data.reference, created.body.reference);
        assert.equal(event.data.order.customs.lines.length, 2);
        const changed = JSON.parse(/** @type {string} */ (received.find((r) => r.headers['x-mendunia-event'] === 'order.status_changed')?.body));
        assert.deepEqual([changed.data.previousStatus, changed.data.status], ['pending_payment', 'paid']);
      } finally {
        await hooked.stop();
        receiver.close();
      }
    });

    test('two repositories on one database (on PostgreSQL two pools, as two server instances): one key raced from both makes one order; a webhook is claimed once', async () => {
      const shared = await backend.storage('twins');
      const [a, b] = [await createRepository(shared.settings), await createRepository(shared.settings)];
      try {
        // Both migrate at once: one applies the migrations, the other finds them done.
        const migrated = await Promise.all([a.migrate(), b.migrate()]);
        assert.deepEqual(migrated.flat().sort(), [1, 2, 3]);
        /** @param {string} reference @returns {any} */
        const order = (reference) => ({
          reference, createdAt: new Date().toISOString(), address: { country: 'SG' }, totals: { totalIdr: 465000 }, contact: { email: 'twins@example.sg' },
          lines: [{ productId: 'pala-banda', variantId: '100g', name: 'Banda Nutmeg', quantity: 1, unitPriceIdr: 465000, lineTotalIdr: 465000, unitWeightGrams: 100 }],
        });
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).insertOrder({
              key: 'twins-key', requestHash: 'h', statusCode: 201, response: { reference: `MDN-TWINS-${i}` }, order: order(`MDN-TWINS-${i}`), status: 'pending_payment',
              quoteId: 'qt_twins', source: 'api', webhooks: [{ id: `wh_twins_${i}`, type: 'order.created', reference: `MDN-TWINS-${i}`, payload: { i } }], now: new Date(),
            }),
          ),
        );
        assert.equal(results.filter((r) => r.inserted).length, 1);
        const winner = (await a.listOrders()).map((o) => o.reference);
        assert.equal(winner.length, 1);
        for (const r of results) if (!r.inserted) assert.deepEqual(r.existing.response, { reference: winner[0] });
        assert.equal((await a.getOrder(/** @type {string} */ (winner[0])))?.lines.length, 1);
        // The one queued webhook: claimed by exactly one instance, then locked for the other.
        const now = new Date(Date.now() + 1000);
        const claims = await Promise.all([a, b, a, b].map((repo) => repo.claimWebhooks({ now, limit: 5, lockMs: 60_000 })));
        assert.deepEqual(claims.flat().map((c) => [c.reference, c.attempts]), [[winner[0], 1]]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    test('killed with SIGKILL during a stream of orders: after a restart every acknowledged order is there with all its lines', async () => {
      const crashStorage = await backend.storage('crash');
      let crashed = await startServer({ dataDir: crashStorage.dataDir, env: crashStorage.env });
      const q = await quote(crashed.url, { lines: [{ productId: 'cengkeh-ternate', quantity: 1 }, { productId: 'kayu-manis-kerinci', quantity: 1 }, { productId: 'pala-banda', variantId: '100g', quantity: 1 }], destination: 'SG' });
      const body = orderBody(q);
      /** @type {Map<string, string>} key → reference */
      const acknowledged = new Map();
      /** @type {Set<string>} */
      const sent = new Set();
      let killed = false;
      const url = `${crashed.url}/api/orders`;
      const worker = async () => {
        while (!killed) {
          const key = newKey('crash');
          sent.add(key);
          try {
            const r = await postJson(url, body, { 'idempotency-key': key });
            if (r.status === 201) acknowledged.set(key, r.body.reference);
            else assert.fail(`unexpected ${r.status} ${JSON.stringify(r.body)}`);
          } catch (error) {
            if (!killed) throw error;
          }
        }
      };
      const workers = Array.from({ length: 6 }, worker);
      while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      await crashed.kill();
      await Promise.all(workers);
      assert.ok(acknowledged.size >= 40);

      const repo = await createRepository(crashStorage.settings);
      try {
        const all = await repo.listOrders();
        const byReference = new Map(all.map((o) => [o.reference, o]));
        for (const reference of acknowledged.values()) {
          const o = byReference.get(reference);
          assert.ok(o, `acknowledged order ${reference} is missing after the crash`);
        }
        for (const o of all) assert.equal(o.storedLines, o.lineCount, `order ${o.reference} has ${o.storedLines} of ${o.lineCount} lines`);
        for (const o of all) assert.equal(o.lineCount, 3);
        assert.ok(all.length <= sent.size);
      } finally {
        await repo.close();
      }

      crashed = await startServer({ dataDir: crashStorage.dataDir, env: crashStorage.env });
      try {
        for (const reference of [...acknowledged.values()].slice(0, 5)) {
          const view = await getJson(`${crashed.url}/api/orders/${reference}`, merchant);
          assert.equal(view.status, 200);
          assert.equal(view.body.order.lines.length, 3);
        }
        // Every key sent before the crash, sent again, gives exactly one order per key.
        const retried = await Promise.all([...sent].map((key) => postJson(`${crashed.url}/api/orders`, body, { 'idempotency-key': key })));
        for (const r of retried) assert.equal(r.status, 201);
        for (const [key, reference] of acknowledged) assert.equal(retried[[...sent].indexOf(key)]?.body.reference, reference);
        const count = await getJson(`${crashed.url}/api/orders?limit=1000`, merchant);
        assert.equal(count.body.orders.length, sent.size);
      } finally {
        await crashed.stop();
      }
    });
  });
}
