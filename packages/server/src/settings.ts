/**
 * Server settings from the environment and command-line flags (flags win). Every setting has a
 * default that works out of the box, installed from npm or in a clone: the sample shop shipped in
 * this package (defaults/), a ./data directory, SQLite.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDuration } from '@mendunia/core';

/**
 * The sample shop shipped inside this package (catalog.json, checkout.json, rates/), used when no
 * configuration directory is given. Not examples/: a published @mendunia/server does not have it.
 */
export const DEFAULT_CONFIG_DIR = resolve(fileURLToPath(new URL('../defaults/', import.meta.url)));

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

export interface Settings {
  host: string;
  port: number;
  dataDir: string;
  configDir: string;
  /** file path or http(s) URL */
  catalog: string;
  /** file path or http(s) URL */
  checkout: string;
  /** file path or http(s) URL (rates JSON or ECB XML) */
  rates: string | undefined;
  ratesRefreshMs: number;
  /** postgres://… ; SQLite when absent */
  databaseUrl: string | undefined;
  secret: string | undefined;
  merchantToken: string | undefined;
  quoteTtlMs: number;
  bodyLimit: number;
  corsOrigin: string;
  /** 'manual' | 'midtrans' */
  payment: string;
  midtrans: { serverKey?: string, snapUrl: string, apiUrl: string, finishUrl?: string };
  webhook: { url?: string, secret?: string, maxAttempts: number, retryBaseMs: number, pollMs: number, timeoutMs: number };
  logLevel: string | undefined;
  timeouts: Timeouts;
  /** public POSTs per client address and route per window; max 0 = off */
  rateLimit: { max: number, windowMs: number };
  /** whose X-Forwarded-For to believe for the client address (rate limit, logs) */
  trustProxy: boolean | number | string[];
  /** Idempotency-Key records older than this are purged */
  idempotencyTtlMs: number;
  /** NODE_ENV=production: weak secrets are refused, not only warned about */
  production: boolean;
  /** the merchant dashboard at /admin */
  admin: AdminSettings;
}

export interface AdminSettings {
  /** a dashboard session unused this long is over (MENDUNIA_ADMIN_IDLE, 2h) */
  idleMs: number;
  /** a session is over this long after sign-in, used or not (MENDUNIA_ADMIN_MAX_AGE, 7d) */
  maxAgeMs: number;
  /** the dashboard's built files (MENDUNIA_ADMIN_ASSETS; default: @mendunia/admin's dist/) */
  assetsDir: string | undefined;
}

/**
 * How long a client may take, so that slow or idle connections (slow-loris) cannot hold the server.
 */
export interface Timeouts {
  /** to send the request line and all headers (Node's headersTimeout) */
  headersMs: number;
  /** to send the whole request, body included (requestTimeout) */
  requestMs: number;
  /** an idle kept-alive connection waits this long for the next request */
  keepAliveMs: number;
  /** a socket with no traffic at all is closed after this (socket timeout) */
  connectionMs: number;
}

/** Flag name → settings key; each takes a value. */
const FLAGS = ({
  '--host': 'host',
  '--port': 'port',
  '--data-dir': 'dataDir',
  '--config-dir': 'configDir',
  '--catalog': 'catalog',
  '--checkout': 'checkout',
  '--rates': 'rates',
  '--database-url': 'databaseUrl',
  '--payment': 'payment',
} as const);

/**
 * Splits `argv` into known flags (`--port 8080` or `--port=8080`) and the remaining words.
 */
export function parseFlags(argv: readonly string[]): { flags: Record<string, string>, rest: string[] } {
  const flags: Record<string, string> = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (Object.hasOwn(FLAGS, name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new SettingsError(`${name} needs a value`);
      flags[FLAGS[(name as keyof typeof FLAGS)]] = value;
    } else rest.push(arg);
  }
  return { flags, rest };
}

/**
 * @param flags  from parseFlags
 */
