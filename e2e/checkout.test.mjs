// End to end: the demo store's cross-border checkout in Chromium, from the cart to the order
// hand-off, for several destinations, with a reload in the middle and a blocked item.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from './support.mjs';
import { mkdirSync } from 'node:fs';

const shots = new URL('./screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });

let browser;
let base;
let demo;
before(async () => ({ browser, base } = demo = await startDemo()));
after(() => demo?.stop());

async function shop() {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(base);
  await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
  return { page, context, errors, requests };
}

const co = (page, selector) => page.locator(`mendunia-checkout ${selector}`);

async function add(page, id, times = 1) {
  const card = page.locator(`mendunia-product-card[product-id="${id}"]`);
  for (let i = 0; i < times; i++) await card.locator('[part="add-button"]').click();
}

async function startCheckout(page) {
  await page.locator('mendunia-cart-button button').click();
  await page.locator('mendunia-cart [part="checkout-button"]').click();
  await co(page, '#f-name').waitFor();
}

async function contact(page) {
  await co(page, '#f-name').fill('Tan Mei Ling');
  await co(page, '#f-email').fill('mei@example.com');
  await co(page, '[part="next-button"]').click();
  await co(page, '#a-country').waitFor();
}

const ADDRESSES = {
  SG: { addressLine1: '1 Orchard Road', postalCode: '238823' },
  DE: { addressLine1: 'Torstraße 1', postalCode: '10119', city: 'Berlin' },
  US: { addressLine1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105' },
  JP: { region: '13', addressLine1: '1-1 Chiyoda, Chiyoda-ku', postalCode: '100-0001' },
  AU: { addressLine1: '1 George St', city: 'Sydney', region: 'NSW', postalCode: '2000' },
};

// Each in the destination's own national format: the phone is checked against the country chosen.
const PHONES = { SG: '8123 4567', DE: '030 1234567', US: '(415) 555-0134', JP: '090-1234-5678', AU: '0412 345 678' };

async function address(page, country) {
  await co(page, '#a-country').selectOption(country);
  await co(page, '#a-name').fill('Tan Mei Ling');
  for (const [field, value] of Object.entries(ADDRESSES[country])) {
    const el = co(page, `#a-${field}`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
    else await el.fill(value);
  }
  await co(page, '#f-phone').fill(PHONES[country]);
  await co(page, '[part="next-button"]').click();
  await co(page, 'fieldset, [part="blocked"]').first().waitFor();
}

async function review(page) {
  await co(page, '[part="next-button"]').click();
  await co(page, '[part="landed-cost"]').waitFor();
  return (await co(page, '[part="landed-cost"]').textContent()).replace(/\s+/g, ' ');
}

describe('checkout on the demo store', () => {
  it('loads the checkout code only when a buyer checks out', async () => {
    const { page, context, requests } = await shop();
    const checkoutChunk = (u) => /\/chunks\/checkout-[\w-]+\.js$/.test(u);
    assert.equal(requests.filter(checkoutChunk).length, 0);
    await add(page, 'cengkeh-ternate');
    await startCheckout(page);
    assert.equal(requests.filter(checkoutChunk).length, 1);
    await context.close();
  });

  it('Singapore: nothing due on import; the WhatsApp message holds every line, the totals and the reference', async () => {
    const { page, context, errors } = await shop();
    await add(page, 'batik-kawung-cap');
    await add(page, 'kopi-gayo-arabika', 2);
    await startCheckout(page);
    await contact(page);
    await address(page, 'SG');
    const landed = await review(page);
    assert.match(landed, /Nothing to pay on import/);
    await co(page, '[part="place-order-button"]').click();
    const reference = (await co(page, '.reference').textContent()).trim();
    assert.match(reference, /^MDN-\d{6}-[A-Z2-9]{5}$/);
    const href = await co(page, '[part="handoff"] a.primary').getAttribute('href');
    assert.match(href, /^https:\/\/wa\.me\/6281227771234\?text=/);
    const text = decodeURIComponent(href.split('?text=')[1]);
    for (const part of [reference, '1 × Stamped Kawung Batik Cloth in Indigo', '2 × Gayo Arabica Coffee, Wet-hulled', 'Shipping (', 'Total: Rp', '1 Orchard Road', 'SINGAPORE', 'mei@example.com']) {
      assert.ok(text.includes(part), `WhatsApp text lacks "${part}":\n${text}`);
    }
    assert.match(await co(page, '[part="handoff"] a[href^="mailto:"]').getAttribute('href'), /^mailto:pesanan@rumahnusantara\.example\?subject=Order%20MDN-/);
    // The cart is emptied once the order is placed; the order itself is kept.
    assert.equal(await page.locator('mendunia-cart-button [part="badge"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Germany over €150: import VAT and duty payable on delivery, explained line by line', async () => {
    const { page, context } = await shop();
    await add(page, 'batik-parang-tulis', 3);
    await startCheckout(page);
    await contact(page);
    await address(page, 'DE');
    const landed = await review(page);
    assert.match(landed, /Payable on delivery \(estimated\)/);
    assert.match(landed, /over the EU's €150 limit|above the EU's €150 limit|over €150|more than €150/i);
    assert.match(landed, /Import VAT \(DE, 19 %\)/);
    assert.match(landed, /Customs duty/);
    // In the destination's currency (the sum of the lines shown), with the rupiah beside it.
    assert.match(landed, /Estimated to pay on delivery: €[\d.,]+ \(Rp [\d,]+\)/);
    await co(page, '[part="landed-cost"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('checkout-review-de.png', shots).pathname });
    await context.close();
  });

  for (const [country, expectation] of [
    ['US', /Customs duty|duty/i],
    ['JP', /Nothing to pay on import|consumption tax/i],
  ]) {
    it(`${country}: the review explains the import charges`, async () => {
      const { page, context } = await shop();
      await add(page, 'anting-perak-kotagede');
      await startCheckout(page);
      await contact(page);
      await address(page, country);
      const landed = await review(page);
      assert.match(landed, expectation);
      await co(page, '[part="place-order-button"]').click();
      await co(page, '.reference').waitFor();
      await context.close();
    });
  }

  it('Australia: the forest honey is blocked with its reason before anything is paid', async () => {
    const { page, context } = await shop();
    await add(page, 'madu-hutan-sumbawa');
    await add(page, 'cengkeh-ternate');
    await startCheckout(page);
    await contact(page);
    await address(page, 'AU');
    const blocked = (await co(page, '[part="blocked"]').textContent()).replace(/\s+/g, ' ');
    assert.match(blocked, /Sumbawa Wild Forest Honey/);
    assert.match(blocked, /honey/i);
    assert.equal(await co(page, '[part="next-button"]').isDisabled(), true);
    await co(page, '[part="blocked"] button').click();
    assert.equal(await co(page, '[part="next-button"]').isDisabled(), false);
    await context.close();
  });

  it('a reload in the middle keeps what the buyer entered', async () => {
    const { page, context } = await shop();
    await add(page, 'cengkeh-ternate');
    await startCheckout(page);
    await contact(page);
    await co(page, '#a-country').selectOption('DE');
    await co(page, '#a-addressLine1').fill('Torstraße 1');
    await page.reload();
    await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
    await startCheckout(page).catch(() => {});
    await co(page, '#a-addressLine1').waitFor();
    assert.equal(await co(page, '#a-addressLine1').inputValue(), 'Torstraße 1');
    assert.equal(await co(page, '#a-country').inputValue(), 'DE');
    await context.close();
  });
});
