import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import type { RateSet } from '../rates/index.js';
import {
  DUTY_RULES,
  DutyRuleError,
  dutyRuleFor,
  estimateLandedCost,
  MissingDutyRateError,
  type DutyItem,
  type LandedCost,
  type MerchantTaxSettings,
  type Regime,
  type TaxLine,
} from './duties.js';
import type { ParcelItem } from './items.js';
import { message, verbatim, type Message } from '../util/message.js';
import data from './data/duties.json';
import { DUTY_CODES, dutyRuleTexts } from './duties-wording.js';
import { parseDutyRulesFile } from './duties-schema.js';

/** Fixed rates, base EUR: 1 EUR = 19,300 IDR = 1.16 USD … (so A$1 = 10,903.95… IDR). */
const RATES: RateSet = Object.freeze({
  base: 'EUR',
  date: '2026-11-26',
  source: 'test rates',
  rates: Object.freeze({
    IDR: '19300',
    USD: '1.16',
    GBP: '0.875',
    AUD: '1.77',
    SGD: '1.50',
    MYR: '4.85',
    JPY: '176',
    KRW: '1690',
    CNY: '8.2',
    SAR: '4.35',
    AED: '4.26',
    HKD: '9.03',
    TWD: '37.4',
    CAD: '1.62',
    NZD: '1.95',
  }),
});

const shirt = (unitPriceIdr: number, quantity = 1): DutyItem => ({ name: 'Batik shirt', quantity, unitPriceIdr, hsCode: '6205.20', tags: [] });
const scarf = (unitPriceIdr: number, quantity = 1): DutyItem => ({ name: 'Silk batik scarf', quantity, unitPriceIdr, hsCode: '6214.10', tags: [] });
const coffee = (unitPriceIdr: number, quantity = 1): DutyItem => ({ name: 'Gayo coffee', quantity, unitPriceIdr, hsCode: '0901.21', tags: [] });

/** An expected line: kind, rate (undefined for flat amounts), basis, amount, collector. */
type Line = [TaxLine['kind'], number | undefined, number, number, TaxLine['collectedBy']];

interface Case {
  readonly name: string;
  readonly destination: string;
  /** The buyer's ISO 3166-2 subdivision, where the destination's tax depends on it. */
  readonly subdivision?: string;
  readonly items: readonly DutyItem[];
  readonly shippingIdr?: number;
  readonly now: string;
  readonly merchant?: MerchantTaxSettings;
  readonly regime: Regime;
  /** [below, consignment value in minor units of the threshold currency]; absent: no threshold. */
  readonly threshold?: readonly [boolean, number];
  readonly lines: readonly Line[];
  readonly atCheckoutIdr: number;
  readonly onDeliveryIdr: number;
}

const IOSS: MerchantTaxSettings = { registrations: ['EU_IOSS'] };

