import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DomainException } from '../common/domain.exception';
import { every } from '../common/periodic';
import { RetentionService } from './retention.service';

const FIRST_LOOK_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * Runs retention every RETENTION_SCHEDULE_HOURS without anyone remembering to. Each instance
 * looks hourly; the runner's advisory lock and the time of the last run make one of them run it.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RetentionSchedule');
  private stop?: () => void;

  constructor(
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const hours = this.config.RETENTION_SCHEDULE_HOURS;
    if (hours <= 0) return;
    const look = Math.min(hours * HOUR_MS, HOUR_MS);
    this.stop = every(look, Math.min(FIRST_LOOK_MS, look), () => this.tick());
  }

  onApplicationShutdown(): void {
    this.stop?.();
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
