// End to end: the three example themes (examples/themes/), light and dark, forced colors.
// Screenshots go to e2e/screenshots/theme-*.png for a person to look at; the assertions check
// computed colours of parts, so a theme that stops applying fails here first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });
const themesDir = new URL('../examples/themes/', import.meta.url);
// axe-core comes with @open-wc/testing (chai-a11y-axe), as in e2e/a11y.test.mjs.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
  });
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function openTheme(theme, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}themes/${theme}.html`);
  await page.locator('mendunia-product-grid mendunia-product-card [part="title"]').first().waitFor();
  // Prices converted (rates loaded) and the first row's images decoded, so the shot is stable.
  await page.waitForFunction(() => {
    const cards = [...document.querySelector('mendunia-product-grid').shadowRoot.querySelectorAll('mendunia-product-card')].slice(0, 4);
    return cards.every((c) => {
      const img = c.shadowRoot.querySelector('[part="image"]');
      return c.shadowRoot.querySelector('[part="price"]')?.textContent.includes('US$') && img?.complete && img.naturalWidth > 0;
    });
  });
  return { page, context, errors };
}

/** Computed styles of a part of the first card in the grid, or with `grid:` of the grid itself. */
const cardPart = (page, part, props) =>
  page.evaluate(
    ({ part, props }) => {
      const grid = document.querySelector('mendunia-product-grid').shadowRoot;
      const el = part.startsWith('grid:')
        ? grid.querySelector(`[part~="${part.slice(5)}"]`)
        : grid.querySelector('mendunia-product-card').shadowRoot.querySelector(`[part~="${part}"]`);
      const s = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    },
    { part, props },
  );

/** axe on the whole page (it reads open shadow roots): a theme must keep contrast and focus. */
async function audit(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.flat().join(' >>> ')).slice(0, 3).join(', ')}`);
  });
  assert.deepEqual(violations, []);
}

const CASES = [
  {
    theme: 'batik-classic',
    scheme: 'light',
    add: 'rgb(107, 68, 35)',
    card: 'rgb(255, 253, 248)',
    check: async (page) => {
      assert.match((await cardPart(page, 'title', ['font-family']))['font-family'], /Iowan Old Style/);
      assert.equal((await cardPart(page, 'base', ['border-top-color']))['border-top-color'], 'rgb(201, 180, 143)');
      assert.equal((await cardPart(page, 'add-button', ['text-transform']))['text-transform'], 'uppercase');
    },
  },
  { theme: 'batik-classic', scheme: 'dark', add: 'rgb(232, 176, 74)', card: 'rgb(34, 26, 20)' },
  {
    theme: 'minimal',
    scheme: 'light',
    add: 'rgb(17, 17, 17)',
    card: 'rgb(255, 255, 255)',
    check: async (page) => {
      assert.equal((await cardPart(page, 'add-button', ['border-top-left-radius']))['border-top-left-radius'], '0px');
      assert.equal((await cardPart(page, 'description', ['display'])).display, 'none');
      // At most four columns, however wide the page.
      const columns = await page.evaluate(() => getComputedStyle(document.querySelector('mendunia-product-grid').shadowRoot.querySelector('[part="grid"]')).gridTemplateColumns.split(' ').length);
      assert.equal(columns, 4);
    },
  },
  { theme: 'minimal', scheme: 'dark', add: 'rgb(242, 242, 242)', card: 'rgb(14, 14, 14)' },
  {
    theme: 'dark',
    scheme: 'light', // theme="dark" on the store wins over a light system setting
    add: 'rgb(245, 192, 79)',
    card: 'rgb(26, 32, 64)',
    check: async (page) => {
      assert.equal((await cardPart(page, 'price', ['color'])).color, 'rgb(245, 192, 79)');
      // Native controls follow: the store sets color-scheme: dark.
      const scheme = await page.locator('mendunia-currency-selector').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('select')).colorScheme);
      assert.equal(scheme, 'dark');
    },
  },
];

