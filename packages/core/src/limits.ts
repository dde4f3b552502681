/**
 * Every size limit of Mendunia in one place. The browser's cart, the quantity controls, the
 * Storefront API's request schemas and the quote CLI import these, so a cart the browser accepts
 * is never refused by the server for its size, and a file the CLI reads is one the server reads.
 */

/** The most units of one product (or variant) in one cart line; more is a wholesale enquiry. */
export const MAX_LINE_QUANTITY = 999;

/** The most lines in one cart (and in one quote or order). */
export const MAX_CART_LINES = 100;

/**
 * The highest unit price a catalog may set, in IDR (Rp 1,000,000,000). With it, every amount
 * the cart, the quote and the order add up stays a safe integer with room for shipping, duties
 * and conversion into any currency — money arithmetic can never overflow. A product above it is
 * refused when the catalog loads (`catalog.products[i].price: …`), never half-added to a cart.
 */
export const MAX_UNIT_PRICE_IDR = 1_000_000_000;

/** The most one cart line can come to: the highest unit price times the most units. */
export const MAX_LINE_AMOUNT_IDR = MAX_UNIT_PRICE_IDR * MAX_LINE_QUANTITY;

/** The most a whole cart can come to (goods only), far below Number.MAX_SAFE_INTEGER (≈ 9 × 10¹⁵). */
export const MAX_CART_AMOUNT_IDR = MAX_LINE_AMOUNT_IDR * MAX_CART_LINES;

/** The largest catalog, checkout configuration or locale file read from a URL or a file. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** The largest exchange-rate body accepted: a real table (ECB daily, a merchant's JSON) is a few kB. */
export const MAX_RATES_BYTES = 1_000_000;

/** How long a fetch may wait for its whole body before it fails with `timeout`. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/** Rate feeds fail sooner, so a page falls back to the last good rates while the buyer waits. */
export const DEFAULT_RATES_TIMEOUT_MS = 10_000;
