/**
 * Requests against the sample shop the server starts with (packages/server/defaults): a cart that ships to Singapore, a buyer
 * there, and helpers to post them.
 */
import { signQuote } from '../../dist/quotes.js';
import { SECRET } from './server.mjs';

export const CART = {
  lines: [
    { productId: 'batik-kawung-cap', quantity: 2 },
    { productId: 'kopi-gayo-arabika', variantId: '250g', quantity: 1 },
  ],
  destination: 'SG',
};
export const CONTACT = { name: 'Tan Wei Ling', email: 'weiling@example.sg', phone: '+65 9123 4567' };
export const ADDRESS = { country: 'SG', name: 'Tan Wei Ling', addressLine1: '1 Raffles Place #20-01', postalCode: '048616' };

/** @param {string} url  @param {unknown} body  @param {Record<string, string>} [headers] */
export async function postJson(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** @param {string} url  @param {Record<string, string>} [headers] */
export async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
}

/** @param {string} base  @param {object} [cart] */
export async function quote(base, cart = CART) {
  const r = await postJson(`${base}/api/quotes`, cart);
  if (r.status !== 200) throw new Error(`quote failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.quote;
}

/** An order body for a quote. @param {any} signedQuote */
export const orderBody = (signedQuote) => ({ quote: signedQuote, contact: CONTACT, address: ADDRESS, displayCurrency: 'SGD' });

/** A quote changed and signed again with the test server's secret (as only the server could). @param {any} q  @param {(body: any) => void} change */
export function resign(q, change) {
  const body = structuredClone(q);
  delete body.signature;
  change(body);
  return { ...body, signature: signQuote(SECRET, body) };
}

let counter = 0;
export const newKey = (/** @type {string} */ label = 'key') => `${label}-${process.pid}-${Date.now()}-${++counter}`;
