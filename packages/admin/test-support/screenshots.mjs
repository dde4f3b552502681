// Screenshots of the built dashboard (dist/admin.js) against the in-test fake API, for a person
// to look at: the orders list, an order page and the CN23 print, at 390 and 1280 px, in
// Indonesian. Nothing is asserted and nothing is committed.
//
//   node packages/admin/test-support/screenshots.mjs [out-dir]   (default /tmp/mendunia-admin-shots)
/* global document */ // page.evaluate() runs in the browser
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../../scripts/chrome.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = process.argv[2] ?? '/tmp/mendunia-admin-shots';
mkdirSync(out, { recursive: true });

const fake = transformSync(readFileSync(join(here, '../src/test/fake-api.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' }).code;
const page = `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mendunia admin</title><body style="margin:0">
<mendunia-admin></mendunia-admin>
<script type="module">
  import { FakeAdminApi } from '/fake-api.js';
  const fake = new FakeAdminApi({ signedIn: true, orders: 6 });
  globalThis.fetch = fake.fetch;
  await import('/admin.js');
</script></body></html>`;
const files = {
  '/': ['text/html', page],
  '/fake-api.js': ['text/javascript', fake],
  '/admin.js': ['text/javascript', readFileSync(join(here, '../dist/admin.js'))],
};
const server = createServer((req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  if (!file) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const tab = await context.newPage();
    const shots = [
      ['list', '#/orders', 'mendunia-admin-orders tbody tr'],
      ['order', '#/orders/MDN-261207-K7QXM', 'mendunia-admin-order tbody tr'],
      ['cn23', '#/orders/MDN-261207-K7QXM/customs', 'mendunia-admin-paperwork .sheet'],
    ];
    for (const [name, hash, ready] of shots) {
      await tab.goto(base + hash);
      await tab.locator(ready).first().waitFor();
      const scroll = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (scroll > 0) console.warn(`${name} at ${width} px scrolls sideways by ${scroll} px`);
      await tab.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
    }
    if (width === 1280) {
      await tab.emulateMedia({ media: 'print' });
      await tab.screenshot({ path: join(out, 'cn23-print.png'), fullPage: true });
      await tab.pdf({ path: join(out, 'cn23.pdf'), preferCSSPageSize: true, printBackground: true });
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${out}`);
