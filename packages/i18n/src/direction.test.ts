import { expect } from '@open-wc/testing';
import { dirOf } from './direction.js';

describe('dirOf', () => {
  for (const tag of ['ar', 'ar-EG', 'AR-sa', 'he', 'fa-IR', 'ur', 'ps', 'ckb', 'pa-Arab', 'az-Arab']) {
    it(`is rtl for ${tag}`, () => expect(dirOf(tag)).to.equal('rtl'));
  }
  for (const tag of ['en', 'id', 'ms', 'zh-Hans', 'ja', 'ko', 'pa', 'az', '', null, undefined, 'not a tag!']) {
    it(`is ltr for ${String(tag)}`, () => expect(dirOf(tag)).to.equal('ltr'));
  }

  it('falls back to the likely script where Intl.Locale has no text info', () => {
    const proto = Intl.Locale.prototype as object;
    const saved = ['getTextInfo', 'textInfo'].map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const);
    Object.defineProperty(proto, 'getTextInfo', { value: undefined, configurable: true });
    Object.defineProperty(proto, 'textInfo', { get: () => undefined, configurable: true });
    try {
      // tags not asked above: dirOf caches its answers
      expect(['ar-AE', 'he-IL', 'ur-PK', 'dv', 'en-GB', 'ja-JP', 'sr-Cyrl'].map(dirOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(proto, name, descriptor);
        else delete (proto as Record<string, unknown>)[name];
      }
    }
  });
});
