import { expect } from '@open-wc/testing';
import demoCatalog from '../../../../examples/plain-html/catalog.json';
import demoCheckout from '../../../../examples/plain-html/checkout.json';
import { parseCatalog } from '../catalog/index.js';
import type { ParcelItem } from './items.js';
import { message, verbatim } from '../util/message.js';
import { itemsFromCart } from './items.js';
import {
  chargeableGrams,
  parseShippingConfig,
  quoteShipping,
  ShippingConfigError,
  volumetricGrams,
  type ShippingConfig,
  type ShippingOption,
  type ShippingService,
  type ShippingZone,
} from './shipping.js';

/** The EMS service as a message names it: the merchant's words, per language. */
const EMS = message('text', { en: 'Pos Indonesia EMS', id: 'Pos Indonesia EMS', text: 'Pos Indonesia EMS' });

const rattanBag: ParcelItem = {
  productId: 'tas-rotan-lombok',
  name: 'Round Rattan Bag',
  quantity: 1,
  unitPriceIdr: 385000,
  unitWeightGrams: 650,
  dimensionsCm: { length: 26, width: 26, height: 12 },
  hsCode: '460212',
  tags: ['rattan'],
};

function item(productId: string, unitWeightGrams: number, quantity = 1, extra: Partial<ParcelItem> = {}): ParcelItem {
  return { productId, name: productId, quantity, unitPriceIdr: 100000, unitWeightGrams, tags: [], ...extra };
}

const asean: ShippingZone = {
  id: 'asean',
  countries: ['SG', 'MY'],
  rates: [
    { upToGrams: 500, priceIdr: 185000 },
    { upToGrams: 1000, priceIdr: 225000 },
    { upToGrams: 1500, priceIdr: 265000 },
    { upToGrams: 2000, priceIdr: 305000 },
  ],
  additionalPerKgIdr: 80000,
  days: [4, 8],
};

const ems: ShippingService = {
  id: 'pos-ems',
  carrier: 'Pos Indonesia',
  name: { en: 'EMS', id: 'EMS' },
  tracked: true,
  zones: [asean],
};

/** A courier that splits: 10 kg per parcel, 200 g of packaging each, 100 000 + 50 000 per started kg over 1 kg. */
const courier: ShippingService = {
  id: 'courier',
  carrier: 'Kurir',
  name: 'Kurir Express',
  tracked: true,
  maxParcelGrams: 10000,
  splitOversize: true,
  packagingGrams: 200,
  zones: [{ id: 'all', countries: ['SG', 'US'], rates: [{ upToGrams: 1000, priceIdr: 100000 }], additionalPerKgIdr: 50000, days: [2, 4] }],
};

const config = (services: ShippingService[], packagingGrams?: number): ShippingConfig => ({
  origin: 'ID',
  ...(packagingGrams !== undefined && { packagingGrams }),
  services,
});

function only(options: ShippingOption[], serviceId: string): ShippingOption {
  const found = options.find((option) => option.serviceId === serviceId);
  if (!found) throw new Error(`no option ${serviceId}`);
  return found;
}

describe('volumetricGrams', () => {
  const cases: [string, ParcelItem[], number, number][] = [
    ['a rattan bag, 26×26×12 cm at 5000 (1622.4 g, rounded up)', [rattanBag], 5000, 1623],
    ['the same bag at 6000', [rattanBag], 6000, 1352],
    ['two bags: volumes add up before rounding', [{ ...rattanBag, quantity: 2 }], 5000, 3245],
    ['an item without dimensions adds nothing', [item('kartu', 20)], 5000, 0],
    ['decimal centimetres with float noise (12.5×2.2×10 = 55 g exactly)', [item('x', 1, 1, { dimensionsCm: { length: 12.5, width: 2.2, height: 10 } })], 5000, 55],
    ['decimal centimetres rounding up (12.3×4.1×7.7 = 77.66 g)', [item('x', 1, 1, { dimensionsCm: { length: 12.3, width: 4.1, height: 7.7 } })], 5000, 78],
    ['no items', [], 5000, 0],
  ];
  for (const [what, items, divisor, expected] of cases) {
    it(what, () => expect(volumetricGrams(items, divisor)).to.equal(expected));
  }

  it('refuses a divisor that is not positive', () => {
    expect(() => volumetricGrams([rattanBag], 0)).to.throw(RangeError);
  });
});

