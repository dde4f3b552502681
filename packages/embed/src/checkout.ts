// The checkout chunk of the script-tag bundle: loaded by mendunia.js on first use. Lit, core,
// i18n and the shared element pieces come from the main bundle (see rollup.config.mjs).
import '@mendunia/elements/checkout/define.js';
