import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { ConfigError, formatIssue, objectOf, parseWith, SCHEMA_MESSAGES, strictObjectOf, toConfigIssues } from './schema.js';

const Service = objectOf({
  id: v.string(SCHEMA_MESSAGES.text),
  zones: v.array(
    objectOf({ days: v.pipe(v.number(SCHEMA_MESSAGES.grams), v.integer(SCHEMA_MESSAGES.grams), v.minValue(1, SCHEMA_MESSAGES.grams)) }),
    SCHEMA_MESSAGES.array,
  ),
});

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('schema helpers', () => {
  it('objectOf refuses arrays and says "required" for a missing key', () => {
    const error = configError(() => parseWith(Service, [], 'Shipping configuration'));
    expect(error.issues).to.deep.equal([{ path: '', message: 'expected an object' }]);
    const missing = configError(() => parseWith(Service, { zones: [] }, 'Shipping configuration'));
    expect(missing.issues).to.deep.equal([{ path: 'id', message: 'required' }]);
  });

  it('objectOf drops unknown keys; strictObjectOf refuses them', () => {
    expect(parseWith(objectOf({ a: v.number() }), { a: 1, b: 2 }, 'x')).to.deep.equal({ a: 1 });
    const error = configError(() => parseWith(strictObjectOf({ a: v.number() }), { a: 1, b: 2 }, 'Rule'));
    expect(error.issues.map((issue) => issue.path)).to.deep.equal(['b']);
  });

  it('ConfigError carries every issue with its path, and lists them one per line', () => {
    const error = configError(() =>
      parseWith(Service, { id: 7, zones: [{ days: 2 }, { days: 0.5 }, {}] }, 'Shipping configuration', 'shipping'),
    );
    expect(error.name).to.equal('ConfigError');
    expect(error.what).to.equal('Shipping configuration');
    expect(error.issues).to.deep.equal([
      { path: 'shipping.id', message: 'expected text' },
      { path: 'shipping.zones[1].days', message: 'expected whole grams greater than 0' },
      { path: 'shipping.zones[2].days', message: 'required' },
    ]);
    expect(error.message).to.equal(
      'Shipping configuration is invalid:\n' +
        '  shipping.id: expected text\n' +
        '  shipping.zones[1].days: expected whole grams greater than 0\n' +
        '  shipping.zones[2].days: required',
    );
    expect(Object.isFrozen(error.issues)).to.equal(true);
  });

  it('toConfigIssues keeps one issue per path and message (one value failing two checks alike)', () => {
    const result = v.safeParse(v.pipe(v.number('n'), v.integer('bad'), v.minValue(1, 'bad')), -0.5);
    expect(result.success).to.equal(false);
    expect(toConfigIssues(result.issues!, 'rates.USD')).to.deep.equal([{ path: 'rates.USD', message: 'bad' }]);
  });

  it('quotes keys that are not identifiers in paths', () => {
    const result = v.safeParse(v.record(v.string(), v.number('expected a number')), { 'x-y': 'a' });
    expect(toConfigIssues(result.issues!, 'rates').map(formatIssue)).to.deep.equal(['rates["x-y"]: expected a number']);
  });

  it('formatIssue shows a whole-file issue without a path', () => {
    expect(formatIssue({ path: '', message: 'expected an object' })).to.equal('expected an object');
    expect(formatIssue({ path: 'a[0]', message: 'required' })).to.equal('a[0]: required');
  });
});
