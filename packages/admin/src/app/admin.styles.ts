import { css } from 'lit';

export const appStyles = css`
  .app {
    max-inline-size: 72rem;
    margin-inline: auto;
    padding: var(--_space-3);
    box-sizing: border-box;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space-2);
    padding-block-end: var(--_space-3);
    margin-block-end: var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }
  .title {
    margin: 0;
    font-weight: 700;
    font-size: 1.1rem;
  }
  .tools {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }
  .tools select {
    inline-size: auto;
  }
  .language {
    margin: 0;
  }
  .live p {
    margin: 0;
  }
  .live p:not(:empty) {
    margin-block-end: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .sign-in {
    max-inline-size: 28rem;
  }
  @media print {
    .app {
      padding: 0;
      max-inline-size: none;
    }
  }
`;
