import { css } from 'lit';

/**
 * What every dashboard view shares: headings that take focus on a route change, links and
 * buttons as targets of at least 44 px on a phone, status badges, tables that turn into cards
 * below 40rem, and print rules (no chrome, black on white).
 */
export const adminStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin-block: 0 var(--_space-3);
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.15rem;
    margin-block-start: var(--_space-4);
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: max(44px, 2.75rem);
    padding-inline: var(--_space-4);
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    box-sizing: border-box;
  }
  button.primary,
  .button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button.danger.primary {
    background: var(--_danger);
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: var(--_space-1);
  }
  input,
  select {
    font: inherit;
    min-block-size: max(44px, 2.75rem);
    padding-inline: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-sizing: border-box;
    inline-size: 100%;
  }
  .field {
    margin-block-end: var(--_space-3);
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    white-space: nowrap;
  }
  .badge[data-status='pending_payment'] {
    background: var(--_notice);
    color: var(--_warning);
  }
  .badge[data-status='paid'],
  .badge[data-status='packed'] {
    color: var(--_primary);
  }
  .badge[data-status='shipped'],
  .badge[data-status='delivered'] {
    color: var(--_success);
  }
  .badge[data-status='cancelled'],
  .badge[data-status='refunded'] {
    color: var(--_danger);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: end;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-2);
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  @media (max-width: 40rem) {
    table.cards,
    table.cards tbody,
    table.cards tr,
    table.cards td {
      display: block;
    }
    table.cards thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.cards tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-block-end: var(--_space-3);
      padding: var(--_space-2);
    }
    table.cards td {
      border: none;
      padding: var(--_space-1) 0;
      display: flex;
      justify-content: space-between;
      gap: var(--_space-3);
      text-align: end;
      overflow-wrap: anywhere;
    }
    table.cards td::before {
      content: attr(data-label);
      color: var(--_muted);
      font-size: 0.875rem;
      text-align: start;
      flex: none;
    }
  }
  @media print {
    .no-print {
      display: none !important;
    }
  }
`;
