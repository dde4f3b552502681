// End to end: a shop page served with a strict Content-Security-Policy (no 'unsafe-inline', no
// 'unsafe-eval'): cards, currency switch, the shop's own add button, the cart drawer, the lazily
// loaded checkout, all without a single violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

let server;
let browser;
let base;

before(async () => {
  server = await serve({
    port: 0,
    mounts: {
      '/dist/': fileURLToPath(new URL('../packages/embed/dist/', import.meta.url)),
      '/': fileURLToPath(new URL('../examples/', import.meta.url)),
    },
    headers: { 'content-security-policy': CSP },
  });
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('strict Content-Security-Policy', () => {
  it('the example shop works end to end with no violation', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Added through the DevTools protocol, so the policy does not apply to this script itself.
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener(
        'securitypolicyviolation',
        (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`),
        true,
      );
    });
    const messages = [];
    const requests = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && messages.push(`${r.status()}: ${r.url()}`));

    const response = await page.goto(`${base}csp/`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    const grid = page.locator('mendunia-product-grid');
    await grid.locator('mendunia-product-card [part="title"]').first().waitFor();

    // Cards render, with their images (img-src 'self').
    const titles = await grid.locator('mendunia-product-card [part="title"]').allTextContents();
    assert.deepEqual(titles.map((t) => t.trim()), ['Gayo Arabica Coffee, Wet-hulled', 'Toraja Sapan Arabica Coffee']);
    await page.waitForFunction(() => {
      const card = document.querySelector('mendunia-product-grid').shadowRoot.querySelector('mendunia-product-card');
      const img = card.shadowRoot.querySelector('[part="image"]');
      return img?.complete && img.naturalWidth > 0;
    });

    // Currency switch.
    await page.locator('mendunia-currency-selector select').selectOption('EUR');
    await page.waitForFunction(() =>
      document.querySelector('mendunia-product-grid').shadowRoot.querySelector('mendunia-product-card').shadowRoot.querySelector('[part="price"]').textContent.includes('€'),
    );

    // A card's own button and the shop's declarative button.
    await grid.locator('mendunia-product-card [part="add-button"]').first().click();
    await page.locator('button[data-mendunia-add]').click();
    await page.locator('mendunia-cart-button [part="badge"]').filter({ hasText: '2' }).waitFor();

    // The cart drawer.
    await page.locator('mendunia-cart-button button').click();
    const dialog = page.locator('mendunia-cart dialog');
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.open), true);
    assert.equal(await page.locator('mendunia-cart [part="line"]').count(), 2);

    // The checkout chunk loads (script-src 'self') and the checkout opens.
    await page.locator('mendunia-cart [part="checkout-button"]').click();
    await page.locator('mendunia-checkout #f-name').waitFor();
    assert.equal(requests.filter((u) => /\/dist\/chunks\/checkout-[\w-]+\.js$/.test(u)).length, 1);
    assert.equal(await page.locator('mendunia-checkout dialog').evaluate((d) => d.open), true);
    const box = await page.locator('mendunia-checkout dialog').boundingBox();
    assert.ok(box.width > 400 && box.height > 200, JSON.stringify(box));

    // And through to the order (address rules, shipping quote, duties, hand-off links).
    const co = (selector) => page.locator(`mendunia-checkout ${selector}`);
    await co('#f-name').fill('Tan Mei Ling');
    await co('#f-email').fill('mei@example.com');
    await co('[part="next-button"]').click();
    await co('#a-country').selectOption('SG');
    await co('#a-name').fill('Tan Mei Ling');
    await co('#a-addressLine1').fill('1 Orchard Road');
    await co('#a-postalCode').fill('238823');
    await co('#f-phone').fill('+65 8123 4567');
    await co('[part="next-button"]').click();
    await co('fieldset').first().waitFor();
    await co('[part="next-button"]').click();
    await co('[part="place-order-button"]').click();
    await co('[part="handoff"] a').first().waitFor();

    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(messages, []);
    await context.close();
  });
});
