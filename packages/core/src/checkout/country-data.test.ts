import { expect } from '@open-wc/testing';
// This page is the script tag's situation: data/all.ts is NOT imported, so no country is
// registered until the loader brings it. The files are the build's own (the same slicer).
import metadata from 'libphonenumber-js/metadata.min.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import { countryDataFile } from '../../../embed/build/country-data-file.mjs';
import addressFormats from './data/address-formats.json';
import duties from './data/duties.json';
import restrictions from './data/restrictions.json';
import { hasCountryData, hasCountryRules, loadCountryData, loadCountryRules, registerCountryData, setCountryDataLoader } from './country-data.js';
import { DUTY_RULES, dutyRuleFor } from './duties.js';
import { checkRestrictions, DEFAULT_RESTRICTIONS } from './restrictions.js';
import { parseCheckoutConfig } from './config.js';
import type { ParcelItem } from './items.js';
import { addressFormat, ADDRESS_FORMAT_COUNTRIES } from './address.js';
import { checkPhone, examplePhone } from './phone.js';
import { createStorefront, memoryStorage, staticRates } from '../index.js';
import { createCheckout } from './flow.js';
import catalog from '../../../../examples/plain-html/catalog.json';
import checkoutConfig from '../../../../examples/plain-html/checkout.json';

