// The script tag's stand-in for core's checkout/data/all.ts (swapped in by the build, see
// packages/embed/build/country-data.mjs): instead of every country's address format and phone
// metadata, the checkout fetches the chosen country's file from dist/data/<version>/<CC>.json,
// next to the chunks (same origin: a strict connect-src 'self' allows it). The version is a hash
// of every file, so a cached file is never read by a build it does not belong to.
import { fetchJson } from '@mendunia/core';
// From the module itself: the checkout entry imports this one (a cycle), and the loader alone
// keeps the phone and address rules out of chunks that do not use them.
import { setCountryDataLoader } from '../../core/src/checkout/country-data-loader.js';

// The build writes the version in place of the placeholder.
const base = new URL('../data/__MENDUNIA_COUNTRY_DATA__/', import.meta.url);
setCountryDataLoader((country) => fetchJson(new URL(`${country}.json`, base), { maxBytes: 200_000 }));
