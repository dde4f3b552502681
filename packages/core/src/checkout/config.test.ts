import { expect } from '@open-wc/testing';
// Every country's data registered, as in Node and for ESM users (the script tag loads one at a time).
import './data/all.js';
import demoCheckout from '../../../../examples/plain-html/checkout.json';
import { CheckoutConfigError, destinationCountries, parseCheckoutConfig, type CheckoutConfig } from './config.js';

type Json = Record<string, unknown>;
const demo = demoCheckout as unknown as Json;
const demoShipping = demoCheckout.shipping;

/** The demo configuration with `change` applied to a deep copy. */
function withChange(change: (data: Json & { shipping: typeof demoShipping }) => void): Json {
  const data = structuredClone(demoCheckout) as unknown as Json & { shipping: typeof demoShipping };
  change(data);
  return data;
}

function issuesOf(data: unknown): string[] {
  try {
    parseCheckoutConfig(data);
  } catch (error) {
    expect(error).to.be.instanceOf(CheckoutConfigError);
    return (error as CheckoutConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected the configuration to be refused');
}

const rule = (destinations: unknown) => ({
  id: 'no-perfume-to-x',
  level: 'prohibited',
  scope: 'import',
  destinations,
  match: { tags: ['perfume'] },
  reason: 'Perfume is not accepted by the carrier to these destinations.',
  source: { name: 'Carrier terms', date: '2026-01-01' },
});

describe('parseCheckoutConfig', () => {
  it('reads the demo shop, its payment details included', () => {
    const config = parseCheckoutConfig(demo);
    expect(config.problems).to.deep.equal([]);
    expect(config.payment?.bank).to.include({ accountName: 'Rumah Nusantara' });
    expect(config.payment?.bank?.accountNumber).to.match(/^\d+$/);
    expect(destinationCountries(config)).to.include.members(['SG', 'DE', 'GB', 'US']);
  });

  describe('country codes', () => {
    const cases: [string, (data: Json & { shipping: typeof demoShipping }) => void, string][] = [
      [
        'UK in a shipping zone',
        (d) => void (d.shipping.services[0]!.zones[4]!.countries[9] = 'UK'),
        'shipping.services[0].zones[4].countries[9]: "UK" is not an ISO 3166-1 country code; did you mean "GB" (United Kingdom)?',
      ],
      [
        'EL in the destinations',
        (d) => void (d['countries'] = ['DE', 'EL']),
        'countries[1]: "EL" is not an ISO 3166-1 country code; did you mean "GR" (Greece)?',
      ],
      [
        'a made-up code in the destinations',
        (d) => void (d['countries'] = ['QQ']),
        'countries[0]: "QQ" is not an ISO 3166-1 country code (expected two letters such as "SG")',
      ],
      [
        'UK in an extra restriction rule',
        (d) => void (d['restrictions'] = { extraRules: [rule(['SG', 'uk'])] }),
        'restrictions.extraRules[0].destinations[1]: "UK" is not an ISO 3166-1 country code; did you mean "GB" (United Kingdom)?',
      ],
    ];
    for (const [what, change, expected] of cases) {
      it(`refuses ${what}, naming the place and the likely code`, () => {
        expect(issuesOf(withChange(change))).to.include(expected);
      });
    }

    it('lists every bad code at once', () => {
      const data = withChange((d) => {
        d.shipping.services[0]!.zones[0]!.countries[0] = 'UK';
        d['countries'] = ['EL'];
      });
      expect(issuesOf(data).map((i) => i.split(':')[0])).to.deep.equal([
        'countries[0]',
        'shipping.services[0].zones[0].countries[0]',
      ]);
    });

    it('accepts codes in any case and gives them back in upper case', () => {
      const config = parseCheckoutConfig({ ...demo, countries: ['de', ' sg '], restrictions: { extraRules: [rule(['au'])] } });
      expect(config.countries).to.deep.equal(['DE', 'SG']);
      expect(config.restrictions.extraRules[0]!.destinations).to.deep.equal(['AU']);
    });

    it('says "required" for a file without shipping (such as the catalog given by mistake)', () => {
      expect(() => parseCheckoutConfig({ version: 1, products: [] })).to.throw(
        CheckoutConfigError,
        'Checkout configuration is invalid:\n  shipping: required',
      );
    });
  });

  describe('hand-off settings', () => {
    it('leaves out a WhatsApp number with "&text=" and keeps the others', () => {
      const config = parseCheckoutConfig({
        ...demo,
        handoff: { whatsapp: '6281227771234&text=Halo', email: 'pesanan@rumahnusantara.example' },
      });
      expect(config.handoff).to.deep.equal({ email: 'pesanan@rumahnusantara.example' });
      expect(config.problems).to.deep.equal([
        { path: 'handoff.whatsapp', message: 'expected only the number, e.g. 6281234567890 (without a link or "&text=")' },
      ]);
      // The rest of the checkout is there.
      expect(config.shipping.services).to.have.length(3);
    });

    const cases: [string, Json, string, string][] = [
      ['a local number', { whatsapp: '0812-2777-1234' }, 'handoff.whatsapp', 'expected the international format: the country code instead of the leading 0 (6281227771234 for an Indonesian number)'],
      ['a wa.me link', { whatsapp: 'https://wa.me/6281227771234' }, 'handoff.whatsapp', 'expected only the number, e.g. 6281234567890 (without a link or "&text=")'],
      ['a short number', { whatsapp: '62812' }, 'handoff.whatsapp', 'expected an international phone number, digits only, e.g. 6281234567890'],
      ['a number as a JSON number', { whatsapp: 6281227771234 }, 'handoff.whatsapp', 'expected an international phone number, digits only, e.g. 6281234567890'],
      ['an email without @', { email: 'pesanan.rumahnusantara.example' }, 'handoff.email', 'expected an email address'],
      ['an http payment link', { paymentLink: 'http://pay.example/x?ref={reference}' }, 'handoff.paymentLink', 'expected an https:// URL'],
    ];
    for (const [what, handoff, path, message] of cases) {
      it(`leaves out ${what}, naming the field`, () => {
        const good = path === 'handoff.email' ? { whatsapp: '6281227771234' } : { email: 'ok@example.id' };
        const config = parseCheckoutConfig({ ...demo, handoff: { ...good, ...handoff } });
        expect(config.handoff).to.deep.equal(good);
        expect(config.problems).to.deep.equal([{ path, message }]);
      });
    }

    it('cleans a valid number and applies the store attributes over the file', () => {
      const config = parseCheckoutConfig(
        { ...demo, handoff: { whatsapp: '+62 812-2777-1234', email: 'file@example.id' } },
        { handoff: { email: 'attribute@example.id' } },
      );
      expect(config.handoff).to.deep.equal({ whatsapp: '6281227771234', email: 'attribute@example.id' });
    });

    it('reports a bad store attribute under the key it replaces, and drops only it', () => {
      const config = parseCheckoutConfig(
        { ...demo, handoff: { whatsapp: '6281227771234' } },
        { handoff: { paymentLink: 'javascript:alert(1)' } },
      );
      expect(config.handoff).to.deep.equal({ whatsapp: '6281227771234' });
      expect(config.problems.map((p) => p.path)).to.deep.equal(['handoff.paymentLink']);
    });

    it('reports a hand-off section that is not an object', () => {
      const config = parseCheckoutConfig({ ...demo, handoff: '6281227771234' });
      expect(config.handoff).to.deep.equal({});
      expect(config.problems).to.deep.equal([{ path: 'handoff', message: 'expected an object' }]);
    });
  });

  describe('manual payment details', () => {
    const bank = { name: 'Bank Central Asia (BCA)', accountName: 'Rumah Nusantara', accountNumber: '012 345-6789', swift: 'cenaidja' };

    it('reads bank, QRIS image and a note per language', () => {
      const config = parseCheckoutConfig({
        ...demo,
        payment: { bank, qrisImage: 'images/qris.png', note: { en: 'Choose OUR for the fees.', id: 'Pilih OUR.' } },
      });
      expect(config.payment).to.deep.equal({
        bank: { name: 'Bank Central Asia (BCA)', accountName: 'Rumah Nusantara', accountNumber: '0123456789', swift: 'CENAIDJA' },
        qrisImage: 'images/qris.png',
        note: { en: 'Choose OUR for the fees.', id: 'Pilih OUR.' },
      });
      expect(config.problems).to.deep.equal([]);
    });

    it('makes a relative QRIS path absolute against where the configuration came from', () => {
      const config = parseCheckoutConfig(
        { ...demo, payment: { qrisImage: 'images/qris.png' } },
        { baseUrl: 'https://shop.example/toko/checkout.json' },
      );
      expect(config.payment).to.deep.equal({ qrisImage: 'https://shop.example/toko/images/qris.png' });
    });

    it('is absent when not configured', () => {
      const config = parseCheckoutConfig({ shipping: demoShipping });
      expect(config).to.not.have.property('payment');
      expect(config.problems).to.deep.equal([]);
    });

    const cases: [string, Json, string[], Partial<CheckoutConfig['payment']> | undefined][] = [
      [
        'a bank without account number, keeping the QRIS image',
        { bank: { name: 'BCA', accountName: 'Rumah Nusantara' }, qrisImage: 'https://shop.example/qris.png' },
        ['payment.bank.accountNumber: required'],
        { qrisImage: 'https://shop.example/qris.png' },
      ],
      [
        'an account number with letters and symbols',
        { bank: { ...bank, accountNumber: '0123/456' } },
        ['payment.bank.accountNumber: expected an account number: 5 to 34 letters or digits (spaces, dots and dashes are removed)'],
        undefined,
      ],
      [
        'a SWIFT code with a country that is not one',
        { bank: { ...bank, swift: 'CENAQQJA' } },
        ['payment.bank.swift: expected a SWIFT/BIC code of 8 or 11 characters, such as "CENAIDJA"'],
        undefined,
      ],
      [
        'a QRIS image over plain http, keeping the bank',
        { bank, qrisImage: 'http://shop.example/qris.png' },
        ['payment.qrisImage: expected an https:// URL or a relative path to the QRIS image'],
        { bank: { ...bank, accountNumber: '0123456789', swift: 'CENAIDJA' } },
      ],
      [
        'a javascript: QRIS image',
        { qrisImage: 'javascript:alert(1)' },
        ['payment.qrisImage: expected an https:// URL or a relative path to the QRIS image'],
        undefined,
      ],
      [
        'a section with only a note',
        { note: 'Transfer within 24 hours.' },
        ['payment: expected "bank" (name, accountName, accountNumber) and/or "qrisImage"'],
        undefined,
      ],
      ['a section that is a sentence', 'BCA 0123456789 a.n. Rumah Nusantara' as unknown as Json, ['payment: expected an object'], undefined],
    ];
    for (const [what, payment, problems, kept] of cases) {
      it(`names ${what} and leaves out what is unusable`, () => {
        const config = parseCheckoutConfig({ ...demo, payment });
        expect(config.problems.map((p) => `${p.path}: ${p.message}`)).to.deep.equal(problems);
        expect(config.payment).to.deep.equal(kept);
        expect(config.shipping.services).to.have.length(3);
      });
    }
  });

  it('returns a frozen configuration', () => {
    const config = parseCheckoutConfig({ ...demo, handoff: { whatsapp: 'x' } });
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Object.isFrozen(config.problems)).to.equal(true);
    expect(Object.isFrozen(config.payment)).to.equal(true);
  });

  it("reads back its own output, as a server's /api/checkout serves it", () => {
    const config = parseCheckoutConfig({ ...demo, handoff: { whatsapp: '6281227771234' } });
    const again = parseCheckoutConfig(JSON.parse(JSON.stringify(config)));
    expect(again.payment).to.deep.equal(config.payment);
    expect(again.handoff).to.deep.equal(config.handoff);
    expect(again.problems).to.deep.equal([]);
  });
});
