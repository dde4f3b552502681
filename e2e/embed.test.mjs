// End to end: the script-tag embed on pages we don't control: the shop owner's own
// `data-mendunia-add` buttons, mendunia.js pasted twice (same and another version), and a host
// theme with aggressive global CSS.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const dist = fileURLToPath(new URL('../packages/embed/dist/', import.meta.url));
const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });

let server;
let browser;
let base;
let generated;

/** The checkout's entry chunk (hashed name, in chunks/ beside mendunia.js). */
const CHECKOUT_CHUNK = /\/chunks\/checkout-[\w-]+\.js$/;

/**
 * A copy of the script tag (loader, chunks, locales) as another Mendunia version would be, in
 * its own folder: its VERSION constant (the only "0.1.0" in all the chunks) differs.
 */
function otherVersion(dir) {
  cpSync(dist, dir, { recursive: true, filter: (path) => !path.endsWith('.map') });
  let versions = 0;
  for (const file of readdirSync(join(dir, 'chunks'))) {
    const source = readFileSync(join(dir, 'chunks', file), 'utf8');
    versions += source.split('"0.1.0"').length - 1;
    writeFileSync(join(dir, 'chunks', file), source.replaceAll('"0.1.0"', '"0.0.9"'));
  }
  assert.equal(versions, 1, 'VERSION appears once in the chunks');
}

before(async () => {
  generated = mkdtempSync(join(tmpdir(), 'mendunia-embed-'));
  otherVersion(join(generated, 'other'));
  const template = readFileSync(new URL('./pages/two-scripts.html', import.meta.url), 'utf8');
  writeFileSync(join(generated, 'two-same.html'), template.replace('__SECOND__', '/dist/mendunia.js'));
  writeFileSync(join(generated, 'two-versions.html'), template.replace('__SECOND__', '/gen/other/mendunia.js'));
  // One tag: the second src of the template removed (the loader test below).
  writeFileSync(join(generated, 'one.html'), template.replace(/\s*<script src="__SECOND__"[^>]*><\/script>/, ''));
  server = await serve({
    port: 0,
    mounts: {
      '/dist/': dist,
      '/gen/': generated,
      '/examples/': fileURLToPath(new URL('../examples/', import.meta.url)),
      '/': fileURLToPath(new URL('./pages/', import.meta.url)),
    },
  });
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  rmSync(generated, { recursive: true, force: true });
});

/** A page with everything it logs and loads recorded. */
async function open(path, { viewport = { width: 1280, height: 900 }, beforeGoto } = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport });
  const page = await context.newPage();
  const log = { errors: [], warnings: [], pageErrors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await beforeGoto?.(page);
  await page.goto(base + path);
  return { page, context, log };
}

const lines = (page, store) =>
  page.evaluate((id) => {
    const sf = id ? document.getElementById(id).storefront : globalThis[Symbol.for('mendunia.storefront@1')].storefront;
    return sf.cart.$lines.get().map(({ productId, variantId, quantity }) => ({ productId, ...(variantId ? { variantId } : {}), quantity }));
  }, store);
const liveRegion = (page, selector) =>
  page.locator(selector).evaluate((el) => el.shadowRoot.querySelector('[role="status"]').textContent.trim());
const badge = (page, selector = 'mendunia-cart-button') => page.locator(`${selector} [part="badge"]`);

