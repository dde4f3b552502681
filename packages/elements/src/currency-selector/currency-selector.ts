import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Storefront } from '@mendunia/core';
import { translator } from '@mendunia/i18n';
import { StorefrontController } from '../shared/storefront-controller.js';
import { currencyName, formatDate } from '../shared/intl.js';
import { baseStyles, controlStyles } from '../shared/styles.js';

/**
 * @tag mendunia-currency-selector
 * @summary Lets the buyer choose the currency prices are shown in. Currency names come from
 * the browser (`Intl.DisplayNames`) in the current language; the choice is remembered. It says
 * that converted prices are estimates and which currency is charged, and when the rates are
 * out of date or unavailable.
 *
 * @csspart base - The wrapper.
 * @csspart label - The visible label.
 * @csspart select - The native `<select>`.
 * @csspart note - The line about estimates, stale or unavailable rates.
 *
 * @cssprop --mendunia-selector-inline-size - Width of the select (default auto).
 */
export class MenduniaCurrencySelector extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      :host {
        display: inline-block;
      }
      [part='base'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space-1) var(--_space-2);
      }
      select {
        inline-size: var(--mendunia-selector-inline-size, auto);
        max-inline-size: 100%;
      }
      [part='note'] {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.8em;
        color: var(--_muted);
      }
      :host([hide-note]) [part='note'] {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    `,
  ];

  /** Hide the visible label (it stays available to screen readers). */
  @property({ type: Boolean, attribute: 'hide-label', reflect: true }) hideLabel = false;

  /** Hide the note line visually (it stays available to screen readers). */
  @property({ type: Boolean, attribute: 'hide-note', reflect: true }) hideNote = false;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  private readonly store = new StorefrontController(this, (s) => [s.$pricing, s.$rates, s.$availableCurrencies, s.$currency]);

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    if (!sf) return nothing;
    const pricing = sf.$pricing.get();
    const rates = sf.$rates.get();
    const locale = pricing.locale;
    const t = translator(locale);
    const selected = sf.$currency.get();
    const charge = pricing.chargeCurrency;
    const unavailable = rates.status === 'unavailable' || rates.status === 'none';
    const loading = rates.status === 'loading' || rates.status === 'idle';
    // While rates load, the configured list is offered; once they are known, only what they cover.
    const offered = loading ? sf.currencies : unavailable ? [charge] : sf.$availableCurrencies.get();

    let note: string;
    if (rates.status === 'none') note = '';
    else if (unavailable) note = t('currency.unavailable', { charge });
    else if (loading) note = t('currency.loading');
    else if (pricing.stale && pricing.rates) note = t('currency.stale', { date: formatDate(pricing.rates.date, locale) });
    else note = pricing.currency === charge ? '' : t('currency.estimate', { currency: pricing.currency, charge });

    return html`<div part="base">
      <label part="label" for="select" class=${this.hideLabel ? 'visually-hidden' : ''}>${t('currency.label')}</label>
      <select
        part="select"
        id="select"
        aria-describedby="note"
        ?disabled=${unavailable}
        @change=${this.onChange}
      >
        ${offered.map(
          (code) => html`<option value=${code} ?selected=${code === (unavailable ? charge : selected)}>
            ${code} – ${currencyName(code, locale)}
          </option>`,
        )}
      </select>
      <p part="note" id="note" role="status">${note}</p>
    </div>`;
  }

  private onChange(e: Event): void {
    this.store.value?.setCurrency((e.target as HTMLSelectElement).value);
  }
}