export function readSettings(flags: Record<string, string> = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const pick = (flag: string, name: string) => flags[flag] ?? (env[name] || undefined);
  const dataDir = resolve(pick('dataDir', 'MENDUNIA_DATA_DIR') ?? 'data');
  const configDir = resolve(pick('configDir', 'MENDUNIA_CONFIG_DIR') ?? DEFAULT_CONFIG_DIR);
  const inConfig = (name: string) => resolve(configDir, name);
  const catalog = pick('catalog', 'MENDUNIA_CATALOG') ?? inConfig('catalog.json');
  const checkout = pick('checkout', 'MENDUNIA_CHECKOUT') ?? inConfig('checkout.json');
  const rates =
    pick('rates', 'MENDUNIA_RATES') ??
    ['rates.json', 'rates.xml', 'rates/rates.json', 'rates/eurofxref-daily.xml'].map(inConfig).find((p) => existsSync(p));
  const port = integer(pick('port', 'PORT') ?? '8787', 'PORT', 0, 65535);
  const payment = pick('payment', 'MENDUNIA_PAYMENT') ?? 'manual';
  if (payment !== 'manual' && payment !== 'midtrans') throw new SettingsError(`MENDUNIA_PAYMENT: expected manual or midtrans, got "${payment}"`);
  // The manual adapter gives the buyer the checkout configuration's own payment details now;
  // a second source could disagree with what the checkout shows.
  if (env.MENDUNIA_BANK_TRANSFER) {
    throw new SettingsError('MENDUNIA_BANK_TRANSFER is no longer read: put the account in checkout.json as "payment": { "bank": { "name", "accountName", "accountNumber" } } (docs/checkout.md#manual-payment-bank-transfer-or-qris)');
  }
  const databaseUrl = pick('databaseUrl', 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new SettingsError('DATABASE_URL: expected a postgres:// URL (leave it unset for SQLite in the data directory)');
  }
  const sandbox = env.MIDTRANS_ENV !== 'production';
  return {
    host: pick('host', 'HOST') ?? '127.0.0.1',
    port,
    dataDir,
    configDir,
    catalog,
    checkout,
    rates,
    ratesRefreshMs: duration(env.MENDUNIA_RATES_REFRESH ?? '6h', 'MENDUNIA_RATES_REFRESH'),
    databaseUrl,
    secret: env.MENDUNIA_SECRET || undefined,
    merchantToken: env.MENDUNIA_MERCHANT_TOKEN || undefined,
    quoteTtlMs: duration(env.MENDUNIA_QUOTE_TTL ?? '30m', 'MENDUNIA_QUOTE_TTL'),
    bodyLimit: integer(env.MENDUNIA_BODY_LIMIT ?? String(64 * 1024), 'MENDUNIA_BODY_LIMIT', 1024, 16 * 1024 * 1024),
    corsOrigin: env.MENDUNIA_CORS_ORIGIN ?? '*',
    payment,
    midtrans: {
      serverKey: env.MIDTRANS_SERVER_KEY || undefined,
      snapUrl: env.MIDTRANS_SNAP_URL || (sandbox ? 'https://app.sandbox.midtrans.com/snap/v1' : 'https://app.midtrans.com/snap/v1'),
      apiUrl: env.MIDTRANS_API_URL || (sandbox ? 'https://api.sandbox.midtrans.com' : 'https://api.midtrans.com'),
      finishUrl: env.MIDTRANS_FINISH_URL || undefined,
    },
    webhook: {
      url: env.MENDUNIA_WEBHOOK_URL || undefined,
      secret: env.MENDUNIA_WEBHOOK_SECRET || undefined,
      maxAttempts: integer(env.MENDUNIA_WEBHOOK_MAX_ATTEMPTS ?? '10', 'MENDUNIA_WEBHOOK_MAX_ATTEMPTS', 1, 100),
      retryBaseMs: duration(env.MENDUNIA_WEBHOOK_RETRY_BASE ?? '10s', 'MENDUNIA_WEBHOOK_RETRY_BASE'),
      pollMs: duration(env.MENDUNIA_WEBHOOK_POLL ?? '1s', 'MENDUNIA_WEBHOOK_POLL'),
      timeoutMs: duration(env.MENDUNIA_WEBHOOK_TIMEOUT ?? '10s', 'MENDUNIA_WEBHOOK_TIMEOUT'),
    },
    logLevel: env.MENDUNIA_LOG || undefined,
    timeouts: readTimeouts(env),
    rateLimit: {
      max: /^(off|0|false|no)$/i.test(env.MENDUNIA_RATE_LIMIT ?? '') ? 0 : integer(env.MENDUNIA_RATE_LIMIT || '60', 'MENDUNIA_RATE_LIMIT (requests per window, or off)', 1, 1_000_000),
      windowMs: duration(env.MENDUNIA_RATE_LIMIT_WINDOW || '1m', 'MENDUNIA_RATE_LIMIT_WINDOW'),
    },
    trustProxy: trustProxy(env.MENDUNIA_TRUST_PROXY),
    idempotencyTtlMs: duration(env.MENDUNIA_IDEMPOTENCY_TTL || '7d', 'MENDUNIA_IDEMPOTENCY_TTL'),
    production: env.NODE_ENV === 'production',
    admin: readAdmin(env),
  };
}

