import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import { parseCatalog } from '../catalog/index.js';
import type { RateSet } from '../rates/index.js';
import demoCheckout from '../../../../examples/plain-html/checkout.json';
import demoCatalog from '../../../../examples/plain-html/catalog.json';
import { CheckoutConfigError, destinationCountries, parseCheckoutConfig } from './config.js';
import { buildQuote, dueOnArrival } from './quote.js';
import { message } from '../util/message.js';
import { createOrder, orderReference, CN22_LIMIT_IDR } from './order.js';
import { mailtoUrl, paymentLinkUrl, whatsappUrl } from './handoff.js';

const rates: RateSet = {
  base: 'EUR', date: '2026-11-27', source: 'test',
  rates: { IDR: '19300', USD: '1.16', SGD: '1.50', JPY: '176', AUD: '1.77', GBP: '0.875' },
};
const { catalog } = parseCatalog(demoCatalog);
const config = parseCheckoutConfig(demoCheckout, { handoff: { whatsapp: '6281234567890', email: 'orders@example.id' } });
const now = new Date('2026-11-29T10:00:00Z');

const quote = (destination: string, lines: { productId: string; variantId?: string; quantity: number }[], extra = {}) =>
  buildQuote({ catalog, lines, destination, config, rates, now, ...extra });

describe('checkout config', () => {
  it('names a bad duty override where the merchant wrote it, extends included', () => {
    const bad = { ...demoCheckout, taxes: { overrides: [{ extends: 'ca', vat: { subdivisions: [{ codes: ['CA-ON'], percent: 130 }] } }] } };
    try {
      parseCheckoutConfig(bad);
      expect.fail('accepted');
    } catch (e) {
      expect(e).to.be.instanceOf(CheckoutConfigError);
      expect((e as CheckoutConfigError).issues).to.deep.equal([
        { path: 'taxes.overrides[0].vat.subdivisions[0].percent', message: 'expected a percentage from 0 to 100, such as 19' },
      ]);
    }
    const good = parseCheckoutConfig({ ...demoCheckout, taxes: { overrides: [{ extends: 'ca', vat: { percent: 5 } }] } });
    expect(good.taxes.overrides).to.have.length(1);
  });

  it('parses the demo configuration and lists its destinations', () => {
    expect(config.shipping.services.map((s) => s.id)).to.include('pos-ems');
    expect(config.handoff).to.deep.equal({ whatsapp: '6281234567890', email: 'orders@example.id' });
    const countries = destinationCountries(config);
    for (const c of ['SG', 'DE', 'US', 'JP', 'AU']) expect(countries).to.include(c);
  });

  for (const [name, data, message] of [
    ['an unknown incoterm', { ...demoCheckout, taxes: { incoterm: 'EXW' } }, 'taxes.incoterm'],
    ['a broken shipping table', { shipping: { origin: 'ID', services: [{}] } }, 'shipping.services[0].id: required'],
    ['an invalid duty override', { ...demoCheckout, taxes: { overrides: [{ country: 'DE', vat: { percent: 190 } }] } }, 'overrides[0]'],
    ['a permit for a prohibited rule', { ...demoCheckout, restrictions: { allow: ['cites-ivory'] } }, 'cites-ivory'],
  ] as const) {
    it(`refuses ${name}, naming the field`, () => {
      expect(() => parseCheckoutConfig(data)).to.throw(CheckoutConfigError, message);
    });
  }
});

