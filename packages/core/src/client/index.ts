export { createStorefront, DEFAULT_CURRENCIES } from './storefront.js';
export type { Storefront, StorefrontConfig, CatalogState, RatesState } from './storefront.js';
export { createPricing, canDisplay } from './pricing.js';
export { ApiError, createApi, newIdempotencyKey } from './api.js';
export type { StorefrontApi, ApiOptions, ApiCartLine, SignedQuote, ApiQuoteResponse, ApiOrderResponse, ApiPayment } from './api.js';
export type { Pricing, PriceView, PricingInput } from './pricing.js';
export { getDefaultStorefront, setDefaultStorefront, watchDefaultStorefront } from './registry.js';

