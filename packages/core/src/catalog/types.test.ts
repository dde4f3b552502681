import { expect } from '@open-wc/testing';
import { CatalogError, catalogError } from './types.js';

describe('CatalogError', () => {
  it('is an Error with its source and issues', () => {
    const issues = [{ path: 'products', message: 'expected an array' }];
    const error = new CatalogError('No catalog configured', 'inline catalog', issues);
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('CatalogError');
    expect(error.message).to.equal('No catalog configured');
    expect(error.source).to.equal('inline catalog');
    expect(error.issues).to.deep.equal(issues);
    expect(Object.isFrozen(error.issues)).to.equal(true);
    expect(String(error)).to.equal('CatalogError: No catalog configured');
  });

  it('has no issues unless given some', () => {
    expect(new CatalogError('m', 's').issues).to.deep.equal([]);
  });

  it('catalogError() names the source in the message and keeps the cause', () => {
    const cause = new TypeError('Failed to fetch');
    const error = catalogError('https://x/catalog.json', 'HTTP 404', [], cause);
    expect(error.message).to.equal('Catalog from https://x/catalog.json could not be loaded: HTTP 404');
    expect(error.source).to.equal('https://x/catalog.json');
    expect(error.cause).to.equal(cause);
  });
});
