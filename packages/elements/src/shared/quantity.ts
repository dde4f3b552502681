import { MAX_LINE_QUANTITY } from '@mendunia/core';
import { css, html, type TemplateResult } from 'lit';

export interface QuantityStepperOptions {
  readonly value: number;
  /** Highest allowed value (stock, never above MAX_LINE_QUANTITY); the + button disables there. */
  readonly max: number;
  readonly disabled?: boolean;
  readonly label: string;
  readonly decreaseLabel: string;
  readonly increaseLabel: string;
  /** Called with the wanted value, already clamped to 1…max. */
  readonly onChange: (value: number) => void;
  /** Part name of the group (default `quantity`). */
  readonly part?: string;
  /**
   * Said when a typed quantity is cut down to `max` ("Only 3 left"), so the change is never
   * silent; announced politely. Without it the value is still clamped.
   */
  readonly limitNote?: string;
}

/**
 * Clamps what a buyer typed or stepped to a whole number in 1…max, max being the stock (default
 * and at most core's MAX_LINE_QUANTITY, the most one cart line may hold).
 */
export function clampQuantity(value: number, max: number = MAX_LINE_QUANTITY): number {
  const q = Number.isFinite(value) ? Math.trunc(value) : 1;
  return Math.min(Math.max(q, 1), Math.max(Math.min(max, MAX_LINE_QUANTITY), 1));
}

/** The − [n] + control of the product card and the cart lines. */
export function quantityStepper(o: QuantityStepperOptions): TemplateResult {
  const max = clampQuantity(o.max);
  const set = (value: number) => o.onChange(clampQuantity(value, max));
  const step = (e: Event, value: number) => {
    const next = clampQuantity(value, max);
    // The button is about to disable itself (− at 1, + at the limit): a disabled button drops
    // focus to <body>, so focus moves to the quantity field beside it first.
    if (next <= 1 || next >= max) (e.currentTarget as HTMLElement).parentElement?.querySelector('input')?.focus();
    set(value);
  };
  return html`<div part=${o.part ?? 'quantity'} class="stepper" role="group" aria-label=${o.label}>
    <button type="button" aria-label=${o.decreaseLabel} ?disabled=${o.disabled || o.value <= 1} @click=${(e: Event) => step(e, o.value - 1)}>−</button>
    <input
      type="number"
      inputmode="numeric"
      min="1"
      max=${max}
      .value=${String(o.value)}
      aria-label=${o.label}
      ?disabled=${o.disabled}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const wanted = Number(input.value);
        set(wanted);
        // Show the clamped value even when it equals the old one (typed "0" → 1).
        input.value = String(clampQuantity(wanted, max));
        // The note is set here, not rendered: it says what just happened to what was typed.
        const note = input.parentElement?.nextElementSibling;
        if (note?.classList.contains('limit')) note.textContent = wanted > max && o.limitNote ? o.limitNote : '';
      }}
    />
    <button type="button" aria-label=${o.increaseLabel} ?disabled=${o.disabled || o.value >= max} @click=${(e: Event) => step(e, o.value + 1)}>+</button>
  </div><span class="limit" role="status"></span>`;
}

export const quantityStyles = css`
  .limit:empty {
    display: none;
  }
  .limit {
    align-self: center;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .stepper {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface);
  }
  .stepper button {
    inline-size: 2rem;
    border: 0;
    border-radius: 0;
    background: transparent;
    font-size: 1.1rem;
  }
  .stepper input {
    inline-size: 2.75rem;
    border: 0;
    border-radius: 0;
    border-inline: 1px solid var(--_border);
    text-align: center;
    -moz-appearance: textfield;
  }
  .stepper input::-webkit-inner-spin-button,
  .stepper input::-webkit-outer-spin-button {
    -webkit-appearance: none;
    margin: 0;
  }
`;
