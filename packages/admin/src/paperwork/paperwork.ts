import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { baseStyles } from '@mendunia/elements';
import { translator, type TFunction } from '@mendunia/i18n';
import { describe } from '@mendunia/i18n/messages.js';
import { formatMoney } from '@mendunia/core';
import { formatAddressLines, lineTitle } from '@mendunia/core/checkout/index.js';
import { customsDeclaration, type CustomsDeclaration, type CustomsParty } from '@mendunia/core/customs/index.js';
import { AdminApiError, type AdminApi, type AdminOrderDetail, type AdminShop } from '../api.js';
import { routeHash } from '../route.js';
import { formatKg, rupiah } from '../format.js';
import { adminStyles } from '../shared/styles.js';
import { reportError } from '../shared/errors.js';
import { paperworkStyles } from './paperwork.styles.js';

export type PaperSize = 'A6' | 'A5' | 'A4';
export const PAPER_SIZES: readonly PaperSize[] = ['A6', 'A5', 'A4'];
/** Width and height in millimetres (Chromium's @page knows A5 and A4 by name, not A6). */
const MILLIMETRES: Record<PaperSize, string> = { A6: '105mm 148mm', A5: '148mm 210mm', A4: '210mm 297mm' };

/**
 * The paper size a document prints on unless the merchant picks another: A4 for a CN23 (a form
 * with room for many lines and the certification), A6 (a label) for a CN22 and a packing slip.
 */
export function defaultPaperSize(kind: 'packing-slip' | 'customs', form: 'CN22' | 'CN23' | undefined): PaperSize {
  return kind === 'customs' && form === 'CN23' ? 'A4' : 'A6';
}

// @page cannot be set from inside a shadow root: one sheet on the document, shared by every
// paperwork view (only one is shown at a time), emptied when it leaves.
let pageSheet: CSSStyleSheet | undefined;

function setPageSize(size: PaperSize | undefined): void {
  const doc = globalThis.document;
  if (!doc || !('adoptedStyleSheets' in doc)) return;
  if (!pageSheet) {
    pageSheet = new CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, pageSheet];
  }
  pageSheet.replaceSync(size ? `@page { size: ${MILLIMETRES[size]}; margin: ${size === 'A6' ? '5mm' : '10mm'}; }` : '');
}

/** The page's current @page rule (for tests and the screenshot script). */
export function currentPageRule(): string {
  return pageSheet?.cssRules[0]?.cssText ?? '';
}

/**
 * A document to print for one order: the packing slip, or the customs declaration (CN22 or
 * CN23, as the order says) filled by core's customsDeclaration(). The documents are in English
 * (customs forms are; a packing slip travels abroad); the buttons around them in the merchant's
 * language. Print (or Ctrl+P) gives the document alone, on the chosen paper size.
 *
 * @summary The dashboard's printable packing slip and customs declaration.
 * @csspart base - The view's root.
 * @csspart sheet - The printed document.
 */
export class MenduniaAdminPaperwork extends LitElement {
  static override styles = [baseStyles, adminStyles, paperworkStyles];

  @property({ attribute: false }) api?: AdminApi;
  @property({ attribute: false }) shop?: AdminShop;
  @property() reference = '';
  @property() kind: 'packing-slip' | 'customs' = 'customs';
  @property({ reflect: true }) override lang: string = 'id';
  /** The day printed on the form (default: today). */
  @property({ attribute: false }) now?: Date;

  @state() private detail?: AdminOrderDetail;
  @state() private error = '';
  @state() private size?: PaperSize;

  @query('h1') private heading?: HTMLElement;

  #request = 0;

