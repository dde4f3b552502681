/**
 * Webhooks to the merchant: every order event is written to an outbox table in the same
 * transaction as the change it reports, then POSTed to MENDUNIA_WEBHOOK_URL, signed, and retried
 * with exponential back-off until the merchant answers 2xx or the attempts run out. Nothing is
 * lost to a restart: undelivered events stay in the outbox.
 *
 * Signature: `X-Mendunia-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with
 * the webhook secret; `verifyWebhookSignature` below is what a receiver runs.
 */
import { randomBytes } from 'node:crypto';
import { hmacHex, safeEqual } from './canonical.js';
import type { Repository, WebhookRecord } from './db/index.js';

/** Longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

export function webhookEvent(type: string, reference: string | null, data: unknown, now: Date): WebhookRecord {
  const id = `evt_${randomBytes(12).toString('base64url')}`;
  return { id, type, reference, payload: { id, type, createdAt: now.toISOString(), data } };
}

/** @param timestamp unix seconds */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  return `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${body}`)}`;
}

/**
 * True when `header` is a valid signature of `body` made less than `toleranceSeconds` ago.
 */
export function verifyWebhookSignature(secret: string, header: string | undefined, body: string, options: { toleranceSeconds?: number, now?: number } = {}) {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => (p.trim().split('=', 2) as [string, string])));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  return safeEqual(parts.v1, hmacHex(secret, `${t}.${body}`));
}

/** Delay before attempt n+1 after n failed attempts: base × 2^(n−1), at most an hour. */
export function retryDelay(attempts: number, baseMs: number) {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

export interface WebhookDispatcherOptions {
  repo: Repository;
  url: string;
  secret: string;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  timeoutMs: number;
  log?: (message: string) => void;
}

export class WebhookDispatcher {
  options: WebhookDispatcherOptions;
  log: (message: string) => void;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
  stopped: boolean;

  constructor(options: WebhookDispatcherOptions) {
    this.options = options;
    this.log = options.log ?? (() => undefined);
    this.timer = undefined;
    this.running = undefined;
    this.again = false;
    this.stopped = false;
  }

  start() {
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a delivery round now (or right after the one in progress). */
  kick() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((error) => this.log(`webhooks: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async round() {
    const { repo, timeoutMs } = this.options;
    for (;;) {
      if (this.stopped) return;
      const due = await repo.claimWebhooks({ now: new Date(), limit: 10, lockMs: timeoutMs + 5000 });
      if (due.length === 0) return;
      await Promise.all(due.map((d) => this.deliver(d)));
    }
  }

  async deliver(delivery: { id: string, type: string, payload: unknown, attempts: number }) {
    const { repo, url, secret, maxAttempts, retryBaseMs, timeoutMs } = this.options;
    const body = JSON.stringify(delivery.payload);
    let error;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'mendunia-server',
          'x-mendunia-event': delivery.type,
          'x-mendunia-delivery': delivery.id,
          'x-mendunia-attempt': String(delivery.attempts),
          'x-mendunia-signature': signWebhook(secret, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return await repo.finishWebhook(delivery.id, { delivered: true, failed: false, now: new Date() });
      error = `HTTP ${response.status}`;
    } catch (e) {
      error = e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e);
    }
    const now = new Date();
    const failed = delivery.attempts >= maxAttempts;
    if (failed) this.log(`webhook ${delivery.id} (${delivery.type}) gave up after ${delivery.attempts} attempts: ${error}`);
    await repo.finishWebhook(delivery.id, { delivered: false, failed, error, nextAttemptAt: new Date(now.getTime() + retryDelay(delivery.attempts, retryBaseMs)), now });
  }
}
