import { css } from 'lit';

export const orderStyles = css`
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .title h1 {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .layout {
    display: grid;
    gap: var(--_space-4);
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    }
  }
  .actions,
  .notice {
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-block-end: var(--_space-3);
  }
  .actions h2,
  .notice h2 {
    margin-block-start: 0;
  }
  .pending {
    margin-block-start: var(--_space-3);
    max-inline-size: 28rem;
  }
  .plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .plain li {
    margin-block-end: var(--_space-2);
    overflow-wrap: anywhere;
  }
  .plain a {
    display: inline-block;
    min-block-size: 24px;
  }
  .buyer {
    font-weight: 600;
    margin-block: 0 var(--_space-2);
  }
  address {
    font-style: normal;
  }
  .costs th {
    font-size: 1rem;
    color: var(--_text);
    font-weight: 400;
  }
  .costs .sub th {
    padding-inline-start: var(--_space-4);
    color: var(--_muted);
  }
  .costs .total th,
  .costs .total td {
    font-weight: 700;
  }
  .history {
    padding-inline-start: var(--_space-4);
    margin: 0;
  }
  .history li {
    margin-block-end: var(--_space-2);
  }
  .history span {
    display: block;
  }
`;
