import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { baseStyles } from '@mendunia/elements';
import { displayLanguage, translator, type TFunction } from '@mendunia/i18n';
import { describe } from '@mendunia/i18n/messages.js';
import { localise } from '@mendunia/core';
import { formatAddressLines, lineNames } from '@mendunia/core/checkout/index.js';
import { AdminApiError, type AdminApi, type AdminOrderDetail, type AdminShop, type OrderStatus, type StatusChange } from '../api.js';
import { routeHash } from '../route.js';
import { countryName, displayTotal, formatDateTime, formatKg, rupiah } from '../format.js';
import { shipmentNotice } from '../notice.js';
import { adminStyles } from '../shared/styles.js';
import { AdminNoticeEvent, reportError } from '../shared/errors.js';
import { orderStyles } from './order.styles.js';

/**
 * One order: every line (product, variant, quantity, HS code, weight, value), the buyer's
 * contact and address (formatted for the destination), what the buyer paid, payments, history,
 * the status changes allowed now (shipped asks for carrier and tracking number, cancelling asks
 * for confirmation), the tracking hand-off to the buyer and the paperwork.
 *
 * @summary The dashboard's order page.
 * @csspart base - The view's root.
 */
export class MenduniaAdminOrder extends LitElement {
  static override styles = [baseStyles, adminStyles, orderStyles];

  @property({ attribute: false }) api?: AdminApi;
  @property({ attribute: false }) shop?: AdminShop;
  @property() reference = '';
  @property({ reflect: true }) override lang: string = 'id';

  @state() private detail?: AdminOrderDetail;
  @state() private error = '';
  @state() private notFound = false;
  /** The status change being filled in (shipped) or confirmed (cancelled). */
  @state() private pending?: OrderStatus;
  @state() private saving = false;
  @state() private formError = '';

  @query('h1') private heading?: HTMLElement;

  #request = 0;

  focusHeading(): void {
    this.heading?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reference') || changed.has('api')) void this.#load();
  }

  async #load(): Promise<void> {
    if (!this.api || !this.reference) return;
    const request = ++this.#request;
    this.error = '';
    this.notFound = false;
    try {
      const detail = await this.api.order(this.reference);
      if (request === this.#request) this.detail = detail;
    } catch (error) {
      if (request !== this.#request) return;
      this.detail = undefined;
      if (error instanceof AdminApiError && error.code === 'not-found') this.notFound = true;
      else this.error = reportError(this, error, translator(this.lang));
    }
  }

  async #change(change: StatusChange): Promise<void> {
    if (!this.api || !this.detail) return;
    const t = translator(this.lang);
    this.saving = true;
    this.formError = '';
    try {
      this.detail = await this.api.setStatus(this.detail.summary.reference, change);
      this.pending = undefined;
      this.dispatchEvent(new AdminNoticeEvent(t('admin.order.saved', { status: t(`admin.status.${this.detail.summary.status}`) })));
      await this.updateComplete;
      this.focusHeading();
    } catch (error) {
      let text: string;
      if (error instanceof AdminApiError && error.code === 'conflict') {
        text = t('admin.order.conflict', { allowed: error.allowed.map((s) => t(`admin.status.${s}`)).join(', ') || '—' });
        void this.#load();
      } else if (error instanceof AdminApiError && error.code === 'invalid') {
        text = error.fields.length ? t('admin.order.invalid', { field: error.fields.join(', ') }) : t('admin.order.needsTracking');
      } else {
        text = reportError(this, error, t);
      }
      this.formError = text;
      this.dispatchEvent(new AdminNoticeEvent(text, 'error'));
    } finally {
      this.saving = false;
    }
  }

