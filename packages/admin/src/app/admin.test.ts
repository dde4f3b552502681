import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import { AdminApi } from '../api.js';
import { currentPageRule } from '../paperwork/paperwork.js';
import type { MenduniaAdmin } from './admin.js';
import { CSRF, FakeAdminApi, TOKEN } from '../test/fake-api.js';

const realFetch = globalThis.fetch;
let fake: FakeAdminApi;

async function open(hash: string, options: { signedIn?: boolean; orders?: number } = { signedIn: true }): Promise<MenduniaAdmin> {
  fake = new FakeAdminApi(options);
  globalThis.fetch = fake.fetch as typeof fetch;
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const el = await fixture<MenduniaAdmin>(html`<mendunia-admin></mendunia-admin>`);
  await waitUntil(() => !el.shadowRoot!.textContent!.includes('Memuat…') || el.shadowRoot!.querySelector('[data-view]'), 'app ready');
  return el;
}

const root = (el: MenduniaAdmin) => el.shadowRoot!;
const view = (el: MenduniaAdmin) => root(el).querySelector('[data-view]')!.shadowRoot!;
const text = (node: ParentNode | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const viewReady = (el: MenduniaAdmin, selector: string) =>
  waitUntil(() => root(el).querySelector('[data-view]')?.shadowRoot?.querySelector(selector), `${selector} shown`);
const go = async (el: MenduniaAdmin, hash: string) => {
  location.hash = hash;
  await waitUntil(() => location.hash === hash);
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

afterEach(() => {
  globalThis.fetch = realFetch;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

describe('<mendunia-admin> sign-in', () => {
  it('asks for the token in a labelled password field, says when it is wrong, and never keeps it', async () => {
    const el = await open('', { signedIn: false });
    const input = root(el).querySelector<HTMLInputElement>('#token')!;
    expect(input.type).to.equal('password');
    expect(text(root(el).querySelector('label[for=token]'))).to.equal('Token pedagang');
    await expect(el).to.be.accessible();

    input.focus();
    await sendKeys({ type: 'wrong-token' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root(el).querySelector('#token-error')) !== '');
    expect(text(root(el).querySelector('#token-error'))).to.equal('Token itu salah. Periksa lalu coba lagi.');
    expect(input.value).to.equal('');
    expect(input.getAttribute('aria-invalid')).to.equal('true');

    input.focus();
    await sendKeys({ type: TOKEN });
    await sendKeys({ press: 'Enter' });
    await viewReady(el, 'tbody tr');
    const post = fake.requests.filter((r) => r.method === 'POST' && r.url.pathname === '/admin/api/session');
    expect(post.map((r) => r.body)).to.deep.equal([{ token: 'wrong-token' }, { token: TOKEN }]);
    // The token is in no URL and in no storage.
    expect(fake.requests.some((r) => r.url.href.includes(TOKEN))).to.equal(false);
    expect(location.href).not.to.include(TOKEN);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.include(TOKEN);
    // Focus moved to the new page's heading.
    expect(view(el).activeElement?.tagName).to.equal('H1');
  });

  it('signs out with the CSRF token and shows the sign-in again', async () => {
    const el = await open('#/orders');
    await viewReady(el, 'tbody tr');
    const button = [...root(el).querySelectorAll('button')].find((b) => text(b) === 'Keluar')!;
    button.click();
    await waitUntil(() => root(el).querySelector('#token'));
    const del = fake.requests.find((r) => r.method === 'DELETE');
    expect(del?.headers.get('x-csrf-token')).to.equal(CSRF);
    expect(fake.signedIn).to.equal(false);
    expect(text(root(el).querySelector('[role=status]'))).to.equal('Anda sudah keluar.');
  });

  it('shows the sign-in, saying why, when the session ends under a page', async () => {
    const el = await open('#/orders');
    await viewReady(el, 'tbody tr');
    fake.signedIn = false;
    await go(el, '#/orders/MDN-261207-K7QXM');
    await waitUntil(() => root(el).querySelector('#token'), 'sign-in shown');
    expect(text(root(el).querySelector('#token-error'))).to.equal('Sesi Anda sudah berakhir. Silakan masuk lagi.');
  });

  it('switches between Indonesian and English', async () => {
    const el = await open('#/orders');
    await viewReady(el, 'tbody tr');
    const select = root(el).querySelector<HTMLSelectElement>('header select')!;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await root(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-view]')!.updateComplete;
    expect(text(view(el).querySelector('h1'))).to.equal('Orders');
    expect(text(view(el).querySelector('tbody'))).to.include('Germany');
  });
});

describe('<mendunia-admin> orders list', () => {
  it('lists status, date, destination in the merchant’s language and both totals; accessible', async () => {
    const el = await open('#/orders');
    await viewReady(el, 'tbody tr');
    const rows = [...view(el).querySelectorAll('tbody tr')].map(text);
    expect(rows).to.have.length(2);
    expect(rows[0]).to.include('MDN-261207-K7QXM').and.include('Menunggu pembayaran').and.include('Anna Schmidt').and.include('Jerman');
    expect(rows[0]).to.match(/Rp\s?1\.462\.000/).and.include('81,87');
    expect(rows[1]).to.include('Jepang').and.include('Dibayar');
    expect(view(el).querySelector('a[href="#/orders/MDN-261207-K7QXM"]')).to.exist;
    await expect(root(el).querySelector('[data-view]')).to.be.accessible();
  });

  it('filters and searches through the URL, and exports CSV with the same filters', async () => {
    const el = await open('#/orders');
    await viewReady(el, 'tbody tr');
    const v = view(el);
    v.querySelector<HTMLInputElement>('#q')!.value = 'yuki';
    v.querySelector<HTMLSelectElement>('#status')!.value = 'paid';
    v.querySelector<HTMLInputElement>('#since')!.value = '2026-12-01';
    v.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => location.hash.includes('q=yuki'));
    await waitUntil(() => view(el).querySelectorAll('tbody tr').length === 1, 'filtered');
    const last = fake.requests.at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).to.deep.equal({ status: 'paid', since: '2026-12-01', q: 'yuki', limit: '20', offset: '0' });
    expect(view(el).querySelector('a[download]')!.getAttribute('href')).to.equal('/admin/api/orders.csv?status=paid&since=2026-12-01&q=yuki');
  });

  it('pages through many orders', async () => {
    const el = await open('#/orders', { signedIn: true, orders: 25 });
    await viewReady(el, 'nav.paging');
    expect(text(view(el).querySelector('nav.paging'))).to.include('Halaman 1 dari 2');
    view(el).querySelector<HTMLAnchorElement>('nav.paging a')!.click();
    await waitUntil(() => text(view(el).querySelector('nav.paging')).includes('Halaman 2 dari 2'));
    expect(view(el).querySelectorAll('tbody tr')).to.have.length(7);
    expect(fake.requests.at(-1)!.url.searchParams.get('offset')).to.equal('20');
  });
});

describe('<mendunia-admin> order page', () => {
  it('shows every line with its variant and HS code, the buyer, the address and what the buyer paid; accessible', async () => {
    const el = await open('#/orders/MDN-261207-K7QXM');
    await viewReady(el, 'tbody tr');
    const v = view(el);
    expect(v.activeElement?.tagName).to.equal('H1'); // the app moved focus to the page's heading
    const rows = [...v.querySelectorAll('section[aria-labelledby=lines-h] tbody tr')].map(text);
    expect(rows).to.have.length(2);
    expect(rows[0]).to.include('Kemeja Batik Lasem Lengan Pendek').and.include('L').and.include('62052000').and.include('0,6 kg');
    expect(rows[1]).to.include('M').and.include('0,29 kg');
    expect(v.querySelector<HTMLAnchorElement>('a[href^="https://wa.me/"]')!.href).to.equal('https://wa.me/4915112345678');
    expect(v.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.getAttribute('href')).to.equal('mailto:anna.schmidt@example.de');
    expect([...v.querySelector('address')!.childNodes].map((n) => n.textContent).join('|')).to.include('10115 Berlin');
    const costs = text(v.querySelector('.costs'));
    expect(costs).to.match(/Rp\s?1\.275\.000/).and.match(/Rp\s?187\.000/).and.include('81,87').and.match(/Rp\s?277\.780/);
    expect(text(v.querySelector('.history'))).to.include('Pesanan dibuat').and.include('oleh API');
    await expect(root(el).querySelector('[data-view]')).to.be.accessible();
  });

  it('marks paid with the CSRF token and says so in the live region', async () => {
    const el = await open('#/orders/MDN-261207-K7QXM');
    await viewReady(el, '.actions button');
    const paid = [...view(el).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => text(b) === 'Tandai dibayar')!;
    paid.click();
    await waitUntil(() => text(root(el).querySelector('[role=status]')) !== '');
    expect(text(root(el).querySelector('[role=status]'))).to.equal('Tersimpan: pesanan sekarang Dibayar.');
    const post = fake.requests.find((r) => r.url.pathname.endsWith('/status'))!;
    expect(post.headers.get('x-csrf-token')).to.equal(CSRF);
    expect(post.body).to.deep.equal({ status: 'paid' });
    expect(text(view(el).querySelector('.title .badge'))).to.equal('Dibayar');
    expect(text(view(el).querySelector('.history'))).to.include('oleh dasbor');
  });

  it('ships with carrier and tracking number (both required), then offers the tracking message in the buyer’s language', async () => {
    const el = await open('#/orders/MDN-261206-3HPRT');
    await viewReady(el, '.actions button');
    const ship = [...view(el).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => text(b) === 'Tandai dikirim')!;
    ship.click();
    await waitUntil(() => view(el).querySelector('form.shipped'));
    const form = view(el).querySelector<HTMLFormElement>('form.shipped')!;
    expect(view(el).activeElement?.id).to.equal('carrier');
    expect([...form.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).to.deep.equal(['Pos Indonesia', 'DHL Express']);
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => text(form.querySelector('[role=alert]')) !== '');
    expect(text(form.querySelector('[role=alert]'))).to.equal('Pengiriman perlu kurir dan nomor resi.');
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/status'))).to.equal(false);

    form.querySelector<HTMLInputElement>('#carrier')!.value = 'Pos Indonesia';
    form.querySelector<HTMLInputElement>('#tracking-number')!.value = 'EE123456789ID';
    form.querySelector<HTMLInputElement>('#tracking-url')!.value = 'https://www.posindonesia.co.id/en/tracking/EE123456789ID';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => view(el).querySelector('.notice'), 'tracking hand-off shown');
    expect(fake.requests.at(-1)!.body).to.deep.equal({ status: 'shipped', carrier: 'pos', trackingNumber: 'EE123456789ID', trackingUrl: 'https://www.posindonesia.co.id/en/tracking/EE123456789ID' });
    const wa = view(el).querySelector<HTMLAnchorElement>('.notice a[href^="https://wa.me/"]')!;
    const message = new URL(wa.href).searchParams.get('text')!;
    expect(wa.href).to.match(/^https:\/\/wa\.me\/819012345678\?text=/);
    expect(message).to.include('追跡番号：EE123456789ID').and.include('https://www.posindonesia.co.id/en/tracking/EE123456789ID').and.include('Batik Lasem Sari');
    const mail = view(el).querySelector<HTMLAnchorElement>('.notice a[href^="mailto:"]')!.getAttribute('href')!;
    expect(decodeURIComponent(mail)).to.include('yuki@example.jp').and.include('MDN-261206-3HPRT');
  });

  it('writes the tracking message in English when the order does not say the buyer’s language', async () => {
    const el = await open('#/orders/MDN-261206-3HPRT');
    await viewReady(el, '.actions button');
    const found = fake.detail('MDN-261206-3HPRT')!;
    const { language: _language, ...order } = found.order;
    fake.orders = fake.orders.map((o) => (o === found ? { ...found, order, summary: { ...found.summary, status: 'shipped' }, shipment: { carrier: 'dhl', carrierName: 'DHL Express', trackingNumber: '1234567890', shippedAt: '2026-12-08T00:00:00Z' } } : o));
    await go(el, '#/orders');
    await go(el, '#/orders/MDN-261206-3HPRT');
    await viewReady(el, '.notice');
    const message = new URL(view(el).querySelector<HTMLAnchorElement>('.notice a[href^="https://wa.me/"]')!.href).searchParams.get('text')!;
    expect(message).to.include('Tracking number: 1234567890').and.include('DHL Express');
  });

  it('asks before cancelling, and keeping the order changes nothing', async () => {
    const el = await open('#/orders/MDN-261207-K7QXM');
    await viewReady(el, '.actions button');
    const cancel = () => [...view(el).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => text(b) === 'Batalkan pesanan')!;
    cancel().click();
    await waitUntil(() => view(el).querySelector('.confirm'));
    expect(text(view(el).querySelector('.confirm'))).to.include('Batalkan pesanan MDN-261207-K7QXM?');
    expect(view(el).activeElement?.textContent?.trim()).to.equal('Ya, batalkan pesanan');
    [...view(el).querySelectorAll<HTMLButtonElement>('.confirm button')].find((b) => text(b) === 'Jangan batalkan')!.click();
    await waitUntil(() => !view(el).querySelector('.confirm'));
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/status'))).to.equal(false);
    cancel().click();
    await waitUntil(() => view(el).querySelector('.confirm'));
    view(el).querySelector<HTMLButtonElement>('.confirm button.danger')!.click();
    await waitUntil(() => text(view(el).querySelector('.title .badge')) === 'Dibatalkan');
    expect(fake.requests.at(-1)!.body).to.deep.equal({ status: 'cancelled' });
  });

  it('says what is possible when the server refuses a change (409), and reloads the order', async () => {
    const el = await open('#/orders/MDN-261207-K7QXM');
    await viewReady(el, '.actions button');
    const found = fake.detail('MDN-261207-K7QXM')!;
    // Someone else marked it paid meanwhile: the page still offers "paid".
    fake.orders = fake.orders.map((o) => (o === found ? { ...found, summary: { ...found.summary, status: 'paid' }, allowedTransitions: ['packed', 'shipped', 'cancelled', 'refunded'] } : o));
    [...view(el).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => text(b) === 'Tandai dibayar')!.click();
    await waitUntil(() => text(root(el).querySelector('[role=alert]')) !== '');
    expect(text(root(el).querySelector('[role=alert]'))).to.equal('Perubahan ini tidak bisa dilakukan sekarang. Yang bisa: Dikemas, Dikirim, Dibatalkan, Dana dikembalikan.');
    await waitUntil(() => text(view(el).querySelector('.title .badge')) === 'Dibayar');
  });

  it('says so for an order that does not exist', async () => {
    const el = await open('#/orders/MDN-000000-NOPE0');
    await viewReady(el, '[role=alert]');
    expect(text(view(el).querySelector('[role=alert]'))).to.equal('Tidak ada pesanan MDN-000000-NOPE0.');
  });
});

describe('<mendunia-admin> paperwork', () => {
  it('prints a CN23 on A4: sender, recipient, English contents with HS codes, IDR and the buyer’s currency, origin ID; accessible', async () => {
    const el = await open('#/orders/MDN-261207-K7QXM/customs');
    await viewReady(el, '.sheet');
    const sheet = view(el).querySelector('.sheet')!;
    expect(sheet.getAttribute('data-form')).to.equal('CN23');
    expect(text(sheet.querySelector('.cn-form'))).to.equal('CN 23');
    const parties = [...sheet.querySelectorAll('.party')].map(text);
    expect(parties[0]).to.include('Batik Lasem Sari').and.include('Lasem, Rembang 59271').and.include('INDONESIA');
    expect(parties[1]).to.include('10115 Berlin').and.include('GERMANY');
    expect(parties[1].match(/Anna Schmidt/g)).to.have.length(1);
    expect(text(sheet.querySelector('.category'))).to.include('Sale of goods');
    const rows = [...sheet.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
    expect(rows[0]).to.deep.equal(['Lasem Batik Short-sleeve Shirt, L', '2', '0.600', 'Rp 850,000', '€47.60', '62052000', 'ID']);
    expect(text(sheet.querySelector('tfoot'))).to.include('Rp 1,275,000').and.include('€71.40').and.include('1.100');
    expect(text(sheet)).to.include('I certify that the particulars');
    expect(currentPageRule()).to.include('210mm 297mm');
    const print = view(el).querySelector<HTMLButtonElement>('.toolbar button.primary')!;
    expect(text(print)).to.equal('Cetak');
    await expect(root(el).querySelector('[data-view]')).to.be.accessible();
  });

  it('prints a CN22 and a packing slip on A6, and the merchant can choose another size', async () => {
    const el = await open('#/orders/MDN-261206-3HPRT/customs');
    await viewReady(el, '.sheet');
    expect(text(view(el).querySelector('.cn-form'))).to.equal('CN 22');
    expect(currentPageRule()).to.include('105mm 148mm');
    const size = view(el).querySelector<HTMLSelectElement>('#size')!;
    size.value = 'A5';
    size.dispatchEvent(new Event('change'));
    await root(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-view]')!.updateComplete;
    expect(currentPageRule()).to.include('148mm 210mm');

    await go(el, '#/orders/MDN-261206-3HPRT/packing-slip');
    await viewReady(el, '.sheet.slip');
    expect(text(view(el).querySelector('.sheet tbody'))).to.include('Lasem Batik Short-sleeve Shirt — M');
    expect(currentPageRule()).to.include('105mm 148mm');
    await go(el, '#/orders');
    await viewReady(el, 'tbody tr');
    expect(currentPageRule()).to.equal('');
  });
});

describe('AdminApi', () => {
  it('maps the server’s answers to codes: 401, 403, 404, 409 with what is allowed, 400 with the fields', async () => {
    fake = new FakeAdminApi({ signedIn: true });
    const api = new AdminApi({ fetch: fake.fetch as typeof fetch });
    await api.session();
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code: string; allowed?: string[]; fields?: string[] }) => `${e.code} ${e.allowed?.join(',') ?? ''} ${e.fields?.join(',') ?? ''}`.trim());
    expect(await codeOf(api.order('MDN-X'))).to.equal('not-found');
    expect(await codeOf(api.setStatus('MDN-261207-K7QXM', { status: 'delivered' }))).to.equal('conflict paid,cancelled');
    expect(await codeOf(api.setStatus('MDN-261206-3HPRT', { status: 'shipped', carrier: 'pos' }))).to.equal('invalid  trackingNumber');
    fake.failWith = 403;
    expect(await codeOf(api.setStatus('MDN-261207-K7QXM', { status: 'paid' }))).to.equal('forbidden');
    fake.failWith = 401;
    expect(await api.session()).to.equal(undefined);
    fake.failWith = 500;
    expect(await codeOf(api.orders({}, { limit: 1, offset: 0 }))).to.equal('http');
  });
});
