/**
 * Shipping quotes from Indonesia: chargeable weight (actual vs volumetric, rounded up to the
 * service's weight step), zone rate tables, parcel limits and splitting. Pure functions over the
 * merchant's configuration (parsed by shipping-schema.ts); all amounts are whole rupiah.
 */
import { localise, type LocalisedText } from '../catalog/index.js';
import { message, verbatim, type Message } from '../util/message.js';
import type { ParcelItem } from './items.js';

export { parseShippingConfig, ShippingConfigError, type ConfigIssue } from './shipping-schema.js';

/** The step size that applies to chargeable weights up to `upToGrams` (and above the previous step's). */
export interface WeightStep {
  readonly upToGrams: number;
  readonly stepGrams: number;
}

/** The price of a chargeable weight ≤ upToGrams (rows ascending; the first row that fits wins). */
export interface ZoneRate {
  readonly upToGrams: number;
  readonly priceIdr: number;
}

export interface ShippingZone {
  readonly id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countries: readonly string[];
  readonly rates: readonly ZoneRate[];
  /** Beyond the table's last row: this much per started kilogram over that row's weight. */
  readonly additionalPerKgIdr?: number;
  /** Delivery estimate, fewest to most days: an estimate, never a promise. */
  readonly days: readonly [number, number];
}

export interface ShippingService {
  readonly id: string;
  readonly carrier: string;
  readonly name: LocalisedText;
  readonly tracked: boolean;
  /** cm³ per kg; default 5000. */
  readonly volumetricDivisor?: number;
  /** Default: 500 g steps at every weight. */
  readonly steps?: readonly WeightStep[];
  /** Actual weight limit per parcel, packaging included; default 30000. */
  readonly maxParcelGrams?: number;
  /** Longest side limit, checked against each unit's longest side. */
  readonly maxLengthCm?: number;
  /** true: split an over-limit order into several parcels; false (default): refuse it. */
  readonly splitOversize?: boolean;
  /** Added once per parcel; defaults to the config's packagingGrams, then 0. */
  readonly packagingGrams?: number;
  /**
   * true: the service is delivered duty paid (DDP): the estimated import charges are added to what
   * the buyer pays now, nothing is due on delivery; false: DAP. Default: the `taxes.incoterm` setting.
   */
  readonly dutyPaid?: boolean;
  readonly zones: readonly ShippingZone[];
}

export interface ShippingConfig {
  readonly origin: 'ID';
  /** Default box and filling weight per parcel for services that do not set their own. */
  readonly packagingGrams?: number;
  readonly services: readonly ShippingService[];
}

/** One parcel as charged. actualGrams includes packaging; priceIdr is this parcel's price. */
export interface ParcelWeight {
  readonly actualGrams: number;
  readonly volumetricGrams: number;
  readonly chargeableGrams: number;
  readonly priceIdr: number;
}

export type ShippingOption =
  | {
      readonly available: true;
      readonly serviceId: string;
      readonly carrier: string;
      readonly name: LocalisedText;
      readonly tracked: boolean;
      /** The service is duty paid (DDP); absent: the merchant's `taxes.incoterm` decides. */
      readonly dutyPaid?: boolean;
      /** Sum of the parcels' prices. */
      readonly priceIdr: number;
      readonly parcels: readonly ParcelWeight[];
      readonly days: readonly [number, number];
      readonly zoneId: string;
    }
  | {
      readonly available: false;
      readonly serviceId: string;
      readonly carrier: string;
      readonly name: LocalisedText;
      readonly reason: 'no-zone' | 'too-heavy' | 'too-long' | 'empty';
      /**
       * Why, naming the limit (`rules.shipping.*`, docs/shipping-and-restrictions.md):
       * "Parcel of 34.5 kg is over Pos Indonesia EMS's 30 kg limit".
       */
      readonly message: Message;
    };

/** The codes of ShippingOption messages. */
export const SHIPPING_CODES = [
  'rules.shipping.empty',
  'rules.shipping.noZone',
  'rules.shipping.tooLong',
  'rules.shipping.tooHeavy',
  'rules.shipping.tooHeavyItem',
  'rules.shipping.beyondRates',
] as const;

export const DEFAULT_VOLUMETRIC_DIVISOR = 5000;
export const DEFAULT_MAX_PARCEL_GRAMS = 30000;
export const DEFAULT_STEPS: readonly WeightStep[] = Object.freeze([
  Object.freeze({ upToGrams: Number.MAX_SAFE_INTEGER, stepGrams: 500 }),
]);

/**
 * Volumetric weight of the items in grams: Σ length × width × height × quantity ÷ divisor (kg),
 * rounded up to the gram.
 *
 * An approximation on purpose: it adds up the items' own volumes and does no bin packing, so it
 * ignores the empty space in the real box (which makes it low) and does not nest items (which
 * could make it high). Items without dimensions add nothing. Merchants whose goods are bulky for
 * their weight should give every product its packed dimensions.
 */
