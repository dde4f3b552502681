import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import { createStorefront, memoryStorage, staticRates, type Storefront } from '../index.js';
import { createCheckout, type Checkout } from './flow.js';
import catalog from '../../../../examples/plain-html/catalog.json';
import checkoutConfig from '../../../../examples/plain-html/checkout.json';

// Dated today, so they are never stale for the duty thresholds.
const RATES = { base: 'EUR', date: new Date().toISOString().slice(0, 10), rates: { IDR: '19300', USD: '1.16', SGD: '1.50', EUR: '1', CAD: '1.62' } };

async function shop(options: { config?: unknown; handoff?: Record<string, string>; storage?: ReturnType<typeof memoryStorage> } = {}): Promise<{ sf: Storefront; flow: Checkout; errors: string[] }> {
  const storage = options.storage ?? memoryStorage();
  const sf = createStorefront({
    id: 'flow',
    catalog,
    rates: staticRates(RATES),
    defaultCurrency: 'USD',
    currencies: ['IDR', 'USD', 'SGD', 'EUR'],
    storage,
    checkout: 'config' in options ? options.config : checkoutConfig,
    handoff: options.handoff ?? { whatsapp: '6281227771234', email: 'orders@example.id' },
  });
  await Promise.all([sf.loadCatalog(), sf.loadRates()]);
  if (!sf.cart.$lines.get().length) {
    sf.cart.add('kemeja-batik-lasem', 'm', 1);
    sf.cart.add('cengkeh-ternate', undefined, 2);
  }
  const errors: string[] = [];
  const flow = createCheckout(sf, { preferredRegions: ['DE'], logger: { error: (m: string) => errors.push(m), warn: (m: string) => errors.push(m) } });
  for (let i = 0; i < 50 && flow.$config.get().status === 'loading'; i++) await new Promise((r) => setTimeout(r, 10));
  return { sf, flow, errors };
}

const fields = (flow: Checkout) => flow.$issues.get().map((i) => `${i.field}:${i.message.code}`);

function toReview(flow: Checkout) {
  flow.update({ contact: { name: 'Anna Schmidt', email: 'anna@example.de' } });
  expect(flow.next()).to.equal(true);
  flow.update({ address: { name: 'Anna Schmidt', addressLine1: 'Torstraße 1', postalCode: '10119', city: 'Berlin' }, contact: { phone: '030 1234567' } });
  expect(flow.next(), fields(flow).join()).to.equal(true);
  expect(flow.next()).to.equal(true);
  expect(flow.$draft.get().step).to.equal('review');
}