const sources = { addressFormats, metadata, examples, duties, restrictions } as unknown as Parameters<typeof countryDataFile>[1];
const calls: string[] = [];
let failNext = 0;
let delay: Promise<void> | undefined;
setCountryDataLoader(async (country) => {
  calls.push(country);
  if (delay) await delay;
  if (failNext > 0) {
    failNext--;
    throw new Error('network down');
  }
  return JSON.parse(JSON.stringify(countryDataFile(country === 'XX' ? 'FR' : country, sources)));
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('country data (the script tag: one destination at a time)', () => {
  it('lists the same countries with an address format as data/address-formats.json', () => {
    expect([...ADDRESS_FORMAT_COUNTRIES].sort()).to.deep.equal(Object.keys(addressFormats).filter((k) => /^[A-Z]{2}$/.test(k) && k !== 'ZZ').sort());
  });

  it('checks a Japanese number and uses the Japanese format only once JP is loaded', async () => {
    expect(hasCountryData('JP')).to.equal(false);
    expect(checkPhone('090-1234-5678', 'JP')).to.deep.equal({ valid: false, issue: 'invalid' });
    expect(addressFormat('JP').fields.find((f) => f.name === 'region')?.options).to.equal(undefined);
    await loadCountryData('jp');
    expect(hasCountryData('JP')).to.equal(true);
    expect(checkPhone('090-1234-5678', 'JP')).to.deep.equal({ valid: true, e164: '+819012345678', international: '+81 90 1234 5678' });
    expect(examplePhone('JP')).to.match(/^\+81 /);
    expect(addressFormat('JP').fields.find((f) => f.name === 'region')?.options?.length).to.be.greaterThan(40);
    expect(addressFormat('JP').postalCodeExample).to.be.a('string');
  });

  it('takes a number of a country not loaded as another country’s, and refuses a calling code that does not exist', async () => {
    await loadCountryData('JP');
    expect(checkPhone('+1 212 555 0123', 'JP')).to.deep.equal({ valid: true, e164: '+12125550123', international: '+1 2125550123', issue: 'wrong-country' });
    expect(checkPhone('0049 30 901820', 'SG')).to.include({ valid: true, e164: '+4930901820', issue: 'wrong-country' });
    expect(checkPhone('+999 1234567', 'JP')).to.deep.equal({ valid: false, issue: 'invalid' });
    expect(checkPhone('+1 555', 'JP')).to.deep.equal({ valid: false, issue: 'invalid' });
  });

  it('loads Canada with the main country of +1 (its number formats are the US’s)', async () => {
    await loadCountryData('CA');
    expect(checkPhone('(613) 234-5678', 'CA')).to.deep.equal({ valid: true, e164: '+16132345678', international: '+1 613 234 5678' });
    // JP stays registered beside it.
    expect(checkPhone('+81 90 1234 5678', 'CA')).to.include({ valid: true, issue: 'wrong-country', international: '+81 90 1234 5678' });
  });

  it('fetches a country once for concurrent asks, and again after a failure', async () => {
    calls.length = 0;
    failNext = 1;
    const [a, b] = [loadCountryData('DE'), loadCountryData('DE')];
    const settled = await Promise.allSettled([a, b]);
    expect(settled.map((s) => s.status)).to.deep.equal(['rejected', 'rejected']);
    expect(calls).to.deep.equal(['DE']);
    await loadCountryData('DE');
    expect(calls).to.deep.equal(['DE', 'DE']);
    await loadCountryData('DE');
    expect(calls).to.deep.equal(['DE', 'DE']);
    expect(checkPhone('030 901820', 'DE')).to.include({ valid: true, international: '+49 30 901820' });
  });

  it('refuses a file for another country, or one that is not country data', async () => {
    let error: unknown;
    await loadCountryData('XX').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('expected the file of XX, got "FR"');
    expect(() => registerCountryData({ country: 'NL', phone: { metadata: 'no' } })).to.throw(/phone.metadata/);
    expect(() => registerCountryData('<html>')).to.throw(/two-letter "country"/);
  });
});

describe('duty and restriction rules per country (the script tag)', () => {
  const kratom: ParcelItem[] = [{ productId: 'k', name: 'Kratom leaf', quantity: 1, unitPriceIdr: 50_000, unitWeightGrams: 100, tags: ['kratom'] }];

  it('has a country’s rules once its file is loaded, fetched once for the checkout too', async () => {
    expect(hasCountryRules('AU')).to.equal(false);
    expect(dutyRuleFor('AU')).to.equal(undefined);
    expect(DEFAULT_RESTRICTIONS.some((r) => r.id === 'kratom-au')).to.equal(false);
    calls.length = 0;
    await loadCountryRules('au');
    expect(hasCountryRules('AU')).to.equal(true);
    expect(dutyRuleFor('AU')?.id).to.equal('au');
    expect(checkRestrictions(kratom, 'AU').map((h) => h.ruleId)).to.deep.equal(['id-export-kratom', 'kratom-au']);
    // The address and phone rules come from the same file: not fetched again.
    expect(hasCountryData('AU')).to.equal(false);
    await loadCountryData('AU');
    expect(calls).to.deep.equal(['AU']);
    expect(hasCountryData('AU')).to.equal(true);
    // Malaysia's import rule is not in Australia's file.
    expect(checkRestrictions(kratom, 'MY').map((h) => h.ruleId)).to.deep.equal(['id-export-kratom']);
  });

  it('gives every EU country the Union’s rule (€3 flat duty, IOSS) with its own VAT rate', async () => {
    await loadCountryRules('NL');
    expect(dutyRuleFor('NL')).to.include({ id: 'eu' });
    expect(dutyRuleFor('NL')?.vat?.percent).to.equal(21);
    expect(dutyRuleFor('NL')?.below?.flatDuty).to.not.equal(undefined);
    await loadCountryRules('IT');
    // One rule, registered once, however many EU countries are loaded.
    expect(DUTY_RULES.filter((r) => r.id === 'eu')).to.have.length(1);
    expect(dutyRuleFor('IT')?.vat?.percent).to.equal(22);
  });

  it('reads a merchant’s override of a rule not loaded yet once its country’s file is there', async () => {
    const config = parseCheckoutConfig({ ...checkoutConfig, taxes: { overrides: [{ extends: 'nz', vat: { percent: 20 } }] } });
    expect(dutyRuleFor('NZ', config.taxes)).to.equal(undefined);
    await loadCountryRules('NZ');
    expect(dutyRuleFor('NZ', config.taxes)?.vat?.percent).to.equal(20);
  });

  it('refuses a file whose rules are not valid rule data', () => {
    expect(() => registerCountryData({ country: 'NO', duties: { version: 1, updated: '2026-12-07', rules: [{ id: 'no' }] } })).to.throw(/duties/);
    expect(hasCountryRules('NO')).to.equal(false);
  });
});

describe('createCheckout with country data to fetch', () => {
  it('is loading until the draft’s country arrives, will not leave the address step meanwhile, and retries after a failure', async () => {
    const sf = createStorefront({
      id: 'country-data',
      catalog,
      rates: staticRates({ base: 'EUR', date: new Date().toISOString().slice(0, 10), rates: { IDR: '19300', USD: '1.16', GBP: '0.87' } }),
      defaultCurrency: 'USD',
      currencies: ['IDR', 'USD'],
      storage: memoryStorage(),
      checkout: checkoutConfig,
    });
    await Promise.all([sf.loadCatalog(), sf.loadRates()]);
    sf.cart.add('cengkeh-ternate', undefined, 1);
    let release!: () => void;
    delay = new Promise((r) => (release = r));
    const errors: string[] = [];
    const flow = createCheckout(sf, { preferredRegions: ['GB'], logger: { error: (m: string) => errors.push(m), warn: (m: string) => errors.push(m) } });
    for (let i = 0; i < 50 && flow.$config.get().status === 'loading'; i++) await tick();
    expect(flow.$draft.get().address.country).to.equal('GB');
    expect(flow.$countryData.get()).to.deep.equal({ status: 'loading', country: 'GB' });
    flow.update({ step: 'address', address: { name: 'Ann', addressLine1: '1 High St', city: 'London', postalCode: 'SW1A 1AA' }, contact: { phone: '020 7946 0958' } });
    expect(flow.next()).to.equal(false);
    expect(flow.$draft.get().step).to.equal('address');
    // No duty rule for GB yet: the quote has none either, until the file arrives.
    expect(flow.$quote.get()?.landedCost?.rule.id).to.equal(undefined);

    failNext = 1;
    release();
    delay = undefined;
    for (let i = 0; i < 20 && flow.$countryData.get().status === 'loading'; i++) await tick();
    expect(flow.$countryData.get()).to.deep.equal({ status: 'error', country: 'GB' });
    expect(errors.join('\n')).to.contain('the checkout data for GB could not be loaded: network down');
    // Nothing the buyer typed is lost.
    expect(flow.$draft.get().address).to.include({ addressLine1: '1 High St', city: 'London' });

    flow.retryCountryData();
    for (let i = 0; i < 20 && flow.$countryData.get().status !== 'ready'; i++) await tick();
    expect(flow.$countryData.get()).to.deep.equal({ status: 'ready', country: 'GB' });
    // Quoted again with the rules that came with it.
    expect(flow.$quote.get()?.landedCost?.rule.id).to.equal('gb');
    expect(flow.next()).to.equal(true);
    expect(flow.$draft.get().contact.phone).to.equal('+44 20 7946 0958');

    // A country already loaded is ready at once.
    flow.update({ step: 'address', address: { country: 'JP' } });
    expect(flow.$countryData.get()).to.deep.equal({ status: 'ready', country: 'JP' });
    flow.destroy();
  });
});
