// End to end: the demo store when the network fails at each step a buyer depends on — the
// catalog, the exchange rates, the checkout's code, the checkout configuration and the order
// hand-off. Failures are injected with page.route. Each test checks what the buyer sees, what
// the console tells the shop owner, that retrying recovers, and that the cart is never lost.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './support.mjs';

let browser;
let base;
let demo;
before(async () => ({ browser, base } = demo = await startDemo()));
after(() => demo?.stop());

const CART_KEY = 'mendunia:rumah-nusantara:cart';
const DRAFT_KEY = 'mendunia:rumah-nusantara:checkout';

/** A fresh buyer (own storage). `routes` are installed before the first request. */
async function shop({ routes = {}, wait = true } = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  await page.goto(base);
  if (wait) await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
  return { page, context, errors };
}

/**
 * The page's console errors and uncaught exceptions. Chromium's own "Failed to load resource"
 * line for each aborted request is left out: the shop's messages are what is under test.
 */
function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

const abort = (route) => route.abort('internetdisconnected');
const co = (page, selector) => page.locator(`mendunia-checkout ${selector}`);

/** The cart as the storefront holds it (what would be ordered), without the display snapshots. */
const cartLines = (page) =>
  page.evaluate(() =>
    document.querySelector('mendunia-store').storefront.cart.$lines.get().map(({ productId, variantId, quantity }) => ({ productId, variantId, quantity })),
  );

async function add(page, id, times = 1) {
  const card = page.locator(`mendunia-product-card[product-id="${id}"]`);
  for (let i = 0; i < times; i++) await card.locator('[part="add-button"]').click();
}

/** Adds the same three lines in every test: 2 × coffee, 1 × cloves, 1 × tea. */
async function fillCart(page) {
  await add(page, 'kopi-gayo-arabika', 2);
  await add(page, 'cengkeh-ternate');
  await add(page, 'teh-hitam-kemuning');
  await page.locator('mendunia-cart-button [part="badge"]').filter({ hasText: '4' }).waitFor();
  return cartLines(page);
}

const cardPrice = (page, id = 'cengkeh-ternate') =>
  page.locator(`mendunia-product-card[product-id="${id}"] [part="price"]`).evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());

async function openCheckout(page) {
  await page.locator('mendunia-cart-button button').click();
  await page.locator('mendunia-cart [part="checkout-button"]').click();
}

async function toReview(page) {
  await co(page, '#f-name').fill('Tan Mei Ling');
  await co(page, '#f-email').fill('mei@example.com');
  await co(page, '[part="next-button"]').click();
  await co(page, '#a-country').selectOption('SG');
  await co(page, '#a-name').fill('Tan Mei Ling');
  await co(page, '#a-addressLine1').fill('1 Orchard Road');
  await co(page, '#a-postalCode').fill('238823');
  await co(page, '#f-phone').fill('+65 8123 4567');
  await co(page, '[part="next-button"]').click();
  await co(page, 'fieldset').waitFor();
  await co(page, '[part="next-button"]').click();
  await co(page, '[part="place-order-button"]').waitFor();
}

