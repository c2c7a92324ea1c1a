import { Injectable } from '@nestjs/common';
import type { LegalHold, RetentionCounts, RetentionPreview, RetentionRun } from '@vigie/contracts';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { CaseRecordRepository } from '../cases/case-record.repository';
import { addCaseEvent } from '../cases/case-timeline';
import { RegisterRepository } from '../register/register.repository';
import { PERSONAL_DATA, purgedTables, purgeStatement, type RowScope } from './personal-data';

/** The sweeper's predicate: not yet purged, not held, inactive since before the cutoff. */
// Any constant works; every API instance and the CLI must use the same one.
const RUNNER_LOCK_KEY = 7_461_004;

const DUE = `c.data_purged_at IS NULL AND NOT c.legal_hold AND c.last_activity_at < $1`;

export const NO_COUNTS: RetentionCounts = {
  casesPurged: 0,
  casesClosed: 0,
  messagesErased: 0,
  reportCommentsErased: 0,
  notesErased: 0,
  usersPseudonymised: 0,
  conversationsPseudonymised: 0,
  registerEntriesErased: 0,
  journalEntriesErased: 0,
};

interface RunRow {
  id: string;
  started_at: Date;
  finished_at: Date | null;
  cutoff: Date;
  dry_run: boolean;
  status: RetentionRun['status'];
  trigger: RetentionRun['trigger'];
  started_by: string | null;
  started_by_name: string | null;
  cases_due: number;
  batches: number;
  counts: Partial<RetentionCounts>;
  error: string | null;
  reference: string | null;
}

/**
 * Every query of retention. The purge works in the database, a batch of cases at a time, with
 * set-based statements; nothing is read row by row into Node.
 */
