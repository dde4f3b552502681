// A newcomer follows docs/getting-started.md and nothing else: copies the files its table lists
// from packages/embed/dist into an empty folder, saves its page and its sample rates, adds the
// demo shop's catalog, checkout settings and images as it says, serves the folder with the
// command it gives (`mendunia serve`), then shops: a laid-out grid, fresh-enough rates, Japanese,
// and an order to Germany. If the page forgets a file (say locales/ or data/), this test fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const guide = readFileSync(join(root, 'docs/getting-started.md'), 'utf8');

/** The text of the first fenced block of `lang` after `marker` in the guide. */
function blockAfter(marker, lang) {
  const at = guide.indexOf(marker);
  assert.ok(at >= 0, `docs/getting-started.md no longer contains "${marker}"`);
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n\\s*```').exec(guide.slice(at));
  assert.ok(match, `no \`\`\`${lang} block after "${marker}"`);
  // Blocks inside a list item are indented: drop the item's indentation.
  const indent = /^( *)/.exec(match[1])[1].length;
  return match[1].split('\n').map((line) => line.slice(Math.min(indent, /^ */.exec(line)[0].length))).join('\n');
}

/** The files the guide's copy table names (first column of the table after "### Get the script"). */
function filesToCopy() {
  const section = guide.slice(guide.indexOf('### Get the script'), guide.indexOf('### Exchange rates'));
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1].replace(/\/$/, ''));
}

let folder;
let cli;
let base;
let browser;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'mendunia-newcomer-'));
  const copied = filesToCopy();
  assert.deepEqual(copied, ['mendunia.js', 'chunks', 'locales', 'data'], 'the guide lists the four things to copy');
  for (const name of copied) cpSync(join(root, 'packages/embed/dist', name), join(folder, 'mendunia', name), { recursive: true });
  writeFileSync(join(folder, 'index.html'), blockAfter('<!-- getting-started:page', 'html'));
  writeFileSync(join(folder, 'rates.json'), blockAfter('- **A JSON file that you update yourself**', 'json'));
  for (const name of ['catalog.json', 'checkout.json', 'images']) cpSync(join(root, 'examples/plain-html', name), join(folder, name), { recursive: true });

  // `npx mendunia serve .` from the folder, as the guide says (port 0: any free port).
  cli = spawn(process.execPath, [join(root, 'packages/cli/bin/mendunia.js'), 'serve', '.', '--port', '0'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let out = '';
    cli.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/localhost:\d+\//.exec(out);
      if (url) resolve(url[0]);
    });
    cli.stderr.on('data', (chunk) => (out += chunk));
    cli.once('exit', (code) => reject(new Error(`mendunia serve exited (${code}): ${out}`)));
  });
  browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  if (cli && cli.exitCode === null) {
    const exited = new Promise((r) => cli.once('exit', r));
    cli.kill('SIGTERM');
    await exited;
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('a newcomer following docs/getting-started.md', () => {
  it('gets a laid-out shop with current-looking rates, switches to Japanese and orders to Germany', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    const missing = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // (Failed loads are in `missing`, with their URL; Chromium's own favicon.ico request is not.)
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
    await page.goto(base);

    const card = page.locator('mendunia-product-card[product-id="batik-parang-tulis"]');
    await card.locator('[part="price"]').filter({ hasText: 'US$' }).waitFor();
    // The grid lays the cards out in columns: no card as wide as the page.
    const box = await card.boundingBox();
    assert.ok(box.width < 500, `a card is ${box.width}px wide`);
    const cards = await page.locator('mendunia-product-card').count();
    assert.ok(cards >= 3, `${cards} cards`);
    // The sample rates are not flagged as out of date, and GBP (for UK duties) is offered.
    const currency = page.locator('mendunia-currency-selector');
    assert.doesNotMatch(await currency.textContent(), /out of date/);
    assert.ok(await currency.locator('option[value="GBP"]').count(), 'GBP is offered');

    await page.locator('mendunia-locale-selector select').selectOption('ja');
    await card.locator('[part="add-button"]').filter({ hasText: 'カートに入れる' }).waitFor();
    assert.equal(await page.locator('mendunia-locale-selector [part="status"]').textContent(), '');
    for (let i = 0; i < 3; i++) await card.locator('[part="add-button"]').click();

    const co = (selector) => page.locator(`mendunia-checkout ${selector}`);
    await page.locator('mendunia-cart-button button').click();
    await page.locator('mendunia-cart [part="checkout-button"]').click();
    await co('#f-name').fill('Tanaka Yui');
    await co('#f-email').fill('yui@example.com');
    await co('[part="next-button"]').click();
    await co('#a-country').selectOption('DE');
    await co('#a-name').fill('Tanaka Yui');
    await co('#a-addressLine1').fill('Torstraße 1');
    await co('#a-postalCode').fill('10119');
    await co('#a-city').fill('Berlin');
    await co('#f-phone').fill('030 1234567');
    await co('[part="next-button"]').click();
    await co('fieldset').waitFor();
    await co('[part="next-button"]').click();
    const landed = (await co('[part="landed-cost"]').textContent()).replace(/\s+/g, ' ');
    // Duties for Germany are estimated (in euros), in Japanese.
    assert.match(landed, /€/);
    assert.match(landed, /[\u3040-\u30ff\u4e00-\u9fff]/);
    await co('[part="place-order-button"]').click();
    assert.match((await co('.reference').textContent()).trim(), /^MDN-\d{6}-[A-Z2-9]{5}$/);
    mkdirSync(new URL('./screenshots/', import.meta.url), { recursive: true });
    await page.screenshot({ path: fileURLToPath(new URL('./screenshots/newcomer-de.png', import.meta.url)) });

    assert.deepEqual(missing, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
