// Smoke tests of the framework examples (examples/react, examples/vue, examples/svelte, examples/npm-vanilla):
// each is built with its own `npm run build` (its type check, then Vite) against the built
// packages, its dist/ served as a shop would serve it, and used in Chromium: cards priced in
// USD, add to the cart (badge, the app's own message from the typed event), the checkout's
// lazily loaded code. Run alone with `npm run test:examples` (after `npm run build`).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';
import { convertIdr, formatMoney, parseEcbXml } from '../packages/core/dist/index.js';

const root = new URL('../', import.meta.url);
const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });
const shop = new URL('examples/plain-html/', root);
const catalog = JSON.parse(readFileSync(new URL('catalog.json', shop), 'utf8'));
const ecb = parseEcbXml(readFileSync(new URL('rates/eurofxref-daily.xml', shop), 'utf8'));
const product = (id) => catalog.products.find((p) => p.id === id);
const usd = (id) => formatMoney(convertIdr(product(id).price, 'USD', ecb), 'en-US', { approximate: true });

const EXAMPLES = ['react', 'vue', 'svelte', 'npm-vanilla'];
const servers = {};
let browser;

before(async () => {
  if (!existsSync(new URL('packages/react/dist/index.js', root))) {
    throw new Error('The packages are not built: run `npm run build` first.');
  }
  // The builds run side by side: each is mostly waiting on its own tsc or Vite process.
  await Promise.all(
    EXAMPLES.map(async (name) => {
      const cwd = fileURLToPath(new URL(`examples/${name}/`, root));
      try {
        await promisify(execFile)('npm', ['run', 'build'], { cwd, maxBuffer: 16 * 1024 * 1024 });
      } catch (e) {
        throw new Error(`npm run build in examples/${name} failed:\n${e.stdout}\n${e.stderr}`);
      }
      servers[name] = await serve({ port: 0, mounts: { '/': `${cwd}dist` } });
    }),
  );
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => new Promise((r) => s.close(r))));
});

async function open(name) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${servers[name].address().port}/`);
  return { page, context, errors };
}

/** Every product of the catalog has a card (in the page, or in a grid's shadow root), priced in USD. */
async function expectPricedCards(page) {
  const price = page.locator('mendunia-product-card[product-id="batik-parang-tulis"] [part="price"]');
  await assert.doesNotReject(price.filter({ hasText: 'US$' }).waitFor({ timeout: 10_000 }), 'cards priced in USD');
  assert.equal(await page.locator('mendunia-product-card').count(), catalog.products.length);
  // A converted price shows its amount in an aria-hidden span (screen readers get a sentence).
  assert.equal((await price.locator('[aria-hidden="true"]').textContent()).trim(), usd('batik-parang-tulis'));
}

async function addGayoCoffee(page) {
  const card = page.locator('mendunia-product-card[product-id="kopi-gayo-arabika"]');
  await card.locator('[part="add-button"]').click();
  await card.locator('[part="status"]').filter({ hasText: 'Added to cart' }).waitFor();
  await page.locator('mendunia-cart-button [part="badge"]').filter({ hasText: /^1$/ }).waitFor();
}

/** The cart's "continue to checkout" loads the checkout's chunk, and the checkout opens. */
async function expectLazyCheckout(page) {
  assert.equal(await page.evaluate(() => !!customElements.get('mendunia-checkout')), false, 'checkout code loaded before it was needed');
  await page.locator('mendunia-cart-button button').click();
  await page.locator('mendunia-cart [part="checkout-button"]').click();
  await page.locator('mendunia-checkout #f-name').waitFor();
}

/** For a person to look at: the top of the page, with the header's cart badge. */
async function screenshot(page, file) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: fileURLToPath(new URL(file, shots)) });
}

const lastAdded = `1 × ${product('kopi-gayo-arabika').name.en}`;

describe('framework examples', () => {
  it('React (@mendunia/react): cards, cart badge, a React message from onAddToCart, lazy checkout', async () => {
    const { page, context, errors } = await open('react');
    await expectPricedCards(page);
    await addGayoCoffee(page);
    assert.equal(await page.getByTestId('last-added').textContent(), `Last added: ${lastAdded}`);
    await screenshot(page, 'examples-react.png');
    await expectLazyCheckout(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Vue: the elements with v-on and property binding; store events reach Vue', async () => {
    const { page, context, errors } = await open('vue');
    await expectPricedCards(page);
    await addGayoCoffee(page);
    assert.equal(await page.getByTestId('last-added').textContent(), `Last added: ${lastAdded}`);
    // mendunia-currency-change, fired by the store, handled in the template.
    await page.locator('mendunia-currency-selector select').selectOption('SGD');
    await page.getByTestId('currency').filter({ hasText: /^SGD$/ }).waitFor();
    await screenshot(page, 'examples-vue.png');
    await expectLazyCheckout(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Svelte 5: the elements with on… attributes and property binding; core stores as Svelte stores', async () => {
    const { page, context, errors } = await open('svelte');
    await expectPricedCards(page);
    await addGayoCoffee(page);
    assert.equal(await page.getByTestId('last-added').textContent(), `Last added: ${lastAdded}`);
    // storefront.$currency read as $currency in the template.
    await page.locator('mendunia-currency-selector select').selectOption('SGD');
    await page.getByTestId('currency').filter({ hasText: /^SGD$/ }).waitFor();
    await screenshot(page, 'examples-svelte.png');
    await expectLazyCheckout(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('npm + Vite, no framework: define-all.js, createStorefront(), el.storefront', async () => {
    const { page, context, errors } = await open('npm-vanilla');
    await expectPricedCards(page);
    await addGayoCoffee(page);
    await page.locator('#cart-summary').filter({ hasText: `1 in your cart (last added: ${lastAdded}).` }).waitFor();
    await screenshot(page, 'examples-npm-vanilla.png');
    await expectLazyCheckout(page);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