describe('chargeableGrams', () => {
  const tiered: ShippingService = {
    ...ems,
    steps: [
      { upToGrams: 2000, stepGrams: 250 },
      { upToGrams: 20000, stepGrams: 500 },
      { upToGrams: Number.MAX_SAFE_INTEGER, stepGrams: 1000 },
    ],
  };
  const cases: [string, number, number, ShippingService, number][] = [
    ['exactly one 500 g step', 500, 0, ems, 500],
    ['one gram over a step', 501, 0, ems, 1000],
    ['one gram', 1, 0, ems, 500],
    ['nothing', 0, 0, ems, 0],
    ['volumetric wins for a light, bulky rattan bag', 800, 1623, ems, 2000],
    ['actual wins when heavier', 2600, 1623, ems, 3000],
    ['0.25 kg steps below 2 kg', 1001, 0, tiered, 1250],
    ['exactly 2 kg stays 2 kg', 2000, 0, tiered, 2000],
    ['0.5 kg steps above 2 kg', 2001, 0, tiered, 2500],
    ['0.5 kg steps up to 20 kg', 19999, 0, tiered, 20000],
    ['1 kg steps above 20 kg', 20001, 0, tiered, 21000],
    ['past the last step, its size goes on', 70001, 0, { ...ems, steps: [{ upToGrams: 30000, stepGrams: 1000 }] }, 71000],
    ['a step never rounds past its own upper bound', 950, 0, { ...ems, steps: [{ upToGrams: 1000, stepGrams: 300 }, { upToGrams: 5000, stepGrams: 500 }] }, 1000],
  ];
  for (const [what, actual, volumetric, service, expected] of cases) {
    it(`${what}: ${actual} g / ${volumetric} g → ${expected} g`, () => {
      expect(chargeableGrams(actual, volumetric, service)).to.equal(expected);
    });
  }
});

