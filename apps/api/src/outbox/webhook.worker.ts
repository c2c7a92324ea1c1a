import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { signatureHeader } from '@vigie/intake-client';
import { Clock } from '../common/clock';
import { every } from '../common/periodic';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type OutboxMessage, OutboxRepository } from './outbox.repository';
import { WEBHOOK_SECRET, type WebhookSecret } from './webhook-secret';

const BATCH = 20;
const TIMEOUT_MS = 10_000;
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * Delivers the outbox to `PLATFORM_WEBHOOK_URL`, signed like intake (`X-Signature`, its own
 * secret), until the platform answers 2xx: exponential back-off between attempts, each attempt
 * recorded. The platform de-duplicates with `Idempotency-Key` (a message may arrive twice if an
 * answer is lost).
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhook');
  private stop?: () => void;
  private running?: Promise<number>;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOK_SECRET) private readonly secret: WebhookSecret,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.PLATFORM_WEBHOOK_URL || this.config.WEBHOOK_POLL_MS <= 0) return;
    this.stop = every(this.config.WEBHOOK_POLL_MS, this.config.WEBHOOK_POLL_MS, () => this.tick());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop?.();
    await this.running;
  }

  /** One pass over what is due; returns how many messages it delivered. One pass at a time per instance. */
  tick(): Promise<number> {
    this.running ??= this.deliverDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async deliverDue(): Promise<number> {
    const url = this.config.PLATFORM_WEBHOOK_URL;
    if (!url) return 0;
    const due = await this.outbox.claimDue(this.clock.now(), BATCH, LEASE_MS);
    let delivered = 0;
    for (const message of due) if (await this.deliver(url, message)) delivered += 1;
    return delivered;
  }

  private async deliver(url: string, message: OutboxMessage): Promise<boolean> {
    const body = JSON.stringify(message.payload);
    const startedAt = this.clock.now();
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': signatureHeader(this.secret.secret, Math.floor(startedAt.getTime() / 1000), body),
          'x-vigie-event': message.eventType,
          'idempotency-key': `vigie-outbox-${message.id}`,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (failure) {
      // Network errors name hosts and codes, never the payload.
      error = failure instanceof Error ? `${failure.name}: ${(failure as { cause?: { code?: string } }).cause?.code ?? failure.message}`.slice(0, 200) : 'unknown error';
    }
    const durationMs = Math.round(performance.now() - started);
    const ok = error === null;
    const backoff = Math.min(this.config.WEBHOOK_RETRY_BASE_SECONDS * 1000 * 2 ** message.attempts, MAX_BACKOFF_MS);
    await this.outbox.recordAttempt(
      message.id,
      startedAt,
      { statusCode, error, durationMs },
      ok ? { deliveredAt: this.clock.now() } : { retryAt: new Date(this.clock.now().getTime() + backoff) },
    );
    if (!ok) this.logger.warn({ outboxId: message.id, attempt: message.attempts + 1, error }, 'Webhook delivery failed; will retry');
    return ok;
  }
}
