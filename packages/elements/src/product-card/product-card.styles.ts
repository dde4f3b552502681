import { css } from 'lit';

// content-visibility: a card off screen is not laid out or painted until it comes near (1,000
// cards on a page), with its block size reserved (then remembered: "auto") so nothing shifts.
export const productCardStyles = css`
  :host {
    display: block;
    content-visibility: auto;
    contain-intrinsic-block-size: auto 28rem;
  }
  :host > * {
    --_card-radius: var(--mendunia-card-radius, var(--_radius));
    --_card-padding: var(--mendunia-card-padding, var(--_space-4));
    --_card-bg: var(--mendunia-card-background, var(--_surface));
    --_card-border: var(--mendunia-card-border, 1px solid var(--_border));
    --_image-bg: var(--mendunia-card-image-background, var(--_subtle));
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    background: var(--_card-bg);
    border: var(--_card-border);
    border-radius: var(--_card-radius);
    overflow: hidden;
  }
  .media {
    aspect-ratio: var(--mendunia-card-image-aspect-ratio, 1 / 1);
    background: var(--_image-bg);
    overflow: hidden;
  }
  [part='image'] {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: var(--mendunia-card-image-fit, cover);
  }
  .body {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: var(--_space-2);
    padding: var(--_card-padding);
  }
  [part='title'] {
    margin: 0;
    font-size: var(--mendunia-card-title-size, 1.05rem);
    line-height: 1.3;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='description'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9rem;
    line-height: 1.45;
    display: -webkit-box;
    -webkit-line-clamp: var(--mendunia-card-description-lines, 3);
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .price-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-2);
    margin-block-start: auto;
  }
  [part='price'] {
    font-size: 1.15rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  [part='charge'] {
    display: block;
    font-size: 0.78rem;
    color: var(--_muted);
    font-weight: 400;
  }
  [part='stock'] {
    font-size: 0.85rem;
    color: var(--_success);
  }
  [part='stock'].low {
    color: var(--_warning);
  }
  [part='stock'].out {
    color: var(--_danger);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    font-size: 0.85rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: stretch;
  }
  [part='add-button'] {
    flex: 1 1 7rem;
    white-space: nowrap;
    border: 0;
    padding-inline: var(--_space-3);
    background: var(--mendunia-button-background, var(--_primary));
    color: var(--mendunia-button-color, var(--_on-primary));
    font-weight: 600;
  }
  [part='add-button']:hover:not(:disabled) {
    filter: brightness(1.12);
  }
  [part='add-button']:disabled {
    background: var(--_border);
    color: var(--_muted);
  }
  [part='status'] {
    margin: 0;
    min-block-size: 1.2em;
    font-size: 0.85rem;
    color: var(--_success);
  }
  [part='status'].error {
    color: var(--_danger);
  }
  .skeleton .line {
    block-size: 1em;
    border-radius: 4px;
    background: var(--_image-bg);
  }
  .skeleton .line.short {
    inline-size: 40%;
  }
  .message {
    display: flex;
    flex: 1;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space-2);
    padding: var(--_card-padding);
  }
  .message button {
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary);
    padding-inline: var(--_space-3);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton .line,
    .skeleton .media {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (forced-colors: active) {
    [part='base'] {
      border: 1px solid CanvasText;
    }
    [part='add-button'] {
      border: 1px solid ButtonText;
    }
  }
`;