export function volumetricGrams(items: readonly ParcelItem[], divisor: number): number {
  if (!(divisor > 0) || !Number.isFinite(divisor)) throw new RangeError(`volumetric divisor must be > 0, got ${divisor}`);
  let cubicCm = 0;
  for (const item of items) {
    const d = item.dimensionsCm;
    if (d) cubicCm += d.length * d.width * d.height * item.quantity;
  }
  return ceilGrams((cubicCm * 1000) / divisor);
}

/**
 * max(actual, volumetric), rounded up to the step that applies at that weight. Steps count from
 * the end of the previous step's range (0 for the first), and never round past their own upper
 * bound; above the last step's upToGrams the last step size goes on applying.
 */
export function chargeableGrams(actualGrams: number, volumetricGrams: number, service: ShippingService): number {
  const weight = Math.max(actualGrams, volumetricGrams);
  if (weight <= 0) return 0;
  const steps = service.steps && service.steps.length > 0 ? service.steps : DEFAULT_STEPS;
  let start = 0;
  for (const [index, step] of steps.entries()) {
    const last = index === steps.length - 1;
    if (weight <= step.upToGrams || last) {
      const rounded = start + Math.ceil((weight - start) / step.stepGrams) * step.stepGrams;
      return weight <= step.upToGrams ? Math.min(rounded, step.upToGrams) : rounded;
    }
    start = step.upToGrams;
  }
  return weight; // unreachable: the last step always answers
}

/**
 * One option per service, for a parcel of `items` to `destination` (ISO alpha-2). Available
 * options come first, cheapest first (ties: fewer days, then config order); unavailable ones
 * follow in config order, each with its reason and a message naming the limit.
 *
 * Over a service's weight limit, a service with splitOversize sends several parcels: whole units
 * are placed first-fit, heaviest units first, each parcel carrying its own packaging and priced
 * on its own. A single unit heavier than the limit cannot be split and makes the option too-heavy.
 */
export function quoteShipping(
  items: readonly ParcelItem[],
  destination: string,
  config: ShippingConfig,
): ShippingOption[] {
  for (const item of items) checkItem(item);
  const country = destination.trim().toUpperCase();
  const goods = items.filter((item) => item.quantity > 0);

  const available: Extract<ShippingOption, { available: true }>[] = [];
  const unavailable: Extract<ShippingOption, { available: false }>[] = [];
  for (const service of config.services) {
    const option = quoteService(goods, country, service, config);
    if (option.available) available.push(option);
    else unavailable.push(option);
  }
  // Array.prototype.sort is stable, so equal prices and days keep the config's order.
  available.sort((a, b) => a.priceIdr - b.priceIdr || a.days[1] - b.days[1] || a.days[0] - b.days[0]);
  return [...available, ...unavailable];
}

function quoteService(
  goods: readonly ParcelItem[],
  country: string,
  service: ShippingService,
  config: ShippingConfig,
): ShippingOption {
  const label = serviceLabel(service);
  const refuse = (
    reason: Extract<ShippingOption, { available: false }>['reason'],
    message: Message,
  ): ShippingOption => ({
    available: false,
    serviceId: service.id,
    carrier: service.carrier,
    name: service.name,
    reason,
    message,
  });

  if (goods.length === 0) return refuse('empty', message('rules.shipping.empty'));

  const zone = service.zones.find((z) => z.countries.includes(country));
  if (!zone) return refuse('no-zone', message('rules.shipping.noZone', { service: label }));

  if (service.maxLengthCm !== undefined) {
    for (const item of goods) {
      const longest = item.dimensionsCm ? Math.max(item.dimensionsCm.length, item.dimensionsCm.width, item.dimensionsCm.height) : 0;
      if (longest > service.maxLengthCm) {
        return refuse(
          'too-long',
          message('rules.shipping.tooLong', { item: item.name, length: rounded(longest), service: label, limit: rounded(service.maxLengthCm) }),
        );
      }
    }
  }

  const maxGrams = service.maxParcelGrams ?? DEFAULT_MAX_PARCEL_GRAMS;
  const packaging = service.packagingGrams ?? config.packagingGrams ?? 0;
  const total = packaging + goods.reduce((sum, item) => sum + item.unitWeightGrams * item.quantity, 0);
  const limit = kg(maxGrams);

  let contents: ParcelItem[][];
  if (total <= maxGrams) contents = [[...goods]];
  else if (!service.splitOversize) return refuse('too-heavy', message('rules.shipping.tooHeavy', { weight: kg(total), service: label, limit }));
  else {
    const heaviest = goods.reduce((a, b) => (b.unitWeightGrams > a.unitWeightGrams ? b : a));
    if (heaviest.unitWeightGrams + packaging > maxGrams) {
      return refuse(
        'too-heavy',
        message('rules.shipping.tooHeavyItem', { item: heaviest.name, weight: kg(heaviest.unitWeightGrams + packaging), service: label, limit }),
      );
    }
    contents = splitIntoParcels(goods, maxGrams - packaging);
  }

  const divisor = service.volumetricDivisor ?? DEFAULT_VOLUMETRIC_DIVISOR;
  const parcels: ParcelWeight[] = [];
  for (const parcelItems of contents) {
    const actual = packaging + parcelItems.reduce((sum, item) => sum + item.unitWeightGrams * item.quantity, 0);
    const volumetric = volumetricGrams(parcelItems, divisor);
    const chargeable = chargeableGrams(actual, volumetric, service);
    const price = priceFor(chargeable, zone);
    if (price === undefined) {
      const top = zone.rates[zone.rates.length - 1]?.upToGrams ?? 0;
      return refuse(
        'too-heavy',
        message('rules.shipping.beyondRates', { weight: kg(chargeable), service: label, zone: zone.id, limit: kg(top) }),
      );
    }
    parcels.push({ actualGrams: actual, volumetricGrams: volumetric, chargeableGrams: chargeable, priceIdr: price });
  }

  return {
    available: true,
    serviceId: service.id,
    carrier: service.carrier,
    name: service.name,
    tracked: service.tracked,
    ...(service.dutyPaid !== undefined && { dutyPaid: service.dutyPaid }),
    priceIdr: parcels.reduce((sum, parcel) => sum + parcel.priceIdr, 0),
    parcels,
    days: [zone.days[0], zone.days[1]],
    zoneId: zone.id,
  };
}

