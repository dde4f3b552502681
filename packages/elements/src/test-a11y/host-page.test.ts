// Issue 13: what axe does not catch. Focus that must not fall to <body>, the widgets' own
// language on their shadow roots, targets that keep their size whatever root font the page
// sets, announcements inside the open cart, and page CSS that must not reach the private
// variables or the colours of the parts.
import { expect, fixture, html } from '@open-wc/testing';
import { loadLanguage } from '@mendunia/i18n';
import '../define-all.js';
import '../checkout/define.js';
import type { MenduniaProductCard } from '../product-card/product-card.js';
import type { MenduniaCart } from '../cart/cart.js';
import { deepActiveElement } from '../shared/modal.js';
import { readyStorefront, waitFor } from '../test/fixtures.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function settle(el: { updateComplete: Promise<unknown> }) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
}

/** Adds a page stylesheet for one test (removed afterwards). */
let pageStyle: HTMLStyleElement | undefined;
function hostCss(text: string): void {
  pageStyle = document.createElement('style');
  pageStyle.textContent = text;
  document.head.append(pageStyle);
}
afterEach(() => {
  pageStyle?.remove();
  pageStyle = undefined;
  document.documentElement.style.overflow = '';
  document.documentElement.style.colorScheme = '';
});

describe('focus when a ± button disables itself', () => {
  it('moves to the quantity field on the card when + reaches the stock and when − reaches 1', async () => {
    const { storefront } = await readyStorefront();
    // 'cengkeh' has 3 in stock: + is disabled at 3.
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="cengkeh" .storefront=${storefront}></mendunia-product-card>`);
    const [minus, plus] = [...part(el, 'quantity').querySelectorAll('button')];
    const input = part(el, 'quantity').querySelector('input')!;
    plus!.focus();
    plus!.click();
    await settle(el);
    expect(deepActiveElement()).to.equal(plus, 'at 2 the + button stays usable and focused');
    plus!.click();
    await settle(el);
    expect(plus!.disabled).to.equal(true);
    expect(deepActiveElement()).to.equal(input);
    minus!.focus();
    minus!.click();
    await settle(el);
    minus!.click();
    await settle(el);
    expect(minus!.disabled).to.equal(true);
    expect(deepActiveElement()).to.equal(input);
  });

  it('moves to the line quantity field inside the open cart, and the dialog announces the new count', async () => {
    const { storefront } = await readyStorefront();
    storefront.cart.add('cengkeh', undefined, 2);
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart .storefront=${storefront}></mendunia-cart>`);
    storefront.openCart();
    await settle(cart);
    const stepper = part(cart, 'line-quantity');
    const [minus, plus] = [...stepper.querySelectorAll('button')];
    minus!.focus();
    minus!.click();
    await settle(cart);
    expect(storefront.cart.$lines.get()[0]!.quantity).to.equal(1);
    expect(deepActiveElement()).to.equal(stepper.querySelector('input'));
    expect(cart.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    // The live region is inside the dialog (the cart button's is in the inert page behind it).
    const live = cart.shadowRoot!.querySelector('dialog [role="status"].visually-hidden')!;
    expect(norm(live.textContent)).to.equal('Cart: 1 item');
    plus!.focus();
    plus!.click();
    await settle(cart);
    plus!.click();
    await settle(cart);
    expect(plus!.disabled).to.equal(true);
    expect(deepActiveElement()).to.equal(stepper.querySelector('input'));
    expect(norm(live.textContent)).to.equal('Cart: 3 items');
  });
});

