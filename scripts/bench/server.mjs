// The Storefront API server under load (autocannon), on SQLite and on PostgreSQL: quotes and
// orders at a fixed rate (p50/p99 latency) and at the most the server can take (throughput).
// The server runs as its own process with the settings a shop would use (rate limit off: the
// load comes from one address), on the shared machine the rest of `npm run bench` runs on.
//
//   node scripts/bench/server.mjs            both databases, prints the table
//   node scripts/bench/server.mjs --sqlite   SQLite only
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(root, 'packages/server/bin/mendunia-server.js');

/** The issue's targets: quote p99 ≤ 20 ms at 500 req/s; order p99 ≤ 50 ms at 300 orders/s (SQLite). */
export const SERVER_TARGETS = { quoteRate: 500, quoteP99Ms: 20, orderRate: 300, orderP99Ms: 50 };

const CART = { lines: [{ productId: 'batik-kawung-cap', quantity: 2 }, { productId: 'kopi-gayo-arabika', variantId: '250g', quantity: 1 }], destination: 'SG' };
const CONTACT = { name: 'Tan Wei Ling', email: 'weiling@example.sg', phone: '+65 9123 4567' };
const ADDRESS = { country: 'SG', name: 'Tan Wei Ling', addressLine1: '1 Raffles Place #20-01', postalCode: '048616' };

/** @param {Record<string, string>} env  @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
function startServer(env) {
  const child = spawn(process.execPath, [BIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', MENDUNIA_RATE_LIMIT: 'off', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let text = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const match = /Storefront API on (http:\/\/\S+)/.exec(text);
      if (match) resolve({ url: /** @type {string} */ (match[1]), stop: async () => (child.kill('SIGTERM'), await exited) });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it started:\n${text}`)));
  });
}

/**
 * @param {object} options
 * @returns {Promise<{ p50: number, p99: number, rps: number, requests: number, errors: number }>}
 */
async function load(options) {
  const result = await autocannon({ duration: 8, connections: 32, pipelining: 1, ...options });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** @param {string} url */
async function measure(url) {
  const post = { method: 'POST', headers: { 'content-type': 'application/json' } };
  const quoteBody = JSON.stringify(CART);
  const response = await fetch(`${url}/api/quotes`, { ...post, body: quoteBody });
  const { quote } = /** @type {{ quote: unknown }} */ (await response.json());
  const orderBody = JSON.stringify({ quote, contact: CONTACT, address: ADDRESS, displayCurrency: 'SGD' });
  const orders = {
    url: `${url}/api/orders`,
    ...post,
    body: orderBody,
    // A new Idempotency-Key per request: every request is a new order, written and committed.
    setupClient: (/** @type {any} */ client) => client.setHeaders({ 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    requests: [{ setupRequest: (/** @type {any} */ req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],
  };
  const quotes = { url: `${url}/api/quotes`, ...post, body: quoteBody };
  // Warm-up, not measured: the first seconds of a fresh process are JIT compilation.
  await load({ ...quotes, duration: 2 });
  await load({ ...orders, duration: 2 });
  return {
    quoteAtRate: await load({ ...quotes, overallRate: SERVER_TARGETS.quoteRate }),
    quoteMax: await load(quotes),
    orderAtRate: await load({ ...orders, overallRate: SERVER_TARGETS.orderRate }),
    orderMax: await load(orders),
  };
}

/**
 * @param {{ postgres?: boolean, log?: (message: string) => void }} [options]
 * @returns {Promise<{ storage: string, skipped?: string, quoteAtRate?: any, quoteMax?: any, orderAtRate?: any, orderMax?: any }[]>}
 */
export async function measureServer({ postgres = true, log = () => undefined } = {}) {
  const results = [];
  const dir = mkdtempSync(join(tmpdir(), 'mendunia-bench-'));
  const common = { MENDUNIA_SECRET: randomUUID() + randomUUID(), MENDUNIA_MERCHANT_TOKEN: randomUUID() + randomUUID() };
  try {
    log('server: SQLite');
    const sqlite = await startServer({ ...common, MENDUNIA_DATA_DIR: join(dir, 'sqlite') });
    try {
      results.push({ storage: 'SQLite', ...(await measure(sqlite.url)) });
    } finally {
      await sqlite.stop();
    }
    if (postgres) {
      const { postgresUnavailable, startPostgres } = await import('../../packages/server/test/support/postgres.mjs');
      const why = postgresUnavailable();
      if (why) results.push({ storage: 'PostgreSQL', skipped: why });
      else {
        log('server: PostgreSQL');
        const cluster = await startPostgres();
        try {
          const server = await startServer({ ...common, MENDUNIA_DATA_DIR: join(dir, 'pg'), DATABASE_URL: await cluster.createDatabase('bench') });
          try {
            results.push({ storage: 'PostgreSQL', ...(await measure(server.url)) });
          } finally {
            await server.stop();
          }
        } finally {
          await cluster.stop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** @param {number} ms */
const msText = (ms) => `${ms} ms`;

/** The Markdown table: one row per storage and scenario, with the target and its ratio. @param {Awaited<ReturnType<typeof measureServer>>} results */
export function serverTable(results) {
  const rows = ['| storage | scenario | p50 | p99 | req/s | errors | target | ratio |', '|---|---|---:|---:|---:|---:|---|---:|'];
  for (const r of results) {
    if (r.skipped) {
      rows.push(`| ${r.storage} | skipped: ${r.skipped} | | | | | | |`);
      continue;
    }
    const row = (/** @type {string} */ name, /** @type {any} */ m, /** @type {number | undefined} */ targetMs) =>
      rows.push(
        `| ${r.storage} | ${name} | ${msText(m.p50)} | ${msText(m.p99)} | ${m.rps} | ${m.errors} | ${targetMs ? `p99 ≤ ${targetMs} ms` : '—'} | ${targetMs ? `${(m.p99 / targetMs).toFixed(2)} ${m.p99 <= targetMs ? 'OK' : 'MISS'}` : ''} |`,
      );
    row(`quotes at ${SERVER_TARGETS.quoteRate}/s`, r.quoteAtRate, SERVER_TARGETS.quoteP99Ms);
    row('quotes, max throughput', r.quoteMax, undefined);
    row(`orders at ${SERVER_TARGETS.orderRate}/s`, r.orderAtRate, r.storage === 'SQLite' ? SERVER_TARGETS.orderP99Ms : undefined);
    row('orders, max throughput', r.orderMax, undefined);
  }
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await measureServer({ postgres: !process.argv.includes('--sqlite'), log: (m) => console.error(m) });
  console.log(serverTable(results));
}
