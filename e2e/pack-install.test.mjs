// The packages as a developer gets them from npm: every workspace package is packed with
// `npm pack`, the browser packages and the CLI are installed from those tarballs into a fresh
// folder outside the workspace (dependencies from the npm registry or its cache), a page is
// bundled from them with esbuild and a product card renders in Chromium. Also: only the
// documented entry points can be imported, and each package carries its README.
// (@mendunia/server is packed and its contents checked, not installed: better-sqlite3 compiles
// from source for minutes here.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces.filter((w) => w.startsWith('packages/'));
const INSTALLED = ['core', 'i18n', 'elements', 'embed', 'react', 'cli'];
const esbuild = join(root, 'node_modules/.bin/esbuild');

let work;
let app;
/** name → { filename, files } from `npm pack --json` */
const packed = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'mendunia-pack-'));
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', tarballs, ...workspaces.flatMap((w) => ['-w', w])], { cwd: root, maxBuffer: 32 * 1024 * 1024 });
  for (const p of JSON.parse(stdout.slice(stdout.indexOf('[')))) packed[p.name] = { filename: p.filename, files: p.files.map((f) => f.path) };

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fresh-shop', private: true, type: 'module' }));
  const install = INSTALLED.map((name) => join(tarballs, packed[`@mendunia/${name}`].filename));
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...install], { cwd: app, maxBuffer: 32 * 1024 * 1024 });
  } catch (e) {
    throw new Error(`npm install of the tarballs failed:\n${e.stdout}\n${e.stderr}`);
  }
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packed and installed outside the workspace', () => {
  it('packs every package with its README and built files, and nothing of its sources or tests', () => {
    assert.deepEqual(Object.keys(packed).sort(), workspaces.map((w) => JSON.parse(readFileSync(join(root, w, 'package.json'), 'utf8')).name).sort());
    for (const [name, { files }] of Object.entries(packed)) {
      assert.ok(files.includes('README.md'), `${name} has a README`);
      assert.ok(!files.some((f) => /\.test\.(ts|mjs|js)$/.test(f)), `${name} ships no tests: ${files.filter((f) => /\.test\./.test(f))}`);
      const pkg = JSON.parse(readFileSync(join(root, workspaces.find((w) => w.endsWith(name.split('/')[1])), 'package.json'), 'utf8'));
      // Every export target (but the workspace-only `source` condition) is in the tarball.
      const targets = (value) => (typeof value === 'string' ? [value] : Object.entries(value ?? {}).flatMap(([k, v]) => (k === 'source' ? [] : targets(v))));
      for (const target of targets(pkg.exports).filter((t) => !t.includes('*'))) {
        assert.ok(files.includes(target.slice(2)), `${name}: export target ${target} is in the tarball`);
      }
    }
    assert.ok(packed['@mendunia/embed'].files.includes('dist/locales/ja.json'));
    assert.ok(packed['@mendunia/server'].files.includes('bin/mendunia-server.js'));
    assert.ok(packed['@mendunia/server'].files.includes('dist/bin.js'));
    assert.ok(!packed['@mendunia/server'].files.some((f) => f.startsWith('src/')), 'the server ships its build, not its sources');
  });

  it('bundles a page from the installed packages, and the page renders a priced product card', async () => {
    const shop = join(root, 'examples/plain-html');
    for (const f of ['catalog.json', 'images', 'rates']) cpSync(join(shop, f), join(app, f), { recursive: true });
    writeFileSync(join(app, 'main.js'), "import '@mendunia/elements/define-all.js';\nimport { VERSION } from '@mendunia/elements';\nimport { formatMoney } from '@mendunia/core';\ndocument.body.dataset.version = VERSION + ' ' + formatMoney({ amount: 150000, currency: 'IDR' }, 'en');\n");
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fresh shop</title><script type="module" src="out/main.js"></script></head><body>' +
        '<mendunia-store catalog="catalog.json" rates="rates/eurofxref-daily.xml" currency="USD" max-rate-age="3650d" store-id="fresh">' +
        '<mendunia-product-card product-id="kopi-gayo-arabika" style="max-width:20rem"></mendunia-product-card></mendunia-store></body></html>',
    );
    await run(esbuild, ['main.js', '--bundle', '--format=esm', '--outdir=out', '--log-level=error'], { cwd: app });

    const server = await serve({ port: 0, mounts: { '/': app } });
    const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // Failed loads are recorded with their URL (Chromium's own favicon.ico request is not one).
      page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
      page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      const card = page.locator('mendunia-product-card');
      const catalog = JSON.parse(readFileSync(join(shop, 'catalog.json'), 'utf8'));
      const name = catalog.products.find((p) => p.id === 'kopi-gayo-arabika').name.en;
      await card.locator('[part="title"]').filter({ hasText: name }).waitFor();
      await card.locator('[part="price"]').filter({ hasText: 'US$' }).waitFor();
      assert.match(await page.locator('body').getAttribute('data-version'), /^\d+\.\d+\.\d+ /);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await new Promise((r) => server.close(r));
    }
  });

  it('resolves every documented entry point and refuses internal modules', async () => {
    const entries = [
      '@mendunia/core',
      '@mendunia/core/checkout/index.js',
      '@mendunia/core/node/index.js',
      '@mendunia/core/catalog.schema.json',
      '@mendunia/i18n',
      '@mendunia/i18n/messages.js',
      '@mendunia/elements',
      '@mendunia/elements/checkout/define.js',
      '@mendunia/elements/checkout/checkout.js',
      '@mendunia/elements/custom-elements.json',
      '@mendunia/embed/mendunia.js',
      '@mendunia/embed/locales/ja.json',
      '@mendunia/react',
      '@mendunia/react/checkout',
    ];
    const script = `for (const s of ${JSON.stringify(entries)}) import.meta.resolve(s);
for (const s of ['@mendunia/core/money/format.js', '@mendunia/elements/shared/styles.js', '@mendunia/i18n/instance.js']) {
  try { import.meta.resolve(s); console.log('resolved ' + s); } catch (e) { if (e.code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw e; }
}`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    assert.equal(stdout, '', 'internal modules are not importable');
    // The CLI's bin works from the install.
    const { stdout: version } = await run(join(app, 'node_modules/.bin/mendunia'), ['--version'], { cwd: app });
    assert.equal(version.trim(), JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version);
  });
});
