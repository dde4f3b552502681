// End to end: the demo store served as a shop would serve it, driven in Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './support.mjs';
import { mkdirSync } from 'node:fs';
import { convertIdr, formatMoney, parseEcbXml } from '../packages/core/dist/index.js';
import { readFileSync } from 'node:fs';

const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });
const ecb = parseEcbXml(readFileSync(new URL('../examples/plain-html/rates/eurofxref-daily.xml', import.meta.url), 'utf8'));
const catalog = JSON.parse(readFileSync(new URL('../examples/plain-html/catalog.json', import.meta.url), 'utf8'));

let browser;
let base;
let demo;
before(async () => ({ browser, base } = demo = await startDemo()));
after(() => demo?.stop());

async function openDemo(options = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
  return { page, context, errors };
}

/** The `part="price"` text of each product card, in page order. */
const cardPrices = (page) =>
  page.$$eval('mendunia-product-card', (cards) =>
    cards.map((c) => {
      const price = c.shadowRoot.querySelector('[part="price"]');
      // A converted price shows its amount in an aria-hidden span (screen readers get a sentence).
      return (price?.querySelector('[aria-hidden="true"]') ?? price)?.textContent.trim() ?? '';
    }),
  );

describe('demo store', () => {
  it('shows 12+ products priced in USD as the core converts them, and re-prices on IDR without reload', async () => {
    const { page, context, errors } = await openDemo();
    const cards = page.locator('mendunia-product-card');
    assert.ok((await cards.count()) >= 12);
    await page.waitForFunction(() => document.querySelector('mendunia-product-card').shadowRoot.textContent.includes('US$'));

    // The first card's price equals the core's own conversion of its IDR price.
    const first = catalog.products.find((p) => p.id === 'batik-parang-tulis');
    const expected = formatMoney(convertIdr(first.price, 'USD', ecb), 'en-US', { approximate: true });
    const prices = await cardPrices(page);
    assert.equal(prices[0], expected);
    assert.ok(prices.every((p) => p.startsWith('≈ US$')), prices.join(' | '));
    await page.screenshot({ path: new URL('demo-usd.png', shots).pathname, fullPage: false });

    // Switch to IDR through the selector: every card and the inline price follow, no navigation.
    const url = page.url();
    await page.locator('mendunia-currency-selector select').selectOption('IDR');
    await page.waitForFunction(() => !document.querySelector('mendunia-product-card').shadowRoot.textContent.includes('US$'));
    const idrPrices = await cardPrices(page);
    assert.ok(idrPrices.every((p) => /^IDR|^Rp/.test(p)), idrPrices.join(' | '));
    const inline = await page.locator('mendunia-price').first().evaluate((el) => el.shadowRoot.textContent.trim());
    assert.match(inline, /185,000/);
    assert.equal(page.url(), url);
    await page.screenshot({ path: new URL('demo-idr.png', shots).pathname, fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('adds to the cart with a mendunia-add-to-cart event', async () => {
    const { page, context } = await openDemo();
    const detail = page.evaluate(
      () => new Promise((resolve) => document.addEventListener('mendunia-add-to-cart', (e) => resolve(e.detail), { once: true })),
    );
    await page.locator('mendunia-product-card[product-id="kopi-gayo-arabika"]').locator('[part="add-button"]').click();
    assert.deepEqual(await detail, { productId: 'kopi-gayo-arabika', variantId: '250g', quantity: 1, unitPriceIdr: 135000 });
    await page.locator('mendunia-product-card[product-id="kopi-gayo-arabika"] [part="status"]').filter({ hasText: 'Added to cart' }).waitFor();
    await context.close();
  });

  it('keeps the cart across a reload, re-priced in the new currency', async () => {
    const { page, context, errors } = await openDemo();
    for (const id of ['batik-kawung-cap', 'cengkeh-ternate', 'teh-hitam-kemuning']) {
      const card = page.locator(`mendunia-product-card[product-id="${id}"]`);
      await card.locator('[part="add-button"]').click();
      await card.locator('[part="status"]').filter({ hasText: 'Added to cart' }).waitFor();
    }
    const badge = page.locator('mendunia-cart-button [part="badge"]');
    assert.equal(await badge.textContent(), '3');

    await page.locator('mendunia-currency-selector select').selectOption('SGD');
    await page.reload();
    await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
    assert.equal(await badge.textContent(), '3');
    await page.locator('mendunia-cart-button button').click();
    const names = page.locator('mendunia-cart [part="line-name"]');
    await names.first().waitFor();
    assert.deepEqual(await names.allTextContents(), ['Stamped Kawung Batik Cloth in Indigo', 'Whole Ternate Cloves', 'Kemuning Black Tea']);
    const ids = ['batik-kawung-cap', 'cengkeh-ternate', 'teh-hitam-kemuning'];
    const idr = ids.map((id) => catalog.products.find((p) => p.id === id).price);
    const lines = idr.map((amount) => convertIdr(amount, 'SGD', ecb));
    const subtotal = formatMoney({ amount: lines.reduce((n, l) => n + l.amount, 0), currency: 'SGD' }, 'en-US', { approximate: true });
    assert.equal((await page.locator('mendunia-cart [part="subtotal"]').textContent()).trim(), subtotal);
    assert.match(await page.locator('mendunia-cart [part="charge-note"]').textContent(), new RegExp(`Rp\\s${(idr[0] + idr[1] + idr[2]).toLocaleString('en-US')}`));
    // The import charges for the buyer's country, in the drawer (its code follows the cart's chunk).
    const landed = page.locator('mendunia-cart mendunia-landed-cost');
    await landed.locator('select').waitFor();
    const estimate = await landed.evaluate((el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));
    assert.match(estimate, /import (charges|duties)/i, estimate);
    await page.screenshot({ path: new URL('demo-cart.png', shots).pathname });
    await page.keyboard.press('Escape');
    await page.locator('mendunia-cart dialog').waitFor({ state: 'hidden' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a change made in one tab in another tab of the shop', async () => {
    const { page, context } = await openDemo();
    const second = await context.newPage();
    await second.goto(base);
    await second.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
    await page.locator('mendunia-product-card[product-id="jahe-merah-kering"] [part="add-button"]').click();
    await second.locator('mendunia-cart-button [part="badge"]').filter({ hasText: '1' }).waitFor();
    await context.close();
  });

  it('switches the widgets to Indonesian', async () => {
    const { page, context } = await openDemo();
    await page.locator('mendunia-locale-selector select').selectOption('id');
    const button = page.locator('mendunia-product-card[product-id="cengkeh-ternate"] [part="add-button"]');
    await button.filter({ hasText: 'Tambah ke keranjang' }).waitFor();
    await context.close();
  });
});
