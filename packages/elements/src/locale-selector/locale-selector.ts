import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Storefront } from '@mendunia/core';
import { $loadedLanguages, SUPPORTED_LANGUAGES, loadLanguage, resolveLanguage, translator } from '@mendunia/i18n';
import { StorefrontController } from '../shared/storefront-controller.js';
import { languageAutonym } from '../shared/intl.js';
import { baseStyles, controlStyles } from '../shared/styles.js';

/**
 * @tag mendunia-locale-selector
 * @summary Lets the buyer choose the language of the shop's widgets. Each language is named in
 * itself ("Bahasa Indonesia", "English"). It changes the store's language, not the host page's.
 *
 * @csspart base - The wrapper.
 * @csspart label - The visible label.
 * @csspart select - The native `<select>`.
 * @csspart status - The note shown when a chosen language could not be loaded (e.g. `locales/`
 * is missing next to mendunia.js); the selector then returns to the previous language.
 */
export class MenduniaLocaleSelector extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      :host {
        display: inline-block;
      }
      [part='base'] {
        display: flex;
        align-items: center;
        gap: var(--_space-2);
      }
    `,
  ];

  /** Languages offered, space- or comma-separated; languages Mendunia has no strings for are left out (default: all it ships). */
  @property() languages?: string;

  /** Hide the visible label (it stays available to screen readers). */
  @property({ type: Boolean, attribute: 'hide-label', reflect: true }) hideLabel = false;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  /** A language the buyer chose whose strings could not be loaded. */
  @state() private unavailable?: string;

  private readonly store = new StorefrontController(this, (s) => [s.$locale]);

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    if (!sf) return nothing;
    const locale = sf.$locale.get();
    const current = resolveLanguage(locale);
    // Only languages Mendunia has strings for: another tag would silently show English.
    const offered = (this.languages?.split(/[\s,]+/).filter(Boolean) ?? [...SUPPORTED_LANGUAGES]).filter((lang) =>
      (SUPPORTED_LANGUAGES as readonly string[]).includes(lang),
    );
    return html`<div part="base">
      <label part="label" for="select" class=${this.hideLabel ? 'visually-hidden' : ''}>${translator(locale)('locale.label')}</label>
      <select part="select" id="select" @change=${this.onChange}>
        ${offered.map(
          (lang) => html`<option value=${lang} lang=${lang} ?selected=${lang === current}>${languageAutonym(lang)}</option>`,
        )}
      </select>
      <span part="status" role="status"
        >${this.unavailable ? translator(locale)('locale.unavailable', { language: languageAutonym(this.unavailable) }) : nothing}</span
      >
    </div>`;
  }

  private async onChange(e: Event): Promise<void> {
    const sf = this.store.value;
    const select = e.target as HTMLSelectElement;
    const next = select.value;
    if (!sf) return;
    // A language whose strings are here switches at once; another one switches once they
    // arrive, so that a failed load leaves the shop (and the buyer's saved choice) as it was.
    if ($loadedLanguages.get().includes(resolveLanguage(next)) || (await loadLanguage(next))) {
      this.unavailable = undefined;
      sf.setLocale(next, { remember: true });
      return;
    }
    this.unavailable = next;
    if (select.value === next) select.value = resolveLanguage(sf.$locale.get());
  }
}
