import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Storefront } from '@mendunia/core';
import { createCheckout, CHECKOUT_STEPS, type Checkout, type CheckoutStep, type PaymentStep } from '@mendunia/core/checkout/index.js';
import { dirOf, displayLanguage, translator, type TFunction } from '@mendunia/i18n';
import { describe } from '@mendunia/i18n/messages.js';
import { addCheckoutStrings } from '@mendunia/i18n/checkout-strings.js';
import { ModalController } from '../shared/modal.js';
import { StorefrontController } from '../shared/storefront-controller.js';
import { MenduniaCheckoutCompleteEvent } from '../shared/events.js';
import { preferredRegions } from '../shared/intl.js';
import { baseStyles, closeButtonStyles, controlStyles } from '../shared/styles.js';
import { checkoutStyles } from './checkout.styles.js';
import { fieldId, renderAddress, renderContact, renderDone, renderReview, renderShipping, type StepView } from './steps.js';

addCheckoutStrings();

/**
 * @tag mendunia-checkout
 * @summary The cross-border checkout: contact → delivery address → shipping service → review
 * (what the parcel costs door to door, with import duties and taxes explained line by line) →
 * order hand-off to the shop by WhatsApp, email or a payment link, with a downloadable order.
 * A modal dialog opened from the cart, or a page section with `inline`. A view of core's
 * `createCheckout()`: progress is saved on every change, so a reload or a failed step loses
 * nothing, and an order is placed only once.
 *
 * @fires mendunia-checkout-complete - After an order was placed: `detail.order` (reference, lines with
 * variants, totals in IDR, the display currency) and `detail.handoff` (the hand-offs offered).
 *
 * @csspart dialog - The `<dialog>` (not in inline mode).
 * @csspart base - The panel.
 * @csspart close-button - The dialog's close button.
 * @csspart progress - The list of steps.
 * @csspart error-summary - The list of fields to fix, shown when a step does not validate.
 * @csspart next-button - The button to the next step.
 * @csspart back-button - The button to the previous step.
 * @csspart blocked - The items that cannot be sent to the chosen country, with reasons.
 * @csspart country-data-status - On the address step, while the chosen country's address form and phone data load ("Loading the checkout…") or when they failed to (with "Try again").
 * @csspart landed-cost - The import duties and taxes explanation.
 * @csspart totals - The totals table of the review.
 * @csspart place-order-button - The "Place order" button.
 * @csspart handoff - The confirmation's WhatsApp, email, payment and download links.
 * @csspart payment - The shop's bank transfer or QRIS details on the confirmation.
 *
 * @cssprop --mendunia-checkout-background - Background of the panel.
 * @cssprop --mendunia-checkout-backdrop - The backdrop behind the dialog.
 * @cssprop --mendunia-whatsapp-background - Background of the WhatsApp button (default #1f7a4c).
 */
export class MenduniaCheckout extends LitElement {
  static override styles = [baseStyles, controlStyles, closeButtonStyles, checkoutStyles];

  /** Render as a section of the page (a checkout page) instead of a dialog. */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** The storefront to use; by default the enclosing `<mendunia-store>` or the page's default. */
  @property({ attribute: false }) storefront?: Storefront;