describe('example themes', () => {
  for (const { theme, scheme, add, card, check } of CASES) {
    it(`${theme}, ${scheme} system setting: tokens and parts apply`, async () => {
      const { page, context, errors } = await openTheme(theme, { colorScheme: scheme });
      assert.equal((await cardPart(page, 'add-button', ['background-color']))['background-color'], add);
      assert.equal((await cardPart(page, 'base', ['background-color']))['background-color'], card);
      await check?.(page);
      await audit(page);
      await page.screenshot({ path: new URL(`theme-${theme}-${scheme}.png`, shots).pathname });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('theme="light" keeps a theme light on a dark system; the dark theme themes the cart and its slots', async () => {
    const batik = await openTheme('batik-classic', { colorScheme: 'dark' });
    await batik.page.evaluate(() => document.querySelector('mendunia-store').setAttribute('theme', 'light'));
    assert.equal((await cardPart(batik.page, 'add-button', ['background-color']))['background-color'], 'rgb(107, 68, 35)');
    await batik.context.close();

    const { page, context, errors } = await openTheme('dark');
    await page.locator('mendunia-product-grid mendunia-product-card [part="add-button"]').first().click();
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart dialog').waitFor();
    const cart = await page.locator('mendunia-cart').evaluate((el) => {
      const r = el.shadowRoot;
      return {
        background: getComputedStyle(r.querySelector('[part="base"]')).backgroundColor,
        footer: r.querySelector('slot[name="footer"]').assignedElements().map((e) => e.textContent.trim()),
      };
    });
    assert.deepEqual(cart, { background: 'rgb(21, 26, 51)', footer: ['Packed by hand in Yogyakarta. Ships within two working days.'] });
    const icon = await page.locator('mendunia-cart-button').evaluate((el) => el.shadowRoot.querySelector('slot[name="icon"]').assignedElements().length);
    assert.equal(icon, 1);
    await page.screenshot({ path: new URL('theme-dark-cart.png', shots).pathname });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('forced colors: system colours replace the theme, and the card, buttons and chosen filter stay visible', async () => {
    const { page, context } = await openTheme('batik-classic', { forcedColors: 'active', colorScheme: 'light' });
    const system = await page.evaluate(() => {
      const probe = document.createElement('div');
      document.body.append(probe);
      const read = (c) => ((probe.style.color = c), getComputedStyle(probe).color);
      const out = { canvasText: read('CanvasText'), buttonText: read('ButtonText'), highlight: read('Highlight') };
      probe.remove();
      return out;
    });
    const base = await cardPart(page, 'base', ['border-top-style', 'border-top-color']);
    assert.deepEqual(base, { 'border-top-style': 'solid', 'border-top-color': system.canvasText });
    const button = await cardPart(page, 'add-button', ['border-top-width', 'border-top-color']);
    assert.equal(button['border-top-width'], '1px');
    assert.equal(button['border-top-color'], system.buttonText);
    const pressed = await cardPart(page, 'grid:filter-button-pressed', ['background-color']);
    assert.equal(pressed['background-color'], system.highlight);
    await page.screenshot({ path: new URL('theme-batik-classic-forced-colors.png', shots).pathname });
    await context.close();
  });

  it('themes style Mendunia only through --mendunia-* tokens, ::part() and slots', () => {
    for (const file of ['batik-classic.css', 'minimal.css', 'dark.css']) {
      const css = readFileSync(new URL(file, themesDir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      // Innermost rules (the @media wrappers have no declarations of their own).
      for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        // Rules whose subject is a Mendunia element (not `:root:has(mendunia-store…)`), bar ::part().
        const subjects = selector.split(',').map((one) => one.trim().split(/\s*[\s>+~]\s*/).pop());
        if (!subjects.some((subject) => /^mendunia-/.test(subject) && !subject.includes('::part('))) continue;
        for (const declaration of body.split(';').map((d) => d.trim()).filter(Boolean)) {
          assert.match(declaration, /^(--mendunia-[\w-]+|color-scheme)\s*:/, `${file}: "${selector.trim()}" sets ${declaration}`);
        }
      }
    }
  });
});
