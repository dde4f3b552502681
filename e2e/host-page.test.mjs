// End to end, issue 13: the demo store on small screens (320 px, 400 % zoom as 320×256 CSS px),
// under a host root font of 62.5 %, with a Trusted Types policy required, and beside another
// script that took one of Mendunia's tag names. Screenshots go to e2e/screenshots/ (git-ignored)
// for a person to look at.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { startDemo } from './support.mjs';

const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(shots, { recursive: true });

let demo;
before(async () => {
  demo = await startDemo();
});
after(async () => {
  await demo?.stop();
});

/** A page of the demo store in a context of the given size; console errors are collected. */
async function open(options, url = demo.base) {
  const context = await demo.browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
  return { context, page, errors };
}

const co = (page, selector) => page.locator(`mendunia-checkout ${selector}`);

async function addTwoAndOpenCart(page) {
  for (const id of ['batik-parang-tulis', 'kopi-gayo-arabika']) {
    await page.locator(`mendunia-product-card[product-id="${id}"] [part="add-button"]`).click();
  }
  await page.locator('mendunia-cart-button [part="badge"]').filter({ hasText: '2' }).waitFor();
  await page.locator('mendunia-cart-button button').click();
  await page.locator('mendunia-cart [part="line"]').nth(1).waitFor();
}

async function toReview(page) {
  await page.locator('mendunia-cart [part="checkout-button"]').click();
  await co(page, '#f-name').fill('Jordan Avery');
  await co(page, '#f-email').fill('jordan@example.com');
  await co(page, '[part="next-button"]').click();
  await co(page, '#a-country').selectOption('DE');
  await co(page, '#a-name').fill('Jordan Avery');
  await co(page, '#a-addressLine1').fill('Torstraße 1');
  await co(page, '#a-postalCode').fill('10119');
  await co(page, '#a-city').fill('Berlin');
  await co(page, '#f-phone').fill('+49 30 1234567');
  await co(page, '[part="next-button"]').click();
  await co(page, 'fieldset').first().waitFor();
  await co(page, '[part="next-button"]').click();
  await co(page, '[part="landed-cost"]').waitFor();
}

