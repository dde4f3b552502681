// End to end through the reference server: the demo store with `api` set, a buyer checks out,
// the server prices and stores the order, and the merchant sees it in the orders CLI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';
import { startApiServer } from './support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/server/bin/mendunia-server.js');
const dataDir = mkdtempSync(join(tmpdir(), 'mendunia-e2e-'));

let api;
let apiProcess;
let demo;
let browser;

before(async () => {
  apiProcess = await startApiServer({ dataDir });
  api = apiProcess.url;
  demo = await serve({ port: 0, api });
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => demo?.close(r));
  apiProcess?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo through the Storefront API server', () => {
  it('browse → cart → checkout → the server stores the order → the merchant sees it in the CLI', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const apiCalls = [];
    page.on('request', (r) => r.url().startsWith(api) && apiCalls.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await page.goto(`http://127.0.0.1:${demo.address().port}/`);
    // The store keeps its own catalog/rates/checkout files; the api-only case is below.
    const card = page.locator('mendunia-product-card[product-id="batik-kawung-cap"]');
    await card.locator('[part="title"]').waitFor();
    await card.locator('[part="add-button"]').click();
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="checkout-button"]').click();
    const co = (s) => page.locator(`mendunia-checkout ${s}`);
    await co('#f-name').fill('Tan Mei Ling');
    await co('#f-email').fill('mei@example.sg');
    await co('[part="next-button"]').click();
    await co('#a-country').selectOption('SG');
    await co('#a-name').fill('Tan Mei Ling');
    await co('#a-addressLine1').fill('1 Orchard Road');
    await co('#a-postalCode').fill('238823');
    await co('#f-phone').fill('+65 8123 4567');
    await co('[part="next-button"]').click();
    await co('fieldset').waitFor();
    await co('[part="next-button"]').click();
    await co('[part="place-order-button"]').click();
    await co('.reference').waitFor();
    const reference = (await co('.reference').textContent()).trim();
    assert.ok(apiCalls.includes('POST /api/quotes') && apiCalls.includes('POST /api/orders'), apiCalls.join(', '));

    const listed = execFileSync(process.execPath, [bin, 'orders', 'list', '--data-dir', dataDir], { encoding: 'utf8' });
    assert.match(listed, new RegExp(reference));
    const shown = execFileSync(process.execPath, [bin, 'orders', 'show', reference, '--data-dir', dataDir], { encoding: 'utf8' });
    assert.match(shown, /Stamped Kawung Batik Cloth in Indigo/);
    await context.close();
  });
});

describe('a page with only `api` set', () => {
  it('gets catalog, rates and the checkout configuration from the server', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const html = `<!doctype html><html lang="en"><head><script src="/dist/mendunia.js" defer></script></head><body>
      <mendunia-store api="${api}" currency="USD" store-id="api-only">
        <mendunia-product-card product-id="cengkeh-ternate"></mendunia-product-card>
        <mendunia-cart-button></mendunia-cart-button><mendunia-cart></mendunia-cart>
      </mendunia-store></body></html>`;
    // Served from loopback like the API (Chromium refuses a public page calling loopback).
    const pageDir = join(dataDir, 'page');
    mkdirSync(pageDir, { recursive: true });
    writeFileSync(join(pageDir, 'index.html'), html);
    const site = await serve({ port: 0, mounts: { '/dist/': join(root, 'packages/embed/dist'), '/': pageDir } });
    after(() => new Promise((r) => site.close(r)));
    await page.goto(`http://127.0.0.1:${site.address().port}/`);
    const card = page.locator('mendunia-product-card');
    await card.locator('[part="title"]').filter({ hasText: 'Cloves' }).waitFor();
    await card.locator('[part="price"]').filter({ hasText: 'US$' }).waitFor();
    await card.locator('[part="add-button"]').click();
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="checkout-button"]').click();
    await page.locator('mendunia-checkout #f-name').waitFor();
    await context.close();
  });
});