// Expected amounts are worked out by hand: rate × basis in rupiah, rounded half-up once. Values
// are set just under and just over each threshold in the threshold's currency at RATES.
const CASES: readonly Case[] = [
  // EU (DE 19 %), €150 = Rp 2,895,000 on the goods alone.
  { name: 'DE just under €150, not IOSS: VAT on CIF by the carrier', destination: 'DE', items: [shirt(2_894_000)], now: '2026-03-01', regime: 'due-on-arrival', threshold: [true, 14995], lines: [['vat', 19, 3_194_000, 606_860, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 606_860 },
  { name: 'DE just under €150, IOSS: VAT at checkout', destination: 'DE', items: [shirt(2_894_000)], now: '2026-03-01', merchant: IOSS, regime: 'collected-at-checkout', threshold: [true, 14995], lines: [['vat', 19, 3_194_000, 606_860, 'seller']], atCheckoutIdr: 606_860, onDeliveryIdr: 0 },
  { name: 'DE just over €150: duty 12 % on CIF + VAT on CIF + duty', destination: 'DE', items: [shirt(2_896_000)], now: '2026-03-01', regime: 'due-on-arrival', threshold: [false, 15005], lines: [['duty', 12, 3_196_000, 383_520, 'carrier'], ['vat', 19, 3_579_520, 680_109, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 1_063_629 },
  { name: 'DE just over €150, IOSS changes nothing above the limit', destination: 'DE', items: [shirt(2_896_000)], now: '2026-03-01', merchant: IOSS, regime: 'due-on-arrival', threshold: [false, 15005], lines: [['duty', 12, 3_196_000, 383_520, 'carrier'], ['vat', 19, 3_579_520, 680_109, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 1_063_629 },
  { name: 'DE over €150 under DDP: the merchant pays at checkout', destination: 'DE', items: [shirt(2_896_000)], now: '2026-03-01', merchant: { incoterm: 'DDP' }, regime: 'collected-at-checkout', threshold: [false, 15005], lines: [['duty', 12, 3_196_000, 383_520, 'carrier'], ['vat', 19, 3_579_520, 680_109, 'carrier']], atCheckoutIdr: 1_063_629, onDeliveryIdr: 0 },
  { name: 'FR uses its own VAT rate (20 %)', destination: 'FR', items: [shirt(2_894_000)], now: '2026-03-01', regime: 'due-on-arrival', threshold: [true, 14995], lines: [['vat', 20, 3_194_000, 638_800, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 638_800 },
  // The €3 flat duty per distinct tariff subheading (Council Regulation (EU) 2026/382), for every
  // consignment up to €150 from 1 Jul 2026 to 1 Jul 2028, IOSS or not (Commission guidance of
  // 2 June 2026). €3 = Rp 57,900. Import VAT is on CIF + duty (VAT Directive art. 86):
  // 2 subheadings: (2,500,000 + 300,000 shipping + 115,800) × 19 % = 2,915,800 × 19 % = 554,002.
  { name: 'EU flat duty: not yet on 30 Jun 2026', destination: 'DE', items: [shirt(2_000_000), scarf(500_000)], now: '2026-06-30', merchant: IOSS, regime: 'collected-at-checkout', threshold: [true, 12953], lines: [['vat', 19, 2_800_000, 532_000, 'seller']], atCheckoutIdr: 532_000, onDeliveryIdr: 0 },
  { name: 'EU flat duty, IOSS: €3 × 2 subheadings from 1 Jul 2026, VAT on CIF + duty at checkout', destination: 'DE', items: [shirt(2_000_000), scarf(500_000)], now: '2026-07-01', merchant: IOSS, regime: 'collected-at-checkout', threshold: [true, 12953], lines: [['flat-duty', undefined, 2_500_000, 115_800, 'seller'], ['vat', 19, 2_915_800, 554_002, 'seller']], atCheckoutIdr: 669_802, onDeliveryIdr: 0 },
  // 2,800,000 + 57,900 = 2,857,900 × 19 % = 543,001.
  { name: 'EU flat duty: same subheading twice counts once', destination: 'DE', items: [shirt(1_000_000, 2), { ...shirt(500_000), name: 'Batik shirt, long sleeves' }], now: '2026-07-01', merchant: IOSS, regime: 'collected-at-checkout', threshold: [true, 12953], lines: [['flat-duty', undefined, 2_500_000, 57_900, 'seller'], ['vat', 19, 2_857_900, 543_001, 'seller']], atCheckoutIdr: 600_901, onDeliveryIdr: 0 },
  { name: 'EU flat duty, not IOSS: €3 × 2 and VAT on CIF + duty, both on delivery', destination: 'DE', items: [shirt(2_000_000), scarf(500_000)], now: '2026-07-01', regime: 'due-on-arrival', threshold: [true, 12953], lines: [['flat-duty', undefined, 2_500_000, 115_800, 'carrier'], ['vat', 19, 2_915_800, 554_002, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 669_802 },
  // One subheading (€3 = 57,900) at €149.95: (2,894,000 + 300,000 + 57,900) × 19 % = 3,251,900 × 19 % = 617,861.
  { name: 'EU after 1 Jul 2026 just under €150, not IOSS: €3 + VAT on CIF + duty', destination: 'DE', items: [shirt(2_894_000)], now: '2026-07-01', regime: 'due-on-arrival', threshold: [true, 14995], lines: [['flat-duty', undefined, 2_894_000, 57_900, 'carrier'], ['vat', 19, 3_251_900, 617_861, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 675_761 },
  { name: 'EU after 1 Jul 2026 just over €150: tariff duty 12 %, no flat duty', destination: 'DE', items: [shirt(2_896_000)], now: '2026-07-01', regime: 'due-on-arrival', threshold: [false, 15005], lines: [['duty', 12, 3_196_000, 383_520, 'carrier'], ['vat', 19, 3_579_520, 680_109, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 1_063_629 },
  { name: 'EU flat duty: ended on 1 Jul 2028', destination: 'DE', items: [shirt(2_000_000), scarf(500_000)], now: '2028-07-01', merchant: IOSS, regime: 'collected-at-checkout', threshold: [true, 12953], lines: [['vat', 19, 2_800_000, 532_000, 'seller']], atCheckoutIdr: 532_000, onDeliveryIdr: 0 },
  // UK £135 = Rp 2,977,714.29 on the goods.
  { name: 'GB just under £135, not registered: VAT collected by the carrier', destination: 'GB', items: [shirt(2_977_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [true, 13497], lines: [['vat', 20, 3_277_000, 655_400, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 655_400 },
  { name: 'GB just under £135, UK VAT registered: VAT at checkout', destination: 'GB', items: [shirt(2_977_000)], now: '2026-11-26', merchant: { registrations: ['UK_VAT'] }, regime: 'collected-at-checkout', threshold: [true, 13497], lines: [['vat', 20, 3_277_000, 655_400, 'seller']], atCheckoutIdr: 655_400, onDeliveryIdr: 0 },
  { name: 'GB just over £135: duty + VAT on arrival', destination: 'GB', items: [shirt(2_978_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 13501], lines: [['duty', 12, 3_278_000, 393_360, 'carrier'], ['vat', 20, 3_671_360, 734_272, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 1_127_632 },
  // AU A$1,000 = Rp 10,903,954.80 on the goods (FOB).
  { name: 'AU just under A$1,000, not registered: nothing collected', destination: 'AU', items: [shirt(10_900_000)], shippingIdr: 500_000, now: '2026-11-26', regime: 'nothing-due', threshold: [true, 99964], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'AU just under A$1,000, GST registered: GST on goods + shipping at checkout', destination: 'AU', items: [shirt(10_900_000)], shippingIdr: 500_000, now: '2026-11-26', merchant: { registrations: ['AU_GST'] }, regime: 'collected-at-checkout', threshold: [true, 99964], lines: [['gst', 10, 11_400_000, 1_140_000, 'seller']], atCheckoutIdr: 1_140_000, onDeliveryIdr: 0 },
  { name: 'AU just over A$1,000: duty 5 % on FOB, GST on CIF + duty, charges', destination: 'AU', items: [shirt(10_910_000)], shippingIdr: 500_000, now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 100055], lines: [['duty', 5, 10_910_000, 545_500, 'carrier'], ['gst', 10, 11_955_500, 1_195_550, 'carrier'], ['processing-fee', undefined, 10_910_000, 545_198, 'carrier'], ['processing-fee', undefined, 10_910_000, 490_678, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 2_776_926 },
  { name: 'AU over A$1,000 with preferential origin: duty 0 % under IA-CEPA', destination: 'AU', items: [shirt(10_910_000)], shippingIdr: 500_000, now: '2026-11-26', merchant: { claimPreferentialOrigin: true }, regime: 'due-on-arrival', threshold: [false, 100055], lines: [['duty', 0, 10_910_000, 0, 'carrier'], ['gst', 10, 11_410_000, 1_141_000, 'carrier'], ['processing-fee', undefined, 10_910_000, 545_198, 'carrier'], ['processing-fee', undefined, 10_910_000, 490_678, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 2_176_876 },
  // SG S$400 = Rp 5,146,666.67 on CIF.
  { name: 'SG CIF just under S$400, not OVR: nothing', destination: 'SG', items: [shirt(4_800_000)], shippingIdr: 340_000, now: '2026-11-26', regime: 'nothing-due', threshold: [true, 39948], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'SG CIF just under S$400, OVR registered: GST 9 % at checkout', destination: 'SG', items: [shirt(4_800_000)], shippingIdr: 340_000, now: '2026-11-26', merchant: { registrations: ['SG_OVR'] }, regime: 'collected-at-checkout', threshold: [true, 39948], lines: [['gst', 9, 5_140_000, 462_600, 'seller']], atCheckoutIdr: 462_600, onDeliveryIdr: 0 },
  { name: 'SG CIF just over S$400: GST 9 % on the whole CIF', destination: 'SG', items: [shirt(4_800_000)], shippingIdr: 350_000, now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 40026], lines: [['gst', 9, 5_150_000, 463_500, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 463_500 },
  // MY RM500 = Rp 1,989,690.72 on the goods.
  { name: 'MY just under RM500, not LVG registered: nothing', destination: 'MY', items: [shirt(1_989_000)], now: '2026-11-26', regime: 'nothing-due', threshold: [true, 49983], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'MY just under RM500, LVG registered: 10 % sales tax on the goods at checkout', destination: 'MY', items: [shirt(1_989_000)], now: '2026-11-26', merchant: { registrations: ['MY_LVG'] }, regime: 'collected-at-checkout', threshold: [true, 49983], lines: [['sales-tax', 10, 1_989_000, 198_900, 'seller']], atCheckoutIdr: 198_900, onDeliveryIdr: 0 },
  { name: 'MY just over RM500: duty + sales tax on arrival', destination: 'MY', items: [shirt(1_990_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 50008], lines: [['duty', 5, 2_290_000, 114_500, 'carrier'], ['sales-tax', 10, 2_404_500, 240_450, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 354_950 },
  { name: 'MY over RM500 with preferential origin: ATIGA 0 %', destination: 'MY', items: [shirt(1_990_000)], now: '2026-11-26', merchant: { claimPreferentialOrigin: true }, regime: 'due-on-arrival', threshold: [false, 50008], lines: [['duty', 0, 2_290_000, 0, 'carrier'], ['sales-tax', 10, 2_290_000, 229_000, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 229_000 },
  // JP ¥10,000 = Rp 1,096,590.91 on 60 % of the goods + shipping.
  { name: 'JP taxable value just under ¥10,000: exempt', destination: 'JP', items: [shirt(1_494_000)], shippingIdr: 200_000, now: '2026-11-26', regime: 'nothing-due', threshold: [true, 9998], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'JP taxable value just over ¥10,000: duty + consumption tax on 60 % valuation', destination: 'JP', items: [shirt(1_495_000)], shippingIdr: 200_000, now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 10004], lines: [['duty', 7.4, 1_097_000, 81_178, 'carrier'], ['consumption-tax', 10, 1_178_178, 117_818, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 198_996 },
  // KR US$150 = Rp 2,495,689.66 on the goods.
  { name: 'KR just under US$150: exempt', destination: 'KR', items: [shirt(2_495_000)], now: '2026-11-26', regime: 'nothing-due', threshold: [true, 14996], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'KR just over US$150: duty 13 % + VAT 10 %', destination: 'KR', items: [shirt(2_496_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 15002], lines: [['duty', 13, 2_796_000, 363_480, 'carrier'], ['vat', 10, 3_159_480, 315_948, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 679_428 },
  // CN ¥1,000 = Rp 2,353,658.54 per personal postal parcel.
  { name: 'CN just under ¥1,000: postal articles tax 20 %', destination: 'CN', items: [scarf(2_353_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [true, 99972], lines: [['duty', 20, 2_353_000, 470_600, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 470_600 },
  { name: 'CN just over ¥1,000 with several items: not allowed', destination: 'CN', items: [scarf(2_000_000), coffee(354_000)], now: '2026-11-26', regime: 'not-allowed', threshold: [false, 100015], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'CN just over ¥1,000 with one indivisible item: allowed, taxed', destination: 'CN', items: [scarf(2_354_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 100015], lines: [['duty', 20, 2_354_000, 470_800, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 470_800 },
  { name: 'CN tax of ¥49.71 is waived (≤ RMB 50)', destination: 'CN', items: [coffee(900_000)], now: '2026-11-26', regime: 'nothing-due', threshold: [true, 38238], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'CN cross-border e-commerce channel (CN_CBEC): 9.1 % at checkout', destination: 'CN', items: [scarf(2_353_000)], now: '2026-11-26', merchant: { registrations: ['CN_CBEC'] }, regime: 'collected-at-checkout', threshold: [true, 112718], lines: [['vat', 9.1, 2_653_000, 241_423, 'seller']], atCheckoutIdr: 241_423, onDeliveryIdr: 0 },
  // CBEC RMB 5,000 = Rp 11,768,292.68 on goods + shipping. Under: 11,700,000 × 9.1 % = 1,064,700.
  { name: 'CN CBEC just under RMB 5,000: duty 0, VAT at 70 % (9.1 %)', destination: 'CN', items: [scarf(11_400_000)], now: '2026-11-26', merchant: { registrations: ['CN_CBEC'] }, regime: 'collected-at-checkout', threshold: [true, 497098], lines: [['vat', 9.1, 11_700_000, 1_064_700, 'seller']], atCheckoutIdr: 1_064_700, onDeliveryIdr: 0 },
  // Over, one item (Caiguanshui [2018] No. 49 item 2): duty 6 % × 11,800,000 = 708,000; VAT 13 % × 12,508,000 = 1,626,040.
  { name: 'CN CBEC just over RMB 5,000, single item: duty and 13 % VAT in full', destination: 'CN', items: [scarf(11_500_000)], now: '2026-11-26', merchant: { registrations: ['CN_CBEC'] }, regime: 'collected-at-checkout', threshold: [false, 501347], lines: [['duty', 6, 11_800_000, 708_000, 'seller'], ['vat', 13, 12_508_000, 1_626_040, 'seller']], atCheckoutIdr: 2_334_040, onDeliveryIdr: 0 },
  { name: 'CN CBEC just over RMB 5,000, several items: split the order', destination: 'CN', items: [scarf(6_000_000), coffee(5_500_000)], now: '2026-11-26', merchant: { registrations: ['CN_CBEC'] }, regime: 'not-allowed', threshold: [false, 501347], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  // SA SAR 1,000 (exclusive) = Rp 4,436,781.61 on goods + shipping; VAT on every import.
  { name: 'SA just under SAR 1,000: no duty, VAT 15 % on CIF', destination: 'SA', items: [shirt(4_000_000)], shippingIdr: 436_000, now: '2026-11-26', regime: 'due-on-arrival', threshold: [true, 99982], lines: [['vat', 15, 4_436_000, 665_400, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 665_400 },
  { name: 'SA just over SAR 1,000: duty 5 % + VAT 15 %', destination: 'SA', items: [shirt(4_000_000)], shippingIdr: 437_000, now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 100005], lines: [['duty', 5, 4_437_000, 221_850, 'carrier'], ['vat', 15, 4_658_850, 698_828, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 920_678 },
  // AE AED 1,000 = Rp 4,530,516.43 on the goods.
  { name: 'AE just under AED 1,000: no duty, VAT 5 % on CIF', destination: 'AE', items: [shirt(4_530_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [true, 99989], lines: [['vat', 5, 4_830_000, 241_500, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 241_500 },
  { name: 'AE just over AED 1,000: duty 5 % + VAT 5 %', destination: 'AE', items: [shirt(4_531_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 100011], lines: [['duty', 5, 4_831_000, 241_550, 'carrier'], ['vat', 5, 5_072_550, 253_628, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 495_178 },
  // HK: free port, no threshold.
  { name: 'HK small parcel: nothing', destination: 'HK', items: [shirt(100_000)], now: '2026-11-26', regime: 'nothing-due', lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'HK large parcel: nothing', destination: 'HK', items: [shirt(50_000_000)], now: '2026-11-26', regime: 'nothing-due', lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  // TW NT$2,000 = Rp 1,032,085.56 on CIF.
  { name: 'TW CIF just under NT$2,000: exempt', destination: 'TW', items: [shirt(832_000)], shippingIdr: 200_000, now: '2026-11-26', regime: 'nothing-due', threshold: [true, 199983], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'TW CIF just over NT$2,000: duty + 5 % business tax', destination: 'TW', items: [shirt(833_000)], shippingIdr: 200_000, now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 200177], lines: [['duty', 12, 1_033_000, 123_960, 'carrier'], ['vat', 5, 1_156_960, 57_848, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 181_808 },
  // CA C$20 = Rp 238,271.60 on the goods (FOB).
  { name: 'CA just under C$20: exempt', destination: 'CA', items: [shirt(238_000)], now: '2026-11-26', regime: 'nothing-due', threshold: [true, 1998], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  // Over C$20: duty 17 % × 239,000 = 40,630; GST/HST on FOB + duty = 279,630 at the province's rate.
  { name: 'CA just over C$20, no province: duty + GST at 5 % (the lowest of 5–15 %)', destination: 'CA', items: [shirt(239_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 2006], lines: [['duty', 17, 239_000, 40_630, 'carrier'], ['gst', 5, 279_630, 13_982, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 54_612 },
  { name: 'CA-AB just over C$20: GST 5 %', destination: 'CA', subdivision: 'CA-AB', items: [shirt(239_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 2006], lines: [['duty', 17, 239_000, 40_630, 'carrier'], ['gst', 5, 279_630, 13_982, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 54_612 },
  { name: 'CA-QC just over C$20: GST 5 % only at the border', destination: 'CA', subdivision: 'CA-QC', items: [shirt(239_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 2006], lines: [['duty', 17, 239_000, 40_630, 'carrier'], ['gst', 5, 279_630, 13_982, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 54_612 },
  // 279,630 × 13 % = 36,351.9 → 36,352.
  { name: 'CA-ON just over C$20: HST 13 % on FOB + duty', destination: 'CA', subdivision: 'CA-ON', items: [shirt(239_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 2006], lines: [['duty', 17, 239_000, 40_630, 'carrier'], ['gst', 13, 279_630, 36_352, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 76_982 },
  { name: 'CA-ON just under C$20: exempt whatever the province', destination: 'CA', subdivision: 'CA-ON', items: [shirt(238_000)], now: '2026-11-26', regime: 'nothing-due', threshold: [true, 1998], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  // 279,630 × 14 % = 39,148.2 → 39,148 (Nova Scotia since 1 Apr 2025).
  { name: 'CA-NS just over C$20: HST 14 %', destination: 'CA', subdivision: 'CA-NS', items: [shirt(239_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 2006], lines: [['duty', 17, 239_000, 40_630, 'carrier'], ['gst', 14, 279_630, 39_148, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 79_778 },
  // 279,630 × 15 % = 41,944.5 → 41,945.
  { name: 'CA-NB just over C$20: HST 15 %', destination: 'CA', subdivision: 'ca-nb', items: [shirt(239_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 2006], lines: [['duty', 17, 239_000, 40_630, 'carrier'], ['gst', 15, 279_630, 41_945, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 82_575 },
  // NZ NZ$1,000 = Rp 9,897,435.90 on the goods.
  { name: 'NZ just under NZ$1,000, not registered: nothing', destination: 'NZ', items: [shirt(9_897_000)], now: '2026-11-26', regime: 'nothing-due', threshold: [true, 99996], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'NZ just under NZ$1,000, GST registered: 15 % at checkout', destination: 'NZ', items: [shirt(9_897_000)], now: '2026-11-26', merchant: { registrations: ['NZ_GST'] }, regime: 'collected-at-checkout', threshold: [true, 99996], lines: [['gst', 15, 10_197_000, 1_529_550, 'seller']], atCheckoutIdr: 1_529_550, onDeliveryIdr: 0 },
  { name: 'NZ just over NZ$1,000: duty on FOB + GST on CIF + duty', destination: 'NZ', items: [shirt(9_898_000)], now: '2026-11-26', regime: 'due-on-arrival', threshold: [false, 100006], lines: [['duty', 10, 9_898_000, 989_800, 'carrier'], ['gst', 15, 11_187_800, 1_678_170, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 2_667_970 },
  // US: US$800 de minimis until 29 Aug 2025 (US$800 = Rp 13,310,344.83), none since.
  { name: 'US 2025-06-01 just under US$800: de minimis, nothing', destination: 'US', items: [shirt(13_310_000)], now: '2025-06-01', regime: 'nothing-due', threshold: [true, 79998], lines: [], atCheckoutIdr: 0, onDeliveryIdr: 0 },
  { name: 'US 2025-06-01 just over US$800: duty + 10 % baseline tariff on FOB', destination: 'US', items: [shirt(13_311_000)], now: '2025-06-01', regime: 'due-on-arrival', threshold: [false, 80004], lines: [['duty', 19.7, 13_311_000, 2_622_267, 'carrier'], ['duty', 10, 13_311_000, 1_331_100, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 3_953_367 },
  { name: 'US 2025-12-01 (no de minimis): 19 % reciprocal tariff, coffee exempt', destination: 'US', items: [shirt(1_000_000), coffee(500_000)], now: '2025-12-01', regime: 'due-on-arrival', lines: [['duty', 19.7, 1_000_000, 197_000, 'carrier'], ['duty', 0, 500_000, 0, 'carrier'], ['duty', 19, 1_000_000, 190_000, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 387_000 },
  { name: 'US 2026-03-15: a small parcel pays duty + the Section 122 surcharge', destination: 'US', items: [shirt(1_000_000), coffee(500_000)], now: '2026-03-15', regime: 'due-on-arrival', lines: [['duty', 19.7, 1_000_000, 197_000, 'carrier'], ['duty', 0, 500_000, 0, 'carrier'], ['duty', 10, 1_000_000, 100_000, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 297_000 },
  { name: 'US 2026-11-26: the surcharge has expired, HS duty only', destination: 'US', items: [shirt(1_000_000), coffee(500_000)], now: '2026-11-26', regime: 'due-on-arrival', lines: [['duty', 19.7, 1_000_000, 197_000, 'carrier'], ['duty', 0, 500_000, 0, 'carrier']], atCheckoutIdr: 0, onDeliveryIdr: 197_000 },
  { name: 'US under DDP: everything at checkout', destination: 'US', items: [shirt(1_000_000)], now: '2026-11-26', merchant: { incoterm: 'DDP' }, regime: 'collected-at-checkout', lines: [['duty', 19.7, 1_000_000, 197_000, 'carrier']], atCheckoutIdr: 197_000, onDeliveryIdr: 0 },
];

function estimate(c: Case): LandedCost {
  return estimateLandedCost({
    items: c.items,
    shippingIdr: c.shippingIdr ?? 300_000,
    destination: c.destination,
    ...(c.subdivision && { subdivision: c.subdivision }),
    rates: RATES,
    ...(c.merchant && { merchant: c.merchant }),
    now: new Date(`${c.now}T12:00:00Z`),
  });
}

describe('estimateLandedCost', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const result = estimate(c);
      expect(result.regime, 'regime').to.equal(c.regime);
      if (c.threshold) {
        expect(result.threshold?.below, 'below').to.equal(c.threshold[0]);
        expect(result.threshold?.consignmentValue.amount, 'consignment value').to.equal(c.threshold[1]);
      } else {
        expect(result.threshold, 'threshold').to.equal(undefined);
      }
      const lines = result.lines.map((l): Line => [l.kind, l.ratePercent, l.basisIdr, l.amountIdr, l.collectedBy]);
      expect(lines, 'lines').to.deep.equal(c.lines);
      expect(result.atCheckoutIdr, 'at checkout').to.equal(c.atCheckoutIdr);
      expect(result.onDeliveryIdr, 'on delivery').to.equal(c.onDeliveryIdr);
      // The totals are the sum of the rounded lines shown, never a separately rounded total.
      const all = result.lines.reduce((s, l) => s + l.amountIdr, 0);
      expect(result.atCheckoutIdr + result.onDeliveryIdr, 'sum').to.equal(all);
      expect(Boolean(result.handlingFeeNote), 'handling fee note').to.equal(result.onDeliveryIdr > 0);
      expect(result.explanation.length, 'explanation').to.be.greaterThan(0);
      expect(Object.isFrozen(result) && Object.isFrozen(result.lines)).to.equal(true);
    });
  }

  const m = message;
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const customsDuty = m('rules.duties.customsDuty');
  const goods = m('rules.duties.basis.goods');
  const shipping = m('rules.duties.basis.shipping');
  const codesOf = (messages: readonly Message[]) => messages.map((x) => x.code);

  it('labels lines with codes and their values, with amounts in the destination currency', () => {
    const over = estimate(CASES[2]!);
    expect(over.currency).to.equal('EUR');
    expect(over.lines.map((l) => [l.label, l.basis])).to.deep.equal([
      [m('rules.duties.line.duty', { label: customsDuty, goods: 'HS 6205', percent: 12 }), m('rules.duties.basis.cif', { goods, freight: shipping })],
      [m('rules.duties.line.vat', { label: m('rules.dutyRules.eu.vat.label'), country: 'DE', percent: 19 }), m('rules.duties.basis.cifDuty')],
    ]);
    // Rp 383,520 ÷ 19,300 = €19.8715… → €19.87; Rp 680,109 → €35.2388… → €35.24.
    expect(over.lines.map((l) => l.amount)).to.deep.equal([eur(1987), eur(3524)]);
    expect(over.threshold?.amount).to.deep.equal(eur(15000));
    // "Your parcel is worth €150.05, over the EU's €150 limit."
    expect(over.explanation[0]).to.deep.equal(
      m('rules.duties.threshold.over', { worth: m('rules.duties.worth.goods', { amount: eur(15005) }), place: m('rules.dutyRules.eu.name'), limit: eur(15000) }),
    );
    expect(over.rule.id).to.equal('eu');

    const flat = estimateLandedCost({ items: [shirt(2_000_000), scarf(500_000)], shippingIdr: 300_000, destination: 'DE', rates: RATES, merchant: IOSS, now: new Date('2026-07-01T00:00:00Z') });
    expect(flat.lines[0]!.label).to.deep.equal(m('rules.duties.line.flat', { label: m('rules.dutyRules.eu.below.flatDuty.label'), amount: eur(300), count: 2 }));
    expect(flat.lines[0]!.amount).to.deep.equal(eur(600));
    const importVat = m('rules.duties.charge.named', { label: m('rules.dutyRules.eu.vat.label') });
    expect(flat.explanation).to.deep.include(m('rules.duties.scheme.registered', { scheme: m('rules.dutyRules.eu.below.collection.schemeName'), tax: importVat }));
    expect(flat.explanation).to.deep.include(m('rules.duties.flatDuty', { place: m('rules.dutyRules.eu.name'), amount: eur(300), kinds: 2 }));

    const under = estimate(CASES[0]!);
    expect(under.explanation).to.deep.include(m('rules.duties.scheme.carrier', { scheme: m('rules.dutyRules.eu.below.collection.schemeName'), tax: importVat }));
    expect(under.explanation[0]!.code).to.equal('rules.duties.threshold.under');
    expect(under.explanation.at(-1)).to.deep.equal(m('rules.duties.onDelivery'));

    const japan = estimate(CASES.find((c) => c.destination === 'JP' && c.regime === 'due-on-arrival')!);
    expect(japan.lines[0]!.basis).to.deep.equal(m('rules.duties.basis.cif', { goods: m('rules.duties.basis.valuedGoods', { percent: 60 }), freight: shipping }));
    expect(japan.lines[0]!.amount).to.deep.equal({ amount: 740, currency: 'JPY' });
    expect(japan.explanation[0]!.code).to.equal('rules.duties.threshold.over');
    expect(japan.explanation[0]!.params?.['worth']).to.deep.equal(m('rules.duties.worth.valuedShipping', { amount: { amount: 10004, currency: 'JPY' }, percent: 60 }));
    expect(japan.explanation).to.deep.include(m('rules.duties.charged', { charges: [m('rules.duties.charge.duty'), m('rules.duties.charge.named', { label: m('rules.dutyRules.jp.vat.label') })] }));
    expect(japan.explanation).to.deep.include(m('rules.dutyRules.jp.notes.0'));

    const au = estimate(CASES.find((c) => c.name.includes('IA-CEPA'))!);
    expect(au.lines[0]!.label).to.deep.equal(m('rules.duties.line.dutyPreferential', { label: customsDuty, goods: 'HS 6205', percent: 0, agreement: 'IA-CEPA' }));
    expect(au.explanation).to.deep.include(m('rules.duties.preferential', { agreement: 'IA-CEPA' }));
    expect(au.lines.slice(2).map((l) => [l.label, l.basis, l.amount])).to.deep.equal([
      [m('rules.duties.line.fee', { label: m('rules.dutyRules.au.above.fees.0.label'), amount: { amount: 5000, currency: 'AUD' } }), m('rules.duties.basis.perConsignment'), { amount: 5000, currency: 'AUD' }],
      [m('rules.duties.line.fee', { label: m('rules.dutyRules.au.above.fees.1.label'), amount: { amount: 4500, currency: 'AUD' } }), m('rules.duties.basis.perConsignment'), { amount: 4500, currency: 'AUD' }],
    ]);
    // Duty at 0 % is not named among the charges.
    expect(au.explanation).to.deep.include(m('rules.duties.charged', { charges: [m('rules.duties.charge.named', { label: m('rules.dutyRules.au.vat.label') }), m('rules.duties.charge.fees')] }));

    const us = estimate(CASES.find((c) => c.name.startsWith('US 2026-03-15'))!);
    expect(us.lines.map((l) => l.label)).to.deep.equal([
      m('rules.duties.line.duty', { label: customsDuty, goods: 'HS 6205', percent: 19.7 }),
      m('rules.duties.line.duty', { label: customsDuty, goods: 'HS 0901', percent: 0 }),
      m('rules.duties.line.rated', { label: m('rules.dutyRules.us.duty.additional.3.label'), percent: 10 }),
    ]);
    expect(us.explanation[0]).to.deep.equal(m('rules.dutyRules.us.noThresholdNote'));
    expect(us.lines[0]!.basis).to.deep.equal(m('rules.duties.basis.fob', { goods }));
  });

  it('says why nothing is collected, and what a buyer may pay the carrier', () => {
    const au = estimate(CASES.find((c) => c.destination === 'AU' && c.regime === 'nothing-due')!);
    expect(au.explanation).to.deep.include(
      m('rules.duties.scheme.none', { scheme: m('rules.dutyRules.au.below.collection.schemeName'), tax: m('rules.duties.charge.named', { label: m('rules.dutyRules.au.vat.label') }) }),
    );
    expect(au.explanation).to.deep.include(m('rules.dutyRules.au.below.collection.otherwiseNote'));
    expect(au.explanation).to.deep.include(m('rules.duties.nothingDue'));
    const ca = estimate(CASES.find((c) => c.destination === 'CA' && c.regime === 'due-on-arrival')!);
    expect(ca.handlingFeeNote).to.deep.equal(m('rules.duties.handlingFee', { fee: m('rules.dutyRules.ca.handlingFee') }));
    const cn = estimate(CASES.find((c) => c.regime === 'not-allowed')!);
    expect(cn.explanation.at(-1)).to.deep.equal(m('rules.dutyRules.cn.above.notAllowed.reason'));
    const single = estimate(CASES.find((c) => c.name.includes('one indivisible item'))!);
    expect(single.explanation).to.deep.include(m('rules.duties.singleItem'));
    expect(single.lines[0]!.label).to.deep.equal(m('rules.duties.line.duty', { label: m('rules.dutyRules.cn.duty.label'), goods: 'HS 6214', percent: 20 }));
    const waived = estimate(CASES.find((c) => c.name.includes('waived'))!);
    expect(waived.explanation).to.deep.include(m('rules.duties.waived', { amount: { amount: 4971, currency: 'CNY' }, limit: { amount: 5000, currency: 'CNY' } }));
    const ddp = estimate(CASES.find((c) => c.name.startsWith('US under DDP'))!);
    expect(codesOf(ddp.explanation)).to.include.members(['rules.duties.chargedDdp', 'rules.duties.ddp']);
    expect(ddp.handlingFeeNote).to.equal(undefined);
  });

  it('counts the items without an HS code', () => {
    const result = estimateLandedCost({
      items: [{ ...shirt(3_000_000), hsCode: undefined }, { ...scarf(100_000), hsCode: undefined }],
      shippingIdr: 300_000,
      destination: 'DE',
      rates: RATES,
      now: new Date('2026-03-01'),
    });
    expect(result.explanation).to.deep.include(m('rules.duties.noHsCode', { count: 2 }));
    expect(result.lines[0]!.label).to.deep.equal(m('rules.duties.line.duty', { label: customsDuty, goods: m('rules.duties.line.otherGoods'), percent: 4 }));
  });

  it('returns "due-on-arrival" without lines for an unlisted destination, never throwing', () => {
    const result = estimateLandedCost({ items: [shirt(500_000)], shippingIdr: 200_000, destination: 'br', rates: RATES, now: new Date('2026-11-26') });
    expect(result.destination).to.equal('BR');
    expect(result.regime).to.equal('due-on-arrival');
    expect(result.lines).to.deep.equal([]);
    expect(result.atCheckoutIdr + result.onDeliveryIdr).to.equal(0);
    expect(result.explanation).to.deep.equal([message('rules.duties.unlisted', { country: { region: 'BR' } })]);
    expect(result.handlingFeeNote).to.deep.equal(message('rules.duties.handlingFeeVaries'));
    expect(dutyRuleFor('BR')).to.equal(undefined);
  });

  it('a merchant override replaces the shipped rule for its country', () => {
    const shipped = dutyRuleFor('DE', undefined, new Date('2026-03-01'))!;
    const override = { ...shipped, vat: { ...shipped.vat!, percent: 20 } };
    const merchant: MerchantTaxSettings = { overrides: [override] };
    expect(dutyRuleFor('DE', merchant, new Date('2026-03-01'))!.vat?.percent).to.equal(20);
    const result = estimateLandedCost({ items: [shirt(2_894_000)], shippingIdr: 300_000, destination: 'DE', rates: RATES, merchant, now: new Date('2026-03-01') });
    expect(result.lines.map((l) => [l.label, l.ratePercent, l.amountIdr])).to.deep.equal([
      [message('rules.duties.line.vat', { label: message('rules.dutyRules.eu.vat.label'), country: 'DE', percent: 20 }), 20, 638_800],
    ]);
    // Other EU countries keep the shipped rule.
    expect(dutyRuleFor('FR', merchant, new Date('2026-03-01'))!.vat?.percent).to.equal(20);
    expect(dutyRuleFor('NL', merchant, new Date('2026-03-01'))!.vat?.percent).to.equal(21);
  });

  it("words an override's own texts as written, and its shipped ones through their keys", () => {
    const shipped = dutyRuleFor('DE', undefined, new Date('2026-03-01'))!;
    const run = (rule: unknown) =>
      estimateLandedCost({ items: [shirt(2_894_000)], shippingIdr: 300_000, destination: 'DE', rates: RATES, merchant: { overrides: [rule] }, now: new Date('2026-03-01') });
    // Same id, one text changed: that text is the merchant's, the others keep their words.
    const renamed = run({ ...shipped, vat: { ...shipped.vat!, label: 'Einfuhrumsatzsteuer' } });
    expect(renamed.lines[0]!.label.params?.['label']).to.deep.equal(verbatim('Einfuhrumsatzsteuer'));
    expect(renamed.explanation[0]!.params?.['place']).to.deep.equal(message('rules.dutyRules.eu.name'));
    // No id: every text as written, even one equal to a shipped text.
    const { id: _id, ...anonymous } = shipped;
    const own = run(anonymous);
    expect(own.rule.id).to.equal(undefined);
    expect(own.explanation[0]!.params?.['place']).to.deep.equal(verbatim('the EU'));
    expect(own.lines[0]!.label.params?.['label']).to.deep.equal(verbatim('Import VAT'));
    // Another shipped rule's id does not lend its words to different texts.
    const borrowed = run({ ...anonymous, id: 'us' });
    expect(borrowed.explanation[0]!.params?.['place']).to.deep.equal(verbatim('the EU'));
  });

  it('invalid override data throws DutyRuleError naming the field', () => {
    const shipped = dutyRuleFor('DE', undefined, new Date('2026-03-01'))!;
    const bad: [unknown, RegExp][] = [
      [{ ...shipped, vat: { ...shipped.vat!, percent: 190 } }, /^overrides\[0\]\.vat\.percent: expected a percentage from 0 to 100/],
      [{ ...shipped, treshold: shipped.threshold }, /^overrides\[0\]\.treshold: unknown property/],
      [{ ...shipped, threshold: { ...shipped.threshold!, amount: 'lots' } }, /^overrides\[0\]\.threshold\.amount: expected a positive decimal amount/],
      [{ ...shipped, currency: 'XYZ' }, /^overrides\[0\]\.currency: expected a currency code/],
      [{ ...shipped, effective: '2026-13-01' }, /^overrides\[0\]\.effective: expected a date/],
      [{ ...shipped, source: [] }, /^overrides\[0\]\.source: expected at least one source/],
      [{ ...shipped, above: { ...shipped.above, vatBasis: 'CIF+freight' } }, /^overrides\[0\]\.above\.vatBasis: expected "goods"/],
      [{ ...shipped, duty: { ...shipped.duty!, byHs: { '62xx': 12 } } }, /^overrides\[0\]\.duty\.byHs: expected an HS code prefix/],
      [{ name: 'x' }, /^overrides\[0\]\.currency: required/],
    ];
    for (const [rule, message] of bad) {
      const run = () => estimateLandedCost({ items: [shirt(100_000)], shippingIdr: 0, destination: 'DE', rates: RATES, merchant: { overrides: [rule] }, now: new Date('2026-03-01') });
      expect(run, String(message)).to.throw(DutyRuleError, message);
    }
  });

  it('throws MissingDutyRateError naming the currency the rates cannot reach', () => {
    const { GBP: _gbp, ...rest } = RATES.rates;
    const rates: RateSet = { ...RATES, rates: rest };
    const run = () => estimateLandedCost({ items: [shirt(100_000)], shippingIdr: 0, destination: 'GB', rates, now: new Date('2026-03-01') });
    expect(run).to.throw(MissingDutyRateError, /IDR to GBP in test rates/);
  });

  it('refuses input that is not whole rupiah or a country code', () => {
    const base = { shippingIdr: 0, destination: 'DE', rates: RATES };
    expect(() => estimateLandedCost({ ...base, items: [shirt(1.5)] })).to.throw(RangeError, /items\[0\]\.unitPriceIdr/);
    expect(() => estimateLandedCost({ ...base, items: [shirt(100, 0)] })).to.throw(RangeError, /items\[0\]\.quantity/);
    expect(() => estimateLandedCost({ ...base, items: [], shippingIdr: -1 })).to.throw(RangeError, /shippingIdr/);
    expect(() => estimateLandedCost({ ...base, items: [], destination: 'Germany' })).to.throw(RangeError, /destination/);
  });
});

describe('DUTY_RULES (the shipped data)', () => {
  const on = new Date('2026-11-26');
  const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

  it('covers every destination the checkout lists, with a dated source', () => {
    for (const code of ['US', 'GB', 'AU', 'SG', 'MY', 'JP', 'KR', 'CN', 'SA', 'AE', 'HK', 'TW', 'CA', 'NZ', ...EU]) {
      const rule = dutyRuleFor(code, undefined, on);
      expect(rule, code).to.not.equal(undefined);
      expect(rule!.source.length, code).to.be.greaterThan(0);
      expect(rule!.countries).to.deep.equal([code]);
    }
  });

  it('gives every EU member state its own standard VAT rate', () => {
    const expected: Record<string, number> = { DE: 19, FR: 20, NL: 21, IT: 22, ES: 21, IE: 23, HU: 27, LU: 17, FI: 25.5, EE: 24, RO: 21, SK: 23 };
    for (const code of EU) {
      const percent = dutyRuleFor(code, undefined, on)!.vat?.percent;
      expect(percent, code).to.be.a('number');
      if (code in expected) expect(percent, code).to.equal(expected[code]);
    }
  });

  it('gives every shipped rule a unique id, and every text a key under it', () => {
    const ids = DUTY_RULES.map((rule) => rule.id);
    expect(ids.every((id) => typeof id === 'string')).to.equal(true);
    expect(new Set(ids).size).to.equal(ids.length);
    const keys = DUTY_RULES.flatMap((rule) => dutyRuleTexts(rule).map(([key]) => key));
    expect(new Set(keys).size).to.equal(keys.length);
    expect(keys).to.include.members(['rules.dutyRules.eu.name', 'rules.dutyRules.us.notes.1', 'rules.dutyRules.cn-cbec.above.notAllowed.reason']);
    expect(DUTY_CODES.every((code) => code.startsWith('rules.duties.'))).to.equal(true);
  });

  it('refuses a rule file with two rules of one id', () => {
    const rules = (data as { rules: Record<string, unknown>[] }).rules;
    const twice = { ...data, rules: [rules[0], { ...rules[2], id: rules[0]!['id'] }] };
    expect(() => parseDutyRulesFile(twice, 'test.json')).to.throw(DutyRuleError, /^test\.json: rules\[1\]\.id: "us" is already the id of rules\[0\]/);
  });

  it('is frozen, and a registration variant wins only for a registered merchant', () => {
    expect(Object.isFrozen(DUTY_RULES)).to.equal(true);
    expect(Object.isFrozen(DUTY_RULES[0]!.source)).to.equal(true);
    expect(dutyRuleFor('CN', undefined, on)!.whenRegistered).to.equal(undefined);
    expect(dutyRuleFor('CN', { registrations: ['CN_CBEC'] }, on)!.whenRegistered).to.equal('CN_CBEC');
  });

  it('accepts a ParcelItem wherever a DutyItem is expected', () => {
    const parcel: ParcelItem = { productId: 'kemeja', name: 'Batik shirt', quantity: 1, unitPriceIdr: 1, unitWeightGrams: 250, hsCode: '620520', tags: [] };
    const item: DutyItem = parcel;
    expect(item.hsCode).to.equal('620520');
  });
});

describe('estimateLandedCost: subdivisions, provenance and merchant rules', () => {
  const m = message;
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  const caInput = (subdivision?: string) => ({
    items: [shirt(239_000)],
    shippingIdr: 300_000,
    destination: 'CA',
    ...(subdivision !== undefined && { subdivision }),
    rates: RATES,
    now: at('2026-11-26'),
  });

  it('without a province, Canada says the range (5–15 %) and its amounts instead of guessing', () => {
    const result = estimateLandedCost(caInput());
    expect(result.subdivision).to.equal(undefined);
    // GST 5 % × 279,630 = 13,982; HST 15 % × 279,630 = 41,945 (C$1.17 and C$3.52 at C$1 = Rp 11,913.58).
    expect(result.subdivisionRange).to.deep.equal({ minPercent: 5, maxPercent: 15, highIdr: 41_945 });
    const gst = result.lines[1]!;
    expect(gst.label).to.deep.equal(
      m('rules.duties.line.vatRangeNamed', { label: m('rules.dutyRules.ca.vat.label'), other: m('rules.dutyRules.ca.vat.subdivisions.0.label'), country: 'CA', min: 5, max: 15 }),
    );
    expect(result.explanation).to.deep.include(
      m('rules.duties.subdivision.range', {
        tax: m('rules.duties.charge.named', { label: m('rules.dutyRules.ca.vat.label') }),
        country: { region: 'CA' },
        min: 5,
        max: 15,
        low: { amount: 117, currency: 'CAD' },
        high: { amount: 352, currency: 'CAD' },
      }),
    );
  });

  it('with a province, Canada labels HST and names the rule part and source of each line', () => {
    const on = estimateLandedCost(caInput(' ca-on '));
    expect(on.subdivision).to.equal('CA-ON');
    expect(on.subdivisionRange).to.equal(undefined);
    const hst = on.lines[1]!;
    expect(hst.label).to.deep.equal(m('rules.duties.line.vat', { label: m('rules.dutyRules.ca.vat.subdivisions.0.label'), country: 'CA', percent: 13 }));
    expect(hst.from.ruleId).to.equal('ca');
    expect(hst.from.field).to.equal('vat.subdivisions.0');
    expect(hst.from.override).to.equal(false);
    expect(hst.from.source[0]!.name).to.match(/Canada Revenue Agency/);
    const ab = estimateLandedCost(caInput('CA-AB'));
    expect(ab.lines[1]!.label).to.deep.equal(m('rules.duties.line.vat', { label: m('rules.dutyRules.ca.vat.label'), country: 'CA', percent: 5 }));
    expect(ab.lines[1]!.from.field).to.equal('vat');
    expect(ab.lines[0]!.from.field).to.equal('duty');
    // "Charged on import …: duty and HST" names the tax the province pays, not the country's GST.
    const charged = (r: typeof on) => JSON.stringify(r.explanation.find((x) => x.code === 'rules.duties.charged')!.params);
    expect(charged(on)).to.contain('rules.dutyRules.ca.vat.subdivisions.0.label').and.not.contain('rules.dutyRules.ca.vat.label');
    expect(charged(ab)).to.contain('rules.dutyRules.ca.vat.label');
  });

  it('refuses a subdivision that is not ISO 3166-2 of the destination', () => {
    expect(() => estimateLandedCost(caInput('ON'))).to.throw(RangeError, /subdivision: expected an ISO 3166-2 code of CA/);
    expect(() => estimateLandedCost(caInput('US-CA'))).to.throw(RangeError, /subdivision/);
    // A country whose taxes do not depend on it simply ignores a valid one.
    const de = estimateLandedCost({ ...caInput('DE-BY'), destination: 'DE' });
    expect(de.subdivision).to.equal('DE-BY');
    expect(de.subdivisionRange).to.equal(undefined);
  });

  it('traces the EU flat duty to Regulation 2026/382 and the VAT base to art. 86', () => {
    const result = estimateLandedCost({ items: [shirt(2_000_000), scarf(500_000)], shippingIdr: 300_000, destination: 'DE', rates: RATES, now: at('2026-07-01') });
    const [flat, vat] = result.lines;
    expect(flat!.from.field).to.equal('below.flatDuty');
    expect(flat!.from.source[0]!.name).to.match(/2026\/382/);
    expect(vat!.from.field).to.equal('vat');
    expect(vat!.from.source[0]!.name).to.match(/art\. 86/);
    expect(vat!.basis).to.deep.equal(m('rules.duties.basis.cifDuty'));
  });

  it('China CBEC: a single item over RMB 5,000 says it goes through with everything in full', () => {
    const result = estimateLandedCost({ items: [scarf(11_500_000)], shippingIdr: 300_000, destination: 'CN', rates: RATES, merchant: { registrations: ['CN_CBEC'] }, now: at('2026-11-26') });
    expect(result.explanation).to.deep.include(m('rules.dutyRules.cn-cbec.above.notAllowed.singleItemNote'));
    expect(result.lines[1]!.from.field).to.equal('vat');
    const several = estimateLandedCost({ items: [scarf(6_000_000), coffee(5_500_000)], shippingIdr: 300_000, destination: 'CN', rates: RATES, merchant: { registrations: ['CN_CBEC'] }, now: at('2026-11-26') });
    expect(several.explanation.at(-1)).to.deep.equal(m('rules.dutyRules.cn-cbec.above.notAllowed.reason'));
  });

  it('a merchant updates one field of a shipped rule from a date ("extends"), marked as theirs', () => {
    const merchant: MerchantTaxSettings = { overrides: [{ extends: 'eu', effective: '2027-01-01', below: { flatDuty: { perSubheading: '4' } } }] };
    const quote = (day: string) => estimateLandedCost({ items: [shirt(2_894_000)], shippingIdr: 300_000, destination: 'DE', rates: RATES, merchant, now: at(day) });
    // The day before: the shipped €3 (57,900).
    const before = quote('2026-12-31');
    expect(before.lines[0]!.amountIdr).to.equal(57_900);
    expect(before.rule.override).to.equal(undefined);
    // From the date: €4 = 77,200; VAT (3,194,000 + 77,200) × 19 % = 621,528.
    const after = quote('2027-01-01');
    expect(after.lines.map((l) => [l.kind, l.amountIdr])).to.deep.equal([['flat-duty', 77_200], ['vat', 621_528]]);
    expect(after.rule.override).to.equal(true);
    expect(after.lines[0]!.from).to.deep.include({ ruleId: 'eu', override: true, field: 'below.flatDuty' });
    // A source the merchant gives replaces the shipped one whole (no URL left over from it).
    const sourced = estimateLandedCost({
      items: [shirt(2_894_000)],
      shippingIdr: 300_000,
      destination: 'DE',
      rates: RATES,
      merchant: { overrides: [{ extends: 'eu', vat: { source: { name: 'Our adviser', date: '2026-12-01' } } }] },
      now: at('2026-12-01'),
    });
    expect(sourced.lines.find((l) => l.kind === 'vat')!.from.source).to.deep.equal([{ name: 'Our adviser', date: '2026-12-01' }]);
    // Texts the merchant did not touch keep their translations.
    expect(after.lines[1]!.label).to.deep.equal(m('rules.duties.line.vat', { label: m('rules.dutyRules.eu.vat.label'), country: 'DE', percent: 19 }));
  });

  it('a merchant adds Japan\'s 2028 reform as their own dated rule (not shipped: no primary source yet)', () => {
    const merchant: MerchantTaxSettings = {
      overrides: [{ extends: 'jp', id: 'jp-2028-merchant', effective: '2028-04-01', valuationPercent: 100, below: { duty: true, vatBasis: 'CIF+duty' }, notes: [] }],
    };
    const quote = (day: string) => estimateLandedCost({ items: [shirt(800_000)], shippingIdr: 200_000, destination: 'JP', rates: RATES, merchant, now: at(day) });
    expect(quote('2028-03-31').regime).to.equal('nothing-due');
    // 800,000 + 200,000 = 1,000,000 under ¥10,000: duty 7.4 % = 74,000; consumption tax 10 % × 1,074,000 = 107,400.
    const after = quote('2028-04-01');
    expect(after.lines.map((l) => [l.kind, l.amountIdr])).to.deep.equal([['duty', 74_000], ['consumption-tax', 107_400]]);
    expect(after.rule.id).to.equal('jp-2028-merchant');
  });

  it('puts a fee marked inVatBase into the VAT base (Saudi customs fees)', () => {
    const merchant: MerchantTaxSettings = { overrides: [{ extends: 'sa', above: { fees: [{ label: 'Customs declaration fee', amount: '10', inVatBase: true }] } }] };
    const result = estimateLandedCost({ items: [shirt(4_000_000)], shippingIdr: 437_000, destination: 'SA', rates: RATES, merchant, now: at('2026-11-26') });
    // Duty 5 % × 4,437,000 = 221,850; SAR 10 = 44,368; VAT 15 % × (4,437,000 + 221,850 + 44,368 = 4,703,218) = 705,483.
    expect(result.lines.map((l) => [l.kind, l.basisIdr, l.amountIdr])).to.deep.equal([
      ['duty', 4_437_000, 221_850],
      ['vat', 4_703_218, 705_483],
      ['processing-fee', 4_000_000, 44_368],
    ]);
    expect(result.lines[1]!.basis).to.deep.equal(m('rules.duties.basis.withFees', { basis: m('rules.duties.basis.cifDuty') }));
    expect(result.lines[2]!.label).to.deep.equal(m('rules.duties.line.fee', { label: verbatim('Customs declaration fee'), amount: { amount: 1000, currency: 'SAR' } }));
  });

  it('names a bad "extends" and a bad field of an extended rule', () => {
    expect(() => dutyRuleFor('DE', { overrides: [{ extends: 'xx' }] })).to.throw(DutyRuleError, /^overrides\[0\]\.extends: expected the id of a shipped rule/);
    expect(() => dutyRuleFor('DE', { overrides: [{ extends: 'eu', vat: { percent: 120 } }] })).to.throw(DutyRuleError, /^overrides\[0\]\.vat\.percent: expected a percentage/);
    expect(() => dutyRuleFor('CA', { overrides: [{ extends: 'ca', vat: { subdivisions: [{ codes: ['US-NY'], percent: 8 }] } }] })).to.throw(
      DutyRuleError,
      /^overrides\[0\]\.vat\.subdivisions\[0\]\.codes\[0\]: is not a subdivision of the rule's countries/,
    );
  });
});