describe('declarative add buttons', () => {
  it('any [data-mendunia-add] button adds to the closest store (else the default), fires the cancelable event and is announced', async () => {
    const { page, context, log } = await open('declarative.html', {
      beforeGoto: (p) =>
        p.addInitScript(() => {
          window.__events = [];
          document.addEventListener('mendunia-add-to-cart', (e) => {
            window.__events.push({ from: e.target.id, detail: e.detail, cancelable: e.cancelable, composed: e.composed });
            if (e.target.id === 'vetoed') e.preventDefault();
          });
        }),
    });
    await page.locator('#cart-a button').waitFor();
    await page.waitForFunction(() => document.getElementById('shop-a').storefront?.$catalog.get().status === 'ready');

    // A click on the icon inside the button counts; success is said by the cart button.
    await page.locator('#cloves .icon').click();
    await badge(page, '#cart-a').filter({ hasText: '1' }).waitFor();
    assert.equal(await liveRegion(page, '#cart-a'), 'Cart: 1 item');
    assert.equal(await page.locator('#cloves').getAttribute('data-mendunia-result'), 'added');

    await page.locator('#coffee-1kg').click();
    await page.locator('#coffee-default').click();
    await badge(page, '#cart-a').filter({ hasText: '4' }).waitFor();
    assert.equal(await liveRegion(page, '#cart-a'), 'Cart: 4 items');

    // The keyboard works as for any button: Enter and Space.
    await page.locator('#cloves').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await badge(page, '#cart-a').filter({ hasText: '6' }).waitFor();

    // Sold out, unknown product and a veto by the page add nothing.
    await page.locator('#sold-out').click();
    await page.locator('#unknown').click();
    await page.locator('#vetoed').click();
    await page.waitForFunction(() => document.getElementById('vetoed').dataset.menduniaResult === 'cancelled');
    assert.equal(await page.locator('#sold-out').getAttribute('data-mendunia-result'), 'sold-out');
    assert.equal(await page.locator('#unknown').getAttribute('data-mendunia-result'), 'unavailable');

    // A submit button in a form and a link only add: no submit, no navigation.
    const url = page.url();
    await page.locator('#in-form').click();
    await page.locator('#link').click();
    await badge(page, '#cart-a').filter({ hasText: '10' }).waitFor();
    assert.equal(page.url(), url);

    // Inside the second store: its own cart.
    await page.locator('#in-store-b').click();
    await badge(page, '#cart-b').filter({ hasText: '1' }).waitFor();

    assert.deepEqual(await lines(page, 'shop-a'), [
      { productId: 'cengkeh-ternate', quantity: 3 },
      { productId: 'kopi-gayo-arabika', variantId: '1kg', quantity: 2 },
      { productId: 'kopi-gayo-arabika', variantId: '250g', quantity: 1 },
      { productId: 'jahe-merah-kering', quantity: 3 },
      { productId: 'teh-hitam-kemuning', quantity: 1 },
    ]);
    assert.deepEqual(await lines(page, 'shop-b'), [{ productId: 'pala-banda', variantId: '250g', quantity: 1 }]);

    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.slice(0, 3), [
      { from: 'cloves', detail: { productId: 'cengkeh-ternate', variantId: undefined, quantity: 1, unitPriceIdr: 45000 }, cancelable: true, composed: true },
      { from: 'coffee-1kg', detail: { productId: 'kopi-gayo-arabika', variantId: '1kg', quantity: 2, unitPriceIdr: 460000 }, cancelable: true, composed: true },
      { from: 'coffee-default', detail: { productId: 'kopi-gayo-arabika', variantId: '250g', quantity: 1, unitPriceIdr: 135000 }, cancelable: true, composed: true },
    ]);
    // Not for the sold-out or the unknown product; for the vetoed one, yes.
    assert.deepEqual(events.map((e) => e.from), ['cloves', 'coffee-1kg', 'coffee-default', 'cloves', 'cloves', 'vetoed', 'in-form', 'link', 'in-store-b']);

    assert.equal(log.errors.length, 1, log.errors.join('\n'));
    assert.match(log.errors[0], /product "does-not-exist", which is not in the catalog/);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });

  it('a click before the catalog has loaded waits for it, then adds', async () => {
    let release;
    const held = new Promise((r) => (release = r));
    const { page, context, log } = await open('declarative.html', {
      beforeGoto: (p) =>
        p.route('**/catalog.json', async (route) => {
          await held;
          await route.continue();
        }),
    });
    await page.waitForFunction(() => !!customElements.get('mendunia-store') && document.getElementById('shop-a').storefront);
    await page.locator('#cloves').click();
    assert.deepEqual(await lines(page, 'shop-a'), []);
    release();
    await badge(page, '#cart-a').filter({ hasText: '1' }).waitFor();
    assert.deepEqual(await lines(page, 'shop-a'), [{ productId: 'cengkeh-ternate', quantity: 1 }]);
    assert.deepEqual([...log.errors, ...log.pageErrors], []);
    await context.close();
  });
});

