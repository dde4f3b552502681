// Every country's address format and phone metadata, registered when the checkout entry loads:
// what Node (the CLI, the server) and ESM users get. The script tag's build replaces this module
// by an empty one and fetches one country's file at a time instead (see ../country-data.ts).
import metadata from 'libphonenumber-js/metadata.min.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import addressFormats from './address-formats.json';
import { registerAddressFormats } from '../address.js';
import { registerPhoneData } from '../phone.js';

registerAddressFormats(addressFormats);
registerPhoneData({ metadata, examples });
