import { Inject, Injectable, Logger } from '@nestjs/common';
import { canAccess, type LegalHold, type LegalHoldChange, type LegalHoldRequest, type RetentionCounts, type RetentionPolicy, type RetentionPreview, type RetentionRun, type StaffRole } from '@vigie/contracts';
import { DataSource, type QueryRunner } from 'typeorm';
import { CaseRecordRepository } from '../cases/case-record.repository';
import { SystemAlerts } from '../alert-store/system-alerts';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import type { RequestClient } from '../common/request-client.decorator';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { NO_COUNTS, RetentionRepository } from './retention.repository';

const PREVIEW_DAYS = 30;

/** Who places or lifts a hold, as the answer names them. */
export interface HoldAuthor {
  id: string;
  name: string;
}

export interface RunOptions {
  dryRun: boolean;
  trigger: RetentionRun['trigger'];
  staffId?: string | null;
}

/**
 * The sweeper: closes cases inactive for longer than the retention period and erases their
 * personal data, a batch per transaction. One runner at a time across every API instance and
 * the CLI: a session-level advisory lock, held by the connection that does the work, released by
 * PostgreSQL itself if the process dies. A dry run does the same work in one transaction and
 * rolls it back, so its counts are the real run's by construction.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly retention: RetentionRepository,
    private readonly records: CaseRecordRepository,
    private readonly activity: StaffActivityRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly systemAlerts: SystemAlerts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a run and answers once it is under way; `done` settles when it ends. */
  async start(options: RunOptions): Promise<{ run: RetentionRun; done: Promise<void> }> {
    const { runner, unlock } = await this.retention.lockRunner();
    try {
      const at = this.clock.now();
      // A run left 'running' by a process that died: the DPO hears of each.
      for (const runId of await this.retention.markInterrupted(at)) await this.systemAlerts.raise('retention_failed', { runId, status: 'interrupted' });
      const cutoff = await this.retention.cutoff(at, this.config.RETENTION_PERIOD);
      const casesDue = await this.retention.countDue(runner.manager, cutoff);
      const id = await this.retention.insertRun({ startedAt: at, cutoff, dryRun: options.dryRun, trigger: options.trigger, startedBy: options.staffId ?? null, casesDue });
      const done = this.work(runner, id, cutoff, options).finally(unlock);
      return { run: (await this.retention.run(id)) as RetentionRun, done };
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  /** A whole run, to its end (the CLI, the schedule, tests). */
  async run(options: RunOptions): Promise<RetentionRun> {
    const { run, done } = await this.start(options);
    await done;
    return (await this.retention.run(run.id)) as RetentionRun;
  }

  private async work(runner: QueryRunner, id: string, cutoff: Date, options: RunOptions): Promise<void> {
    let counts: RetentionCounts = NO_COUNTS;
    let batches = 0;
    try {
      if (options.dryRun) await runner.startTransaction();
      for (;;) {
        if (!options.dryRun) await runner.startTransaction();
        const batch = await this.retention.purgeBatch(runner.manager, cutoff, this.config.RETENTION_BATCH_SIZE, this.clock.now(), id);
        if (!options.dryRun) await runner.commitTransaction();
        if (batch.casesPurged === 0) break;
        batches += 1;
        counts = sum(counts, batch);
        await this.retention.updateRun(id, { batches, counts });
      }
      // The staff journal's own retention: personal fields of entries older than STAFF_JOURNAL_RETENTION.
      const journalAt = this.clock.now();
      const journalCutoff = await this.retention.cutoff(journalAt, this.config.STAFF_JOURNAL_RETENTION);
      if (!options.dryRun) await runner.startTransaction();
      const journalEntriesErased = await this.activity.erasePersonalFields(runner.manager, journalCutoff, journalAt);
      if (!options.dryRun) await runner.commitTransaction();
      counts = { ...counts, journalEntriesErased };
      if (options.dryRun) await runner.rollbackTransaction();
      // The erasure is itself in the journal: verification accepts blank entries only under a recorded erasure.
      if (!options.dryRun && journalEntriesErased > 0) {
        await this.activity.record('journal.erased', { details: { runId: id, cutoff: journalCutoff.toISOString(), entries: journalEntriesErased } });
      }
      await this.retention.updateRun(id, { batches, counts, status: 'completed', finishedAt: this.clock.now() });
      this.logger.log(`Retention run ${id}${options.dryRun ? ' (dry)' : ''}: ${counts.casesPurged} cases in ${batches} batches`);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      const message = error instanceof Error ? `${error.name}: ${(error as { code?: string }).code ?? ''}`.trim() : 'unknown error';
      await this.retention.updateRun(id, { batches, counts, status: 'failed', finishedAt: this.clock.now(), error: message }).catch(() => undefined);
      this.logger.error({ runId: id, err: message }, 'Retention run failed');
      await this.systemAlerts.raise('retention_failed', { runId: id, status: 'failed', error: message, dryRun: options.dryRun });
    }
  }

  async startManual(dryRun: boolean, staffId: string, client: RequestClient): Promise<RetentionRun> {
    const { run, done } = await this.start({ dryRun, trigger: 'manual', staffId });
    void done;
    await this.activity.record('retention.run_started', { actorId: staffId, ip: client.ip, userAgent: client.userAgent, details: { runId: run.id, dryRun } });
    return run;
  }

  async policy(): Promise<RetentionPolicy> {
    const now = this.clock.now();
    const hours = this.config.RETENTION_SCHEDULE_HOURS;
    const last = hours > 0 ? await this.retention.lastRealRunAt() : undefined;
    return {
      period: this.config.RETENTION_PERIOD,
      scheduleHours: hours,
      nextRunAt: hours > 0 ? new Date(Math.max(now.getTime(), (last?.getTime() ?? now.getTime()) + (last ? hours * 3_600_000 : 0))).toISOString() : null,
      batchSize: this.config.RETENTION_BATCH_SIZE,
      cutoffNow: (await this.retention.cutoff(now, this.config.RETENTION_PERIOD)).toISOString(),
    };
  }

  async preview(until?: string): Promise<RetentionPreview> {
    const end = until ? new Date(until) : new Date(this.clock.now().getTime() + PREVIEW_DAYS * 86_400_000);
    const cutoff = await this.retention.cutoff(end, this.config.RETENTION_PERIOD);
    return { until: end.toISOString(), cutoff: cutoff.toISOString(), ...(await this.retention.preview(cutoff, this.config.RETENTION_PERIOD)) };
  }

  runs(page: number, perPage: number) {
    return this.retention.runs(perPage, (page - 1) * perPage);
  }

  async getRun(id: string): Promise<RetentionRun> {
    const run = await this.retention.run(id);
    if (!run) throw new DomainException('run_not_found');
    return run;
  }

  /** True when the schedule says a run is due (used by the scheduler). */
  async due(): Promise<boolean> {
    const hours = this.config.RETENTION_SCHEDULE_HOURS;
    if (hours <= 0) return false;
    const last = await this.retention.lastRealRunAt();
    return !last || this.clock.now().getTime() - last.getTime() >= hours * 3_600_000;
  }

  /** Every held case; the reasons only for those who may read them (leads and the DPO, not admins). */
  async legalHolds(viewerRoles: readonly StaffRole[]): Promise<{ data: LegalHold[]; total: number }> {
    const holds = await this.retention.legalHolds();
    if (canAccess(viewerRoles, 'legal_hold.reason')) return holds;
    return { ...holds, data: holds.data.map((hold) => ({ ...hold, reason: null })) };
  }

  placeHold(caseId: string, request: LegalHoldRequest, by: HoldAuthor, client: RequestClient): Promise<LegalHoldChange> {
    return this.changeHold(caseId, request.reason, by, client, true);
  }

  liftHold(caseId: string, request: LegalHoldRequest, by: HoldAuthor, client: RequestClient): Promise<LegalHoldChange> {
    return this.changeHold(caseId, request.reason, by, client, false);
  }

  /** Answers with the hold only: whoever holds a case (the DPO) is not thereby shown its contents. */
  private async changeHold(caseId: string, reason: string, by: HoldAuthor, client: RequestClient, place: boolean): Promise<LegalHoldChange> {
    const at = this.clock.now();
    // Holding is about retention, not moderation: it does not count as activity on the case.
    const outcome = await this.dataSource.transaction(async (m) => {
      const result = await this.records.setLegalHold(m, caseId, place ? { reason, by: by.id, at } : null);
      if (result === 'done') await this.retention.addCaseEvent(m, caseId, place ? 'legal_hold_placed' : 'legal_hold_lifted', by.id, at, { reason });
      return result;
    });
    if (outcome === 'not_found') throw new DomainException('case_not_found');
    if (outcome !== 'done') {
      throw new DomainException(outcome, outcome === 'data_purged' ? { message: "This case's data was already erased by retention." } : {});
    }
    // The staff log names the case, not the reason: reasons may name people and outlive the case.
    await this.activity.record(place ? 'legal_hold.placed' : 'legal_hold.lifted', { actorId: by.id, ip: client.ip, userAgent: client.userAgent, details: { caseId } });
    return { caseId, legalHold: place, reason, at: at.toISOString(), by: { id: by.id, name: by.name } };
  }
}

function sum(a: RetentionCounts, b: RetentionCounts): RetentionCounts {
  return Object.fromEntries(Object.keys(a).map((key) => [key, a[key as keyof RetentionCounts] + b[key as keyof RetentionCounts]])) as unknown as RetentionCounts;
}
