// Customs paperwork from stored orders (CN22 / CN23): a separate entry point
// (@mendunia/core/customs/index.js), so storefront pages do not carry it.
export * from './declaration.js';
