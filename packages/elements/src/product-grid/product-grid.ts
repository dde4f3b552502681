import { LitElement, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localise, type Catalog, type Category, type Product, type Storefront } from '@mendunia/core';
import { translator, type TFunction } from '@mendunia/i18n';
import { StorefrontController } from '../shared/storefront-controller.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { productGridStyles } from './product-grid.styles.js';

/** Placeholders shown while the catalog loads. */
const PLACEHOLDERS = 3;

/**
 * Cards added per task. The first batch fills a screen; the rest follow in batches of this many,
 * each in a task of its own, so a 10,000-product catalog never blocks input (add to cart, a
 * currency switch) for long. 24 fills whole rows of 1, 2, 3, 4, 6 or 8 columns.
 */
const CHUNK = 24;

/** Lets the browser handle input before the next batch: scheduler.yield() where there is one. */
function yieldToInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every part of a card, re-exported from the grid as `card-<part>` (see the JSDoc below). */
const CARD_PARTS = [
  'base',
  'image',
  'title',
  'description',
  'variant-select',
  'stock',
  'price',
  'charge',
  'quantity',
  'add-button',
  'status',
  'message',
  'retry-button',
];
const EXPORT_PARTS = CARD_PARTS.map((p) => `${p}: card-${p}`).join(', ');

/** What the grid shows for one catalog and one category; kept between renders. */
interface View {
  readonly catalog: Catalog;
  readonly category: string | undefined;
  /** Categories that have products, in catalog order. */
  readonly categories: readonly Category[];
  /** Whether choosing a category can change what is shown. */
  readonly filterable: boolean;
  readonly products: readonly Product[];
}

function viewOf(catalog: Catalog, category: string | undefined): View {
  const used = new Set<string | undefined>(catalog.products.map((p) => p.category));
  const categories = catalog.categories.filter((c) => used.has(c.id));
  return {
    catalog,
    category,
    categories,
    filterable: categories.length > 1 || (categories.length === 1 && used.has(undefined)),
    products: category === undefined ? catalog.products : catalog.products.filter((p) => p.category === category),
  };
}

/**
 * @tag mendunia-product-grid
 * @summary Every product of the catalog as product cards in a responsive grid, with a
 * category filter ("All" and one button per category) that buyers can use by keyboard and
 * screen reader. Renders loading, error and empty states.
 *
 * @csspart base - The wrapper around filter and grid.
 * @csspart filter - The group of category buttons.
 * @csspart filter-button - A category button (also `filter-button-pressed` on the chosen one).
 * @csspart filter-button-pressed - The category button that is chosen.
 * @csspart grid - The list of cards.
 * @csspart message - The loading, error or empty message.
 * @csspart retry-button - The button that retries loading the catalog.
 * @csspart card-base - A card's `base` part; every card part is exported with a `card-` prefix: `card-image`, `card-title`, `card-price`, `card-add-button`, …
 *
 * @cssprop --mendunia-grid-min-column - Smallest width of a column; as many columns as fit (default 15rem).
 * @cssprop --mendunia-grid-columns - Most columns in a row (default no limit).
 * @cssprop --mendunia-grid-gap - Space between cards, one length (default `--mendunia-space-4`, 1rem).
 */
export class MenduniaProductGrid extends LitElement {
  static override styles = [baseStyles, controlStyles, productGridStyles];

  /** Show only this category (a `categories[].id` of the catalog). Set by the filter when the buyer chooses one. */
  @property() category?: string;

  /** Hide the category filter (the `category` attribute still applies). */
  @property({ type: Boolean, attribute: 'hide-filter' }) hideFilter = false;

  /** Heading level of the product names inside the cards (default 3). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  /** Said by screen readers after the buyer chose a category ("5 products"). */
  @state() private announcement = '';

  /** How many of the view's products have a card so far (they are added in batches). */
  @state() private shown = 0;

