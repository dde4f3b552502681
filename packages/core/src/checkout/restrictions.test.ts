import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import demoCatalog from '../../../../examples/plain-html/catalog.json';
import { parseCatalog } from '../catalog/index.js';
import type { ParcelItem } from './items.js';
import { itemsFromCart } from './items.js';
import { message, verbatim } from '../util/message.js';
import {
  checkRestrictions,
  DEFAULT_RESTRICTIONS,
  parseRestrictionRules,
  RestrictionConfigError,
  type RestrictionRule,
} from './restrictions.js';

function item(productId: string, extra: Partial<ParcelItem> = {}): ParcelItem {
  return { productId, name: productId, quantity: 1, unitPriceIdr: 100000, unitWeightGrams: 500, tags: [], ...extra };
}

const ruleIds = (items: ParcelItem[], destination: string, options = {}) =>
  checkRestrictions(items, destination, options).map((hit) => hit.ruleId);

describe('DEFAULT_RESTRICTIONS', () => {
  it('loads a modest, sourced and dated rule set', () => {
    expect(DEFAULT_RESTRICTIONS.length).to.be.within(15, 30);
    for (const rule of DEFAULT_RESTRICTIONS) {
      expect(rule.source.name, rule.id).to.not.equal('');
      expect(rule.source.date, rule.id).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.reason, rule.id).to.not.equal('');
    }
    expect(Object.isFrozen(DEFAULT_RESTRICTIONS[0]!.match)).to.equal(true);
  });

  it('is described rule by rule in docs/shipping-and-restrictions.md', async () => {
    const response = await fetch(new URL('../../../../docs/shipping-and-restrictions.md', import.meta.url));
    const docs = await response.text();
    for (const rule of DEFAULT_RESTRICTIONS) expect(docs, rule.id).to.contain(`| \`${rule.id}\` | ${rule.level} |`);
  });

  it('stores HS prefixes as digits', () => {
    const rattan = DEFAULT_RESTRICTIONS.find((rule) => rule.id === 'id-export-raw-rattan');
    expect(rattan?.match.hsPrefixes).to.deep.equal(['140120']);
  });
});

