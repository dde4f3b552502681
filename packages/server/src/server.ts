/**
 * Starting the server: secrets, the shop's files, storage (migrated), payment adapters, the
 * webhook dispatcher, then the HTTP listener. `startServer` returns a handle whose `close()`
 * stops everything in order; the CLI calls it on SIGINT/SIGTERM.
 */
import { formatIssues } from '@mendunia/core';
import { buildApp } from './app.js';
import { createRepository } from './db/index.js';
import { createManualAdapter, createMidtransAdapter } from './payments/index.js';
import { dataDirWarning, ensureDataDir, loadSecret, weakSecret } from './secrets.js';
import { DEFAULT_CONFIG_DIR, SettingsError } from './settings.js';
import { loadCatalog, loadCheckout, RatesProvider, SourceError } from './sources.js';
import { WebhookDispatcher } from './webhooks.js';
import type { Settings } from './settings.js';
import type { PaymentAdapter } from './payments/index.js';

export async function startServer(settings: Settings, io: { log?: (message: string) => void } = {}) {
  const log = io.log ?? ((m: string) => process.stderr.write(`mendunia-server: ${m}\n`));

  for (const weak of [weakSecret('MENDUNIA_SECRET', settings.secret), weakSecret('MENDUNIA_MERCHANT_TOKEN', settings.merchantToken)]) {
    if (!weak) continue;
    if (settings.production) throw new SettingsError(`${weak} (refused with NODE_ENV=production)`);
    log(`warning: ${weak}`);
  }
  ensureDataDir(settings.dataDir);
  const openDir = dataDirWarning(settings.dataDir);
  if (openDir) log(`warning: ${openDir}`);
  const secret = loadSecret(settings.dataDir, 'secret', settings.secret);
  const merchant = loadSecret(settings.dataDir, 'merchant-token', settings.merchantToken);
  if (merchant.created) log(`created the merchant token in ${merchant.file} (use it as Authorization: Bearer <token> for merchant routes)`);

  const { catalog, issues } = await loadCatalog(settings.catalog).catch((error) => {
    if (settings.configDir === DEFAULT_CONFIG_DIR && error instanceof SourceError) {
      throw new SourceError(`${error.message} — give the shop's files with --config-dir (or MENDUNIA_CONFIG_DIR, or --catalog/--checkout/--rates)`);
    }
    throw error;
  });
  if (issues.length) log(`catalog ${settings.catalog}: some products were left out:\n${formatIssues(issues)}`);
  const config = await loadCheckout(settings.checkout);
  if (config.problems.length) log(`checkout ${settings.checkout}: these settings were left out:\n${config.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  const ratesProvider = new RatesProvider({ location: settings.rates, dataDir: settings.dataDir, refreshMs: settings.ratesRefreshMs, log });
  await ratesProvider.start();
  if (!ratesProvider.current) log(ratesProvider.lastError ?? 'no exchange rates: import duties are not estimated');

  const payments: Record<string, PaymentAdapter> = {
    manual: createManualAdapter({
      ...(config.payment ? { details: config.payment } : {}),
      ...(config.handoff.paymentLink ? { paymentLink: config.handoff.paymentLink } : {}),
      merchantToken: merchant.value,
    }),
  };
  if (settings.payment === 'manual' && !config.payment && !config.handoff.paymentLink) {
    log(`checkout ${settings.checkout} has no payment details (payment.bank, payment.qrisImage) nor handoff.paymentLink: buyers cannot pay online; POST /api/orders/{ref}/payment answers 503`);
  }
  if (settings.midtrans.serverKey) {
    payments.midtrans = createMidtransAdapter({ serverKey: settings.midtrans.serverKey, snapUrl: settings.midtrans.snapUrl, apiUrl: settings.midtrans.apiUrl, ...(settings.midtrans.finishUrl ? { finishUrl: settings.midtrans.finishUrl } : {}) });
  } else if (settings.payment === 'midtrans') {
    throw new SettingsError('MENDUNIA_PAYMENT=midtrans needs MIDTRANS_SERVER_KEY');
  }

  const repo = await createRepository(settings);
  let dispatcher;
  let app;
  try {
    await repo.migrate();
    const webhookSecret = settings.webhook.url ? loadSecret(settings.dataDir, 'webhook-secret', settings.webhook.secret) : undefined;
    if (webhookSecret?.created) log(`created the webhook signing secret in ${webhookSecret.file} (give it to the receiver of ${settings.webhook.url})`);
    dispatcher =
      settings.webhook.url && webhookSecret
        ? new WebhookDispatcher({ repo, url: settings.webhook.url, secret: webhookSecret.value, maxAttempts: settings.webhook.maxAttempts, retryBaseMs: settings.webhook.retryBaseMs, pollMs: settings.webhook.pollMs, timeoutMs: settings.webhook.timeoutMs, log })
        : undefined;
    const d = dispatcher;
    app = await buildApp({
      repo,
      shop: { catalog, config, rates: () => ratesProvider.current },
      ratesProvider,
      secret: secret.value,
      merchantToken: merchant.value,
      payments,
      paymentAdapter: settings.payment,
      webhooks: Boolean(d),
      ...(d ? { onEvent: () => d.kick() } : {}),
      quoteTtlMs: settings.quoteTtlMs,
      bodyLimit: settings.bodyLimit,
      corsOrigin: settings.corsOrigin,
      logLevel: settings.logLevel,
      timeouts: settings.timeouts,
      rateLimit: settings.rateLimit,
      trustProxy: settings.trustProxy,
      admin: settings.admin,
    });
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await repo.close().catch(() => undefined);
    ratesProvider.stop();
    throw error;
  }
  dispatcher?.start();
  // Idempotency-Key records are kept MENDUNIA_IDEMPOTENCY_TTL (a retry comes within minutes), then
  // purged: at start and every hour (more often for a shorter TTL).
  const purge = () =>
    repo.purgeIdempotencyKeys(new Date(Date.now() - settings.idempotencyTtlMs)).catch((error) => log(`purging idempotency keys: ${error instanceof Error ? error.message : String(error)}`));
  const purging = setInterval(purge, Math.min(60 * 60_000, Math.max(1000, Math.floor(settings.idempotencyTtlMs / 2))));
  purging.unref();
  await purge();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
  log(`Storefront API on ${url} (${repo.description}; ${catalog.products.length} products; rates ${ratesProvider.current?.date ?? 'none'}; payments: ${settings.payment}) — docs at ${url}/docs`);

  let closing;
  return {
    url,
    port,
    app,
    repo,
    close() {
      closing ??= (async () => {
        clearInterval(purging);
        await app.close();
        await dispatcher?.stop();
        ratesProvider.stop();
        await repo.close();
      })();
      return closing;
    },
  };
}
