import { expect } from '@open-wc/testing';
import { filterQuery } from './api.js';
import { parseRoute, routeHash, type Route } from './route.js';

describe('routes', () => {
  const cases: [string, Route][] = [
    ['', { page: 'orders', filters: {}, pageNumber: 1 }],
    ['#/orders', { page: 'orders', filters: {}, pageNumber: 1 }],
    ['#/orders?status=paid&since=2026-12-01&until=2026-12-07&q=anna&page=3', { page: 'orders', filters: { status: 'paid', q: 'anna', since: '2026-12-01', until: '2026-12-07' }, pageNumber: 3 }],
    ['#/orders/MDN-261207-K7QXM', { page: 'order', reference: 'MDN-261207-K7QXM' }],
    ['#/orders/MDN-261207-K7QXM/packing-slip', { page: 'packing-slip', reference: 'MDN-261207-K7QXM' }],
    ['#/orders/MDN-261207-K7QXM/customs', { page: 'customs', reference: 'MDN-261207-K7QXM' }],
  ];
  for (const [hash, route] of cases) {
    it(`reads "${hash}" and writes it back`, () => {
      expect(parseRoute(hash)).to.deep.equal(route);
      expect(parseRoute(routeHash(route))).to.deep.equal(route);
    });
  }

  it('ignores bad dates and page numbers, and knows no other pages', () => {
    expect(parseRoute('#/orders?since=yesterday&page=-2')).to.deep.equal({ page: 'orders', filters: {}, pageNumber: 1 });
    expect(parseRoute('#/settings')).to.deep.equal({ page: 'not-found' });
    expect(parseRoute('#/orders/A/B/C')).to.deep.equal({ page: 'not-found' });
  });

  it('encodes what the merchant typed', () => {
    const hash = routeHash({ page: 'orders', filters: { q: 'Ana & Co #1' }, pageNumber: 1 });
    expect(hash).to.equal('#/orders?q=Ana+%26+Co+%231');
    expect(parseRoute(hash)).to.deep.equal({ page: 'orders', filters: { q: 'Ana & Co #1' }, pageNumber: 1 });
    expect(filterQuery({ q: '  ', status: 'paid' }, { limit: 20, offset: 40 })).to.equal('?status=paid&limit=20&offset=40');
  });
});
