import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { HourlySchedule } from '../common/periodic';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RegisterService } from './register.service';

// Any constant works; every instance of the API must use the same one.
const VERIFY_LOCK_KEY = 7_461_006;
const HOUR_MS = 3_600_000;

/**
 * Verifies the register and the staff journal every REGISTER_VERIFY_SCHEDULE_HOURS, without the
 * DPO having to ask: a broken chain raises a `register_broken` alert. Each instance looks hourly;
 * an advisory lock and the time of the last scheduled verification make one of them verify. 0:
 * on demand only.
 */
@Injectable()
export class VerificationScheduler extends HourlySchedule {
  private readonly logger = new Logger('RegisterVerification');
  protected readonly firstLookMs = 15 * 60_000;

  constructor(
    private readonly register: RegisterService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalHours(): number {
    return this.config.REGISTER_VERIFY_SCHEDULE_HOURS;
  }

  /** Verifies when the last scheduled verification is older than the interval; true when it did (whatever it found). */
  async tick(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [VERIFY_LOCK_KEY]);
      if (!locked) return false;
      try {
        const hours = this.config.REGISTER_VERIFY_SCHEDULE_HOURS;
        const last = await this.register.lastScheduledVerificationAt();
        if (last && this.clock.now().getTime() - last.getTime() < hours * HOUR_MS) return false;
        const verification = await this.register.verifyAndRecord('schedule');
        if (verification.intact) this.logger.log(`Register verified intact up to entry ${verification.headSequence}`);
        else this.logger.error({ firstBroken: verification.firstBroken ?? verification.journal.firstBroken }, 'The scheduled verification found the register broken');
        return true;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [VERIFY_LOCK_KEY]).catch(() => undefined);
      }
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Scheduled verification of the register failed');
      return false;
    } finally {
      await runner.release();
    }
  }
}