describe('lang and dir on every shadow root', () => {
  before(() => Promise.all([loadLanguage('ar'), loadLanguage('ja')]));

  it('marks the content of every element with the storefront language, and follows a switch', async () => {
    const { storefront } = await readyStorefront({ locale: 'ar' });
    storefront.cart.add('cengkeh', undefined, 1);
    const wrapper = await fixture(html`<div>
      <mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>
      <mendunia-product-grid .storefront=${storefront}></mendunia-product-grid>
      <mendunia-price amount="150000" .storefront=${storefront}></mendunia-price>
      <mendunia-currency-selector .storefront=${storefront}></mendunia-currency-selector>
      <mendunia-locale-selector .storefront=${storefront}></mendunia-locale-selector>
      <mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>
      <mendunia-cart inline .storefront=${storefront}></mendunia-cart>
      <mendunia-cart .storefront=${storefront}></mendunia-cart>
      <mendunia-checkout inline .storefront=${storefront}></mendunia-checkout>
    </div>`);
    const elements = [...wrapper.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
    const check = async (lang: string, dir: string) => {
      await Promise.all(elements.map(settle));
      for (const el of elements) {
        expect(el.shadowRoot, el.localName).to.not.equal(null);
        const top = [...el.shadowRoot!.children].filter((c) => c.localName !== 'style');
        expect(top.length, el.localName).to.be.above(0);
        for (const child of top) {
          expect(child.getAttribute('lang'), `${el.localName} > ${child.localName}`).to.equal(lang);
          expect(child.getAttribute('dir'), `${el.localName} > ${child.localName}`).to.equal(dir);
        }
      }
    };
    await check('ar', 'rtl');
    storefront.setLocale('ja');
    await check('ja', 'ltr');
    // The page keeps its own language.
    expect(document.documentElement.lang).to.not.equal('ja');
  });
});

describe('target sizes whatever the root font of the page', () => {
  for (const css of ['html { font-size: 62.5% }', 'html { font-size: 62.5% } * { font-size: 9px }']) {
    it(`keeps every button, field and select at least 24×24 px with ${css}`, async () => {
      hostCss(css);
      const { storefront } = await readyStorefront();
      storefront.cart.add('cengkeh', undefined, 2);
      const wrapper = await fixture(html`<div>
        <mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>
        <mendunia-cart-button .storefront=${storefront}></mendunia-cart-button>
        <mendunia-currency-selector .storefront=${storefront}></mendunia-currency-selector>
        <mendunia-cart .storefront=${storefront}></mendunia-cart>
      </div>`);
      storefront.openCart();
      const elements = [...wrapper.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
      await Promise.all(elements.map(settle));
      const controls = elements.flatMap((el) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select')]);
      expect(controls.length).to.be.above(8);
      for (const control of controls) {
        const { width, height } = control.getBoundingClientRect();
        const name = `${control.localName} ${control.getAttribute('part') ?? control.getAttribute('aria-label') ?? ''}`;
        expect(width, `${name} width`).to.be.at.least(24);
        expect(height, `${name} height`).to.be.at.least(24);
      }
    });
  }
});

describe('page CSS that must not reach inside', () => {
  it('cannot override the private --_* variables', async () => {
    hostCss('* { --_text: transparent; --_surface: transparent; --_primary: transparent; --_on-primary: transparent; --_card-bg: transparent }');
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>`);
    expect(getComputedStyle(part(el, 'title')).color).to.equal('rgb(31, 26, 23)');
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(part(el, 'add-button')).backgroundColor).to.equal('rgb(47, 62, 117)');
  });

  it("keeps its own colours under '* { color: white !important; background: white !important }'", async () => {
    hostCss('* { color: white !important; background: white !important }');
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>`);
    expect(getComputedStyle(part(el, 'title')).color).to.equal('rgb(31, 26, 23)');
    expect(getComputedStyle(part(el, 'price')).color).to.equal('rgb(31, 26, 23)');
    expect(getComputedStyle(part(el, 'description')).color).to.equal('rgb(92, 83, 76)');
  });

  it('still takes the public --mendunia-* properties from the page', async () => {
    hostCss(':root { --mendunia-color-text: rgb(1, 2, 3); --mendunia-card-background: rgb(4, 5, 6) }');
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>`);
    expect(getComputedStyle(part(el, 'title')).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(4, 5, 6)');
  });
});

describe('dark mode', () => {
  it('uses the dark tokens when the page is dark, and the public properties still win', async () => {
    const { storefront } = await readyStorefront();
    const el = await fixture<MenduniaProductCard>(html`<mendunia-product-card product-id="kopi-gayo" .storefront=${storefront}></mendunia-product-card>`);
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(255, 255, 255)');
    document.documentElement.style.colorScheme = 'dark';
    await waitFor(() => getComputedStyle(part(el, 'base')).backgroundColor !== 'rgb(255, 255, 255)');
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(30, 27, 24)');
    expect(getComputedStyle(part(el, 'title')).color).to.equal('rgb(240, 235, 229)');
    el.style.setProperty('--mendunia-color-surface', 'rgb(9, 9, 9)');
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(9, 9, 9)');
    await expect(el).to.be.accessible();
  });
});

describe('a big grid loading', () => {
  it('loses nothing the buyer did meanwhile: cart, currency and a card of the page all kept, every product shown', async () => {
    const products = Array.from({ length: 400 }, (_, i) => ({ id: `p-${i}`, name: `Product ${i}`, price: 10000 + i, weightGrams: 100, stock: 50 }));
    const big = { version: 1, currency: 'IDR', products };
    const { storefront } = await readyStorefront({ catalog: big });
    const wrapper = await fixture(html`<div>
      <mendunia-product-card product-id="p-1" .storefront=${storefront}></mendunia-product-card>
      <mendunia-product-grid hide-filter .storefront=${storefront}></mendunia-product-grid>
    </div>`);
    const card = wrapper.querySelector<MenduniaProductCard>('mendunia-product-card')!;
    const grid = wrapper.querySelector('mendunia-product-grid')!;
    storefront.cart.add('p-7', undefined, 2);
    const [, plus] = [...part(card, 'quantity').querySelectorAll('button')];
    plus!.click();
    await card.updateComplete;
    // Reloading the catalog (a shop's refresh) while the grid draws 400 cards, and a currency switch.
    const reload = storefront.loadCatalog();
    storefront.setCurrency('SGD');
    await reload;
    await waitFor(() => grid.shadowRoot!.querySelectorAll('mendunia-product-card').length === 400, 5000);
    expect(storefront.cart.$lines.get().map((l) => [l.productId, l.quantity])).to.deep.equal([['p-7', 2]]);
    expect(storefront.cart.$count.get()).to.equal(2);
    expect(part(card, 'quantity').querySelector('input')!.value).to.equal('2');
    const last = grid.shadowRoot!.querySelectorAll<MenduniaProductCard>('mendunia-product-card')[399]!;
    await last.updateComplete;
    expect(norm(part(last, 'price').textContent)).to.contain('S$');
    expect(norm(part(card, 'price').textContent)).to.contain('S$');
  });
});
