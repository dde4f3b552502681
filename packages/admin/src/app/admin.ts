import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { baseStyles } from '@mendunia/elements';
import { addAdminStrings } from '@mendunia/i18n/admin-strings.js';
import { translator } from '@mendunia/i18n';
import { AdminApi, AdminApiError, type AdminSession } from '../api.js';
import { parseRoute, type Route } from '../route.js';
import { adminStyles } from '../shared/styles.js';
import type { AdminNoticeEvent } from '../shared/events.js';
import { appStyles } from './admin.styles.js';

/** The dashboard's languages: the merchant's (Indonesian) first, and English. */
export const ADMIN_LANGUAGES = ['id', 'en'] as const;
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number];

interface View extends HTMLElement {
  readonly updateComplete: Promise<boolean>;
  focusHeading(): void;
}

/**
 * The merchant dashboard: sign-in with the merchant token (exchanged once for the server's
 * session cookie; never put in a URL or stored), then the orders, an order's page and its
 * paperwork as hash routes (`#/orders?status=paid`, `#/orders/MDN-…`, `…/packing-slip`,
 * `…/customs`), so Back works and a page can be reloaded. Served by the reference server at
 * /admin; see docs/dashboard.md.
 *
 * @summary The merchant's orders dashboard (sign-in, orders, order page, paperwork).
 * @csspart base - The app's root.
 * @csspart header - The bar with the shop's name, the language switch and sign-out.
 * @cssprop --mendunia-color-primary - Links, buttons and focus rings.
 */
export class MenduniaAdmin extends LitElement {
  static override styles = [baseStyles, adminStyles, appStyles];

  /** The dashboard's language: `id` (default) or `en`. */
  @property({ reflect: true }) override lang: string = 'id';

  /** Where the admin API is (the reference server: `/admin/api`). */
  @property({ attribute: 'api-base' }) apiBase = '/admin/api';

  /** The API client; set it to share one (a test's), else one is made for `api-base`. */
  @property({ attribute: false }) api?: AdminApi;

  @state() private phase: 'checking' | 'signed-out' | 'signing-in' | 'signed-in' | 'unreachable' = 'checking';
  @state() private session?: AdminSession;
  @state() private route: Route = parseRoute('');
  @state() private signInError = '';
  @state() private status = '';
  @state() private alert = '';

  @query('#token') private tokenInput?: HTMLInputElement;

  #focusOnRender = false;

  constructor() {
    super();
    addAdminStrings();
  }

  private get t() {
    return translator(this.language);
  }

  /** The supported language of `lang`. */
  get language(): AdminLanguage {
    return ADMIN_LANGUAGES.find((l) => l === this.lang?.toLowerCase()) ?? 'id';
  }

