import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DomainException } from '../common/domain.exception';
import { HourlySchedule } from '../common/periodic';
import { RetentionService } from './retention.service';

/**
 * Runs retention every RETENTION_SCHEDULE_HOURS without anyone remembering to. Each instance
 * looks hourly; the runner's advisory lock and the time of the last run make one of them run it.
 */
@Injectable()
export class RetentionScheduler extends HourlySchedule {
  private readonly logger = new Logger('RetentionSchedule');
  protected readonly firstLookMs = 10 * 60_000;

  constructor(
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalHours(): number {
    return this.config.RETENTION_SCHEDULE_HOURS;
  }

  async tick(): Promise<void> {
    try {
      if (await this.retention.due()) await this.retention.run({ dryRun: false, trigger: 'schedule' });
    } catch (error) {
      if (error instanceof DomainException && error.code === 'retention_running') return;
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Scheduled retention run failed to start');
    }
  }
}