describe('quoteShipping', () => {
  it('prices a light but bulky rattan bag on its volumetric weight', () => {
    const [option] = quoteShipping([rattanBag], 'SG', config([ems], 150));
    expect(option).to.deep.equal({
      available: true,
      serviceId: 'pos-ems',
      carrier: 'Pos Indonesia',
      name: { en: 'EMS', id: 'EMS' },
      tracked: true,
      priceIdr: 305000,
      parcels: [{ actualGrams: 800, volumetricGrams: 1623, chargeableGrams: 2000, priceIdr: 305000 }],
      days: [4, 8],
      zoneId: 'asean',
    });
  });

  const packaging: [string, ShippingConfig, number, number][] = [
    ['no packaging anywhere: 0 g', config([ems]), 500, 185000],
    ['the config default is added once per parcel', config([ems], 150), 650, 225000],
    ['a service setting wins over the config default', config([{ ...ems, packagingGrams: 0 }], 150), 500, 185000],
  ];
  for (const [what, setup, actual, price] of packaging) {
    it(`packaging: ${what}`, () => {
      const [option] = quoteShipping([item('kopi', 250, 2)], 'SG', setup);
      expect(option).to.include({ available: true, priceIdr: price });
      if (option?.available) expect(option.parcels[0]!.actualGrams).to.equal(actual);
    });
  }

  it('prices past the last row per started kilogram', () => {
    // 2.6 kg → 3 kg chargeable: the 2 kg row + 1 started kg.
    const [option] = quoteShipping([item('kopi', 2600)], 'MY', config([ems]));
    expect(option).to.include({ available: true, priceIdr: 305000 + 80000 });
  });

  it('refuses a parcel over the limit, naming the weight and the limit', () => {
    const [option] = quoteShipping([item('beras', 34350)], 'SG', config([ems], 150));
    expect(option).to.deep.equal({
      available: false,
      serviceId: 'pos-ems',
      carrier: 'Pos Indonesia',
      name: { en: 'EMS', id: 'EMS' },
      reason: 'too-heavy',
      // "Parcel of 34.5 kg is over Pos Indonesia EMS's 30 kg limit"
      message: message('rules.shipping.tooHeavy', { weight: 34.5, service: EMS, limit: 30 }),
    });
  });

  it('accepts a parcel of exactly the limit', () => {
    const [option] = quoteShipping([item('beras', 29850)], 'SG', config([ems], 150));
    expect(option).to.include({ available: true });
  });

  it('splits whole units first-fit, heaviest first, and adds up the parcel prices', () => {
    const [option] = quoteShipping([item('small', 1500, 2), item('big', 3000, 6)], 'SG', config([courier]));
    // Capacity 9.8 kg after packaging: 3 big units, 3 big units, then both small ones.
    expect(option).to.deep.include({
      available: true,
      parcels: [
        { actualGrams: 9200, volumetricGrams: 0, chargeableGrams: 9500, priceIdr: 550000 },
        { actualGrams: 9200, volumetricGrams: 0, chargeableGrams: 9500, priceIdr: 550000 },
        { actualGrams: 3200, volumetricGrams: 0, chargeableGrams: 3500, priceIdr: 250000 },
      ],
      priceIdr: 550000 + 550000 + 250000,
    });
  });

  it('fills earlier parcels before opening new ones', () => {
    const [option] = quoteShipping([item('big', 6000, 2), item('small', 1000, 5)], 'SG', config([courier]));
    // 6 kg + 3 × 1 kg, then 6 kg + 2 × 1 kg.
    if (!option?.available) throw new Error('expected an available option');
    expect(option.parcels.map((parcel) => parcel.actualGrams)).to.deep.equal([9200, 8200]);
  });

  it('computes volumetric weight per parcel after a split', () => {
    const box = item('box', 4000, 3, { dimensionsCm: { length: 50, width: 40, height: 30 } });
    const [option] = quoteShipping([box], 'SG', config([courier]));
    if (!option?.available) throw new Error('expected an available option');
    // 2 boxes (8.2 kg, 24 kg volumetric) and 1 box (4.2 kg, 12 kg volumetric).
    expect(option.parcels.map((p) => [p.actualGrams, p.volumetricGrams, p.chargeableGrams])).to.deep.equal([
      [8200, 24000, 24000],
      [4200, 12000, 12000],
    ]);
  });

  it('refuses a single unit over the limit even when the service splits', () => {
    const [option] = quoteShipping([item('Carved teak chest', 9900)], 'SG', config([courier]));
    expect(option).to.deep.include({
      available: false,
      reason: 'too-heavy',
      message: message('rules.shipping.tooHeavyItem', { item: 'Carved teak chest', weight: 10.1, service: verbatim('Kurir Express'), limit: 10 }),
    });
  });

  it('refuses an item longer than the service allows', () => {
    const paddle = item('Carved paddle', 800, 1, { name: 'Carved paddle', dimensionsCm: { length: 10, width: 160, height: 5 } });
    const [option] = quoteShipping([paddle], 'SG', config([{ ...ems, maxLengthCm: 150 }]));
    expect(option).to.deep.include({
      available: false,
      reason: 'too-long',
      message: message('rules.shipping.tooLong', { item: 'Carved paddle', length: 160, service: EMS, limit: 150 }),
    });
  });

  it('says when a service has no zone for the country', () => {
    const [option] = quoteShipping([rattanBag], 'BR', config([ems]));
    expect(option).to.deep.include({ available: false, reason: 'no-zone', message: message('rules.shipping.noZone', { service: EMS }) });
  });

  it('reads the destination case-insensitively', () => {
    expect(quoteShipping([rattanBag], ' sg ', config([ems]))[0]).to.include({ available: true, zoneId: 'asean' });
  });

  const empties: [string, ParcelItem[]][] = [
    ['no items', []],
    ['only zero quantities', [item('kopi', 300, 0)]],
  ];
  for (const [what, items] of empties) {
    it(`returns empty for every service with ${what}`, () => {
      const options = quoteShipping(items, 'SG', config([ems, courier]));
      expect(options.map((o) => [o.serviceId, o.available, o.available ? '' : o.reason, o.available ? '' : o.message])).to.deep.equal([
        ['pos-ems', false, 'empty', message('rules.shipping.empty')],
        ['courier', false, 'empty', message('rules.shipping.empty')],
      ]);
    });
  }

  it('says when the weight is beyond the rate table and no per-kg price is set', () => {
    const short: ShippingService = { ...ems, zones: [{ ...asean, additionalPerKgIdr: undefined } as ShippingZone] };
    const [option] = quoteShipping([item('kopi', 2600)], 'SG', config([short]));
    expect(option).to.deep.include({
      available: false,
      reason: 'too-heavy',
      message: message('rules.shipping.beyondRates', { weight: 3, service: EMS, zone: 'asean', limit: 2 }),
    });
  });

  it('lists available options cheapest first, then unavailable ones in config order', () => {
    const dear: ShippingService = { ...ems, id: 'dear', zones: [{ ...asean, rates: [{ upToGrams: 30000, priceIdr: 900000 }] }] };
    const nowhere: ShippingService = { ...ems, id: 'nowhere', zones: [{ ...asean, countries: ['JP'] }] };
    const heavy: ShippingService = { ...ems, id: 'heavy', maxParcelGrams: 100 };
    const options = quoteShipping([rattanBag], 'SG', config([nowhere, dear, heavy, ems]));
    expect(options.map((o) => o.serviceId)).to.deep.equal(['pos-ems', 'dear', 'nowhere', 'heavy']);
  });

  it('rejects an item with a fractional quantity', () => {
    expect(() => quoteShipping([item('kopi', 300, 1.5)], 'SG', config([ems]))).to.throw(RangeError, /quantity/);
  });
});