/** The zone's price for a chargeable weight, or undefined when the table does not reach it. */
function priceFor(chargeable: number, zone: ShippingZone): number | undefined {
  const row = zone.rates.find((rate) => chargeable <= rate.upToGrams);
  if (row) return row.priceIdr;
  const last = zone.rates[zone.rates.length - 1];
  if (!last || zone.additionalPerKgIdr === undefined) return undefined;
  return last.priceIdr + Math.ceil((chargeable - last.upToGrams) / 1000) * zone.additionalPerKgIdr;
}

/**
 * First-fit decreasing over whole units: heaviest unit weights first, each unit into the first
 * parcel with room (capacity excludes packaging). Units of one item are identical, so they are
 * placed a batch at a time: the result is the same as placing them one by one.
 */
function splitIntoParcels(goods: readonly ParcelItem[], capacity: number): ParcelItem[][] {
  const order = goods
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.unitWeightGrams - a.item.unitWeightGrams || a.index - b.index);
  const parcels: { load: number; items: ParcelItem[] }[] = [];
  for (const { item } of order) {
    let remaining = item.quantity;
    const unit = item.unitWeightGrams;
    const place = (parcel: { load: number; items: ParcelItem[] }, count: number) => {
      parcel.load += count * unit;
      parcel.items.push({ ...item, quantity: count });
      remaining -= count;
    };
    for (const parcel of parcels) {
      if (remaining === 0) break;
      const fits = unit === 0 ? remaining : Math.min(remaining, Math.floor((capacity - parcel.load) / unit));
      if (fits > 0) place(parcel, fits);
    }
    while (remaining > 0) {
      const parcel = { load: 0, items: [] as ParcelItem[] };
      parcels.push(parcel);
      place(parcel, unit === 0 ? remaining : Math.min(remaining, Math.floor(capacity / unit)));
    }
  }
  return parcels.map((parcel) => parcel.items);
}

function checkItem(item: ParcelItem): void {
  if (!Number.isSafeInteger(item.quantity) || item.quantity < 0) {
    throw new RangeError(`${item.productId}: quantity must be a whole number of 0 or more, got ${item.quantity}`);
  }
  if (!Number.isSafeInteger(item.unitWeightGrams) || item.unitWeightGrams < 0) {
    throw new RangeError(`${item.productId}: unitWeightGrams must be whole grams, got ${item.unitWeightGrams}`);
  }
}

/** Rounds up to the gram, forgiving float noise such as 1622.0000000000002 from decimal centimetres. */
function ceilGrams(grams: number): number {
  return Math.max(0, Math.ceil(grams - 1e-9 * Math.max(1, Math.abs(grams))));
}

/** Kilograms for a message, to the gram: 34500 → 34.5, 250 → 0.25 (the words add "kg"). */
const kg = (grams: number): number => rounded(grams / 1000);

/** At most three decimals, without float noise. */
function rounded(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * "Pos Indonesia EMS": the carrier, then the service name unless it already starts with it.
 * The merchant's words, so a message carries them verbatim, with the name in each language the
 * merchant wrote it (`{ code: 'text', params: { text, id: '…' } }`, read by describe()).
 */
function serviceLabel(service: ShippingService): Message {
  const label = (name: string) => (name.toLowerCase().startsWith(service.carrier.toLowerCase()) ? name : `${service.carrier} ${name}`.trim());
  const english = label(localise(service.name, 'en'));
  if (typeof service.name === 'string') return verbatim(english);
  const byLanguage = Object.entries(service.name).filter(([, name]) => typeof name === 'string' && name !== '');
  return message('text', { ...Object.fromEntries(byLanguage.map(([tag, name]) => [tag, label(name)])), text: english });
}
