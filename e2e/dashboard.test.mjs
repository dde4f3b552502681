// End to end through the merchant dashboard (issue 18): two orders are placed through the
// Storefront API of a real server process (one with two variants of one shirt, heavy enough for a
// CN23; one whose buyer name is a spreadsheet formula), and the merchant, in Indonesian, signs in
// at /admin with the merchant token, finds the order by the buyer's name, marks it paid and then
// shipped with carrier and tracking number, opens the CN23, exports the CSV and signs out.
// Requests without the session cookie or with a wrong CSRF token change nothing.
// Screenshots (git-ignored) at 390 and 1280 px: e2e/screenshots/dashboard-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';
import { startApiServer } from './support.mjs';

const shots = new URL('./screenshots/', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'mendunia-e2e-dashboard-'));
const TOKEN = 'e2e-merchant-token-0123456789abcdef';

// 8 shirts of 300 g: over 2 kg, so the order's customs form is a CN23.
const CART = { lines: [{ productId: 'kemeja-batik-lasem', variantId: 'm', quantity: 5 }, { productId: 'kemeja-batik-lasem', variantId: 'l', quantity: 3 }], destination: 'SG' };
const BUYER = { name: 'Tan Wei Ling', email: 'weiling@example.sg', phone: '+65 9123 4567' };
const ADDRESS = { country: 'SG', name: 'Tan Wei Ling', addressLine1: '1 Raffles Place #20-01', postalCode: '048616' };
const HOSTILE = '=HYPERLINK("https://evil.example","Wei Ling")';

let api;
let server;
let browser;
let reference;

async function call(path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined };
}

async function placeOrder(cart, contact, address, key) {
  const quoted = await call('/api/quotes', { method: 'POST', body: cart });
  assert.equal(quoted.status, 200, quoted.text);
  const created = await call('/api/orders', { method: 'POST', body: { quote: quoted.body.quote, contact, address, displayCurrency: 'SGD' }, headers: { 'idempotency-key': key } });
  assert.equal(created.status, 201, created.text);
  return created.body;
}

