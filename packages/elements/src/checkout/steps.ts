// The checkout's steps as render functions over one view object: core's createCheckout() owns
// state, rules and actions; the element (checkout.ts) wires them; these only turn them into markup.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatMoney, localise, type ApiPayment, type Message, type Storefront } from '@mendunia/core';
import {
  addressFormat,
  countryName,
  countryOptions,
  dueOnArrival,
  lineTitle,
  type Checkout,
  type CheckoutConfig,
  type CheckoutDraft,
  type CheckoutField,
  type CountryDataState,
  type FieldIssue,
  type PaymentDetails,
  type PaymentStep,
  type PlacingState,
  type Quote,
  type ShippingOption,
} from '@mendunia/core/checkout/index.js';
import type { TFunction } from '@mendunia/i18n';
import { describe } from '@mendunia/i18n/messages.js';
import { formatDate } from '../shared/intl.js';
import { orderSummary } from './summary.js';
import { serviceName } from './service-name.js';

export interface StepView {
  readonly t: TFunction;
  /** The language the widgets show (for messages from core). */
  readonly lang: string;
  /** The storefront's locale (for Intl formatting). */
  readonly locale: string;
  readonly sf: Storefront;
  readonly flow: Checkout;
  readonly draft: CheckoutDraft;
  readonly issues: readonly FieldIssue[];
  readonly quote?: Quote;
  readonly config?: CheckoutConfig;
  readonly shop: string;
  readonly handoffNote: string;
  readonly payment?: PaymentStep;
  readonly placing: PlacingState;
  /** Whether the address's country's format and phone data are there (the script tag fetches them). */
  readonly countryData: CountryDataState;
  downloadUrl(): string | undefined;
  next(): void;
  back(): void;
  placeOrder(): void;
  pay(): void;
  handedOff(note: string): void;
  focusField(id: string): void;
  restart(): void;
}

/** The id of a field's control in the shadow root. */
export function fieldId(field: CheckoutField): string {
  switch (field) {
    case 'name':
    case 'email':
    case 'phone':
      return `f-${field}`;
    case 'recipient':
      return 'a-name';
    case 'service':
      return 'service-legend';
    default:
      return `a-${field}`;
  }
}

