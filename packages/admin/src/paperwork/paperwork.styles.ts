import { css } from 'lit';

export const paperworkStyles = css`
  .toolbar h1 {
    overflow-wrap: anywhere;
  }
  .size {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }
  .size label {
    margin: 0;
  }
  .size select {
    inline-size: auto;
  }
  .warnings {
    border: 1px solid var(--_warning);
    background: var(--_notice);
    border-radius: var(--_radius);
    padding: var(--_space-2) var(--_space-3);
    margin-block: var(--_space-3);
  }
  .warnings h2 {
    margin: 0;
    font-size: 1rem;
  }
  .paper {
    overflow-x: auto;
    margin-block-start: var(--_space-4);
  }
  .sheet {
    background: #fff;
    color: #000;
    border: 1px solid #000;
    padding: 4mm;
    box-sizing: border-box;
    font-size: 10pt;
    line-height: 1.3;
    max-inline-size: 210mm;
    break-inside: avoid;
    page-break-inside: avoid;
  }
  .paper[data-size='A6'] .sheet {
    max-inline-size: 105mm;
    font-size: 7pt;
    padding: 2mm;
  }
  .paper[data-size='A5'] .sheet {
    max-inline-size: 148mm;
    font-size: 8.5pt;
  }
  .sheet p {
    margin: 0;
  }
  .sheet .muted {
    color: #333;
  }
  .cn-head {
    display: flex;
    justify-content: space-between;
    align-items: start;
    border-block-end: 2px solid #000;
    padding-block-end: 1mm;
    margin-block-end: 2mm;
  }
  .cn-title {
    font-weight: 700;
    text-transform: uppercase;
    font-size: 1.2em;
  }
  .cn-form {
    font-weight: 700;
    font-size: 1.6em;
  }
  .parties {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 2mm;
    margin-block-end: 2mm;
  }
  .box {
    border: 1px solid #000;
    padding: 1.5mm;
    margin-block-end: 2mm;
  }
  .label {
    font-size: 0.85em;
    font-weight: 700;
    text-transform: uppercase;
  }
  .name {
    font-weight: 700;
  }
  .cn-lines {
    margin-block-end: 2mm;
    font-size: 1em;
  }
  .cn-lines th,
  .cn-lines td {
    border: 1px solid #000;
    padding: 0.8mm 1mm;
    color: #000;
    font-size: 1em;
    overflow-wrap: anywhere;
  }
  .cn-lines tfoot th,
  .cn-lines tfoot td {
    font-weight: 700;
  }
  /* Numbers and their headings break between words only ("Rp 2,325,000" never splits): the
     description column is the one that gives way. */
  .cn-lines .num {
    overflow-wrap: normal;
  }
  .cn-lines td.num {
    white-space: nowrap;
  }
  .certify {
    font-size: 0.85em;
    margin-block: 2mm !important;
  }
  .signature {
    display: flex;
    gap: 4mm;
    align-items: end;
    margin-block-start: 6mm;
  }
  .signature .line {
    flex: 1;
    border-block-start: 1px solid #000;
    padding-block-start: 1mm;
    font-size: 0.85em;
  }
  .tick {
    font-size: 1.3em;
  }
  @media print {
    .paper {
      margin: 0;
      overflow: visible;
    }
    .sheet,
    .paper[data-size] .sheet {
      max-inline-size: none;
      inline-size: 100%;
      border: none;
      padding: 0;
    }
  }
`;
