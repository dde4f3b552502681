// Hostile rate feeds in the JSON format, through <mendunia-store rates="…">: a feed that answers
// HTML, NaN, negative, zero or infinite rates is refused with one console error naming the feed,
// and the shop keeps showing (and charging) IDR. (The ECB XML format and the fallback to the last
// good rates are covered end to end in e2e/hostile-input.test.mjs.)
import { expect, fixture, html } from '@open-wc/testing';
import '../store/define.js';
import '../product-card/define.js';
import type { MenduniaStore } from '../store/store.js';
import type { MenduniaProductCard } from '../product-card/product-card.js';
import { captureConsole, waitFor } from '../test/fixtures.js';

const CATALOG = JSON.stringify({ version: 1, currency: 'IDR', products: [{ id: 'kopi', name: 'Kopi', price: 150000, images: [], weightGrams: 250 }] });
const feed = (contentType: string, body: string) => `data:${contentType},${encodeURIComponent(body)}`;
const json = (rates: string) => feed('application/json', `{"base": "IDR", "date": "2026-11-27", "rates": {"USD": ${rates}, "SGD": 0.0000825}}`);

const CASES: [string, string, RegExp][] = [
  ['an HTML page', feed('text/html', '<!doctype html><html><body><script>window.__menduniaPwned = 1</script></body></html>'), /expected JSON, got HTML/],
  ['NaN', json('NaN'), /expected JSON, got text that is not valid JSON/],
  ['a negative rate', json('-0.0000614'), /rates\.USD: expected a positive number/],
  ['a negative rate as text', json('"-0.0000614"'), /rates\.USD: expected a positive number/],
  ['a zero rate', json('0'), /rates\.USD: expected a positive number/],
  ['an infinite rate', json('1e400'), /rates\.USD: expected a positive number/],
  ['a rate that is not a number', json('"abc"'), /rates\.USD: expected a positive number/],
  ['no rates', feed('application/json', '{"date": "2026-11-27", "rates": {}}'), /rates: expected at least one rate/],
];

describe('hostile rate feeds (JSON)', () => {
  for (const [what, url, reason] of CASES) {
    it(`refuses ${what}: one console error naming the feed, prices stay in IDR`, async () => {
      const { result: store, errors } = await captureConsole(async () => {
        const s = await fixture<MenduniaStore>(html`<mendunia-store rates=${url} rates-format="json" currency="USD" locale="en" store-id="hostile-rates">
          <script type="application/json">${CATALOG}</script>
          <mendunia-product-card product-id="kopi"></mendunia-product-card>
        </mendunia-store>`);
        await waitFor(() => s.storefront!.$rates.get().status === 'unavailable');
        return s;
      });
      expect(errors, errors.join('\n')).to.have.length(1);
      expect(errors[0]).to.contain(url);
      expect(errors[0]).to.match(reason);
      const card = store.querySelector<MenduniaProductCard>('mendunia-product-card')!;
      await card.updateComplete;
      expect(card.shadowRoot!.querySelector('[part="price"]')!.textContent!.trim()).to.match(/^Rp\s?150,000$/);
      expect((window as { __menduniaPwned?: unknown }).__menduniaPwned).to.equal(undefined);
    });
  }
});
