// A Vite plugin for the example apps: serves the demo shop's data files (catalog, exchange rates,
// checkout settings, product images) from examples/plain-html, at the same relative URLs as the
// demo, so every example sells the same shop from one copy of the data. In dev they are read
// from disk on each request; a build writes them into dist/.
// In your own app, put these files in Vite's public/ folder instead and drop this plugin.
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const shop = fileURLToPath(new URL('../plain-html/', import.meta.url));
const TYPES = { '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml' };

/** The shared files, as URL paths relative to the app's base. */
function files() {
  return ['catalog.json', 'checkout.json', 'rates/eurofxref-daily.xml', ...readdirSync(join(shop, 'images')).map((f) => `images/${f}`)];
}

/**
 * A shared file's content. The sample rates are illustrative (see the file's header) and dated
 * today, so that the examples never show "may be out of date" (scripts/serve.mjs does the same
 * for the demo).
 */
function read(file) {
  const content = readFileSync(join(shop, file));
  return file === 'rates/eurofxref-daily.xml' ? datedToday(content.toString('utf8')) : content;
}

/** ECB rates XML with its date replaced by today's (UTC). */
export function datedToday(xml) {
  return xml.replace(/time='\d{4}-\d{2}-\d{2}'/, `time='${new Date().toISOString().slice(0, 10)}'`);
}

export function demoShopFiles() {
  let base = '/';
  return {
    name: 'mendunia-demo-shop-files',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        const file = path.startsWith(base) ? path.slice(base.length) : '';
        if (!files().includes(file)) return next();
        res.setHeader('content-type', `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8`);
        res.end(read(file));
      });
    },
    generateBundle() {
      for (const file of files()) this.emitFile({ type: 'asset', fileName: file, source: read(file) });
    },
  };
}
