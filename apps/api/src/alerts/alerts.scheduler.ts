import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { every } from '../common/periodic';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AlertEvaluator } from './alert-evaluator.service';
import { AlertWebhook } from './alert-webhook';

/**
 * Every ALERT_EVALUATION_SECONDS each instance looks at the register's new entries (the
 * evaluator's advisory lock makes one of them evaluate), then sends new alerts to the webhook:
 * an alert follows the entry that sets it off within seconds, not at night.
 */
@Injectable()
export class AlertsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Alerts');
  private stop?: () => void;
  private running?: Promise<void>;

  constructor(
    private readonly evaluator: AlertEvaluator,
    private readonly webhook: AlertWebhook,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.ALERT_EVALUATION_SECONDS;
    if (seconds <= 0) return;
    this.stop = every(seconds * 1000, seconds * 1000, () => this.tick());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop?.();
    await this.running;
  }

  /** One evaluation and one pass of the webhook; one at a time per instance. */
  tick(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      const opened = await this.evaluator.evaluate();
      if (opened.length) this.logger.warn({ alerts: opened }, 'Alerts on anomalous access opened');
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Alert evaluation failed');
    }
    try {
      await this.webhook.deliverDue();
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Alert webhook pass failed');
    }
  }
}