/** Elements in a shadow root (`host`) whose content is wider than their box, or that stick out of the viewport. */
function overflowIn(page, host) {
  return page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    const vw = document.documentElement.clientWidth;
    const out = [];
    for (const el of root.querySelectorAll('*')) {
      if (el.closest('[hidden], .visually-hidden') || el.localName === 'style') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''}`;
      const style = getComputedStyle(el);
      // Scroll containers may scroll; anything else must fit its content.
      const scrolls = /auto|scroll/.test(style.overflowX);
      if (!scrolls && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.overflowX !== 'visible') out.push(`${name} clips ${el.scrollWidth - el.clientWidth}px`);
      if (r.right > vw + 0.5 || r.left < -0.5) out.push(`${name} sticks out (${Math.round(r.left)}…${Math.round(r.right)} of ${vw})`);
    }
    return out;
  }, host);
}

describe('reflow at 320 px (WCAG 1.4.10)', () => {
  it('cart and checkout review fit 320 px: nothing clipped, the × and every price inside the screen', async () => {
    const { context, page, errors } = await open({ viewport: { width: 320, height: 640 } });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'the page itself does not scroll sideways');
    await page.screenshot({ path: `${shots}reflow-320-cards.png` });
    await addTwoAndOpenCart(page);
    await page.screenshot({ path: `${shots}reflow-320-cart.png` });
    assert.deepEqual(await overflowIn(page, 'mendunia-cart'), []);
    await toReview(page);
    await page.screenshot({ path: `${shots}reflow-320-review.png` });
    assert.deepEqual(await overflowIn(page, 'mendunia-checkout'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('400 % zoom (320×256 CSS px)', () => {
  it('keeps the cart lines visible and a focused ± on screen', async () => {
    const { context, page, errors } = await open({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
    await addTwoAndOpenCart(page);
    await page.screenshot({ path: `${shots}zoom-400-cart.png` });
    assert.deepEqual(await overflowIn(page, 'mendunia-cart'), []);
    const lines = await page.locator('mendunia-cart [part="lines"]').boundingBox();
    assert.ok(lines.height > 100, `the line list is ${lines.height}px tall`);
    // Tab to the + of the second line: it must be scrolled into view.
    const plus = page.locator('mendunia-cart [part="line"]').nth(1).locator('[part="line-quantity"] button').nth(1);
    await plus.focus();
    await page.keyboard.press('Enter');
    await page.screenshot({ path: `${shots}zoom-400-cart-focused.png` });
    const box = await plus.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 256, `the focused + is at ${JSON.stringify(box)}`);
    assert.equal(await plus.evaluate((b) => b.matches(':focus-visible') || b.getRootNode().activeElement === b), true);
    await toReview(page);
    await page.screenshot({ path: `${shots}zoom-400-review.png` });
    assert.deepEqual(await overflowIn(page, 'mendunia-checkout'), []);
    const close = await co(page, '[part="close-button"]').boundingBox();
    assert.ok(close.x >= 0 && close.x + close.width <= 320, `the × is at ${JSON.stringify(close)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('a host page with html { font-size: 62.5% } and * { font-size: 9px }', () => {
  it('keeps every target at least 24×24 px', async () => {
    const { context, page, errors } = await open({ viewport: { width: 1280, height: 900 } });
    await page.addStyleTag({ content: 'html { font-size: 62.5% } * { font-size: 9px }' });
    await page.screenshot({ path: `${shots}host-font-62-cards.png` });
    await addTwoAndOpenCart(page);
    await page.screenshot({ path: `${shots}host-font-62-cart.png` });
    const small = await page.evaluate(() => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (!el.matches('button, input, select') || root === document) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.width < 24 || r.height < 24) out.push(`${el.localName} ${el.getAttribute('part') ?? el.getAttribute('aria-label') ?? ''}: ${r.width}×${r.height}`);
        }
      };
      walk(document);
      return out;
    });
    assert.deepEqual(small, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('Trusted Types required by the page', () => {
  let server;
  let base;
  const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; require-trusted-types-for 'script'";
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
  });
  after(() => new Promise((r) => server?.close(r)));

  it('loads the lazy checkout (import(), no script URL to trust) with no violation', async () => {
    const context = await demo.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} ${e.sample}`), true);
    });
    const messages = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
    await page.goto(`${base}csp/`);
    const grid = page.locator('mendunia-product-grid');
    await grid.locator('mendunia-product-card [part="add-button"]').first().click();
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="checkout-button"]').click();
    await page.locator('mendunia-checkout #f-name').waitFor();
    assert.equal(await page.evaluate(() => !!customElements.get('mendunia-checkout')), true);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(messages, []);
    await context.close();
  });
});

describe('another script already defined <mendunia-cart>', () => {
  let server;
  let base;
  before(async () => {
    server = await serve({
      port: 0,
      mounts: {
        '/dist/': fileURLToPath(new URL('../packages/embed/dist/', import.meta.url)),
        '/examples/': fileURLToPath(new URL('../examples/', import.meta.url)),
        '/': fileURLToPath(new URL('./pages/', import.meta.url)),
      },
    });
    base = `http://127.0.0.1:${server.address().port}/`;
  });
  after(() => new Promise((r) => server?.close(r)));

  it('says which tag is taken and by what, and the cart button says why it cannot open', async () => {
    const context = await demo.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${base}foreign-cart.html`);
    await page.locator('mendunia-product-card [part="add-button"]').click();
    await page.locator('mendunia-cart-button [part="badge"]').filter({ hasText: '1' }).waitFor();
    const warnings = messages.filter((m) => m.startsWith('warning: Mendunia'));
    assert.equal(warnings.length, 1, messages.join('\n'));
    assert.match(warnings[0], /<mendunia-cart> is already defined by another script on this page \(class ThemeCart\), not by Mendunia/);
    assert.doesNotMatch(warnings[0], /Load Mendunia once per page/);
    await page.locator('mendunia-cart-button button').click();
    await page.waitForFunction(() => true);
    const errors = messages.filter((m) => m.startsWith('error:'));
    assert.equal(errors.length, 1, messages.join('\n'));
    assert.match(errors[0], /the cart cannot open: <mendunia-cart> on this page is another script's element \(class ThemeCart\)/);
    await context.close();
  });
});
