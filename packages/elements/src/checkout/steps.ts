// The checkout's steps as render functions over one view object: the element (checkout.ts)
// owns state and actions; these only turn them into markup.
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney, localise, type Storefront } from '@mendunia/core';
import {
  addressFormat,
  countryName,
  countryOptions,
  mailtoUrl,
  paymentLinkUrl,
  whatsappUrl,
  type AddressField,
  type CheckoutConfig,
  type Quote,
  type ShippingOption,
} from '@mendunia/core/checkout/index.js';
import type { TFunction } from '@mendunia/i18n';
import type { Draft } from './draft.js';
import { orderSummary } from './summary.js';
import { serviceName } from './service-name.js';

export interface StepView {
  readonly t: TFunction;
  readonly sf: Storefront;
  readonly draft: Draft;
  /** Field id → message. */
  readonly errors: Readonly<Record<string, string>>;
  readonly quote?: Quote;
  readonly config?: CheckoutConfig;
  readonly countries: readonly string[];
  readonly shop: string;
  readonly handoffNote: string;
  downloadUrl(): string | undefined;
  update(patch: Partial<Omit<Draft, 'v'>>): void;
  next(): void;
  back(): void;
  placeOrder(): void;
  /** Placing the order through the shop's server (idle without one). */
  readonly placing: { readonly status: string; readonly message?: string; readonly totalIdr?: number; readonly previousIdr?: number };
  /** With a server: start the payment (redirect or instructions). */
  readonly pay?: () => void;
  handedOff(note: string): void;
  focusField(id: string): void;
  restart(): void;
}

const heading = (text: string) => html`<h3 id="step-title" tabindex="-1">${text}</h3>`;

function errorSummary(v: StepView): TemplateResult | typeof nothing {
  const ids = Object.keys(v.errors);
  if (!ids.length) return nothing;
  return html`<div part="error-summary" role="alert">
    ${v.t('checkout.errors.summary', { count: ids.length })}
    <ul>
      ${ids.map(
        (id) => html`<li><button type="button" @click=${() => v.focusField(id)}>${v.errors[id]}</button></li>`,
      )}
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
}

/** A labelled input or select, its hint and its error tied to it for screen readers. */
function field(v: StepView, id: string, label: string, value: string, onInput: (value: string) => void, o: FieldOptions = {}): TemplateResult {
  const error = v.errors[id];
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const handler = (e: Event) => onInput((e.target as HTMLInputElement | HTMLSelectElement).value);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${o.options
      ? html`<select id=${id} autocomplete=${o.autocomplete ?? nothing} ?required=${o.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} @change=${handler}>
          <option value="" ?selected=${!value}>${o.placeholder ?? v.t('address.choose')}</option>
          ${o.options.map((opt) => html`<option value=${opt.code} ?selected=${opt.code === value}>${opt.name}</option>`)}
        </select>`
      : html`<input id=${id} type=${o.type ?? 'text'} autocomplete=${o.autocomplete ?? nothing} ?required=${o.required} .value=${value}
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
  const set = (key: keyof Draft['contact']) => (value: string) => v.update({ contact: { ...v.draft.contact, [key]: value } });
  return html`<form novalidate @submit=${submit(v)}>
    ${heading(t('checkout.steps.contact'))} ${errorSummary(v)}
    ${field(v, 'f-name', t('checkout.contact.name'), c.name, set('name'), { autocomplete: 'name', required: true })}
    <div class="row">
      ${field(v, 'f-email', t('checkout.contact.email'), c.email, set('email'), { type: 'email', autocomplete: 'email', required: true })}
      ${field(v, 'f-phone', t('checkout.contact.phone'), c.phone, set('phone'), { type: 'tel', autocomplete: 'tel', required: true, hint: t('checkout.contact.phoneHint') })}
    </div>
    ${actions(v, nextButton(v), false)}
  </form>`;
}

