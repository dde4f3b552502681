import { expect } from '@open-wc/testing';
import en from './locales/admin/en.json';
import id from './locales/admin/id.json';
import { addAdminStrings, SHIPMENT_NOTICE_STRINGS } from './admin-strings.js';
import { SUPPORTED_LANGUAGES, translator } from './instance.js';
import { describe as describeMessage } from './messages.js';

type Strings = { readonly [key: string]: string | Strings };
const leaves = (obj: Strings, prefix = ''): [string, string][] =>
  Object.entries(obj).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();

describe('admin strings', () => {
  it('Indonesian has every English dashboard key, with the same placeholders', () => {
    const mine = new Map(leaves({ admin: id.admin, customs: id.customs }));
    const english = leaves({ admin: en.admin, customs: en.customs });
    expect([...mine.keys()].sort()).to.deep.equal(english.map(([k]) => k).sort());
    for (const [key, text] of english) expect(placeholders(mine.get(key)!), key).to.deep.equal(placeholders(text));
  });

  it('the shipment notice exists in every supported language, with the same placeholders', () => {
    expect(Object.keys(SHIPMENT_NOTICE_STRINGS).sort()).to.deep.equal([...SUPPORTED_LANGUAGES].sort());
    const english = leaves(SHIPMENT_NOTICE_STRINGS.en);
    for (const [lang, strings] of Object.entries(SHIPMENT_NOTICE_STRINGS)) {
      const mine = new Map(leaves(strings));
      expect([...mine.keys()].sort(), lang).to.deep.equal(english.map(([k]) => k).sort());
      for (const [key, text] of english) expect(placeholders(mine.get(key)!), `${lang} ${key}`).to.deep.equal(placeholders(text));
    }
  });

  it('are added to the shared instance on demand: the buyer language even when its main strings are not loaded', () => {
    addAdminStrings();
    expect(translator('id')('admin.signIn.token')).to.equal('Token pedagang');
    expect(translator('ja')('shipmentNotice.link', { trackingUrl: 'https://t.example/1' })).to.equal('荷物の追跡：https://t.example/1');
    expect(translator('en')('paperwork.cn.saleOfGoods')).to.equal('Sale of goods');
    expect(describeMessage({ code: 'customs.missingHsCode', params: { line: 2 } }, 'id')).to.match(/^Baris 2 tidak punya kode HS/);
  });
});
