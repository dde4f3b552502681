// Accessibility audit of the demo store with axe-core in every state a buyer passes through:
// the shop in USD, in IDR and Indonesian, the cart drawer empty and with items, and each step
// of the checkout up to the confirmation. axe reads open shadow roots, so the widgets' own
// markup is audited together with the page around them. Zero violations is the bar.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

// axe-core comes with @open-wc/testing (chai-a11y-axe); resolved, not assumed to be hoisted.
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
let context;
let page;
const errors = [];

before(async () => {
  server = await serve({ port: 0 });
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
  // The demo has no CSP, so an inline script tag is allowed (a shop with one would need a nonce).
  await page.addScriptTag({ content: axeSource });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/**
 * Runs axe on the whole document and fails with a readable list: rule, impact, what to do, and
 * the elements (as axe's selector paths, shadow hosts first) with axe's own summary of the fix.
 */
async function audit(state) {
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '), summary: n.failureSummary })),
    }));
  });
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
  assert.deepEqual(violations.map((v) => v.id), [], `axe violations with ${state}:\n${report}`);
}

const co = (selector) => page.locator(`mendunia-checkout ${selector}`);
const next = () => co('[part="next-button"]').click();

async function fillAddress(country, fields) {
  await co('#a-country').selectOption(country);
  await co('#a-name').fill('Jordan Avery');
  for (const [field, value] of Object.entries(fields)) {
    const el = co(`#a-${field}`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
    else await el.fill(value);
  }
}

// The states follow one another on one page, as a buyer would pass through them.
describe('accessibility of the demo store (axe-core)', () => {
  it('page loaded, prices in USD', async () => {
    await page.waitForFunction(() => document.querySelector('mendunia-product-card').shadowRoot.textContent.includes('US$'));
    await audit('the page loaded in USD');
  });

  it('prices in IDR, widgets in Indonesian', async () => {
    await page.locator('mendunia-currency-selector select').selectOption('IDR');
    await page.locator('mendunia-locale-selector select').selectOption('id');
    await page.locator('mendunia-product-card [part="add-button"]').first().filter({ hasText: 'Tambah ke keranjang' }).waitFor();
    await audit('IDR and Indonesian');
    await page.locator('mendunia-locale-selector select').selectOption('en');
    await page.locator('mendunia-currency-selector select').selectOption('USD');
    await page.locator('mendunia-product-card [part="add-button"]').first().filter({ hasText: 'Add to cart' }).waitFor();
  });

  it('cart open and empty', async () => {
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="empty"]').waitFor();
    await audit('the empty cart open');
    await page.keyboard.press('Escape');
    await page.locator('mendunia-cart dialog').waitFor({ state: 'hidden' });
  });

  it('cart open with items', async () => {
    for (const id of ['batik-parang-tulis', 'kopi-gayo-arabika']) {
      await page.locator(`mendunia-product-card[product-id="${id}"] [part="add-button"]`).click();
    }
    await page.locator('mendunia-cart-button [part="badge"]').filter({ hasText: '2' }).waitFor();
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="line"]').nth(1).waitFor();
    await audit('the cart open with two lines');
  });

  it('checkout: contact', async () => {
    await page.locator('mendunia-cart [part="checkout-button"]').click();
    await co('#f-name').waitFor();
    await audit('the contact step');
  });

  it('checkout: contact with validation errors', async () => {
    await co('#f-email').fill('not an email');
    await next();
    await co('[part="error-summary"]').waitFor();
    await audit('the contact step showing errors');
  });

  it('checkout: address for the United States', async () => {
    await co('#f-name').fill('Jordan Avery');
    await co('#f-email').fill('jordan@example.com');
    await next();
    await co('#a-country').waitFor();
    await fillAddress('US', { addressLine1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105' });
    await co('#f-phone').fill('+1 415 555 0134');
    await audit('the US address form');
  });

  it('checkout: shipping', async () => {
    await next();
    await co('fieldset').waitFor();
    await audit('the shipping step');
  });

  it('checkout: review for Germany', async () => {
    await co('[part="back-button"]').click();
    await fillAddress('DE', { addressLine1: 'Torstraße 1', postalCode: '10119', city: 'Berlin' });
    await next();
    await co('fieldset').waitFor();
    await next();
    await co('[part="landed-cost"]').waitFor();
    assert.match(await co('[part="landed-cost"]').textContent(), /Germany/);
    await audit('the review for Germany');
  });

  it('checkout: confirmation', async () => {
    await co('[part="place-order-button"]').click();
    await co('.reference').waitFor();
    await audit('the order confirmation');
    assert.deepEqual(errors, []);
  });
});

// The same audit in a right-to-left language and in one with its own script, on the same page
// after the order: the widgets' lang and dir (not the page's) are what axe and screen readers see.
describe('accessibility in Arabic and Japanese (axe-core)', () => {
  for (const [lang, label] of [
    ['ar', 'السلة'],
    ['ja', 'カート'],
  ]) {
    it(`${lang}: the page, the cart with items, the checkout`, async () => {
      // Close whatever dialog is open (the confirmation of the previous state, or a cart).
      for (const host of ['mendunia-checkout', 'mendunia-cart']) {
        if (await page.locator(`${host} dialog[open]`).count()) {
          await page.keyboard.press('Escape');
          await page.locator(`${host} dialog`).waitFor({ state: 'hidden' });
        }
      }
      await page.locator('mendunia-locale-selector select').selectOption(lang);
      await page.waitForFunction((lang) => document.querySelector('mendunia-product-card').shadowRoot.querySelector('[part="base"]')?.getAttribute('lang') === lang, lang);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the page keeps its own language');
      await audit(`the page in ${lang}`);

      await page.locator('mendunia-product-card[product-id="kopi-gayo-arabika"] [part="add-button"]').click();
      const badge = (await page.locator('mendunia-cart-button [part="badge"]').textContent()).trim();
      // WCAG 2.5.3: the name a voice user speaks is what the button shows, label and count.
      const name = await page.locator('mendunia-cart-button button').evaluate((b) => b.textContent.replace(/\s+/g, ' ').trim());
      const snapshot = await page.locator('mendunia-cart-button button').ariaSnapshot();
      assert.ok(snapshot.includes(label) && snapshot.includes(badge), `${snapshot} (content: ${name})`);

      await page.locator('mendunia-cart-button button').click();
      await page.locator('mendunia-cart [part="line"]').first().waitFor();
      assert.equal(await page.locator('mendunia-cart dialog').getAttribute('lang'), lang);
      await audit(`the cart in ${lang}`);
      // The checkout opens where the buyer left it: the confirmation of the order placed above.
      await page.locator('mendunia-cart [part="checkout-button"]').click();
      await co('#step-title').waitFor();
      assert.equal(await co('dialog').getAttribute('lang'), lang);
      await audit(`the checkout in ${lang}`);
      await page.keyboard.press('Escape');
      await page.locator('mendunia-checkout dialog').waitFor({ state: 'hidden' });
    });
  }

  it('leaves no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