/** Words for what core said: a message in the widget's language, or data shown as it is. */
const say = (v: StepView, value: Message | string | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : describe(value, v.lang);

const heading = (text: string) => html`<h3 id="step-title" tabindex="-1">${text}</h3>`;

/** The label of a field, as the form shows it (the summary names fields by it). */
function fieldLabel(v: StepView, field: CheckoutField): string {
  const { t } = v;
  switch (field) {
    case 'name':
      return t('checkout.contact.name');
    case 'email':
      return t('checkout.contact.email');
    case 'phone':
      return t('checkout.contact.phone');
    case 'country':
      return t('address.country');
    case 'service':
      return t('checkout.shipping.legend');
    default: {
      const name = field === 'recipient' ? 'name' : field;
      const f = addressFormat(v.draft.address.country).fields.find((x) => x.name === name);
      return f ? t(f.labelKey) : t(`address.${name}`);
    }
  }
}

function errorSummary(v: StepView): TemplateResult | typeof nothing {
  if (!v.issues.length) return nothing;
  return html`<div part="error-summary" role="alert">
    <p>${v.t('checkout.errors.summary', { count: v.issues.length })}</p>
    <ul>
      ${v.issues.map((issue) => {
        const id = fieldId(issue.field);
        const go = (e: Event) => {
          e.preventDefault();
          v.focusField(id);
        };
        return html`<li><a href=${`#${id}`} @click=${go}><strong>${fieldLabel(v, issue.field)}</strong>: ${say(v, issue.message)}</a></li>`;
      })}
    </ul>
  </div>`;
}

interface FieldOptions {
  readonly type?: string;
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly options?: readonly { readonly code: string; readonly name: string }[];
  readonly placeholder?: string;
  readonly inputmode?: string;
}

const issueOf = (v: StepView, id: string) => v.issues.find((i) => fieldId(i.field) === id);

/** A labelled input or select, its hint and its error tied to it for screen readers. */
function field(v: StepView, id: string, label: string, value: string, onInput: (value: string) => void, o: FieldOptions = {}): TemplateResult {
  const issue = issueOf(v, id);
  const error = issue ? say(v, issue.message) : '';
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const handler = (e: Event) => onInput((e.target as HTMLInputElement | HTMLSelectElement).value);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${o.options
      ? html`<select id=${id} autocomplete=${o.autocomplete ?? nothing} ?required=${o.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} @change=${handler}>
          <option value="" ?selected=${!value}>${o.placeholder ?? v.t('address.choose')}</option>
          ${o.options.map((opt) => html`<option value=${opt.code} ?selected=${opt.code === value}>${opt.name}</option>`)}
        </select>`
      : html`<input id=${id} type=${o.type ?? 'text'} autocomplete=${o.autocomplete ?? nothing} inputmode=${o.inputmode ?? nothing} ?required=${o.required} .value=${value}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} @input=${handler} />`}
    ${o.hint ? html`<p class="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
    ${error ? html`<p class="error" id=${`${id}-error`}>${error}</p>` : nothing}
  </div>`;
}

function actions(v: StepView, next: TemplateResult | typeof nothing, showBack = true): TemplateResult {
  return html`<div class="actions">
    ${showBack ? html`<button part="back-button" type="button" @click=${() => v.back()}>${v.t('checkout.back')}</button>` : html`<span></span>`}
    ${next}
  </div>`;
}

const nextButton = (v: StepView, disabled = false) =>
  html`<button part="next-button" type="submit" ?disabled=${disabled}>${v.t('checkout.next')}</button>`;

const submit = (v: StepView) => (e: Event) => {
  e.preventDefault();
  v.next();
};

export function renderContact(v: StepView): TemplateResult {
  const { t } = v;
  const c = v.draft.contact;
  const set = (key: 'name' | 'email') => (value: string) => v.flow.update({ contact: { [key]: value } });
  return html`<form novalidate @submit=${submit(v)}>
    ${heading(t('checkout.steps.contact'))} ${errorSummary(v)}
    ${field(v, 'f-name', t('checkout.contact.name'), c.name, set('name'), { autocomplete: 'name', required: true })}
    ${field(v, 'f-email', t('checkout.contact.email'), c.email, set('email'), { type: 'email', autocomplete: 'email', required: true })}
    ${actions(v, nextButton(v), false)}
  </form>`;
}

export function renderAddress(v: StepView): TemplateResult {
  const { t, draft } = v;
  const address = draft.address;
  const format = addressFormat(address.country);
  const byName = new Map(format.fields.map((f) => [f.name, f]));
  const set = (name: string) => (value: string) => v.flow.update({ address: { [name]: value } });
  const example = v.flow.phoneExample(address.country);
  // While the country's format is fetched the buyer goes on typing in the generic fields (their
  // values carry over: the same names), a short notice beside the country's label, no line added;
  // a failure says so with a retry. Continue waits for the data. Nothing typed is lost.
  const data = v.countryData.status;
  return html`<form novalidate @submit=${submit(v)}>
    ${heading(t('checkout.steps.address'))} ${errorSummary(v)}
    <div class="country-field">
      ${field(v, 'a-country', t('address.country'), address.country, set('country'), {
        autocomplete: 'shipping country',
        required: true,
        options: countryOptions(v.locale, v.flow.countries()),
      })}
      ${data === 'loading' ? html`<p class="data-status" part="country-data-status" role="status">${t('checkout.loading')}</p>` : nothing}
    </div>
    ${data === 'error'
      ? html`<div class="data-error" part="country-data-status" role="alert"><p>${t('checkout.loadError')}</p>
          <button class="secondary" type="button" @click=${() => v.flow.retryCountryData()}>${t('checkout.retry')}</button></div>`
      : nothing}
    <div class="address-fields" aria-busy=${data === 'loading' ? 'true' : 'false'}>
    ${repeat(
      format.rows,
      // Keyed: when the country's own form replaces the generic one, a field keeps its element
      // (an input being typed in stays that field's, whatever moved around it).
      (row) => row.join(' '),
      (row) => html`<div class="row">
        ${row.map((name) => {
          const f = byName.get(name);
          if (!f) return nothing;
          const value = (address as unknown as Record<string, string | undefined>)[name] ?? '';
          return field(v, `a-${name}`, t(f.labelKey), value, set(name), {
            autocomplete: `shipping ${f.autocomplete}`,
            required: f.required,
            options: f.options,
            hint: name === 'postalCode' && format.postalCodeExample ? t('checkout.errors.exampleSuffix', { example: format.postalCodeExample }).trim() : undefined,
          });
        })}
      </div>`,
    )}
    </div>
    ${field(v, 'f-phone', t('checkout.contact.phone'), draft.contact.phone, (value) => v.flow.update({ contact: { phone: value } }), {
      type: 'tel',
      autocomplete: 'shipping tel',
      required: true,
      // Isolated: in an Arabic sentence the number keeps its "+" in front.
      hint: example ? t('checkout.contact.phoneHintExample', { example: `\u2068${example}\u2069` }) : t('checkout.contact.phoneHint'),
    })}
    ${actions(v, nextButton(v, data !== 'ready'))}
  </form>`;
}

/** An IDR amount as the buyer reads it: in their currency (an estimate) with the charge beside it. */
function money(v: StepView, idr: number, quantity = 1): TemplateResult {
  const view = quantity === 1 ? v.sf.$pricing.get().price(idr) : v.sf.$pricing.get().line(idr, quantity);
  return view.approximate ? html`${view.text}<small>${view.chargeText}</small>` : html`${view.text}`;
}

const idr = (v: StepView, amount: number) => formatMoney({ amount, currency: 'IDR' }, v.locale);

function optionRow(v: StepView, option: ShippingOption, chosen: string | undefined): TemplateResult {
  const { t } = v;
  const id = `svc-${option.serviceId}`;
  const name = serviceName(option, v.locale);
  if (!option.available) {
    return html`<div class="option unavailable">
      <input type="radio" id=${id} name="service" disabled aria-describedby=${`${id}-meta`} />
      <label for=${id}>${name}<span class="meta" id=${`${id}-meta`}>${t('checkout.shipping.unavailable', { reason: say(v, option.message) })}</span></label>
      <span></span>
    </div>`;
  }
  const kg = (option.parcels.reduce((n, p) => n + p.chargeableGrams, 0) / 1000).toLocaleString(v.locale);
  return html`<div class="option">
    <input type="radio" id=${id} name="service" .checked=${option.serviceId === chosen} aria-describedby=${`${id}-meta`}
      @change=${() => v.flow.update({ serviceId: option.serviceId })} />
    <label for=${id}>${name}
      <span class="meta" id=${`${id}-meta`}>${t('checkout.shipping.days', { min: option.days[0], max: option.days[1] })} ·
        ${option.tracked ? t('checkout.shipping.tracked') : t('checkout.shipping.untracked')} ·
        ${t('checkout.shipping.weight', { kg })}${option.parcels.length > 1 ? html` · ${t('checkout.shipping.parcels', { count: option.parcels.length })}` : nothing}${
          // Only where the merchant chose per service (checkout.json "dutyPaid"): DDP or DAP.
          option.dutyPaid === undefined ? nothing : html` · ${t(option.dutyPaid ? 'checkout.shipping.dutyPaid' : 'checkout.shipping.dutyOnDelivery')}`}</span>
    </label>
    <span class="amount">${money(v, option.priceIdr)}</span>
  </div>`;
}

export function renderShipping(v: StepView): TemplateResult {
  const { t, quote } = v;
  const country = countryName(v.draft.address.country, v.locale);
  const chosen = v.draft.serviceId ?? quote?.service?.serviceId;
  const title = (productId: string, variantId?: string) => {
    const item = quote?.items.find((i) => i.productId === productId && i.variantId === variantId);
    return item ? lineTitle(item, v.lang) : productId;
  };
  return html`<form novalidate @submit=${submit(v)}>
    ${heading(t('checkout.steps.shipping'))} ${errorSummary(v)}
    ${quote?.missing.length ? html`<p role="status">${t('checkout.shipping.missing')}</p>` : nothing}
    ${quote?.blocked.length
      ? html`<div part="blocked" role="alert">
          <strong>${t('checkout.shipping.blockedTitle', { country })}</strong>
          <ul>
            ${quote.blocked.map(
              (b) => html`<li><strong>${title(b.productId, b.variantId)}</strong>: ${say(v, b.reason)} <small>(${t('checkout.review.sourceLabel', { source: b.source.name })})</small>
                <button class="secondary" type="button" @click=${() => v.sf.cart.remove(b.productId, b.variantId)}>${t('checkout.shipping.removeBlocked')}</button></li>`,
            )}
          </ul>
          <p>${t('checkout.shipping.blockedHint')}</p>
        </div>`
      : nothing}
    ${quote?.status === 'no-service' ? html`<p role="alert">${t('checkout.shipping.none', { country })}</p>` : nothing}
    ${quote && quote.shippingOptions.length
      ? html`<fieldset>
          <legend id="service-legend" tabindex="-1">${t('checkout.shipping.legend')}</legend>
          ${quote.shippingOptions.map((o) => optionRow(v, o, chosen))}
        </fieldset>`
      : nothing}
    ${actions(v, nextButton(v, quote?.status !== 'ok' && quote?.status !== 'not-allowed'))}
  </form>`;
}

export function renderReview(v: StepView): TemplateResult {
  const { t, quote } = v;
  if (!quote) return html``;
  const country = countryName(quote.destination, v.locale);
  const lc = quote.landedCost;
  const service = quote.service;
  const pricing = v.sf.$pricing.get();
  const arrival = dueOnArrival(quote);
  const charged = idr(v, quote.totals.totalIdr);
  return html`<div>
    ${heading(t('checkout.steps.review'))}
    <table part="totals">
      <caption class="visually-hidden">${t('checkout.review.items')}</caption>
      <tbody>
        ${quote.items.map(
          (i) => html`<tr><th scope="row">${i.quantity} × <bdi>${lineTitle(i, v.lang)}</bdi>
            ${i.quantity > 1 ? html`<small>${t('checkout.review.each', { amount: pricing.price(i.unitPriceIdr).text })}</small>` : nothing}</th>
            <td class="num">${money(v, i.unitPriceIdr, i.quantity)}</td></tr>`,
        )}
        ${service
          ? html`<tr><th scope="row">${t('checkout.review.shipping')}<small>${t('checkout.review.via', {
              service: serviceName(service, v.locale),
              days: t('checkout.shipping.days', { min: service.days[0], max: service.days[1] }),
            })}</small></th><td class="num">${money(v, service.priceIdr)}</td></tr>`
          : nothing}
        ${quote.totals.taxesAtCheckoutIdr > 0
          ? html`<tr><th scope="row">${t('checkout.review.regime.collected-at-checkout')}</th><td class="num">${money(v, quote.totals.taxesAtCheckoutIdr)}</td></tr>`
          : nothing}
      </tbody>
      <tfoot>
        <tr><th scope="row">${t('checkout.review.total')}</th><td class="num">${charged}
          ${pricing.currency !== 'IDR' ? html`<small>${t('checkout.review.totalApprox', { amount: pricing.price(quote.totals.totalIdr).text.replace(/^≈\s*/, '') })}</small>` : nothing}</td></tr>
      </tfoot>
    </table>
    <section part="landed-cost" aria-labelledby="lc-title">
      <h4 id="lc-title">${t('checkout.review.importTitle', { country })}</h4>
      ${lc
        ? html`<p class="regime">${t(`checkout.review.regime.${lc.regime}`)}</p>
            ${lc.explanation.map((s) => html`<p>${say(v, s)}</p>`)}
            ${lc.lines.length
              ? html`<table>
                  <caption class="visually-hidden">${t('checkout.review.importTitle', { country })}</caption>
                  <tbody>
                    ${lc.lines.map(
                      (l) => html`<tr><th scope="row">${say(v, l.label)}<small>${t('checkout.review.basis', { basis: say(v, l.basis) })}: ${idr(v, l.basisIdr)} ·
                        ${l.collectedBy === 'seller' ? t('checkout.review.collectedBySeller') : t('checkout.review.collectedByCarrier')}</small></th>
                        <td class="num">≈ ${formatMoney(l.amount, v.locale)}<small>${idr(v, l.amountIdr)}</small></td></tr>`,
                    )}
                  </tbody>
                </table>`
              : nothing}
            <p>${lc.incoterm === 'DDP' ? t('checkout.review.ddp') : t('checkout.review.dap')}</p>
            ${quote.totals.onDeliveryIdr > 0
              ? html`<p><strong>${arrival && arrival.currency !== 'IDR'
                  ? t('checkout.review.onDeliveryLocal', { amount: formatMoney(arrival, v.locale), idr: idr(v, quote.totals.onDeliveryIdr) })
                  : t('checkout.review.onDelivery', { amount: idr(v, quote.totals.onDeliveryIdr) })}</strong></p>`
              : nothing}
            ${lc.handlingFeeNote ? html`<p>${say(v, lc.handlingFeeNote)}</p>` : nothing}
            ${lc.rule.source.length ? html`<p class="hint">${t('checkout.review.sources', { sources: lc.rule.source.map((s) => s.name).join('; '), date: formatDate(lc.rule.effective, v.locale) })}</p>` : nothing}`
        : html`<p>${t('checkout.review.unavailable', { reason: say(v, quote.dutiesUnavailable) })}</p>`}
    </section>
    <p>${t('checkout.review.charged', { amount: charged })}</p>
    ${quote.status === 'not-allowed' ? html`<p role="alert">${t('checkout.review.notAllowed', { reason: say(v, lc?.explanation.at(-1)) })}</p>` : nothing}
    ${placingMessage(v)}
    ${actions(
      v,
      quote.status === 'ok'
        ? html`<button part="place-order-button" type="button" ?disabled=${v.placing.status === 'pending'} @click=${() => v.placeOrder()}>
            ${v.placing.status === 'error' ? t('checkout.retry') : t('checkout.review.place')}</button>`
        : nothing,
    )}
  </div>`;
}

function placingMessage(v: StepView): TemplateResult | typeof nothing {
  const { t, placing } = v;
  if (placing.status === 'pending') return html`<p role="status">${t('checkout.review.placing')}</p>`;
  if (placing.status === 'error') return html`<p role="alert">${t('checkout.review.placeFailed', { reason: say(v, placing.error) })}</p>`;
  if (placing.status === 'repriced') {
    return html`<p role="alert">${t('checkout.review.repriced', { amount: idr(v, placing.totalIdr), previous: idr(v, placing.previousIdr) })}</p>`;
  }
  return nothing;
}

export function renderDone(v: StepView): TemplateResult {
  const { t } = v;
  const order = v.draft.order!;
  const pricing = v.sf.$pricing.get();
  const text = orderSummary(order, v.shop, pricing, t, v.lang);
  const subject = t('checkout.summary.subject', { reference: order.reference });
  const links = v.flow.handoffLinks(text, subject);
  const opened = () => v.handedOff(t('checkout.done.sent'));
  return html`<div>
    <h3 id="step-title" tabindex="-1">${t('checkout.done.title', { reference: '' })}<span class="reference">${order.reference}</span></h3>
    <p>${t('checkout.done.keep', { reference: order.reference })}</p>
    <h4>${t('checkout.done.next')}</h4>
    <div part="handoff">
      ${links.whatsapp
        ? html`<p>${t('checkout.done.whatsappStep')}</p>
            <a class="primary" href=${links.whatsapp} target="_blank" rel="noopener" @click=${opened}>${t('checkout.done.whatsapp')}</a>`
        : nothing}
      ${links.email ? html`<p>${t('checkout.done.emailStep')}</p><a class="secondary" href=${links.email} @click=${opened}>${t('checkout.done.email')}</a>` : nothing}
      ${links.paymentLink
        ? html`<p>${t('checkout.done.payStep')}</p><a class="secondary" href=${links.paymentLink} target="_blank" rel="noopener" @click=${opened}>${t('checkout.done.pay', { amount: idr(v, order.totals.totalIdr) })}</a>`
        : nothing}
      ${v.sf.api && v.draft.server ? html`<button class="primary" type="button" @click=${() => v.pay()}>${t('checkout.done.payServer')}</button>` : nothing}
      ${paymentDetails(v)}
      <a class="secondary" href=${v.downloadUrl() ?? nothing} download=${`order-${order.reference}.json`}>${t('checkout.done.download')}</a>
      <p role="status">${v.handoffNote}</p>
    </div>
    <div class="actions"><span></span><button class="secondary" type="button" @click=${() => v.restart()}>${t('checkout.done.newOrder')}</button></div>
  </div>`;
}

/** The shop's bank or QRIS details from the server's answer (`POST …/payment`), when it sent any. */
function detailsFromServer(details: ApiPayment): PaymentDetails | undefined {
  const { bank, qrisImage, note } = details;
  return bank || qrisImage ? { ...(bank ? { bank } : {}), ...(qrisImage ? { qrisImage } : {}), ...(note ? { note } : {}) } : undefined;
}

/**
 * How to pay by bank transfer or QRIS: the shop's details from the checkout configuration (or the
 * server's answer), the exact amount and the reference to quote. Nothing at all without details:
 * no button that promises what it cannot do.
 */
function paymentDetails(v: StepView): TemplateResult | typeof nothing {
  const { t } = v;
  const order = v.draft.order!;
  const payment = v.payment;
  if (payment?.kind === 'error') return html`<p role="alert">${say(v, payment.error)}</p>`;
  const fromServer = payment?.kind === 'instructions' ? detailsFromServer(payment.details) : undefined;
  if (payment?.kind === 'instructions' && !fromServer) return html`<p role="status">${t('checkout.done.paymentStarted')}</p>`;
  const details = fromServer ?? (v.sf.api ? undefined : v.config?.payment);
  if (!details) return nothing;
  const bank = details.bank;
  return html`<section part="payment" aria-labelledby="pay-title">
    <h4 id="pay-title">${t('checkout.payment.title')}</h4>
    <p>${t('checkout.payment.amount', { amount: idr(v, order.totals.totalIdr), reference: order.reference })}</p>
    ${bank
      ? html`<dl>
          <dt>${t('checkout.payment.bank')}</dt><dd>${bank.name}</dd>
          <dt>${t('checkout.payment.accountName')}</dt><dd>${bank.accountName}</dd>
          <dt>${t('checkout.payment.accountNumber')}</dt><dd class="account">${bank.accountNumber}</dd>
          ${bank.swift ? html`<dt>${t('checkout.payment.swift')}</dt><dd>${bank.swift}</dd>` : nothing}
          <dt>${t('checkout.payment.reference')}</dt><dd class="account">${order.reference}</dd>
        </dl>`
      : nothing}
    ${details.qrisImage
      ? html`<p>${t('checkout.payment.qris')}</p><img class="qris" src=${details.qrisImage} alt=${t('checkout.payment.qrisAlt')} width="240" height="240" />`
      : nothing}
    ${details.note ? html`<p class="hint" dir="auto">${localise(details.note, v.lang)}</p>` : nothing}
  </section>`;
}