describe('buildQuote', () => {
  it('quotes a parcel to Singapore from the catalog prices', () => {
    const q = quote('SG', [{ productId: 'batik-kawung-cap', quantity: 1 }, { productId: 'cengkeh-ternate', quantity: 2 }]);
    expect(q.status).to.equal('ok');
    expect(q.currency).to.equal('SGD');
    expect(q.totals.goodsIdr).to.equal(325000 + 2 * 45000);
    expect(q.service!.priceIdr).to.equal(q.totals.shippingIdr);
    // The cheapest available service is chosen unless the buyer picks one.
    const cheapest = Math.min(...q.shippingOptions.filter((o) => o.available).map((o) => (o as { priceIdr: number }).priceIdr));
    expect(q.service!.priceIdr).to.equal(cheapest);
    expect(q.landedCost!.regime).to.equal('nothing-due'); // CIF under S$400, seller not OVR-registered
    expect(q.totals.totalIdr).to.equal(q.totals.goodsIdr + q.totals.shippingIdr + q.totals.taxesAtCheckoutIdr);
  });

  it('uses the service the buyer chose, and says so when it cannot take the parcel', () => {
    const q = quote('SG', [{ productId: 'cengkeh-ternate', quantity: 1 }], { serviceId: 'dhl-express' });
    expect(q.service!.serviceId).to.equal('dhl-express');
    expect(q.requestedServiceUnavailable).to.equal(undefined);
    const us = quote('US', [{ productId: 'cengkeh-ternate', quantity: 1 }], { serviceId: 'pos-paket' });
    expect(us.requestedServiceUnavailable).to.equal('pos-paket');
    expect(us.service!.serviceId).to.not.equal('pos-paket');
  });

  it('estimates EU import VAT and duty on arrival for Germany over €150', () => {
    const q = quote('DE', [{ productId: 'batik-parang-tulis', quantity: 3 }]);
    expect(q.status).to.equal('ok');
    expect(q.landedCost!.regime).to.equal('due-on-arrival');
    expect(q.landedCost!.lines.map((l) => l.kind)).to.include('vat');
    expect(q.totals.onDeliveryIdr).to.be.greaterThan(0);
    expect(q.totals.taxesAtCheckoutIdr).to.equal(0); // DAP by default
    // Due on arrival in euros: the sum of the carrier lines as shown.
    const due = dueOnArrival(q)!;
    expect(due.currency).to.equal('EUR');
    expect(due.amount).to.equal(q.landedCost!.lines.reduce((n, l) => n + l.amount.amount, 0));
  });

  it('adds the import charges to the total under DDP', () => {
    const ddp = parseCheckoutConfig({ ...demoCheckout, taxes: { incoterm: 'DDP' } });
    const q = buildQuote({ catalog, lines: [{ productId: 'batik-parang-tulis', quantity: 3 }], destination: 'DE', config: ddp, rates, now });
    expect(q.totals.onDeliveryIdr).to.equal(0);
    expect(q.totals.taxesAtCheckoutIdr).to.be.greaterThan(0);
    expect(q.totals.totalIdr).to.equal(q.totals.goodsIdr + q.totals.shippingIdr + q.totals.taxesAtCheckoutIdr);
  });

  it('a service marked dutyPaid adds the import charges now; a DAP service keeps them for delivery', () => {
    const services = demoCheckout.shipping.services.map((s) => (s.id === 'dhl-express' ? { ...s, dutyPaid: true } : s));
    const mixed = parseCheckoutConfig({ ...demoCheckout, shipping: { ...demoCheckout.shipping, services } });
    const lines = [{ productId: 'batik-parang-tulis', quantity: 3 }];
    const ddp = buildQuote({ catalog, lines, destination: 'DE', config: mixed, rates, now, serviceId: 'dhl-express' });
    expect(ddp.service!.dutyPaid).to.equal(true);
    expect(ddp.landedCost!.incoterm).to.equal('DDP');
    expect(ddp.totals.onDeliveryIdr).to.equal(0);
    const charges = ddp.landedCost!.lines.reduce((n, l) => n + l.amountIdr, 0);
    expect(charges).to.be.greaterThan(0);
    expect(ddp.totals.taxesAtCheckoutIdr).to.equal(charges);
    expect(ddp.totals.totalIdr).to.equal(ddp.totals.goodsIdr + ddp.totals.shippingIdr + charges);
    expect(ddp.landedCost!.explanation.map((m) => m.code)).to.include('rules.duties.ddp');
    const dap = buildQuote({ catalog, lines, destination: 'DE', config: mixed, rates, now, serviceId: 'pos-ems' });
    expect(dap.landedCost!.incoterm).to.equal('DAP');
    expect(dap.totals.taxesAtCheckoutIdr).to.equal(0);
    expect(dap.totals.onDeliveryIdr).to.be.greaterThan(0);
    expect(dap.landedCost!.explanation.map((m) => m.code)).to.include('rules.duties.onDelivery');
    // A service marked DAP keeps the parcel DAP even when the shop's default is DDP.
    const dapService = parseCheckoutConfig({ ...demoCheckout, taxes: { incoterm: 'DDP' }, shipping: { ...demoCheckout.shipping, services: services.map((s) => ({ ...s, dutyPaid: s.id === 'dhl-express' })) } });
    expect(buildQuote({ catalog, lines, destination: 'DE', config: dapService, rates, now, serviceId: 'pos-ems' }).landedCost!.incoterm).to.equal('DAP');
    expect(() => parseCheckoutConfig({ ...demoCheckout, shipping: { ...demoCheckout.shipping, services: [{ ...services[0], dutyPaid: 'yes' }] } })).to.throw(CheckoutConfigError, 'dutyPaid');
  });

  it('carries the buyer\'s subdivision to the estimate', () => {
    const cad: RateSet = { ...rates, rates: { ...rates.rates, CAD: '1.62' } };
    const q = buildQuote({ catalog, lines: [{ productId: 'batik-parang-tulis', quantity: 1 }], destination: 'CA', subdivision: 'ca-on', config, rates: cad, now });
    expect(q.subdivision).to.equal('CA-ON');
    expect(q.landedCost!.subdivision).to.equal('CA-ON');
    expect(q.landedCost!.lines.find((l) => l.kind === 'gst')!.ratePercent).to.equal(13);
  });

  it('names a blocked item with its reason before anything is paid', () => {
    const q = quote('AU', [{ productId: 'madu-hutan-sumbawa', quantity: 1 }, { productId: 'cengkeh-ternate', quantity: 1 }]);
    expect(q.status).to.equal('blocked');
    expect(q.blocked.map((b) => [b.productId, b.ruleId])).to.deep.equal([['madu-hutan-sumbawa', 'bio-au-nz-dairy-eggs-honey']]);
    expect(q.blocked[0].reason).to.deep.equal(message('rules.restrictions.bio-au-nz-dairy-eggs-honey'));
    expect(quote('SG', [{ productId: 'madu-hutan-sumbawa', quantity: 1 }]).status).to.equal('ok');
  });

  it('says when no service reaches the destination or the cart is empty', () => {
    expect(quote('BR', [{ productId: 'cengkeh-ternate', quantity: 1 }]).status).to.equal('no-service');
    expect(quote('SG', []).status).to.equal('empty');
  });

  it('leaves out lines that are no longer in the catalog and reports them', () => {
    const q = quote('SG', [{ productId: 'gone', quantity: 1 }, { productId: 'cengkeh-ternate', quantity: 1 }]);
    expect(q.missing.map((l) => l.productId)).to.deep.equal(['gone']);
    expect(q.items.map((i) => i.productId)).to.deep.equal(['cengkeh-ternate']);
  });

  it('has no duty estimate, and says why, without exchange rates', () => {
    const q = buildQuote({ catalog, lines: [{ productId: 'cengkeh-ternate', quantity: 1 }], destination: 'DE', config, now });
    expect(q.landedCost).to.equal(undefined);
    expect(q.dutiesUnavailable).to.deep.equal(message('rules.quote.noRates'));
    expect(q.status).to.equal('ok');
  });

  it('has no duty estimate, and names the currency, when the rates cannot reach it', () => {
    const { GBP: _gbp, ...rest } = rates.rates;
    const q = buildQuote({ catalog, lines: [{ productId: 'cengkeh-ternate', quantity: 1 }], destination: 'GB', config, rates: { ...rates, rates: rest }, now });
    expect(q.landedCost).to.equal(undefined);
    expect(q.dutiesUnavailable).to.deep.equal(message('rules.quote.missingRate', { currency: 'GBP' }));
  });
});

