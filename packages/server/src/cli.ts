/**
 * The `mendunia-server` command: run the server (default), look at orders, apply migrations,
 * print the OpenAPI document. Exit codes: 0 done, 2 bad input or settings, 1 a bug.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkShipment } from '@mendunia/core/fulfilment/index.js';
import { ORDER_STATUSES } from './schemas.js';
import { SettingsError, parseFlags, readSettings } from './settings.js';
import { SourceError } from './sources.js';
import { HttpProblem } from './problem.js';
import type { Settings } from './settings.js';
import type { Repository } from './db/index.js';
import type { ShipmentIssueCode } from '@mendunia/core/fulfilment/index.js';

export type Io = { stdout: { write(text: string): unknown }, stderr: { write(text: string): unknown } };

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const HELP = `Usage: mendunia-server [serve] [options]
       mendunia-server orders list [--status S] [--since DATE] [--limit N] [--format table|json|csv]
       mendunia-server orders show <reference> [--format text|json]
       mendunia-server orders export [--format csv|json] [--status S] [--since DATE] [--out FILE]
       mendunia-server orders status <reference> <${ORDER_STATUSES.join('|')}> [--note TEXT]
                                     (shipped: --carrier C --tracking NUMBER [--tracking-url URL])
       mendunia-server migrate | openapi | --version | --help

Runs the Mendunia Storefront API (authoritative quotes and idempotent orders) and shows its orders.

Options (each also an environment variable):
  --port N            PORT (8787; 0 picks a free port)
  --host H            HOST (127.0.0.1; 0.0.0.0 to listen on every interface)
  --data-dir D        MENDUNIA_DATA_DIR (./data): SQLite file, generated secrets, rates cache
  --config-dir D      MENDUNIA_CONFIG_DIR (the sample shop in this package's defaults/): catalog.json, checkout.json, rates
  --catalog F|URL     MENDUNIA_CATALOG     --checkout F|URL  MENDUNIA_CHECKOUT
  --rates F|URL       MENDUNIA_RATES (rates JSON or ECB eurofxref XML; URLs refresh every MENDUNIA_RATES_REFRESH, 6h)
  --database-url URL  DATABASE_URL (postgres://…; SQLite in the data directory when unset)
  --payment P         MENDUNIA_PAYMENT (manual | midtrans; midtrans needs MIDTRANS_SERVER_KEY)
Other environment: MENDUNIA_SECRET, MENDUNIA_MERCHANT_TOKEN, MENDUNIA_QUOTE_TTL (30m), MENDUNIA_WEBHOOK_URL,
  MENDUNIA_WEBHOOK_SECRET, MENDUNIA_CORS_ORIGIN (*), MIDTRANS_ENV, MIDTRANS_API_URL, MENDUNIA_LOG,
  MENDUNIA_HEADERS_TIMEOUT (10s), MENDUNIA_REQUEST_TIMEOUT (30s), MENDUNIA_KEEP_ALIVE_TIMEOUT (10s),
  MENDUNIA_CONNECTION_TIMEOUT (60s), MENDUNIA_RATE_LIMIT (60; off), MENDUNIA_RATE_LIMIT_WINDOW (1m),
  MENDUNIA_TRUST_PROXY, MENDUNIA_IDEMPOTENCY_TTL (7d), MENDUNIA_ADMIN_IDLE (2h), MENDUNIA_ADMIN_MAX_AGE (7d),
  MENDUNIA_ADMIN_ASSETS (the dashboard at /admin).

Documentation: docs/storefront-api.md
`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { flags, rest } = parseFlags(argv);
    const [command = 'serve', ...args] = rest;
    if (command === '-h' || command === '--help' || command === 'help') return (io.stdout.write(HELP), 0);
    if (command === '-v' || command === '--version') return (io.stdout.write(`${VERSION}\n`), 0);
    if (command === 'openapi') {
      const { openApiDocument } = await import('./openapi.js');
      io.stdout.write(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
      return 0;
    }
    const settings = readSettings(flags);
    if (command === 'serve') return await serve(settings, io);
    if (command === 'migrate') return await withRepo(settings, async (repo) => {
      const applied = await repo.migrate();
      io.stdout.write(applied.length ? `applied migrations ${applied.join(', ')} to ${repo.description}\n` : `${repo.description} is up to date\n`);
      return 0;
    });
    if (command === 'orders') return await orders(settings, args, io);
    return fail(io, `unknown command "${command}" (see mendunia-server --help)`);
  } catch (error) {
    if (error instanceof SettingsError || error instanceof SourceError || (error instanceof Error && /Error$/.test(error.name) && /Catalog|RateSource|CheckoutConfig/.test(error.name))) {
      return fail(io, error.message);
    }
    if (error instanceof HttpProblem) return fail(io, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'ECONNREFUSED') return fail(io, (error as Error).message);
    io.stderr.write(`mendunia-server: unexpected error, please report it with the command you ran:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function fail(io: Io, message: string) {
  io.stderr.write(`mendunia-server: ${message}\n`);
  return 2;
}

async function serve(settings: Settings, io: Io) {
  const { startServer } = await import('./server.js');
  const server = await startServer(settings, { log: (m) => io.stderr.write(`mendunia-server: ${m}\n`) });
  // A second signal while closing (Ctrl+C reaches `npm start`'s whole process group, which then
  // also sends SIGTERM) must not kill the process half-way: it is ignored.
  let stopping: Promise<void> | undefined;
  let stop: () => void = () => undefined;
  await new Promise((resolve) => {
    stop = () => {
      stopping ??= server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  return 0;
}

async function withRepo<T>(settings: Settings, fn: (repo: Repository) => Promise<T>) {
  const { createRepository } = await import('./db/index.js');
  const repo = await createRepository(settings);
  try {
    await repo.migrate();
    return await fn(repo);
  } finally {
    await repo.close();
  }
}

/**
 * @param known  option → true when it takes a value
 */
