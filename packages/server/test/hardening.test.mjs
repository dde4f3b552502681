// What a careless deployment would leak or allow: tokens in logs and URLs, world-readable data
// files, weak secrets, unlimited public POSTs. Real server processes on SQLite.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readSettings } from '../dist/settings.js';
import { MERCHANT_TOKEN, runCli, startServer, tempDir } from './support/server.mjs';
import { CART, getJson, newKey, orderBody, postJson, quote } from './support/shop.mjs';

const mode = (/** @type {string} */ path) => (statSync(path).mode & 0o777).toString(8);

describe('the merchant and order tokens', () => {
  test('are accepted in the Authorization header only, and never written to the log (MENDUNIA_LOG=info)', async () => {
    const dir = tempDir();
    const server = await startServer({ dataDir: dir.dir, env: { MENDUNIA_LOG: 'info' } });
    try {
      const q = await quote(server.url);
      const order = await postJson(`${server.url}/api/orders`, orderBody(q), { 'idempotency-key': newKey('log') });
      const { reference, accessToken } = order.body;
      assert.equal((await getJson(`${server.url}/api/orders`, { authorization: `Bearer ${MERCHANT_TOKEN}` })).status, 200);
      assert.equal((await getJson(`${server.url}/api/orders/${reference}`, { authorization: `Bearer ${accessToken}` })).status, 200);
      // In the URL: refused, and not logged either.
      const inUrl = await getJson(`${server.url}/api/orders?token=${MERCHANT_TOKEN}`);
      assert.equal(inUrl.status, 400);
      assert.equal(inUrl.body.errors[0].path, 'query.token');
      const orderInUrl = await getJson(`${server.url}/api/orders/${reference}?token=${accessToken}`);
      assert.equal(orderInUrl.status, 401);
      assert.equal(orderInUrl.body.type, 'https://mendunia.dev/problems/unauthorized');
      assert.equal((await getJson(`${server.url}/api/orders/${reference}/status?access_token=${accessToken}&x=1`)).status, 401);
      await server.stop();
      const log = server.output();
      assert.match(log, /"url":"\/api\/orders\?token=\[redacted\]"/, 'the request is logged, the token is not');
      assert.match(log, /access_token=\[redacted\]&x=1/);
      assert.ok(!log.includes(MERCHANT_TOKEN), 'the merchant token is in the log');
      assert.ok(!log.includes(accessToken), 'an order access token is in the log');
    } finally {
      await server.stop();
      dir.remove();
    }
  });
});

describe('the data directory', () => {
  test('is created 0700; the SQLite files and generated secrets are 0600', async () => {
    const dir = tempDir();
    const dataDir = join(dir.dir, 'nested', 'data');
    const server = await startServer({ dataDir, env: { MENDUNIA_SECRET: '', MENDUNIA_MERCHANT_TOKEN: '' } });
    try {
      const q = await quote(server.url);
      assert.equal((await postJson(`${server.url}/api/orders`, orderBody(q), { 'idempotency-key': newKey('modes') })).status, 201);
      assert.equal(mode(dataDir), '700');
      for (const file of ['mendunia.sqlite', 'mendunia.sqlite-wal', 'mendunia.sqlite-shm', 'secret', 'merchant-token']) assert.equal(mode(join(dataDir, file)), '600', file);
      assert.doesNotMatch(server.output(), /warning/);
    } finally {
      await server.stop();
      dir.remove();
    }
  });

  test('an existing database is made 0600; a directory others can enter is warned about', async () => {
    const dir = tempDir();
    const dataDir = join(dir.dir, 'old');
    const first = await startServer({ dataDir });
    await first.stop();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'mendunia.sqlite'), 0o644);
    const again = await startServer({ dataDir });
    try {
      assert.equal(mode(join(dataDir, 'mendunia.sqlite')), '600');
      assert.match(again.output(), /warning: the data directory .* is mode 0755: other users may read/);
    } finally {
      await again.stop();
      dir.remove();
    }
  });
});