describe('the demo shop (examples/plain-html/checkout.json)', () => {
  const demo = parseShippingConfig((demoCheckout as { shipping: unknown }).shipping);
  const { catalog } = parseCatalog(demoCatalog);

  it('parses, with the open-ended last step read as "and above"', () => {
    expect(demo.services.map((s) => s.id)).to.deep.equal(['pos-ems', 'pos-paket', 'dhl-express']);
    expect(demo.services[0]!.steps!.at(-1)!.upToGrams).to.equal(Number.MAX_SAFE_INTEGER);
    expect(Object.isFrozen(demo.services[0]!.zones[0]!.rates)).to.equal(true);
  });

  it('quotes the rattan bag to the US: EMS, then DHL, and Paket Pos has no US zone', () => {
    const { items } = itemsFromCart(catalog, [{ productId: 'tas-rotan-lombok', quantity: 1 }]);
    const options = quoteShipping(items, 'US', demo);
    expect(options.map((o) => [o.serviceId, o.available])).to.deep.equal([
      ['pos-ems', true],
      ['dhl-express', true],
      ['pos-paket', false],
    ]);
    // 650 g + 150 g packaging, 1623 g volumetric → 2 kg: 420 000 + 3 × 120 000.
    expect(only(options, 'pos-ems')).to.include({ priceIdr: 780000 });
    // The service's name in each language the merchant wrote it, prefixed with the carrier.
    const paket = 'Pos Indonesia Paket Pos Internasional';
    expect(only(options, 'pos-paket')).to.deep.include({
      reason: 'no-zone',
      message: message('rules.shipping.noZone', { service: message('text', { en: paket, id: paket, text: paket }) }),
    });
    expect(only(options, 'pos-ems')).to.not.have.property('message');
  });

  it('gives the numbers of the worked example in docs/shipping-and-restrictions.md', () => {
    const one = itemsFromCart(catalog, [{ productId: 'tas-rotan-lombok', quantity: 1 }]).items;
    const summary = (options: ShippingOption[]) =>
      options.map((o) => (o.available ? [o.serviceId, o.parcels[0]!.actualGrams, o.parcels[0]!.volumetricGrams, o.parcels[0]!.chargeableGrams, o.priceIdr] : [o.serviceId, o.reason]));
    expect(summary(quoteShipping(one, 'JP', demo))).to.deep.equal([
      ['pos-paket', 800, 1352, 2000, 270000],
      ['pos-ems', 800, 1623, 2000, 400000],
      ['dhl-express', 850, 1623, 2000, 905000],
    ]);
    const two = itemsFromCart(catalog, [{ productId: 'tas-rotan-lombok', quantity: 2 }]).items;
    expect(summary(quoteShipping(two, 'JP', demo))[1]).to.deep.equal(['pos-ems', 1450, 3245, 3500, 565000]);
  });

  it('prices every service in every zone for a typical basket', () => {
    const { items } = itemsFromCart(catalog, [
      { productId: 'batik-parang-tulis', quantity: 1 },
      { productId: 'kopi-gayo-arabika', variantId: '1kg', quantity: 2 },
    ]);
    for (const country of ['SG', 'JP', 'AU', 'SA', 'NL', 'US']) {
      for (const option of quoteShipping(items, country, demo)) {
        if (option.serviceId === 'pos-paket' && country === 'US') continue;
        expect(option, `${option.serviceId} to ${country}`).to.include({ available: true });
      }
    }
  });

  it('splits a heavy DHL order and refuses it on EMS', () => {
    const { items } = itemsFromCart(catalog, [{ productId: 'kopi-gayo-arabika', variantId: '1kg', quantity: 40 }]);
    const options = quoteShipping(items, 'DE', demo);
    const dhl = only(options, 'dhl-express');
    expect(dhl).to.include({ available: true });
    if (dhl.available) expect(dhl.parcels.length).to.equal(1);
    expect(only(options, 'pos-ems')).to.deep.include({
      reason: 'too-heavy',
      message: message('rules.shipping.tooHeavy', {
        weight: 44.15,
        service: message('text', { en: 'Pos Indonesia EMS', id: 'Pos Indonesia EMS (Ekspres Internasional)', text: 'Pos Indonesia EMS' }),
        limit: 30,
      }),
    });
    const bigger = quoteShipping([{ ...items[0]!, quantity: 70 }], 'DE', demo);
    const split = only(bigger, 'dhl-express');
    if (!split.available) throw new Error('expected DHL to split');
    expect(split.parcels.map((p) => p.actualGrams)).to.deep.equal([69500, 7900]);
    expect(split.priceIdr).to.equal(split.parcels.reduce((sum, p) => sum + p.priceIdr, 0));
  });
});

