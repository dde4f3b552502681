import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadLanguage } from '@mendunia/i18n';
import './define.js';
import type { MenduniaCartButton } from './cart-button.js';
import { readyStorefront } from '../test/fixtures.js';

const button = (el: MenduniaCartButton) => el.shadowRoot!.querySelector('button')!;
const badge = (el: MenduniaCartButton) => el.shadowRoot!.querySelector('[part="badge"]');
/**
 * The button's accessible name and description, computed the way browsers do for this markup
 * (aria-label, else the text of the content that is not aria-hidden, slot fallbacks included;
 * aria-describedby for the description). e2e/a11y.test.mjs checks the same in Chromium's own
 * accessibility tree.
 */
async function accessible(el: MenduniaCartButton): Promise<{ name: string; description: string }> {
  await el.updateComplete;
  const b = button(el);
  const text = (node: Node): string => {
    if (node instanceof Element && (node.getAttribute('aria-hidden') === 'true' || node.localName === 'svg')) return '';
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes();
      return (assigned.length ? assigned : [...node.childNodes]).map(text).join(' ');
    }
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    return [...node.childNodes].map(text).join(' ');
  };
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const ids = (b.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return {
    name: squash(b.getAttribute('aria-label') ?? text(b)),
    description: squash(ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ')),
  };
}
const status = (el: MenduniaCartButton) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<mendunia-cart-button>', () => {
  it('shows no badge for an empty cart, then counts items and says so to screen readers', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaCartButton>(html`<mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>`);
    expect(badge(el)).to.equal(null);
    expect(await accessible(el)).to.deep.equal({ name: 'Cart', description: 'Open cart, 0 items' });
    expect(status(el)).to.equal('');
    storefront.cart.add('cengkeh', undefined, 2);
    await el.updateComplete;
    expect(badge(el)!.textContent).to.equal('2');
    expect(await accessible(el)).to.deep.equal({ name: 'Cart 2', description: 'Open cart, 2 items' });
    expect(status(el)).to.equal('Cart: 2 items');
    storefront.setLocale('id');
    await el.updateComplete;
    expect(await accessible(el)).to.deep.equal({ name: 'Keranjang 2', description: 'Buka keranjang, 2 barang' });
  });

  it('takes the label the page slotted into its name, and keeps ours when the page slots only an icon', async () => {
    const { storefront } = await readyStorefront();
    storefront.cart.add('cengkeh', undefined, 2);
    const own = await fixture<MenduniaCartButton>(html`<mendunia-cart-button .storefront=${storefront}>Tas belanja</mendunia-cart-button>`);
    await new Promise((r) => setTimeout(r));
    expect((await accessible(own)).name).to.equal('Tas belanja 2');
    const icon = await fixture<MenduniaCartButton>(html`<mendunia-cart-button .storefront=${storefront}>
      <svg slot="icon" aria-hidden="true" viewBox="0 0 24 24"></svg>
    </mendunia-cart-button>`);
    await new Promise((r) => setTimeout(r));
    expect((await accessible(icon)).name).to.equal('Cart 2');
  });

  // WCAG 2.5.3 (label in name): a voice user says what they see — the label and the count.
  for (const [locale, label] of [
    ['ar', 'السلة'],
    ['ja', 'カート'],
  ] as const) {
    it(`has the visible label and count in its accessible name in ${locale}, for one, two and many items`, async () => {
      await loadLanguage(locale);
      const { storefront } = await readyStorefront({ locale });
      const el = await fixture<MenduniaCartButton>(html`<mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>`);
      for (const count of [1, 2, 3]) {
        storefront.cart.add('cengkeh', undefined, 1);
        await el.updateComplete;
        const visible = badge(el)!.textContent!.trim();
        expect(visible).to.equal(String(count));
        const { name } = await accessible(el);
        expect(name, `${count} item(s)`).to.contain(label);
        expect(name, `${count} item(s)`).to.contain(visible);
      }
    });
  }

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