describe('secrets from the environment', () => {
  test('MENDUNIA_SECRET shorter than 32 bytes: a warning at start; refused with NODE_ENV=production', async () => {
    const dir = tempDir();
    mkdirSync(join(dir.dir, 'p'));
    const weak = await startServer({ dataDir: join(dir.dir, 'w'), env: { MENDUNIA_SECRET: 'x' } });
    try {
      assert.match(weak.output(), /warning: MENDUNIA_SECRET is 1 bytes; use at least 32/);
    } finally {
      await weak.stop();
    }
    const refused = await runCli([], { MENDUNIA_DATA_DIR: join(dir.dir, 'p'), PORT: '0', MENDUNIA_SECRET: 'x', NODE_ENV: 'production' });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /MENDUNIA_SECRET is 1 bytes.*refused with NODE_ENV=production/);
    dir.remove();
  });
});

describe('rate limit on public POSTs', () => {
  test('over MENDUNIA_RATE_LIMIT per window: 429 problem+json with Retry-After; reads are not limited', async () => {
    const dir = tempDir();
    const server = await startServer({ dataDir: dir.dir, env: { MENDUNIA_RATE_LIMIT: '3', MENDUNIA_RATE_LIMIT_WINDOW: '10m' } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await postJson(`${server.url}/api/quotes`, CART)).status, 200);
      const limited = await postJson(`${server.url}/api/quotes`, CART);
      assert.equal(limited.status, 429);
      assert.match(limited.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(limited.body.type, 'https://mendunia.dev/problems/rate-limited');
      assert.equal(limited.body.status, 429);
      assert.match(limited.body.detail, /At most 3 requests per 10 min/);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 600, `Retry-After ${retryAfter}`);
      for (let i = 0; i < 5; i++) assert.equal((await getJson(`${server.url}/api/health`)).status, 200);
    } finally {
      await server.stop();
      dir.remove();
    }
  });

  for (const trusted of ['127.0.0.1', '1']) test(`behind a trusted proxy (MENDUNIA_TRUST_PROXY=${trusted}) each buyer has their own count, by X-Forwarded-For`, async () => {
    const dir = tempDir();
    const server = await startServer({ dataDir: dir.dir, env: { MENDUNIA_RATE_LIMIT: '2', MENDUNIA_TRUST_PROXY: trusted } });
    try {
      const from = (/** @type {string} */ ip) => postJson(`${server.url}/api/quotes`, CART, { 'x-forwarded-for': ip });
      assert.deepEqual([(await from('203.0.113.7')).status, (await from('203.0.113.7')).status, (await from('203.0.113.7')).status], [200, 200, 429]);
      assert.equal((await from('198.51.100.20')).status, 200, 'another buyer behind the same proxy is not limited');
    } finally {
      await server.stop();
      dir.remove();
    }
  });

  test('settings: 60 per minute by default; "off" turns it off', () => {
    assert.deepEqual(readSettings({}, {}).rateLimit, { max: 60, windowMs: 60_000 });
    assert.equal(readSettings({}, { MENDUNIA_RATE_LIMIT: 'off' }).rateLimit.max, 0);
    assert.throws(() => readSettings({}, { MENDUNIA_RATE_LIMIT: 'lots' }), /MENDUNIA_RATE_LIMIT/);
    assert.equal(readSettings({}, {}).idempotencyTtlMs, 7 * 24 * 60 * 60_000);
    assert.equal(readSettings({}, {}).trustProxy, false);
    assert.deepEqual(readSettings({}, { MENDUNIA_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy, ['10.0.0.1', '10.1.0.0/16']);
    assert.equal(readSettings({}, { MENDUNIA_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.throws(() => readSettings({}, { MENDUNIA_TRUST_PROXY: 'my-proxy' }), /MENDUNIA_TRUST_PROXY/);
  });
});
