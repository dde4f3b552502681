// The documentation site: built from docs/*.md, its live examples render with the real bundle.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
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
});