export function renderAddress(v: StepView): TemplateResult {
  const { t, draft } = v;
  const locale = v.sf.$locale.get();
  const address = draft.address;
  const format = addressFormat(address.country);
  const byName = new Map<string, AddressField>(format.fields.map((f) => [f.name, f]));
  const set = (name: string) => (value: string) => v.update({ address: { ...v.draft.address, [name]: value } });
  const setCountry = (country: string) => v.update({ address: { ...v.draft.address, country, region: '' }, serviceId: undefined });
  return html`<form novalidate @submit=${submit(v)}>
    ${heading(t('checkout.steps.address'))} ${errorSummary(v)}
    ${field(v, 'a-country', t('address.country'), address.country, setCountry, {
      autocomplete: 'country',
      required: true,
      options: countryOptions(locale, v.countries),
    })}
    ${format.rows.map(
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
    ${actions(v, nextButton(v))}
  </form>`;
}

function money(v: StepView, idr: number): TemplateResult {
  const view = v.sf.$pricing.get().price(idr);
  return view.approximate ? html`${view.text}<small>${view.chargeText}</small>` : html`${view.text}`;
}

function optionRow(v: StepView, option: ShippingOption, chosen: string | undefined): TemplateResult {
  const { t } = v;
  const locale = v.sf.$locale.get();
  const id = `svc-${option.serviceId}`;
  const name = serviceName(option, locale);
  if (!option.available) {
    return html`<div class="option unavailable">
      <input type="radio" id=${id} name="service" disabled aria-describedby=${`${id}-meta`} />
      <label for=${id}>${name}<span class="meta" id=${`${id}-meta`}>${t('checkout.shipping.unavailable', { reason: option.message })}</span></label>
      <span></span>
    </div>`;
  }
  const kg = (option.parcels.reduce((n, p) => n + p.chargeableGrams, 0) / 1000).toLocaleString(locale);
  return html`<div class="option">
    <input type="radio" id=${id} name="service" .checked=${option.serviceId === chosen} aria-describedby=${`${id}-meta`}
      @change=${() => v.update({ serviceId: option.serviceId })} />
    <label for=${id}>${name}
      <span class="meta" id=${`${id}-meta`}>${t('checkout.shipping.days', { min: option.days[0], max: option.days[1] })} ·
        ${option.tracked ? t('checkout.shipping.tracked') : t('checkout.shipping.untracked')} ·
        ${t('checkout.shipping.weight', { kg })}${option.parcels.length > 1 ? html` · ${t('checkout.shipping.parcels', { count: option.parcels.length })}` : nothing}</span>
    </label>
    <span class="amount">${money(v, option.priceIdr)}</span>
  </div>`;
}

export function renderShipping(v: StepView): TemplateResult {
  const { t, quote } = v;
  const country = countryName(v.draft.address.country, v.sf.$locale.get());
  const chosen = v.draft.serviceId ?? quote?.service?.serviceId;
  return html`<form novalidate @submit=${submit(v)}>
    ${heading(t('checkout.steps.shipping'))}
    ${quote?.missing.length ? html`<p role="status">${t('checkout.shipping.missing')}</p>` : nothing}
    ${quote?.blocked.length
      ? html`<div part="blocked" role="alert">
          <strong>${t('checkout.shipping.blockedTitle', { country })}</strong>
          <ul>
            ${quote.blocked.map(
              (b) => html`<li><strong>${b.name}</strong>: ${b.reason} <small>(${b.source.name})</small>
                <button class="secondary" type="button" @click=${() => v.sf.cart.remove(b.productId, b.variantId)}>${t('checkout.shipping.removeBlocked')}</button></li>`,
            )}
          </ul>
          <p>${t('checkout.shipping.blockedHint')}</p>
        </div>`
      : nothing}
    ${quote?.status === 'no-service' ? html`<p role="alert">${t('checkout.shipping.none', { country })}</p>` : nothing}
    ${quote && quote.shippingOptions.length
      ? html`<fieldset>
          <legend>${t('checkout.shipping.legend')}</legend>
          ${quote.shippingOptions.map((o) => optionRow(v, o, chosen))}
        </fieldset>`
      : nothing}
    ${actions(v, nextButton(v, quote?.status !== 'ok' && quote?.status !== 'not-allowed'))}
  </form>`;
}

