// `mendunia check`: the demo shop's files pass; each kind of file, broken, fails naming the file
// and the field; hostile files give one clear line. main() in-process (the build in dist/), and
// the real bin once for the exit code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/main.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO = join(ROOT, 'examples/plain-html');
const CATALOG = join(DEMO, 'catalog.json');
const CHECKOUT = join(DEMO, 'checkout.json');
const ECB = join(DEMO, 'rates/eurofxref-daily.xml');

let dir = '';
/** Writes `text` to a file of the temporary folder and returns its path. */
const file = (/** @type {string} */ name, /** @type {string} */ text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** @param {string[]} args */
async function check(...args) {
  const out = { stdout: '', stderr: '' };
  /** @param {'stdout' | 'stderr'} stream */
  const to = (stream) => ({ write: (/** @type {string} */ t) => (out[stream] += t) });
  const code = await main(['check', ...args], { stdout: to('stdout'), stderr: to('stderr') });
  return { code, ...out };
}

/** A copy of a demo JSON file with `change` applied. */
function demo(/** @type {string} */ path, /** @type {(data: any) => void} */ change) {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  change(data);
  return JSON.stringify(data);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mendunia-check-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('mendunia check', () => {
  it('passes the demo shop’s three files, told apart by content, with one summary line (the bin exits 0)', () => {
    const products = JSON.parse(readFileSync(CATALOG, 'utf8')).products.length;
    const result = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/mendunia.js'), 'check', CATALOG, CHECKOUT, ECB], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /catalog\.json \(catalog\): ok/);
    assert.match(result.stdout, /checkout\.json \(checkout settings\): ok/);
    assert.match(result.stdout, /eurofxref-daily\.xml \(exchange rates\): ok/);
    assert.match(result.stdout.trimEnd().split('\n').at(-1) ?? '', new RegExp(`^All 3 files are valid: ${products} products, \\d+ currencies, \\d+ destinations\\.$`));
  });

  it('names the file and the field of each problem in each kind of file, and exits 1', async () => {
    const catalog = file('catalog.json', demo(CATALOG, (d) => (d.products[1].price = 12.5)));
    const checkout = file('checkout.json', demo(CHECKOUT, (d) => (d.shipping.services[0].zones = 'all')));
    const rates = file('rates.json', JSON.stringify({ base: 'IDR', date: '2026-11-29', rates: { USD: 'cheap' } }));
    const ecb = file('eurofxref.xml', readFileSync(ECB, 'utf8').replace(/rate='[^']*'/, "rate='-1'"));
    const result = await check(catalog, checkout, rates, ecb, CHECKOUT);
    assert.equal(result.code, 1);
    const id = JSON.parse(readFileSync(CATALOG, 'utf8')).products[1].id;
    const section = (/** @type {string} */ path) => result.stdout.split(/\n(?=\S)/).find((s) => s.startsWith(path)) ?? '';
    assert.match(section(catalog), new RegExp(`^${catalog} \\(catalog\\): invalid \\(1 error\\)\\n  error   products\\[1\\]\\.price: expected integer IDR \\(product "${id}"\\)`));
    assert.match(section(checkout), /\(checkout settings\): invalid[^]*\n {2}error {3}shipping\.services\[0\]\.zones: /);
    assert.match(section(rates), /\(exchange rates\): invalid[^]*\n {2}error {3}rates\.USD: expected a positive number/);
    assert.match(section(ecb), /\(exchange rates\): invalid[^]*\n {2}error {3}\S/);
    assert.match(section(CHECKOUT), /: ok/, 'a valid file among broken ones is still ok');
    assert.equal(result.stderr, 'mendunia: 4 of 5 files have problems\n');
  });

  it('--json: the "mendunia.check/1" report with each issue’s code and path; flags name the kind', async () => {
    const bare = file('settings.json', '{}');
    const ok = await check('--json', '--catalog', CATALOG);
    assert.equal(ok.code, 0);
    const report = JSON.parse(ok.stdout);
    assert.equal(report.format, 'mendunia.check/1');
    assert.equal(report.valid, true);
    assert.deepEqual(report.files.map((/** @type {any} */ f) => [f.kind, f.valid, f.issues.length]), [['catalog', true, 0]]);
    assert.equal(report.summary.products, JSON.parse(readFileSync(CATALOG, 'utf8')).products.length);

    const bad = JSON.parse((await check('--json', bare, '--rates', bare)).stdout);
    assert.equal(bad.valid, false);
    assert.equal(bad.files[0].kind, null, 'neither content nor name says');
    assert.equal(bad.files[0].issues[0].code, 'unknown-kind');
    assert.equal(bad.files[1].kind, 'rates');
    assert.deepEqual(bad.files[1].issues.map((/** @type {any} */ i) => [i.code, i.path]), [['invalid', 'date'], ['invalid', 'rates']]);
  });

  it('hostile files: too large, binary, deeply nested, escapes and bidi controls — one clear line each, nothing raw on the terminal', async () => {
    const huge = file('huge-catalog.json', `{"products":[],"x":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    const binary = file('photo.json', '\u0000\u0001PNG\u00ff\u0000');
    const deep = file('checkout-deep.json', `{"shipping":{"services":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
    const hostile = file(
      'catalog-hostile.json',
      demo(CATALOG, (d) => {
        d.products[0].id = 'kain\u001b[2J\u202Egnp.exe';
      }),
    );
    const result = await check(huge, binary, deep, hostile);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /huge-catalog\.json: invalid \(1 error\)\n {2}error {3}could not be read: too large \(\d+ bytes; the limit is \d+ bytes\)/);
    assert.match(result.stdout, /photo\.json: invalid \(1 error\)\n {2}error {3}not JSON: binary data/);
    assert.match(result.stdout, /checkout-deep\.json \(checkout settings\): invalid \(1 error\)\n {2}error {3}shipping\.services\[0\]: expected an object/);
    assert.match(result.stdout, /products\[0\]\.id: expected an id[^\n]*\(product "kain\\u001b\[2J\\u202egnp\.exe"\)/);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    // --json escapes them too.
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch((await check('--json', hostile)).stdout, /[\u001b\u202e]/);
  });

  it('usage errors exit 2: no file, an unknown option, an empty name', async () => {
    assert.deepEqual(await check(), { code: 2, stdout: '', stderr: 'mendunia: no file to check: give the catalog, checkout and rates files (see mendunia check --help)\n' });
    const unknown = await check('--catalgo', CATALOG);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'mendunia: unknown option --catalgo (see mendunia check --help)\n');
    assert.equal((await check('--rates', ' ')).code, 2);
    assert.match((await check('--help')).stdout, /^Usage: mendunia check/);
  });
});
