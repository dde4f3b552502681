import { expect } from '@open-wc/testing';
import type { Order } from '../checkout/order.js';
import { customsDeclaration, type CustomsParty } from './declaration.js';

const sender: CustomsParty = { name: 'Batik Lasem Sari', lines: ['Jl. Dasun 12', 'Lasem, Rembang 59271', 'INDONESIA'], country: 'ID', phone: '+62 812 3456 7890' };

function order(overrides: Partial<Order> = {}): Order {
  return {
    format: 'mendunia.order/1',
    reference: 'MDN-261207-ABCDE',
    createdAt: '2026-12-07T10:00:00.000Z',
    contact: { name: 'Anna Schmidt', email: 'anna@example.de', phone: '+4915112345678' },
    address: { country: 'DE', name: 'Anna Schmidt', addressLine1: 'Hauptstr. 5', city: 'Berlin', postalCode: '10115' },
    addressLines: ['Anna Schmidt', 'Hauptstr. 5', '10115 Berlin', 'GERMANY'],
    lines: [],
    shipping: { serviceId: 'pos-epacket', carrier: 'pos', name: { en: 'Pos ePacket' }, priceIdr: 150_000, parcels: 1, chargeableGrams: 900, days: [10, 20] },
    importCharges: null,
    totals: { goodsIdr: 850_000, shippingIdr: 150_000, taxesAtCheckoutIdr: 0, totalIdr: 1_000_000, onDeliveryIdr: 0 },
    displayCurrency: 'EUR',
    customs: {
      form: 'CN23',
      lines: [
        { description: 'Lasem Batik Shirt, L', quantity: 2, netWeightGrams: 600, valueIdr: 500_000, hsCode: '62052000', originCountry: 'ID' },
        { description: 'Lasem Batik Shirt, M', quantity: 1, netWeightGrams: 300, valueIdr: 350_000, originCountry: 'ID' },
      ],
      totalValueIdr: 850_000,
      totalWeightGrams: 900,
      currency: 'IDR',
    },
    ...overrides,
  };
}

describe('customsDeclaration', () => {
  it('fills the form from the order: parties, lines, totals, category and date', () => {
    const d = customsDeclaration(order(), { sender, now: new Date('2026-12-08T03:00:00Z') });
    expect(d.form).to.equal('CN23');
    expect(d.date).to.equal('2026-12-08');
    expect(d.category).to.equal('sale-of-goods');
    expect(d.sender).to.equal(sender);
    expect(d.recipient).to.deep.equal({ name: 'Anna Schmidt', lines: ['Anna Schmidt', 'Hauptstr. 5', '10115 Berlin', 'GERMANY'], country: 'DE', phone: '+4915112345678', email: 'anna@example.de' });
    expect(d.lines.map((l) => [l.description, l.hsCode, l.quantity, l.netWeightGrams, l.valueIdr, l.originCountry])).to.deep.equal([
      ['Lasem Batik Shirt, L', '62052000', 2, 600, 500_000, 'ID'],
      ['Lasem Batik Shirt, M', undefined, 1, 300, 350_000, 'ID'],
    ]);
    expect([d.totalValueIdr, d.totalWeightGrams, d.currency, d.totalValue]).to.deep.equal([850_000, 900, undefined, undefined]);
  });

  it('converts the values at the rate the buyer saw, and the total is the sum of the rounded lines', () => {
    // The buyer saw €56.00 for Rp 1,000,000: 0.0056 € per rupiah.
    const d = customsDeclaration(order(), { sender, declared: { currency: 'eur', total: '56.00' } });
    expect(d.currency).to.equal('EUR');
    expect(d.lines.map((l) => l.value)).to.deep.equal([{ amount: 2800, currency: 'EUR' }, { amount: 1960, currency: 'EUR' }]);
    expect(d.totalValue).to.deep.equal({ amount: 4760, currency: 'EUR' });
  });

  it('keeps IDR only when the declared currency is IDR, unknown or its total unreadable', () => {
    for (const declared of [{ currency: 'IDR', total: '1000000' }, { currency: 'XYZ', total: '5' }, { currency: 'USD', total: '<html>' }, { currency: 'USD', total: '0' }]) {
      const d = customsDeclaration(order(), { sender, declared });
      expect(d.currency, declared.currency).to.equal(undefined);
      expect(d.lines[0].value).to.equal(undefined);
    }
  });

  it('warns, as codes, about a line without an HS code or weight and a sender without an address', () => {
    const o = order();
    const d = customsDeclaration(
      order({ customs: { ...o.customs, lines: [o.customs.lines[0], { ...o.customs.lines[1], netWeightGrams: 0 }] } }),
      { sender: { ...sender, lines: [] } },
    );
    expect(d.warnings).to.deep.equal([
      { code: 'customs.missingHsCode', params: { line: 2 } },
      { code: 'customs.missingWeight', params: { line: 2 } },
      { code: 'customs.noSenderAddress' },
    ]);
  });
});
