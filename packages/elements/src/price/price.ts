import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Storefront } from '@mendunia/core';
import { translator } from '@mendunia/i18n';
import { StorefrontController } from '../shared/storefront-controller.js';
import { baseStyles } from '../shared/styles.js';
import { priceTitle } from './price-text.js';

/**
 * @tag mendunia-price
 * @summary Any IDR amount, anywhere on the page, shown in the buyer's currency and re-priced
 * live when the currency changes. A converted amount is marked "≈" and its title and
 * screen-reader text say what is actually charged in IDR.
 *
 * @csspart base - The wrapper.
 * @csspart amount - The displayed amount.
 * @csspart charge - The charged IDR amount, shown only with `show-charge`.
 *
 * @cssprop --mendunia-price-color - Text colour of the amount.
 * @cssprop --mendunia-price-font-weight - Weight of the amount (default 600).
 */
export class MenduniaPrice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline;
        /* A price sits inside the host's text: take its colour and font, not the widget theme's. */
        color: inherit;
        font-family: inherit;
        font-size: inherit;
        font-style: inherit;
        font-weight: inherit;
        /* Undoes the widgets' lock on the text around (baseStyles): a price is part of that text. */
        line-height: inherit !important;
        letter-spacing: inherit !important;
        word-spacing: inherit !important;
        text-transform: inherit !important;
        text-indent: inherit !important;
        text-align: inherit !important;
        text-shadow: inherit !important;
        white-space: inherit !important;
      }
      :host > * {
        color: inherit;
      }
      [part='amount'] {
        color: var(--mendunia-price-color, inherit);
        font-weight: var(--mendunia-price-font-weight, 600);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      [part='charge'] {
        color: var(--_muted);
        font-size: 0.85em;
        white-space: nowrap;
      }
    `,
  ];

  /** The amount in IDR (whole rupiah), as an attribute string or a number property. */
  @property() amount?: string | number;

  /** Also show the IDR amount that is charged, e.g. "≈ US$9.20 (Rp 150.000)". */
  @property({ type: Boolean, attribute: 'show-charge' }) showCharge = false;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  private readonly store = new StorefrontController(this, (s) => [s.$pricing]);
  private reported?: string;

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    if (!sf) return nothing;
    const pricing = sf.$pricing.get();
    const t = translator(pricing.locale);
    const raw = this.amount === undefined ? '' : String(this.amount).trim();
    const amount = Number(raw);
    if (raw === '' || !Number.isSafeInteger(amount) || amount < 0) {
      if (this.reported !== raw) {
        this.reported = raw;
        console.error(`Mendunia: <mendunia-price amount="${this.amount ?? ''}">: expected a whole, non-negative IDR amount such as 150000.`);
      }
      return html`<span part="base"><span part="amount">${t('price.invalid')}</span></span>`;
    }
    const view = pricing.price(amount);
    if (!view.approximate) {
      return html`<span part="base"><span part="amount">${view.text}</span></span>`;
    }
    const charged = t('price.charged', { amount: view.chargeText });
    return html`<span part="base" title=${priceTitle(pricing, charged, t)}
      ><span part="amount" aria-hidden="true">${view.text}</span
      ><span class="visually-hidden">${t('price.approximate')} ${view.text.replace(/^≈\s*/, '')}. ${charged}.</span
      >${this.showCharge
        ? html` <span part="charge" aria-hidden="true">(${view.chargeText})</span>`
        : nothing}</span
    >`;
  }
}