export function renderReview(v: StepView): TemplateResult {
  const { t, quote } = v;
  if (!quote) return html``;
  const locale = v.sf.$locale.get();
  const country = countryName(quote.destination, locale);
  const lc = quote.landedCost;
  const service = quote.service;
  return html`<div>
    ${heading(t('checkout.steps.review'))}
    <table part="totals">
      <caption class="visually-hidden">${t('checkout.review.items')}</caption>
      <tbody>
        ${quote.items.map(
          (i) => html`<tr><th scope="row">${i.quantity} × ${localise(nameOf(v, i.productId) ?? i.name, locale)}</th>
            <td class="num">${money(v, i.unitPriceIdr * i.quantity)}</td></tr>`,
        )}
        ${service
          ? html`<tr><th scope="row">${t('checkout.review.shipping')}<small>${t('checkout.review.via', {
              service: serviceName(service, locale),
              days: t('checkout.shipping.days', { min: service.days[0], max: service.days[1] }),
            })}</small></th><td class="num">${money(v, service.priceIdr)}</td></tr>`
          : nothing}
        ${quote.totals.taxesAtCheckoutIdr > 0
          ? html`<tr><th scope="row">${t('checkout.review.regime.collected-at-checkout')}</th><td class="num">${money(v, quote.totals.taxesAtCheckoutIdr)}</td></tr>`
          : nothing}
      </tbody>
      <tfoot>
        <tr><th scope="row">${t('checkout.review.total')}</th><td class="num">${formatMoney({ amount: quote.totals.totalIdr, currency: 'IDR' }, locale)}
          ${v.sf.$pricing.get().currency !== 'IDR' ? html`<small>${t('checkout.review.totalApprox', { amount: v.sf.$pricing.get().price(quote.totals.totalIdr).text.replace(/^≈\s*/, '') })}</small>` : nothing}</td></tr>
      </tfoot>
    </table>
    <section part="landed-cost" aria-labelledby="lc-title">
      <h4 id="lc-title">${t('checkout.review.importTitle', { country })}</h4>
      ${lc
        ? html`<p class="regime">${t(`checkout.review.regime.${lc.regime}`)}</p>
            ${lc.explanation.map((s) => html`<p>${s}</p>`)}
            ${lc.lines.length
              ? html`<table>
                  <caption class="visually-hidden">${t('checkout.review.importTitle', { country })}</caption>
                  <tbody>
                    ${lc.lines.map(
                      (l) => html`<tr><th scope="row">${l.label}<small>${t('checkout.review.basis', { basis: l.basis })}: ${formatMoney({ amount: l.basisIdr, currency: 'IDR' }, locale)} ·
                        ${l.collectedBy === 'seller' ? t('checkout.review.collectedBySeller') : t('checkout.review.collectedByCarrier')}</small></th>
                        <td class="num">≈ ${formatMoney(l.amount, locale)}<small>${formatMoney({ amount: l.amountIdr, currency: 'IDR' }, locale)}</small></td></tr>`,
                    )}
                  </tbody>
                </table>`
              : nothing}
            <p>${lc.incoterm === 'DDP' ? t('checkout.review.ddp') : t('checkout.review.dap')}</p>
            ${quote.totals.onDeliveryIdr > 0 ? html`<p><strong>${t('checkout.review.onDelivery', { amount: formatMoney({ amount: quote.totals.onDeliveryIdr, currency: 'IDR' }, locale) })}</strong></p>` : nothing}
            ${lc.handlingFeeNote ? html`<p>${lc.handlingFeeNote}</p>` : nothing}
            ${lc.rule.source.length ? html`<p class="hint">${t('checkout.review.sources', { sources: lc.rule.source.map((s) => s.name).join('; '), date: lc.rule.effective })}</p>` : nothing}`
        : html`<p>${t('checkout.review.unavailable', { reason: quote.dutiesUnavailable ?? '' })}</p>`}
    </section>
    <p>${t('checkout.review.charged', { amount: formatMoney({ amount: quote.totals.totalIdr, currency: 'IDR' }, locale) })}</p>
    ${quote.status === 'not-allowed' ? html`<p role="alert">${t('checkout.review.notAllowed', { reason: lc?.explanation.at(-1) ?? '' })}</p>` : nothing}
    ${placingMessage(v, locale)}
    ${actions(
      v,
      quote.status === 'ok'
        ? html`<button part="place-order-button" type="button" ?disabled=${v.placing.status === 'pending'} @click=${() => v.placeOrder()}>
            ${v.placing.status === 'error' ? t('checkout.retry') : t('checkout.review.place')}</button>`
        : nothing,
    )}
  </div>`;
}

