import { css } from 'lit';

// The drawer sits at the inline end (left in right-to-left): its shadow falls inward.

// Short screens (a phone on its side, 400 % zoom: 256 CSS px high): header and footer would leave
// the line list no height at all, so there the whole panel scrolls instead, and a focused ± is
// scrolled into view with it (WCAG 1.4.10, 2.4.11).

export const cartStyles = css`
  :host {
    display: contents;
  }
  :host > * {
    --_cart-width: var(--mendunia-cart-width, 28rem);
    --_cart-bg: var(--mendunia-cart-background, var(--_surface));
  }
  :host([inline]) {
    display: block;
  }
  dialog {
    box-sizing: border-box;
    margin: 0;
    margin-inline-start: auto;
    padding: 0;
    inline-size: min(var(--_cart-width), 100vw);
    max-inline-size: 100vw;
    block-size: 100dvh;
    max-block-size: 100dvh;
    border: 0;
    background: var(--_cart-bg);
    color: var(--_text);
    font-family: var(--_font);
    box-shadow: -8px 0 24px rgb(0 0 0 / 0.18);
  }
  dialog[dir='rtl'] {
    box-shadow: 8px 0 24px rgb(0 0 0 / 0.18);
  }
  dialog::backdrop {
    background: var(--mendunia-cart-backdrop, rgb(20 16 12 / 0.45));
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    background: var(--_cart-bg);
  }
  :host([inline]) [part='base'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-block-end: 1px solid var(--_border);
  }
  [part='title'] {
    margin: 0;
    font-size: 1.25rem;
  }
  [part='title']:focus {
    outline: none;
  }
  .scroll {
    flex: 1;
    overflow-y: auto;
    padding-inline: var(--_space-4);
  }
  [part='notices'] {
    margin-block: var(--_space-3) 0;
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--mendunia-notice-background, var(--_notice));
    border: 1px solid var(--mendunia-notice-border, var(--_warning));
    font-size: 0.9rem;
  }
  [part='notices'] ul {
    margin: 0 0 var(--_space-2);
    padding-inline-start: 1.1rem;
  }
  [part='lines'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='line'] {
    display: grid;
    grid-template-columns: 4.5rem 1fr auto;
    grid-template-areas:
      'image info total'
      'image actions actions';
    gap: var(--_space-2) var(--_space-3);
    padding-block: var(--_space-4);
    border-block-end: 1px solid var(--_border);
  }
  [part='line-image'] {
    grid-area: image;
    inline-size: 4.5rem;
    block-size: 4.5rem;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--mendunia-card-image-background, var(--_subtle));
  }
  .info {
    grid-area: info;
    min-inline-size: 0;
  }
  [part='line-name'] {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='line-variant'],
  [part='line-unit'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  [part='line-total'] {
    grid-area: total;
    margin: 0;
    font-weight: 600;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    grid-area: actions;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  [part='remove-button'] {
    border: 0;
    background: transparent;
    color: var(--_danger);
    text-decoration: underline;
    padding-inline: var(--_space-1);
  }
  [part='empty'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space-2);
    padding-block: var(--_space-4);
  }
  [part='empty'] p {
    margin: 0;
  }
  [part='footer'] {
    padding: var(--_space-4);
    border-block-start: 1px solid var(--_border);
    display: grid;
    gap: var(--_space-2);
  }
  .subtotal {
    display: flex;
    justify-content: space-between;
    font-size: 1.1rem;
    font-weight: 700;
    margin: 0;
  }
  .subtotal dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  [part='charge-note'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  [part='checkout-button'],
  .primary {
    min-block-size: 2.75rem;
    border: 0;
    background: var(--mendunia-button-background, var(--_primary));
    color: var(--mendunia-button-color, var(--_on-primary));
    font-weight: 600;
  }
  .secondary {
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary);
    padding-inline: var(--_space-3);
  }
  @media (max-height: 32rem) {
    [part='base'] {
      overflow-y: auto;
    }
    .scroll {
      flex: none;
      overflow: visible;
    }
  }
  @media (forced-colors: active) {
    dialog {
      border-inline-start: 1px solid CanvasText;
    }
    [part='checkout-button'] {
      border: 1px solid ButtonText;
    }
  }
`;
