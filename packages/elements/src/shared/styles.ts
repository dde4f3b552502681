import { css } from 'lit';

/**
 * Shared by every element: host defaults, theme tokens with fallbacks, and the visually
 * hidden text used for screen-reader-only labels. Host-page CSS does not reach inside the
 * shadow root; only the `--mendunia-*` custom properties (which inherit) and `::part()` do.
 *
 * The private working variables (`--_*`) live on the shadow root's own top-level elements
 * (`:host > *`), not on :host: a page rule such as `* { --_text: transparent }` matches the host
 * element (and beats :host), but never an element inside the shadow tree. Their colour is set
 * there too, so a page's `* { color: white !important }`, which reaches only the host, is not
 * inherited. Colours follow the page's colour scheme: a page that declares `color-scheme: light
 * dark` gets the dark values when the buyer prefers dark (light-dark()); the public
 * `--mendunia-color-*` properties win over both. `--_target` is the smallest pointer target,
 * whatever root font size the page sets (WCAG 2.5.8).
 *
 * On :host, text styles of the page around (body, or any ancestor) are not inherited, and the
 * ones that would break the layout are `!important` — not even a page's
 * `* { line-height: 3 !important }` may set them: an !important rule of a shadow tree wins over
 * the page's !important. `box-sizing` is set, not 'inherit': a page's
 * `* { box-sizing: content-box !important }` reaches the host. (Comments stay out of the css``
 * literals: they would ship in the bundle.)
 */
export const baseStyles = css`
  :host {
    font-family: var(--mendunia-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    box-sizing: border-box;
    font-size: 1rem;
    font-style: normal;
    font-weight: 400;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-shadow: none !important;
    white-space: normal !important;
  }
  :host > * {
    --_primary: var(--mendunia-color-primary, #2f3e75);
    --_on-primary: var(--mendunia-color-on-primary, #ffffff);
    --_text: var(--mendunia-color-text, #1f1a17);
    --_muted: var(--mendunia-color-muted, #5c534c);
    --_surface: var(--mendunia-color-surface, #ffffff);
    --_border: var(--mendunia-color-border, #d9d2c8);
    --_danger: var(--mendunia-color-danger, #a4262c);
    --_success: var(--mendunia-color-success, #1e6b3a);
    --_warning: var(--mendunia-color-warning, #8a4b00);
    --_subtle: var(--mendunia-color-subtle, #f3efe9);
    --_notice: var(--mendunia-color-notice, #fff4e0);
    --_radius: var(--mendunia-radius, 8px);
    --_font: var(--mendunia-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space-1: var(--mendunia-space-1, 0.25rem);
    --_space-2: var(--mendunia-space-2, 0.5rem);
    --_space-3: var(--mendunia-space-3, 0.75rem);
    --_space-4: var(--mendunia-space-4, 1rem);
    --_target: max(2.25rem, 36px);
    color: var(--_text);
  }
  @supports (color: light-dark(#000, #fff)) {
    :host > * {
      --_primary: var(--mendunia-color-primary, light-dark(#2f3e75, #a9b8f5));
      --_on-primary: var(--mendunia-color-on-primary, light-dark(#ffffff, #111733));
      --_text: var(--mendunia-color-text, light-dark(#1f1a17, #f0ebe5));
      --_muted: var(--mendunia-color-muted, light-dark(#5c534c, #c2b8ae));
      --_surface: var(--mendunia-color-surface, light-dark(#ffffff, #1e1b18));
      --_border: var(--mendunia-color-border, light-dark(#d9d2c8, #57504a));
      --_danger: var(--mendunia-color-danger, light-dark(#a4262c, #ff9a9a));
      --_success: var(--mendunia-color-success, light-dark(#1e6b3a, #86d9a2));
      --_warning: var(--mendunia-color-warning, light-dark(#8a4b00, #f4b860));
      --_subtle: var(--mendunia-color-subtle, light-dark(#f3efe9, #2c2824));
      --_notice: var(--mendunia-color-notice, light-dark(#fff4e0, #3b301c));
    }
  }
  :host([hidden]) {
    display: none !important;
  }
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
  input:not([type='radio'], [type='checkbox']) {
    min-block-size: var(--_target);
    padding-block: var(--_space-1);
    padding-inline: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button {
    cursor: pointer;
    min-block-size: var(--_target);
    min-inline-size: max(1.5rem, 24px);
    border-radius: var(--_radius);
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: max(1.25rem, 24px);
    block-size: max(1.25rem, 24px);
    margin: 0;
    accent-color: var(--_primary);
  }
  button:disabled {
    cursor: not-allowed;
  }
`;

/** The × button of the cart drawer and the checkout dialog. */
export const closeButtonStyles = css`
  [part='close-button'] {
    flex: none;
    inline-size: max(2.5rem, 40px);
    block-size: max(2.5rem, 40px);
    border: 1px solid transparent;
    background: transparent;
    font-size: 1.5rem;
    line-height: 1;
  }
  [part='close-button']:hover {
    border-color: var(--_border);
  }
`;