describe('resilience of the demo store', () => {
  it('catalog: the first load fails → error state with a retry; the retry shows the products; the cart survives', async () => {
    // A returning buyer with a saved cart.
    const { page, context } = await shop();
    const before = await fillCart(page);

    let failing = true;
    await page.route('**/catalog.json', (route) => (failing ? abort(route) : route.continue()));
    const errors = collectErrors(page);
    await page.reload();
    const card = page.locator('mendunia-product-card[product-id="cengkeh-ternate"]');
    await card.locator('[part="message"]').filter({ hasText: 'Products could not be loaded.' }).waitFor();
    assert.equal(await card.locator('[part="retry-button"]').textContent(), 'Try again');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], new RegExp(`Mendunia: .*${base}catalog\\.json.*network error`));
    // The saved cart is not touched by a catalog that did not load.
    assert.deepEqual(await cartLines(page), before);
    assert.equal(await page.locator('mendunia-cart-button [part="badge"]').textContent(), '4');

    failing = false;
    await card.locator('[part="retry-button"]').click();
    await card.locator('[part="title"]').filter({ hasText: 'Whole Ternate Cloves' }).waitFor();
    assert.equal(await page.locator('mendunia-product-card [part="title"]').count(), await page.locator('mendunia-product-card').count());
    assert.deepEqual(await cartLines(page), before);
    assert.equal(errors.length, 1);
    await context.close();
  });

  it('rates: unreachable with nothing saved → one console error naming the source, prices in IDR', async () => {
    const { page, context, errors } = await shop({ routes: { '**/rates/eurofxref-daily.xml': abort } });
    const before = await fillCart(page);
    await page.waitForFunction(() => document.querySelector('mendunia-store').storefront?.$rates.get().status === 'unavailable');
    assert.match(await cardPrice(page), /^Rp\s?45,000$/);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], new RegExp(`^Mendunia: .*${base}rates/eurofxref-daily\\.xml.*network error`));
    // The cart works in IDR.
    await page.locator('mendunia-cart-button button').click();
    assert.match(await page.locator('mendunia-cart [part="subtotal"]').textContent(), /Rp/);
    assert.deepEqual(await cartLines(page), before);
    await context.close();
  });

  it('rates: unreachable with last good rates saved → those rates are used, with one console error', async () => {
    const { page, context } = await shop();
    await page.waitForFunction(() => document.querySelector('mendunia-product-card').shadowRoot.textContent.includes('US$'));
    const good = await cardPrice(page);
    const before = await fillCart(page);

    await page.route('**/rates/eurofxref-daily.xml', abort);
    const errors = collectErrors(page);
    await page.reload();
    // The store is defined when its chunk has run (after the load event, maybe): wait for it too.
    await page.waitForFunction(() => document.querySelector('mendunia-store').storefront?.$rates.get().status === 'ready');
    const state = await page.evaluate(() => {
      const rates = document.querySelector('mendunia-store').storefront.$rates.get();
      return { fromCache: rates.fromCache, source: rates.rates.source };
    });
    assert.deepEqual(state, { fromCache: true, source: 'ECB euro reference rates' });
    await page.locator('mendunia-product-card[product-id="cengkeh-ternate"] [part="price"]').filter({ hasText: 'US$' }).waitFor();
    assert.equal(await cardPrice(page), good);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], new RegExp(`^Mendunia: .*${base}rates/eurofxref-daily\\.xml.*network error`));
    assert.deepEqual(await cartLines(page), before);
    await context.close();
  });

  it('checkout code: the chunk fails → "could not be loaded" and Try again; the retry opens the checkout; the cart is intact', async () => {
    const { page, context, errors } = await shop({ routes: { '**/chunks/checkout-*.js': abort } });
    const before = await fillCart(page);
    await openCheckout(page);
    const fallback = page.locator('mendunia-checkout');
    await fallback.locator('[role="alert"]').filter({ hasText: 'The checkout could not be loaded.' }).waitFor();
    const buttons = await fallback.locator('button').allTextContents();
    assert.deepEqual(buttons, ['Try again', 'Close checkout']);
    // Focus goes to the retry, so a keyboard user can act on it at once.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Try again');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /the checkout could not be loaded from http:\/\/127\.0\.0\.1:\d+\/dist\/chunks\/checkout-[\w-]+\.js\./);
    assert.deepEqual(await cartLines(page), before);

    await page.unroute('**/chunks/checkout-*.js');
    await fallback.locator('button', { hasText: 'Try again' }).click();
    await co(page, '#f-name').waitFor();
    assert.equal(await co(page, '#step-title').textContent(), 'Contact');
    assert.deepEqual(await cartLines(page), before);
    assert.equal(errors.length, 1, errors.join('\n'));
    await context.close();
  });

  it('checkout configuration: checkout.json fails → an error with Try again; the retry shows the first step', async () => {
    let failing = true;
    const { page, context, errors } = await shop({ routes: { '**/checkout.json': (route) => (failing ? abort(route) : route.continue()) } });
    const before = await fillCart(page);
    await openCheckout(page);
    const alert = co(page, '[role="alert"]');
    await alert.filter({ hasText: 'The checkout could not be loaded.' }).waitFor();
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], new RegExp(`the checkout configuration \\(${base}checkout\\.json\\) could not be loaded`));
    assert.deepEqual(await cartLines(page), before);

    failing = false;
    await alert.locator('button', { hasText: 'Try again' }).click();
    await co(page, '#f-name').waitFor();
    assert.deepEqual(await cartLines(page), before);
    assert.equal(errors.length, 1);
    await context.close();
  });

  it('order hand-off: Place order clicked twice, wa.me unreachable, a reload → one order, one reference', async () => {
    const { page, context, errors } = await shop();
    const before = await fillCart(page);
    await openCheckout(page);
    await toReview(page);
    // Up to the last step the cart is intact.
    assert.deepEqual(await cartLines(page), before);

    // A double click, and two clicks in the same task (before the button can re-render).
    await co(page, '[part="place-order-button"]').evaluate((button) => {
      button.click();
      button.click();
    });
    await co(page, '.reference').waitFor();
    const reference = (await co(page, '.reference').textContent()).trim();
    assert.match(reference, /^MDN-\d{6}-[A-Z2-9]{5}$/);
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), DRAFT_KEY);
    assert.equal(saved.order.reference, reference);
    assert.deepEqual(saved.order.lines.map((l) => [l.productId, l.quantity]), before.map((l) => [l.productId, l.quantity]));
    // The order holds the lines; only now is the cart emptied.
    assert.deepEqual(await cartLines(page), []);

    // WhatsApp unreachable: the link opens a tab that fails; the confirmation stays as it was.
    await context.route('https://wa.me/**', abort);
    const [popup] = await Promise.all([context.waitForEvent('page'), co(page, '[part="handoff"] a.primary').click()]);
    await popup.waitForLoadState().catch(() => {});
    await popup.close();
    assert.equal((await co(page, '.reference').textContent()).trim(), reference);
    assert.equal(await co(page, '[part="handoff"] a[href^="mailto:"]').count(), 1);
    assert.equal(await co(page, '[part="handoff"] a[download]').count(), 1);

    // A reload on the confirmation places nothing new: the same order is kept.
    await page.reload();
    await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
    const afterReload = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), DRAFT_KEY);
    assert.equal(afterReload.order.reference, reference);
    assert.equal(afterReload.step, 'done');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), CART_KEY), null);
    assert.deepEqual(await cartLines(page), []);
    // Back in the checkout, the buyer finds that same order, not a second one.
    await add(page, 'cengkeh-ternate');
    await openCheckout(page);
    await co(page, '.reference').waitFor();
    assert.equal((await co(page, '.reference').textContent()).trim(), reference);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
