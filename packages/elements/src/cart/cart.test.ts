import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { convertIdr, formatMoney, memoryStorage } from '@mendunia/core';
import './define.js';
import '../cart-button/define.js';
import type { MenduniaCart } from './cart.js';
import type { MenduniaCheckoutStartEvent } from '../shared/events.js';
import type { MenduniaCartButton } from '../cart-button/cart-button.js';
import { CATALOG, RATES, readyStorefront } from '../test/fixtures.js';

const root = (el: MenduniaCart) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: MenduniaCart, selector: string) => root(el).querySelector<T>(selector);
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** The element focused now, looking through shadow roots. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

async function drawer() {
  const { storefront, storage } = await readyStorefront();
  storefront.cart.add('kopi-gayo', 'beans', 2);
  storefront.cart.add('cengkeh', undefined, 1);
  const wrapper = await fixture(html`<div>
    <mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>
    <mendunia-cart .storefront=${storefront}></mendunia-cart>
  </div>`);
  const cart = wrapper.querySelector('mendunia-cart')!;
  const cartButton = wrapper.querySelector<MenduniaCartButton>('mendunia-cart-button')!;
  return { storefront, storage, cart, cartButton };
}

async function settle(el: MenduniaCart) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
}

describe('<mendunia-cart> drawer', () => {
  afterEach(() => {
    document.documentElement.style.overflow = '';
  });

  it('is closed until opened, then shows lines, line totals and a consistent subtotal in USD', async () => {
    const { storefront, cart } = await drawer();
    expect(q<HTMLDialogElement>(cart, 'dialog')!.open).to.equal(false);
    storefront.openCart();
    await settle(cart);
    expect(q<HTMLDialogElement>(cart, 'dialog')!.open).to.equal(true);
    const lines = [...root(cart).querySelectorAll('[part="line"]')];
    expect(lines.map((l) => norm(l.querySelector('[part="line-name"]')!.textContent))).to.deep.equal(['Gayo Arabica Coffee', 'Cengkeh Maluku']);
    expect(norm(lines[0].querySelector('[part="line-variant"]')!.textContent)).to.equal('Whole bean');
    const rates = { ...RATES, source: 't' };
    // 2 × the unit price shown (docs/cart.md: a line is its displayed unit price times the quantity).
    const line1 = { amount: convertIdr(150000, 'USD', rates).amount * 2, currency: 'USD' };
    const line2 = convertIdr(45000, 'USD', rates);
    expect(norm(lines[0].querySelector('[part="line-total"]')!.textContent)).to.equal(norm(formatMoney(line1, 'en', { approximate: true })));
    const subtotal = formatMoney({ amount: line1.amount + line2.amount, currency: 'USD' }, 'en', { approximate: true });
    expect(norm(q(cart, '[part="subtotal"]')!.textContent)).to.equal(norm(subtotal));
    expect(norm(q(cart, '[part="charge-note"]')!.textContent)).to.match(/You will be charged Rp\s345,000\./);
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await expect(cart).to.be.accessible();
  });

  it('can be used with the keyboard alone: open, change quantity, remove, close, focus restored', async () => {
    const { storefront, cart, cartButton } = await drawer();
    cartButton.shadowRoot!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(cart);
    expect(q<HTMLDialogElement>(cart, 'dialog')!.open).to.equal(true);
    // Focus moves into the dialog, onto its heading, so "Your cart" is announced first.
    expect(focused()?.getAttribute('part')).to.equal('title');
    await sendKeys({ press: 'Tab' }); // close button
    await sendKeys({ press: 'Tab' }); // first line: − (2 → enabled)
    await sendKeys({ press: 'Tab' }); // quantity input
    await sendKeys({ press: 'Tab' }); // +
    expect(focused()?.getAttribute('aria-label')).to.equal('Increase quantity of Gayo Arabica Coffee');
    await sendKeys({ press: 'Enter' });
    await settle(cart);
    expect(storefront.cart.$lines.get()[0].quantity).to.equal(3);
    await sendKeys({ press: 'Tab' }); // remove
    expect(focused()?.getAttribute('aria-label')).to.equal('Remove Gayo Arabica Coffee from the cart');
    await sendKeys({ press: 'Enter' });
    await settle(cart);
    await cart.updateComplete;
    expect(storefront.cart.$lines.get().map((l) => l.productId)).to.deep.equal(['cengkeh']);
    expect(focused()?.getAttribute('part')).to.equal('title');
    expect(norm(q(cart, '.visually-hidden[role="status"]')!.textContent)).to.equal('\u2068Gayo Arabica Coffee\u2069 was removed from your cart.');
    await sendKeys({ press: 'Escape' });
    await settle(cart);
    expect(q<HTMLDialogElement>(cart, 'dialog')!.open).to.equal(false);
    expect(storefront.$cartOpen.get()).to.equal(false);
    expect(focused()).to.equal(cartButton.shadowRoot!.querySelector('button'));
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('never lets focus reach the page behind the open dialog (it is inert)', async () => {
    const { storefront, cart, cartButton } = await drawer();
    storefront.openCart();
    await settle(cart);
    const behind = cartButton.shadowRoot!.querySelector('button')!;
    let insideCart = 0;
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      // Past the last control the browser may move focus to its own UI (document.body here),
      // as native modal dialogs do; never to an element of the page.
      const el = focused();
      expect(el, `tab ${i}`).to.not.equal(behind);
      expect(el === document.body || cart.shadowRoot!.contains(el), `tab ${i}: ${el?.outerHTML.slice(0, 60)}`).to.equal(true);
      if (cart.shadowRoot!.contains(el)) insideCart++;
    }
    expect(insideCart).to.be.greaterThan(10);
  });

  it('closes from its close button', async () => {
    const { storefront, cart } = await drawer();
    storefront.openCart();
    await settle(cart);
    q(cart, '[part="close-button"]')!.click();
    await settle(cart);
    expect(storefront.$cartOpen.get()).to.equal(false);
  });

  it('shows an accessible empty state', async () => {
    const { storefront } = await readyStorefront();
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart .storefront=${storefront}></mendunia-cart>`);
    storefront.openCart();
    await settle(cart);
    expect(norm(q(cart, '[part="empty"]')!.textContent)).to.contain('Your cart is empty.');
    expect(q(cart, '[part="checkout-button"]')).to.equal(null);
    await expect(cart).to.be.accessible();
    q(cart, '[part="empty"] button')!.click();
    expect(storefront.$cartOpen.get()).to.equal(false);
  });

  it('fires a cancelable mendunia-checkout-start with the lines and subtotal', async () => {
    const { storefront, cart } = await drawer();
    storefront.openCart();
    await settle(cart);
    setTimeout(() => q(cart, '[part="checkout-button"]')!.click());
    const event = (await oneEvent(cart, 'mendunia-checkout-start')) as MenduniaCheckoutStartEvent;
    expect(event.cancelable).to.equal(true);
    expect(event.detail.subtotalIdr).to.equal(345000);
    expect(event.detail.currency).to.equal('USD');
    expect(event.detail.lines.map((l) => [l.productId, l.quantity])).to.deep.equal([['kopi-gayo', 2], ['cengkeh', 1]]);
  });
});

describe('<mendunia-cart inline>', () => {
  it('renders a panel without a dialog or close button', async () => {
    const { storefront } = await readyStorefront();
    storefront.cart.add('cengkeh', undefined, 2);
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart inline .storefront=${storefront}></mendunia-cart>`);
    expect(q(cart, 'dialog')).to.equal(null);
    expect(q(cart, '[part="close-button"]')).to.equal(null);
    expect(root(cart).querySelectorAll('[part="line"]')).to.have.length(1);
    await expect(cart).to.be.accessible();
  });

  it('tells the buyer when a saved product is gone from the catalog, and keeps the rest', async () => {
    const storage = memoryStorage();
    const first = await readyStorefront({ storage, id: 'notice' });
    first.storefront.cart.add('cengkeh', undefined, 1);
    first.storefront.cart.add('kopi-gayo', 'beans', 1);
    first.storefront.cart.close();
    // Next visit: the shop removed the cloves from its catalog.
    const catalog = { ...CATALOG, products: CATALOG.products.filter((p) => p.id !== 'cengkeh') };
    const { storefront } = await readyStorefront({ storage, id: 'notice', catalog });
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart inline .storefront=${storefront}></mendunia-cart>`);
    const notices = q(cart, '[part="notices"]')!;
    expect(notices.getAttribute('role')).to.equal('alert');
    expect(norm(notices.textContent)).to.contain('\u2068Cengkeh Maluku\u2069 is no longer available and was removed from your cart.');
    expect(root(cart).querySelectorAll('[part="line"]')).to.have.length(1);
    notices.querySelector('button')!.click();
    await cart.updateComplete;
    expect(q(cart, '[part="notices"]')).to.equal(null);
  });

  it('re-prices lines and subtotal when the currency changes', async () => {
    const { storefront } = await readyStorefront();
    storefront.cart.add('cengkeh', undefined, 2);
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart inline .storefront=${storefront}></mendunia-cart>`);
    expect(norm(q(cart, '[part="subtotal"]')!.textContent)).to.match(/^≈ US\$/);
    storefront.setCurrency('JPY');
    await cart.updateComplete;
    expect(norm(q(cart, '[part="subtotal"]')!.textContent)).to.match(/^≈ ¥/);
    storefront.setCurrency('IDR');
    await cart.updateComplete;
    expect(norm(q(cart, '[part="subtotal"]')!.textContent)).to.match(/90,000$/);
  });
});
