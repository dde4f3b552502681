import { expect } from '@open-wc/testing';
import * as catalog from './index.js';

describe('catalog public exports', () => {
  it('exports the contract and nothing internal', () => {
    expect(Object.keys(catalog).sort()).to.deep.equal([
      'CatalogError',
      'findProduct',
      'findVariant',
      'formatIssues',
      'isSafeImageSrc',
      'isSoldOut',
      'loadCatalog',
      'localise',
      'parseCatalog',
      'parseCatalogText',
      'priceOf',
      'readCatalog',
      'stockOf',
    ]);
  });
});
