import { css } from 'lit';

// No cap on columns by default: as many as fit. The grid has as many columns of at least the
// minimum width as fit, but never more than --mendunia-grid-columns: each column is at least 1/N
// of the row (minus the gaps). (Comments stay out of css``: they would ship in the bundle.)

export const productGridStyles = css`
  :host {
    display: block;
  }
  :host > * {
    --_grid-min-column: var(--mendunia-grid-min-column, 15rem);
    --_grid-gap: var(--mendunia-grid-gap, var(--_space-4));
    --_grid-columns: var(--mendunia-grid-columns, 999);
  }
  [part='base'] {
    display: grid;
    gap: var(--_space-4);
  }
  [part='filter'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  [part~='filter-button'] {
    padding-inline: var(--_space-3);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  [part~='filter-button']:hover {
    border-color: var(--_primary);
  }
  [part~='filter-button'][aria-pressed='true'] {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  [part='grid'] {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(
        min(100%, max(var(--_grid-min-column), (100% - (var(--_grid-columns) - 1) * var(--_grid-gap)) / var(--_grid-columns))),
        1fr
      )
    );
    gap: var(--_grid-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='grid'] > li {
    display: flex;
    min-inline-size: 0;
  }
  mendunia-product-card,
  [part='grid'] > li > * {
    flex: 1;
    min-inline-size: 0;
  }
  .placeholder {
    min-block-size: 22rem;
    border: 1px solid var(--_border);
    border-radius: var(--mendunia-card-radius, var(--_radius));
    background: var(--mendunia-card-image-background, var(--_subtle));
  }
  [part='message'] {
    margin: 0;
  }
  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .message button {
    padding-inline: var(--_space-3);
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary);
  }
  @media (prefers-reduced-motion: no-preference) {
    .placeholder {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (forced-colors: active) {
    [part~='filter-button'] {
      border-color: ButtonText;
    }
    [part~='filter-button'][aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .placeholder {
      border-color: CanvasText;
    }
  }
`;
