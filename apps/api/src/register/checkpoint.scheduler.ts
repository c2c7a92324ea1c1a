import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { HourlySchedule } from '../common/periodic';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RegisterService } from './register.service';

const SCHEDULE_LOCK_KEY = 7_461_003;
const HOUR_MS = 3_600_000;

/**
 * Signs the head of the register every REGISTER_CHECKPOINT_INTERVAL_HOURS. Each instance looks
 * hourly; an advisory lock and the time of the last checkpoint make one of them sign, once.
 */
@Injectable()
export class CheckpointScheduler extends HourlySchedule {
  private readonly logger = new Logger('RegisterCheckpoints');
  protected readonly firstLookMs = 60_000;

  constructor(
    private readonly register: RegisterService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalHours(): number {
    return this.config.REGISTER_CHECKPOINT_INTERVAL_HOURS;
  }

  /** Signs a checkpoint when the last one is older than the interval; true when it did. */
  async tick(): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [{ locked }]: { locked: boolean }[] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SCHEDULE_LOCK_KEY]);
        if (!locked) return false;
        const last = await this.register.latestCheckpointAt();
        const due = this.config.REGISTER_CHECKPOINT_INTERVAL_HOURS * HOUR_MS;
        if (last && this.clock.now().getTime() - last.getTime() < due) return false;
        const signed = await this.register.checkpoint();
        if (signed) this.logger.log(`Signed checkpoint at entry ${signed.sequence}`);
        return signed !== undefined;
      });
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Could not sign a checkpoint');
      return false;
    }
  }
}
