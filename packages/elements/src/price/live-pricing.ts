import type { Part } from 'lit';
import { AsyncDirective, directive, type DirectiveResult } from 'lit/async-directive.js';
import type { Pricing, ReadableAtom } from '@mendunia/core';

type View = (pricing: Pricing) => unknown;

/**
 * Renders `view(pricing)` in one spot of a template and re-renders only that spot when the
 * pricing store changes (a currency switch, new rates): the rest of the element's template is
 * not re-rendered, its strings not translated again. The element re-renders it as usual when
 * anything else changes. Unsubscribes while the element is disconnected.
 */
class LivePricingDirective extends AsyncDirective {
  private store?: ReadableAtom<Pricing>;
  private view?: View;
  private off?: () => void;

  render(store: ReadableAtom<Pricing>, view: View): unknown {
    return view(store.get());
  }

  override update(_part: Part, [store, view]: [ReadableAtom<Pricing>, View]): unknown {
    this.view = view;
    if (store !== this.store) {
      this.off?.();
      this.store = store;
      this.off = undefined;
    }
    if (this.isConnected && !this.off) this.subscribe();
    return this.render(store, view);
  }

  private subscribe(): void {
    this.off = this.store?.listen((pricing) => {
      if (this.view) this.setValue(this.view(pricing));
    });
  }

  protected override disconnected(): void {
    this.off?.();
    this.off = undefined;
  }

  protected override reconnected(): void {
    this.subscribe();
    // The store may have changed while the element was away.
    if (this.store && this.view) this.setValue(this.view(this.store.get()));
  }
}

/** `${livePricing(sf.$pricing, (p) => html`…${p.price(amount).text}…`)}` — see LivePricingDirective. */
export const livePricing: (store: ReadableAtom<Pricing>, view: View) => DirectiveResult<typeof LivePricingDirective> =
  directive(LivePricingDirective);