  focusHeading(): void {
    this.heading?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    setPageSize(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reference') || changed.has('api')) void this.#load();
    if (changed.has('kind')) this.size = undefined;
  }

  protected override updated(): void {
    setPageSize(this.detail ? this.#paperSize() : undefined);
  }

  #paperSize(): PaperSize {
    return this.size ?? defaultPaperSize(this.kind, this.detail?.order.customs.form);
  }

  async #load(): Promise<void> {
    if (!this.api || !this.reference) return;
    const request = ++this.#request;
    this.error = '';
    try {
      const detail = await this.api.order(this.reference);
      if (request === this.#request) this.detail = detail;
    } catch (error) {
      if (request !== this.#request) return;
      this.detail = undefined;
      const t = translator(this.lang);
      this.error = error instanceof AdminApiError && error.code === 'not-found' ? t('admin.error.notFound', { reference: this.reference }) : reportError(this, error, t);
    }
  }

  #sender(): CustomsParty {
    const s = this.shop?.sender;
    return s ? { name: s.name, lines: s.lines, country: s.country, ...(s.phone ? { phone: s.phone } : {}) } : { name: this.shop?.name ?? '', lines: [], country: 'ID' };
  }

  protected override render(): TemplateResult {
    const t = translator(this.lang);
    const d = this.detail;
    const title = d
      ? this.kind === 'customs'
        ? t('admin.order.customs', { form: d.order.customs.form })
        : t('admin.order.packingSlip')
      : this.kind === 'customs'
        ? t('admin.order.customs', { form: '' })
        : t('admin.order.packingSlip');
    const declaration = d && this.kind === 'customs' ? customsDeclaration(d.order, { sender: this.#sender(), ...(d.summary.display ? { declared: d.summary.display } : {}), ...(this.now ? { now: this.now } : {}) }) : undefined;
    const size = this.#paperSize();
    return html`
      <section part="base">
        <div class="toolbar no-print">
          <p><a href=${routeHash({ page: 'order', reference: this.reference })}>← ${t('admin.print.back')}</a></p>
          <h1 tabindex="-1">${title} · ${this.reference}</h1>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${!d && !this.error ? html`<p class="muted">${t('admin.loading')}</p>` : nothing}
          ${d
            ? html`<div class="row">
                  <button class="primary" type="button" @click=${() => globalThis.print()}>${t('admin.print.button')}</button>
                  <div class="size">
                    <label for="size">${t('admin.print.size')}</label>
                    <select id="size" @change=${(e: Event) => (this.size = (e.target as HTMLSelectElement).value as PaperSize)}>
                      ${PAPER_SIZES.map((s) => html`<option value=${s} ?selected=${s === size}>${s}</option>`)}
                    </select>
                  </div>
                </div>
                <p class="muted">${t('admin.print.hint', { size })}</p>
                ${declaration?.warnings.length
                  ? html`<div class="warnings" role="note" aria-labelledby="warnings-h">
                      <h2 id="warnings-h">${t('admin.print.warnings')}</h2>
                      <ul>${declaration.warnings.map((w) => html`<li>${describe(w, this.lang)}</li>`)}</ul>
                    </div>`
                  : nothing}`
            : nothing}
        </div>
        ${d ? html`<div class="paper" data-size=${size}>${declaration ? this.#renderCustoms(declaration) : this.#renderPackingSlip(d)}</div>` : nothing}
      </section>
    `;
  }

  #renderParty(label: string, party: CustomsParty, t: TFunction): TemplateResult {
    return html`<div class="box party">
      <p class="label">${label}</p>
      <p class="name">${party.name}</p>
      ${(party.lines[0] === party.name ? party.lines.slice(1) : party.lines).map((line) => html`<p>${line}</p>`)}
      ${party.phone ? html`<p>${t('paperwork.cn.phone')} ${party.phone}</p>` : nothing}
    </div>`;
  }

  #renderCustoms(c: CustomsDeclaration): TemplateResult {
    const t = translator('en');
    const money = (amount: number) => rupiah(amount, 'en');
    return html`<div part="sheet" class="sheet customs" lang="en" data-form=${c.form}>
      <header class="cn-head">
        <div>
          <p class="cn-title">${t('paperwork.cn.title')}</p>
          <p class="muted">${t('paperwork.cn.note')}</p>
        </div>
        <p class="cn-form">${c.form === 'CN22' ? t('paperwork.cn.cn22') : t('paperwork.cn.cn23')}</p>
      </header>
      <div class="parties">${this.#renderParty(t('paperwork.cn.sender'), c.sender, t)} ${this.#renderParty(t('paperwork.cn.recipient'), c.recipient, t)}</div>
      <p class="box category"><span class="label">${t('paperwork.cn.category')}:</span> <span class="check" aria-hidden="true">☒</span> ${t('paperwork.cn.saleOfGoods')}</p>
      <table class="cn-lines">
        <thead>
          <tr>
            <th scope="col">${t('paperwork.cn.description')}</th>
            <th scope="col" class="num">${t('paperwork.cn.quantity')}</th>
            <th scope="col" class="num">${t('paperwork.cn.netWeight')}</th>
            <th scope="col" class="num">${t('paperwork.cn.valueIdr')}</th>
            ${c.currency ? html`<th scope="col" class="num">${t('paperwork.cn.value', { currency: c.currency })}</th>` : nothing}
            <th scope="col">${t('paperwork.cn.hsCode')}</th>
            <th scope="col">${t('paperwork.cn.origin')}</th>
          </tr>
        </thead>
        <tbody>
          ${c.lines.map(
            (l) => html`<tr>
              <td>${l.description}</td>
              <td class="num">${l.quantity}</td>
              <td class="num">${formatKg(l.netWeightGrams, 'en', false)}</td>
              <td class="num">${money(l.valueIdr)}</td>
              ${c.currency ? html`<td class="num">${l.value ? formatMoney(l.value, 'en') : ''}</td>` : nothing}
              <td>${l.hsCode ?? ''}</td>
              <td>${l.originCountry}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t('paperwork.cn.total')}</th>
            <td></td>
            <td class="num">${formatKg(c.lines.reduce((n, l) => n + l.netWeightGrams, 0), 'en', false)}</td>
            <td class="num">${money(c.totalValueIdr)}</td>
            ${c.currency ? html`<td class="num">${c.totalValue ? formatMoney(c.totalValue, 'en') : ''}</td>` : nothing}
            <td colspan="2">${t('paperwork.cn.totalWeight')}: ${formatKg(c.totalWeightGrams, 'en', false)}</td>
          </tr>
        </tfoot>
      </table>
      <p class="box"><span class="label">${t('paperwork.cn.reference')}:</span> ${c.reference}</p>
      <p class="certify">${t('paperwork.cn.certify')}</p>
      <div class="signature">
        <p class="date">${c.date}</p>
        <p class="line">${t('paperwork.cn.dateSignature')}</p>
      </div>
    </div>`;
  }

  #renderPackingSlip(d: AdminOrderDetail): TemplateResult {
    const t = translator('en');
    const o = d.order;
    const sender = this.#sender();
    let shipTo: readonly string[];
    try {
      shipTo = formatAddressLines(o.address);
    } catch {
      shipTo = o.addressLines ?? [];
    }
    return html`<div part="sheet" class="sheet slip" lang="en">
      <header class="cn-head">
        <p class="cn-title">${t('paperwork.packingSlip')}</p>
        <p class="cn-form">${o.reference}</p>
      </header>
      <p>${t('paperwork.date')}: ${o.createdAt.slice(0, 10)} · ${t('paperwork.shipping')}: ${o.shipping.carrier} ${o.shipping.serviceId}</p>
      <div class="parties">
        ${this.#renderParty(t('paperwork.from'), sender, t)}
        <div class="box party">
          <p class="label">${t('paperwork.shipTo')}</p>
          ${shipTo.map((line) => html`<p>${line}</p>`)}
          ${o.contact.phone ? html`<p>${t('paperwork.cn.phone')} ${o.contact.phone}</p>` : nothing}
        </div>
      </div>
      <table class="cn-lines">
        <thead>
          <tr>
            <th scope="col">${t('paperwork.item')}</th>
            <th scope="col" class="num">${t('paperwork.quantity')}</th>
            <th scope="col">${t('paperwork.packed')}</th>
          </tr>
        </thead>
        <tbody>
          ${o.lines.map(
            (line) => html`<tr>
              <td>${lineTitle(line, 'en')}</td>
              <td class="num">${line.quantity}</td>
              <td><span class="tick" aria-hidden="true">☐</span></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