describe('parseShippingConfig', () => {
  const valid = () => ({
    origin: 'ID',
    services: [
      {
        id: 'ems',
        carrier: 'Pos Indonesia',
        name: { en: 'EMS' },
        tracked: true,
        steps: [{ upToGrams: 2000, stepGrams: 250 }, { stepGrams: 500 }],
        zones: [
          { id: 'asean', countries: ['sg', 'MY'], rates: [{ upToGrams: 500, priceIdr: 185000 }], days: [4, 8] },
          {
            id: 'east-asia',
            countries: ['JP'],
            rates: [
              { upToGrams: 500, priceIdr: 235000 },
              { upToGrams: 1000, priceIdr: 290000 },
              { upToGrams: 1500, priceIdr: 345000 },
            ],
            days: [5, 10],
          },
        ],
      },
    ],
  });

  it('accepts a valid config, upper-casing countries and keeping defaults unset', () => {
    const parsed = parseShippingConfig(valid());
    expect(parsed.services[0]!.zones[0]!.countries).to.deep.equal(['SG', 'MY']);
    expect(parsed.services[0]!.steps).to.deep.equal([
      { upToGrams: 2000, stepGrams: 250 },
      { upToGrams: Number.MAX_SAFE_INTEGER, stepGrams: 500 },
    ]);
    expect(parsed.services[0]).to.not.have.property('maxParcelGrams');
    expect(parsed.origin).to.equal('ID');
  });

  type Breakage = [string, (config: ReturnType<typeof valid>) => void, string];
  const breakages: Breakage[] = [
    ['a fractional price', (c) => void (c.services[0]!.zones[1]!.rates[2]!.priceIdr = 345000.5), 'services[0].zones[1].rates[2].priceIdr: expected integer IDR'],
    ['a price as text', (c) => void ((c.services[0]!.zones[1]!.rates[0] as Record<string, unknown>)['priceIdr'] = '235.000'), 'services[0].zones[1].rates[0].priceIdr: expected integer IDR'],
    ['rates out of order', (c) => void (c.services[0]!.zones[1]!.rates[2]!.upToGrams = 900), "services[0].zones[1].rates[2].upToGrams: must be greater than the previous row's upToGrams (1000)"],
    ['a country name instead of a code', (c) => void (c.services[0]!.zones[0]!.countries[1] = 'Malaysia'), 'services[0].zones[0].countries[1]: "Malaysia" is not an ISO 3166-1 country code; did you mean "MY" (Malaysia)?'],
    ['a code that is not ISO 3166-1', (c) => void (c.services[0]!.zones[0]!.countries[1] = 'UK'), 'services[0].zones[0].countries[1]: "UK" is not an ISO 3166-1 country code; did you mean "GB" (United Kingdom)?'],
    ['a country in two zones', (c) => void c.services[0]!.zones[1]!.countries.push('SG'), 'services[0].zones[1].countries[1]: "SG" is already in zone "asean" of this service'],
    ['days the wrong way round', (c) => void (c.services[0]!.zones[0]!.days = [8, 4]), 'services[0].zones[0].days: the fewest days must not be more than the most days'],
    ['a missing field', (c) => void delete (c.services[0] as Partial<ReturnType<typeof valid>['services'][0]>).tracked, 'services[0].tracked: required'],
    ['an open step that is not last', (c) => void c.services[0]!.steps.reverse(), 'services[0].steps[0].upToGrams: required (only the last step may leave it out, meaning "and above")'],
    ['two services with one id', (c) => void c.services.push(structuredClone(c.services[0]!)), 'services[1].id: duplicate service id "ems"'],
    ['no zones', (c) => void (c.services[0]!.zones = []), 'services[0].zones: must not be empty'],
    ['another origin', (c) => void (c.origin = 'MY'), 'origin: expected "ID": Mendunia ships from Indonesia'],
  ];
  for (const [what, breakIt, expected] of breakages) {
    it(`names the field for ${what}`, () => {
      const data = valid();
      breakIt(data);
      let error: unknown;
      try {
        parseShippingConfig(data);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ShippingConfigError);
      const issues = (error as ShippingConfigError).issues.map((i) => `${i.path}: ${i.message}`);
      expect(issues).to.include(expected);
      expect((error as Error).message).to.contain(expected);
    });
  }

  it('lists every problem at once', () => {
    const data = valid();
    data.services[0]!.zones[1]!.rates[2]!.priceIdr = -1;
    data.services[0]!.zones[0]!.countries[0] = 'Singapore';
    expect(() => parseShippingConfig(data))
      .to.throw(ShippingConfigError)
      .with.property('issues')
      .that.satisfies((issues: { path: string }[]) =>
        ['services[0].zones[0].countries[0]', 'services[0].zones[1].rates[2].priceIdr'].every(
          (path, index) => issues[index]?.path === path,
        ) && issues.length === 2,
      );
  });

  it('refuses something that is not an object', () => {
    expect(() => parseShippingConfig([])).to.throw(ShippingConfigError, 'expected an object');
  });
});
