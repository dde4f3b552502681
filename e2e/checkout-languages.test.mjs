// End to end: every word of the checkout in the buyer's language. A pseudo-locale wraps every
// English string in ⟦ ⟧ and a pass through every step (with errors shown) finds no visible text
// that is neither marked nor data; Japanese and Arabic checkouts show no English sentence.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startDemo } from './support.mjs';

const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });
const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const catalog = json('../examples/plain-html/catalog.json');
const checkoutConfig = json('../examples/plain-html/checkout.json');
const mainEn = json('../packages/i18n/src/locales/en.json');
const checkoutEn = json('../packages/i18n/src/locales/checkout/en.json');
const ruleData = [json('../packages/core/src/checkout/data/duties.json'), json('../packages/core/src/checkout/data/restrictions.json')];

/** The official names of the rules' sources: shown as they are, labelled in the buyer's language. */
function sourceNames(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => sourceNames(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'source') [v].flat().forEach((src) => src?.name && out.push(src.name));
      else sourceNames(v, out);
    }
  }
  return out;
}

let browser;
let base;
let demo;
before(async () => ({ browser, base } = demo = await startDemo()));
after(() => demo?.stop());

const co = (page, selector) => page.locator(`mendunia-checkout ${selector}`);

/** Every leaf string wrapped in ⟦ ⟧ (placeholders and plural keys kept as they are). */
function pseudo(strings) {
  return Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, typeof v === 'string' ? `⟦${v}⟧` : pseudo(v)]));
}

function merge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = typeof v === 'object' && typeof out[k] === 'object' ? merge(out[k], v) : v;
  return out;
}

const BUYER = { name: 'Anna Schmidt', email: 'anna@example.de', street: 'Torstraße 1', postal: '10119', city: 'Berlin', phone: '030 1234567' };

/** Text a buyer sees that is data, not words: names from the catalog and configuration, what they typed. */
function dataStrings(lang) {
  const names = [];
  const add = (text) => {
    if (!text) return;
    if (typeof text === 'string') names.push(text);
    else names.push(...Object.values(text));
  };
  for (const p of catalog.products) {
    add(p.name);
    for (const v of p.variants ?? []) add(v.name);
  }
  for (const s of checkoutConfig.shipping.services) {
    add(s.name);
    add(s.carrier);
  }
  // The shop's own words (its payment note) are shown as the shop wrote them.
  add(checkoutConfig.payment?.note);
  const bank = checkoutConfig.payment?.bank ?? {};
  names.push(...Object.values(bank), ...Object.values(BUYER), catalog.merchant?.name ?? '');
  // Country names (the destination picker lists every country the shop ships to).
  const countries = new Set(checkoutConfig.shipping.services.flatMap((s) => s.zones.flatMap((z) => z.countries)));
  for (const style of ['long', 'short', 'narrow']) {
    const regions = new Intl.DisplayNames([lang], { type: 'region', style });
    for (const code of countries) names.push(regions.of(code));
  }
  names.push(...sourceNames(ruleData));
  // What the buyer typed, the example address of the email message, the postal label's country.
  names.push('+49 30 1234567', 'GERMANY', 'not-an-email', 'name@example.com');
  return names.filter(Boolean).sort((a, b) => b.length - a.length);
}

