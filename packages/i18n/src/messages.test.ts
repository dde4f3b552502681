import { expect } from '@open-wc/testing';
import { message, verbatim, type Message, type RateSet } from '@mendunia/core';
import {
  checkRestrictions,
  DEFAULT_RESTRICTIONS,
  estimateLandedCost,
  quoteShipping,
  type DutyItem,
  type LandedCost,
  type ShippingService,
} from '@mendunia/core/checkout/index.js';
import { loadLanguage } from './instance.js';
import { describe as say } from './messages.js';

const RATES: RateSet = {
  base: 'EUR',
  date: '2026-11-26',
  source: 'test rates',
  rates: { IDR: '19300', USD: '1.16', GBP: '0.875', AUD: '1.77', SGD: '1.50', JPY: '176', CNY: '8.2', SAR: '4.35' },
};
const shirt = (unitPriceIdr: number): DutyItem => ({ name: 'Batik shirt', quantity: 1, unitPriceIdr, hsCode: '6205.20', tags: [] });
const estimate = (destination: string, unitPriceIdr: number, extra: Partial<Parameters<typeof estimateLandedCost>[0]> = {}) =>
  estimateLandedCost({ items: [shirt(unitPriceIdr)], shippingIdr: 300_000, destination, rates: RATES, now: new Date('2026-07-01'), ...extra });

const ems: ShippingService = {
  id: 'pos-ems',
  carrier: 'Pos Indonesia',
  name: { en: 'EMS', id: 'EMS (Ekspres Internasional)' },
  tracked: true,
  maxParcelGrams: 30000,
  zones: [{ id: 'asean', countries: ['SG'], rates: [{ upToGrams: 30000, priceIdr: 100000 }], days: [3, 5] }],
};
const parcel = (grams: number) => [{ productId: 'beras', name: 'Rice sack', quantity: 1, unitPriceIdr: 100000, unitWeightGrams: grams, tags: [] }];

/** Everything an estimate says, in reading order. */
const sayAll = (cost: LandedCost, lang: string): string[] => [
  ...cost.explanation.map((m) => say(m, lang)),
  ...cost.lines.flatMap((line) => [say(line.label, lang), say(line.basis, lang)]),
  ...(cost.handlingFeeNote ? [say(cost.handlingFeeNote, lang)] : []),
];

