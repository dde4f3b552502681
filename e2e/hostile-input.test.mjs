// End to end: hostile and broken input reaching the demo store from outside — an oversized or
// malformed catalog, a rate feed that answers HTML or impossible rates, a browser whose
// localStorage refuses access or is full, and a buyer who types markup into the checkout.
// (How catalog text itself renders is covered closer to the elements, in
// packages/elements/src/test-hostile/.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './support.mjs';
import { readFileSync } from 'node:fs';

const catalogText = readFileSync(new URL('../examples/plain-html/catalog.json', import.meta.url), 'utf8');
const ecbXml = readFileSync(new URL('../examples/plain-html/rates/eurofxref-daily.xml', import.meta.url), 'utf8');
const MAX_CATALOG_BYTES = 5 * 1024 * 1024;

let browser;
let base;
let demo;
before(async () => ({ browser, base } = demo = await startDemo()));
after(() => demo?.stop());

/** The page's own console errors and uncaught exceptions (Chromium's resource-load lines left out). */
function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e}`));
  return errors;
}

async function newPage(initScript) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 1000 } });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

const firstTitle = (page) => page.locator('mendunia-product-card').first().locator('[part="title"]');
const co = (page, selector) => page.locator(`mendunia-checkout ${selector}`);

const cardPrice = (page, id = 'cengkeh-ternate') =>
  page.locator(`mendunia-product-card[product-id="${id}"] [part="price"]`).evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());

/** Loads the page and waits for the catalog to settle (ready or error). */
async function load(page) {
  await page.goto(base);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('mendunia-store')?.storefront?.$catalog.get().status));
}

async function waitForRates(page) {
  await page.waitForFunction(() => ['ready', 'unavailable'].includes(document.querySelector('mendunia-store').storefront.$rates.get().status));
}

describe('hostile input on the demo store', () => {
  it('catalog: 5 MB is the limit — one byte over is refused with the store in its error state and the URL in the console', async () => {
    const { context, page, errors } = await newPage();
    let body = '';
    await page.route('**/catalog.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));

    // Exactly 5 MB (trailing white space is valid JSON) loads.
    body = catalogText + ' '.repeat(MAX_CATALOG_BYTES - Buffer.byteLength(catalogText));
    assert.equal(Buffer.byteLength(body), MAX_CATALOG_BYTES);
    await load(page);
    await firstTitle(page).waitFor();
    assert.deepEqual(errors, []);

    body += ' ';
    await load(page);
    const card = page.locator('mendunia-product-card').first();
    assert.equal(await card.locator('[part="message"]').textContent(), 'Products could not be loaded.');
    assert.equal(await card.locator('[part="retry-button"]').textContent(), 'Try again');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], new RegExp(`^Mendunia: Catalog from ${base}catalog\\.json could not be loaded: too large \\(${MAX_CATALOG_BYTES + 1} bytes; the limit is ${MAX_CATALOG_BYTES} bytes\\)$`));
    await context.close();
  });

  it('catalog: malformed files are refused with the store in its error state and a message naming the URL and the fault', async () => {
    const { context, page, errors } = await newPage();
    let response;
    await page.route('**/catalog.json', (route) => route.fulfill({ status: 200, ...response }));
    const cases = [
      [{ contentType: 'application/json', body: catalogText.slice(0, 4000) }, /not JSON: .*JSON/],
      [{ contentType: 'text/html', body: '<!doctype html><title>Not found</title><h1>Halaman tidak ditemukan</h1>' }, /not JSON \(got HTML, check the URL\)/],
      [{ contentType: 'application/json', body: '' }, /not JSON: the text is empty/],
      [{ contentType: 'application/json', body: JSON.stringify([{ id: 'a' }]) }, /catalog: expected an object/],
      [{ contentType: 'application/json', body: JSON.stringify({ version: 2, currency: 'USD', products: {} }) }, /catalog\.version: expected 1; catalog\.currency: expected "IDR"; catalog\.products: expected an array/],
    ];
    for (const [i, [fault, expected]] of cases.entries()) {
      response = fault;
      await load(page);
      const card = page.locator('mendunia-product-card').first();
      assert.equal(await card.locator('[part="message"]').textContent(), 'Products could not be loaded.', `case ${i}`);
      assert.equal(errors.length, i + 1, errors.join('\n'));
      assert.match(errors[i], new RegExp(`^Mendunia: Catalog from ${base}catalog\\.json could not be loaded: `));
      assert.match(errors[i], expected);
    }
    await context.close();
  });

  it('rates: HTML, NaN and negative rates are refused naming the feed; prices stay in IDR, or in the last good rates', async () => {
    const { context, page, errors } = await newPage();
    let body = ecbXml;
    let contentType = 'application/xml';
    await page.route('**/rates/eurofxref-daily.xml', (route) => route.fulfill({ status: 200, contentType, body }));
    const feed = `${base}rates/eurofxref-daily.xml`;
    const cases = [
      ['text/html', '<!DOCTYPE html><html><body><h1>Rates</h1></body></html>', /expected the ECB XML, got HTML/],
      ['application/xml', ecbXml.replace("rate='1.1608'", "rate='NaN'"), /rates\.USD: expected a positive number, got "NaN"/],
      ['application/xml', ecbXml.replace("rate='1.1608'", "rate='-1.1608'"), /rates\.USD: expected a positive number, got "-1\.1608"/],
      ['application/xml', ecbXml.replace("rate='1.1608'", "rate='0'"), /rates\.USD: expected a positive number, got "0"/],
    ];

    // Nothing saved yet: each bad feed leaves the shop in IDR, with one error naming the feed.
    for (const [i, [type, text, expected]] of cases.entries()) {
      [contentType, body] = [type, text];
      await load(page);
      await waitForRates(page);
      assert.equal(await page.evaluate(() => document.querySelector('mendunia-store').storefront.$rates.get().status), 'unavailable');
      assert.match(await cardPrice(page), /^Rp\s?45,000$/, `case ${i}`);
      assert.equal(errors.length, i + 1, errors.join('\n'));
      assert.match(errors[i], new RegExp(`^Mendunia: .*${feed}`));
      assert.match(errors[i], expected);
    }

    // A good feed once: its rates are saved. Then each bad feed falls back to them.
    [contentType, body] = ['application/xml', ecbXml];
    await load(page);
    await page.locator('mendunia-product-card[product-id="cengkeh-ternate"] [part="price"]').filter({ hasText: 'US$' }).waitFor();
    const good = await cardPrice(page);
    errors.length = 0;
    for (const [i, [type, text, expected]] of cases.entries()) {
      [contentType, body] = [type, text];
      await load(page);
      await waitForRates(page);
      const rates = await page.evaluate(() => {
        const state = document.querySelector('mendunia-store').storefront.$rates.get();
        return { status: state.status, fromCache: state.fromCache, usd: state.rates?.rates.USD };
      });
      assert.deepEqual(rates, { status: 'ready', fromCache: true, usd: '1.1608' }, `case ${i}`);
      await page.locator('mendunia-product-card[product-id="cengkeh-ternate"] [part="price"]').filter({ hasText: 'US$' }).waitFor();
      assert.equal(await cardPrice(page), good);
      assert.equal(errors.length, i + 1, errors.join('\n'));
      assert.match(errors[i], expected);
    }
    await context.close();
  });

  // localStorage that cannot be used: the whole purchase still works, held in memory.
  for (const [name, initScript] of [
    [
      'access throws SecurityError (cookies blocked)',
      () => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      },
    ],
    [
      'every write throws QuotaExceededError (storage full)',
      () => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
    ],
    [
      'writes over 100 bytes throw QuotaExceededError (storage nearly full)',
      () => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (String(key).length + String(value).length > 100) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      },
    ],
  ]) {
    it(`localStorage: ${name} → cart, currency and checkout draft work in memory`, async () => {
      const { context, page, errors } = await newPage(initScript);
      await load(page);
      await firstTitle(page).waitFor();
      for (const id of ['kopi-gayo-arabika', 'cengkeh-ternate']) {
        const card = page.locator(`mendunia-product-card[product-id="${id}"]`);
        await card.locator('[part="add-button"]').click();
        await card.locator('[part="status"]').filter({ hasText: 'Added to cart' }).waitFor();
      }
      assert.equal(await page.locator('mendunia-cart-button [part="badge"]').textContent(), '2');
      await page.locator('mendunia-currency-selector select').selectOption('EUR');
      await page.locator('mendunia-product-card[product-id="cengkeh-ternate"] [part="price"]').filter({ hasText: '€' }).waitFor();

      await page.locator('mendunia-cart-button button').click();
      await page.locator('mendunia-cart [part="checkout-button"]').click();
      await co(page, '#f-name').fill('Tan Mei Ling');
      await co(page, '#f-email').fill('mei@example.com');
      await co(page, '[part="next-button"]').click();
      await co(page, '#a-country').waitFor();
      // The draft lives in memory: closing and reopening the checkout keeps what was typed.
      await co(page, '[part="close-button"]').click();
      await page.locator('mendunia-cart-button button').click();
      await page.locator('mendunia-cart [part="checkout-button"]').click();
      await co(page, '[part="back-button"]').click();
      assert.equal(await co(page, '#f-name').inputValue(), 'Tan Mei Ling');
      await co(page, '[part="next-button"]').click();
      await co(page, '#a-country').selectOption('SG');
      await co(page, '#a-name').fill('Tan Mei Ling');
      await co(page, '#a-addressLine1').fill('1 Orchard Road');
      await co(page, '#a-postalCode').fill('238823');
      await co(page, '#f-phone').fill('+65 8123 4567');
      await co(page, '[part="next-button"]').click();
      await co(page, 'fieldset').waitFor();
      await co(page, '[part="next-button"]').click();
      await co(page, '[part="place-order-button"]').click();
      assert.match((await co(page, '.reference').textContent()).trim(), /^MDN-\d{6}-[A-Z2-9]{5}$/);
      assert.equal(await page.locator('mendunia-cart-button [part="badge"]').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('checkout: markup typed as name, email and address is sent encoded in the WhatsApp and email text and never rendered', async () => {
    const { context, page, errors } = await newPage();
    await load(page);
    await firstTitle(page).waitFor();
    await page.locator('mendunia-product-card[product-id="cengkeh-ternate"] [part="add-button"]').click();
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="checkout-button"]').click();

    const name = `<script>window.__menduniaPwned = 'name'</script> {{email}} $t(checkout.title) Tan \u202EgnaL`;
    const email = `"><svg/onload=window.__menduniaPwned=1>@example.com`;
    const recipient = `<img src=x onerror="window.__menduniaPwned = 'recipient'">`;
    const street = `1 Orchard Road</p><iframe src="javascript:window.__menduniaPwned = 'street'">`;
    await co(page, '#f-name').fill(name);
    await co(page, '#f-email').fill(email);
    await co(page, '[part="next-button"]').click();
    await co(page, '#a-country').selectOption('SG');
    await co(page, '#a-name').fill(recipient);
    await co(page, '#a-addressLine1').fill(street);
    await co(page, '#a-postalCode').fill('238823');
    await co(page, '#f-phone').fill('+65 8123 4567');
    await co(page, '[part="next-button"]').click();
    await co(page, 'fieldset').waitFor();
    await co(page, '[part="back-button"]').click();
    // Re-rendered into the form as values, exactly.
    assert.equal(await co(page, '#a-name').inputValue(), recipient);
    assert.equal(await co(page, '#a-addressLine1').inputValue(), street);
    await co(page, '[part="next-button"]').click();
    await co(page, '[part="next-button"]').click();
    await co(page, '[part="place-order-button"]').waitFor();
    const injected = () =>
      page.evaluate(() => {
        const root = document.querySelector('mendunia-checkout').shadowRoot;
        const handlers = [...root.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('on')));
        return { elements: root.querySelectorAll('script, iframe, svg, img').length, handlers, pwned: window.__menduniaPwned ?? null };
      });
    assert.deepEqual(await injected(), { elements: 0, handlers: [], pwned: null });

    await co(page, '[part="place-order-button"]').click();
    await co(page, '.reference').waitFor();
    const reference = (await co(page, '.reference').textContent()).trim();
    await page.waitForTimeout(100);
    assert.deepEqual(await injected(), { elements: 0, handlers: [], pwned: null });

    // WhatsApp: the whole message is one encoded query value; decoded, it holds the input verbatim.
    const wa = await co(page, '[part="handoff"] a.primary').getAttribute('href');
    const [, query] = wa.match(/^https:\/\/wa\.me\/6281227771234\?text=([^&#]*)$/) ?? [];
    assert.ok(query, wa);
    assert.doesNotMatch(query, /[<>"\s]/);
    const text = decodeURIComponent(query);
    // The unclosed override (U+202E) is dropped: it would reverse the rest of the line for the shop.
    const sent = name.replace('\u202E', '');
    assert.ok(text.split('\n').includes(`Contact: ${sent}, ${email}, +6581234567`), text);
    assert.ok(text.split('\n').includes(recipient), text);
    assert.ok(text.split('\n').includes(street), text);
    assert.ok(text.includes(reference));

    // Email: subject and body encoded the same way.
    const mail = await co(page, '[part="handoff"] a[href^="mailto:"]').getAttribute('href');
    const body = mail.match(/[?&]body=([^&]*)/)[1];
    assert.doesNotMatch(body, /[<>"\s]/);
    assert.ok(decodeURIComponent(body).includes(recipient));

    // The order file has the text as data.
    const order = await co(page, '[part="handoff"] a[download]').evaluate(async (a) => JSON.parse(await (await fetch(a.href)).text()));
    assert.equal(order.contact.name, sent);
    assert.equal(order.contact.email, email);
    assert.deepEqual(order.addressLines.slice(0, 2), [recipient, street]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
