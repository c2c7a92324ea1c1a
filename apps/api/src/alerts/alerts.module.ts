import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { loadSigningSecret } from '../outbox/webhook-secret';
import { StaffModule } from '../staff/staff.module';
import { AlertEvaluator } from './alert-evaluator.service';
import { AlertRulesRepository } from './alert-rules.repository';
import { ALERT_WEBHOOK_SECRET, AlertWebhook } from './alert-webhook';
import { AlertsController } from './alerts.controller';
import { AlertsScheduler } from './alerts.scheduler';
import { AlertsService } from './alerts.service';
import { SystemAlertsModule } from '../alert-store/system-alerts';

/** Alerts on anomalous access: rules over the register, evaluated as entries are written; the DPO's list; the webhook. */
@Module({
  imports: [StaffModule, SystemAlertsModule],
  controllers: [AlertsController],
  providers: [
    AlertRulesRepository,
    AlertEvaluator,
    AlertWebhook,
    AlertsScheduler,
    AlertsService,
    {
      provide: ALERT_WEBHOOK_SECRET,
      inject: [APP_CONFIG],
      // Needed (and generated outside production) only when alerts leave Vigie.
      useFactory: (config: AppConfig) =>
        config.ALERT_WEBHOOK_URL ? loadSigningSecret(config.ALERT_WEBHOOK_SECRET, config.DATA_DIR, 'alert-webhook-secret') : { secret: '' },
    },
  ],
  exports: [AlertEvaluator, AlertWebhook],
})
export class AlertsModule {}