/** What is left of `text` once data is taken out: names, numbers, money, codes, punctuation. */
function words(text, lang) {
  let rest = text.replace(/MDN-\d{6}-[A-Z2-9]{5}/g, ' ');
  // Whole names only: the variant "L" must not take a letter out of "Luxembourg" (Japanese and
  // Chinese put no space between a name and the next word, so only Latin letters bound a name).
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const name of dataStrings(lang)) rest = rest.replace(new RegExp(`(?<![A-Za-z])${escape(name)}(?![A-Za-z])`, 'g'), ' ');
  return rest
    .replace(/\b(Rp|US\$|S\$|A\$|IDR|USD|SGD|EUR|JPY|SAR|HS|kg|g|cm|CN22|CN23|CIF|FOB|DAP|DDP|VAT|GST|SWIFT\/BIC|QRIS|JSON|WhatsApp|×)\b/g, ' ')
    .replace(/[\d.,:;·•×≈%€£¥$()[\]{}+\-–—/'"’“”*!?…#&|<>=~^_@]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function visibleText(page) {
  return page.locator('mendunia-checkout [part="base"]').evaluate((el) => el.innerText);
}

async function shop(lang, viewport = { width: 1280, height: 1000 }) {
  const context = await browser.newContext({ locale: 'en-US', viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
  if (lang === 'pseudo') {
    const wrapped = pseudo(merge(mainEn, checkoutEn));
    await page.evaluate(async (strings) => {
      // The main chunk exports the page's i18next instance (see packages/embed/src/main.ts).
      const main = performance.getEntriesByType('resource').find((e) => /\/chunks\/main-[\w-]+\.js$/.test(e.name)).name;
      const { i18n } = await import(main);
      // Before the checkout code loads: its own strings are added without overwriting these.
      i18n.addResourceBundle('en', 'translation', strings, true, true);
    }, wrapped);
  } else if (lang !== 'en') {
    await page.evaluate((l) => document.querySelector('mendunia-store').setAttribute('locale', l), lang);
    await page.waitForFunction((l) => document.querySelector('mendunia-store mendunia-product-card')?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang') === l || document.querySelector('mendunia-store')?.getAttribute('locale') === l, lang);
  }
  return { page, context, errors };
}

/** Through every step to the confirmation, collecting what the buyer sees at each (errors shown too). */
async function walk(page, lang, shot) {
  const seen = [];
  const look = async (label) => {
    seen.push({ label, text: await visibleText(page) });
    if (shot) await page.screenshot({ path: new URL(`checkout-${shot}-${label}.png`, shots).pathname });
  };
  await page.locator('mendunia-product-card[product-id="kemeja-batik-lasem"] [part="add-button"]').click();
  await page.locator('mendunia-product-card[product-id="batik-parang-tulis"] [part="add-button"]').click();
  await page.locator('mendunia-cart-button button').click();
  await page.locator('mendunia-cart [part="checkout-button"]').click();
  await co(page, '#f-name').waitFor();
  await co(page, '#f-email').fill('not-an-email');
  await co(page, '[part="next-button"]').click();
  await co(page, '[part="error-summary"]').waitFor();
  await look('contact-errors');
  await co(page, '#f-name').fill(BUYER.name);
  await co(page, '#f-email').fill(BUYER.email);
  await co(page, '[part="next-button"]').click();
  await co(page, '#a-country').selectOption('DE');
  await co(page, '#a-postalCode').fill('1');
  await co(page, '#f-phone').fill('12');
  await co(page, '[part="next-button"]').click();
  await co(page, '[part="error-summary"]').waitFor();
  await look('address-errors');
  await co(page, '#a-name').fill(BUYER.name);
  await co(page, '#a-addressLine1').fill(BUYER.street);
  await co(page, '#a-postalCode').fill(BUYER.postal);
  await co(page, '#a-city').fill(BUYER.city);
  await co(page, '#f-phone').fill(BUYER.phone);
  await co(page, '[part="next-button"]').click();
  await co(page, 'fieldset').waitFor();
  await look('shipping');
  await co(page, '[part="next-button"]').click();
  await co(page, '[part="landed-cost"]').waitFor();
  await look('review');
  await co(page, '[part="place-order-button"]').click();
  await co(page, '.reference').waitFor();
  await look('done');
  return seen;
}

describe('checkout wording', () => {
  it('pseudo-locale: every visible word of every step comes from the strings (nothing English is built in code)', async () => {
    const { page, context, errors } = await shop('pseudo');
    const seen = await walk(page, 'en');
    for (const { label, text } of seen) {
      let unmarked = text;
      // Messages nest (a reason inside a sentence): take out the innermost marks first.
      for (let before = ''; before !== unmarked; ) {
        before = unmarked;
        unmarked = unmarked.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      }
      const left = words(unmarked, 'en');
      assert.equal(left, '', `${label}: text that is neither a string nor data: "${left}"\n---\n${text}`);
    }
    assert.ok(seen.find((s) => s.label === 'review').text.includes('⟦'), 'the review shows marked strings');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const lang of ['ja', 'ar']) {
    for (const viewport of [{ width: 1280, height: 1000 }, { width: 390, height: 844 }]) {
      it(`${lang} at ${viewport.width} px: no English sentence in any step; the widget says its language`, async () => {
        const { page, context, errors } = await shop(lang, viewport);
        const seen = await walk(page, lang, `${lang}-${viewport.width}`);
        for (const { label, text } of seen) {
          const left = words(text, lang);
          // Three Latin words in a row is a sentence fragment in English, not a name or a code.
          const english = /[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}/.exec(left);
          assert.equal(english, null, `${lang} ${label}: "${english?.[0]}" is English\n---\n${text}`);
        }
        const base = page.locator('mendunia-checkout [part="base"]');
        assert.equal(await base.getAttribute('lang'), lang);
        assert.equal(await base.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        // The variant is named in the review and the message sent to the shop.
        const href = await co(page, '[part="handoff"] a.primary').getAttribute('href');
        assert.match(decodeURIComponent(href), / — (S|M|L|XL)\n|— (S|M|L|XL) —/);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }
});