@Injectable()
export class RetentionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: CaseRecordRepository,
    private readonly register: RegisterRepository,
  ) {}

  /**
   * The runner's connection, holding the lock that makes one runner at a time across every API
   * instance and the CLI (the sweeper, an erasure on request): a session-level advisory lock,
   * released by PostgreSQL itself if the process dies. 409 `retention_running` when it is taken.
   */
  async lockRunner(): Promise<{ runner: QueryRunner; unlock: () => Promise<void> }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [RUNNER_LOCK_KEY]);
    if (!locked) {
      await runner.release();
      throw new DomainException('retention_running');
    }
    const unlock = async () => {
      await runner.query('SELECT pg_advisory_unlock($1)', [RUNNER_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    };
    return { runner, unlock };
  }

  /** `at` minus the retention period, computed by PostgreSQL's calendar (P3Y from 29 Feb is 28 Feb). */
  async cutoff(at: Date, period: string): Promise<Date> {
    const [row]: { cutoff: Date }[] = await this.dataSource.query(`SELECT ($1::timestamptz - $2::interval) AS cutoff`, [at, period]);
    return row.cutoff;
  }

  async countDue(m: EntityManager, cutoff: Date): Promise<number> {
    const [row]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM moderation_case c WHERE ${DUE}`, [cutoff]);
    return row.n;
  }

  /**
   * Closes and erases one batch of due cases; the predicate is checked again here, so a rerun
   * after a crash picks up exactly what is left. Returns what it did, by kind.
   */
  async purgeBatch(m: EntityManager, cutoff: Date, batchSize: number, at: Date, runId: string): Promise<RetentionCounts> {
    const picked: { id: string }[] = await m.query(
      `SELECT c.id FROM moderation_case c WHERE ${DUE} ORDER BY c.last_activity_at, c.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [cutoff, batchSize],
    );
    if (picked.length === 0) return NO_COUNTS;
    return this.purgeCases(m, picked.map((row) => row.id), at, runId, 'retention_expired');
  }

  /**
   * Closes (as `closeReason`) and erases the given cases, in the caller's transaction: the one
   * purge, whether the sweeper found the cases due or a person asked for their data's erasure.
   */
  async purgeCases(m: EntityManager, ids: string[], at: Date, runId: string, closeReason: 'retention_expired' | 'erasure_requested'): Promise<RetentionCounts> {
    if (ids.length === 0) return NO_COUNTS;
    // The case rows change through their owner, in this batch's transaction.
    const casesClosed = await this.records.closeExpired(m, ids, at, runId, closeReason);
    await this.records.markPurged(m, ids, at);

    // Conversations and people no case still needs once these are erased, found once.
    const [{ freed }]: { freed: string[] }[] = await m.query(
      `SELECT coalesce(array_agg(DISTINCT c.conversation_id::text), '{}') AS freed FROM moderation_case c
        WHERE c.id = ANY ($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM moderation_case o WHERE o.conversation_id = c.conversation_id AND o.data_purged_at IS NULL)`,
      [ids],
    );
    const [{ released }]: { released: string[] }[] = await m.query(
      `WITH candidates AS (
         SELECT p.user_id AS id FROM conversation_participant p
          WHERE p.conversation_id IN (SELECT conversation_id FROM moderation_case WHERE id = ANY ($1::uuid[]))
         UNION SELECT reporter_id FROM report WHERE case_id = ANY ($1::uuid[])
         UNION SELECT reported_id FROM report WHERE case_id = ANY ($1::uuid[])
         UNION SELECT appellant_id FROM appeal WHERE case_id = ANY ($1::uuid[]))
       SELECT coalesce(array_agg(k.id::text), '{}') AS released FROM candidates k
        WHERE NOT EXISTS (SELECT 1 FROM conversation_participant p JOIN moderation_case o ON o.conversation_id = p.conversation_id
                           WHERE p.user_id = k.id AND o.data_purged_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM report r JOIN moderation_case o ON o.id = r.case_id
                           WHERE r.reporter_id = k.id AND o.data_purged_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM report r JOIN moderation_case o ON o.id = r.case_id
                           WHERE r.reported_id = k.id AND o.data_purged_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM appeal a JOIN moderation_case o ON o.id = a.case_id
                           WHERE a.appellant_id = k.id AND o.data_purged_at IS NULL)`,
      [ids],
    );

    const erased = await this.eraseListed(m, { case: ids, conversation: freed, user: released });
    const registerEntriesErased = await this.register.erasePersonalFields(m, runId, ids, at);

    return {
      ...erased,
      casesPurged: ids.length,
      casesClosed,
      registerEntriesErased,
    };
  }

  /** Everything the list of personal data says goes, one generated statement per table; counted by kind. */
  private async eraseListed(m: EntityManager, scopes: Record<Exclude<RowScope, 'none'>, string[]>): Promise<RetentionCounts> {
    const counts: RetentionCounts = { ...NO_COUNTS };
    for (const table of purgedTables()) {
      const policy = PERSONAL_DATA[table];
      const scope = scopes[policy.rows as Exclude<RowScope, 'none'>];
      if (scope.length === 0) continue;
      const n = Number(((await m.query(purgeStatement(table), [scope])) as { n: string }[])[0].n);
      if (policy.count) counts[policy.count.as] += n;
    }
    return counts;
  }

  async preview(cutoff: Date, period: string): Promise<Omit<RetentionPreview, 'until' | 'cutoff'>> {
    const [cases, [totals]] = await Promise.all([
      this.dataSource.query(
        `SELECT c.id AS "caseId", c.status, c.last_activity_at AS "lastActivityAt",
                c.last_activity_at + $2::interval AS "dueAt",
                ARRAY(SELECT DISTINCT r.category FROM report r WHERE r.case_id = c.id ORDER BY 1) AS categories,
                (SELECT count(*)::int FROM report r WHERE r.case_id = c.id) AS "reportCount",
                (SELECT count(*)::int FROM message msg WHERE msg.conversation_id = c.conversation_id) AS "messageCount"
           FROM moderation_case c WHERE ${DUE} ORDER BY c.last_activity_at, c.id LIMIT 200`,
        [cutoff, period],
      ) as Promise<{ caseId: string; status: string; lastActivityAt: Date; dueAt: Date; categories: string[]; reportCount: number; messageCount: number }[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS cases,
                (SELECT count(*)::int FROM report r WHERE r.case_id IN (SELECT c.id FROM moderation_case c WHERE ${DUE})) AS reports,
                (SELECT count(*)::int FROM message msg WHERE msg.conversation_id IN (SELECT c.conversation_id FROM moderation_case c WHERE ${DUE})) AS messages
           FROM moderation_case c WHERE ${DUE}`,
        [cutoff],
      ) as Promise<{ cases: number; reports: number; messages: number }[]>,
    ]);
    return {
      totals,
      cases: cases.map((c) => ({
        ...c,
        status: c.status as RetentionPreview['cases'][number]['status'],
        categories: c.categories as RetentionPreview['cases'][number]['categories'],
        lastActivityAt: c.lastActivityAt.toISOString(),
        dueAt: c.dueAt.toISOString(),
      })),
    };
  }

  async insertRun(run: { startedAt: Date; cutoff: Date; dryRun: boolean; trigger: RetentionRun['trigger']; startedBy: string | null; casesDue: number; reference?: string }): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, started_by, cases_due, counts, reference)
       VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8) RETURNING id`,
      [run.startedAt, run.cutoff, run.dryRun, run.trigger, run.startedBy, run.casesDue, JSON.stringify(NO_COUNTS), run.reference ?? null],
    );
    return row.id;
  }

  /** Progress, visible to others while the run goes on (its own statement, outside the batch's transaction). */
  async updateRun(id: string, change: { batches: number; counts: RetentionCounts; status?: RetentionRun['status']; finishedAt?: Date; error?: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE retention_run SET batches = $2, counts = $3, status = COALESCE($4, status), finished_at = COALESCE($5, finished_at),
              error = COALESCE($6, error) WHERE id = $1`,
      [id, change.batches, JSON.stringify(change.counts), change.status ?? null, change.finishedAt ?? null, change.error ?? null],
    );
  }

  /** Runs left `running` by a process that died: only called while holding the runner's lock. */
  /** Marks the runs still 'running' (their process died: the runner's lock is free) as interrupted; their ids. */
  async markInterrupted(at: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH done AS (UPDATE retention_run SET status = 'interrupted', finished_at = $1 WHERE status = 'running' RETURNING id) SELECT id FROM done`,
      [at],
    );
    return rows.map((r) => r.id);
  }

  async runs(limit: number, offset: number): Promise<{ data: RetentionRun[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${RUN_SELECT} ORDER BY r.started_at DESC, r.id LIMIT $1 OFFSET $2`, [limit, offset]) as Promise<RunRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM retention_run`) as Promise<{ total: number }[]>,
    ]);
    return { data: rows.map(toRun), total };
  }

  async run(id: string): Promise<RetentionRun | undefined> {
    const [row]: RunRow[] = await this.dataSource.query(`${RUN_SELECT} WHERE r.id = $1`, [id]);
    return row ? toRun(row) : undefined;
  }

  /** The last real sweep: an erasure on request erases one person's cases, it does not put off the schedule. */
  async lastRealRunAt(): Promise<Date | undefined> {
    const [row]: { at: Date | null }[] = await this.dataSource.query(`SELECT max(started_at) AS at FROM retention_run WHERE NOT dry_run AND trigger <> 'request'`);
    return row?.at ?? undefined;
  }

  // Legal holds.

  addCaseEvent(m: EntityManager, caseId: string, type: string, actorId: string, at: Date, data: Record<string, unknown>): Promise<void> {
    return addCaseEvent(m, caseId, type, actorId, at, data);
  }

  async legalHolds(): Promise<{ data: LegalHold[]; total: number }> {
    const rows: (Omit<LegalHold, 'lastActivityAt' | 'placedAt' | 'placedBy'> & { lastActivityAt: Date; placedAt: Date; placed_by: string | null; placed_by_name: string | null })[] =
      await this.dataSource.query(
        `SELECT c.id AS "caseId", c.status, c.last_activity_at AS "lastActivityAt", c.legal_hold_reason AS reason,
                c.legal_hold_at AS "placedAt", c.legal_hold_by AS placed_by, s.name AS placed_by_name,
                ARRAY(SELECT DISTINCT r.category FROM report r WHERE r.case_id = c.id ORDER BY 1) AS categories
           FROM moderation_case c LEFT JOIN staff_user s ON s.id = c.legal_hold_by
          WHERE c.legal_hold ORDER BY c.legal_hold_at DESC NULLS LAST, c.id`,
      );
    const data = rows.map(({ placed_by, placed_by_name, ...row }) => ({
      ...row,
      reason: row.reason ?? '',
      lastActivityAt: row.lastActivityAt.toISOString(),
      placedAt: row.placedAt?.toISOString() ?? '',
      placedBy: placed_by ? { id: placed_by, name: placed_by_name ?? '' } : null,
    }));
    return { data, total: data.length };
  }
}

const RUN_SELECT = `
  SELECT r.id, r.started_at, r.finished_at, r.cutoff, r.dry_run, r.status, r.trigger, r.started_by, s.name AS started_by_name,
         r.cases_due, r.batches, r.counts, r.error, r.reference
    FROM retention_run r LEFT JOIN staff_user s ON s.id = r.started_by`;

function toRun(row: RunRow): RetentionRun {
  return {
    id: row.id,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    cutoff: row.cutoff.toISOString(),
    dryRun: row.dry_run,
    status: row.status,
    trigger: row.trigger,
    startedBy: row.started_by ? { id: row.started_by, name: row.started_by_name ?? '' } : null,
    casesDue: row.cases_due,
    batches: row.batches,
    counts: { ...NO_COUNTS, ...row.counts },
    error: row.error,
    reference: row.reference,
  };
}
