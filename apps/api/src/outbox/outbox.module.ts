import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DeliveriesController } from './deliveries.controller';
import { OutboxRepository } from './outbox.repository';
import { loadWebhookSecret, WEBHOOK_SECRET } from './webhook-secret';
import { WebhookWorker } from './webhook.worker';

/** The transactional outbox and the worker that delivers it to the platform. */
@Module({
  controllers: [DeliveriesController],
  providers: [
    OutboxRepository,
    WebhookWorker,
    { provide: WEBHOOK_SECRET, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadWebhookSecret(config) },
  ],
  exports: [OutboxRepository, WebhookWorker, WEBHOOK_SECRET],
})
export class OutboxModule {}
