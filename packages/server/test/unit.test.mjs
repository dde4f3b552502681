// Small pure pieces: canonical JSON, signatures, retry delays, CSV safety, settings, migrations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from '../dist/canonical.js';
import { MIGRATIONS } from '../dist/db/migrations.js';
import { csvField, jsonForTerminal, terminalText } from '../dist/export.js';
import { dotPath, segmentsOf } from '../dist/problem.js';
import { differences, signQuote } from '../dist/quotes.js';
import { readSettings, SettingsError } from '../dist/settings.js';
import { MAX_RETRY_DELAY_MS, retryDelay, signWebhook, verifyWebhookSignature } from '../dist/webhooks.js';

test('canonical JSON ignores key order and undefined members, keeps array order', () => {
  assert.equal(canonicalJson({ b: 1, a: [3, { d: 1, c: undefined, b: 'x' }] }), '{"a":[3,{"b":"x","d":1}],"b":1}');
  assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
  assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
});

test('a quote signature changes with any field and not with key order', () => {
  const body = /** @type {any} */ ({ id: 'qt_x', totals: { totalIdr: 100, goodsIdr: 100 }, lines: [{ productId: 'a', quantity: 1 }] });
  const sig = signQuote('secret', body);
  assert.match(sig, /^v1\.[A-Za-z0-9_-]{43}$/);
  assert.equal(signQuote('secret', /** @type {any} */ ({ lines: body.lines, totals: { goodsIdr: 100, totalIdr: 100 }, id: 'qt_x' })), sig);
  assert.notEqual(signQuote('secret', { ...body, totals: { ...body.totals, totalIdr: 99 } }), sig);
  assert.notEqual(signQuote('other', body), sig);
});

test('differences name the changed paths and skip identity fields at the top', () => {
  const a = { id: '1', expiresAt: 'x', lines: [{ unitPriceIdr: 5 }, { unitPriceIdr: 6 }], totals: { totalIdr: 11 } };
  const b = { id: '2', expiresAt: 'y', lines: [{ unitPriceIdr: 5 }, { unitPriceIdr: 7 }], totals: { totalIdr: 12 } };
  assert.deepEqual(differences(a, b, ['quote']).map((d) => dotPath(d.path)), ['quote.lines[1].unitPriceIdr', 'quote.totals.totalIdr']);
});

test('field paths: JSON pointer ↔ dotted path', () => {
  assert.deepEqual(segmentsOf('/lines/0/quantity'), ['lines', '0', 'quantity']);
  assert.equal(dotPath(['quote', 'lines', 0, 'unitPriceIdr']), 'quote.lines[0].unitPriceIdr');
  assert.equal(dotPath(['headers', 'idempotency-key']), 'headers.idempotency-key');
});

test('webhook signatures verify, expire and fail for another body or secret', () => {
  const now = Date.now();
  const header = signWebhook('whsec', '{"a":1}', Math.floor(now / 1000));
  assert.ok(verifyWebhookSignature('whsec', header, '{"a":1}', { now }));
  assert.equal(verifyWebhookSignature('whsec', header, '{"a":2}', { now }), false);
  assert.equal(verifyWebhookSignature('other', header, '{"a":1}', { now }), false);
  assert.equal(verifyWebhookSignature('whsec', header, '{"a":1}', { now: now + 10 * 60_000 }), false);
  assert.equal(verifyWebhookSignature('whsec', undefined, '{"a":1}'), false);
});

test('retries back off exponentially up to an hour', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelay(n, 1000)), [1000, 2000, 4000, 8000]);
  assert.equal(retryDelay(40, 1000), MAX_RETRY_DELAY_MS);
});

test('CSV fields are quoted when needed and never start a formula', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField('+6591234567'), "'+6591234567");
  assert.equal(csvField(-5), '-5');
  assert.equal(csvField(null), '');
});

test('CSV: a formula is guarded at the start of every cell and after a separator a spreadsheet may split on', () => {
  // An Indonesian Excel splits a comma file on ";": "Tan;=1+1" would become the cells "Tan" and "=1+1".
  assert.equal(csvField('Tan;=1+1'), '"Tan;\'=1+1"');
  assert.equal(csvField('Tan, +62 811'), '"Tan, \'+62 811"');
  assert.equal(csvField('a\t@SUM(A1)'), 'a @SUM(A1)', 'a tab becomes a space: no cell boundary left');
  assert.equal(csvField(' =1+1'), "' =1+1");
  assert.equal(csvField('＝1+1'), "'＝1+1");
  assert.equal(csvField('Jl. Sudirman; No. 5'), '"Jl. Sudirman; No. 5"');
  assert.equal(csvField('Tan\u001b[2J Wei'), 'Tan Wei');
});

test('terminal text: escape sequences, C0/C1 controls and bidi controls are removed; line breaks become spaces', () => {
  assert.equal(terminalText('Tan\u001b[2J\u001b[1;1HWei'), 'TanWei');
  assert.equal(terminalText('a\u001b]0;title\u0007b\u001b]8;;https://evil.example\u001b\\c'), 'abc');
  assert.equal(terminalText('a\u009b31mb\u0085c\u007fd'), 'abcd');
  assert.equal(terminalText('name\nPaid: IDR 0\r\nx'), 'name Paid: IDR 0 x');
  assert.equal(terminalText('\u202Eevil\u202C \u2066x\u2069 \u200Fy'), 'evil x y');
  assert.equal(terminalText('Tan Wei Ling 陈慧玲 🌸 محمد'), 'Tan Wei Ling 陈慧玲 🌸 محمد');
  // JSON keeps the data, escaped so a terminal shows it rather than runs it.
  const json = jsonForTerminal({ name: 'a\u009bb\u202Ec\u001b' });
  assert.equal(json, '{"name":"a\\u009bb\\u202ec\\u001b"}');
  assert.deepEqual(JSON.parse(json), { name: 'a\u009bb\u202Ec\u001b' });
  assert.equal(jsonForTerminal({ a: ['\u0085'] }, 2), '{\n  "a": [\n    "\\u0085"\n  ]\n}');
});

