import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { every } from '../common/periodic';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type OutboxMessage, OutboxRepository } from './outbox.repository';
import { postSigned, retryDelayMs } from './signed-delivery';
import { WEBHOOK_SECRET, type WebhookSecret } from './webhook-secret';

const BATCH = 20;
const LEASE_MS = 60_000;

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
    const startedAt = this.clock.now();
    const attempt = await postSigned(url, this.secret.secret, JSON.stringify(message.payload), { event: message.eventType, idempotencyKey: `vigie-outbox-${message.id}` }, startedAt);
    const { error } = attempt;
    const ok = error === null;
    const backoff = retryDelayMs(this.config.WEBHOOK_RETRY_BASE_SECONDS, message.attempts);
    await this.outbox.recordAttempt(
      message.id,
      startedAt,
      attempt,
      ok ? { deliveredAt: this.clock.now() } : { retryAt: new Date(this.clock.now().getTime() + backoff) },
    );
    if (!ok) this.logger.warn({ outboxId: message.id, attempt: message.attempts + 1, error }, 'Webhook delivery failed; will retry');
    return ok;
  }
}
