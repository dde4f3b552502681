import { expect, fixture } from '@open-wc/testing';
import { MAX_LINE_QUANTITY } from '@mendunia/core';
import { html, render } from 'lit';
import { clampQuantity, quantityStepper } from './quantity.js';

describe('clampQuantity', () => {
  for (const [value, max, expected] of [
    [5, 10, 5],
    [0, 10, 1],
    [-4, 10, 1],
    [12, 10, 10],
    [2.7, 10, 2],
    [Number.NaN, 10, 1],
    [5, 0, 1],
    [5000, undefined, MAX_LINE_QUANTITY],
    [5000, 100_000, MAX_LINE_QUANTITY],
  ] as const) {
    it(`${value} within ${max ?? 'the default'} → ${expected}`, () => {
      expect(clampQuantity(value, max)).to.equal(expected);
    });
  }
});

describe('quantityStepper', () => {
  it('never offers more than MAX_LINE_QUANTITY, whatever max it is given', async () => {
    const changes: number[] = [];
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const draw = (value: number) =>
      render(
        quantityStepper({ value, max: 100_000, label: 'Quantity', decreaseLabel: 'Less', increaseLabel: 'More', onChange: (q) => changes.push(q) }),
        host,
      );
    draw(MAX_LINE_QUANTITY);
    const input = host.querySelector('input')!;
    expect(input.max).to.equal(String(MAX_LINE_QUANTITY));
    expect(host.querySelectorAll('button')[1]!.disabled).to.equal(true);
    input.value = '5000';
    input.dispatchEvent(new Event('change'));
    expect(changes).to.deep.equal([MAX_LINE_QUANTITY]);
    expect(input.value).to.equal(String(MAX_LINE_QUANTITY));
  });
});

describe('quantityStepper above the stock', () => {
  it('says why a typed quantity was cut down, and forgets it once the buyer types a quantity that fits', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const changes: number[] = [];
    render(
      quantityStepper({ value: 1, max: 3, label: 'Quantity', decreaseLabel: 'Less', increaseLabel: 'More', limitNote: 'Only 3 left', onChange: (q) => changes.push(q) }),
      host,
    );
    const input = host.querySelector('input')!;
    const note = host.querySelector('.limit')!;
    expect(note.getAttribute('role')).to.equal('status');
    expect(note.textContent).to.equal('');
    input.value = '7';
    input.dispatchEvent(new Event('change'));
    expect(changes).to.deep.equal([3]);
    expect(input.value).to.equal('3');
    expect(note.textContent).to.equal('Only 3 left');
    input.value = '2';
    input.dispatchEvent(new Event('change'));
    expect(note.textContent).to.equal('');
  });
});