test('settings: defaults work without any configuration; bad values name the variable', () => {
  const s = readSettings({}, {});
  assert.equal(s.port, 8787);
  assert.equal(s.host, '127.0.0.1');
  assert.match(s.catalog, /packages\/server\/defaults\/catalog\.json$/, 'inside the package, not examples/');
  assert.match(/** @type {string} */ (s.rates), /eurofxref-daily\.xml$/);
  assert.equal(s.databaseUrl, undefined);
  assert.equal(s.quoteTtlMs, 30 * 60_000);
  assert.throws(() => readSettings({}, { PORT: 'eighty' }), (e) => e instanceof SettingsError && /PORT/.test(e.message));
  assert.throws(() => readSettings({}, { DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => readSettings({}, { MENDUNIA_QUOTE_TTL: 'soon' }), /MENDUNIA_QUOTE_TTL/);
  assert.equal(readSettings({ port: '9000' }, { PORT: '8000' }).port, 9000);
});

test('settings: every connection has deadlines by default; a headers deadline past the request deadline is refused', () => {
  assert.deepEqual(readSettings({}, {}).timeouts, { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 10_000, connectionMs: 60_000 });
  assert.equal(readSettings({}, { MENDUNIA_HEADERS_TIMEOUT: '2s' }).timeouts.headersMs, 2000);
  assert.throws(() => readSettings({}, { MENDUNIA_HEADERS_TIMEOUT: '1m' }), /MENDUNIA_HEADERS_TIMEOUT.*MENDUNIA_REQUEST_TIMEOUT/);
  assert.throws(() => readSettings({}, { MENDUNIA_KEEP_ALIVE_TIMEOUT: '0s' }), /MENDUNIA_KEEP_ALIVE_TIMEOUT/);
});

test('migrations are numbered 1, 2, 3 … and each is written once', () => {
  MIGRATIONS.forEach((m, i) => {
    assert.equal(m.version, i + 1);
    assert.equal(typeof m.up, 'function');
    assert.ok(m.name.length > 0);
  });
});

test('a duty-paid service and a province: the server signs and re-verifies the same total, import charges included', async () => {
  const { readFile } = await import('node:fs/promises');
  const { parseCatalog } = await import('@mendunia/core');
  const { parseCheckoutConfig } = await import('@mendunia/core/checkout/index.js');
  const { issueQuote, verifyQuote } = await import('../dist/quotes.js');
  const demo = (/** @type {string} */ file) => readFile(new URL(`../../../examples/plain-html/${file}`, import.meta.url), 'utf8').then(JSON.parse);
  const [catalogData, checkoutData] = await Promise.all([demo('catalog.json'), demo('checkout.json')]);
  const services = checkoutData.shipping.services.map((/** @type {any} */ s) => (s.id === 'dhl-express' ? { ...s, dutyPaid: true } : s));
  const rates = { base: 'EUR', date: '2026-11-27', source: 'test', rates: { IDR: '19300', USD: '1.16', CAD: '1.62', EUR: '1' } };
  const shop = { catalog: parseCatalog(catalogData).catalog, config: parseCheckoutConfig({ ...checkoutData, shipping: { ...checkoutData.shipping, services } }), rates: () => rates };
  const now = new Date('2026-11-29T10:00:00Z');
  const request = { lines: [{ productId: 'batik-parang-tulis', quantity: 1 }], destination: 'CA', region: 'CA-ON', serviceId: 'dhl-express' };
  const { quote, landedCost } = issueQuote(shop, 'secret', 60_000, request, now);
  assert.equal(quote.region, 'CA-ON');
  assert.equal(quote.taxes?.incoterm, 'DDP');
  // Ontario: HST 13 % is in the charges the buyer prepays; nothing is left for delivery.
  assert.ok(landedCost?.lines.some((/** @type {any} */ l) => l.kind === 'gst' && l.ratePercent === 13));
  const charges = (landedCost?.lines ?? []).reduce((/** @type {number} */ n, /** @type {any} */ l) => n + l.amountIdr, 0);
  assert.ok(charges > 0);
  assert.equal(quote.totals.taxesAtCheckoutIdr, charges);
  assert.equal(quote.totals.onDeliveryIdr, 0);
  assert.equal(quote.totals.totalIdr, quote.totals.goodsIdr + quote.totals.shippingIdr + charges);
  // Brought back with an order, it prices the same (the region is part of what was signed).
  const fresh = verifyQuote(shop, 'secret', quote, new Date(now.getTime() + 1000));
  assert.equal(fresh.totals.totalIdr, quote.totals.totalIdr);
  assert.throws(() => verifyQuote(shop, 'secret', { ...quote, region: 'CA-AB' }, new Date(now.getTime() + 1000)), /does not match its signature/);
});
