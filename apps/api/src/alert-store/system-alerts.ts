import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { AlertDetails, SystemAlertRule } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AlertsRepository } from './alerts.repository';

/**
 * Raises the alerts about Vigie itself — a broken register, a failed or interrupted retention
 * run, a checkpoint that could not be signed — for the modules that find them. Raising never
 * throws: an alarm that cannot be written is logged, and what failed stays failed.
 */
@Injectable()
export class SystemAlerts {
  private readonly logger = new Logger('SystemAlerts');

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The new alert's id; undefined when the same alarm is already open (or was raised for the same run). */
  async raise(rule: SystemAlertRule, details: AlertDetails): Promise<string | undefined> {
    try {
      const id = await this.alerts.raiseSystem(rule, details, this.clock.now(), this.config.ALERT_WEBHOOK_URL !== undefined);
      if (id) this.logger.warn({ alertId: id, rule, details }, 'System alert opened');
      return id;
    } catch (error) {
      this.logger.error({ rule, err: error instanceof Error ? error.message : String(error) }, 'Could not raise a system alert');
      return undefined;
    }
  }
}

/** The alerts' table for the modules that raise system alerts (register, retention), without importing the alerts' routes. */
@Module({
  providers: [AlertsRepository, SystemAlerts],
  exports: [AlertsRepository, SystemAlerts],
})
export class SystemAlertsModule {}
