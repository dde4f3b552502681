import { css } from 'lit';

export const ordersStyles = css`
  .heading {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space-2);
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0 var(--_space-3);
    align-items: end;
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_subtle);
    margin-block-end: var(--_space-3);
  }
  .filters .q {
    grid-column: 1 / -1;
  }
  .filters .buttons {
    display: flex;
    gap: var(--_space-2);
  }
  .paging {
    display: flex;
    gap: var(--_space-3);
    align-items: center;
    justify-content: center;
    margin-block: var(--_space-4);
  }
`;