  #act(status: OrderStatus): void {
    if (status === 'shipped' || status === 'cancelled') {
      this.pending = status;
      this.formError = '';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.pending input, .pending button.danger')?.focus());
      return;
    }
    void this.#change({ status });
  }

  #submitShipped(event: SubmitEvent): void {
    event.preventDefault();
    const t = translator(this.lang);
    const data = new FormData(event.target as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '').trim();
    const carrierText = value('carrier');
    const trackingNumber = value('trackingNumber');
    if (!carrierText || !trackingNumber) {
      this.formError = t('admin.order.needsTracking');
      this.renderRoot.querySelector<HTMLInputElement>(carrierText ? '#tracking-number' : '#carrier')?.focus();
      return;
    }
    // A carrier picked from the suggestions is sent as its id; anything else as typed.
    const known = this.detail?.carriers.find((c) => c.name.toLowerCase() === carrierText.toLowerCase() || c.id === carrierText);
    void this.#change({
      status: 'shipped',
      carrier: known?.id ?? carrierText,
      trackingNumber,
      ...(value('trackingUrl') ? { trackingUrl: value('trackingUrl') } : {}),
      ...(value('note') ? { note: value('note') } : {}),
    });
  }

  protected override render(): TemplateResult {
    const t = translator(this.lang);
    const d = this.detail;
    return html`
      <article part="base">
        <p class="no-print"><a href=${routeHash({ page: 'orders', filters: {}, pageNumber: 1 })}>← ${t('admin.order.back')}</a></p>
        <div class="title">
          <h1 tabindex="-1">${t('admin.order.heading', { reference: this.reference })}</h1>
          ${d ? html`<span class="badge" data-status=${d.summary.status}>${t(`admin.status.${d.summary.status}`)}</span>` : nothing}
        </div>
        ${this.notFound ? html`<p class="error" role="alert">${t('admin.error.notFound', { reference: this.reference })}</p>` : nothing}
        ${this.error
          ? html`<p class="error" role="alert">${this.error}</p>
              <button type="button" @click=${() => this.#load()}>${t('admin.retry')}</button>`
          : nothing}
        ${!d && !this.error && !this.notFound ? html`<p class="muted">${t('admin.loading')}</p>` : nothing}
        ${d ? this.#renderDetail(d, t) : nothing}
      </article>
    `;
  }

  #renderDetail(d: AdminOrderDetail, t: TFunction): TemplateResult {
    const lang = this.lang;
    const o = d.order;
    return html`
      <p class="muted">${t('admin.order.placed', { date: formatDateTime(o.createdAt, lang) })} · ${countryName(o.address.country, lang)}</p>
      <div class="layout">
        <div class="main">
          ${this.#renderActions(d, t)} ${this.#renderNotice(d, t)}
          <section aria-labelledby="lines-h">
            <h2 id="lines-h">${t('admin.order.lines')}</h2>
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">${t('admin.order.product')}</th>
                  <th scope="col">${t('admin.order.variant')}</th>
                  <th scope="col" class="num">${t('admin.order.quantity')}</th>
                  <th scope="col">${t('admin.order.hsCode')}</th>
                  <th scope="col" class="num">${t('admin.order.weight')}</th>
                  <th scope="col" class="num">${t('admin.order.value')}</th>
                </tr>
              </thead>
              <tbody>
                ${o.lines.map((line) => {
                  const names = lineNames(line, lang);
                  return html`<tr>
                    <td data-label=${t('admin.order.product')}>${names.product}</td>
                    <td data-label=${t('admin.order.variant')}>${names.variant ?? '—'}</td>
                    <td data-label=${t('admin.order.quantity')} class="num">${line.quantity}</td>
                    <td data-label=${t('admin.order.hsCode')}>${line.hsCode ?? html`<span class="error">${t('admin.order.noHsCode')}</span>`}</td>
                    <td data-label=${t('admin.order.weight')} class="num">${formatKg(line.unitWeightGrams * line.quantity, lang)}</td>
                    <td data-label=${t('admin.order.value')} class="num">${rupiah(line.lineTotalIdr, lang)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="costs-h">
            <h2 id="costs-h">${t('admin.order.costs')}</h2>
            ${this.#renderCosts(d, t)}
          </section>
        </div>
        <aside class="side">
          <section aria-labelledby="buyer-h">
            <h2 id="buyer-h">${t('admin.order.buyer')}</h2>
            <p class="buyer">${o.contact.name}</p>
            <ul class="plain">
              ${this.#whatsapp(o.contact.phone) ? html`<li><a href=${this.#whatsapp(o.contact.phone)!} target="_blank" rel="noopener noreferrer">${t('admin.order.whatsapp', { phone: o.contact.phone })}</a></li>` : o.contact.phone ? html`<li>${o.contact.phone}</li>` : nothing}
              ${o.contact.email ? html`<li><a href=${`mailto:${o.contact.email}`}>${o.contact.email}</a></li>` : nothing}
            </ul>
          </section>
          <section aria-labelledby="address-h">
            <h2 id="address-h">${t('admin.order.address')}</h2>
            <address>${this.#addressLines(d).map((line) => html`${line}<br />`)}</address>
          </section>
          <section aria-labelledby="paperwork-h" class="no-print">
            <h2 id="paperwork-h">${t('admin.order.paperwork')}</h2>
            <ul class="plain">
              <li><a href=${routeHash({ page: 'packing-slip', reference: o.reference })}>${t('admin.order.packingSlip')}</a></li>
              <li><a href=${routeHash({ page: 'customs', reference: o.reference })}>${t('admin.order.customs', { form: o.customs.form })}</a></li>
            </ul>
          </section>
          <section aria-labelledby="payments-h">
            <h2 id="payments-h">${t('admin.order.payments')}</h2>
            ${d.payments.length
              ? html`<ul class="plain">
                  ${d.payments.map((p) => html`<li>${t('admin.order.payment', { adapter: p.adapter, status: p.status })} <span class="muted">· ${formatDateTime(p.updatedAt || p.createdAt, lang)}</span></li>`)}
                </ul>`
              : html`<p class="muted">${t('admin.order.noPayments')}</p>`}
          </section>
          <section aria-labelledby="history-h">
            <h2 id="history-h">${t('admin.order.history')}</h2>
            <ol class="history">
              ${d.events.map(
                (e) => html`<li>
                  <span>${e.type === 'created' || !e.from ? t('admin.order.created') : e.to ? t('admin.order.event', { from: t(`admin.status.${e.from}`), to: t(`admin.status.${e.to}`) }) : e.type}</span>
                  <span class="muted">${formatDateTime(e.at, lang)}${e.actor ? html` · ${t('admin.order.by', { actor: this.#actor(e.actor, t) })}` : nothing}</span>
                  ${e.note ? html`<span>${e.note}</span>` : nothing}
                </li>`,
              )}
            </ol>
          </section>
        </aside>
      </div>
    `;
  }

  #whatsapp(phone: string | undefined): string | undefined {
    const digits = (phone ?? '').replace(/\D/g, '');
    return /^[1-9]\d{7,14}$/.test(digits) ? `https://wa.me/${digits}` : undefined;
  }

  #addressLines(d: AdminOrderDetail): readonly string[] {
    try {
      return formatAddressLines(d.order.address);
    } catch {
      return d.order.addressLines ?? [];
    }
  }

  #actor(actor: string, t: TFunction): string {
    if (actor.startsWith('payment:')) return t('admin.actor.payment', { adapter: actor.slice('payment:'.length) });
    return ['dashboard', 'api', 'cli'].includes(actor) ? t(`admin.actor.${actor}`) : actor;
  }

  #renderCosts(d: AdminOrderDetail, t: TFunction): TemplateResult {
    const lang = this.lang;
    const o = d.order;
    const ic = o.importCharges;
    const shown = displayTotal(d.summary.display, lang);
    return html`<table class="costs">
      <tbody>
        <tr><th scope="row">${t('admin.order.goods')}</th><td class="num">${rupiah(o.totals.goodsIdr, lang)}</td></tr>
        <tr><th scope="row">${t('admin.order.shipping', { service: localise(o.shipping.name, lang) || o.shipping.carrier })}</th><td class="num">${rupiah(o.totals.shippingIdr, lang)}</td></tr>
        ${ic && ic.atCheckoutIdr > 0
          ? html`${ic.lines.map((l) => html`<tr class="sub"><th scope="row">${describe(l.label, lang)}</th><td class="num">${rupiah(l.amountIdr, lang)}</td></tr>`)}
              <tr><th scope="row">${t('admin.order.taxesAtCheckout')}</th><td class="num">${rupiah(o.totals.taxesAtCheckoutIdr, lang)}</td></tr>`
          : nothing}
        <tr class="total"><th scope="row">${t('admin.order.total')}</th><td class="num">${rupiah(o.totals.totalIdr, lang)}</td></tr>
        ${shown ? html`<tr><th scope="row">${t('admin.order.buyerCurrency')}</th><td class="num">${shown}</td></tr>` : nothing}
        ${o.totals.onDeliveryIdr > 0
          ? html`${!ic || ic.atCheckoutIdr > 0 ? nothing : ic.lines.map((l) => html`<tr class="sub"><th scope="row">${describe(l.label, lang)}</th><td class="num">${rupiah(l.amountIdr, lang)}</td></tr>`)}
              <tr><th scope="row">${t('admin.order.onDelivery')}</th><td class="num">${rupiah(o.totals.onDeliveryIdr, lang)}</td></tr>`
          : nothing}
      </tbody>
    </table>`;
  }

  #renderActions(d: AdminOrderDetail, t: TFunction): TemplateResult {
    const allowed = d.allowedTransitions;
    return html`<section aria-labelledby="actions-h" class="actions no-print">
      <h2 id="actions-h">${t('admin.order.actions')}</h2>
      ${allowed.length
        ? html`<div class="row">
            ${allowed.map(
              (s) => html`<button
                type="button"
                class=${s === 'cancelled' || s === 'refunded' ? 'danger' : 'primary'}
                ?disabled=${this.saving}
                aria-expanded=${s === 'shipped' || s === 'cancelled' ? String(this.pending === s) : nothing}
                @click=${() => this.#act(s)}
              >
                ${t(`admin.action.${s}`)}
              </button>`,
            )}
          </div>`
        : html`<p class="muted">${t('admin.order.noActions', { status: t(`admin.status.${d.summary.status}`) })}</p>`}
      ${this.pending === 'shipped' ? this.#renderShippedForm(d, t) : nothing}
      ${this.pending === 'cancelled'
        ? html`<div class="pending confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">${t('admin.order.confirmCancel', { reference: d.summary.reference })}</p>
            <div class="row">
              <button type="button" class="danger primary" ?disabled=${this.saving} @click=${() => this.#change({ status: 'cancelled' })}>${t('admin.order.confirmYes')}</button>
              <button type="button" @click=${() => (this.pending = undefined)}>${t('admin.order.confirmNo')}</button>
            </div>
          </div>`
        : nothing}
      ${this.formError && !this.pending ? html`<p class="error">${this.formError}</p>` : nothing}
    </section>`;
  }

  #renderShippedForm(d: AdminOrderDetail, t: TFunction): TemplateResult {
    return html`<form class="pending shipped" @submit=${this.#submitShipped} novalidate aria-labelledby="shipment-h">
      <h3 id="shipment-h">${t('admin.order.shipment')}</h3>
      <div class="field">
        <label for="carrier">${t('admin.order.carrier')}</label>
        <input id="carrier" name="carrier" list="carriers" required autocomplete="off" />
        <datalist id="carriers">${d.carriers.map((c) => html`<option value=${c.name}></option>`)}</datalist>
      </div>
      <div class="field">
        <label for="tracking-number">${t('admin.order.trackingNumber')}</label>
        <input id="tracking-number" name="trackingNumber" required autocomplete="off" />
      </div>
      <div class="field">
        <label for="tracking-url">${t('admin.order.trackingUrl')}</label>
        <input id="tracking-url" name="trackingUrl" type="url" inputmode="url" autocomplete="off" />
      </div>
      <div class="field">
        <label for="note">${t('admin.order.note')}</label>
        <input id="note" name="note" autocomplete="off" />
      </div>
      ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? t('admin.order.saving') : t('admin.action.shipped')}</button>
        <button type="button" @click=${() => (this.pending = undefined)}>${t('admin.order.confirmNo')}</button>
      </div>
    </form>`;
  }

  #renderNotice(d: AdminOrderDetail, t: TFunction): TemplateResult | typeof nothing {
    if (!this.shop || !d.shipment) return nothing;
    const notice = shipmentNotice(d, this.shop);
    if (!notice || (!notice.whatsapp && !notice.mailto)) return nothing;
    const language = new Intl.DisplayNames([displayLanguage(this.lang)], { type: 'language' }).of(notice.language) ?? notice.language;
    return html`<section aria-labelledby="notice-h" class="notice no-print">
      <h2 id="notice-h">${t('admin.order.sendTracking')}</h2>
      <p class="muted">${d.shipment.carrierName} · ${d.shipment.trackingNumber}</p>
      <p class="muted">${t('admin.order.sendTrackingHint', { language })}</p>
      <div class="row">
        ${notice.whatsapp ? html`<a class="button primary" href=${notice.whatsapp} target="_blank" rel="noopener noreferrer">${t('admin.order.sendWhatsapp')}</a>` : nothing}
        ${notice.mailto ? html`<a class="button" href=${notice.mailto}>${t('admin.order.sendEmail')}</a>` : nothing}
      </div>
    </section>`;
  }
}