  #client(): AdminApi {
    return (this.api ??= new AdminApi({ base: this.apiBase }));
  }

  #onHashChange = () => {
    this.route = parseRoute(globalThis.location.hash);
    this.status = '';
    this.alert = '';
    this.#focusOnRender = true;
  };

  #onNotice = (event: AdminNoticeEvent) => {
    if (event.kind === 'error') {
      this.alert = event.text;
      this.status = '';
    } else {
      this.status = event.text;
      this.alert = '';
    }
  };

  #onSessionEnded = () => {
    this.session = undefined;
    this.phase = 'signed-out';
    this.signInError = this.t('admin.error.session');
    this.#focusOnRender = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('hashchange', this.#onHashChange);
    this.addEventListener('mendunia-admin-notice', this.#onNotice);
    this.addEventListener('mendunia-admin-session-ended', this.#onSessionEnded);
    this.route = parseRoute(globalThis.location.hash);
    void this.#checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('hashchange', this.#onHashChange);
    this.removeEventListener('mendunia-admin-notice', this.#onNotice);
    this.removeEventListener('mendunia-admin-session-ended', this.#onSessionEnded);
  }

  async #checkSession(): Promise<void> {
    this.phase = 'checking';
    try {
      const session = await this.#client().session();
      this.session = session;
      this.phase = session ? 'signed-in' : 'signed-out';
    } catch (error) {
      this.alert = this.t('admin.error.generic', { reason: error instanceof Error ? error.message : String(error) });
      this.phase = 'unreachable';
    }
    this.#focusOnRender = true;
  }

  async #signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.tokenInput;
    const token = input?.value.trim() ?? '';
    if (!token) {
      this.signInError = this.t('admin.signIn.empty');
      input?.focus();
      return;
    }
    this.phase = 'signing-in';
    this.signInError = '';
    try {
      this.session = await this.#client().signIn(token);
      this.phase = 'signed-in';
      this.status = '';
      this.alert = '';
      this.#focusOnRender = true;
    } catch (error) {
      this.phase = 'signed-out';
      this.signInError =
        error instanceof AdminApiError && error.code === 'unauthorized'
          ? this.t('admin.signIn.wrong')
          : error instanceof AdminApiError && error.code === 'rate-limited'
            ? this.t('admin.signIn.limited')
            : this.t('admin.error.generic', { reason: error instanceof Error ? error.message : String(error) });
      await this.updateComplete;
      this.tokenInput?.focus();
    } finally {
      // The token is not kept anywhere: the field is emptied whatever happened.
      if (input) input.value = '';
    }
  }

  async #signOut(): Promise<void> {
    try {
      await this.#client().signOut();
    } catch (error) {
      // 401: the session had already ended. Anything else: say so, and show the sign-in anyway.
      if (!(error instanceof AdminApiError && error.code === 'unauthorized')) {
        this.alert = this.t('admin.error.generic', { reason: error instanceof Error ? error.message : String(error) });
      }
    }
    this.session = undefined;
    this.phase = 'signed-out';
    this.signInError = '';
    this.status = this.t('admin.signedOut');
    this.#focusOnRender = true;
  }

  #setLanguage(event: Event): void {
    this.lang = (event.target as HTMLSelectElement).value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && changed.get('apiBase') !== undefined) this.api = undefined;
  }

  protected override updated(): void {
    if (!this.#focusOnRender || this.phase === 'checking') return;
    this.#focusOnRender = false;
    // The heading of what is shown now, so a screen reader hears where the merchant is.
    const view = this.renderRoot.querySelector<View>('[data-view]');
    if (view && typeof view.focusHeading === 'function') void view.updateComplete.then(() => view.focusHeading());
    else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`
      <div part="base" class="app" lang=${this.language} dir="ltr">
        <header part="header" class="no-print">
          <p class="title">
            <span class="shop">${this.session?.shop.name ?? t('admin.title')}</span>
            ${this.session ? html`<span class="muted"> · ${t('admin.title')}</span>` : nothing}
          </p>
          <div class="tools">
            <label class="language">
              <span class="visually-hidden">${t('admin.language')}</span>
              <select @change=${this.#setLanguage}>
                ${ADMIN_LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === this.language} lang=${l}>${l === 'id' ? 'Bahasa Indonesia' : 'English'}</option>`)}
              </select>
            </label>
            ${this.phase === 'signed-in' ? html`<button type="button" @click=${this.#signOut}>${t('admin.signOut')}</button>` : nothing}
          </div>
        </header>
        <div class="live no-print">
          <p role="status" aria-live="polite" class="status">${this.status}</p>
          <p role="alert" class="error">${this.alert}</p>
        </div>
        <main>${this.#renderMain()}</main>
      </div>
    `;
  }

  #renderMain(): TemplateResult {
    const t = this.t;
    switch (this.phase) {
      case 'checking':
        return html`<p class="muted">${t('admin.loading')}</p>`;
      case 'unreachable':
        return html`<h1 tabindex="-1">${t('admin.title')}</h1>
          <button type="button" @click=${() => this.#checkSession()}>${t('admin.retry')}</button>`;
      case 'signed-out':
      case 'signing-in':
        return this.#renderSignIn();
      case 'signed-in':
        return this.#renderRoute();
    }
  }

  #renderSignIn(): TemplateResult {
    const t = this.t;
    const busy = this.phase === 'signing-in';
    return html`
      <form class="sign-in" @submit=${this.#signIn} novalidate>
        <h1 tabindex="-1">${t('admin.signIn.heading')}</h1>
        <p class="muted" id="token-hint">${t('admin.signIn.intro')}</p>
        <div class="field">
          <label for="token">${t('admin.signIn.token')}</label>
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            required
            aria-describedby="token-hint token-error"
            aria-invalid=${this.signInError ? 'true' : 'false'}
            ?disabled=${busy}
          />
          <p id="token-error" class="error">${this.signInError}</p>
        </div>
        <button class="primary" type="submit" ?disabled=${busy}>${busy ? t('admin.signIn.busy') : t('admin.signIn.submit')}</button>
      </form>
    `;
  }

  #renderRoute(): TemplateResult {
    const route = this.route;
    const api = this.#client();
    const shop = this.session!.shop;
    switch (route.page) {
      case 'orders':
        return html`<mendunia-admin-orders data-view .api=${api} lang=${this.language} .filters=${route.filters} .pageNumber=${route.pageNumber}></mendunia-admin-orders>`;
      case 'order':
        return html`<mendunia-admin-order data-view .api=${api} lang=${this.language} .shop=${shop} reference=${route.reference}></mendunia-admin-order>`;
      case 'packing-slip':
      case 'customs':
        return html`<mendunia-admin-paperwork data-view .api=${api} lang=${this.language} .shop=${shop} reference=${route.reference} kind=${route.page}></mendunia-admin-paperwork>`;
      case 'not-found':
        return html`<h1 tabindex="-1">${this.t('admin.error.page')}</h1>
          <p><a href="#/orders">${this.t('admin.order.back')}</a></p>`;
    }
  }
}
