// Core's headless checkout (createCheckout) against the real reference server: what a developer
// who builds their own checkout UI on @mendunia/core gets. A real server process, a real SQLite
// file, the built core; faults are injected on the wire (a lost answer), nothing is mocked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createStorefront, memoryStorage } from '@mendunia/core';
import { createCheckout } from '@mendunia/core/checkout/index.js';
import { DEFAULT_CONFIG_DIR } from '../dist/settings.js';
import { startFakeMidtrans } from './fake-midtrans.mjs';
import { MERCHANT_TOKEN, startServer, tempDir } from './support/server.mjs';
import { getJson } from './support/shop.mjs';

const SERVER_KEY = 'SB-Mid-server-flow-test';
const quiet = { error: () => {}, warn: () => {} };
const demoCatalog = JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, 'catalog.json'), 'utf8'));

/** @param {() => boolean} ready */
async function until(ready, ms = 10_000) {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('createCheckout() with the Storefront API', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof startFakeMidtrans>>} */
  let midtrans;
  const dir = tempDir('mendunia-flow-');

  before(async () => {
    midtrans = await startFakeMidtrans({ serverKey: SERVER_KEY });
    server = await startServer({
      dataDir: dir.dir,
      env: { MENDUNIA_PAYMENT: 'midtrans', MIDTRANS_SERVER_KEY: SERVER_KEY, MIDTRANS_SNAP_URL: midtrans.snapUrl },
    });
  });
  after(async () => {
    await server?.stop();
    await midtrans?.close?.();
    dir.remove();
  });

  const orders = async () => (await getJson(`${server.url}/api/orders?limit=1000`, { authorization: `Bearer ${MERCHANT_TOKEN}` })).body.orders;

  /** A storefront on the server, a cart of two sizes of one shirt, and its checkout at the review step. */
  async function toReview(options = {}) {
    const sf = createStorefront({ id: `flow-${Math.random()}`, api: server.url, storage: memoryStorage(), defaultCurrency: 'SGD', logger: quiet, ...options });
    await Promise.all([sf.loadCatalog(), sf.loadRates()]);
    sf.cart.add('kemeja-batik-lasem', 'm', 1);
    sf.cart.add('kemeja-batik-lasem', 'l', 2);
    const flow = createCheckout(sf, { preferredRegions: ['SG'], logger: quiet });
    await until(() => flow.$config.get().status !== 'loading');
    assert.equal(flow.$config.get().status, 'ready', JSON.stringify(flow.$config.get()));
    flow.update({ contact: { name: 'Tan Wei Ling', email: 'weiling@example.sg', phone: '9123 4567' } });
    assert.ok(flow.next());
    flow.update({ address: { name: 'Tan Wei Ling', addressLine1: '1 Raffles Place #20-01', postalCode: '048616' } });
    assert.ok(flow.next(), JSON.stringify(flow.$issues.get()));
    assert.ok(flow.next());
    assert.equal(flow.$draft.get().step, 'review');
    assert.equal(flow.$quote.get()?.status, 'ok');
    return { sf, flow };
  }

  test('happy path: the server prices and stores one order with both variants; the cart empties', async () => {
    const before = (await orders()).length;
    const { sf, flow } = await toReview();
    const order = await flow.placeOrder();
    assert.ok(order, JSON.stringify(flow.$placing.get()));
    assert.equal(flow.$draft.get().server?.reference, order.reference);
    assert.deepEqual(order.lines.map((/** @type {any} */ l) => l.variantId), ['m', 'l']);
    assert.deepEqual(sf.cart.$lines.get(), []);
    assert.equal((await orders()).length, before + 1);
    // Placing again shows the same order; nothing new is stored.
    assert.equal((await flow.placeOrder())?.reference, order.reference);
    assert.equal((await orders()).length, before + 1);
  });

  test('a lost answer, then a retry with the same Idempotency-Key: one order', async () => {
    const before = (await orders()).length;
    let drop = true;
    /** @type {string[]} */
    const keys = [];
    /** @type {typeof fetch} */
    const lossy = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/api/orders') && init?.method === 'POST') {
        keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
        // The server has stored the order; the buyer's connection drops before the answer arrives.
        if (drop) throw new TypeError('network connection lost');
      }
      return response;
    };
    const { flow } = await toReview({ fetch: lossy });
    assert.equal(await flow.placeOrder(), undefined);
    const failed = flow.$placing.get();
    assert.equal(failed.status, 'error');
    assert.equal(failed.status === 'error' && failed.error.code, 'checkout.placeErrors.network');
    assert.equal((await orders()).length, before + 1);
    drop = false;
    const order = await flow.placeOrder();
    assert.ok(order);
    assert.equal((await orders()).length, before + 1, 'the retry made no second order');
    assert.ok(keys.length >= 2);
    assert.equal(new Set(keys).size, 1, `one key for every attempt: ${keys.join(', ')}`);
  });

  test('a price the browser did not know: the buyer confirms the server total before anything is ordered', async () => {
    const before = (await orders()).length;
    // The page's catalog is out of date: the shirt was cheaper when the page loaded it.
    const stale = structuredClone(demoCatalog);
    const shirt = stale.products.find((/** @type {any} */ p) => p.id === 'kemeja-batik-lasem');
    for (const v of shirt.variants) v.price = (v.price ?? shirt.price) - 50_000;
    shirt.price -= 50_000;
    const { flow } = await toReview({ catalog: stale });
    const estimate = flow.$quote.get()?.totals.totalIdr;
    assert.equal(await flow.placeOrder(), undefined);
    const repriced = flow.$placing.get();
    assert.equal(repriced.status, 'repriced');
    assert.ok(repriced.status === 'repriced' && repriced.totalIdr > repriced.previousIdr);
    assert.equal(repriced.status === 'repriced' && repriced.previousIdr, estimate);
    assert.equal((await orders()).length, before, 'nothing ordered before the buyer confirms');
    const order = await flow.placeOrder();
    assert.ok(order);
    assert.equal(order.totals.totalIdr, repriced.status === 'repriced' ? repriced.totalIdr : -1);
    assert.equal((await orders()).length, before + 1);
  });

  test('payment: the server answers with a Midtrans redirect, which the flow returns (core never navigates)', async () => {
    const { flow } = await toReview();
    assert.ok(await flow.placeOrder());
    const step = await flow.pay();
    assert.equal(step.kind, 'redirect', JSON.stringify(step));
    assert.ok(step.kind === 'redirect' && step.url.startsWith(midtrans.base));
  });
});