  @state() private handoffNote = '';
  @state() private payment?: PaymentStep;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly store = new StorefrontController(this, (s) => [s.$catalog, s.$rates, s.$pricing, s.cart.$lines, s.$checkoutOpen, s.$locale]);
  private readonly modal = new ModalController(this, () => this.dialog, () => this.store.value?.closeCheckout());
  private flow?: Checkout;
  private flowFor?: Storefront;
  private unlisten: (() => void)[] = [];
  private focusAfterUpdate?: string;
  private downloadUrl?: { reference: string; url: string };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFlow();
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl.url);
    this.downloadUrl = undefined;
  }

  /** The headless checkout this element shows (undefined until it has a storefront). */
  get checkout(): Checkout | undefined {
    return this.flow;
  }

  private stopFlow(): void {
    this.unlisten.forEach((off) => off());
    this.unlisten = [];
    this.flow?.destroy();
    this.flow = undefined;
    this.flowFor = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const sf = this.store.value;
    if (sf && sf !== this.flowFor) {
      this.stopFlow();
      this.flowFor = sf;
      const flow = (this.flow = createCheckout(sf, { preferredRegions: preferredRegions(), logger: console }));
      const rerender = () => this.requestUpdate();
      this.unlisten = [flow.$config, flow.$draft, flow.$quote, flow.$issues, flow.$placing, flow.$countryData].map((s) => (s as { listen(l: () => void): () => void }).listen(rerender));
    }
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.modal.sync(!this.inline && !!this.store.value?.$checkoutOpen.get());
    const id = this.focusAfterUpdate;
    if (id) {
      this.focusAfterUpdate = undefined;
      this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const sf = this.store.value;
    if (!sf) return nothing;
    const lang = displayLanguage(sf.$locale.get());
    const t = translator(sf.$locale.get());
    const open = this.inline || sf.$checkoutOpen.get();
    const panel = open ? this.renderPanel(sf, t, lang) : nothing;
    if (this.inline) return panel;
    // Backdrop clicks are a pointer shortcut; keyboard users close with Esc (the dialog's cancel).
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog part="dialog" aria-labelledby="checkout-title" @cancel=${this.modal.onCancel} @close=${this.modal.onClose} @click=${this.modal.onClick}>${panel}</dialog>`;
  }

  private renderPanel(sf: Storefront, t: TFunction, lang: string): TemplateResult {
    const step = this.flow?.$draft.get().step;
    // The controller marks the shadow root's top element (the dialog); the panel says it too, for
    // a page that styles or reads ::part(base) on its own.
    return html`<section part="base" lang=${lang} dir=${dirOf(lang)} aria-labelledby="checkout-title">
      <header>
        <h2 id="checkout-title" tabindex="-1">${t('checkout.title')}</h2>
        ${this.inline ? nothing : html`<button part="close-button" type="button" aria-label=${t('checkout.close')} @click=${() => sf.closeCheckout()}>×</button>`}
      </header>
      ${step ? this.renderProgress(step, t) : nothing}
      ${this.renderBody(sf, t, lang)}
    </section>`;
  }

  private renderProgress(current: CheckoutStep, t: TFunction): TemplateResult {
    return html`<ol part="progress" aria-label=${t('checkout.progress')}>
      ${CHECKOUT_STEPS.map((step) => html`<li aria-current=${step === current ? 'step' : nothing}>${t(`checkout.steps.${step}`)}</li>`)}
    </ol>`;
  }

  private renderBody(sf: Storefront, t: TFunction, lang: string): TemplateResult {
    const flow = this.flow;
    const draft = flow?.$draft.get();
    const config = flow?.$config.get();
    const catalog = sf.$catalog.get();
    if (flow && draft?.step === 'done' && draft.order) return renderDone(this.view(sf, flow, t, lang));
    if (!flow || !config || config.status === 'loading' || catalog.status === 'loading' || catalog.status === 'idle') {
      return html`<p role="status">${t('checkout.loading')}</p>`;
    }
    if (config.status === 'missing') return html`<p role="alert">${t('checkout.notConfigured')}</p>`;
    if (config.status === 'error' || catalog.status === 'error') {
      // A configuration the shop must fix cannot be mended by trying again: no retry button then.
      const retryable = catalog.status === 'error' || (config.status === 'error' && config.retryable);
      return html`<div role="alert"><p>${config.status === 'error' ? describe(config.error, lang) : t('checkout.loadError')}</p>
        ${retryable
          ? html`<button class="secondary" type="button" @click=${() => { if (config.status === 'error') void flow.loadConfig(); if (catalog.status === 'error') void sf.loadCatalog(); }}>${t('checkout.retry')}</button>`
          : nothing}</div>`;
    }
    if (!sf.cart.$lines.get().length) return html`<p role="status">${t('checkout.empty')}</p>`;
    const view = this.view(sf, flow, t, lang);
    switch (draft!.step) {
      case 'contact':
        return renderContact(view);
      case 'address':
        return renderAddress(view);
      case 'shipping':
        return renderShipping(view);
      default:
        return renderReview(view);
    }
  }

  /** Everything a step renders from, and the actions it may take. */
  private view(sf: Storefront, flow: Checkout, t: TFunction, lang: string): StepView {
    const config = flow.$config.get();
    const catalog = sf.$catalog.get();
    return {
      t,
      lang,
      locale: sf.$locale.get(),
      sf,
      flow,
      draft: flow.$draft.get(),
      issues: flow.$issues.get(),
      quote: flow.$quote.get(),
      config: config.status === 'ready' ? config.config : undefined,
      shop: (catalog.status === 'ready' && catalog.catalog.merchant?.name) || document.title,
      handoffNote: this.handoffNote,
      payment: this.payment,
      placing: flow.$placing.get(),
      countryData: flow.$countryData.get(),
      downloadUrl: () => this.orderDownloadUrl(),
      next: () => {
        const moved = flow.next();
        const issues = flow.$issues.get();
        // Focus the first field to fix (the summary above it is announced), or the new step's heading.
        this.focusAfterUpdate = moved ? 'step-title' : issues[0] ? fieldId(issues[0].field) : undefined;
      },
      back: () => {
        flow.back();
        this.focusAfterUpdate = 'step-title';
      },
      placeOrder: () => void this.placeOrder(sf, flow),
      pay: () => void this.pay(flow),
      handedOff: (note) => (this.handoffNote = note),
      focusField: (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
      restart: () => {
        flow.restart();
        this.handoffNote = '';
        this.payment = undefined;
        sf.closeCheckout();
      },
    };
  }

  private async placeOrder(sf: Storefront, flow: Checkout): Promise<void> {
    if (flow.$draft.get().order) return;
    const order = await flow.placeOrder();
    if (!order) return;
    this.focusAfterUpdate = 'step-title';
    const config = flow.$config.get();
    const handoff = config.status === 'ready' ? config.config.handoff : {};
    this.dispatchEvent(
      new MenduniaCheckoutCompleteEvent({
        order,
        currency: sf.$pricing.get().currency,
        server: !!sf.api,
        handoff: { whatsapp: !!handoff.whatsapp, email: !!handoff.email, paymentLink: !!handoff.paymentLink },
      }),
    );
  }

  private async pay(flow: Checkout): Promise<void> {
    const step = await flow.pay();
    if (step.kind === 'redirect') window.location.assign(step.url);
    else this.payment = step;
  }

  private orderDownloadUrl(): string | undefined {
    const order = this.flow?.$draft.get().order;
    if (!order) return undefined;
    if (this.downloadUrl?.reference !== order.reference) {
      if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl.url);
      const blob = new Blob([JSON.stringify(order, null, 2)], { type: 'application/json' });
      this.downloadUrl = { reference: order.reference, url: URL.createObjectURL(blob) };
    }
    return this.downloadUrl.url;
  }
}
