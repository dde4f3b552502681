import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { convertIdr, createStorefront, formatMoney, memoryStorage, staticRates } from '@mendunia/core';
import './define.js';
import type { MenduniaProductCard } from './product-card.js';
import { CATALOG, RATES, readyStorefront, waitFor } from '../test/fixtures.js';

/** Cart lines without the price/name snapshot, for compact assertions. */
const brief = (lines: readonly { productId: string; variantId?: string; quantity: number }[]) =>
  lines.map(({ productId, variantId, quantity }) => ({ productId, ...(variantId ? { variantId } : {}), quantity }));

const part = (el: MenduniaProductCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: MenduniaProductCard, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function card(productId: string, config = {}) {
  const { storefront } = await readyStorefront(config);
  const el = await fixture<MenduniaProductCard>(
    html`<mendunia-product-card product-id=${productId} .storefront=${storefront}></mendunia-product-card>`,
  );
  return { el, storefront };
}

describe('<mendunia-product-card>', () => {
  it('renders the product: image with its size, title, description, price and stock', async () => {
    const { el } = await card('kopi-gayo');
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.getAttribute('width')).to.equal('400');
    expect(img.getAttribute('height')).to.equal('300');
    expect(img.alt).to.equal('A pouch of coffee');
    expect(text(el, 'title')).to.equal('Gayo Arabica Coffee');
    expect(text(el, 'description')).to.equal('Roasted coffee beans from Aceh.');
    const usd = formatMoney(convertIdr(150000, 'USD', { ...RATES, source: 't' }), 'en', { approximate: true }).replace(/\s+/g, ' ');
    expect(text(el, 'price')).to.contain(usd);
    expect(text(el, 'charge')).to.match(/Rp\s?150,000/);
    expect(text(el, 'stock')).to.equal('In stock');
  });

  it('keeps the image box sized before the image loads (no layout shift)', async () => {
    const { el } = await card('kopi-gayo');
    const media = el.shadowRoot!.querySelector<HTMLElement>('.media')!;
    const { width, height } = media.getBoundingClientRect();
    expect(width).to.be.greaterThan(0);
    expect(height).to.be.closeTo(width, 1); // the default 1 / 1 box, whatever the image does
  });

  it('reserves its height while off screen, so cards coming into view shift nothing', async () => {
    const { storefront } = await readyStorefront();
    const holder = await fixture<HTMLDivElement>(html`<div style="inline-size: 240px">
      <mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>
      <div style="block-size: 5000px"></div>
      <mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>
    </div>`);
    const [near, far] = [...holder.querySelectorAll<MenduniaProductCard>('mendunia-product-card')];
    await Promise.all([near!.updateComplete, far!.updateComplete]);
    expect(getComputedStyle(far!).contentVisibility).to.equal('auto');
    // Off screen it is not laid out, but takes a card's room, not none.
    expect(far!.getBoundingClientRect().height).to.be.greaterThan(200);
    expect(near!.getBoundingClientRect().height).to.be.greaterThan(200);
  });

  it('shows the variant picker; choosing a variant changes price and stock', async () => {
    const { el } = await card('kopi-gayo');
    const select = part(el, 'variant-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Whole bean', 'Ground (sold out)', '1 kg']);
    select.value = '1kg';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el, 'stock')).to.equal('Only 2 left');
    expect(text(el, 'charge')).to.match(/520,000/);
    select.value = 'ground';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el, 'stock')).to.equal('Sold out');
    expect((part(el, 'add-button') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('renders a sold-out product with the button disabled', async () => {
    const { el } = await card('batik-habis');
    expect(text(el, 'stock')).to.equal('Sold out');
    const button = part(el, 'add-button') as HTMLButtonElement;
    expect(button.disabled).to.equal(true);
    expect(button.textContent!.trim()).to.equal('Sold out');
    await expect(el).to.be.accessible();
  });

  it('fires a cancelable mendunia-add-to-cart with the detail, then adds to the cart', async () => {
    const { el, storefront } = await card('kopi-gayo');
    setTimeout(() => part(el, 'add-button')!.click());
    const event = await oneEvent(el, 'mendunia-add-to-cart');
    expect(event.detail).to.deep.equal({ productId: 'kopi-gayo', variantId: 'beans', quantity: 1, unitPriceIdr: 150000 });
    expect(event.cancelable).to.equal(true);
    expect(event.composed).to.equal(true);
    await el.updateComplete;
    expect(brief(storefront.cart.$lines.get())).to.deep.equal([{ productId: 'kopi-gayo', variantId: 'beans', quantity: 1 }]);
    expect(text(el, 'status')).to.equal('Added to cart: \u2068Gayo Arabica Coffee\u2069 × 1');
  });

  it('adds nothing when the host cancels the event', async () => {
    const { el, storefront } = await card('cengkeh');
    el.addEventListener('mendunia-add-to-cart', (e) => e.preventDefault());
    part(el, 'add-button')!.click();
    await el.updateComplete;
    expect(storefront.cart.$lines.get()).to.deep.equal([]);
    expect(text(el, 'status')).to.equal('');
  });

  it('limits the quantity to the stock and says so when the cart already holds it', async () => {
    const { el, storefront } = await card('cengkeh');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="number"]')!;
    input.value = '50';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(input.value).to.equal('3');
    part(el, 'add-button')!.click();
    await el.updateComplete;
    expect(brief(storefront.cart.$lines.get())).to.deep.equal([{ productId: 'cengkeh', quantity: 3 }]);
    part(el, 'add-button')!.click();
    await el.updateComplete;
    expect(text(el, 'status')).to.equal('Not added: only 3 available');
    storefront.cart.setQuantity('cengkeh', undefined, 2);
    part(el, 'add-button')!.click(); // asks for 3 more, 1 fits
    await el.updateComplete;
    expect(text(el, 'status')).to.equal('Only 3 available: your cart now has 3 of \u2068Cengkeh Maluku\u2069');
    expect(storefront.cart.$lines.get()[0].quantity).to.equal(3);
  });

  it('can be used with the keyboard alone: choose variant, set quantity, add', async () => {
    const { el, storefront } = await card('kopi-gayo');
    (part(el, 'variant-select') as HTMLSelectElement).focus();
    await sendKeys({ press: 'ArrowDown' }); // Ground (sold out)
    await sendKeys({ press: 'ArrowDown' }); // 1 kg
    await el.updateComplete;
    expect((part(el, 'variant-select') as HTMLSelectElement).value).to.equal('1kg');
    await sendKeys({ press: 'Tab' }); // decrease (disabled at 1 → skipped), so: quantity input
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('number');
    await sendKeys({ press: 'Tab' }); // increase
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' }); // add to cart
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('add-button');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(brief(storefront.cart.$lines.get())).to.deep.equal([{ productId: 'kopi-gayo', variantId: '1kg', quantity: 2 }]);
  });

  it('is accessible', async () => {
    const { el } = await card('kopi-gayo');
    await expect(el).to.be.accessible();
  });

  it('follows the currency and the language live', async () => {
    const { el, storefront } = await card('cengkeh');
    storefront.setCurrency('JPY');
    storefront.setLocale('id');
    await el.updateComplete;
    expect(text(el, 'price')).to.match(/¥/);
    expect(text(el, 'stock')).to.equal('Tinggal 3');
    expect(part(el, 'add-button')!.textContent!.trim()).to.equal('Tambah ke keranjang');
  });

  it('re-prices on a currency switch without re-rendering the card or translating again', async () => {
    const { el, storefront } = await card('kopi-gayo');
    const spied = el as unknown as { render: () => unknown };
    const render = spied.render;
    let renders = 0;
    spied.render = function (this: MenduniaProductCard) {
      renders++;
      return render.call(this);
    };
    const title = part(el, 'title');
    const select = part(el, 'variant-select');
    for (const code of ['JPY', 'SGD', 'IDR', 'USD', 'JPY']) {
      storefront.setCurrency(code);
      await el.updateComplete;
      expect(text(el, 'price'), code).to.contain(storefront.$pricing.get().price(150000).text.replace(/\s+/g, ' '));
      if (code !== 'IDR') expect(text(el, 'charge'), code).to.match(/Rp\s?150,000/);
      else expect(part(el, 'charge'), code).to.equal(null);
    }
    expect(renders).to.equal(0);
    // The rest of the card is the same DOM, untouched.
    expect(part(el, 'title')).to.equal(title);
    expect(part(el, 'variant-select')).to.equal(select);
    // A language switch still re-renders the whole card, price included.
    storefront.setLocale('id');
    await el.updateComplete;
    expect(renders).to.equal(1);
    expect(text(el, 'price')).to.contain('¥');
    expect(part(el, 'add-button')!.textContent!.trim()).to.equal('Tambah ke keranjang');
  });

  it('keeps pricing live after it is moved in the page', async () => {
    const { el, storefront } = await card('kopi-gayo');
    const holder = document.createElement('div');
    document.body.append(holder);
    el.remove();
    storefront.setCurrency('JPY');
    holder.append(el);
    await el.updateComplete;
    expect(text(el, 'price')).to.contain('¥');
    storefront.setCurrency('SGD');
    await el.updateComplete;
    expect(text(el, 'price')).to.contain('S$');
    holder.remove();
  });

  it('renders a loading state while the catalog loads, then the product', async () => {
    const storefront = createStorefront({ storage: memoryStorage(), rates: staticRates(RATES), locale: 'en' });
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="cengkeh" .storefront=${storefront}></mendunia-product-card>`);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.not.equal(null);
    expect(text(el, 'message')).to.equal('Loading product…');
    await storefront.loadCatalog(CATALOG);
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('Cengkeh Maluku');
  });

  it('renders an error state with a retry that reloads the catalog', async () => {
    const errors: unknown[] = [];
    const storefront = createStorefront({ storage: memoryStorage(), catalog: 'http://127.0.0.1:9/catalog.json', locale: 'en', logger: { error: (m: unknown) => errors.push(m), warn: () => {} } });
    await storefront.loadCatalog();
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="cengkeh" .storefront=${storefront}></mendunia-product-card>`);
    expect(text(el, 'message')).to.equal('Products could not be loaded.');
    expect(errors.join('\n')).to.contain('127.0.0.1:9');
    await expect(el).to.be.accessible();
    // Once the catalog loads (here from data), the same card shows the product.
    await storefront.loadCatalog(CATALOG);
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('Cengkeh Maluku');
  });

  it('retry button asks the storefront to load again', async () => {
    const storefront = createStorefront({ storage: memoryStorage(), catalog: 'http://127.0.0.1:9/catalog.json', locale: 'en', logger: { error: () => {}, warn: () => {} } });
    await storefront.loadCatalog();
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="cengkeh" .storefront=${storefront}></mendunia-product-card>`);
    part(el, 'retry-button')!.click();
    expect(storefront.$catalog.get().status).to.equal('loading');
    await waitFor(() => storefront.$catalog.get().status === 'error');
  });

  it('says so when the product id is unknown or missing', async () => {
    const { el } = await card('does-not-exist');
    expect(text(el, 'message')).to.equal('This product is not available.');
    el.productId = undefined;
    await el.updateComplete;
    expect(text(el, 'message')).to.equal('No product selected.');
  });

  it('renders hostile catalog text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const catalog = { ...CATALOG, products: [{ id: 'evil', name: hostile, description: hostile, price: 1000, images: [], weightGrams: 1 }] };
    const { storefront } = await readyStorefront({ catalog });
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="evil" .storefront=${storefront}></mendunia-product-card>`);
    expect(text(el, 'title')).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('script, [part="title"] img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