function options(args: readonly string[], known: Record<string, boolean | string>) {
  const values: Record<string, string> = {};
  const words = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!Object.hasOwn(known, name)) throw new SettingsError(`unknown option ${name} (known: ${Object.keys(known).join(', ')})`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new SettingsError(`${name} needs a value`);
    values[name.slice(2)] = value;
  }
  return { values, words };
}

async function orders(settings: Settings, args: readonly string[], io: Io) {
  const [sub, ...rest] = args;
  const exporter = await import('./export.js');
  const filter = (v: Record<string, string>) => {
    if (v.status && !(ORDER_STATUSES as readonly string[]).includes(v.status)) throw new SettingsError(`--status: expected one of ${ORDER_STATUSES.join(', ')}`);
    if (v.since && Number.isNaN(Date.parse(v.since))) throw new SettingsError('--since: expected a date such as 2026-11-01');
    const limit = v.limit === undefined ? undefined : Number(v.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new SettingsError('--limit: expected a whole number ≥ 1');
    return { ...(v.status ? { status: v.status } : {}), ...(v.since ? { since: v.since } : {}), ...(limit ? { limit } : {}) };
  };
  const emit = (text: string, out: string | undefined) => {
    if (out) {
      writeFileSync(out, text);
      io.stderr.write(`mendunia-server: wrote ${out}\n`);
    } else io.stdout.write(text);
  };

  switch (sub) {
    case 'list': {
      const { values } = options(rest, { '--status': true, '--since': true, '--limit': true, '--format': true });
      const format = values.format ?? 'table';
      if (!['table', 'json', 'csv'].includes(format)) throw new SettingsError('--format: expected table, json or csv');
      return withRepo(settings, async (repo) => {
        const list = await repo.listOrders(filter(values));
        io.stdout.write(format === 'json' ? exporter.ordersJson(list) : format === 'csv' ? exporter.ordersCsv(list) : exporter.ordersTable(list));
        return 0;
      });
    }
    case 'show': {
      const { values, words } = options(rest, { '--format': true });
      const reference = words[0];
      if (!reference) throw new SettingsError('orders show needs an order reference');
      return withRepo(settings, async (repo) => {
        const detail = await repo.getOrder(reference);
        if (!detail) return fail(io, `no order ${reference}`);
        const { orderView } = await import('./orders.js');
        io.stdout.write(values.format === 'json' ? `${exporter.jsonForTerminal(orderView(detail), 2)}\n` : exporter.orderText(detail));
        return 0;
      });
    }
    case 'export': {
      const { values } = options(rest, { '--status': true, '--since': true, '--limit': true, '--format': true, '--out': true });
      const format = values.format ?? 'csv';
      if (!['json', 'csv'].includes(format)) throw new SettingsError('--format: expected csv or json');
      return withRepo(settings, async (repo) => {
        const list = await repo.listOrders(filter(values));
        emit(format === 'json' ? exporter.ordersJson(list) : exporter.ordersCsv(list), values.out);
        return 0;
      });
    }
    case 'status': {
      const { values, words } = options(rest, { '--note': true, '--carrier': true, '--tracking': true, '--tracking-url': true });
      const [reference, status] = words;
      if (!reference || !status) throw new SettingsError('orders status needs a reference and a status');
      if (!(ORDER_STATUSES as readonly string[]).includes(status)) throw new SettingsError(`status: expected one of ${ORDER_STATUSES.join(', ')}`);
      // A shipment is recorded as the dashboard records it: carrier and tracking number required.
      const checked = status === 'shipped' ? checkShipment({ carrier: values.carrier, trackingNumber: values.tracking, trackingUrl: values['tracking-url'] }) : undefined;
      if (checked && !checked.shipment) throw new SettingsError(`shipped needs ${checked.issues.map((i) => CLI_SHIPMENT_ISSUES[i.code]).join(' and ')}`);
      if (!checked && (values.carrier || values.tracking || values['tracking-url'])) throw new SettingsError('--carrier, --tracking and --tracking-url go with the status shipped');
      return withRepo(settings, async (repo) => {
        const { changeOrderStatus } = await import('./orders.js');
        // Queued webhooks are sent by the running server, which reads the same outbox.
        const result = await changeOrderStatus({ repo, webhooks: Boolean(settings.webhook.url) }, reference, {
          to: status,
          source: 'cli',
          ...(values.note ? { note: values.note } : {}),
          ...(checked?.shipment ? { shipment: checked.shipment } : {}),
        });
        io.stdout.write(result.changed ? `${reference}: ${result.previousStatus} → ${result.status}\n` : `${reference} is already ${result.status}\n`);
        return 0;
      });
    }
    default:
      return fail(io, 'orders: expected list, show <reference>, export or status <reference> <status>');
  }
}

/** The words for core's shipment codes in the CLI's messages. */
const CLI_SHIPMENT_ISSUES: Record<ShipmentIssueCode, string> = {
  'shipment.carrier-required': '--carrier (e.g. dhl-express, pos-indonesia, or the carrier\'s name)',
  'shipment.tracking-required': '--tracking <tracking number>',
  'shipment.tracking-invalid': 'a --tracking number of 4–40 letters, digits, spaces or . _ / -',
  'shipment.tracking-url-invalid': 'an https --tracking-url',
};