/** A CSV text as rows of fields (RFC 4180 quoting). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (quoted || c !== '\r') {
      field += c;
    }
  }
  return rows;
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startApiServer({ dataDir, env: { MENDUNIA_MERCHANT_TOKEN: TOKEN, MENDUNIA_SECRET: 'e2e-dashboard-secret-0123456789abcdef', MENDUNIA_RATE_LIMIT: '0' } });
  api = server.url;
  const order = await placeOrder(CART, BUYER, ADDRESS, `e2e-dashboard-a-${process.pid}`);
  reference = order.reference;
  assert.equal(order.order.customs.form, 'CN23', 'the cart is heavy enough for a CN23');
  await placeOrder({ lines: [{ productId: 'kemeja-batik-lasem', variantId: 'm', quantity: 1 }], destination: 'SG' }, { ...BUYER, name: HOSTILE }, ADDRESS, `e2e-dashboard-b-${process.pid}`);
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the merchant dashboard on the reference server', () => {
  it('sign in → find by buyer name → paid → shipped with tracking → CN23 → CSV → sign out; no cookie or a wrong CSRF token changes nothing', async () => {
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Every answer that is not a success, but the 401s a signed-out page is expected to get.
    page.on('response', (r) => r.status() >= 400 && r.status() !== 401 && errors.push(`${r.status()} ${new URL(r.url()).pathname}`));
    /** What a dashboard element shows (its shadow root's text). */
    const shown = (locator) => locator.evaluate((el) => [...(el.shadowRoot?.children ?? [])].map((c) => (c instanceof HTMLElement ? c.innerText : '')).join('\n'));
    const shot = async (name) => {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: new URL(`dashboard-${name}-${width}.png`, shots).pathname, fullPage: true });
      }
    };

    // Sign in: the token goes in the form, never in the URL.
    await page.goto(`${api}/admin`);
    await page.locator('#token').fill(TOKEN);
    await page.getByRole('button', { name: 'Masuk' }).click();

    // Find the order by the buyer's name.
    await page.locator('#q').fill('wei ling');
    await page.locator('form[role="search"] button[type="submit"]').click();
    await page.waitForFunction(() => location.hash.includes('q=wei'));
    const rows = page.locator('mendunia-admin-orders tbody tr');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2, 'both orders with "wei ling" in the buyer name');
    const row = rows.filter({ hasText: reference });
    assert.match(await row.innerText(), /Tan Wei Ling/);
    assert.match(await row.innerText(), /SGD|S\$/);
    await shot('list');

    // Paid, then shipped with carrier and tracking number.
    await row.getByRole('link', { name: reference }).click();
    const order = page.locator('mendunia-admin-order');
    await order.getByRole('button', { name: 'Tandai dibayar' }).click();
    await order.getByRole('button', { name: 'Tandai dikirim' }).click();
    await order.locator('#carrier').fill('DHL Express');
    await order.locator('#tracking-number').fill('1234567890');
    await order.locator('form.shipped button[type="submit"]').click();
    await order.getByRole('link', { name: /WhatsApp/ }).first().waitFor();
    const detail = await shown(order);
    for (const text of ['Kemeja Batik Lasem', 'M', 'L', '1234567890', 'DHL Express']) assert.ok(detail.includes(text), `the order page shows ${text}: ${detail}`);
    await shot('order');

    // The customs declaration: a CN23.
    await order.getByRole('link', { name: /CN23/ }).click();
    const paperwork = page.locator('mendunia-admin-paperwork');
    await paperwork.getByText('CN23').first().waitFor();
    assert.match(await shown(paperwork), /Tan Wei Ling/);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: new URL('dashboard-cn23-1280.png', shots).pathname, fullPage: true });
    await page.goBack();

    // The CSV of the filtered list: both orders, the variants, formula-safe.
    await page.goto(`${api}/admin#/orders?q=wei%20ling`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('mendunia-admin-orders a[download]').click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    const header = csv[0];
    const col = (name) => header.indexOf(name);
    const mine = csv.filter((r) => r[col('reference')] === reference);
    assert.deepEqual(mine.map((r) => [r[col('variant_id')], r[col('quantity')], r[col('status')], r[col('customs_form')]]), [['m', '5', 'shipped', 'CN23'], ['l', '3', 'shipped', 'CN23']]);
    const hostile = csv.find((r) => r[col('customer_name')]?.includes('HYPERLINK'));
    assert.equal(hostile?.[col('customer_name')], `'${HOSTILE}`);
    for (const r of csv.slice(1)) for (const field of r) assert.doesNotMatch(field, /^[=+\-@\t\r]/, `a field a spreadsheet would run: ${field}`);

    // Without the cookie, or with a wrong CSRF token: refused, and nothing changes.
    const cookies = await context.cookies(`${api}/admin/`);
    const session = cookies.find((c) => c.name === 'mendunia_admin');
    assert.ok(session?.httpOnly && session.sameSite === 'Strict', 'an HttpOnly, SameSite=Strict cookie');
    const cookie = `mendunia_admin=${session.value}`;
    const { csrfToken } = (await call('/admin/api/session', { headers: { cookie } })).body;
    const deliver = { method: 'POST', body: { status: 'delivered' } };
    assert.equal((await call(`/admin/api/orders/${reference}/status`, { ...deliver, headers: { 'x-csrf-token': csrfToken } })).status, 401);
    assert.equal((await call(`/admin/api/orders/${reference}/status`, { ...deliver, headers: { cookie, 'x-csrf-token': `${csrfToken}x` } })).status, 403);
    assert.equal((await call(`/admin/api/orders/${reference}`, { headers: { cookie } })).body.summary.status, 'shipped');

    // Sign out: the old cookie no longer works.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.locator('#token').waitFor();
    assert.equal((await call('/admin/api/orders', { headers: { cookie } })).status, 401);
    assert.equal((await call(`/admin/api/orders/${reference}/status`, { ...deliver, headers: { cookie, 'x-csrf-token': csrfToken } })).status, 401);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