describe('describe()', () => {
  it('words a duties estimate in English as the checkout always said it', () => {
    const over = estimate('DE', 2_896_000, { now: new Date('2026-03-01') });
    expect(say(over.explanation[0]!, 'en')).to.equal("Your parcel is worth €150.05, over the EU's €150 limit.");
    expect(over.lines.map((l) => [say(l.label, 'en'), say(l.basis, 'en')])).to.deep.equal([
      ['Customs duty (HS 6205, 12 %)', 'goods + shipping (CIF)'],
      ['Import VAT (DE, 19 %)', 'CIF + duty'],
    ]);
    expect(say(over.explanation.at(-2)!, 'en')).to.equal('Charged on import and collected by the carrier: duty and import VAT.');
    expect(say(over.handlingFeeNote!, 'en')).to.equal(
      "plus the carrier's handling fee, set by the carrier: a few euros with postal services, more with couriers",
    );

    const ioss = estimateLandedCost({
      items: [shirt(2_000_000), { ...shirt(500_000), hsCode: '6214.10' }],
      shippingIdr: 300_000,
      destination: 'DE',
      rates: RATES,
      merchant: { registrations: ['EU_IOSS'] },
      now: new Date('2026-07-01'),
    });
    expect(say(ioss.lines[0]!.label, 'en')).to.equal('EU flat duty €3 × 2 tariff subheadings');
    expect(sayAll(ioss, 'en')).to.include('The seller is registered for IOSS, so import VAT is collected at checkout.');
    expect(sayAll(ioss, 'en')).to.include('In the EU, a flat €3 duty is charged for each kind of goods (tariff subheading) in a parcel: 2 here.');

    const japan = estimate('JP', 1_495_000, { now: new Date('2026-11-26'), shippingIdr: 200_000 });
    expect(say(japan.explanation[0]!, 'en')).to.equal(
      "Your parcel's customs value is ¥10,004 (60 % of the goods' price, plus shipping), over Japan's ¥10,000 limit.",
    );
    expect(say(japan.lines[0]!.basis, 'en')).to.equal('60 % of goods + shipping (CIF)');
  });

  it('formats money, numbers and lists the reader’s way', () => {
    const over = estimate('DE', 2_896_000, { now: new Date('2026-03-01') });
    // Indonesian: decimal comma, and a whole limit without ",00".
    expect(say(over.explanation[0]!, 'id')).to.equal('Nilai paket Anda €150,05, melebihi batas €150 di Uni Eropa.');
    expect(say(over.explanation.at(-2)!, 'id')).to.equal('Dikenakan saat impor dan dipungut oleh kurir: bea masuk dan PPN impor.');
    expect(say(message('rules.shipping.tooHeavy', { weight: 34.5, service: 'EMS', limit: 30 }), 'id')).to.equal(
      'Paket seberat 34,5 kg melebihi batas 30 kg dari EMS.',
    );
    expect(say(message('rules.duties.noHsCode', { count: 1 }), 'en')).to.equal('One item has no HS code, so the default duty rate is used.');
    expect(say(message('rules.duties.noHsCode', { count: 3 }), 'en')).to.equal('3 items have no HS code, so the default duty rate is used.');
  });

  it('shows merchant text as written, in the reader’s language when the merchant wrote several', () => {
    expect(say(verbatim('Herbal remedies need a Korean import declaration'), 'ja')).to.equal('Herbal remedies need a Korean import declaration');
    const [option] = quoteShipping(parcel(34_000), 'SG', { origin: 'ID', services: [ems] });
    if (!option || option.available) throw new Error('expected the parcel to be refused');
    expect(say(option.message, 'en')).to.equal("Parcel of 34 kg is over Pos Indonesia EMS's 30 kg limit.");
    expect(say(option.message, 'id')).to.equal('Paket seberat 34 kg melebihi batas 30 kg dari Pos Indonesia EMS (Ekspres Internasional).');
    // A language the merchant did not write falls back to English.
    expect(say(option.message, 'ms')).to.contain('Pos Indonesia EMS');
  });

  it('keeps text in values as it is, braces included', () => {
    const tricky = message('rules.shipping.tooLong', { item: 'Tas {{service}} rotan', length: 160, service: 'Kurir', limit: 150 });
    expect(say(tricky, 'en')).to.equal("Tas {{service}} rotan is 160 cm long, over Kurir's 150 cm limit.");
  });

  it('uses Arabic plural forms', async () => {
    await loadLanguage('ar');
    expect(say(message('rules.duties.noHsCode', { count: 2 }), 'ar')).to.equal('منتجان ليس لهما رمز HS، لذا يُطبَّق سعر الرسوم الافتراضي.');
    expect(say(message('rules.duties.noHsCode', { count: 11 }), 'ar')).to.contain('منتجًا');
  });

  describe('in Japanese and Arabic, no English left', () => {
    // Data a message may carry that is not English prose: names, codes, abbreviations.
    const DATA = ['Pos Indonesia EMS', 'Rice sack', 'Batik shirt', 'asean'];
    // Latin and Indonesian names inside some restriction reasons (species, legal terms).
    const FOREIGN = new Set(['Mitragyna', 'speciosa', 'cagar', 'budaya', 'sisik', 'penyu']);
    /** Words of two or more letters with a lower-case one: English left in the text. */
    const englishIn = (text: string): string[] => {
      let rest = text;
      for (const data of DATA) rest = rest.split(data).join(' ');
      return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => /[a-z]/.test(word) && !FOREIGN.has(word));
    };

    const samples = (lang: string): string[] => {
      const costs = [
        estimate('DE', 2_000_000),
        estimate('DE', 3_000_000),
        estimate('DE', 2_000_000, { merchant: { registrations: ['EU_IOSS'] } }),
        estimate('GB', 2_000_000),
        estimate('AU', 11_000_000, { merchant: { claimPreferentialOrigin: true } }),
        estimate('AU', 1_000_000),
        estimate('JP', 1_495_000, { shippingIdr: 200_000 }),
        estimate('CN', 900_000),
        estimateLandedCost({ items: [shirt(2_000_000), { ...shirt(400_000), hsCode: undefined }], shippingIdr: 0, destination: 'CN', rates: RATES, now: new Date('2026-07-01') }),
        estimate('US', 1_000_000, { merchant: { incoterm: 'DDP' } }),
        estimate('SA', 5_000_000),
        estimate('BR', 1_000_000),
      ];
      const shipping = [
        ...quoteShipping(parcel(34_000), 'SG', { origin: 'ID', services: [ems] }),
        ...quoteShipping(parcel(1_000), 'BR', { origin: 'ID', services: [ems] }),
        ...quoteShipping([], 'SG', { origin: 'ID', services: [ems] }),
      ].flatMap((o) => (o.available ? [] : [o.message]));
      const extra: Message[] = [
        message('rules.quote.noRates'),
        message('rules.quote.missingRate', { currency: 'GBP' }),
        message('rules.shipping.tooLong', { item: 'Rice sack', length: 160, service: 'Pos Indonesia EMS', limit: 150 }),
        message('rules.shipping.tooHeavyItem', { item: 'Rice sack', weight: 31, service: 'Pos Indonesia EMS', limit: 30 }),
        message('rules.shipping.beyondRates', { weight: 31, service: 'Pos Indonesia EMS', zone: 'asean', limit: 30 }),
      ];
      const reasons = DEFAULT_RESTRICTIONS.flatMap((rule) =>
        checkRestrictions([{ productId: 'x', name: 'Batik shirt', quantity: 1, unitPriceIdr: 1, unitWeightGrams: 1, tags: [...(rule.match.tags ?? [])], ...(rule.match.hsPrefixes && { hsCode: rule.match.hsPrefixes[0] }) }], rule.destinations === '*' ? 'DE' : rule.destinations[0]!),
      ).map((hit) => hit.reason);
      expect(reasons.length).to.be.at.least(DEFAULT_RESTRICTIONS.length);
      return [...costs.flatMap((cost) => sayAll(cost, lang)), ...[...shipping, ...extra, ...reasons].map((m) => say(m, lang))];
    };

    for (const lang of ['ja', 'ar']) {
      it(lang, async () => {
        await loadLanguage(lang);
        const texts = samples(lang);
        expect(texts.length).to.be.greaterThan(80);
        for (const text of texts) expect(englishIn(text), text).to.deep.equal([]);
        // The same samples in English do contain English: the check can fail.
        expect(samples('en').flatMap(englishIn).length).to.be.greaterThan(100);
      });
    }
  });
});
