import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AlertWebhookPayload } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { postSigned, retryDelayMs } from '../outbox/signed-delivery';
import type { WebhookSecret } from '../outbox/webhook-secret';
import { AlertsRepository, type PendingDelivery } from '../alert-store/alerts.repository';

export const ALERT_WEBHOOK_SECRET = Symbol('ALERT_WEBHOOK_SECRET');

const BATCH = 20;
const LEASE_MS = 60_000;

/**
 * Sends each new alert to ALERT_WEBHOOK_URL, signed like the platform webhook but with a secret
 * of its own (ALERT_WEBHOOK_SECRET), retried with the same back-off until a 2xx. The payload names
 * the rule, the member of staff (none for a system alert) and the register sequences, or a system
 * alert's ids and codes: nothing of what was read or why.
 */
@Injectable()
export class AlertWebhook {
  private readonly logger = new Logger('AlertWebhook');

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ALERT_WEBHOOK_SECRET) private readonly secret: WebhookSecret,
  ) {}

  /** Delivers what is due; how many arrived. */
  async deliverDue(): Promise<number> {
    const url = this.config.ALERT_WEBHOOK_URL;
    if (!url) return 0;
    let delivered = 0;
    for (const pending of await this.alerts.claimDeliveries(this.clock.now(), BATCH, LEASE_MS)) if (await this.deliver(url, pending)) delivered += 1;
    return delivered;
  }

  private async deliver(url: string, { alert, attempts }: PendingDelivery): Promise<boolean> {
    const { id, rule, staffId, openedAt, windowStart, windowEnd, evidence, details } = alert;
    const payload: AlertWebhookPayload = { event: 'alert.opened', alert: { id, rule, staffId, openedAt, windowStart, windowEnd, evidence, details } };
    const { error } = await postSigned(url, this.secret.secret, JSON.stringify(payload), { event: 'alert.opened', idempotencyKey: `vigie-alert-${id}` }, this.clock.now());
    if (error === null) {
      await this.alerts.recordDelivery(id, { deliveredAt: this.clock.now() });
      return true;
    }
    const retryAt = new Date(this.clock.now().getTime() + retryDelayMs(this.config.WEBHOOK_RETRY_BASE_SECONDS, attempts));
    await this.alerts.recordDelivery(id, { retryAt, error });
    this.logger.warn({ alertId: id, attempt: attempts + 1, error }, 'Alert webhook delivery failed; will retry');
    return false;
  }
}
