import { css } from 'lit';

// `td small` wraps: a sentence under an amount ("About US$… in your currency") must fit 320 px (WCAG 1.4.10).

export const checkoutStyles = css`
  :host {
    display: contents;
  }
  :host([inline]) {
    display: block;
  }
  dialog {
    box-sizing: border-box;
    padding: 0;
    inline-size: min(44rem, 100vw);
    max-inline-size: 100vw;
    max-block-size: 100dvh;
    border: 0;
    border-radius: var(--_radius);
    background: var(--mendunia-checkout-background, var(--_surface));
    color: var(--_text);
    font-family: var(--_font);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: var(--mendunia-checkout-backdrop, rgb(20 16 12 / 0.5));
  }
  [part='base'] {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_space-4);
    background: var(--mendunia-checkout-background, var(--_surface));
  }
  :host([inline]) [part='base'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  h2,
  h3,
  h4 {
    margin: 0;
  }
  h2 {
    font-size: 1.3rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  h3:focus,
  h2:focus {
    outline: none;
  }
  [part='progress'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.85rem;
    color: var(--_muted);
    counter-reset: step;
  }
  [part='progress'] li {
    counter-increment: step;
  }
  [part='progress'] li::before {
    content: counter(step) '. ';
  }
  [part='progress'] li[aria-current='step'] {
    color: var(--_primary);
    font-weight: 700;
  }
  form {
    display: grid;
    gap: var(--_space-3);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space-3);
  }
  /* The address fields while their country's format loads: a notice on the country's label row
     (laid over it, so nothing moves); a failure is an alert of its own with a retry. */
  .address-fields,
  .country-field {
    display: grid;
    gap: var(--_space-3);
    position: relative;
  }
  .data-status {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    margin: 0;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .data-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  .data-error p {
    margin: 0;
  }
  .field {
    display: grid;
    gap: var(--_space-1);
    /* Beside a field with a hint or an error, a field keeps its own height (no stretched gaps). */
    align-content: start;
  }
  .field label {
    font-weight: 600;
    font-size: 0.9rem;
  }
  .hint {
    margin: 0;
    font-size: 0.8rem;
    color: var(--_muted);
  }
  .error {
    margin: 0;
    font-size: 0.85rem;
    color: var(--_danger);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  [part='error-summary'] {
    padding: var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  [part='error-summary'] ul {
    margin: var(--_space-1) 0 0;
    padding-inline-start: 1.2rem;
  }
  [part='error-summary'] a {
    color: inherit;
    text-decoration: underline;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: var(--_space-2);
  }
  legend {
    font-weight: 600;
    margin-block-end: var(--_space-2);
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .option:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: 0 0 0 1px var(--_primary);
  }
  .option.unavailable {
    color: var(--_muted);
    background: color-mix(in srgb, var(--_border) 25%, transparent);
  }
  .option .meta {
    display: block;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .amount {
    text-align: end;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .amount small {
    display: block;
    font-weight: 400;
    color: var(--_muted);
  }
  [part='blocked'] {
    padding: var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  [part='blocked'] ul {
    margin: var(--_space-2) 0;
    padding-inline-start: 1.2rem;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding-block: var(--_space-2);
    padding-inline: var(--_space-1);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: end;
    white-space: nowrap;
  }
  td small,
  th small {
    display: block;
    font-weight: 400;
    color: var(--_muted);
    white-space: normal;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-block-end: 0;
  }
  [part='landed-cost'] {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--mendunia-notice-background, var(--_subtle));
  }
  [part='landed-cost'] p {
    margin: 0;
  }
  .regime {
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  .primary,
  [part='next-button'],
  [part='place-order-button'] {
    min-block-size: 2.75rem;
    padding-inline: var(--_space-4);
    border: 0;
    background: var(--mendunia-button-background, var(--_primary));
    color: var(--mendunia-button-color, var(--_on-primary));
    font-weight: 600;
  }
  .secondary,
  [part='back-button'] {
    min-block-size: 2.75rem;
    padding-inline: var(--_space-4);
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary);
  }
  [part='handoff'] {
    display: grid;
    gap: var(--_space-2);
  }
  [part='handoff'] a {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 2.75rem;
    padding-inline: var(--_space-4);
    border-radius: var(--_radius);
    text-decoration: none;
    font-weight: 600;
  }
  a.primary {
    background: var(--mendunia-whatsapp-background, #1f7a4c);
    color: #fff;
  }
  a.secondary {
    border: 1px solid var(--_primary);
    color: var(--_primary);
  }
  .reference,
  .account {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 1.1em;
  }
  [part='error-summary'] p {
    margin: 0;
  }
  [part='payment'] {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_border, currentColor);
    border-radius: var(--_radius);
  }
  [part='payment'] h4,
  [part='payment'] p {
    margin: 0;
  }
  [part='payment'] dl {
    display: grid;
    /* The label column gives way on a phone: the number to copy stays on one line. */
    grid-template-columns: fit-content(45%) minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
  }
  [part='payment'] dt {
    color: var(--_muted);
  }
  [part='payment'] dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part='payment'] dd.account {
    overflow-wrap: normal;
    white-space: nowrap;
    user-select: all;
  }
  .qris {
    inline-size: min(240px, 100%);
    block-size: auto;
  }
  @media (forced-colors: active) {
    [part='next-button'],
    [part='place-order-button'],
    a.primary {
      border: 1px solid ButtonText;
    }
  }
`;
