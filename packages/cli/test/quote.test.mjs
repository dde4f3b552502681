// `mendunia quote` end to end: the real bin in a child process, against the demo shop's files
// (examples/plain-html) and a real local HTTP server for the URL cases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/mendunia.js');
const DEMO = join(ROOT, 'examples/plain-html');
const CATALOG = join(DEMO, 'catalog.json');
const ECB = join(DEMO, 'rates/eurofxref-daily.xml');
const CHECKOUT = join(DEMO, 'checkout.json');
// Duty rules are dated: pin the day so the expected regimes do not move with the calendar.
const DATE = '2026-11-29';

/** @param {string[]} args  @returns {Promise<{ code: number | null, stdout: string, stderr: string }>} */
function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The demo quote command with `extra` options. */
const quote = (/** @type {string[]} */ ...extra) => run(['quote', '--catalog', CATALOG, '--rates', ECB, '--date', DATE, ...extra]);

async function quoteJson(/** @type {string[]} */ ...extra) {
  const result = await quote(...extra, '--json');
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/** formatMoney keeps "Rp 150,000" on one line with a no-break space; the patterns use plain ones. */
const plain = (/** @type {string} */ text) => text.replace(/[\u00a0\u202f]/g, ' ');

/** "150.16" → 15016 (minor units), the inverse of core's toMajorString. */
const minor = (/** @type {string} */ major) => Number(major.replace('.', ''));
const sum = (/** @type {number[]} */ values) => values.reduce((a, b) => a + b, 0);

/** The checks every quote must pass, whatever the destination. */
function assertAddsUp(/** @type {any} */ q) {
  const { idr, display } = q.totals;
  assert.equal(idr.goods, sum(q.items.map((/** @type {any} */ i) => i.lineTotalIdr)));
  for (const item of q.items) assert.equal(item.lineTotalIdr, item.unitPriceIdr * item.quantity);
  const selected = q.shipping.options.find((/** @type {any} */ o) => o.serviceId === q.shipping.selected);
  assert.equal(idr.shipping, selected.priceIdr);
  assert.equal(selected.priceIdr, sum(selected.parcels.map((/** @type {any} */ p) => p.priceIdr)));
  assert.equal(idr.total, idr.goods + idr.shipping + idr.taxesAtCheckout);
  const lines = q.landedCost?.lines ?? [];
  const ddp = q.landedCost?.incoterm === 'DDP';
  const at = lines.filter((/** @type {any} */ l) => ddp || l.collectedBy === 'seller');
  const on = lines.filter((/** @type {any} */ l) => !ddp && l.collectedBy === 'carrier');
  assert.equal(idr.taxesAtCheckout, sum(at.map((/** @type {any} */ l) => l.amountIdr)));
  assert.equal(idr.onDelivery, sum(on.map((/** @type {any} */ l) => l.amountIdr)));
  if (display) {
    assert.equal(display.currency, q.currency);
    assert.equal(minor(display.total), minor(display.goods) + minor(display.shipping) + minor(display.taxesAtCheckout));
    assert.equal(minor(display.taxesAtCheckout), sum(at.map((/** @type {any} */ l) => minor(l.amount))));
    assert.equal(minor(display.onDelivery), sum(on.map((/** @type {any} */ l) => minor(l.amount))));
  }
}

describe('mendunia quote: the demo shop', () => {
  it('quotes Singapore: nothing due under S$400, totals in SGD', async () => {
    const q = await quoteJson('--to', 'SG', '--items', 'kopi-gayo-arabika:250g:2,cengkeh-ternate');
    assert.equal(q.status, 'ok');
    assert.equal(q.currency, 'SGD');
    assert.deepEqual(
      q.items.map((/** @type {any} */ i) => [i.productId, i.variantId, i.quantity]),
      [['kopi-gayo-arabika', '250g', 2], ['cengkeh-ternate', null, 1]],
    );
    assert.equal(q.landedCost.regime, 'nothing-due');
    assert.equal(q.totals.idr.taxesAtCheckout, 0);
    assert.equal(q.totals.display.currency, 'SGD');
    assertAddsUp(q);
  });

  it('quotes Germany over €150: duty and import VAT due on arrival', async () => {
    const q = await quoteJson('--to', 'DE', '--items', 'batik-parang-tulis:2');
    assert.equal(q.status, 'ok');
    assert.equal(q.currency, 'EUR');
    const lc = q.landedCost;
    assert.equal(lc.regime, 'due-on-arrival');
    assert.equal(lc.incoterm, 'DAP');
    assert.deepEqual(lc.threshold, { currency: 'EUR', amount: '150.00', basis: 'goods', consignmentValue: '150.16', below: false });
    const vat = lc.lines.find((/** @type {any} */ l) => l.kind === 'vat');
    assert.ok(vat, 'an import VAT line');
    assert.equal(vat.ratePercent, 19);
    assert.equal(vat.basis, 'CIF + duty');
    assert.equal(vat.label, 'Import VAT (DE, 19 %)');
    // The same words as core's message, for a script that words it in another language.
    assert.deepEqual(vat.basisMessage, { code: 'rules.duties.basis.cifDuty' });
    assert.deepEqual(vat.labelMessage, {
      code: 'rules.duties.line.vat',
      params: { label: { code: 'rules.dutyRules.eu.vat.label' }, country: 'DE', percent: 19 },
    });
    assert.equal(lc.explanation[0], "Your parcel is worth €150.16, over the EU's €150 limit.");
    assert.equal(lc.explanationMessages[0].code, 'rules.duties.threshold.over');
    assert.equal(lc.explanation.length, lc.explanationMessages.length);
    assert.equal(lc.rule.id, 'eu');
    assert.equal(vat.collectedBy, 'carrier');
    assert.equal(vat.currency, 'EUR');
    const duty = lc.lines.find((/** @type {any} */ l) => l.kind === 'duty');
    // VAT is charged on CIF plus the duty: its basis is the duty's basis plus the duty.
    assert.equal(vat.basisIdr, duty.basisIdr + duty.amountIdr);
    assert.ok(q.totals.idr.onDelivery > 0);
    assert.equal(q.totals.idr.total, q.totals.idr.goods + q.totals.idr.shipping);
    assertAddsUp(q);
  });

  it('quotes the United States: duty from the first dollar, no threshold', async () => {
    const q = await quoteJson('--to', 'us', '--items', 'kemeja-batik-lasem:m:3,tas-rotan-lombok');
    assert.equal(q.destination, 'US');
    assert.equal(q.currency, 'USD');
    assert.equal(q.landedCost.threshold, null);
    assert.equal(q.landedCost.regime, 'due-on-arrival');
    assert.ok(q.landedCost.lines.some((/** @type {any} */ l) => l.kind === 'duty' && l.amountIdr > 0));
    // Paket Pos does not serve the Americas: listed as unavailable with its reason.
    const paket = q.shipping.options.find((/** @type {any} */ o) => o.serviceId === 'pos-paket');
    assert.equal(paket.available, false);
    assert.equal(paket.reason, 'no-zone');
    assert.equal(paket.message, 'Pos Indonesia Paket Pos Internasional does not deliver to this destination.');
    assert.equal(paket.messageMessage.code, 'rules.shipping.noZone');
    assert.equal(paket.priceIdr, null);
    assertAddsUp(q);
  });

  it('quotes Japan: under ¥10,000 with shipping, nothing due', async () => {
    const q = await quoteJson('--to', 'JP', '--items', 'selendang-sutra-pekalongan');
    assert.equal(q.currency, 'JPY');
    assert.equal(q.landedCost.threshold.basis, 'goods+shipping');
    assert.equal(q.landedCost.threshold.below, true);
    assert.equal(q.landedCost.regime, 'nothing-due');
    assert.doesNotMatch(q.totals.display.total, /\./, 'yen have no minor unit');
    assertAddsUp(q);
  });

  it('blocks honey to Australia, with the rule, reason and source, and still exits 0', async () => {
    const q = await quoteJson('--to', 'AU', '--items', 'madu-hutan-sumbawa,kopi-gayo-arabika:1kg:2');
    assert.equal(q.status, 'blocked');
    assert.equal(q.blocked.length, 1);
    const [hit] = q.blocked;
    assert.equal(hit.productId, 'madu-hutan-sumbawa');
    assert.equal(hit.level, 'restricted');
    assert.match(hit.ruleId, /honey/);
    assert.match(hit.reason, /honey/i);
    assert.deepEqual(hit.reasonMessage, { code: 'rules.restrictions.bio-au-nz-dairy-eggs-honey' });
    assert.ok(hit.source.name && hit.source.date);
    assertAddsUp(q);

    const text = await quote('--to', 'AU', '--items', 'madu-hutan-sumbawa');
    assert.equal(text.code, 0);
    assert.match(text.stdout, /Cannot be sent\n {2}Sumbawa Wild Forest Honey \(madu-hutan-sumbawa\): restricted/);
    assert.match(text.stdout, /Source: BICON/);
    assert.match(text.stdout, /Status: blocked/);
    assert.match(text.stdout, /^ {6}Dairy, eggs and egg products, and honey \(HS chapter 04\) must meet/m);

    const indonesian = await quote('--to', 'AU', '--items', 'madu-hutan-sumbawa', '--lang', 'id');
    assert.match(indonesian.stdout, /^ {6}Produk susu, telur dan produk telur, serta madu \(HS bab 04\) harus memenuhi/m);
    // The source keeps its official name.
    assert.match(indonesian.stdout, /Sumber: BICON/);
  });
});

describe('mendunia quote --region: taxes that depend on the province', () => {
  const canada = (/** @type {string[]} */ ...extra) => quoteJson('--to', 'CA', '--items', 'batik-parang-tulis', ...extra);
  const tax = (/** @type {any} */ q) => q.landedCost.lines.find((/** @type {any} */ l) => l.kind === 'gst');

  it('Ontario (CA-ON): HST 13 % on value + duty, from the CRA rates', async () => {
    const q = await canada('--region', 'CA-ON');
    assert.equal(q.region, 'CA-ON');
    const hst = tax(q);
    assert.equal(hst.label, 'HST (CA, 13 %)');
    const duty = q.landedCost.lines.find((/** @type {any} */ l) => l.kind === 'duty');
    assert.equal(hst.basisIdr, duty.basisIdr + duty.amountIdr);
    assert.equal(hst.amountIdr, Math.round((hst.basisIdr * 13) / 100));
    assert.deepEqual({ ruleId: hst.from.ruleId, field: hst.from.field, override: hst.from.override }, { ruleId: 'ca', field: 'vat.subdivisions.0', override: false });
    assert.match(hst.from.sources[0].name, /Canada Revenue Agency/);
    assert.equal(q.landedCost.subdivisionRange, null);
    assertAddsUp(q);
  });

  it('Alberta, given as the address form takes it ("Alberta"): GST 5 %', async () => {
    const q = await canada('--region', 'Alberta');
    assert.equal(q.region, 'CA-AB');
    assert.equal(tax(q).label, 'GST (CA, 5 %)');
    assert.equal(tax(q).from.field, 'vat');
  });

  it('without a province: the lowest rate, and the range 5–15 % said in words', async () => {
    const q = await canada();
    assert.equal(q.region, null);
    assert.equal(tax(q).label, 'GST or HST (CA, 5–15 %)');
    assert.equal(q.landedCost.subdivisionRange.minPercent, 5);
    assert.equal(q.landedCost.subdivisionRange.maxPercent, 15);
    assert.ok(q.landedCost.explanation.some((/** @type {string} */ s) => /depends on the province or state of delivery: 5 % to 15 %/.test(s)));
  });

  it('prints which rule and source each line came from', async () => {
    const { code, stdout, stderr } = await quote('--to', 'CA', '--region', 'on', '--items', 'batik-parang-tulis');
    assert.equal(code, 0, stderr);
    const text = plain(stdout);
    assert.match(text, /Canada \(CA, region CA-ON\)/);
    assert.match(text, /Where each line comes from:\n {4}Customs duty .*: rule ca · duty\n/);
    assert.match(text, /HST \(CA, 13 %\): rule ca · vat\.subdivisions\.0\n {6}Canada Revenue Agency/);
  });

  it("marks the lines of the shop's own rule (an override in checkout.json that extends a shipped one)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mendunia-cli-'));
    try {
      const checkout = JSON.parse(await readFile(CHECKOUT, 'utf8'));
      const own = join(dir, 'checkout.json');
      const source = { name: 'Our broker: GST for Alberta buyers', date: '2026-11-01' };
      await writeFile(own, JSON.stringify({ ...checkout, taxes: { overrides: [{ extends: 'ca', vat: { percent: 6, source } }] } }));
      const q = await quoteJson('--checkout', own, '--to', 'CA', '--region', 'CA-AB', '--items', 'batik-parang-tulis');
      const gst = q.landedCost.lines.find((/** @type {any} */ l) => l.kind === 'gst');
      assert.equal(gst.ratePercent, 6);
      assert.deepEqual({ ruleId: gst.from.ruleId, override: gst.from.override, field: gst.from.field }, { ruleId: 'ca', override: true, field: 'vat' });
      assert.deepEqual(gst.from.sources, [{ ...source, url: null }]);
      assert.equal(q.landedCost.rule.override, true);
      const { stdout } = await quote('--checkout', own, '--to', 'CA', '--region', 'CA-AB', '--items', 'batik-parang-tulis');
      assert.match(plain(stdout), /GST \(CA, 6 %\): rule ca · vat, the shop's own rule \(checkout\.json\)\n {6}Our broker: GST for Alberta buyers \(2026-11-01\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a region of another country, or one that is not ISO 3166-2', async () => {
    for (const [region, pattern] of [['US-NY', /--region US-NY: expected a subdivision of CA as ISO 3166-2, such as CA-ON/], ['Ontar', /--region Ontar: expected/]]) {
      const { code, stderr } = await quote('--to', 'CA', '--region', /** @type {string} */ (region), '--items', 'batik-parang-tulis');
      assert.equal(code, 2);
      assert.match(stderr, /** @type {RegExp} */ (pattern));
    }
  });
});

describe('mendunia quote --json', () => {
  it('has the documented shape, every key present', async () => {
    const q = await quoteJson('--to', 'DE', '--items', 'batik-parang-tulis:2');
    assert.deepEqual(Object.keys(q), [
      'format', 'destination', 'region', 'currency', 'status', 'date', 'rates', 'items', 'missing', 'blocked', 'shipping', 'landedCost', 'dutiesUnavailable', 'dutiesUnavailableMessage', 'totals',
    ]);
    assert.equal(q.format, 'mendunia.quote/1');
    assert.equal(q.date, DATE);
    assert.deepEqual(Object.keys(q.rates), ['source', 'date', 'base', 'stale']);
    assert.equal(q.rates.date, '2026-11-27');
    assert.deepEqual(Object.keys(q.items[0]), ['productId', 'variantId', 'name', 'quantity', 'unitPriceIdr', 'lineTotalIdr', 'unitWeightGrams', 'hsCode', 'category']);
    assert.deepEqual(q.missing, []);
    assert.deepEqual(q.blocked, []);
    assert.deepEqual(Object.keys(q.shipping), ['selected', 'options']);
    for (const option of q.shipping.options) {
      assert.deepEqual(Object.keys(option), [
        'serviceId', 'carrier', 'name', 'available', 'tracked', 'priceIdr', 'days', 'zoneId', 'chargeableGrams', 'parcels', 'reason', 'message', 'messageMessage',
      ]);
      assert.equal(typeof option.name, 'string');
    }
    assert.deepEqual(Object.keys(q.landedCost), [
      'currency', 'regime', 'incoterm', 'threshold', 'lines', 'atCheckoutIdr', 'onDeliveryIdr', 'subdivisionRange', 'handlingFeeNote', 'explanation', 'rule',
      'handlingFeeNoteMessage', 'explanationMessages',
    ]);
    for (const line of q.landedCost.lines) {
      assert.deepEqual(Object.keys(line), [
        'kind', 'label', 'ratePercent', 'basis', 'basisIdr', 'amountIdr', 'amount', 'currency', 'collectedBy', 'from', 'labelMessage', 'basisMessage',
      ]);
      assert.deepEqual(Object.keys(line.from), ['ruleId', 'override', 'field', 'sources']);
      assert.ok(line.from.sources.length > 0);
      assert.equal(typeof line.label, 'string');
      assert.ok(Number.isSafeInteger(line.amountIdr) && Number.isSafeInteger(line.basisIdr));
      assert.match(line.amount, /^\d+(\.\d+)?$/);
    }
    assert.deepEqual(Object.keys(q.landedCost.rule), ['country', 'effective', 'verify', 'sources', 'id', 'override']);
    assert.equal(typeof q.landedCost.handlingFeeNote, 'string');
    assert.ok(q.landedCost.explanation.every((/** @type {unknown} */ s) => typeof s === 'string'));
    assert.deepEqual(Object.keys(q.totals.idr), ['goods', 'shipping', 'taxesAtCheckout', 'total', 'onDelivery']);
    assert.deepEqual(Object.keys(q.totals.display), ['currency', 'approximate', 'goods', 'shipping', 'taxesAtCheckout', 'total', 'onDelivery']);
    for (const value of Object.values(q.totals.idr)) assert.ok(Number.isSafeInteger(value));
    assert.equal(q.totals.display.goods, '150.16');
  });

  it('uses the cheapest service by default and the one asked for with --service', async () => {
    const cheapest = await quoteJson('--to', 'DE', '--items', 'batik-parang-tulis:2');
    const prices = cheapest.shipping.options.filter((/** @type {any} */ o) => o.available).map((/** @type {any} */ o) => o.priceIdr);
    assert.equal(cheapest.totals.idr.shipping, Math.min(...prices));

    const dhl = await quoteJson('--to', 'DE', '--items', 'batik-parang-tulis:2', '--service', 'dhl-express');
    assert.equal(dhl.shipping.selected, 'dhl-express');
    const option = dhl.shipping.options.find((/** @type {any} */ o) => o.serviceId === 'dhl-express');
    assert.equal(dhl.totals.idr.shipping, option.priceIdr);
    assert.ok(dhl.totals.idr.shipping > cheapest.totals.idr.shipping);
    // Shipping is part of the CIF value, so the duty follows the service.
    assert.ok(dhl.totals.idr.onDelivery > cheapest.totals.idr.onDelivery);
    assertAddsUp(dhl);

    const text = await quote('--to', 'DE', '--items', 'batik-parang-tulis:2', '--service', 'dhl-express');
    assert.match(text.stdout, /^ {2}\* {2}DHL Express Worldwide \(dhl-express\)/m);
  });

  it('reads id:qty, id:variant and adds up an item listed twice', async () => {
    const q = await quoteJson('--to', 'SG', '--items', 'cengkeh-ternate:2, kemeja-batik-lasem:l ,cengkeh-ternate');
    assert.deepEqual(
      q.items.map((/** @type {any} */ i) => [i.productId, i.variantId, i.quantity]),
      [['cengkeh-ternate', null, 3], ['kemeja-batik-lasem', 'l', 1]],
    );
  });

  it('says why there is no landed cost when the rates lack the currency, and shows no display totals', async () => {
    const { code, stdout } = await run([
      'quote', '--catalog', CATALOG, '--rates', fileURLToPath(new URL('fixtures/rates-usd-only.json', import.meta.url)),
      '--to', 'DE', '--items', 'batik-parang-tulis', '--date', DATE, '--json',
    ]);
    assert.equal(code, 0);
    const q = JSON.parse(stdout);
    assert.equal(q.landedCost, null);
    assert.equal(q.dutiesUnavailable, 'The exchange rates have no rate for EUR, so import duties and taxes cannot be estimated.');
    assert.deepEqual(q.dutiesUnavailableMessage, { code: 'rules.quote.missingRate', params: { currency: 'EUR' } });
    assert.equal(q.totals.display, null);
    assert.equal(q.totals.idr.total, q.totals.idr.goods + q.totals.idr.shipping);
  });
});

describe('mendunia quote: human output', () => {
  it('shows items, shipping, the regime, each tax line with its basis, and totals in IDR and ≈ EUR', async () => {
    const { code, stdout: raw, stderr } = await quote('--to', 'DE', '--items', 'batik-parang-tulis:2');
    assert.equal(code, 0, stderr);
    const stdout = plain(raw);
    assert.match(stdout, /^Quote to Germany \(DE\), prices in EUR$/m);
    assert.match(stdout, /^ {4}2 {2}Rp 1,450,000 {2}Rp 2,900,000 {2}5208\.52 {2}Hand-drawn Parang Rusak Batik Cloth/m);
    assert.match(stdout, /^ {2}\* {2}Pos Indonesia Paket Pos Internasional \(pos-paket\) +Rp 390,000 {2}14–35 days {2}2 kg \(actual 0\.99 kg, volumetric 1\.024 kg\)$/m);
    assert.match(stdout, /Regime: due on arrival, paid to the carrier \(DAP\)/);
    assert.match(stdout, /Threshold: goods €150\.16 \/ limit €150\.00: not under the limit/);
    assert.match(stdout, /Customs duty \(HS 5208, 8 %\) +8 % {2}goods \+ shipping \(CIF\): Rp 3,290,000 +Rp 263,200 +≈ €13\.63 {2}carrier, on arrival/);
    assert.match(stdout, /Import VAT \(DE, 19 %\) +19 % {2}CIF \+ duty: Rp 3,553,200 +Rp 675,108 +≈ €34\.96 {2}carrier, on arrival/);
    assert.match(stdout, /- Your parcel is worth €150\.16, over the EU's €150 limit\./);
    assert.match(stdout, /Total to pay +Rp 3,290,000 +≈ €170\.35/);
    assert.match(stdout, /Due on delivery \(estimate\) +Rp 938,308 +≈ €48\.59/);
    assert.match(stdout, /Status: ok/);
  });

  it('writes headings, names and amounts in Indonesian with --lang id', async () => {
    const { code, stdout: raw } = await quote('--to', 'DE', '--items', 'batik-parang-tulis:2', '--lang', 'id');
    assert.equal(code, 0);
    const stdout = plain(raw);
    assert.match(stdout, /^Penawaran ke Jerman \(DE\), harga dalam EUR$/m);
    assert.match(stdout, /Bea masuk dan pajak impor \(DE\)/);
    assert.match(stdout, /Rp 2\.900\.000/);
    assert.match(stdout, /Kain Batik Tulis Parang Rusak Sogan/);
    // Core's words too: tax lines, bases and the explanation, as the checkout shows them.
    assert.match(stdout, /PPN impor \(DE, 19%\) +19 % {2}CIF \+ bea masuk: Rp 3\.553\.200/);
    assert.match(stdout, /Bea masuk \(HS 5208, 8%\) +8 % {2}barang \+ ongkos kirim \(CIF\)/);
    assert.match(stdout, /- Nilai paket Anda €150,16, melebihi batas €150 di Uni Eropa\./);
    assert.match(stdout, /- Dikenakan saat impor dan dipungut oleh kurir: bea masuk dan PPN impor\./);
    assert.doesNotMatch(stdout, /Your parcel|collected by the carrier|goods \+ shipping/);
  });
});

describe('mendunia quote: inputs from URLs', () => {
  /** @type {import('node:http').Server} */
  let server;
  let base = '';
  const ratesJson = JSON.stringify({ base: 'IDR', date: '2026-11-27', rates: { EUR: '0.0000518', USD: '0.0000601', SGD: '0.0000777' } });

  before(async () => {
    const files = {
      '/shop/catalog.json': await readFile(CATALOG),
      '/shop/checkout.json': await readFile(CHECKOUT),
      '/ecb': await readFile(ECB),
    };
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/rates.json') response.writeHead(200, { 'content-type': 'application/json' }).end(ratesJson);
      else if (path === '/page') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Shop</title>');
      else if (Object.hasOwn(files, path)) response.writeHead(200, { 'content-type': path === '/ecb' ? 'application/xml' : 'application/json' }).end(files[/** @type {keyof typeof files} */ (path)]);
      else response.writeHead(404).end('not found');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    base = `http://127.0.0.1:${address.port}`;
  });
  after(() => new Promise((resolve) => server.close(() => resolve(undefined))));

  it('loads rates JSON from a URL', async () => {
    const { code, stdout, stderr } = await run(['quote', '--catalog', CATALOG, '--rates', `${base}/rates.json`, '--to', 'DE', '--items', 'batik-parang-tulis:2', '--date', DATE, '--json']);
    assert.equal(code, 0, stderr);
    const q = JSON.parse(stdout);
    assert.equal(q.rates.source, `${base}/rates.json`);
    assert.equal(q.rates.base, 'IDR');
    // 2,900,000 × 0.0000518 = 150.22: still over the €150 limit.
    assert.equal(q.landedCost.threshold.consignmentValue, '150.22');
    assertAddsUp(q);
  });

  it('recognises the ECB XML by its content at a URL without an extension', async () => {
    const q = JSON.parse((await run(['quote', '--catalog', CATALOG, '--rates', `${base}/ecb`, '--to', 'SG', '--items', 'cengkeh-ternate', '--date', DATE, '--json'])).stdout);
    assert.equal(q.rates.base, 'EUR');
    assert.equal(q.status, 'ok');
  });

  it('loads the catalog from a URL and finds checkout.json beside it', async () => {
    const { code, stdout, stderr } = await run(['quote', '--catalog', `${base}/shop/catalog.json`, '--rates', ECB, '--to', 'JP', '--items', 'pala-banda:100g:2', '--date', DATE, '--json']);
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).items[0].quantity, 2);
  });

  for (const [name, rates, message] of [
    ['an unreachable rates URL', 'http://127.0.0.1:9/rates.json', /^mendunia: Rates from http:\/\/127\.0\.0\.1:9\/rates\.json could not be used: network error/],
    ['a rates URL that answers 404', '/nope.json', /could not be used: HTTP 404/],
    ['a rates URL that answers with a web page', '/page', /got HTML/],
  ]) {
    it(`exits 2 for ${name}, naming the URL`, async () => {
      const url = String(rates).startsWith('/') ? base + rates : String(rates);
      const { code, stdout, stderr } = await run(['quote', '--catalog', CATALOG, '--rates', url, '--to', 'DE', '--items', 'batik-parang-tulis']);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message instanceof RegExp ? message : /$/);
      assert.ok(stderr.includes(url), stderr);
    });
  }
});

describe('mendunia quote: bad input exits 2 with a clear message', () => {
  /** @type {string} */
  let lonely;
  before(async () => {
    // A catalog with no checkout.json beside it, and broken variants of the demo files.
    lonely = await mkdtemp(join(tmpdir(), 'mendunia-cli-'));
    await copyFile(CATALOG, join(lonely, 'catalog.json'));
    const checkout = JSON.parse(await readFile(CHECKOUT, 'utf8'));
    await writeFile(join(lonely, 'overrides.json'), JSON.stringify({ ...checkout, taxes: { overrides: [{ countries: ['DE'] }] } }));
    await writeFile(join(lonely, 'allow.json'), JSON.stringify({ ...checkout, restrictions: { allow: ['id-export-raw-rattan'] } }));
    await writeFile(join(lonely, 'not-json.json'), '{ "shipping": ');
  });
  after(() => rm(lonely, { recursive: true, force: true }));

  const demo = ['--catalog', CATALOG, '--rates', ECB];
  /** @type {[string, () => string[], RegExp][]} */
  const cases = [
    ['an unknown option', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate', '--fast'], /unknown option --fast/],
    ['a missing --catalog', () => ['--rates', ECB, '--to', 'DE', '--items', 'cengkeh-ternate'], /missing --catalog/],
    ['a missing --rates', () => ['--catalog', CATALOG, '--to', 'DE', '--items', 'cengkeh-ternate'], /missing --rates/],
    ['a missing --to', () => [...demo, '--items', 'cengkeh-ternate'], /missing --to/],
    ['a missing --items', () => [...demo, '--to', 'DE'], /missing --items/],
    ['an option without its value', () => [...demo, '--to', 'DE', '--items'], /--items needs a value/],
    ['a stray argument', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate', 'please'], /unexpected argument please/],
    ['an invalid country code', () => [...demo, '--to', 'Germany', '--items', 'cengkeh-ternate'], /--to Germany: expected a two-letter ISO 3166-1 country code/],
    ['a code that is not a country', () => [...demo, '--to', 'ZZ', '--items', 'cengkeh-ternate'], /--to ZZ: expected a two-letter/],
    ['a country the shop does not ship to', () => [...demo, '--to', 'BR', '--items', 'cengkeh-ternate'], /--to BR: .*checkout\.json does not ship to Brazil; its destinations are AE, /],
    ['an unknown product', () => [...demo, '--to', 'DE', '--items', 'kopi-luwak'], /--items: unknown product "kopi-luwak": it is not in .*catalog\.json/],
    ['a misspelt product', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternat:2'], /unknown product "cengkeh-ternat".*did you mean "cengkeh-ternate"\?/],
    ['an unknown variant', () => [...demo, '--to', 'DE', '--items', 'kemeja-batik-lasem:xxl:1'], /product "kemeja-batik-lasem" has no variant "xxl" \(its variants: s, m, l, xl\)/],
    ['a product with variants but none named', () => [...demo, '--to', 'DE', '--items', 'kemeja-batik-lasem:2'], /product "kemeja-batik-lasem" has variants \(s, m, l, xl\): write kemeja-batik-lasem:<variant>:<qty>/],
    ['a variant on a product without variants', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate:big'], /product "cengkeh-ternate" has no variants/],
    ['a zero quantity', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate:0'], /"cengkeh-ternate:0": the quantity must be a whole number from 1 to 999, got "0"/],
    ['a fractional quantity', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate:1.5'], /the quantity must be a whole number.*got "1\.5"/],
    ['a negative quantity', () => [...demo, '--to', 'DE', '--items', 'kemeja-batik-lasem:m:-1'], /the quantity must be a whole number.*got "-1"/],
    ['an empty item', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate,,pala-banda:100g'], /--items: entry 2 is empty/],
    ['too many parts', () => [...demo, '--to', 'DE', '--items', 'a:b:1:2'], /"a:b:1:2" is not id, id:qty, id:variant or id:variant:qty/],
    ['an unknown service', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate', '--service', 'fedex'], /--service fedex: no such service in .*checkout\.json \(its services: pos-ems, pos-paket, dhl-express\)/],
    ['a service that does not serve the destination', () => [...demo, '--to', 'US', '--items', 'cengkeh-ternate', '--service', 'pos-paket'], /--service pos-paket cannot take this parcel to US: Pos Indonesia Paket Pos Internasional does not deliver to this destination\./],
    ['an impossible date', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate', '--date', '2026-02-30'], /--date 2026-02-30: expected a real date/],
    ['an unknown language', () => [...demo, '--to', 'DE', '--items', 'cengkeh-ternate', '--lang', 'fr'], /--lang fr: expected one of en, id/],
    ['a missing catalog file', () => ['--catalog', 'nope/catalog.json', '--rates', ECB, '--to', 'DE', '--items', 'x'], /catalog file nope\/catalog\.json could not be read: no such file/],
    ['a file that is not a catalog', () => ['--catalog', CHECKOUT, '--rates', ECB, '--checkout', CHECKOUT, '--to', 'DE', '--items', 'x'], /Catalog from .*checkout\.json could not be loaded: catalog\.version: required/],
    ['a missing rates file', () => ['--catalog', CATALOG, '--rates', 'nope.xml', '--to', 'DE', '--items', 'x'], /Rates from nope\.xml could not be used: no such file/],
    ['a file that is not rates', () => ['--catalog', CATALOG, '--rates', CATALOG, '--to', 'DE', '--items', 'x'], /Rates from .*catalog\.json could not be used: date: required/],
    ['an invalid checkout file', () => [...demo, '--checkout', CATALOG, '--to', 'DE', '--items', 'x'], /catalog\.json: Checkout configuration is invalid:\n {2}shipping: /],
    ['a missing checkout file', () => [...demo, '--checkout', 'nope.json', '--to', 'DE', '--items', 'x'], /checkout file nope\.json could not be read: no such file/],
    ['an invalid duty override', () => [...demo, '--checkout', join(lonely, 'overrides.json'), '--to', 'DE', '--items', 'cengkeh-ternate'], /overrides\.json: Checkout configuration is invalid:\n {2}taxes\.overrides\[0\]\.name: required/],
    ['a permit for a prohibited rule', () => [...demo, '--checkout', join(lonely, 'allow.json'), '--to', 'DE', '--items', 'cengkeh-ternate'], /allow\.json: Checkout configuration is invalid: Restriction rule data is invalid:\n {2}allow\[0\]: "id-export-raw-rattan" is a prohibited rule/],
    ['a checkout file that is not JSON', () => [...demo, '--checkout', join(lonely, 'not-json.json'), '--to', 'DE', '--items', 'cengkeh-ternate'], /checkout file .*not-json\.json is not JSON: /],
    ['no checkout.json beside the catalog', () => ['--catalog', join(lonely, 'catalog.json'), '--rates', ECB, '--to', 'DE', '--items', 'x'], /no checkout settings: --checkout was not given and .*checkout\.json could not be read \(no such file\); pass --checkout <file\|url>/],
  ];
  for (const [name, args, message] of cases) {
    it(`refuses ${name}`, async () => {
      const { code, stdout, stderr } = await run(['quote', ...args()]);
      assert.equal(code, 2, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /^mendunia: /);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
    });
  }
});

describe('mendunia quote: a catalog with a broken product', () => {
  /** @type {string} */
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mendunia-cli-'));
    const catalog = JSON.parse(await readFile(CATALOG, 'utf8'));
    catalog.products[0].price = 'mahal';
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalog));
    await copyFile(CHECKOUT, join(dir, 'checkout.json'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('quotes the other products and warns on stderr, keeping stdout pure JSON', async () => {
    const { code, stdout, stderr } = await run(['quote', '--catalog', join(dir, 'catalog.json'), '--rates', ECB, '--to', 'SG', '--items', 'cengkeh-ternate', '--json']);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).status, 'ok');
    assert.match(stderr, /^mendunia: warning: .*catalog\.json has 1 problem\(s\); the products concerned are left out:\nerror +products\[0\]\.price: /);
  });

  it('says why a product left out of the catalog cannot be quoted', async () => {
    const { code, stderr } = await run(['quote', '--catalog', join(dir, 'catalog.json'), '--rates', ECB, '--to', 'SG', '--items', 'batik-parang-tulis']);
    assert.equal(code, 2);
    assert.match(stderr, /mendunia: --items: product "batik-parang-tulis" is in .*catalog\.json but was left out because it is invalid: products\[0\]\.price: /);
  });
});

describe('docs/quote-cli.md', () => {
  it('shows the JSON the command really prints', async () => {
    const doc = await readFile(join(ROOT, 'docs/quote-cli.md'), 'utf8');
    const shown = JSON.parse(/** @type {string} */ (/```json\n([\s\S]*?)\n```/.exec(doc)?.[1]));
    const relative = ['--catalog', 'examples/plain-html/catalog.json', '--rates', 'examples/plain-html/rates/eurofxref-daily.xml'];
    const { stdout } = await run(['quote', ...relative, '--to', 'DE', '--items', 'batik-parang-tulis:2', '--date', DATE, '--json']);
    const actual = JSON.parse(stdout);
    // Whether the rates are stale depends on the day the test runs.
    actual.rates.stale = shown.rates.stale;
    assert.deepEqual(actual, shown, 'regenerate the example in docs/quote-cli.md');
  });
});

describe('mendunia: commands and help', () => {
  it('prints help and the version', async () => {
    const help = await run(['help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: mendunia <command>/);
    const quoteHelp = await run(['quote', '--help']);
    assert.equal(quoteHelp.code, 0);
    assert.match(quoteHelp.stdout, /--items <list>/);
    assert.equal((await run(['help', 'quote'])).stdout, quoteHelp.stdout);
    const pkg = JSON.parse(await readFile(join(ROOT, 'packages/cli/package.json'), 'utf8'));
    assert.equal((await run(['--version'])).stdout, `${pkg.version}\n`);
  });

  it('exits 2 for an unknown command or none', async () => {
    const unknown = await run(['qoute']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^mendunia: unknown command "qoute"/);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage: mendunia/);
  });
});
