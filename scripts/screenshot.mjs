import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { chromeArgs, chromePath } from './chrome.mjs';
const [,, out='/tmp/full.png', currency='USD', width='1280', lang='en', scrollTo=''] = process.argv;
const server = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs });
const page = await browser.newPage({ viewport: { width: +width, height: 900 }, locale: 'en-US' });
page.on('console', m => console.log('console:', m.type(), m.text()));
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.locator('mendunia-product-card [part="title"]').first().waitFor();
await page.locator('mendunia-currency-selector select').selectOption(currency);
if (lang !== 'en') await page.locator('mendunia-locale-selector select').selectOption(lang);
await page.waitForTimeout(500);
if (scrollTo) { await page.locator(scrollTo).first().scrollIntoViewIfNeeded(); await page.screenshot({ path: out }); }
else await page.screenshot({ path: out, fullPage: true });
await browser.close(); server.close();
