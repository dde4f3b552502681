import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStorefront, memoryStorage, staticRates, type KeyValueStorage } from '@mendunia/core';
import demoCatalog from '../../../../examples/plain-html/catalog.json';
import demoCheckout from '../../../../examples/plain-html/checkout.json';
import { setCountryDataLoader } from '@mendunia/core/checkout/index.js';
import './define.js';
import type { MenduniaCheckout } from './checkout.js';
import { RATES, waitFor } from '../test/fixtures.js';

const q = <T extends HTMLElement = HTMLElement>(el: MenduniaCheckout, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const text = (el: MenduniaCheckout, sel: string) => (q(el, sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

async function setup(options: { storage?: KeyValueStorage; checkout?: unknown; lines?: [string, string | undefined, number][] } = {}) {
  const storage = options.storage ?? memoryStorage();
  const storefront = createStorefront({
    id: 'co',
    catalog: demoCatalog,
    rates: staticRates(RATES),
    defaultCurrency: 'USD',
    currencies: ['IDR', 'USD', 'SGD', 'JPY', 'MYR', 'AUD'],
    locale: 'en',
    storage,
    checkout: 'checkout' in options ? options.checkout : demoCheckout,
    handoff: { whatsapp: '6281227771234', email: 'orders@example.id' },
  });
  await Promise.all([storefront.loadCatalog(), storefront.loadRates()]);
  if (!storage.getItem('mendunia:co:cart')) {
    for (const [id, variant, qty] of options.lines ?? [['batik-kawung-cap', undefined, 1], ['cengkeh-ternate', undefined, 2]]) storefront.cart.add(id, variant, qty);
  }
  const el = await fixture<MenduniaCheckout>(html`<mendunia-checkout inline .storefront=${storefront}></mendunia-checkout>`);
  await waitFor(() => !!q(el, '#step-title') || !!q(el, '[role="alert"]'));
  return { el, storefront, storage };
}

async function fill(el: MenduniaCheckout, id: string, value: string) {
  const input = q<HTMLInputElement | HTMLSelectElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  await el.updateComplete;
}

async function next(el: MenduniaCheckout) {
  q(el, '[part="next-button"]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

async function toShipping(el: MenduniaCheckout, country = 'SG', phone = '+65 8123 4567') {
  await fill(el, 'f-name', 'Tan Mei Ling');
  await fill(el, 'f-email', 'mei@example.sg');
  await next(el);
  await fill(el, 'a-country', country);
  await fill(el, 'f-phone', phone);
  await fill(el, 'a-name', 'Tan Mei Ling');
  await fill(el, 'a-addressLine1', '1 Orchard Road');
  await fill(el, 'a-postalCode', country === 'AU' ? '2000' : '238823');
  if (country === 'AU') {
    await fill(el, 'a-city', 'Sydney');
    await fill(el, 'a-region', 'NSW');
  }
  await next(el);
}

describe('<mendunia-checkout>', () => {
  it('starts at the contact step, with labelled fields and progress', async () => {
    const { el } = await setup();
    expect(text(el, '#step-title')).to.equal('Contact');
    expect(q(el, '[part="progress"] [aria-current="step"]')!.textContent).to.equal('Contact');
    expect(q(el, 'label[for="f-email"]')!.textContent).to.equal('Email');
    expect(q<HTMLInputElement>(el, '#f-email')!.getAttribute('autocomplete')).to.equal('email');
    await expect(el).to.be.accessible();
  });

  it('ties errors to their fields, announces them and focuses the first one', async () => {
    const { el } = await setup();
    await fill(el, 'f-email', 'not-an-email');
    await next(el);
    await el.updateComplete;
    const summary = q(el, '[part="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent).to.contain('Please fix 2 fields');
    // Each line names its field and links to it.
    const items = [...summary.querySelectorAll('li a')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal(['Full name: Please fill this in.', 'Email: Please enter an email address like name@example.com.']);
    const email = q<HTMLInputElement>(el, '#f-email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('f-email-error');
    expect(text(el, '#f-email-error')).to.equal('Please enter an email address like name@example.com.');
    expect(focused()).to.equal(q(el, '#f-name'));
    (summary.querySelector('li:nth-child(2) a') as HTMLAnchorElement).click();
    expect(focused()).to.equal(q(el, '#f-email'));
    await expect(el).to.be.accessible();
  });

  it('validates the postal code for the chosen country and asks for the fields that country needs', async () => {
    const { el } = await setup();
    await fill(el, 'f-name', 'A');
    await fill(el, 'f-email', 'a@example.com');
    await next(el);
    await fill(el, 'a-country', 'US');
    await fill(el, 'f-phone', '(415) 555-2671');
    expect(q(el, 'label[for="a-region"]')!.textContent).to.equal('State');
    expect(q(el, 'label[for="a-postalCode"]')!.textContent).to.equal('ZIP code');
    await fill(el, 'a-name', 'A');
    await fill(el, 'a-addressLine1', '1 Market St');
    await fill(el, 'a-postalCode', '9410');
    await next(el);
    expect(text(el, '#a-postalCode-error')).to.match(/does not look right for United States/);
    expect(q(el, '#a-city')!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#a-region')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says per service whether import charges are prepaid (DDP) or payable on delivery, where the merchant chose', async () => {
    const services = demoCheckout.shipping.services.map((svc) => ({ ...svc, ...(svc.id === 'dhl-express' ? { dutyPaid: true } : svc.id === 'pos-ems' ? { dutyPaid: false } : {}) }));
    const { el } = await setup({ checkout: { ...demoCheckout, shipping: { ...demoCheckout.shipping, services } } });
    await toShipping(el);
    await waitFor(() => !!q(el, '#svc-dhl-express-meta'));
    expect(text(el, '#svc-dhl-express-meta')).to.contain('Prepay import charges: no charges at delivery');
    expect(text(el, '#svc-pos-ems-meta')).to.contain('Import charges payable on delivery');
    // A service the merchant said nothing about keeps the shop-wide terms, stated at review.
    expect(text(el, '#svc-pos-paket-meta')).not.to.match(/import charges/i);
    await expect(el).to.be.accessible();
  });

  it('goes through shipping and review to one placed order with a WhatsApp hand-off', async () => {
    const { el, storefront } = await setup();
    await toShipping(el, 'SG');
    expect(text(el, '#step-title')).to.equal('Shipping');
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="service"]')];
    expect(radios.length).to.be.greaterThan(1);
    expect(radios.filter((r) => r.checked)).to.have.length(1);
    await expect(el).to.be.accessible();
    radios.find((r) => r.id === 'svc-pos-ems')!.click();
    await el.updateComplete;
    await next(el);
    expect(text(el, '#step-title')).to.equal('Review');
    expect(text(el, '[part="landed-cost"]')).to.contain('Nothing to pay on import');
    expect(text(el, '[part="totals"]')).to.contain('Pos Indonesia EMS');
    await expect(el).to.be.accessible();
    q(el, '[part="place-order-button"]')!.click();
    await el.updateComplete;
    const reference = text(el, '.reference');
    expect(reference).to.match(/^MDN-\d{6}-[A-Z2-9]{5}$/);
    expect(storefront.cart.$lines.get()).to.deep.equal([]);
    const wa = decodeURIComponent(q<HTMLAnchorElement>(el, '[part="handoff"] a.primary')!.href);
    for (const part of [reference, '1 × Stamped Kawung Batik Cloth in Indigo', '2 × Whole Ternate Cloves', 'Shipping (Pos Indonesia EMS)', 'Total: Rp', '238823', 'SINGAPORE']) {
      expect(wa).to.contain(part);
    }
    expect(q<HTMLAnchorElement>(el, '[part="handoff"] a[download]')!.href).to.match(/^blob:/);
    await expect(el).to.be.accessible();
  });

  it('keeps what was entered across a reload, and the placed order too', async () => {
    const storage = memoryStorage();
    const first = await setup({ storage });
    await fill(first.el, 'f-name', 'Tan Mei Ling');
    await fill(first.el, 'f-email', 'mei@example.sg');
    await next(first.el);
    await fill(first.el, 'a-addressLine1', '1 Orchard Road');
    first.el.remove();
    const second = await setup({ storage });
    expect(text(second.el, '#step-title')).to.equal('Delivery address');
    expect(q<HTMLInputElement>(second.el, '#a-addressLine1')!.value).to.equal('1 Orchard Road');
  });

  it('places an order only once', async () => {
    const storage = memoryStorage();
    const { el } = await setup({ storage });
    await toShipping(el, 'SG');
    await next(el);
    const place = q(el, '[part="place-order-button"]')!;
    place.click();
    place.click();
    await el.updateComplete;
    const reference = text(el, '.reference');
    el.remove();
    const again = await setup({ storage });
    expect(text(again.el, '.reference')).to.equal(reference);
  });

  it('names a blocked item with its reason and lets the buyer remove it', async () => {
    const { el, storefront } = await setup({ lines: [['madu-hutan-sumbawa', undefined, 1], ['cengkeh-ternate', undefined, 1]] });
    await toShipping(el, 'AU');
    const blocked = q(el, '[part="blocked"]')!;
    expect(blocked.getAttribute('role')).to.equal('alert');
    expect(blocked.textContent).to.contain('Sumbawa Wild Forest Honey');
    expect(blocked.textContent).to.match(/honey/i);
    expect(q<HTMLButtonElement>(el, '[part="next-button"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    (blocked.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(storefront.cart.$lines.get().map((l) => l.productId)).to.deep.equal(['cengkeh-ternate']);
    expect(q(el, '[part="blocked"]')).to.equal(null);
    expect(q<HTMLButtonElement>(el, '[part="next-button"]')!.disabled).to.equal(false);
  });

  it('can be completed with the keyboard alone', async () => {
    const { el } = await setup();
    q(el, '#f-name')!.focus();
    await sendKeys({ type: 'Tan Mei Ling' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'mei@example.sg' });
    await sendKeys({ press: 'Enter' }); // submits the form
    await waitFor(() => text(el, '#step-title') === 'Delivery address');
    expect(focused()).to.equal(q(el, '#step-title'));
    await sendKeys({ press: 'Tab' }); // country (SG preselected or first)
    await fill(el, 'a-country', 'SG');
    q(el, '#a-name')!.focus();
    await sendKeys({ type: 'Tan Mei Ling' });
    await sendKeys({ press: 'Tab' }); // organization
    await sendKeys({ press: 'Tab' }); // address line 1
    await sendKeys({ type: '1 Orchard Road' });
    q(el, '#a-postalCode')!.focus();
    await sendKeys({ type: '238823' });
    q(el, '#f-phone')!.focus();
    await sendKeys({ type: '8123 4567' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(el, '#step-title') === 'Shipping');
    q<HTMLInputElement>(el, 'input[name="service"]:checked')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(el, '#step-title') === 'Review');
    q(el, '[part="place-order-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !!q(el, '.reference'));
  });

  it('says when the shop has no checkout configured', async () => {
    const { el } = await setup({ checkout: undefined });
    expect(text(el, '[role="alert"]')).to.equal('This shop has not set up international checkout yet. Please contact the shop.');
  });

  it('reports a configuration that cannot be loaded and offers a retry', async () => {
    const errors: string[] = [];
    const { error } = console;
    console.error = (m: string) => errors.push(m);
    try {
      const { el } = await setup({ checkout: 'http://127.0.0.1:9/checkout.json' });
      await waitFor(() => text(el, '[role="alert"]').includes('could not be loaded'));
      expect(errors.join('\n')).to.contain('http://127.0.0.1:9/checkout.json');
      expect(q(el, '[role="alert"] button')!.textContent).to.equal('Try again');
      await expect(el).to.be.accessible();
    } finally {
      console.error = error;
    }
  });

  it('checks the phone against the destination, with that country\'s example', async () => {
    const { el } = await setup();
    await fill(el, 'f-name', 'Anna Schmidt');
    await fill(el, 'f-email', 'anna@example.de');
    await next(el);
    await fill(el, 'a-country', 'DE');
    expect(text(el, '#f-phone-hint')).to.contain('+49');
    await fill(el, 'f-phone', '12');
    await next(el);
    expect(text(el, '#f-phone-error')).to.match(/e\.g\. \+49 \d/);
    // A German number in its national format, whatever the browser's region.
    await fill(el, 'a-name', 'Anna Schmidt');
    await fill(el, 'a-addressLine1', 'Unter den Linden 1');
    await fill(el, 'a-postalCode', '10117');
    await fill(el, 'a-city', 'Berlin');
    await fill(el, 'f-phone', '030 1234567');
    await next(el);
    expect(text(el, '#step-title')).to.equal('Shipping');
    expect(el.checkout!.$draft.get().contact.phone).to.equal('+49 30 1234567');
  });

  it('names the variant of every line in the review, the WhatsApp text and the order', async () => {
    const { el } = await setup({ lines: [['kemeja-batik-lasem', 'm', 1], ['kemeja-batik-lasem', 'l', 2]] });
    await toShipping(el, 'SG');
    await next(el);
    const rows = [...el.shadowRoot!.querySelectorAll('[part="totals"] tbody th')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('1 × Lasem Batik Short-sleeve Shirt — M');
    expect(rows[1]).to.contain('2 × Lasem Batik Short-sleeve Shirt — L');
    q(el, '[part="place-order-button"]')!.click();
    await waitFor(() => !!q(el, '.reference'));
    const wa = decodeURIComponent(q<HTMLAnchorElement>(el, '[part="handoff"] a.primary')!.href);
    expect(wa).to.contain('1 × Lasem Batik Short-sleeve Shirt — M');
    expect(wa).to.contain('2 × Lasem Batik Short-sleeve Shirt — L');
    const order = el.checkout!.$draft.get().order!;
    expect(order.lines.map((l) => l.variantId)).to.deep.equal(['m', 'l']);
  });

  it('shows a line total that is the unit price shown times the quantity', async () => {
    const { el, storefront } = await setup({ lines: [['cengkeh-ternate', undefined, 3]] });
    await toShipping(el, 'SG');
    await next(el);
    const row = q(el, '[part="totals"] tbody tr')!;
    const unitIdr = el.checkout!.$quote.get()!.items[0]!.unitPriceIdr;
    const unit = storefront.$pricing.get().price(unitIdr).display.amount;
    const each = row.querySelector('th small')!.textContent!;
    expect(each).to.contain(storefront.$pricing.get().price(unitIdr).text);
    const shown = row.querySelector('td')!.textContent!;
    const expected = storefront.$pricing.get().line(unitIdr, 3);
    expect(expected.display.amount).to.equal(unit * 3);
    expect(shown).to.contain(expected.text);
  });

  it('fires mendunia-checkout-complete once with the order', async () => {
    const { el } = await setup();
    const events: CustomEvent[] = [];
    document.addEventListener('mendunia-checkout-complete', (e) => events.push(e));
    await toShipping(el, 'SG');
    await next(el);
    q(el, '[part="place-order-button"]')!.click();
    await waitFor(() => !!q(el, '.reference'));
    q(el, '[part="place-order-button"]')?.click();
    expect(events).to.have.length(1);
    const detail = events[0]!.detail;
    expect(detail.order.reference).to.equal(text(el, '.reference'));
    expect(detail.order.lines).to.have.length(2);
    expect(detail.currency).to.equal('USD');
    expect(detail.handoff).to.deep.equal({ whatsapp: true, email: true, paymentLink: false });
  });

  it('offers no retry for a configuration the shop must fix', async () => {
    const errors: string[] = [];
    const { error } = console;
    console.error = (m: string) => errors.push(m);
    try {
      const { el } = await setup({ checkout: { shipping: { services: 'nope' } } });
      await waitFor(() => !!q(el, '[role="alert"]'));
      expect(text(el, '[role="alert"]')).to.contain('not set up correctly');
      expect(q(el, '[role="alert"] button')).to.equal(null);
      expect(errors.join('\n')).to.contain('checkout');
    } finally {
      console.error = error;
    }
  });

  it("shows the shop's bank details with the exact amount and reference, and no Pay now without a server", async () => {
    const { el } = await setup();
    await toShipping(el, 'SG');
    await next(el);
    q(el, '[part="place-order-button"]')!.click();
    await waitFor(() => !!q(el, '.reference'));
    const payment = text(el, '[part="payment"]');
    const order = el.checkout!.$draft.get().order!;
    expect(payment).to.contain('Bank Central Asia (BCA)');
    expect(payment).to.contain('0123456789');
    expect(payment).to.contain('CENAIDJA');
    expect(payment).to.contain(order.reference);
    expect(payment).to.match(new RegExp(`Transfer exactly Rp\\s?${order.totals.totalIdr.toLocaleString('en')}`));
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.not.include('Pay now');
    await expect(el).to.be.accessible();
  });

  it('leaves out only the hand-off whose setting is bad, naming it in the console', async () => {
    const errors: string[] = [];
    const { error } = console;
    console.error = (m: string) => errors.push(m);
    try {
      const storefront = createStorefront({
        id: 'co-bad',
        catalog: demoCatalog,
        rates: staticRates(RATES),
        storage: memoryStorage(),
        checkout: demoCheckout,
        handoff: { whatsapp: '6281227771234&text=hi', email: 'orders@example.id' },
      });
      await Promise.all([storefront.loadCatalog(), storefront.loadRates()]);
      storefront.cart.add('cengkeh-ternate', undefined, 1);
      const el = await fixture<MenduniaCheckout>(html`<mendunia-checkout inline .storefront=${storefront}></mendunia-checkout>`);
      await waitFor(() => !!q(el, '#step-title'));
      await toShipping(el, 'SG');
      await next(el);
      q(el, '[part="place-order-button"]')!.click();
      await waitFor(() => !!q(el, '.reference'));
      expect(q(el, '[part="handoff"] a[href^="https://wa.me"]')).to.equal(null);
      expect(q<HTMLAnchorElement>(el, '[part="handoff"] a[href^="mailto:"]')!.href).to.contain('orders@example.id');
      expect(errors.join('\n')).to.contain('handoff.whatsapp');
    } finally {
      console.error = error;
    }
  });

  it('lets the buyer type while the country’s data loads, says when it failed, and retries (the script tag)', async () => {
    // Every real country is registered in this page (the ESM build): AQ has no phone metadata, so
    // with a loader set it is fetched like any country in the script tag.
    const config = JSON.parse(JSON.stringify(demoCheckout)) as { shipping: { services: { zones: { countries: string[] }[] }[] } };
    config.shipping.services[0]!.zones[0]!.countries.push('AQ');
    let answer: { resolve: (file: unknown) => void; reject: (e: Error) => void } | undefined;
    setCountryDataLoader((country) => new Promise((resolve, reject) => (answer = { resolve: () => resolve({ country }), reject })));
    const error = console.error;
    console.error = () => {};
    try {
      const { el } = await setup({ checkout: config });
      await fill(el, 'f-name', 'Base Crew');
      await fill(el, 'f-email', 'crew@example.aq');
      await next(el);
      await fill(el, 'a-country', 'AQ');
      expect(q(el, '.address-fields')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(el, '[part="country-data-status"][role="status"]')).to.equal('Loading the checkout…');
      await fill(el, 'a-addressLine1', 'Rothera Point');
      expect(q<HTMLButtonElement>(el, '[part="next-button"]')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();

      answer!.reject(new Error('offline'));
      await waitFor(() => !!q(el, '[part="country-data-status"][role="alert"]'));
      expect(text(el, '[part="country-data-status"] p')).to.equal('The checkout could not be loaded.');
      expect(q(el, '.address-fields')!.getAttribute('aria-busy')).to.equal('false');
      q(el, '[part="country-data-status"] button')!.click();
      await el.updateComplete;
      expect(q(el, '[part="country-data-status"][role="status"]')).to.not.equal(null);

      answer!.resolve(undefined);
      await waitFor(() => !q(el, '[part="country-data-status"]'));
      expect(q(el, '.address-fields')!.getAttribute('aria-busy')).to.equal('false');
      expect(q<HTMLButtonElement>(el, '[part="next-button"]')!.disabled).to.equal(false);
      // What the buyer typed while it loaded is still there.
      expect(q<HTMLInputElement>(el, '#a-addressLine1')!.value).to.equal('Rothera Point');
    } finally {
      console.error = error;
      setCountryDataLoader(undefined);
    }
  });
});
