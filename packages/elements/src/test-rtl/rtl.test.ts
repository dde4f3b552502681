import { expect, fixture, html } from '@open-wc/testing';
import { loadLanguage } from '@mendunia/i18n';
import '../define-all.js';
import type { MenduniaProductCard } from '../product-card/product-card.js';
import type { MenduniaCart } from '../cart/cart.js';
import { CATALOG, RATES, readyStorefront, waitFor } from '../test/fixtures.js';

const base = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('right-to-left (Arabic)', () => {
  before(() => loadLanguage('ar'));

  async function card(locale: string) {
    const { storefront } = await readyStorefront({ locale });
    const wrapper = await fixture(html`<div style="inline-size: 320px">
      <mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>
    </div>`);
    const el = wrapper.querySelector<MenduniaProductCard>('mendunia-product-card')!;
    await el.updateComplete;
    return { el, storefront };
  }

  it('renders a product card in Arabic, right to left, with the add button at the inline start of the stepper mirrored', async () => {
    const { el } = await card('ar');
    expect(base(el).getAttribute('dir')).to.equal('rtl');
    expect(norm(part(el, 'add-button').textContent)).to.equal('أضف إلى السلة');
    expect(norm(part(el, 'quantity').getAttribute('aria-label'))).to.equal('الكمية');
    expect(norm(part(el, 'stock').textContent)).to.equal('متوفر');
    // DOM order is stepper, then button: left to right the stepper is on the left, so in
    // right to left it is on the right, and the button on its left.
    const stepper = part(el, 'quantity').getBoundingClientRect();
    const button = part(el, 'add-button').getBoundingClientRect();
    expect(Math.abs(stepper.top - button.top)).to.be.below(2, 'stepper and button on one line');
    expect(stepper.left).to.be.above(button.left);
    expect(button.right).to.be.at.most(stepper.left + 0.5);
    // The host page stays as it was.
    expect(document.documentElement.dir).to.equal('');
    expect(getComputedStyle(el).direction).to.equal('ltr');
    await expect(el).to.be.accessible();
  });

  it('lays the same card out left to right in English', async () => {
    const { el } = await card('en');
    expect(base(el).getAttribute('dir')).to.equal('ltr');
    expect(part(el, 'quantity').getBoundingClientRect().left).to.be.below(part(el, 'add-button').getBoundingClientRect().left);
  });

  it('flips when the buyer switches language', async () => {
    const { el, storefront } = await card('en');
    storefront.setLocale('ar-EG');
    await el.updateComplete;
    expect(base(el).getAttribute('dir')).to.equal('rtl');
    expect(norm(part(el, 'add-button').textContent)).to.equal('أضف إلى السلة');
    storefront.setLocale('id');
    await el.updateComplete;
    expect(base(el).getAttribute('dir')).to.equal('ltr');
    expect(norm(part(el, 'add-button').textContent)).to.equal('Tambah ke keranjang');
  });

  it('renders the cart in Arabic, right to left, with Arabic plurals', async () => {
    const { storefront } = await readyStorefront({ locale: 'ar' });
    storefront.cart.add('kopi-gayo', 'beans', 2);
    storefront.cart.add('cengkeh', undefined, 1);
    const el = await fixture<MenduniaCart>(html`<mendunia-cart inline .storefront=${storefront}></mendunia-cart>`);
    await el.updateComplete;
    expect(base(el).getAttribute('dir')).to.equal('rtl');
    expect(norm(part(el, 'title').textContent)).to.equal('سلة التسوق');
    expect(norm(part(el, 'checkout-button').textContent)).to.equal('المتابعة لإتمام الطلب');
    expect(norm(part(el, 'remove-button').textContent)).to.equal('إزالة');
    // 3 items: the "few" form
    expect(norm(el.shadowRoot!.querySelector('.subtotal dt')!.textContent)).to.include('(3 منتجات)');
    // The line's image is at the inline start: on the right.
    const line = part(el, 'line').getBoundingClientRect();
    const image = part(el, 'line-image').getBoundingClientRect();
    expect(image.right).to.be.closeTo(line.right, 1);
    await expect(el).to.be.accessible();
  });

  it('opens the cart drawer from the left in Arabic', async () => {
    const { storefront } = await readyStorefront({ locale: 'ar' });
    storefront.cart.add('cengkeh', undefined, 1);
    const el = await fixture<MenduniaCart>(html`<mendunia-cart .storefront=${storefront}></mendunia-cart>`);
    storefront.openCart();
    await el.updateComplete;
    const dialog = part(el, 'dialog');
    await waitFor(() => dialog.matches('[open]'));
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    const box = dialog.getBoundingClientRect();
    if (box.width < innerWidth) expect(box.left).to.be.closeTo(0, 1);
    storefront.closeCart();
    await el.updateComplete;
  });

  it('loads the language a <mendunia-store> is set to, then re-renders its elements', async () => {
    const store = await fixture(html`<mendunia-store locale="ko" store-id="rtl-ko">
      <script type="application/json">${JSON.stringify(CATALOG)}</script>
      <script type="application/json" data-rates>${JSON.stringify(RATES)}</script>
      <mendunia-product-card product-id="kopi-gayo"></mendunia-product-card>
    </mendunia-store>`);
    const el = store.querySelector('mendunia-product-card')!;
    await waitFor(() => norm(el.shadowRoot!.querySelector('[part="add-button"]')?.textContent) === '장바구니에 담기');
    expect(base(el).getAttribute('dir')).to.equal('ltr');
    store.setAttribute('locale', 'ar');
    await waitFor(() => base(el).getAttribute('dir') === 'rtl');
    expect(norm(part(el, 'add-button').textContent)).to.equal('أضف إلى السلة');
  });
});
