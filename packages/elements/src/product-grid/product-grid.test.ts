import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStorefront, memoryStorage, staticRates, type Storefront } from '@mendunia/core';
import { loadLanguage } from '@mendunia/i18n';
import './define.js';
import type { MenduniaProductGrid } from './product-grid.js';
import { CATALOG, RATES, readyStorefront, waitFor } from '../test/fixtures.js';

/** The fixture catalog plus a second category, so the filter has two categories and "All". */
const CATALOG_2 = {
  ...CATALOG,
  categories: [...CATALOG.categories, { id: 'batik', name: { id: 'Batik', en: 'Batik cloth' } }, { id: 'unused', name: 'Unused' }],
  products: CATALOG.products.map((p) => (p.id === 'batik-habis' ? { ...p, category: 'batik' } : p)),
};

const shadow = (el: MenduniaProductGrid) => el.shadowRoot!;
const ids = (el: MenduniaProductGrid) =>
  [...shadow(el).querySelectorAll('mendunia-product-card')].map((c) => c.getAttribute('product-id'));
const filterButtons = (el: MenduniaProductGrid) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="filter-button"]')];
const pressed = (el: MenduniaProductGrid) => filterButtons(el).filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent!.trim());
const text = (el: MenduniaProductGrid, part: string) => shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function grid(storefront: Storefront, attrs: { category?: string; hideFilter?: boolean; headingLevel?: number } = {}) {
  return fixture<MenduniaProductGrid>(html`<mendunia-product-grid
    .storefront=${storefront}
    category=${attrs.category ?? ''}
    ?hide-filter=${attrs.hideFilter}
    heading-level=${attrs.headingLevel ?? 3}
  ></mendunia-product-grid>`);
}

