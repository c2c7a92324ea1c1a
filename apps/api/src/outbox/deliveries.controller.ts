import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { createZodDto } from '../common/zod-validation.pipe';
import { Requires } from '../staff/staff.decorators';
import { OutboxRepository } from './outbox.repository';
import { WebhookWorker } from './webhook.worker';
import { Journal } from '../journal/journal.decorators';

class DeliveriesQueryDto extends createZodDto(
  z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(200).default(25),
    pending: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  }),
) {}
class DeliveryIdDto extends createZodDto(z.strictObject({ id: z.coerce.number().int().min(1) })) {}

/** What the platform was told, and whether it heard: for leads and admins. */
@ApiTags('deliveries')
@Controller('deliveries')
@Requires('deliveries.view')
export class DeliveriesController {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly worker: WebhookWorker,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Journal('deliveries.viewed')
  @ApiOperation({ summary: 'Messages to the platform, newest first, with their last attempts.' })
  list(@Query() query: DeliveriesQueryDto) {
    return this.outbox.list(query.pending, query.perPage, (query.page - 1) * query.perPage);
  }

  @Post(':id/retry')
  @Journal('delivery.retried')
  @HttpCode(202)
  @Requires('deliveries.retry')
  @ApiOperation({ summary: 'Try this delivery again now.' })
  async retry(@Param() params: DeliveryIdDto): Promise<{ retried: true }> {
    if (!(await this.outbox.retryNow(params.id, this.clock.now()))) {
      throw new DomainException('not_pending');
    }
    void this.worker.tick();
    return { retried: true };
  }
}