describe('the loader', () => {
  const chunk = (log, name) => log.requests.filter((u) => new RegExp(`/dist/chunks/${name}-[\\w-]+\\.js(\\?|$)`).test(u));

  it('imports the chunk of an element when it first appears, the cart on use (preloaded on hover), and nothing else', async () => {
    const { page, context, log } = await open('gen/one.html');
    await page.locator('mendunia-product-card [part="title"]').waitFor();
    // On sight: the currency selector of the page. Not the grid (no grid here), not the cart yet.
    await page.waitForFunction(() => customElements.get('mendunia-currency-selector'));
    assert.equal(chunk(log, 'main').length, 1);
    assert.equal(chunk(log, 'currency-selector').length, 1);
    assert.deepEqual([...chunk(log, 'product-grid'), ...chunk(log, 'cart'), ...chunk(log, 'checkout')], []);
    assert.equal(await page.evaluate(() => !!customElements.get('mendunia-cart')), false);
    // Intent: fetched, not run.
    await page.locator('mendunia-cart-button button').hover();
    await page.waitForFunction(() => document.querySelector('link[rel="modulepreload"][href*="/chunks/cart-"]'));
    assert.equal(await page.evaluate(() => !!customElements.get('mendunia-cart')), false);
    // Use: the drawer opens.
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="title"]').waitFor();
    assert.equal(chunk(log, 'cart').length, 1, 'the preloaded chunk is not fetched again');
    // An element added later is defined too.
    await page.evaluate(() => document.body.append(document.createElement('mendunia-product-grid')));
    await page.waitForFunction(() => customElements.get('mendunia-product-grid'));
    await page.locator('mendunia-product-grid mendunia-product-card').first().waitFor();
    assert.deepEqual([...log.pageErrors, ...log.errors, ...log.warnings], []);
    await context.close();
  });

  it('says which chunk could not be loaded', async () => {
    const { page, context, log } = await open('gen/one.html', { beforeGoto: (p) => p.route('**/chunks/currency-selector-*.js', (r) => r.abort()) });
    await page.locator('mendunia-product-card [part="title"]').waitFor();
    await page.waitForFunction(() => document.readyState === 'complete');
    await expectError(page, log, /^Mendunia: <mendunia-currency-selector> could not be loaded from http:\/\/127\.0\.0\.1:\d+\/dist\/chunks\/currency-selector-[\w-]+\.js\.$/);
    // Until (or unless) its code runs, a control keeps the height it will have: its line does not
    // grow under the page when the code arrives (layout shift).
    const box = await page.evaluate(() => {
      const el = document.querySelector('mendunia-currency-selector');
      return { defined: el.matches(':defined'), display: getComputedStyle(el).display, height: el.getBoundingClientRect().height };
    });
    assert.deepEqual({ ...box, height: box.height >= 36 }, { defined: false, display: 'inline-block', height: true });
    await context.close();
  });
});

async function expectError(page, log, pattern) {
  for (let i = 0; i < 50 && !log.errors.some((e) => pattern.test(e)); i++) await page.waitForTimeout(100);
  assert.ok(log.errors.some((e) => pattern.test(e)), log.errors.join('\n'));
}

describe('mendunia.js loaded twice', () => {
  /** Adds through a card and a declarative button, then opens the checkout. */
  async function shopAndCheckout(page) {
    const card = page.locator('mendunia-product-card');
    await card.locator('[part="add-button"]').click();
    await badge(page).filter({ hasText: '1' }).waitFor();
    await page.locator('#declarative').click();
    await badge(page).filter({ hasText: '2' }).waitFor();
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="checkout-button"]').click();
    await page.locator('mendunia-checkout #f-name').waitFor();
    // Each copy's add and checkout listeners would have doubled these.
    assert.deepEqual(await lines(page), [
      { productId: 'cengkeh-ternate', quantity: 1 },
      { productId: 'kayu-manis-kerinci', quantity: 1 },
    ]);
  }

  it('the same version twice: silent, and everything happens once', async () => {
    const { page, context, log } = await open('gen/two-same.html');
    await page.locator('mendunia-product-card [part="title"]').waitFor();
    await shopAndCheckout(page);
    assert.equal(log.requests.filter((u) => u.endsWith('/dist/mendunia.js')).length, 1, 'the browser fetches one URL once');
    assert.equal(log.requests.filter((u) => CHECKOUT_CHUNK.test(u)).length, 1);
    assert.deepEqual([...log.pageErrors, ...log.errors, ...log.warnings], []);
    await context.close();
  });

  it('another version second: one console warning, the first version keeps working, one checkout', async () => {
    const { page, context, log } = await open('gen/two-versions.html');
    await page.locator('mendunia-product-card [part="title"]').waitFor();
    await shopAndCheckout(page);
    assert.ok(log.requests.some((u) => u.endsWith('/gen/other/mendunia.js')), 'the other version was loaded');
    assert.deepEqual(
      log.requests.filter((u) => CHECKOUT_CHUNK.test(u)).map((u) => new URL(u).pathname.replace(/-[\w-]+\.js$/, '.js')),
      ['/dist/chunks/checkout.js'],
    );
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, []);
    assert.equal(log.warnings.length, 1, log.warnings.join('\n'));
    // Which tag is named depends on the order the chunks define them (the first one met).
    assert.match(
      log.warnings[0],
      /^Mendunia 0\.0\.9: <mendunia-[a-z-]+> is already defined by Mendunia 0\.1\.0; keeping that definition\. Load Mendunia once per page\.$/,
    );
    await context.close();
  });
});

