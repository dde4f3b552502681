import { css } from 'lit';

/**
 * Shared by every element: host defaults, theme tokens with fallbacks, and the visually
 * hidden text used for screen-reader-only labels. Host-page CSS does not reach inside the
 * shadow root; only the `--mendunia-*` custom properties (which inherit) and `::part()` do.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--mendunia-color-primary, #2f3e75);
    --_on-primary: var(--mendunia-color-on-primary, #ffffff);
    --_text: var(--mendunia-color-text, #1f1a17);
    --_muted: var(--mendunia-color-muted, #5c534c);
    --_surface: var(--mendunia-color-surface, #ffffff);
    --_border: var(--mendunia-color-border, #d9d2c8);
    --_danger: var(--mendunia-color-danger, #a4262c);
    --_success: var(--mendunia-color-success, #1e6b3a);
    --_radius: var(--mendunia-radius, 8px);
    --_font: var(--mendunia-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space-1: var(--mendunia-space-1, 0.25rem);
    --_space-2: var(--mendunia-space-2, 0.5rem);
    --_space-3: var(--mendunia-space-3, 0.75rem);
    --_space-4: var(--mendunia-space-4, 1rem);
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
    /* Text styles of the page around (body, or any ancestor) are not inherited. */
    font-size: 1rem;
    font-style: normal;
    font-weight: 400;
    /*
     * These would break the layout, so not even a page's '* { line-height: 3 !important }' may
     * set them: an !important rule of a shadow tree wins over the page's !important.
     */
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-shadow: none !important;
    white-space: normal !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Not 'inherit': a page's '* { box-sizing: content-box !important }' reaches the host. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--mendunia-color-focus, var(--_primary));
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** Form controls (select, input, button) that look the same inside any host theme. */
export const controlStyles = css`
  select,
  input,
  button {
    font: inherit;
    color: inherit;
    margin: 0;
  }
  select,
  input {
    min-block-size: 2.25rem;
    padding-block: var(--_space-1);
    padding-inline: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button {
    cursor: pointer;
    min-block-size: 2.25rem;
    border-radius: var(--_radius);
  }
  button:disabled {
    cursor: not-allowed;
  }
`;

/** The × button of the cart drawer and the checkout dialog. */
export const closeButtonStyles = css`
  [part='close-button'] {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border: 1px solid transparent;
    background: transparent;
    font-size: 1.5rem;
    line-height: 1;
  }
  [part='close-button']:hover {
    border-color: var(--_border);
  }
`;
