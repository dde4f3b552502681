// Rates from a URL: fetched at start, served with their date, cached in the data directory and
// used from the cache when the source is down at the next start.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG_DIR } from '../dist/settings.js';
import { startServer, tempDir } from './support/server.mjs';
import { getJson, quote } from './support/shop.mjs';

test('rates from a URL are cached with their date and survive the source going away', async () => {
  const xml = readFileSync(join(DEFAULT_CONFIG_DIR, 'rates', 'eurofxref-daily.xml'), 'utf8');
  let requests = 0;
  const feed = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
  });
  await new Promise((resolve) => feed.listen(0, '127.0.0.1', () => resolve(undefined)));
  const url = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (feed.address()).port}/eurofxref-daily.xml`;
  const dir = tempDir();
  try {
    const first = await startServer({ dataDir: dir.dir, env: { MENDUNIA_RATES: url } });
    const rates = await getJson(`${first.url}/api/rates`);
    await first.stop();
    assert.equal(requests, 1);
    assert.match(rates.body.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(rates.body.fetchedAt);
    assert.match(rates.body.source, /ECB/);
    const cached = JSON.parse(readFileSync(join(dir.dir, 'rates-cache.json'), 'utf8'));
    assert.equal(cached.set.date, rates.body.date);

    await new Promise((resolve) => feed.close(() => resolve(undefined)));
    const second = await startServer({ dataDir: dir.dir, env: { MENDUNIA_RATES: url } });
    try {
      const again = await getJson(`${second.url}/api/rates`);
      assert.equal(again.status, 200);
      assert.equal(again.body.date, rates.body.date);
      assert.match(again.body.error, /could not be read/);
      const q = await quote(second.url);
      assert.equal(q.ratesDate, rates.body.date);
    } finally {
      await second.stop();
    }
  } finally {
    feed.close();
    dir.remove();
  }
});
