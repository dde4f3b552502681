import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { MenduniaCartButton } from './cart-button.js';
import { readyStorefront } from '../test/fixtures.js';

const button = (el: MenduniaCartButton) => el.shadowRoot!.querySelector('button')!;
const badge = (el: MenduniaCartButton) => el.shadowRoot!.querySelector('[part="badge"]');
const status = (el: MenduniaCartButton) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<mendunia-cart-button>', () => {
  it('shows no badge for an empty cart, then counts items and says so to screen readers', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaCartButton>(html`<mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>`);
    expect(badge(el)).to.equal(null);
    expect(button(el).getAttribute('aria-label')).to.equal('Open cart, 0 items');
    expect(status(el)).to.equal('');
    storefront.cart.add('cengkeh', undefined, 2);
    await el.updateComplete;
    expect(badge(el)!.textContent).to.equal('2');
    expect(button(el).getAttribute('aria-label')).to.equal('Open cart, 2 items');
    expect(status(el)).to.equal('Cart: 2 items');
    storefront.setLocale('id');
    await el.updateComplete;
    expect(button(el).getAttribute('aria-label')).to.equal('Buka keranjang, 2 barang');
  });

  it('opens the cart on click and from the keyboard', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaCartButton>(html`<mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>`);
    button(el).click();
    expect(storefront.$cartOpen.get()).to.equal(true);
    await el.updateComplete;
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    storefront.closeCart();
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(storefront.$cartOpen.get()).to.equal(true);
    storefront.closeCart();
    await sendKeys({ press: 'Space' });
    expect(storefront.$cartOpen.get()).to.equal(true);
  });

  it('is accessible empty and with items', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaCartButton>(html`<mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>`);
    await expect(el).to.be.accessible();
    storefront.cart.add('kopi-gayo', 'beans', 1);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