describe('checkRestrictions with the default rules', () => {
  // [what, item, destination, rule ids expected]
  const cases: [string, ParcelItem, string, string[]][] = [
    // Indonesian export bans
    ['raw rattan (1401.20) is blocked', item('rotan', { hsCode: '14012000' }), 'DE', ['id-export-raw-rattan']],
    ['a finished rattan bag (4602.12) passes', item('tas', { hsCode: '460212', tags: ['rattan', 'handmade'] }), 'DE', []],
    ['logs (4403) are blocked', item('log', { hsCode: '440349' }), 'JP', ['id-export-logs']],
    ['rough-sawn timber (4407) needs documents', item('papan', { hsCode: '440729' }), 'JP', ['id-export-rough-sawn-wood']],
    ['a carved wooden mask (4420.11) passes', item('topeng', { hsCode: '442011' }), 'JP', []],
    ['nickel ore (chapter 26) is blocked', item('ore', { hsCode: '260400' }), 'CN', ['id-export-ores']],
    ['an antique is blocked', item('keris-kuno', { tags: ['Antique'] }), 'NL', ['id-export-cultural-heritage']],
    ['kratom leaves need an export licence', item('kratom', { tags: ['kratom'] }), 'DE', ['id-export-kratom']],
    // CITES
    ['agarwood (tag gaharu) needs a CITES permit', item('gaharu', { hsCode: '121190', tags: ['gaharu'] }), 'SA', ['cites-agarwood']],
    ['another 1211.90 herb without the tag passes', item('temulawak', { hsCode: '121190', tags: ['jamu'] }), 'SA', []],
    ['python skin (4103.20) needs a CITES permit', item('kulit', { hsCode: '410320' }), 'IT', ['cites-reptile-skins']],
    ['a python-skin bag is caught by its tag', item('tas-kulit-ular', { hsCode: '420221', tags: ['Python Skin'] }), 'IT', ['cites-reptile-skins']],
    ['coral (0508) needs a CITES permit', item('karang', { hsCode: '050800' }), 'US', ['cites-corals-shells']],
    ['ivory (0507.10) is prohibited', item('gading', { hsCode: '050710' }), 'US', ['cites-ivory']],
    ['tortoiseshell is prohibited', item('sisir', { tags: ['sisik_penyu'] }), 'JP', ['cites-sea-turtle']],
    // Kratom by destination
    ['kratom to Malaysia is prohibited', item('kratom', { tags: ['kratom'] }), 'MY', ['id-export-kratom', 'kratom-my']],
    ['kratom to Singapore is prohibited', item('kratom', { tags: ['ketum'] }), 'SG', ['id-export-kratom', 'kratom-sg']],
    ['kratom to Australia is prohibited', item('kratom', { tags: ['kratom'] }), 'AU', ['id-export-kratom', 'kratom-au']],
    ['kratom to Hong Kong is prohibited', item('kratom', { tags: ['kratom'] }), 'HK', ['id-export-kratom', 'kratom-hk']],
    ['kratom to Thailand meets only the export rule', item('kratom', { tags: ['kratom'] }), 'TH', ['id-export-kratom']],
    ['kratom to the US meets only the export rule', item('kratom', { tags: ['kratom'] }), 'US', ['id-export-kratom']],
    // AU / NZ biosecurity
    ['beef rendang (1602) to Australia is prohibited', item('rendang', { hsCode: '160250' }), 'AU', ['bio-au-nz-meat']],
    ['beef rendang to Singapore passes', item('rendang', { hsCode: '160250' }), 'SG', []],
    ['honey (0409) to New Zealand needs a permit', item('madu', { hsCode: '040900' }), 'NZ', ['bio-au-nz-dairy-eggs-honey']],
    ['fresh mangosteen (0810.90) to Australia is prohibited', item('manggis', { hsCode: '081090' }), 'AU', ['bio-au-nz-fresh-produce']],
    ['fresh mangosteen to Japan passes these rules', item('manggis', { hsCode: '081090' }), 'JP', []],
    ['seeds for sowing (1209) to NZ need a permit', item('benih', { hsCode: '120991' }), 'NZ', ['bio-au-nz-seeds-plants']],
    ['an orchid plant (0602) to AU needs a permit', item('anggrek', { hsCode: '060290' }), 'AU', ['bio-au-nz-seeds-plants']],
    ['soil to Australia is prohibited', item('tanah', { tags: ['soil'] }), 'AU', ['bio-au-nz-soil']],
    ['green coffee beans to Australia need to meet BICON', item('green', { hsCode: '090111' }), 'AU', ['bio-au-raw-nuts-grains-green-coffee']],
    ['roasted coffee (0901.21) to Australia passes', item('kopi', { hsCode: '090121' }), 'AU', []],
    ['dried cloves (0907.10) to Australia pass', item('cengkeh', { hsCode: '090710' }), 'AU', []],
    ['dried ginger (0910.11) to New Zealand passes', item('jahe', { hsCode: '091011' }), 'NZ', []],
    // Dangerous goods in the post
    ['perfume (3303) is refused by the post', item('parfum', { hsCode: '330300' }), 'SG', ['dg-post-flammable-perfume']],
    ['a power bank is refused by the post', item('pb', { hsCode: '850760', tags: ['power-bank'] }), 'SG', ['dg-post-lithium-batteries']],
    ['matches are refused', item('korek', { hsCode: '360500' }), 'SG', ['dg-post-matches-lighters']],
    ['a lighter is refused', item('lighter', { hsCode: '961310' }), 'SG', ['dg-post-matches-lighters']],
    ['a batik cloth passes everywhere', item('batik', { hsCode: '520852', tags: ['batik-tulis'] }), 'AU', []],
  ];
  for (const [what, parcelItem, destination, expected] of cases) {
    it(`${what} (${destination})`, () => expect(ruleIds([parcelItem], destination)).to.deep.equal(expected));
  }

  it('applies no export rule to a destination inside Indonesia', () => {
    expect(ruleIds([item('rotan', { hsCode: '140120' })], 'ID')).to.deep.equal([]);
  });

  it('reports each hit with the item, the rule and its source', () => {
    const hits = checkRestrictions(
      [item('kratom-powder', { variantId: '100g', name: 'Kratom powder', tags: ['kratom'] })],
      'my',
    );
    const malaysia = hits.find((hit) => hit.ruleId === 'kratom-my');
    expect(malaysia).to.deep.include({
      productId: 'kratom-powder',
      variantId: '100g',
      name: 'Kratom powder',
      level: 'prohibited',
    });
    // The shipped reason travels as its i18n key; the English stays in the rule for the merchant.
    expect(malaysia?.reason).to.deep.equal(message('rules.restrictions.kratom-my'));
    expect(DEFAULT_RESTRICTIONS.find((r) => r.id === 'kratom-my')?.reason).to.contain('Malaysia');
    expect(malaysia?.source.date).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lets the whole demo catalog through to its main markets, except the honey into AU/NZ', () => {
    const { catalog } = parseCatalog(demoCatalog);
    const lines = catalog.products.map((product) =>
      product.variants.length > 0
        ? { productId: product.id, variantId: product.variants[0]!.id, quantity: 1 }
        : { productId: product.id, quantity: 1 },
    );
    const { items, missing } = itemsFromCart(catalog, lines);
    expect(missing).to.deep.equal([]);
    // The demo's forest honey is its deliberate blocked case: honey needs a permit in AU and NZ.
    const expected = (country: string) => (['AU', 'NZ'].includes(country) ? [['madu-hutan-sumbawa', 'bio-au-nz-dairy-eggs-honey']] : []);
    for (const country of ['US', 'CN', 'JP', 'SG', 'MY', 'AU', 'NZ', 'NL', 'SA', 'KR']) {
      expect(checkRestrictions(items, country).map((h) => [h.productId, h.ruleId]), country).to.deep.equal(expected(country));
    }
  });
});

