// The merchant dashboard's server side (/admin, src/admin/) on SQLite and on PostgreSQL: a real
// server process per database, the dashboard bundle served from a temporary directory.
// Sessions, CSRF, the orders API, status changes with a shipment, the CSV, sign-out.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { postgresDialect, sqliteDialect } from '../dist/db/dialect.js';
import { createRepository } from '../dist/db/index.js';
import { readSettings, SettingsError } from '../dist/settings.js';
import { postgresUnavailable, startPostgres } from './support/postgres.mjs';
import { MERCHANT_TOKEN, runCli, startServer, tempDir } from './support/server.mjs';
import { ADDRESS, CONTACT, newKey, postJson, quote } from './support/shop.mjs';

const TWO_VARIANTS = { lines: [{ productId: 'kemeja-batik-lasem', variantId: 'm', quantity: 1 }, { productId: 'kemeja-batik-lasem', variantId: 'l', quantity: 2 }], destination: 'SG' };
const today = () => new Date().toISOString().slice(0, 10);

/**
 * @param {string} label
 * @param {() => Promise<{ env: Record<string, string>, settings: { dataDir: string, databaseUrl?: string }, cleanup: () => Promise<void> }>} makeStorage
 */
function defineAdminSuite(label, makeStorage) {
  describe(`merchant dashboard on ${label}`, () => {
    /** @type {Awaited<ReturnType<typeof makeStorage>>} */
    let storage;
    /** @type {Awaited<ReturnType<typeof startServer>>} */
    let server;
    const assets = tempDir('mendunia-admin-assets-');
    let base = '';
    let cookie = '';
    let csrf = '';
    /** @type {string[]} */
    const refs = [];

    /** @param {string} path  @param {{ method?: string, body?: unknown, headers?: Record<string, string> }} [init] */
    const call = async (path, init = {}) => {
      const response = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, body: /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined };
    };
    const signedIn = () => ({ cookie, 'x-csrf-token': csrf });
    /** @param {string} ref */
    const statusOf = async (ref) => (await call(`/admin/api/orders/${ref}`, { headers: { cookie } })).body.summary.status;

    before(async () => {
      storage = await makeStorage();
      // Webhooks go to a closed port: they stay in the outbox, where the test reads them.
      server = await startServer({
        dataDir: storage.settings.dataDir,
        env: { ...storage.env, MENDUNIA_ADMIN_ASSETS: assets.dir, MENDUNIA_TRUST_PROXY: 'true', MENDUNIA_WEBHOOK_URL: 'http://127.0.0.1:9/hook', MENDUNIA_WEBHOOK_RETRY_BASE: '1h' },
      });
      base = server.url;
      for (const [cart, contact] of /** @type {const} */ ([[TWO_VARIANTS, CONTACT], [undefined, { ...CONTACT, name: '=Siti Rahma+1' }]])) {
        const created = await postJson(`${base}/api/orders`, { quote: await quote(base, cart), contact, address: ADDRESS, displayCurrency: 'SGD' }, { 'idempotency-key': newKey('admin') });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        refs.push(created.body.reference);
      }
    });
    after(async () => {
      await server?.stop();
      await storage?.cleanup();
      assets.remove();
    });

    test('/admin says the bundle is not built (503), then serves the shell with a strict CSP and the bundle, and nothing outside it', async () => {
      const missing = await call('/admin');
      assert.equal(missing.status, 503);
      assert.match(missing.text, /not built/);
      writeFileSync(join(assets.dir, 'admin.js'), 'export {};\n');
      writeFileSync(join(assets.dir, 'chunk-3f9a1c2e7b.js'), 'export const x = 1;\n');
      mkdirSync(join(assets.dir, 'sub'));
      symlinkSync('/etc/hostname', join(assets.dir, 'sub', 'leak.js'));
      const shell = await call('/admin');
      assert.equal(shell.status, 200);
      assert.match(shell.text, /<mendunia-admin><\/mendunia-admin>/);
      assert.match(shell.text, /<script type="module" src="\/admin\/assets\/admin\.js"><\/script>/);
      assert.doesNotMatch(shell.text, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
      const csp = shell.headers.get('content-security-policy') ?? '';
      for (const directive of ["default-src 'self'", "frame-ancestors 'none'"]) assert.ok(csp.includes(directive), csp);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      const entry = await call('/admin/assets/admin.js');
      assert.equal(entry.status, 200);
      assert.match(entry.headers.get('content-type') ?? '', /^text\/javascript/);
      assert.equal(entry.headers.get('cache-control'), 'no-cache');
      assert.match((await call('/admin/assets/chunk-3f9a1c2e7b.js')).headers.get('cache-control') ?? '', /immutable/);
      for (const path of ['/admin/assets/%2e%2e/%2e%2e/package.json', '/admin/assets/..%2F..%2Fpackage.json', '/admin/assets/sub/leak.js', '/admin/assets/%2Fetc%2Fhostname.js', '/admin/assets/nope.js']) {
        assert.equal((await call(path)).status, 404, path);
      }
    });

    test('sign-in: a wrong token is refused without a cookie; the right one gives an HttpOnly, SameSite=Strict cookie on /admin and a CSRF token', async () => {
      const wrong = await call('/admin/api/session', { method: 'POST', body: { token: `${MERCHANT_TOKEN}x` } });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('set-cookie'), null);
      const right = await call('/admin/api/session', { method: 'POST', body: { token: MERCHANT_TOKEN } });
      assert.equal(right.status, 200, right.text);
      const setCookie = right.headers.get('set-cookie') ?? '';
      assert.match(setCookie, /^mendunia_admin=[A-Za-z0-9_-]{43}; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=604800$/);
      assert.equal(right.body.shop.name, 'Rumah Nusantara');
      assert.equal(right.body.shop.sender.country, 'ID');
      cookie = setCookie.split(';')[0] ?? '';
      csrf = right.body.csrfToken;
      assert.ok(csrf.length >= 32);
      const again = await call('/admin/api/session', { headers: { cookie } });
      assert.deepEqual(again.body, right.body);
      // Behind a trusted proxy that received https, the cookie is Secure.
      const secure = await call('/admin/api/session', { method: 'POST', body: { token: MERCHANT_TOKEN }, headers: { 'x-forwarded-proto': 'https' } });
      assert.match(secure.headers.get('set-cookie') ?? '', /; Secure$/);
    });

    test('without the cookie → 401, with a wrong or missing CSRF token → 403, and nothing changes', async () => {
      const ref = /** @type {string} */ (refs[1]);
      assert.equal((await call('/admin/api/orders')).status, 401);
      assert.equal((await call('/admin/%61pi/orders')).status, 401, 'an encoded path reaches the same route, and the same check');
      assert.equal((await call(`/admin/api/orders/${ref}`)).status, 401);
      assert.equal((await call(`/admin/api/orders/${ref}/status`, { method: 'POST', body: { status: 'paid' } })).status, 401);
      assert.equal((await call(`/admin/api/orders/${ref}/status`, { method: 'POST', body: { status: 'paid' }, headers: { cookie: 'mendunia_admin=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } })).status, 401);
      assert.equal((await call(`/admin/api/orders/${ref}/status`, { method: 'POST', body: { status: 'paid' }, headers: { cookie } })).status, 403);
      assert.equal((await call(`/admin/api/orders/${ref}/status`, { method: 'POST', body: { status: 'paid' }, headers: { cookie, 'x-csrf-token': `${csrf.slice(1)}A` } })).status, 403);
      assert.equal((await call('/admin/api/session', { method: 'DELETE', headers: { cookie } })).status, 403);
      assert.equal(await statusOf(ref), 'pending_payment');
      assert.equal((await call('/admin/api/orders', { headers: { cookie } })).status, 200, 'the session survived the refused sign-out');
    });

    test('orders list: newest first, with total, status and day filters, search by reference or buyer name', async () => {
      const [a, b] = /** @type {[string, string]} */ (refs);
      const all = await call('/admin/api/orders?limit=1', { headers: { cookie } });
      assert.equal(all.status, 200);
      assert.equal(all.body.total, 2);
      assert.equal(all.body.orders.length, 1);
      assert.equal(all.body.orders[0].reference, b);
      assert.deepEqual(Object.keys(all.body.orders[0]).sort(), ['buyerName', 'createdAt', 'destination', 'display', 'reference', 'status', 'totalIdr', 'updatedAt']);
      assert.equal(all.body.orders[0].display.currency, 'SGD');
      const search = async (/** @type {string} */ query) => (await call(`/admin/api/orders?${query}`, { headers: { cookie } })).body.orders.map((/** @type {any} */ o) => o.reference);
      assert.deepEqual(await search('q=wei%20LING'), [a]);
      assert.deepEqual(await search('q=siti'), [b]);
      // A prefix, any case (two references of one day may share their first random letters).
      const prefix = a.slice(0, -1);
      assert.deepEqual(await search(`q=${prefix.toLowerCase()}`), [b, a].filter((r) => r.startsWith(prefix)));
      assert.deepEqual(await search('q=%25'), []);
      assert.deepEqual(await search(`since=${today()}&until=${today()}&status=pending_payment`), [b, a]);
      assert.deepEqual(await search('until=2020-01-01'), []);
      assert.equal((await call('/admin/api/orders?since=2026-02-31', { headers: { cookie } })).status, 400);
      assert.equal((await call('/admin/api/orders?status=lost', { headers: { cookie } })).status, 400);
    });

    test('order detail: both variants with HS codes, buyer, landed cost, events with actor, what may come next, the carriers', async () => {
      const ref = /** @type {string} */ (refs[0]);
      const detail = (await call(`/admin/api/orders/${ref}`, { headers: { cookie } })).body;
      assert.equal(detail.summary.reference, ref);
      assert.deepEqual(detail.order.lines.map((/** @type {any} */ l) => [l.productId, l.variantId, l.quantity, typeof l.hsCode]), [
        ['kemeja-batik-lasem', 'm', 1, 'string'], ['kemeja-batik-lasem', 'l', 2, 'string'],
      ]);
      assert.equal(detail.order.contact.phone, '+6591234567');
      assert.ok(detail.order.addressLines.length > 1);
      assert.equal(typeof detail.order.totals.totalIdr, 'number');
      assert.deepEqual(detail.allowedTransitions, ['paid', 'cancelled']);
      assert.deepEqual(detail.events.map((/** @type {any} */ e) => [e.type, e.to, e.actor]), [['created', 'pending_payment', 'api']]);
      assert.deepEqual(detail.payments, []);
      assert.equal(detail.shipment, undefined);
      assert.ok(detail.carriers.some((/** @type {any} */ c) => c.id === 'dhl-express' && c.name === 'DHL Express'));
      assert.equal((await call('/admin/api/orders/MDN-000000-AAAAA', { headers: { cookie } })).status, 404);
    });

    test('paid → packed → shipped (carrier and tracking required) is recorded with actor and shipment and queued for the webhook', async () => {
      const ref = /** @type {string} */ (refs[0]);
      const move = (/** @type {object} */ body) => call(`/admin/api/orders/${ref}/status`, { method: 'POST', body, headers: signedIn() });
      assert.equal((await move({ status: 'delivered' })).body.allowed.join(), 'paid,cancelled');
      assert.deepEqual((await move({ status: 'paid', note: 'BCA transfer seen' })).body.allowedTransitions, ['packed', 'shipped', 'cancelled', 'refunded']);
      assert.equal((await move({ status: 'packed' })).body.summary.status, 'packed');
      const noTracking = await move({ status: 'shipped', carrier: 'DHL Express' });
      assert.equal(noTracking.status, 400);
      assert.deepEqual(noTracking.body.errors.map((/** @type {any} */ e) => e.path), ['trackingNumber']);
      assert.equal(await statusOf(ref), 'packed');
      const shipped = await move({ status: 'shipped', carrier: 'DHL Express', trackingNumber: '1234567890' });
      assert.equal(shipped.status, 200, shipped.text);
      assert.deepEqual({ ...shipped.body.shipment, shippedAt: undefined }, {
        carrier: 'dhl-express', carrierName: 'DHL Express', trackingNumber: '1234567890',
        trackingUrl: 'https://www.dhl.com/id-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890', shippedAt: undefined,
      });
      assert.deepEqual(shipped.body.allowedTransitions, ['delivered', 'refunded']);
      assert.deepEqual(shipped.body.events.map((/** @type {any} */ e) => [e.to, e.actor, e.note]), [
        ['pending_payment', 'api', null], ['paid', 'dashboard', 'BCA transfer seen'], ['packed', 'dashboard', null], ['shipped', 'dashboard', null],
      ]);
      const repo = await createRepository(storage.settings);
      try {
        const hooks = (await repo.listWebhooks({ reference: ref })).filter((w) => w.type === 'order.status_changed');
        assert.deepEqual(hooks.map((w) => /** @type {any} */ (w.payload).data.status), ['paid', 'packed', 'shipped']);
        const data = /** @type {any} */ (hooks[2]).payload.data;
        assert.deepEqual([data.source, data.previousStatus, data.shipment.trackingNumber, data.shipment.carrier], ['dashboard', 'packed', '1234567890', 'dhl-express']);
      } finally {
        await repo.close();
      }
    });

    test('the CLI moves an order to packed and shipped with --carrier and --tracking, and refuses shipped without them', async () => {
      const ref = /** @type {string} */ (refs[1]);
      const env = { MENDUNIA_DATA_DIR: storage.settings.dataDir, ...storage.env };
      assert.equal((await call(`/admin/api/orders/${ref}/status`, { method: 'POST', body: { status: 'paid' }, headers: signedIn() })).status, 200);
      assert.match((await runCli(['orders', 'status', ref, 'packed'], env)).stdout, /paid → packed/);
      const refused = await runCli(['orders', 'status', ref, 'shipped', '--carrier', 'pos-indonesia'], env);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /--tracking/);
      assert.equal((await runCli(['orders', 'status', ref, 'shipped', '--carrier', 'pos-indonesia', '--tracking', 'RR123456789ID'], env)).code, 0);
      const detail = (await call(`/admin/api/orders/${ref}`, { headers: { cookie } })).body;
      assert.deepEqual([detail.shipment.carrierName, detail.shipment.trackingNumber, detail.shipment.trackingUrl], ['POS Indonesia', 'RR123456789ID', undefined]);
      assert.deepEqual(detail.events.slice(1).map((/** @type {any} */ e) => e.actor), ['dashboard', 'cli', 'cli']);
    });

    test('CSV export with the list filters, formula-safe, as an attachment', async () => {
      const csv = await call('/admin/api/orders.csv?q=siti', { headers: { cookie } });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.equal(csv.headers.get('content-disposition'), `attachment; filename="orders-${today()}.csv"`);
      const rows = csv.text.trim().split('\r\n');
      assert.match(rows[0] ?? '', /^reference,created_at,status/);
      assert.ok(rows.slice(1).every((r) => r.startsWith(`${refs[1]},`)), csv.text);
      assert.ok(csv.text.includes("'=Siti Rahma+1") && !/,=Siti/.test(csv.text));
      assert.equal((await call('/admin/api/orders.csv')).status, 401);
    });

    test('sign-out revokes the session on the server: the old cookie no longer works', async () => {
      const out = await call('/admin/api/session', { method: 'DELETE', headers: signedIn() });
      assert.equal(out.status, 204);
      assert.match(out.headers.get('set-cookie') ?? '', /^mendunia_admin=; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=0$/);
      assert.equal((await call('/admin/api/orders', { headers: { cookie } })).status, 401);
      assert.equal((await call('/admin/api/session', { headers: { cookie } })).status, 401);
      // The next sign-in clears the sessions that are over from the table.
      const sessionRows = async () => {
        const { databaseUrl, dataDir } = storage.settings;
        const dialect = databaseUrl ? postgresDialect(databaseUrl) : sqliteDialect(join(dataDir, 'mendunia.sqlite'));
        try {
          return await dialect.db.selectFrom('admin_sessions').select(['revoked_at']).execute();
        } finally {
          await dialect.close();
        }
      };
      assert.ok((await sessionRows()).some((r) => r.revoked_at !== null));
      assert.equal((await call('/admin/api/session', { method: 'POST', body: { token: MERCHANT_TOKEN } })).status, 200);
      const rows = await sessionRows();
      assert.ok(rows.length >= 1 && rows.every((r) => r.revoked_at === null), JSON.stringify(rows));
    });

    test('two instances on one database: a session works on both, and signing out on one ends it on the other', { skip: label === 'SQLite' && 'one server process per SQLite file' }, async () => {
      const otherDir = tempDir('mendunia-admin-other-');
      const other = await startServer({ dataDir: otherDir.dir, env: { ...storage.env, MENDUNIA_ADMIN_ASSETS: assets.dir } });
      try {
        const signIn = await call('/admin/api/session', { method: 'POST', body: { token: MERCHANT_TOKEN } });
        const session = { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': signIn.body.csrfToken };
        const onOther = (/** @type {string} */ path, /** @type {RequestInit} */ init = {}) => fetch(`${other.url}${path}`, { ...init, headers: session });
        assert.equal((await onOther('/admin/api/orders')).status, 200);
        assert.equal((await onOther('/admin/api/session', { method: 'DELETE' })).status, 204);
        assert.equal((await call('/admin/api/orders', { headers: { cookie: session.cookie } })).status, 401);
      } finally {
        await other.stop();
        otherDir.remove();
      }
    });
  });
}

test('dashboard settings: 2 h idle and 7 days at most by default; an idle time above the maximum is refused', () => {
  assert.deepEqual(readSettings({}, {}).admin, { idleMs: 2 * 3_600_000, maxAgeMs: 7 * 86_400_000, assetsDir: undefined });
  assert.deepEqual(readSettings({}, { MENDUNIA_ADMIN_IDLE: '30m', MENDUNIA_ADMIN_MAX_AGE: '1d' }).admin, { idleMs: 1_800_000, maxAgeMs: 86_400_000, assetsDir: undefined });
  assert.throws(() => readSettings({}, { MENDUNIA_ADMIN_IDLE: '8d' }), SettingsError);
  assert.throws(() => readSettings({}, { MENDUNIA_ADMIN_MAX_AGE: 'soon' }), /MENDUNIA_ADMIN_MAX_AGE/);
});

defineAdminSuite('SQLite', async () => {
  const dir = tempDir('mendunia-admin-sqlite-');
  return { env: {}, settings: { dataDir: dir.dir }, cleanup: async () => dir.remove() };
});

const why = postgresUnavailable();
if (why) {
  test('merchant dashboard on PostgreSQL', { skip: `PostgreSQL not available: ${why}` }, () => undefined);
} else {
  defineAdminSuite('PostgreSQL', async () => {
    const cluster = await startPostgres();
    const dir = tempDir('mendunia-admin-pg-');
    const databaseUrl = await cluster.createDatabase('admin');
    return {
      env: { DATABASE_URL: databaseUrl },
      settings: { dataDir: dir.dir, databaseUrl },
      cleanup: async () => {
        await cluster.stop();
        dir.remove();
      },
    };
  });
}