describe('orders', () => {
  const contact = { name: 'Anna Schmidt', email: 'anna@example.de', phone: '+4915123456789' };
  const address = { country: 'DE', name: 'Anna Schmidt', addressLine1: 'Torstraße 1', city: 'Berlin', postalCode: '10119' };

  it('makes readable, unambiguous references', () => {
    let i = 0;
    const ref = orderReference('MDN', now, () => [0, 0.5, 0.99, 0.1, 0.3][i++]);
    expect(ref).to.match(/^MDN-261129-[2-9A-HJKMNP-Z]{5}$/);
  });

  it('carries the lines, totals and the customs lines a CN22/CN23 needs', () => {
    const q = quote('DE', [{ productId: 'kopi-gayo-arabika', variantId: '250g', quantity: 2 }, { productId: 'cengkeh-ternate', quantity: 1 }]);
    const order = createOrder(q, contact, address, { reference: 'MDN-261129-ABCDE', now, displayCurrency: 'EUR' });
    expect(order.reference).to.equal('MDN-261129-ABCDE');
    expect(order.totals).to.deep.equal(q.totals);
    expect(order.customs.lines.map((l) => [l.quantity, l.hsCode, l.originCountry])).to.deep.equal([[2, '090121', 'ID'], [1, '090710', 'ID']]);
    expect(order.customs.totalValueIdr).to.equal(2 * 135000 + 45000);
    expect(order.customs.form).to.equal('CN22');
    expect(order.addressLines.at(-1)).to.equal('GERMANY');
    expect(JSON.parse(JSON.stringify(order))).to.deep.equal(order);
  });

  it('uses CN23 over the CN22 value limit', () => {
    const q = quote('DE', [{ productId: 'batik-parang-tulis', quantity: 5 }]);
    expect(q.totals.goodsIdr).to.be.greaterThan(CN22_LIMIT_IDR);
    expect(createOrder(q, contact, address).customs.form).to.equal('CN23');
  });

  it('refuses to order a blocked quote', () => {
    const q = quote('AU', [{ productId: 'madu-hutan-sumbawa', quantity: 1 }]);
    expect(() => createOrder(q, contact, { ...address, country: 'AU' })).to.throw(/blocked/);
  });
});

describe('hand-off links', () => {
  it('builds a wa.me link with the text encoded', () => {
    expect(whatsappUrl('+62 812-3456-7890', 'Order MDN-1\nTotal: Rp 1.000 & more')).to.equal(
      'https://wa.me/6281234567890?text=Order%20MDN-1%0ATotal%3A%20Rp%201.000%20%26%20more',
    );
    expect(() => whatsappUrl('0812', 'x')).to.throw(RangeError);
  });

  it('builds a mailto link with CRLF line breaks', () => {
    expect(mailtoUrl('orders@example.id', 'Order MDN-1', 'a\nb')).to.equal('mailto:orders@example.id?subject=Order%20MDN-1&body=a%0D%0Ab');
  });

  it('fills a payment link template, https only', () => {
    expect(paymentLinkUrl('https://pay.example/p?amt={amount}&ref={reference}&cur={currency}', { amountIdr: 1250000, reference: 'MDN-1 &x' })).to.equal(
      'https://pay.example/p?amt=1250000&ref=MDN-1%20%26x&cur=IDR',
    );
    expect(() => paymentLinkUrl('javascript:alert(1)//{amount}', { amountIdr: 1, reference: 'r' })).to.throw(RangeError);
  });
});
