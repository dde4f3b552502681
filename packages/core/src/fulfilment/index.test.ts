import { expect } from '@open-wc/testing';
import { CARRIERS, checkShipment, findCarrier, nextStatuses, ORDER_STATUSES, ORDER_TRANSITIONS, previousStatuses, trackingUrlFor } from './index.js';

describe('order statuses', () => {
  it('moves paid → packed → shipped → delivered, and packed is optional', () => {
    expect(nextStatuses('paid')).to.include.members(['packed', 'shipped']);
    expect(nextStatuses('packed')).to.deep.equal(['shipped', 'cancelled', 'refunded']);
    expect(nextStatuses('shipped')).to.deep.equal(['delivered', 'refunded']);
  });
  it('ends at cancelled and refunded, and knows nothing of unknown statuses', () => {
    expect(nextStatuses('cancelled')).to.deep.equal([]);
    expect(nextStatuses('refunded')).to.deep.equal([]);
    expect(nextStatuses('lost')).to.deep.equal([]);
  });
  it('names where a status can be reached from', () => {
    expect(previousStatuses('cancelled')).to.deep.equal(['pending_payment', 'paid', 'packed']);
    expect(previousStatuses('refunded')).to.deep.equal(['paid', 'packed', 'shipped', 'delivered']);
    expect(previousStatuses('pending_payment')).to.deep.equal([]);
  });
  it('only ever moves to a known status', () => {
    for (const next of Object.values(ORDER_TRANSITIONS)) for (const s of next) expect(ORDER_STATUSES).to.include(s);
  });
});

describe('carriers', () => {
  it('finds a carrier by id or by name written loosely', () => {
    expect(findCarrier('dhl-express')?.name).to.equal('DHL Express');
    expect(findCarrier(' DHL express ')?.id).to.equal('dhl-express');
    expect(findCarrier('J&T Express')?.id).to.equal('jnt');
    expect(findCarrier('')).to.equal(undefined);
    expect(findCarrier('Kurir Pak Budi')).to.equal(undefined);
  });
  it('fills a tracking link from the template, encoding the number', () => {
    expect(trackingUrlFor('fedex', '7712 3456')).to.equal('https://www.fedex.com/fedextrack/?trknbr=7712%203456');
    expect(trackingUrlFor('pos-indonesia', 'RR123456789ID')).to.equal(undefined);
    expect(trackingUrlFor('unknown', 'X1')).to.equal(undefined);
  });
  it('has unique ids and https templates with a {number} slot', () => {
    expect(new Set(CARRIERS.map((c) => c.id)).size).to.equal(CARRIERS.length);
    for (const c of CARRIERS) if (c.trackingUrl) expect(c.trackingUrl).to.match(/^https:\/\/.*\{number\}/);
  });
});

describe('checkShipment', () => {
  it('needs a carrier and a tracking number, as codes naming the field', () => {
    expect(checkShipment({}).issues).to.deep.equal([
      { code: 'shipment.carrier-required', field: 'carrier' },
      { code: 'shipment.tracking-required', field: 'trackingNumber' },
    ]);
    expect(checkShipment({ carrier: 'ups', trackingNumber: '=1+1' }).issues).to.deep.equal([{ code: 'shipment.tracking-invalid', field: 'trackingNumber' }]);
    expect(checkShipment({ carrier: 'ups', trackingNumber: '1Z999AA10123456784', trackingUrl: 'javascript:alert(1)' }).issues).to.deep.equal([
      { code: 'shipment.tracking-url-invalid', field: 'trackingUrl' },
    ]);
  });
  it('names a known carrier and fills its link; keeps an unknown carrier and a given link as written', () => {
    expect(checkShipment({ carrier: 'UPS', trackingNumber: ' 1Z999AA10123456784 ' }).shipment).to.deep.equal({
      carrier: 'ups', carrierName: 'UPS', trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    });
    expect(checkShipment({ carrier: 'Kurir Lokal', trackingNumber: 'KL-0001', trackingUrl: 'https://kurir.example/KL-0001' }).shipment).to.deep.equal({
      carrier: 'Kurir Lokal', carrierName: 'Kurir Lokal', trackingNumber: 'KL-0001', trackingUrl: 'https://kurir.example/KL-0001',
    });
    expect(checkShipment({ carrier: 'pos-indonesia', trackingNumber: 'RR123456789ID' }).shipment).to.deep.equal({
      carrier: 'pos-indonesia', carrierName: 'POS Indonesia', trackingNumber: 'RR123456789ID',
    });
  });
});
