/**
 * The human quote output: sections and aligned tables, drawn from the same view as --json so the
 * two never disagree. Amounts are written with core's formatMoney for the chosen language, and
 * what core says (tax lines, explanations, reasons) with @mendunia/i18n's describe(), the words
 * the checkout shows a buyer.
 */
import { formatMoney, type Message } from '@mendunia/core';
import { countryName } from '@mendunia/core/checkout/index.js';
import { describe } from '@mendunia/i18n/messages.js';
import type { QuoteView } from './json.js';
import { stringsFor } from './strings.js';

export interface RenderOptions {
  readonly lang: 'en' | 'id';
  /** Names in `lang` (the view's names are English). */
  productName(productId: string, variantId: string | null): string;
  serviceName(serviceId: string): string;
}

/** The quote as text, in `lang`. */
export function renderQuote(view: QuoteView, { lang, productName, serviceName }: RenderOptions): string {
  const t = stringsFor(lang);
  const say = (message: Message) => describe(message, lang);
  const idr = (amount: number) => formatMoney({ amount, currency: 'IDR' }, lang);
  const money = (major: string, currency: string, approximate = false) =>
    formatMoney({ amount: Number(major.replace('.', '')), currency }, lang, { approximate });
  const kg = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });
  const percent = (rate: number) => `${kg.format(rate)} %`;
  const weight = (grams: number) => `${kg.format(grams / 1000)} kg`;
  const country = `${countryName(view.destination, lang)} (${view.destination}${view.region ? `, ${t.region} ${view.region}` : ''})`;
  const out: string[] = [];
  const section = (title: string) => out.push('', title);

  out.push(`${t.title} ${t.to} ${country}, ${t.pricesIn} ${view.currency}`);
  out.push(`${t.rulesFor} ${view.date}. ${t.rates}: ${view.rates.source}, ${view.rates.date}${view.rates.stale ? ` (${t.ratesStale})` : ''}`);

  section(t.items);
  out.push(
    ...table(
      [t.qty, t.unit, t.line, t.hs, t.item],
      view.items.map((item) => [
        String(item.quantity),
        idr(item.unitPriceIdr),
        idr(item.lineTotalIdr),
        item.hsCode ? hs(item.hsCode) : '-',
        `${productName(item.productId, item.variantId)} (${item.productId}${item.variantId ? `:${item.variantId}` : ''})`,
      ]),
      'rrrll',
    ),
  );

  if (view.blocked.length > 0) {
    section(t.blocked);
    for (const hit of view.blocked) {
      out.push(`  ${productName(hit.productId, hit.variantId)} (${hit.productId}): ${hit.level === 'prohibited' ? t.prohibited : t.restricted}, ${t.rule} ${hit.ruleId}`);
      out.push(`      ${say(hit.reasonMessage)}`);
      out.push(`      ${t.source}: ${hit.source.name} (${hit.source.date})${hit.source.url ? ` ${hit.source.url}` : ''}`);
    }
  }

  section(t.shipping);
  out.push(
    ...table(
      ['', t.service, t.price, t.days, t.chargeable],
      view.shipping.options.map((option) => {
        const chosen = option.serviceId === view.shipping.selected ? '*' : '';
        const name = `${serviceName(option.serviceId)} (${option.serviceId})`;
        if (!option.available) return [chosen, name, t.unavailable, '-', option.messageMessage ? say(option.messageMessage) : ''];
        const parcels = option.parcels;
        const chargeable =
          parcels.length === 1
            ? `${weight(parcels[0].chargeableGrams)} (${t.actual} ${weight(parcels[0].actualGrams)}, ${t.volumetric} ${weight(parcels[0].volumetricGrams)})`
            : `${parcels.length} ${t.parcels}: ${parcels.map((p) => weight(p.chargeableGrams)).join(' + ')}`;
        const days = option.days ? `${option.days[0]}–${option.days[1]} ${t.daysUnit}` : '-';
        return [chosen, name, idr(option.priceIdr as number), days, chargeable];
      }),
      'llrll',
    ),
  );
  if (view.shipping.selected) out.push(`  ${t.selected}`);

  const landed = view.landedCost;
  if (landed || view.dutiesUnavailable) section(`${t.landed} (${view.destination})`);
  if (landed) {
    out.push(`  ${t.regime}: ${t.regimes[landed.regime]} (${landed.incoterm})`);
    const threshold = landed.threshold;
    if (threshold) {
      out.push(
        `  ${t.threshold}: ${t.thresholdBasis[threshold.basis]} ${money(threshold.consignmentValue, threshold.currency)} / ` +
          `${t.limit} ${money(threshold.amount, threshold.currency)}: ${threshold.below ? t.below : t.above}`,
      );
    }
    if (landed.lines.length === 0) out.push(`  ${t.noLines}`);
    else {
      out.push(
        ...table(
          [t.tax, t.rate, t.basis, 'IDR', `≈ ${landed.currency}`, t.collectedBy],
          landed.lines.map((line) => [
            say(line.labelMessage),
            line.ratePercent === null ? '-' : percent(line.ratePercent),
            `${say(line.basisMessage)}: ${idr(line.basisIdr)}`,
            idr(line.amountIdr),
            money(line.amount, line.currency, true),
            t.collectors[line.collectedBy],
          ]),
          'lrlrrl',
        ),
      );
    }
    if (landed.lines.length > 0) {
      out.push(`  ${t.lineSources}:`);
      for (const line of landed.lines) {
        const rule = [line.from.ruleId, line.from.field].filter(Boolean).join(' · ');
        out.push(`    ${say(line.labelMessage)}: ${t.rule} ${rule}${line.from.override ? `, ${t.merchantRule}` : ''}`);
        for (const s of line.from.sources) out.push(`      ${s.name} (${s.date})${s.url ? ` ${s.url}` : ''}`);
      }
    }
    if (landed.handlingFeeNoteMessage) out.push(`  (${say(landed.handlingFeeNoteMessage)})`);
    for (const sentence of landed.explanationMessages) out.push(`  - ${say(sentence)}`);
    if (landed.rule.verify) out.push(`  ${t.verify}`);
    if (landed.rule.sources.length > 0) {
      out.push(`  ${t.sources}:`);
      for (const s of landed.rule.sources) out.push(`    ${s.name} (${s.date})${s.url ? ` ${s.url}` : ''}`);
    }
  } else if (view.dutiesUnavailableMessage) {
    out.push(`  ${t.unavailableDuties}: ${say(view.dutiesUnavailableMessage)}`);
  }

  section(t.totals);
  const totals = view.totals;
  const display = totals.display;
  const approx = (major: string | undefined) => (display && major !== undefined ? money(major, display.currency, true) : '');
  out.push(
    ...table(
      ['', 'IDR', display ? `≈ ${display.currency}` : ''],
      [
        [t.goods, idr(totals.idr.goods), approx(display?.goods)],
        [t.shipping, idr(totals.idr.shipping), approx(display?.shipping)],
        [t.taxesAtCheckout, idr(totals.idr.taxesAtCheckout), approx(display?.taxesAtCheckout)],
        [t.total, idr(totals.idr.total), approx(display?.total)],
        ...(totals.idr.onDelivery > 0 ? [[t.onDelivery, idr(totals.idr.onDelivery), approx(display?.onDelivery)]] : []),
      ],
      'lrr',
    ),
  );
  out.push(display ? `  ≈ ${t.approximate}` : `  ${t.noDisplay} ${view.currency}`);

  out.push('', `${t.status}: ${t.statuses[view.status]}`, '');
  return out.join('\n');
}

/** "520852" → "5208.52". */
function hs(digits: string): string {
  return digits.length > 4 ? `${digits.slice(0, 4)}.${digits.slice(4)}` : digits;
}

/**
 * Rows padded into columns, indented by two spaces; `align` has one "l" or "r" per column.
 * The last column is not padded, so long text there does not widen the others.
 */
function table(header: string[], rows: string[][], align: string): string[] {
  const width = (text: string) => [...text].length;
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => width(row[column] ?? ''))));
  const line = (row: string[]) =>
    `  ${row
      .map((cell, column) => {
        if (column === row.length - 1 && align[column] === 'l') return cell;
        const pad = ' '.repeat(widths[column] - width(cell));
        return align[column] === 'r' ? pad + cell : cell + pad;
      })
      .join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