  private readonly store = new StorefrontController(this, (s) => [s.$catalog, s.$locale]);
  private view?: View;
  /** The batch loop that is adding cards, if any; replaced when the view changes. */
  private filling?: View;
  /** The cards in the list: for which list, view, storefront and heading level, and how many. */
  private painted?: { list: HTMLUListElement; view: View; sf: Storefront; headingLevel: number; count: number };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('category')) this.announcement = '';
    const state = this.store.value?.$catalog.get();
    const catalog = state?.status === 'ready' ? state.catalog : undefined;
    const category = this.category || undefined;
    if (!catalog) this.view = undefined;
    else if (this.view?.catalog !== catalog || this.view.category !== category) {
      this.view = viewOf(catalog, category);
      this.shown = Math.min(CHUNK, this.view.products.length);
    }
  }

  protected override updated(): void {
    this.paintCards();
    const view = this.view;
    if (view && this.shown < view.products.length && this.filling !== view) void this.fill(view);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while adding cards: carry on (updated() restarts the batches).
    if (this.view && this.shown < this.view.products.length) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.filling = undefined;
  }

  /** Adds the rest of the view's cards, a batch per task, until done or the view changes. */
  private async fill(view: View): Promise<void> {
    this.filling = view;
    while (this.filling === view && this.shown < view.products.length) {
      await yieldToInput();
      if (this.filling !== view || !this.isConnected) break;
      this.shown = Math.min(this.shown + CHUNK, view.products.length);
      await this.updateComplete;
    }
    if (this.filling === view) this.filling = undefined;
  }

  protected override render(): TemplateResult {
    const sf = this.store.value;
    const state = sf?.$catalog.get();
    const t = translator(sf?.$locale.get() ?? document.documentElement.lang);
    if (!sf || !state || state.status === 'idle' || state.status === 'loading') return this.renderLoading(t);
    if (state.status === 'error') {
      return html`<div part="base" class="message">
        <p part="message" role="status">${t('product.loadError')}</p>
        <button part="retry-button" type="button" @click=${() => void sf.loadCatalog()}>${t('product.retry')}</button>
      </div>`;
    }
    const view = this.view!;
    const locale = sf.$locale.get();
    return html`<div part="base">
      ${view.filterable && !this.hideFilter ? this.renderFilter(view, locale, t) : nothing}
      ${view.products.length
        ? html`<ul part="grid" class="cards"></ul>`
        : html`<p part="message" role="status">${view.category === undefined ? t('grid.empty') : t('grid.emptyCategory')}</p>`}
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }

  /**
   * Adds the batches of cards not in the list yet. Each batch is rendered once, on its own, before
   * a marker of its own (lit's render with renderBefore): adding one batch neither re-renders nor
   * diffs the cards before it. A new view, storefront or heading level starts the list afresh.
   */
  private paintCards(): void {
    const sf = this.store.value;
    const view = this.view;
    const list = this.renderRoot.querySelector<HTMLUListElement>('ul.cards');
    if (!sf || !view || !list) {
      this.painted = undefined;
      return;
    }
    const headingLevel = this.headingLevel;
    let painted = this.painted;
    if (!painted || painted.list !== list || painted.view !== view || painted.sf !== sf || painted.headingLevel !== headingLevel) {
      list.replaceChildren();
      painted = this.painted = { list, view, sf, headingLevel, count: 0 };
    }
    while (painted.count < this.shown) {
      const start = painted.count;
      const end = Math.min(start + CHUNK, this.shown);
      const marker = list.appendChild(document.createComment(''));
      render(
        view.products.slice(start, end).map(
          (p) => html`<li
            ><mendunia-product-card
              product-id=${p.id}
              heading-level=${headingLevel}
              exportparts=${EXPORT_PARTS}
              .storefront=${sf}
            ></mendunia-product-card
          ></li>`,
        ),
        list,
        { renderBefore: marker },
      );
      painted.count = end;
    }
  }

  private renderFilter(view: View, locale: string, t: TFunction): TemplateResult {
    const button = (id: string | undefined, label: string) => {
      const pressed = view.category === id;
      return html`<button
        part=${pressed ? 'filter-button filter-button-pressed' : 'filter-button'}
        type="button"
        aria-pressed=${pressed ? 'true' : 'false'}
        @click=${() => void this.choose(id, t)}
      >
        ${label}
      </button>`;
    };
    return html`<div part="filter" role="group" aria-label=${t('grid.filter')}>
      ${button(undefined, t('grid.all'))} ${view.categories.map((c) => button(c.id, localise(c.name, locale)))}
    </div>`;
  }

  private renderLoading(t: TFunction): TemplateResult {
    return html`<div part="base" aria-busy="true">
      <p part="message" role="status" class="visually-hidden">${t('grid.loading')}</p>
      <ul part="grid" aria-hidden="true">
        ${Array.from({ length: PLACEHOLDERS }, () => html`<li><div class="placeholder"></div></li>`)}
      </ul>
    </div>`;
  }


  private async choose(category: string | undefined, t: TFunction): Promise<void> {
    if ((this.category || undefined) === category) return;
    this.category = category;
    await this.updateComplete;
    // After the render that cleared it, so the same count said twice is announced again.
    this.announcement = t('grid.count', { count: this.view?.products.length ?? 0 });
  }
}