describe('createCheckout()', () => {
  it('starts at the contact step with the buyer\'s region as destination when the shop ships there', async () => {
    const { flow } = await shop();
    expect(flow.$config.get().status).to.equal('ready');
    expect(flow.$draft.get().step).to.equal('contact');
    expect(flow.$draft.get().address.country).to.equal('DE');
    expect(flow.countries()).to.include('DE');
    expect(flow.$quote.get()!.destination).to.equal('DE');
  });

  it('validates each step in codes, naming the field', async () => {
    const { flow } = await shop();
    expect(flow.next()).to.equal(false);
    expect(fields(flow)).to.deep.equal(['name:checkout.errors.required', 'email:checkout.errors.required']);
    flow.update({ contact: { name: 'A', email: 'not-an-email' } });
    // Fixing a field removes its issue at once; the others wait for next().
    expect(fields(flow)).to.deep.equal(['email:checkout.errors.required']);
    expect(flow.next()).to.equal(false);
    expect(fields(flow)).to.deep.equal(['email:checkout.errors.email']);
    flow.update({ contact: { email: 'a@example.de' } });
    expect(flow.next()).to.equal(true);
    expect(flow.$draft.get().step).to.equal('address');
    expect(flow.next()).to.equal(false);
    const issues = flow.$issues.get();
    expect(issues.map((i) => i.field)).to.include.members(['recipient', 'addressLine1', 'postalCode', 'city', 'phone']);
    flow.update({ address: { postalCode: '1234' }, contact: { phone: '12' } });
    flow.next();
    const postal = flow.$issues.get().find((i) => i.field === 'postalCode')!;
    expect(postal.message.code).to.equal('checkout.errors.invalid-postal-code');
    expect(postal.message.params!['country']).to.deep.equal({ region: 'DE' });
    const phone = flow.$issues.get().find((i) => i.field === 'phone')!;
    expect(phone.message.code).to.equal('checkout.errors.phone');
    expect(String(phone.message.params!['example'])).to.match(/^\+49 /);
  });

  it('checks the phone against the destination and saves it in international form', async () => {
    const { flow } = await shop();
    toReview(flow);
    expect(flow.$draft.get().contact.phone).to.equal('+49 30 1234567');
  });

  it('resets region and service when the country changes, and quotes the new destination', async () => {
    const { flow } = await shop();
    flow.update({ address: { country: 'US', region: 'CA' }, serviceId: 'pos-ems' });
    flow.update({ address: { country: 'SG' } });
    expect(flow.$draft.get().address.region).to.equal('');
    expect(flow.$draft.get().serviceId).to.equal(undefined);
    expect(flow.$quote.get()!.destination).to.equal('SG');
  });

  it("quotes the address's province: HST for Ontario, GST for Alberta, the range without one", async () => {
    const { flow } = await shop();
    flow.update({ address: { country: 'CA', region: 'Ontario' } });
    let q = flow.$quote.get()!;
    expect(q.subdivision).to.equal('CA-ON');
    expect(q.landedCost!.lines.find((l) => l.kind === 'gst')!.ratePercent).to.equal(13);
    flow.update({ address: { region: 'AB' } });
    q = flow.$quote.get()!;
    expect(q.subdivision).to.equal('CA-AB');
    expect(q.landedCost!.lines.find((l) => l.kind === 'gst')!.ratePercent).to.equal(5);
    flow.update({ address: { region: '' } });
    q = flow.$quote.get()!;
    expect(q.subdivision).to.equal(undefined);
    expect(q.landedCost!.subdivisionRange).to.deep.include({ minPercent: 5, maxPercent: 15 });
  });

  it('places one order locally, clears the cart, and keeps the order across a reload', async () => {
    const storage = memoryStorage();
    const { sf, flow } = await shop({ storage });
    toReview(flow);
    const order = await flow.placeOrder();
    expect(order!.reference).to.match(/^MDN-/);
    expect(order!.lines.map((l) => [l.productId, l.variantId])).to.deep.equal([['kemeja-batik-lasem', 'm'], ['cengkeh-ternate', undefined]]);
    expect(flow.$draft.get().step).to.equal('done');
    expect(sf.cart.$lines.get()).to.deep.equal([]);
    expect((await flow.placeOrder())!.reference).to.equal(order!.reference);
    flow.destroy();
    const again = createCheckout(sf, { preferredRegions: ['DE'] });
    expect(again.$draft.get().order!.reference).to.equal(order!.reference);
  });

  it('gives hand-off links; a bad setting loses only its own link, with an error naming it', async () => {
    const { flow, errors } = await shop({ handoff: { whatsapp: '6281227771234', email: 'orders@example.id' } });
    toReview(flow);
    await flow.placeOrder();
    const links = flow.handoffLinks('1 × Shirt — M', 'Order');
    expect(links.whatsapp).to.match(/^https:\/\/wa\.me\/6281227771234\?text=1%20%C3%97%20Shirt/);
    expect(links.email).to.match(/^mailto:orders@example\.id\?subject=Order/);
    expect(errors).to.deep.equal([]);
  });

  it('discards a saved draft that is not one, with a warning', async () => {
    const storage = memoryStorage();
    storage.setItem('mendunia:flow:checkout', JSON.stringify({ v: 1, step: 'nowhere', contact: {} }));
    const { flow, errors } = await shop({ storage });
    expect(flow.$draft.get().step).to.equal('contact');
    expect(storage.getItem('mendunia:flow:checkout') ?? '').to.not.contain('nowhere');
    expect(errors.join()).to.contain('mendunia:flow:checkout) could not be read');
  });

  it('says a missing configuration is missing, and an invalid one is not worth retrying', async () => {
    expect((await shop({ config: undefined })).flow.$config.get().status).to.equal('missing');
    const { flow, errors } = await shop({ config: { shipping: { services: 'nope' } } });
    const state = flow.$config.get();
    expect(state.status).to.equal('error');
    expect(state.status === 'error' && state.retryable).to.equal(false);
    expect(state.status === 'error' && state.error.code).to.equal('checkout.configErrors.invalid');
    expect(errors[0]).to.contain('inline configuration');
  });

  it('reports an unreachable configuration as retryable', async () => {
    const { flow, errors } = await shop({ config: 'http://127.0.0.1:9/checkout.json' });
    for (let i = 0; i < 100 && flow.$config.get().status === 'loading'; i++) await new Promise((r) => setTimeout(r, 20));
    const state = flow.$config.get();
    expect(state.status === 'error' && state.retryable).to.equal(true);
    expect(errors[0]).to.contain('http://127.0.0.1:9/checkout.json');
  });
});
