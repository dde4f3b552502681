import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Storefront } from '@mendunia/core';
import { translator } from '@mendunia/i18n';
import { StorefrontController } from '../shared/storefront-controller.js';
import { baseStyles } from '../shared/styles.js';
import { foreignDefinition } from '../shared/define.js';

/**
 * @tag mendunia-cart-button
 * @summary A button that opens the cart, with a badge counting the items. The button's
 * accessible name is what it shows (label and count, in any language: WCAG 2.5.3), its
 * description says what it does ("Open cart, 3 items"); a short announcement follows a change.
 *
 * @slot icon - Replaces the cart icon.
 * @slot - Replaces the visible label ("Cart").
 *
 * @csspart base - The button.
 * @csspart icon - The default icon.
 * @csspart label - The visible label.
 * @csspart badge - The item count badge (hidden when the cart is empty).
 *
 * @cssprop --mendunia-cart-button-background - Button background (default transparent).
 * @cssprop --mendunia-cart-button-color - Button text colour (default `--mendunia-color-text`).
 * @cssprop --mendunia-badge-background - Badge background (default `--mendunia-color-primary`).
 * @cssprop --mendunia-badge-color - Badge text colour.
 */
export class MenduniaCartButton extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      [part='base'] {
        position: relative;
        display: inline-flex;
        align-items: center;
        gap: var(--_space-2);
        min-block-size: 2.5rem;
        padding-block: var(--_space-1);
        padding-inline: var(--_space-3);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--mendunia-cart-button-background, transparent);
        color: var(--mendunia-cart-button-color, var(--_text));
        font: inherit;
        cursor: pointer;
      }
      [part='base']:hover {
        border-color: var(--_primary);
      }
      [part='icon'] {
        inline-size: 1.25rem;
        block-size: 1.25rem;
      }
      [part='badge'] {
        min-inline-size: 1.4em;
        padding-inline: 0.35em;
        border-radius: 999px;
        background: var(--mendunia-badge-background, var(--_primary));
        color: var(--mendunia-badge-color, var(--_on-primary));
        font-size: 0.8em;
        font-weight: 700;
        line-height: 1.4;
        text-align: center;
        font-variant-numeric: tabular-nums;
      }
      @media (forced-colors: active) {
        [part='badge'] {
          border: 1px solid CanvasText;
        }
      }
    `,
  ];

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  @state() private announcement = '';
  /** The text of a label the page put in the default slot ('' when none, or only an icon). */
  @state() private slottedLabel = '';

  private readonly store = new StorefrontController(this, (s) => [s.cart.$count, s.$cartOpen, s.$locale]);
  private lastCount?: number;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const count = this.store.value?.cart.$count.get();
    // Announce changes, not the count the page starts with.
    if (count !== undefined && this.lastCount !== undefined && count !== this.lastCount) {
      this.announcement = translator(this.store.value?.$locale.get())('cartButton.announce', { count });
    }
    this.lastCount = count;
  }

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    if (!sf) return nothing;
    const t = translator(sf.$locale.get());
    const count = sf.cart.$count.get();
    return html`<button
        part="base"
        type="button"
        aria-haspopup="dialog"
        aria-expanded=${sf.$cartOpen.get() ? 'true' : 'false'}
        aria-label=${this.accessibleName(t('cartButton.label'), count)}
        aria-describedby="description"
        @click=${() => this.open(sf)}
      >
        <slot name="icon"
          ><svg part="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
            <path d="M3 4h2l2.2 10.2a2 2 0 0 0 2 1.6h7.6a2 2 0 0 0 2-1.5L20.5 8H6.2" />
            <circle cx="10" cy="20" r="1.3" />
            <circle cx="17" cy="20" r="1.3" /></svg
        ></slot>
        <span part="label"><slot @slotchange=${this.onSlotChange}>${t('cartButton.label')}</slot></span>
        ${count > 0 ? html`<span part="badge" aria-hidden="true">${count}</span>` : nothing}
      </button>
      <span id="description" hidden>${t('cartButton.open', { count })}</span>
      <span class="visually-hidden" role="status">${this.announcement}</span>`;
  }

  /**
   * What the button shows, in the order it shows it: the label (the page's own, else ours) and
   * the count. A voice user says what they see (WCAG 2.5.3), in every language; what the button
   * does ("Open cart, 3 items") is its description. An icon-only button still has the label.
   */
  private accessibleName(label: string, count: number): string {
    return `${this.slottedLabel || label}${count > 0 ? ` ${count}` : ''}`;
  }

  private readonly onSlotChange = (e: Event): void => {
    const nodes = (e.target as HTMLSlotElement).assignedNodes({ flatten: true });
    this.slottedLabel = nodes.map((n) => n.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
  };

  private open(sf: Storefront): void {
    sf.openCart();
    // The cart is drawn by <mendunia-cart>: when another script holds that tag, nothing would
    // open. Say so, loudly, rather than leave a button that silently does nothing.
    const foreign = foreignDefinition('mendunia-cart');
    if (foreign) {
      console.error(`Mendunia: the cart cannot open: <mendunia-cart> on this page is another script's element (${foreign}), not Mendunia's cart. Remove that script or have it use another tag name.`);
    }
  }
}
