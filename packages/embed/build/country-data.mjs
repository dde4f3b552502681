// Build step of the script tag: one JSON file per destination country with what the checkout's
// rules need for it (its address format, its libphonenumber-js metadata, its duty and
// restriction rules), written to
// dist/data/<version>/<CC>.json, and core's "every country" module (checkout/data/all.ts)
// replaced by packages/embed/src/country-data.ts, which fetches those files. Node and ESM builds
// keep importing every country (nothing here runs for them).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { countryDataFile } from './country-data-file.mjs';

const require = createRequire(import.meta.url);

/** Every country's file, keyed by country, and the version (a hash of them all). */
export function countryDataFiles(root) {
  const read = (name) => JSON.parse(readFileSync(join(root, 'packages/core/src/checkout/data', name), 'utf8'));
  const addressFormats = read('address-formats.json');
  const duties = read('duties.json');
  const restrictions = read('restrictions.json');
  const metadata = require('libphonenumber-js/metadata.min.json');
  const examples = require('libphonenumber-js/examples.mobile.json');
  const countries = new Set([...Object.keys(addressFormats).filter((k) => /^[A-Z]{2}$/.test(k) && k !== 'ZZ'), ...Object.keys(metadata.countries)]);
  const files = {};
  for (const country of [...countries].sort()) files[country] = JSON.stringify(countryDataFile(country, { addressFormats, metadata, examples, duties, restrictions }));
  const hash = createHash('sha256');
  for (const [country, text] of Object.entries(files)) hash.update(`${country}\n${text}\n`);
  return { files, version: hash.digest('hex').slice(0, 10) };
}

/** The rollup plugin (chunks build of the script tag). */
export function countryDataPlugin(root) {
  const ALL = join(root, 'packages/core/src/checkout/data/all.ts');
  const STAND_IN = join(root, 'packages/embed/src/country-data.ts');
  let version;
  return {
    name: 'mendunia-country-data',
    async resolveId(source, importer, options) {
      if (source !== './data/all.js' || !importer?.split(sep).join('/').includes('packages/core/src/checkout/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === ALL ? STAND_IN : resolved;
    },
    buildStart() {
      for (const name of ['address-formats.json', 'duties.json', 'restrictions.json']) this.addWatchFile(join(root, 'packages/core/src/checkout/data', name));
      const built = countryDataFiles(root);
      version = built.version;
      for (const [country, text] of Object.entries(built.files)) {
        this.emitFile({ type: 'asset', fileName: `data/${version}/${country}.json`, source: text });
      }
    },
    transform(code, id) {
      // map: null keeps the mappings (only the placeholder's line changes, in one string).
      return id === STAND_IN ? { code: code.replaceAll('__MENDUNIA_COUNTRY_DATA__', version), map: null } : null;
    },
  };
}
