// Every country's address format, phone metadata, duty and restriction rules, registered when
// the checkout entry loads: what Node (the CLI, the server) and ESM users get. The script tag's
// build replaces this module by an empty one and fetches one country's file at a time instead
// (see ../country-data.ts).
import metadata from 'libphonenumber-js/metadata.min.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import addressFormats from './address-formats.json';
import duties from './duties.json';
import restrictions from './restrictions.json';
import { registerAddressFormats } from '../address.js';
import { registerPhoneData } from '../phone.js';
import { registerDutyRules } from '../duties.js';
import { registerRestrictionRules } from '../restrictions.js';

registerAddressFormats(addressFormats);
registerPhoneData({ metadata, examples });
registerDutyRules(duties, 'checkout/data/duties.json');
registerRestrictionRules(restrictions);