describe('aggressive host CSS', () => {
  it('does not break the card, the cart drawer or the checkout', async () => {
    const { page, context, log } = await open('host-css.html', { viewport: { width: 1280, height: 900 } });
    const card = page.locator('.cards mendunia-product-card').first();
    await card.locator('[part="title"]').waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('.cards mendunia-product-card').shadowRoot.querySelector('[part="image"]');
      return img?.complete && img.naturalWidth > 0;
    });

    // The card: 280px wide (the page's grid), the image filling its square box.
    const cardBox = await card.locator('[part="base"]').boundingBox();
    assert.ok(Math.abs(cardBox.width - 280) <= 1, `card width ${cardBox.width}`);
    const media = await card.evaluate((el) => el.shadowRoot.querySelector('.media').getBoundingClientRect().toJSON());
    const image = await card.locator('[part="image"]').boundingBox();
    assert.ok(Math.abs(media.width - (cardBox.width - 2)) <= 1, `image box ${media.width} in a ${cardBox.width} card`);
    assert.ok(Math.abs(image.width - media.width) <= 1 && Math.abs(image.height - media.height) <= 1, `image ${JSON.stringify(image)} in ${JSON.stringify(media)}`);

    // The add button: its own size, font and spacing, none of the page's.
    const button = card.locator('[part="add-button"]');
    const buttonBox = await button.boundingBox();
    assert.ok(buttonBox.height >= 36 && buttonBox.height <= 60, `button height ${buttonBox.height}`);
    assert.ok(buttonBox.width >= 100, `button width ${buttonBox.width}`);
    const style = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, transform: s.textTransform, spacing: s.letterSpacing, style: s.fontStyle, indent: s.textIndent, whiteSpace: s.whiteSpace, shadow: s.textShadow };
    });
    assert.doesNotMatch(style.font, /Comic/);
    assert.deepEqual({ ...style, font: undefined }, { font: undefined, transform: 'none', spacing: 'normal', style: 'normal', indent: '0px', whiteSpace: 'nowrap', shadow: 'none' });
    const title = await card.locator('[part="title"]').evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize), align: s.textAlign, whiteSpace: s.whiteSpace };
    });
    assert.deepEqual({ ...title, lineHeight: Math.round(title.lineHeight * 10) / 10 }, { color: 'rgb(31, 26, 23)', lineHeight: 1.3, align: 'start', whiteSpace: 'normal' });

    // The quantity field keeps its size (host CSS on inputs does not reach in).
    const quantity = await card.locator('[part="quantity"] input').boundingBox();
    assert.ok(quantity.width >= 30 && quantity.height >= 30 && quantity.height <= 50, JSON.stringify(quantity));

    // The grid lays its cards out side by side.
    const gridCards = page.locator('mendunia-product-grid mendunia-product-card');
    await gridCards.first().locator('[part="title"]').waitFor();
    const boxes = await gridCards.evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
    assert.equal(boxes.length, 3);
    assert.ok(boxes[1].x > boxes[0].x + boxes[0].width - 1 && Math.abs(boxes[1].y - boxes[0].y) < 1, JSON.stringify(boxes));

    await page.screenshot({ path: new URL('host-css-cards.png', shots).pathname });

    // The cart drawer: 28rem wide, full height, at the inline end.
    await button.click();
    await page.locator('mendunia-cart-button button').click();
    const drawer = page.locator('mendunia-cart dialog');
    await drawer.waitFor();
    const drawerBox = await drawer.boundingBox();
    assert.ok(Math.abs(drawerBox.width - 448) <= 1, `drawer width ${drawerBox.width}`);
    assert.ok(Math.abs(drawerBox.height - 900) <= 1 && Math.abs(drawerBox.x + drawerBox.width - 1280) <= 1, JSON.stringify(drawerBox));
    const checkoutButton = page.locator('mendunia-cart [part="checkout-button"]');
    const cbBox = await checkoutButton.boundingBox();
    assert.ok(cbBox.height >= 36 && cbBox.width > 300, JSON.stringify(cbBox));
    await page.screenshot({ path: new URL('host-css-cart.png', shots).pathname });

    // The checkout dialog: centred, 44rem wide, its fields usable.
    await checkoutButton.click();
    const name = page.locator('mendunia-checkout #f-name');
    await name.waitFor();
    const dialog = await page.locator('mendunia-checkout dialog').boundingBox();
    assert.ok(Math.abs(dialog.width - 704) <= 1, `checkout width ${dialog.width}`);
    assert.ok(Math.abs(dialog.x - (1280 - dialog.width) / 2) <= 1, `checkout x ${dialog.x}`);
    const field = await name.boundingBox();
    assert.ok(field.width > 200 && field.height >= 30 && field.height <= 50, JSON.stringify(field));
    await name.fill('Tan Mei Ling');
    assert.equal(await name.inputValue(), 'Tan Mei Ling');
    await page.screenshot({ path: new URL('host-css-checkout.png', shots).pathname });

    assert.deepEqual([...log.pageErrors, ...log.errors], []);
    await context.close();
  });
});
