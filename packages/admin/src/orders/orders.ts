import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { baseStyles } from '@mendunia/elements';
import { translator } from '@mendunia/i18n';
import { ORDER_STATUSES, type AdminApi, type AdminOrderSummary, type OrderFilters } from '../api.js';
import { routeHash } from '../route.js';
import { countryName, displayTotal, formatDateTime, rupiah } from '../format.js';
import { adminStyles } from '../shared/styles.js';
import { reportError } from '../shared/errors.js';
import { ordersStyles } from './orders.styles.js';

/** Orders per page. */
export const PAGE_SIZE = 20;

/**
 * The orders list: filters (status, from/to date), a search box (reference or buyer name), pages
 * and the CSV export of the same filters. A table on a wide screen, stacked cards on a phone.
 * Filters and page live in the URL (`#/orders?status=paid&page=2`): the app passes them in.
 *
 * @summary The dashboard's orders list.
 * @csspart base - The view's root.
 */
export class MenduniaAdminOrders extends LitElement {
  static override styles = [baseStyles, adminStyles, ordersStyles];

  @property({ attribute: false }) api?: AdminApi;
  @property({ attribute: false }) filters: OrderFilters = {};
  @property({ attribute: false }) pageNumber = 1;
  @property({ reflect: true }) override lang: string = 'id';

  @state() private orders?: readonly AdminOrderSummary[];
  @state() private total = 0;
  @state() private error = '';
  @state() private loading = false;

  @query('h1') private heading?: HTMLElement;

  #request = 0;

  /** Moves focus to the page's heading (the app calls it after a route change). */
  focusHeading(): void {
    this.heading?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filters') || changed.has('pageNumber') || changed.has('api')) void this.#load();
  }

  async #load(): Promise<void> {
    if (!this.api) return;
    const request = ++this.#request;
    this.loading = true;
    this.error = '';
    try {
      const result = await this.api.orders(this.filters, { limit: PAGE_SIZE, offset: (this.pageNumber - 1) * PAGE_SIZE });
      if (request !== this.#request) return;
      this.orders = result.orders;
      this.total = result.total;
    } catch (error) {
      if (request !== this.#request) return;
      this.orders = undefined;
      this.error = reportError(this, error, translator(this.lang));
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '').trim();
    const filters: Record<string, string> = {};
    for (const key of ['status', 'since', 'until', 'q']) if (value(key)) filters[key] = value(key);
    const hash = routeHash({ page: 'orders', filters, pageNumber: 1 });
    if (globalThis.location.hash === hash) void this.#load();
    else globalThis.location.hash = hash;
  }

  protected override render(): TemplateResult {
    const t = translator(this.lang);
    const f = this.filters;
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    const csv = this.api?.csvUrl(f) ?? '';
    return html`
      <section part="base">
        <div class="heading">
          <h1 tabindex="-1">${t('admin.list.heading')}</h1>
          ${csv ? html`<a class="button no-print" href=${csv} download>${t('admin.list.export')}</a>` : nothing}
        </div>
        <form class="filters no-print" role="search" aria-label=${t('admin.list.filters')} @submit=${this.#submit}>
          <div class="field q">
            <label for="q">${t('admin.list.search')}</label>
            <input id="q" name="q" type="search" .value=${f.q ?? ''} placeholder=${t('admin.list.searchHint')} autocomplete="off" />
          </div>
          <div class="field">
            <label for="status">${t('admin.list.status')}</label>
            <select id="status" name="status">
              <option value="" ?selected=${!f.status}>${t('admin.list.allStatuses')}</option>
              ${ORDER_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${t(`admin.status.${s}`)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="since">${t('admin.list.since')}</label>
            <input id="since" name="since" type="date" .value=${f.since ?? ''} />
          </div>
          <div class="field">
            <label for="until">${t('admin.list.until')}</label>
            <input id="until" name="until" type="date" .value=${f.until ?? ''} />
          </div>
          <div class="field buttons">
            <button class="primary" type="submit">${t('admin.list.apply')}</button>
            ${Object.keys(f).length ? html`<a class="button" href="#/orders">${t('admin.list.reset')}</a>` : nothing}
          </div>
        </form>
        ${this.error
          ? html`<p class="error" role="alert">${this.error}</p>
              <button type="button" @click=${() => this.#load()}>${t('admin.retry')}</button>`
          : nothing}
        ${this.orders === undefined
          ? this.loading
            ? html`<p class="muted">${t('admin.loading')}</p>`
            : nothing
          : this.#renderOrders(this.orders, pages)}
      </section>
    `;
  }

  #renderOrders(orders: readonly AdminOrderSummary[], pages: number): TemplateResult {
    const t = translator(this.lang);
    const lang = this.lang;
    if (orders.length === 0) return html`<p class="muted">${t('admin.list.empty')}</p>`;
    const page = (n: number) => routeHash({ page: 'orders', filters: this.filters, pageNumber: n });
    return html`
      <p class="muted count" aria-busy=${this.loading ? 'true' : 'false'}>${t('admin.list.count', { count: this.total })}</p>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">${t('admin.list.reference')}</th>
            <th scope="col">${t('admin.list.status')}</th>
            <th scope="col">${t('admin.list.date')}</th>
            <th scope="col">${t('admin.list.buyer')}</th>
            <th scope="col">${t('admin.list.destination')}</th>
            <th scope="col" class="num">${t('admin.list.total')}</th>
          </tr>
        </thead>
        <tbody>
          ${orders.map(
            (o) => html`<tr>
              <td data-label=${t('admin.list.reference')}><a href=${routeHash({ page: 'order', reference: o.reference })}>${o.reference}</a></td>
              <td data-label=${t('admin.list.status')}><span class="badge" data-status=${o.status}>${t(`admin.status.${o.status}`)}</span></td>
              <td data-label=${t('admin.list.date')}>${formatDateTime(o.createdAt, lang)}</td>
              <td data-label=${t('admin.list.buyer')}>${o.buyerName}</td>
              <td data-label=${t('admin.list.destination')}>${countryName(o.destination, lang)}</td>
              <td data-label=${t('admin.list.total')} class="num">
                ${rupiah(o.totalIdr, lang)}${displayTotal(o.display, lang) ? html`<br /><span class="muted">${displayTotal(o.display, lang)}</span>` : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${pages > 1
        ? html`<nav class="paging no-print" aria-label=${t('admin.list.paging')}>
            ${this.pageNumber > 1 ? html`<a class="button" href=${page(this.pageNumber - 1)}>${t('admin.list.previous')}</a>` : nothing}
            <span>${t('admin.list.page', { page: this.pageNumber, pages })}</span>
            ${this.pageNumber < pages ? html`<a class="button" href=${page(this.pageNumber + 1)}>${t('admin.list.next')}</a>` : nothing}
          </nav>`
        : nothing}
    `;
  }
}
