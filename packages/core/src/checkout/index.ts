// The cross-border checkout rules: DOM-free and pure, shared by the checkout element, the
// `mendunia quote` command and servers. A separate entry point (@mendunia/core/checkout/index.js)
// so that pages without a checkout do not carry it.
// Every country's data (the script tag's build leaves it out and fetches one country at a time).
import './data/all.js';
export * from './items.js';
export * from './shipping.js';
export * from './restrictions.js';
export * from './duties.js';
export * from './address.js';
export * from './phone.js';
export * from './countries.js';
export * from './config.js';
export * from './quote.js';
export * from './order.js';
export * from './handoff.js';
export * from './draft.js';
export * from './flow.js';
export * from './landed.js';
export * from './country-data.js';