describe('checkRestrictions options', () => {
  const kratom = item('kratom', { tags: ['kratom'] });
  const rattan = item('rotan', { hsCode: '140120' });

  it('skips a restricted rule the merchant holds a permit for', () => {
    expect(ruleIds([kratom], 'DE', { allow: ['id-export-kratom'] })).to.deep.equal([]);
    expect(ruleIds([item('gaharu', { tags: ['agarwood'] })], 'SA', { allow: ['cites-agarwood'] })).to.deep.equal([]);
  });

  it('still applies prohibited rules when a restricted one is allowed', () => {
    expect(ruleIds([kratom], 'MY', { allow: ['id-export-kratom'] })).to.deep.equal(['kratom-my']);
  });

  it('throws, naming the rule, when a prohibited rule is allowed', () => {
    expect(() => checkRestrictions([], 'DE', { allow: ['cites-agarwood', 'cites-ivory'] }))
      .to.throw(RestrictionConfigError, /allow\[1\]: "cites-ivory" is a prohibited rule/);
  });

  it('ignores an allowed id that matches no rule (the goods stay blocked)', () => {
    expect(ruleIds([rattan], 'DE', { allow: ['no-such-rule'] })).to.deep.equal(['id-export-raw-rattan']);
  });

  const houseRule: RestrictionRule = {
    id: 'house-no-jamu-to-kr',
    level: 'restricted',
    scope: 'import',
    destinations: ['KR'],
    match: { categories: ['jamu-teh'] },
    reason: 'Herbal remedies need a Korean import declaration',
    source: { name: 'Merchant policy', date: '2026-11-01' },
  };

  it('adds extra rules, matched by category, with their reason as the merchant wrote it', () => {
    const jamu = item('jamu', { category: 'Jamu-Teh' });
    expect(ruleIds([jamu], 'KR', { extraRules: [houseRule] })).to.deep.equal(['house-no-jamu-to-kr']);
    expect(checkRestrictions([jamu], 'KR', { extraRules: [houseRule] })[0]?.reason).to.deep.equal(verbatim('Herbal remedies need a Korean import declaration'));
    expect(ruleIds([jamu], 'JP', { extraRules: [houseRule] })).to.deep.equal([]);
  });

  it('lets an extra rule with the same id replace a default one', () => {
    const courierPerfume: RestrictionRule = { ...DEFAULT_RESTRICTIONS.find((r) => r.id === 'dg-post-flammable-perfume')!, level: 'restricted' };
    const perfume = item('parfum', { hsCode: '330300' });
    expect(ruleIds([perfume], 'SG', { extraRules: [courierPerfume] })).to.deep.equal(['dg-post-flammable-perfume']);
    expect(ruleIds([perfume], 'SG', { extraRules: [courierPerfume], allow: ['dg-post-flammable-perfume'] })).to.deep.equal([]);
    // It kept the shipped reason, so the buyer reads the shipped words; a new reason is the merchant's.
    expect(checkRestrictions([perfume], 'SG', { extraRules: [courierPerfume] })[0]?.reason).to.deep.equal(message('rules.restrictions.dg-post-flammable-perfume'));
    const reworded = { ...courierPerfume, reason: 'Perfume goes by courier only.' };
    expect(checkRestrictions([perfume], 'SG', { extraRules: [reworded] })[0]?.reason).to.deep.equal(verbatim('Perfume goes by courier only.'));
  });

  it('replaces the default rules entirely with `rules`', () => {
    expect(ruleIds([rattan, kratom], 'KR', { rules: [houseRule] })).to.deep.equal([]);
  });
});