function readAdmin(env: NodeJS.ProcessEnv): AdminSettings {
  const idleMs = duration(env.MENDUNIA_ADMIN_IDLE || '2h', 'MENDUNIA_ADMIN_IDLE');
  const maxAgeMs = duration(env.MENDUNIA_ADMIN_MAX_AGE || '7d', 'MENDUNIA_ADMIN_MAX_AGE');
  if (idleMs <= 0 || maxAgeMs <= 0) throw new SettingsError('MENDUNIA_ADMIN_IDLE and MENDUNIA_ADMIN_MAX_AGE: expected durations above 0');
  if (idleMs > maxAgeMs) throw new SettingsError('MENDUNIA_ADMIN_IDLE: must not be longer than MENDUNIA_ADMIN_MAX_AGE');
  return { idleMs, maxAgeMs, assetsDir: env.MENDUNIA_ADMIN_ASSETS ? resolve(env.MENDUNIA_ADMIN_ASSETS) : undefined };
}

function readTimeouts(env: NodeJS.ProcessEnv): Timeouts {
  const positive = (name: string, fallback: string) => {
    const ms = duration(env[name] || fallback, name);
    if (ms <= 0) throw new SettingsError(`${name}: expected a duration above 0, got "${env[name]}"`);
    return ms;
  };
  const timeouts = {
    headersMs: positive('MENDUNIA_HEADERS_TIMEOUT', '10s'),
    requestMs: positive('MENDUNIA_REQUEST_TIMEOUT', '30s'),
    keepAliveMs: positive('MENDUNIA_KEEP_ALIVE_TIMEOUT', '10s'),
    connectionMs: positive('MENDUNIA_CONNECTION_TIMEOUT', '60s'),
  };
  if (timeouts.headersMs > timeouts.requestMs) throw new SettingsError('MENDUNIA_HEADERS_TIMEOUT: must not be longer than MENDUNIA_REQUEST_TIMEOUT (the headers are part of the request)');
  return timeouts;
}

/**
 * MENDUNIA_TRUST_PROXY: unset/false (the socket's address is the client), true (any proxy), a
 * number of proxy hops, or the proxies' addresses/CIDRs separated by commas.
 */
function trustProxy(text: string | undefined): boolean | number | string[] {
  const value = (text ?? '').trim();
  if (value === '' || /^(false|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return integer(value, 'MENDUNIA_TRUST_PROXY', 1, 32);
  const list = value.split(',').map((a) => a.trim()).filter(Boolean);
  const bad = list.find((a) => !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a));
  if (bad) throw new SettingsError(`MENDUNIA_TRUST_PROXY: expected true, a number of hops or IP addresses/CIDRs, got "${bad}"`);
  return list;
}

function integer(text: string, name: string, min: number, max: number) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new SettingsError(`${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

function duration(text: string, name: string) {
  try {
    return parseDuration(text);
  } catch (error) {
    throw new SettingsError(`${name}: ${(error as Error).message}`);
  }
}