describe('<mendunia-product-grid>', () => {
  it('renders one product card per product, in catalog order, with the heading level passed on', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront, { headingLevel: 2 });
    expect(ids(el)).to.deep.equal(['kopi-gayo', 'cengkeh', 'batik-habis']);
    const card = shadow(el).querySelector('mendunia-product-card')!;
    expect(card.headingLevel).to.equal(2);
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('[part="title"]')!.getAttribute('aria-level')).to.equal('2');
    expect(card.storefront).to.equal(storefront);
    expect(shadow(el).querySelector('[part="grid"]')!.tagName).to.equal('UL');
  });

  it('shows a filter with "All" and the categories that have products; "All" is pressed', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront);
    const group = shadow(el).querySelector('[part="filter"]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Filter by category');
    expect(filterButtons(el).map((b) => b.textContent!.trim())).to.deep.equal(['All', 'Coffee', 'Batik cloth']);
    expect(pressed(el)).to.deep.equal(['All']);
    await expect(el).to.be.accessible();
  });

  it('filters by the chosen category, says how many products are shown, and back to all', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront);
    filterButtons(el)[1]!.click();
    await waitFor(() => text(el, 'base').includes('1 product'));
    expect(ids(el)).to.deep.equal(['kopi-gayo']);
    expect(el.category).to.equal('kopi');
    expect(pressed(el)).to.deep.equal(['Coffee']);
    expect(filterButtons(el)[1]!.getAttribute('part')).to.equal('filter-button filter-button-pressed');
    expect(shadow(el).querySelector('.visually-hidden[role="status"]')!.textContent).to.equal('1 product');
    filterButtons(el)[0]!.click();
    await waitFor(() => ids(el).length === 3);
    expect(el.category).to.equal(undefined);
    expect(pressed(el)).to.deep.equal(['All']);
    expect(shadow(el).querySelector('.visually-hidden[role="status"]')!.textContent).to.equal('3 products');
  });

  it('can be used with the keyboard: Tab to a category, Enter', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront);
    filterButtons(el)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement!.textContent!.trim()).to.equal('Batik cloth');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => ids(el).length === 1);
    expect(ids(el)).to.deep.equal(['batik-habis']);
  });

  it('takes the category from its attribute; hide-filter hides the buttons but keeps the filter', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront, { category: 'batik', hideFilter: true });
    expect(ids(el)).to.deep.equal(['batik-habis']);
    expect(shadow(el).querySelector('[part="filter"]')).to.equal(null);
    el.hideFilter = false;
    await el.updateComplete;
    expect(pressed(el)).to.deep.equal(['Batik cloth']);
  });

  it('shows no filter when there is nothing to choose between', async () => {
    const { storefront } = await readyStorefront({ catalog: { ...CATALOG, products: CATALOG.products.filter((p) => p.category === 'kopi') } });
    const el = await grid(storefront);
    expect(ids(el)).to.deep.equal(['kopi-gayo']);
    expect(shadow(el).querySelector('[part="filter"]')).to.equal(null);
  });

  it('renders the empty states: no products, and none in the category', async () => {
    const { storefront } = await readyStorefront({ catalog: { ...CATALOG, products: [] } });
    const el = await grid(storefront);
    expect(text(el, 'message')).to.equal('No products here yet.');
    const { storefront: other } = await readyStorefront({ catalog: CATALOG_2 });
    const filtered = await grid(other, { category: 'unused' });
    expect(text(filtered, 'message')).to.equal('No products in this category.');
    expect(pressed(filtered)).to.deep.equal([]);
    await expect(filtered).to.be.accessible();
  });

  it('renders a loading state while the catalog loads, then the cards', async () => {
    const storefront = createStorefront({ storage: memoryStorage(), rates: staticRates(RATES), locale: 'en' });
    const el = await grid(storefront);
    expect(shadow(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el, 'message')).to.equal('Loading products…');
    expect(shadow(el).querySelectorAll('.placeholder').length).to.be.greaterThan(0);
    await storefront.loadCatalog(CATALOG_2);
    await el.updateComplete;
    expect(ids(el)).to.have.length(3);
  });

  it('renders an error state with a retry that reloads the catalog', async () => {
    const storefront = createStorefront({ storage: memoryStorage(), catalog: 'http://127.0.0.1:9/catalog.json', locale: 'en', logger: { error: () => {}, warn: () => {} } });
    await storefront.loadCatalog();
    const el = await grid(storefront);
    expect(text(el, 'message')).to.equal('Products could not be loaded.');
    await expect(el).to.be.accessible();
    (shadow(el).querySelector('[part="retry-button"]') as HTMLButtonElement).click();
    expect(storefront.$catalog.get().status).to.equal('loading');
    await waitFor(() => storefront.$catalog.get().status === 'error');
  });

  it('follows the language: category names and labels', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront);
    storefront.setLocale('id');
    await el.updateComplete;
    expect(filterButtons(el).map((b) => b.textContent!.trim())).to.deep.equal(['Semua', 'Kopi', 'Batik']);
  });

  it('lays out right to left in Arabic: "All" first at the inline start, on the right', async () => {
    await loadLanguage('ar');
    const { storefront } = await readyStorefront({ catalog: CATALOG_2, locale: 'ar' });
    const el = await grid(storefront);
    const base = shadow(el).querySelector('[part="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    const [all, coffee] = filterButtons(el).map((b) => b.getBoundingClientRect());
    expect(all!.left).to.be.greaterThan(coffee!.left);
    expect(getComputedStyle(el).direction).to.equal('ltr'); // the page keeps its own
  });

  it('lays out columns from --mendunia-grid-min-column and caps them with --mendunia-grid-columns', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront);
    el.style.inlineSize = '900px';
    const columns = () => getComputedStyle(shadow(el).querySelector('[part="grid"]')!).gridTemplateColumns.split(' ').length;
    el.style.setProperty('--mendunia-grid-min-column', '200px');
    expect(columns()).to.equal(4);
    el.style.setProperty('--mendunia-grid-columns', '2');
    expect(columns()).to.equal(2);
    el.style.setProperty('--mendunia-grid-min-column', '100%');
    expect(columns()).to.equal(1);
  });

  it('exports the card parts with a card- prefix', async () => {
    const { storefront } = await readyStorefront({ catalog: CATALOG_2 });
    const el = await grid(storefront);
    const exported = shadow(el).querySelector('mendunia-product-card')!.getAttribute('exportparts')!;
    expect(exported).to.contain('add-button: card-add-button');
    expect(exported).to.contain('image: card-image');
  });

  describe('a large catalog', () => {
    const many = (n: number) => ({
      ...CATALOG_2,
      products: Array.from({ length: n }, (_, i) => ({
        id: `p-${i}`,
        name: `Product ${i}`,
        category: i % 2 ? 'batik' : CATALOG_2.products[0]!.category,
        price: 10000 + i,
        images: [],
        weightGrams: 100,
      })),
    });
    const titleOf = async (card: Element) => {
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      return card.shadowRoot!.querySelector('[part="title"]')?.textContent?.trim();
    };

    it('shows its first cards before the rest, then every card, in catalog order', async () => {
      const n = 500;
      const { storefront } = await readyStorefront({ catalog: many(n) });
      const el = await grid(storefront);
      const first = ids(el);
      expect(first.length).to.be.greaterThan(0);
      expect(first.length).to.be.lessThan(n);
      expect(await titleOf(shadow(el).querySelector('mendunia-product-card')!)).to.equal('Product 0');
      await waitFor(() => ids(el).length === n, 10000);
      expect(ids(el)).to.deep.equal(Array.from({ length: n }, (_, i) => `p-${i}`));
      // The last card is a working card, reachable by keyboard.
      const cards = shadow(el).querySelectorAll('mendunia-product-card');
      const last = cards[cards.length - 1]!;
      expect(await titleOf(last)).to.equal(`Product ${n - 1}`);
      const button = last.shadowRoot!.querySelector<HTMLButtonElement>('[part="add-button"]')!;
      button.focus();
      expect(last.shadowRoot!.activeElement).to.equal(button);
    });

    it('stays usable while cards are added: add to cart, currency switch, a category chosen midway', async () => {
      const n = 600;
      const { storefront } = await readyStorefront({ catalog: many(n) });
      const el = await grid(storefront);
      expect(ids(el).length).to.be.lessThan(n);
      const card = shadow(el).querySelector('mendunia-product-card')!;
      await titleOf(card);
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part="add-button"]')!.click();
      expect(storefront.cart.$lines.get().map((l) => l.productId)).to.deep.equal(['p-0']);
      storefront.setCurrency('JPY');
      expect(card.shadowRoot!.querySelector('[part="price"]')!.textContent).to.contain('¥');
      // Choosing a category while cards are still being added shows that category, complete.
      el.category = 'batik';
      await waitFor(() => ids(el).length === n / 2, 10000);
      await new Promise((r) => setTimeout(r, 50));
      expect(ids(el)).to.deep.equal(Array.from({ length: n / 2 }, (_, i) => `p-${2 * i + 1}`));
    });
  });
});