describe('parseRestrictionRules', () => {
  const valid = () => ({
    rules: [
      {
        id: 'r1',
        level: 'prohibited',
        scope: 'import',
        destinations: ['au'],
        match: { hsPrefixes: ['0901.11'] },
        reason: 'Green coffee',
        source: { name: 'BICON', url: 'https://bicon.agriculture.gov.au/', date: '2026-11-26' },
      },
    ],
  });

  it('accepts a wrapped list or a bare array, normalising codes', () => {
    const [rule] = parseRestrictionRules(valid());
    expect(rule?.destinations).to.deep.equal(['AU']);
    expect(rule?.match.hsPrefixes).to.deep.equal(['090111']);
    expect(parseRestrictionRules(valid().rules)).to.have.length(1);
  });

  type Breakage = [string, (rule: Record<string, unknown>) => void, string];
  const breakages: Breakage[] = [
    ['an unknown level', (r) => void (r['level'] = 'banned'), 'rules[0].level: expected "prohibited" or "restricted"'],
    ['an empty match', (r) => void (r['match'] = {}), 'rules[0].match: expected at least one of hsPrefixes, categories or tags'],
    ['a short HS prefix', (r) => void (r['match'] = { hsPrefixes: ['9'] }), 'rules[0].match.hsPrefixes[0]: expected the first 2 to 10 digits of an HS code, such as "1401.20" or "26"'],
    ['a date that does not exist', (r) => void ((r['source'] as Record<string, unknown>)['date'] = '2026-02-30'), 'rules[0].source.date: expected a date such as "2024-08-29"'],
    ['a missing source', (r) => void delete r['source'], 'rules[0].source: required'],
    ['a country name', (r) => void (r['destinations'] = ['Australia']), 'rules[0].destinations[0]: expected a two-letter country code such as "AU"'],
    ['destinations that are neither "*" nor a list', (r) => void (r['destinations'] = 'all'), 'rules[0].destinations: expected "*" or a list of two-letter country codes such as ["AU", "NZ"]'],
  ];
  for (const [what, breakIt, expected] of breakages) {
    it(`names the field for ${what}`, () => {
      const data = valid();
      breakIt(data.rules[0] as unknown as Record<string, unknown>);
      expect(() => parseRestrictionRules(data))
        .to.throw(RestrictionConfigError)
        .with.property('issues')
        .that.satisfies((issues: { path: string; message: string }[]) =>
          issues.some((issue) => `${issue.path}: ${issue.message}` === expected),
        );
    });
  }

  it('refuses two rules with one id', () => {
    const data = valid();
    data.rules.push(structuredClone(data.rules[0]!));
    expect(() => parseRestrictionRules(data)).to.throw(RestrictionConfigError, 'rules[1].id: duplicate rule id "r1"');
  });
});
