// The documentation site: built from docs/*.md, its live examples render with the real bundle.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { checkLinks } from '../scripts/check-links.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let server;
let browser;

before(async () => {
  execFileSync(process.execPath, [join(root, 'scripts/docs-site.mjs')], { stdio: 'pipe' });
  server = await serve({ port: 0, mounts: { '/': join(root, 'docs/site') } });
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('docs site', () => {
  it('renders pages with working links and live examples', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const base = `http://127.0.0.1:${server.address().port}/`;
    await page.goto(`${base}README.html`);
    assert.match(await page.locator('h1').first().textContent(), /Mendunia documentation/);
    await page.locator('nav a', { hasText: '<mendunia-product-card>' }).first().click();
    await page.waitForURL(/elements\/mendunia-product-card\.html$/);
    const card = page.locator('.live mendunia-product-card');
    await card.locator('[part="title"]').waitFor();
    await card.locator('[part="price"]').filter({ hasText: 'US$' }).waitFor();
    await page.screenshot({ path: fileURLToPath(new URL('./screenshots/docs-site.png', import.meta.url)) });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('has no broken link: every local href and src names a file of the site, every #fragment an id', () => {
    assert.deepEqual(checkLinks(join(root, 'docs/site')), []);
  });

  it('renders the OpenAPI description as a page, linked from the index', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/README.html`);
    await page.locator('main a[href="openapi.html"]').first().click();
    await page.waitForURL(/openapi\.html$/);
    await page.locator('h3', { hasText: 'POST /api/quotes' }).waitFor();
    // A schema reference leads to that schema's properties.
    await page.locator('a[href="#schema-quoterequest"]').first().click();
    assert.match(await page.locator('#schema-quoterequest ~ table').first().textContent(), /destination|items|lines/i);
    assert.equal(await page.locator('a[href="openapi.json"]').count(), 1, 'the raw JSON is linked too');
    await page.close();
  });

  it('opened from disk, live examples say to serve the site instead of failing', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(root, 'docs/site/elements/mendunia-product-card.html')).href);
    const live = page.locator('.live').first();
    assert.match(await live.textContent(), /npm run docs -- --serve/);
    assert.equal(await live.locator('mendunia-product-card').count(), 0);
    await page.close();
  });
});