function placingMessage(v: StepView, locale: string): TemplateResult | typeof nothing {
  const { t, placing } = v;
  const idr = (amount = 0) => formatMoney({ amount, currency: 'IDR' }, locale);
  if (placing.status === 'pending') return html`<p role="status">${t('checkout.review.placing')}</p>`;
  if (placing.status === 'error') return html`<p role="alert">${t('checkout.review.placeFailed', { reason: placing.message })}</p>`;
  if (placing.status === 'repriced') {
    return html`<p role="alert">${t('checkout.review.repriced', { amount: idr(placing.totalIdr), previous: idr(placing.previousIdr) })}</p>`;
  }
  return nothing;
}

function nameOf(v: StepView, productId: string) {
  const catalog = v.sf.$catalog.get();
  return catalog.status === 'ready' ? catalog.catalog.products.find((p) => p.id === productId)?.name : undefined;
}

export function renderDone(v: StepView): TemplateResult {
  const { t } = v;
  const order = v.draft.order!;
  const pricing = v.sf.$pricing.get();
  const text = orderSummary(order, v.shop, pricing, t);
  const handoff = v.config?.handoff ?? {};
  const subject = t('checkout.summary.subject', { reference: order.reference });
  const opened = () => v.handedOff(t('checkout.done.sent'));
  let payUrl: string | undefined;
  try {
    payUrl = handoff.paymentLink ? paymentLinkUrl(handoff.paymentLink, { amountIdr: order.totals.totalIdr, reference: order.reference }) : undefined;
  } catch {
    payUrl = undefined;
  }
  return html`<div>
    <h3 id="step-title" tabindex="-1">${t('checkout.done.title', { reference: '' })}<span class="reference">${order.reference}</span></h3>
    <p>${t('checkout.done.keep', { reference: order.reference })}</p>
    <h4>${t('checkout.done.next')}</h4>
    <div part="handoff">
      ${handoff.whatsapp
        ? html`<p>${t('checkout.done.whatsappStep')}</p>
            <a class="primary" href=${whatsappUrl(handoff.whatsapp, text)} target="_blank" rel="noopener" @click=${opened}>${t('checkout.done.whatsapp')}</a>`
        : nothing}
      ${handoff.email
        ? html`<p>${t('checkout.done.emailStep')}</p><a class="secondary" href=${mailtoUrl(handoff.email, subject, text)} @click=${opened}>${t('checkout.done.email')}</a>`
        : nothing}
      ${payUrl
        ? html`<p>${t('checkout.done.payStep')}</p><a class="secondary" href=${payUrl} target="_blank" rel="noopener" @click=${opened}>${t('checkout.done.pay', { amount: formatMoney({ amount: order.totals.totalIdr, currency: 'IDR' }, pricing.locale) })}</a>`
        : nothing}
      ${v.pay ? html`<button class="primary" type="button" @click=${() => v.pay?.()}>${t('checkout.done.payServer')}</button>` : nothing}
      <a class="secondary" href=${v.downloadUrl() ?? nothing} download=${`order-${order.reference}.json`}>${t('checkout.done.download')}</a>
      <p role="status">${v.handoffNote}</p>
    </div>
    <div class="actions"><span></span><button class="secondary" type="button" @click=${() => v.restart()}>${t('checkout.done.newOrder')}</button></div>
  </div>`;
}
