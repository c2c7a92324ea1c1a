import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SystemAlerts } from '../alert-store/system-alerts';
import { Clock } from '../common/clock';
import { every } from '../common/periodic';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';

const SCHEDULE_LOCK_KEY = 7_461_003;
const HOUR_MS = 3_600_000;
/** How often each instance looks: two cheap queries, so that the unsigned tail stays short. */
const LOOK_MS = 60_000;

/**
 * Signs the head of the register every REGISTER_CHECKPOINT_INTERVAL_HOURS, or as soon as
 * REGISTER_CHECKPOINT_EVERY_ENTRIES entries were appended since the last checkpoint, whichever
 * comes first. Each instance looks every minute (or at the interval when shorter); an advisory
 * lock, the time of the last checkpoint and its sequence make one of them sign, once. An
 * interval of 0 turns the schedule off: checkpoints on demand only. A checkpoint that could not
 * be signed raises a `checkpoint_failed` alert for the DPO (one open at a time).
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RegisterCheckpoints');
  private stop?: () => void;

  constructor(
    private readonly register: RegisterService,
    private readonly repository: RegisterRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly systemAlerts: SystemAlerts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const hours = this.config.REGISTER_CHECKPOINT_INTERVAL_HOURS;
    if (hours <= 0) return;
    const look = Math.min(hours * HOUR_MS, LOOK_MS);
    this.stop = every(look, look, () => this.tick());
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Signs a checkpoint when the last one is older than the interval or enough entries followed it; true when it did. */
  async tick(): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [{ locked }]: { locked: boolean }[] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SCHEDULE_LOCK_KEY]);
        if (!locked) return false;
        const hours = this.config.REGISTER_CHECKPOINT_INTERVAL_HOURS;
        const everyEntries = this.config.REGISTER_CHECKPOINT_EVERY_ENTRIES;
        const last = await this.register.latestCheckpointAt();
        const byTime = hours > 0 && (!last || this.clock.now().getTime() - last.getTime() >= hours * HOUR_MS);
        const byCount = everyEntries > 0 && (await this.repository.unsignedEntries(m)) >= everyEntries;
        if (!byTime && !byCount) return false;
        const signed = await this.register.checkpoint();
        if (signed) this.logger.log(`Signed checkpoint at entry ${signed.sequence}`);
        return signed !== undefined;
      });
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'Could not sign a checkpoint');
      // The DPO hears of it: an unsigned tail grows until someone does. An error's name, never its message.
      await this.systemAlerts.raise('checkpoint_failed', { error: error instanceof Error ? error.name : 'unknown' });
      return false;
    }
  }
}
