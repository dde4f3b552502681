// The OpenAPI document: docs/openapi.json is what the server serves, every route is in it, every
// $ref resolves, and its request schemas are the ones the routes validate with.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../dist/app.js';
import { createRepository } from '../dist/db/index.js';
import { openApiDocument } from '../dist/openapi.js';
import { loadCatalog, loadCheckout, RatesProvider } from '../dist/sources.js';
import { DEFAULT_CONFIG_DIR } from '../dist/settings.js';
import { tempDir } from './support/server.mjs';

const DOC_FILE = new URL('../../../docs/openapi.json', import.meta.url);

test('docs/openapi.json is the document the server serves (regenerate: npm run openapi -w @mendunia/server)', () => {
  const expected = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
  assert.equal(readFileSync(DOC_FILE, 'utf8'), expected);
});

test('every $ref resolves and the document is OpenAPI 3.1', () => {
  const doc = openApiDocument();
  assert.equal(doc.openapi, '3.1.0');
  /** @type {unknown[]} */
  const refs = [];
  const walk = (/** @type {unknown} */ node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref') refs.push(v);
        else walk(v);
      }
    }
  };
  walk(doc);
  assert.ok(refs.length > 20);
  for (const ref of refs) {
    const name = String(ref).replace('#/components/schemas/', '');
    assert.ok(Object.hasOwn(doc.components.schemas, name), `unresolved ${ref}`);
  }
});

test('every route of the server is documented, and nothing else is', async () => {
  const dir = tempDir();
  const repo = await createRepository({ dataDir: dir.dir });
  try {
    const { catalog } = await loadCatalog(join(DEFAULT_CONFIG_DIR, 'catalog.json'));
    const config = await loadCheckout(join(DEFAULT_CONFIG_DIR, 'checkout.json'));
    const ratesProvider = new RatesProvider({ location: undefined, dataDir: dir.dir, refreshMs: 1000 });
    const app = await buildApp({
      repo, shop: { catalog, config, rates: () => undefined }, ratesProvider, secret: 's', merchantToken: 't', payments: {}, paymentAdapter: 'manual',
      webhooks: false, quoteTtlMs: 1000, bodyLimit: 65536, corsOrigin: '*', logLevel: undefined,
    });
    await app.ready();
    const served = /** @type {{ method: string, url: string }[]} */ (/** @type {any} */ (app).storefrontRoutes)
      .filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/admin/api/'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const doc = openApiDocument();
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    assert.deepEqual(served, documented);
    await app.close();
  } finally {
    await repo.close();
    dir.remove();
  }
});
